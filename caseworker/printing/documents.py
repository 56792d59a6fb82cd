"""The four documents, A4, Chinese, rendered with ReportLab from ``DocumentData``."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import zxingcpp
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from caseworker.printing.fonts import check, register_font
from caseworker.printing.model import SELF_NAMES, TITLES, DocumentData, DocumentKind

_DARK_RUN = re.compile(b"\x00+")
# binary (deflated) streams instead of ASCII85 text: smaller files, a quarter less time
rl_config.useA85 = 0

#: the applicant's right to ask for review (行政复议法 art. 20, 行政诉讼法 art. 46)
REVIEW_RIGHTS = (
    "如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
    "或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。"
)


@cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=6 * mm
        ),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=13),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=12, leading=18, spaceBefore=4 * mm, spaceAfter=2 * mm
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=base,
            fontSize=10,
            leading=15,
            leftIndent=8 * mm,
            textColor=colors.HexColor("#333333"),
        ),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


#: a table cell's padding, left plus right (ReportLab's default, 6 pt each side)
CELL_PADDING = 12


def cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: the text itself when it fits on one line, which ReportLab draws
    straight away, or a wrapping paragraph when it does not. Most cells are a name, a
    number, a date: parsing and wrapping each as a paragraph was a third of a permit's
    time (bench/bench_printing.py)."""
    fits = "\n" not in text and (
        stringWidth(text, style.fontName, style.fontSize) <= width - CELL_PADDING
    )
    return text if fits else para(text, style)


def grid_table(
    rows: list[list[str]],
    widths: list[float],
    style: ParagraphStyle,
    extra: list[tuple[Any, ...]],
    repeat_rows: int = 0,
) -> Table:
    """Ruled cells in ``style``'s font: one-line texts drawn as they are, longer ones
    wrapped (``cell``)."""
    table = Table(
        [
            [cell(text, style, width) for text, width in zip(row, widths, strict=True)]
            for row in rows
        ],
        colWidths=widths,
        repeatRows=repeat_rows,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize, style.leading),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *extra,
            ]
        )
    )
    return table


