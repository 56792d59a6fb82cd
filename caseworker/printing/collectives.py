"""The collective household's papers, A4 with the embedded font: the roster (集体户成员
名册), the family household booklet page (家庭居民户口簿), and the record of a
homeowner's consent or a registered lease. Plain values in, PDF bytes out; every
character is checked against the font first, as for the four documents."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from caseworker.printing.documents import field_table, grid_table, para, styles
from caseworker.printing.fonts import check

ROSTER_TITLE = "集体户成员名册"
BOOKLET_TITLE = "家庭居民户口簿"


@dataclass(frozen=True, slots=True)
class RosterLine:
    name: str
    id_number: str
    sex: str
    born: str
    relation: str
    since: date
    how: str


@dataclass(frozen=True, slots=True)
class RosterPage:
    code: str
    kind: str
    name: str
    address: str
    division: str
    sponsor: str
    police_station_name: str
    printed_on: date
    lines: tuple[RosterLine, ...]


@dataclass(frozen=True, slots=True)
class BookletPage:
    number: str
    household_number: str
    issued: bool
    state: str
    collective: str
    address: str
    police_station_name: str
    decided_on: date
    clause: str
    clause_text: str
    documents: tuple[str, ...]
    people: tuple[tuple[str, str, str, str, str], ...]  # name, ID, relation, sex, born
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidencePage:
    title: str
    police_station_name: str
    application_number: str
    owner_name: str
    owner_id_number: str
    address: str
    lease_registration: str
    consent_date: date
    recorded_by: str
    scan_attached: bool


def _grid(rows: list[list[str]], widths: list[float]) -> Table:
    heading = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2"))]
    return grid_table(rows, widths, styles()["small"], heading, repeat_rows=1)


def _pdf(title: str, author: str, story: list[Flowable], *, wide: bool = False) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if wide else A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title,
        author=author,
    ).build(story)
    return buffer.getvalue()


def _signature(police_station: str, on: date) -> Iterator[Flowable]:
    s = styles()
    yield Spacer(1, 8 * mm)
    yield para(police_station, s["body"])
    yield para(f"{on.year}年{on.month}月{on.day}日", s["body"])


def render_roster(page: RosterPage) -> bytes:
    head = [
        "序号",
        "姓名",
        "公民身份号码",
        "性别",
        "出生日期",
        "与申请人关系",
        "迁入日期",
        "迁入方式",
    ]
    rows = [
        [str(n), ln.name, ln.id_number, ln.sex, ln.born, ln.relation, ln.since.isoformat(), ln.how]
        for n, ln in enumerate(page.lines, 1)
    ]
    texts = [
        ROSTER_TITLE,
        page.code,
        page.kind,
        page.name,
        page.address,
        page.division,
        page.sponsor,
        page.police_station_name,
        *head,
        *(c for row in rows for c in row),
    ]
    check(ROSTER_TITLE, texts)
    s = styles()
    story: list[Flowable] = [
        para(ROSTER_TITLE, s["title"]),
        field_table(
            [
                ("户号", page.code),
                ("户别", page.kind),
                ("名称", page.name),
                ("住址", f"{page.division}{page.address}"),
                ("设立单位", page.sponsor or "—"),
                ("在册人数", str(len(page.lines))),
            ],
            s,
        ),
        Spacer(1, 4 * mm),
        _grid(
            [head, *rows] if rows else [head, ["—"] * len(head)],
            [12 * mm, 30 * mm, 48 * mm, 12 * mm, 26 * mm, 30 * mm, 26 * mm, 28 * mm],
        ),
        *_signature(page.police_station_name, page.printed_on),
    ]
    return _pdf(f"{ROSTER_TITLE} {page.code}", page.police_station_name, story, wide=True)


def render_booklet(page: BookletPage) -> bytes:
    """Issued: the booklet's household page and a registration line per member. Refused:
    the notice with each reason and the clause."""
    title = BOOKLET_TITLE if page.issued else f"{BOOKLET_TITLE}不予颁发告知书"
    head = ["与户主关系", "姓名", "公民身份号码", "性别", "出生日期"]
    rows = [
        [relation, name, id_number, {"M": "男", "F": "女"}.get(sex, sex), born]
        for name, id_number, relation, sex, born in page.people
    ]
    texts = [
        title,
        page.number,
        page.household_number,
        page.collective,
        page.address,
        page.police_station_name,
        page.clause,
        page.clause_text,
        page.state,
        *page.documents,
        *page.reasons,
        *head,
        *(c for row in rows for c in row),
    ]
    check(title, texts)
    s = styles()
    story: list[Flowable] = [para(title, s["title"]), para(f"申请编号：{page.number}", s["small"])]
    if page.issued:
        story += [
            Spacer(1, 3 * mm),
            field_table(
                [
                    ("户别", "家庭户（集体户内）"),
                    ("户号", page.household_number),
                    ("户主姓名", page.people[0][0] if page.people else ""),
                    ("住址", page.address),
                    ("所在集体户", page.collective),
                ],
                s,
            ),
            para("户内人员", s["heading"]),
            _grid([head, *rows], [30 * mm, 30 * mm, 55 * mm, 15 * mm, 30 * mm]),
        ]
    else:
        story += [para("不予颁发的理由", s["heading"])]
        story += [para(f"{n}. {reason}", s["body"]) for n, reason in enumerate(page.reasons, 1)]
    story += [
        para("依据", s["heading"]),
        para(f"{page.clause}：{page.clause_text}", s["quote"]),
        para("已核验材料", s["heading"]),
        para("、".join(page.documents), s["body"]),
        *_signature(page.police_station_name, page.decided_on),
    ]
    return _pdf(f"{title} {page.number}", page.police_station_name, story)


def render_evidence(page: EvidencePage) -> bytes:
    rows = [
        ("申请编号", page.application_number),
        ("房主（户主）", page.owner_name or "—"),
        ("公民身份号码", page.owner_id_number or "—"),
        ("房屋地址", page.address),
        ("租赁登记备案号", page.lease_registration or "—"),
        ("同意（备案）日期", page.consent_date.isoformat()),
        ("原件扫描件", "已附" if page.scan_attached else "未附"),
        ("登记人", page.recorded_by),
    ]
    check(page.title, [page.title, page.police_station_name, *(f"{k}{v}" for k, v in rows)])
    s = styles()
    story: list[Flowable] = [
        para(page.title, s["title"]),
        field_table(rows, s),
        *_signature(page.police_station_name, page.consent_date),
    ]
    return _pdf(f"{page.title} {page.application_number}", page.police_station_name, story)
