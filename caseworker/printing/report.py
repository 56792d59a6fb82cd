"""The printable statistics report (落户统计报表): a title, then each aggregate table with
its totals, A4 with the embedded font. Plain values in, PDF bytes out."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from caseworker.printing.documents import grid_table, para, styles
from caseworker.printing.fonts import check


@dataclass(frozen=True, slots=True)
class ReportTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    totals: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class ReportPage:
    title: str
    police_station_name: str
    office_code: str
    printed_on: date
    tables: tuple[ReportTable, ...]


def render_report(page: ReportPage) -> bytes:
    cells = [[str(c) for c in row] for t in page.tables for row in (t.columns, *t.rows, t.totals)]
    check(
        page.title,
        [
            page.title,
            page.police_station_name,
            *(t.title for t in page.tables),
            *(c for row in cells for c in row),
        ],
    )
    s = styles()
    story: list[Flowable] = [
        para(page.title, s["title"]),
        para(
            f"{page.police_station_name}（{page.office_code}）"
            f"　制表日期 {page.printed_on.isoformat()}",
            s["small"],
        ),
    ]
    for table in page.tables:
        width = 170 * mm
        first = 60 * mm if len(table.columns) > 3 else 90 * mm
        rest = (width - first) / (len(table.columns) - 1)
        rows = [[str(c) for c in row] for row in (table.columns, *table.rows, table.totals)]
        story += [
            para(table.title, s["heading"]),
            grid_table(
                rows,
                [first, *([rest] * (len(table.columns) - 1))],
                s["small"],
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2")),
                    ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2")),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ],
                repeat_rows=1,
            ),
            Spacer(1, 3 * mm),
        ]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=page.title,
        author=page.police_station_name,
    ).build(story)
    return buffer.getvalue()
