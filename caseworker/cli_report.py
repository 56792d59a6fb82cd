"""``caseworker report``: statistics (统计) for the office and the departments.

caseworker report --from 2024-03-01 --to 2024-03-31 --by route            # on screen
caseworker report --from … --to … --by street --format xlsx --out FILE   # a supervisor's
caseworker report --from … --to … --department education --format xlsx --out FILE
caseworker report --from … --to … --format pdf --out FILE                # the monthly report
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from caseworker.cli_common import with_store, write_atomically
from caseworker.cli_json import add_json, emit, wants_json
from caseworker.services.base import Actor, ServiceError
from caseworker.services.statistics import BY, DEPARTMENTS, StatisticsService

#: what the printable report holds when no --by is given
REPORT_TABLES = ("month", "route", "zone", "street", "outcome", "relation", "age_band")


def register(sub: Any) -> None:
    report = with_store(sub.add_parser("report", help="statistics: counts by period, route, …"))
    report.add_argument("--from", dest="date_from", required=True, type=_date)
    report.add_argument("--to", dest="date_to", required=True, type=_date)
    report.add_argument("--by", action="append", choices=BY, help="group by (repeatable)")
    report.add_argument("--department", choices=list(DEPARTMENTS), help="that department's tables")
    report.add_argument("--county", help="only applications to this county (6 digits)")
    report.add_argument("--street", help="only applications to this street or town")
    report.add_argument("--format", dest="file_format", choices=["csv", "xlsx", "pdf"])
    report.add_argument("--out", type=Path, help="write the file here")
    add_json(report)


def run(args: argparse.Namespace, statistics: StatisticsService, actor: Actor) -> int:
    by = tuple(args.by or ())
    if args.out is not None or args.file_format is not None:
        if args.out is None or args.file_format is None:
            raise ServiceError("a file needs both --format and --out")
        if args.county or args.street:
            raise ServiceError("--county and --street narrow the screen view only, not files")
        if not by and not args.department:
            if args.file_format != "pdf":
                raise ServiceError("say which table: --by route (or --department NAME)")
            by = REPORT_TABLES
        data = statistics.export(
            actor,
            date_from=args.date_from,
            date_to=args.date_to,
            by=by,
            file_format=args.file_format,
            department=args.department,
        )
        print(f"written to {write_atomically(args.out, data)}")
        return 0
    tables = []
    for name in by or ("route",):
        table = statistics.table(
            actor,
            date_from=args.date_from,
            date_to=args.date_to,
            by=name,
            county=args.county,
            street=args.street,
        )
        if wants_json(args):
            tables.append(table)
            continue
        print(f"{table.title} ({args.date_from} to {args.date_to})")
        print("  " + " | ".join(table.columns))
        for row in (*table.rows, table.totals):
            print("  " + " | ".join(str(c) for c in row))
        print()
    if wants_json(args):
        emit(tables)
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-01") from None