def field_table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle]) -> Table:
    return grid_table(
        [[k, v] for k, v in rows],
        [38 * mm, 132 * mm],
        styles["body"],
        [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2"))],
    )


def _people(
    data: DocumentData, styles: dict[str, ParagraphStyle], *, applicant: bool = True
) -> Table:
    people = (data.applicant, *data.relatives) if applicant else data.relatives
    rows = [["关系", "姓名", "公民身份号码"]] + [[p.relation, p.name, p.id_number] for p in people]
    return grid_table(
        rows,
        [30 * mm, 50 * mm, 90 * mm],
        styles["body"],
        [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2"))],
    )


def _route_lines(data: DocumentData) -> list[tuple[str, str]]:
    if data.route is None:
        return []
    return [("落户途径及依据", f"{data.route.name}（{data.route.clause}）")]


def _story(kind: DocumentKind, data: DocumentData, copy: str) -> Iterator[Flowable]:
    s = styles()
    marks = [m for m in (copy, "补打" if data.reprint else "") if m]
    title = title_of(kind, data) + "".join(f"（{m}）" for m in marks)
    yield para(title, s["title"])
    yield para(f"编号：{data.number}", s["small"])
    yield Spacer(1, 3 * mm)
    if kind == DocumentKind.RECEIPT:
        yield field_table(
            [
                ("申请编号", data.application_number),
                ("申请日期", (data.applied_on or data.issued_on).isoformat()),
                ("受理日期", (data.accepted_on or data.issued_on).isoformat()),
                ("申请人", f"{data.applicant.name}　{data.applicant.id_number}"),
                ("拟迁入地址", data.destination),
                *_route_lines(data),
                ("已收材料", "、".join(data.documents_received) or "—"),
            ],
            s,
        )
        if data.relatives:  # who applies to move with the applicant (随迁 accompanying)
            yield para("随迁人员", s["heading"])
            yield _people(data, s, applicant=False)
        yield para("后续事项", s["heading"])
        for step in data.next_steps or (
            "本所将依照规定审核，审核结果将及时告知申请人。",
            "请妥善保管本回执，凭本回执查询办理进度或领取相关证明。",
        ):
            yield para(step, s["body"])
    elif kind == DocumentKind.NOTICE:
        yield field_table(
            [
                ("申请编号", data.application_number),
                ("申请人", f"{data.applicant.name}　{data.applicant.id_number}"),
                ("拟迁入地址", data.destination),
                *_route_lines(data),
            ],
            s,
        )
        yield para("请补齐以下材料（一次性告知）", s["heading"])
        for n, item in enumerate(data.documents_missing or ("无",), 1):
            yield para(f"{n}. {item}", s["body"])
        yield para("请说明以下情况", s["heading"])
        for n, item in enumerate(data.questions or ("无",), 1):
            yield para(f"{n}. {item}", s["body"])
    elif kind == DocumentKind.PERMIT:
        yield field_table(
            [
                ("申请编号", data.application_number),
                ("现户口所在地", data.current_address or "未填写"),
                ("迁入地址", data.destination),
                *_route_lines(data),
                ("有效期至", data.valid_until.isoformat() if data.valid_until else "—"),
            ],
            s,
        )
        yield para("准予迁入人员", s["heading"])
        yield _people(data, s)
    else:
        yield field_table(
            [
                ("申请编号", data.application_number),
                ("申请人", f"{data.applicant.name}　{data.applicant.id_number}"),
                ("拟迁入地址", data.destination),
            ],
            s,
        )
        yield para("理由及依据", s["heading"])
        for n, reason in enumerate(data.reasons, 1):
            yield para(f"{n}. {reason.text}", s["body"])
            if reason.citation is not None:
                yield para(f"依据 {reason.citation.clause}：{reason.citation.text}", s["quote"])
        yield para("救济途径", s["heading"])
        yield para(REVIEW_RIGHTS, s["body"])
    yield Spacer(1, 10 * mm)
    # the office, the date, the code and how to check it stay together on one page
    closing: list[Flowable] = [
        para(f"{data.police_station_name}（{data.office_code}）", s["body"]),
        para(f"{data.issued_on.year}年{data.issued_on.month}月{data.issued_on.day}日", s["body"]),
    ]
    if data.qr_payload:
        closing += [
            Spacer(1, 6 * mm),
            _qr(data.qr_payload),
            para(check_note(kind, data), s["small"]),
        ]
    yield KeepTogether(closing)


def title_of(kind: DocumentKind, data: DocumentData) -> str:
    return data.title or TITLES[kind]


def check_note(kind: DocumentKind, data: DocumentData) -> str:
    """How an official checks the paper: the code, or the office that issued it (the
    number is at the foot of the page). An official paper names no program."""
    office = data.police_station_name
    return f"核验：扫描二维码核验，或向出具单位{office}核验本{SELF_NAMES[kind]}的真伪。"


def _numbered_canvas(number: str) -> type[Canvas]:
    """A canvas that writes the document's number and 第N页 共M页 at the foot of every page
    (a page that came apart from the rest still says whose it is)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self.setFont(register_font(), 8)
                self.drawCentredString(A4[0] / 2, 12 * mm, f"编号 {number}  第{n}页 共{total}页")
                super().showPage()
            super().save()

    return NumberedCanvas


class QrCode(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """A QR code drawn straight onto the page, each row's dark modules merged into runs.

    ReportLab's QrCodeWidget encodes twice and draws every module as its own shape; on a
    permit that was four fifths of the time (bench/bench_printing.py)."""

    BORDER = 4  # modules of quiet zone, as the QR standard asks

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        # zxing-cpp encodes in under a millisecond; ReportLab's pure-Python encoder took
        # 8 ms, a third of a permit (bench/bench_printing.py)
        code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        image: Any = code.to_image(scale=1, add_quiet_zones=False)
        rows, columns = image.shape
        data = bytes(image)  # one byte a module: 0 dark, 255 light
        self.rows: list[bytes] = [data[r * columns : (r + 1) * columns] for r in range(rows)]
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        # Vector, crisp at any resolution, and written as one path of rectangles in
        # literal PDF operators: formatting each number through ReportLab's canvas cost
        # more than encoding the code itself (bench/bench_printing.py).
        count = len(self.rows)
        box = self.size / (count + 2 * self.BORDER)
        # whole-module coordinates under one scaling: integers format fastest
        ops = [f"q 0 g {box:.4f} 0 0 {box:.4f} 0 0 cm"]
        border = self.BORDER
        for r, row in enumerate(self.rows):
            y = f" {count - 1 - r + border} "
            ops += [
                f"{start + border}{y}{end - start} 1 re"
                for start, end in (run.span() for run in _DARK_RUN.finditer(row))
            ]
        ops.append("f Q")
        self.canv.addLiteral(" ".join(ops))


def _qr(payload: str) -> QrCode:
    return QrCode(payload, 38 * mm)


def texts_of(kind: DocumentKind, data: DocumentData) -> list[str]:
    """Every string that will be printed, for the glyph check."""
    people = [data.applicant, *data.relatives]
    out = [
        title_of(kind, data),
        check_note(kind, data),
        data.number,
        data.application_number,
        data.police_station_name,
        data.office_code,
        data.destination,
        data.current_address,
        REVIEW_RIGHTS,
        *data.documents_received,
        *data.documents_missing,
        *data.questions,
        *data.next_steps,
    ]
    out += [f"{p.name}{p.id_number}{p.relation}" for p in people]
    if data.route is not None:
        out += [data.route.name, data.route.clause]
    for reason in data.reasons:
        out.append(reason.text)
        if reason.citation is not None:
            out += [reason.citation.clause, reason.citation.text]
    return out


def render(kind: DocumentKind, data: DocumentData, *, counterfoil: bool = False) -> bytes:
    """The document as PDF bytes; with ``counterfoil`` a second page, the office's 存根."""
    check(title_of(kind, data), texts_of(kind, data))
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"{title_of(kind, data)} {data.number}",
        author=data.police_station_name,
        keywords=data.qr_payload,  # so `caseworker verify FILE.pdf` needs no QR decoder
    )
    story = list(_story(kind, data, ""))
    if counterfoil:
        story += [PageBreak(), *_story(kind, data, "存根")]
    pdf.build(story, canvasmaker=_numbered_canvas(data.number))
    return buffer.getvalue()
