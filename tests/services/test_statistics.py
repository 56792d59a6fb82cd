"""Statistics: every table checked against a generated store whose totals are known (worked
out here from each application as the store gives it back, independently of the SQL);
exports open and carry the same numbers; the monthly PDF; who may see and export."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from caseworker.services.applications import Actor, ApplicationService
from caseworker.services.base import PermissionDeniedError, ServiceError
from caseworker.services.statistics import DEPARTMENTS, StatisticsService
from caseworker.services.store import Store
from caseworker.storage import schema as tables
from tests.stores import CLERK, SUPERVISOR, application, see_materials

FROM, TO = date(2021, 1, 1), date(2024, 12, 31)
ZAOZHUANG = {"county": "370402", "street": "中心街街道", "household": "community_collective"}
INELIGIBLE = {
    "degree": "none",
    "employed_in_city": False,
    "housing": "none",
    "housing_certificate": False,
    "labor_contract": False,
}


def _generate(apps: ApplicationService) -> list[str]:
    """Thirty-odd applications of three kinds, taken to different ends."""
    numbers = []
    for i in range(33):
        kind = i % 3
        if kind == 0:  # Jinan 2020, eligible, a spouse and a child of school age or not
            born = f"20{10 + i % 8:02d}-0{1 + i % 9}-15"
            data = application(
                on=f"2021-0{1 + i % 6}-{10 + i % 15:02d}",
                family=[
                    {"relation": "spouse", "born": "1986-01-01"},
                    {"relation": "child", "born": born, "sex": "M"},
                ],
            )
        elif kind == 1:  # Zaozhuang, into the community's collective, with a small child
            data = application(
                destination=ZAOZHUANG,
                on=f"2022-0{1 + i % 3}-{10 + i % 12:02d}",
                family=[{"relation": "child", "born": f"202{i % 2}-06-01", "sex": "F"}],
            )
        else:  # Jinan 2017 and nothing that qualifies
            data = application(on=f"2019-0{1 + i % 8}-20", family=[], applicant=INELIGIBLE)
            data["on"] = f"2021-0{1 + i % 8}-20"
        number = apps.create_draft(CLERK, data).number
        numbers.append(number)
        if i == 32:
            continue  # a draft: not an application yet
        apps.accept(CLERK, number)
        if i % 11 == 10:
            apps.withdraw(CLERK, number, "申请人撤回")
            continue
        decided = apps.decide(CLERK, number)
        if decided.decision is None or decided.decision.decision != "eligible":
            apps.refuse(SUPERVISOR, number, "不符合条件")
            continue
        end = i % 4
        if end >= 1:
            apps.approve(SUPERVISOR, number)
        if end >= 2:
            see_materials(apps, number)
            apps.issue_permit(SUPERVISOR, number)
        if end == 3:
            apps.mark_settled(SUPERVISOR, number)
    return numbers


@pytest.fixture
def generated(apps: ApplicationService) -> list[dict[str, Any]]:
    """What each application is, read back from the store one by one."""
    out = []
    for number in _generate(apps):
        view = apps.get(number)
        result = view.decision.result if view.decision else None
        route = ""
        if result and result["routes"] and result["routes"][0]["status"] == "eligible":
            route = f"{result['routes'][0]['policy']}:{result['routes'][0]['clause']}"
        relatives = [r for r in view.relatives if r.verdict == "yes"]
        out.append(
            {
                "number": number,
                "state": view.state,
                "decision": view.decision.decision if view.decision else "",
                "on": view.on,
                "street": f"{view.destination_county} {view.destination_street}",
                "route": route,
                "zone": (result or {}).get("zone") or "",
                "policy": (result or {}).get("policies", [{}])[0].get("policy", "")
                if result
                else "",
                "updated": view.updated_at,
                "relatives": [(r.relation, _age(r.person.birth_date, view.on)) for r in relatives],
            }
        )
    return out


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _band(age: int | None) -> str:
    if age is None:
        return "unknown"
    for name, low, high in (
        ("0-2", 0, 2),
        ("3-5", 3, 5),
        ("6-11", 6, 11),
        ("12-14", 12, 14),
        ("15-17", 15, 17),
        ("18-59", 18, 59),
        ("60+", 60, 200),
    ):
        if low <= age <= high:
            return name
    raise AssertionError(age)


OPEN = {"accepted", "decided", "approved", "permit_issued"}


def _expected(generated: list[dict[str, Any]], by: str) -> dict[str, tuple[int, ...]]:
    keyed: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    received = [g for g in generated if g["state"] != "draft"]
    for g in received:
        key = {
            "day": g["on"].isoformat(),
            "week": f"{g['on'].isocalendar().year}-W{g['on'].isocalendar().week:02d}",
            "month": g["on"].strftime("%Y-%m"),
            "route": g["route"],
            "policy": g["policy"],
            "zone": g["zone"],
            "street": g["street"],
            "outcome": g["state"],
        }[by]
        row = keyed[key]
        row[0] += 1
        row[1] += g["decision"] == "eligible"
        row[2] += g["state"] == "refused"
        row[3] += g["state"] in OPEN
        row[4] += g["state"] == "settled" and by not in {"day", "week", "month"}
        row[5] += len(g["relatives"])
    if by in {"day", "week", "month"}:  # settlements in the period they were recorded in
        for g in received:
            if g["state"] == "settled":
                d = g["updated"].date()
                key = {
                    "day": d.isoformat(),
                    "week": f"{d.isocalendar().year}-W{d.isocalendar().week:02d}",
                    "month": d.strftime("%Y-%m"),
                }[by]
                keyed[key][4] += 1
    return {k: tuple(v) for k, v in keyed.items()}


@pytest.fixture
def stats(apps: ApplicationService) -> StatisticsService:
    return StatisticsService(apps.context)


def test_every_grouping_counts_what_the_store_holds(
    stats: StatisticsService, generated: list[dict[str, Any]]
) -> None:
    for by in ("day", "week", "month", "route", "policy", "zone", "street", "outcome"):
        table = stats.table(SUPERVISOR, date_from=FROM, date_to=TO, by=by)
        keys = stats.keys(SUPERVISOR, date_from=FROM, date_to=TO, by=by)
        shown = {k: tuple(row[1:]) for k, row in zip(keys, table.rows, strict=True)}
        assert shown == _expected(generated, by), by
        assert table.totals[1] == sum(1 for g in generated if g["state"] != "draft") == 32
        assert table.totals[5] == sum(1 for g in generated if g["state"] == "settled") > 0


def test_relatives_by_relation_and_by_age_band(
    stats: StatisticsService, generated: list[dict[str, Any]]
) -> None:
    received = [g for g in generated if g["state"] != "draft"]
    for by, key in (("relation", lambda r: r[0]), ("age_band", lambda r: _band(r[1]))):
        expected: Counter[str] = Counter()
        settled: Counter[str] = Counter()
        for g in received:
            for relative in g["relatives"]:
                expected[key(relative)] += 1
                settled[key(relative)] += g["state"] == "settled"
        keys = stats.keys(SUPERVISOR, date_from=FROM, date_to=TO, by=by)
        table = stats.table(SUPERVISOR, date_from=FROM, date_to=TO, by=by)
        shown = {k: (row[1], row[2]) for k, row in zip(keys, table.rows, strict=True)}
        assert shown == {k: (n, settled[k]) for k, n in expected.items()}
    # school-age children are counted apart for the education department
    bands = stats.keys(SUPERVISOR, date_from=FROM, date_to=TO, by="age_band")
    assert {"6-11", "0-2"} <= set(bands)


def test_a_narrower_period_and_place_count_only_what_is_in_them(
    stats: StatisticsService, generated: list[dict[str, Any]]
) -> None:
    start, end = date(2022, 1, 1), date(2022, 2, 28)
    table = stats.table(SUPERVISOR, date_from=start, date_to=end, by="route", county="370402")
    assert table.totals[1] == sum(
        1
        for g in generated
        if g["state"] != "draft" and start <= g["on"] <= end and g["street"].startswith("370402")
    )
    # the day a period starts and the day it ends both count
    one_day = next(g for g in generated if g["state"] != "draft")["on"]
    day = stats.table(SUPERVISOR, date_from=one_day, date_to=one_day, by="day")
    assert day.totals[1] == sum(
        1 for g in generated if g["state"] != "draft" and g["on"] == one_day
    )


def test_the_applications_behind_a_row(
    stats: StatisticsService, generated: list[dict[str, Any]]
) -> None:
    route = next(g["route"] for g in generated if g["route"])
    behind = stats.behind(SUPERVISOR, date_from=FROM, date_to=TO, by="route", key=route)
    assert {row[0] for row in behind} == {
        g["number"] for g in generated if g["route"] == route and g["state"] != "draft"
    }
    assert all(len(row) == 6 for row in behind)  # numbers and places, no names


def test_exports_open_and_carry_the_same_numbers(
    stats: StatisticsService, generated: list[dict[str, Any]], store: Store
) -> None:
    table = stats.table(SUPERVISOR, date_from=FROM, date_to=TO, by="street")
    data = stats.export(SUPERVISOR, date_from=FROM, date_to=TO, by=("street",), file_format="csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == table.columns
    assert [[int(c) for c in r[1:]] for r in rows[1:]] == [
        list(r[1:]) for r in (*table.rows, table.totals)
    ]
    book = load_workbook(
        io.BytesIO(
            stats.export(
                SUPERVISOR,
                date_from=FROM,
                date_to=TO,
                by=(),
                file_format="xlsx",
                department="education",
            )
        )
    )
    assert book.sheetnames == ["随迁人员按年龄段", "按街道"]
    ages = stats.table(SUPERVISOR, date_from=FROM, date_to=TO, by="age_band")
    sheet = [list(r) for r in book["随迁人员按年龄段"].iter_rows(values_only=True)]
    assert sheet[1] == list(ages.columns) and sheet[-1] == list(ages.totals)
    pdf = stats.export(
        SUPERVISOR, date_from=FROM, date_to=TO, by=("route", "outcome"), file_format="pdf"
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "落户统计 2021-01-01 至 2024-12-31" in text and "按落户途径" in text
    assert "合计" in text and str(table.totals[1]) in text
    for name in {n for n in (g.get("name") for g in generated) if n}:
        assert name not in text  # aggregates carry no names
    with store.sessions() as session:
        exports = list(
            session.scalars(
                select(tables.AuditEvent).where(tables.AuditEvent.action == "statistics.export")
            )
        )
    assert len(exports) == 3 and {e.actor for e in exports} == {"zhao"}


def test_every_department_has_its_tables(stats: StatisticsService) -> None:
    for department in DEPARTMENTS:
        data = stats.export(
            SUPERVISOR,
            date_from=FROM,
            date_to=TO,
            by=(),
            file_format="csv",
            department=department,
        )
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][0] == "表" and len(rows) > len(DEPARTMENTS[department][1])


def test_who_may_see_and_export(stats: StatisticsService) -> None:
    assert stats.table(CLERK, date_from=FROM, date_to=TO, by="route").rows == ()
    with pytest.raises(PermissionDeniedError, match="export personal data"):
        stats.export(CLERK, date_from=FROM, date_to=TO, by=("route",), file_format="csv")
    with pytest.raises(PermissionDeniedError, match="may not see statistics"):
        stats.table(
            Actor("wang", "collective_administrator"), date_from=FROM, date_to=TO, by="route"
        )


def test_bad_requests_are_told(stats: StatisticsService) -> None:
    with pytest.raises(ServiceError, match="swap --from and --to"):
        stats.table(SUPERVISOR, date_from=TO, date_to=FROM, by="route")
    with pytest.raises(ServiceError, match="one of day"):
        stats.table(SUPERVISOR, date_from=FROM, date_to=TO, by="colour")
    with pytest.raises(ServiceError, match="at most ten years"):
        stats.table(SUPERVISOR, date_from=date(2000, 1, 1), date_to=TO, by="route")
    with pytest.raises(ServiceError, match="one of csv"):
        stats.export(SUPERVISOR, date_from=FROM, date_to=TO, by=("route",), file_format="doc")
    with pytest.raises(ServiceError, match="--department"):
        stats.export(
            SUPERVISOR, date_from=FROM, date_to=TO, by=(), file_format="csv", department="army"
        )
