"""Statistics (统计) for the station head and for the departments Jinan 2020 asks the
police to inform of new settlers (发展改革, 住房城乡建设, 教育, 民政, 人力资源社会保障,
卫生健康): counts by period, policy, route, zone, street and outcome, and the relatives who
came along by relation and age band.

Every table is an aggregate: no names, no ID numbers. Viewing is for the desk's roles but
the collective-hukou administrator's; writing a file (CSV, XLSX, the monthly PDF) is a
supervisor's, and audited, like every export."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.models.workflow import STATE_ZH, State
from caseworker.printing.report import ReportPage, ReportTable, render_report
from caseworker.services.base import Actor, InvalidInputError, unknown_choice
from caseworker.services.boundary import service_boundary
from caseworker.services.context import ServiceContext
from caseworker.services.permissions import COUNTER, Permission, require, require_role
from caseworker.storage import statistics as st
from caseworker.storage.statistics import AGE_BANDS, DIMENSIONS, Filters, GroupRow

__all__ = ["DEPARTMENTS", "Filters", "GroupRow", "StatisticsService", "Table"]

VIEWING = COUNTER
TOTAL = "合计"
BY = (*DIMENSIONS, "relation", "age_band")
BY_ZH = {
    "day": "按日",
    "week": "按周",
    "month": "按月",
    "route": "按落户途径",
    "policy": "按政策",
    "zone": "按片区",
    "street": "按街道",
    "outcome": "按办理结果",
    "relation": "随迁人员按关系",
    "age_band": "随迁人员按年龄段",
}
GROUP_COLUMNS = ("分组", "受理", "审查符合", "不予批准", "办理中", "已落户", "随迁人员")
RELATIVE_COLUMNS = ("分组", "随迁人员", "其中已落户")
AGE_BAND_ZH = {
    "0-2": "0-2岁（婴幼儿）",
    "3-5": "3-5岁（学前）",
    "6-11": "6-11岁（小学学龄）",
    "12-14": "12-14岁（初中学龄）",
    "15-17": "15-17岁（高中学龄）",
    "18-59": "18-59岁",
    "60+": "60岁以上",
    "unknown": "出生日期不详",
}
#: what each department plans with (Jinan 2020: 统计新落户人员并通报相关部门)
DEPARTMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "development": ("发展改革", ("month", "zone", "street")),
    "housing": ("住房城乡建设", ("street", "route", "zone")),
    "education": ("教育", ("age_band", "street")),
    "civil_affairs": ("民政", ("relation", "age_band", "outcome")),
    "human_resources": ("人力资源社会保障", ("route", "policy", "month")),
    "health": ("卫生健康", ("age_band", "street")),
}
MAX_DAYS = 3700  # ten years and a little: anything longer is a typing mistake


@dataclass(frozen=True, slots=True)
class Table:
    """One aggregate table: its dimension, column headings and rows of strings and ints."""

    by: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    #: each row's group as stored (a row's label is for people): what ``behind`` takes
    keys: tuple[str, ...] = ()

    @property
    def totals(self) -> tuple[Any, ...]:
        return (TOTAL, *(sum(r[i] for r in self.rows) for i in range(1, len(self.columns))))


class StatisticsService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.store = context.store

    def table(
        self,
        actor: Actor,
        *,
        date_from: date,
        date_to: date,
        by: str,
        county: str | None = None,
        street: str | None = None,
    ) -> Table:
        self._view(actor)
        filters = self._filters(date_from, date_to, county, street)
        if by not in BY:
            raise unknown_choice(field="by", name="--by", value=by, choices=BY)
        with self.store.engine.connect() as conn:
            if by in st.RELATIVE_DIMENSIONS:
                found = _in_band_order(by, st.relatives(conn, filters, by))
                counted = tuple((self._label(by, k), n, s) for k, n, s in found)
                keys = tuple(k for k, _n, _s in found)
                return Table(by, BY_ZH[by], RELATIVE_COLUMNS, counted, keys)
            grouped = st.grouped(conn, filters, by)
        rows = tuple(
            (
                self._label(by, g.key),
                g.applications,
                g.eligible,
                g.refused,
                g.open,
                g.settled,
                g.relatives,
            )
            for g in grouped
        )
        return Table(by, BY_ZH[by], GROUP_COLUMNS, rows, tuple(g.key for g in grouped))

    def keys(self, actor: Actor, *, date_from: date, date_to: date, by: str) -> list[str]:
        """The raw group keys of ``table`` in its order (for drilling down from a row)."""
        return list(self.table(actor, date_from=date_from, date_to=date_to, by=by).keys)

    def behind(
        self, actor: Actor, *, date_from: date, date_to: date, by: str, key: str
    ) -> list[tuple[Any, ...]]:
        """The applications behind one row: number, state, date, county, street, decision."""
        self._view(actor)
        if by not in DIMENSIONS:
            raise InvalidInputError(
                code="statistics.not_listed", field="by", dimensions=", ".join(DIMENSIONS)
            )
        filters = self._filters(date_from, date_to, None, None)
        with self.store.engine.connect() as conn:
            return st.numbers_behind(conn, filters, by, key)

    # --- files ---------------------------------------------------------------------------

    def export(
        self,
        actor: Actor,
        *,
        date_from: date,
        date_to: date,
        by: tuple[str, ...],
        file_format: str,
        department: str | None = None,
    ) -> bytes:
        """CSV (one table, or a department's tables one after another with a table column),
        XLSX (a sheet a table) or the printable PDF report. A supervisor's; audited."""
        require(actor, Permission.EXPORT)
        if department is not None:
            if department not in DEPARTMENTS:
                raise unknown_choice(
                    field="department", name="--department", value=department, choices=DEPARTMENTS
                )
            by = DEPARTMENTS[department][1]
        tables = [self.table(actor, date_from=date_from, date_to=date_to, by=b) for b in by]
        if file_format == "csv":
            data = _csv(tables)
        elif file_format == "xlsx":
            data = _xlsx(tables, self._heading(date_from, date_to, department))
        elif file_format == "pdf":
            office = self.store.office()
            with service_boundary():
                data = render_report(
                    ReportPage(
                        title=self._heading(date_from, date_to, department),
                        police_station_name=office.police_station_name,
                        office_code=office.office_code,
                        printed_on=self.context.clock().date(),
                        tables=tuple(
                            ReportTable(t.title, t.columns, t.rows, t.totals) for t in tables
                        ),
                    )
                )
        else:
            raise unknown_choice(
                field="format", name="--format", value=file_format, choices=("csv", "xlsx", "pdf")
            )
        self.store.record(
            at=self.context.clock(),
            actor=actor.username,
            action="statistics.export",
            detail={
                "from": date_from.isoformat(),
                "to": date_to.isoformat(),
                "by": list(by),
                "format": file_format,
                "department": department or "",
            },
        )
        return data

    # --- the machinery ---------------------------------------------------------------------

    def _view(self, actor: Actor) -> None:
        require_role(actor, VIEWING, "see statistics")

    def _filters(
        self, date_from: date, date_to: date, county: str | None, street: str | None
    ) -> Filters:
        if date_to < date_from:
            raise InvalidInputError(
                code="statistics.period_reversed",
                field="date_to",
                date_from=date_from.isoformat(),
                date_to=date_to.isoformat(),
            )
        if (date_to - date_from).days > MAX_DAYS:
            raise InvalidInputError(code="statistics.period_too_long", field="date_from")
        return Filters(date_from, date_to, county or None, street or None)

    def _label(self, by: str, key: str) -> str:
        if by == "outcome":
            return f"{STATE_ZH[State(key)]} {key}"
        if by == "relation":
            try:
                return f"{RELATION_ZH[Relation(key)]} {key}"
            except ValueError:
                return key
        if by == "age_band":
            return AGE_BAND_ZH.get(key, key)
        if by == "street":
            county, _, street = key.partition(" ")
            return f"{self.context.evaluation.divisions.county_name(county)} {street}".strip()
        if by == "route" and not key:
            return "（无符合的途径）"
        return key or "—"

    def _heading(self, date_from: date, date_to: date, department: str | None) -> str:
        who = f"（送{DEPARTMENTS[department][0]}部门）" if department else ""
        return f"落户统计 {date_from.isoformat()} 至 {date_to.isoformat()}{who}"


def _csv(tables: list[Table]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    several = len(tables) > 1
    for table in tables:
        writer.writerow((["表"] if several else []) + list(table.columns))
        for row in (*table.rows, table.totals):
            writer.writerow(([table.title] if several else []) + list(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(tables: list[Table], heading: str) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - only when a workbook is asked for
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.title[:31])
        sheet.append([heading])
        sheet.append(list(table.columns))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.append(list(table.totals))
        sheet.column_dimensions["A"].width = 40
    book.properties.creator = "caseworker"
    book.properties.created = datetime(2000, 1, 1)  # no machine time in the file
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _in_band_order(by: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Age bands youngest first (the database sorts them as text: 0-2, 18-59, 3-5 …)."""
    if by != "age_band":
        return found
    order = [name for name, _low, _high in AGE_BANDS]
    return sorted(found, key=lambda row: order.index(row[0]) if row[0] in order else len(order))
