"""Statistics over a large store: a month's printable report (seven tables and the PDF)
and one table, against the same SQL aggregates run bare on the same file in the same run.

    python bench/bench_statistics.py [--keep /tmp/bench-stats] [--runs 5] [--json]

The store: 300,000 applications spread over 2024 (25,000 a month), each with a decision
record like the engine's, an accompanying relative, states and destinations varied;
``--keep`` reuses it between runs (generating takes a few minutes).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_store import generate  # noqa: E402
from caseworker.cli_report import REPORT_TABLES  # noqa: E402
from caseworker.services.applications import Actor  # noqa: E402
from caseworker.services.context import ServiceContext  # noqa: E402
from caseworker.services.evaluation import EvaluationService  # noqa: E402
from caseworker.services.statistics import StatisticsService  # noqa: E402
from caseworker.services.store import Store  # noqa: E402
from caseworker.storage import statistics as st  # noqa: E402
from caseworker.storage.database import connect_raw  # noqa: E402

APPLICATIONS = 300_000
ROUTES = [
    ("jinan-2020", "1", "jinan-2020/city"),
    ("jinan-2020", "2", "jinan-2020/city"),
    ("jinan-2017", "2.1.1.2", "jinan-2017/optimized"),
    ("liaocheng-2020", "1.1", ""),
]
SUPERVISOR = Actor("bench", "supervisor")


def _store(folder: Path) -> Store:
    data = folder / "data"
    if (data / "settings.json").exists():
        return Store.open(data)
    store = generate(data, 2 * APPLICATIONS, APPLICATIONS)
    key = store.settings.key()
    store.close()
    rng = random.Random(11)
    conn = connect_raw(data / "store.db", key)
    conn.execute("BEGIN")
    start = date(2024, 1, 1)
    rows, decisions = [], []
    for a in range(1, APPLICATIONS + 1):
        on = start + timedelta(days=(a * 366) // APPLICATIONS)
        policy, clause, zone = rng.choice(ROUTES)
        eligible = rng.random() < 0.8
        result = {
            "decision": "eligible" if eligible else "ineligible",
            "zone": zone,
            "on": on.isoformat(),
            "policies": [{"policy": policy, "zone": zone.split("/")[-1], "version": "1"}],
            "routes": [
                {
                    "policy": policy,
                    "clause": clause,
                    "status": "eligible" if eligible else "ineligible",
                    "name": "途径",
                    "unmet": [],
                    "unknown": [],
                    "documents": [],
                },
                {
                    "policy": policy,
                    "clause": "9",
                    "status": "ineligible",
                    "name": "途径",
                    "unmet": ["x"],
                    "unknown": [],
                    "documents": [],
                },
            ],
            "family": [],
        }
        rows.append((on.isoformat(), "eligible" if eligible else "ineligible", a))
        decisions.append((a, result["decision"], json.dumps(result, ensure_ascii=False)))
    conn.executemany("UPDATE applications SET on_date = ?, decision = ? WHERE id = ?", rows)
    conn.executemany(
        "INSERT INTO decisions (application_id, decision, result, pack_versions, engine_version,"
        " decided_by, decided_at) VALUES (?, ?, ?, '{}', '1', 'bench', '2024-01-01 00:00:00')",
        decisions,
    )
    conn.execute("UPDATE relatives SET verdict = 'yes'")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return Store.open(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = args.keep or Path(__import__("tempfile").mkdtemp(prefix="caseworker-stats-bench-"))
    store = _store(folder)
    stats = StatisticsService(ServiceContext(store, evaluation=EvaluationService.from_resources()))
    month = (date(2024, 3, 1), date(2024, 3, 31))
    raw = connect_raw(store.path, store.settings.key())
    filters = st.Filters(*month)

    def bare(by: str) -> None:
        """The very statements the service runs, through the bare driver."""
        if by in st.RELATIVE_DIMENSIONS:
            sql, params = st.relatives_statement(filters, by)
        else:
            sql, params = st.grouped_statement(filters, by)
        named = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
        raw.execute(sql, named).fetchall()

    def report() -> bytes:
        return stats.export(
            SUPERVISOR, date_from=month[0], date_to=month[1], by=REPORT_TABLES, file_format="pdf"
        )

    def one_table() -> None:
        stats.table(SUPERVISOR, date_from=month[0], date_to=month[1], by="route")

    def timed(fn: Any) -> float:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    report(), one_table()  # warm the page cache for both alike
    for by in REPORT_TABLES:
        bare(by)
    ours_report, bare_report, ours_table, bare_table = [], [], [], []
    for _ in range(args.runs):
        ours_report.append(timed(report))
        bare_report.append(timed(lambda: [bare(by) for by in REPORT_TABLES]))
        ours_table.append(timed(one_table))
        bare_table.append(timed(lambda: bare("route")))
    r, rb = statistics.median(ours_report), statistics.median(bare_report)
    t, tb = statistics.median(ours_table), statistics.median(bare_table)
    result = {
        "applications_in_store": APPLICATIONS,
        "month": f"{month[0]} to {month[1]}",
        "monthly_report_pdf_s": round(r, 3),
        "bare_sql_seven_aggregates_s": round(rb, 3),
        "report_ratio": round(r / rb, 2),
        "one_table_s": round(t, 3),
        "bare_sql_one_aggregate_s": round(tb, 3),
        "table_ratio": round(t / tb, 2),
    }
    raw.close()
    store.close()
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:<30} {v}")


if __name__ == "__main__":
    main()
