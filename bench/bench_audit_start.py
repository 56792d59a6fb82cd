"""What checking the store at start costs (issue 21): every command and the desk open the
store as ``Store.open(verify=True)``: every page authenticated (SQLCipher), SQLite's quick
check, and the whole audit chain walked. Measured against a plain ``Store.open`` of the
same store in the same run, for a trail of N events.

Usage: python bench/bench_audit_start.py [--events 100000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stores import bench_store  # noqa: E402
from caseworker.services.store import Store  # noqa: E402
from caseworker.storage import audit  # noqa: E402
from caseworker.storage.database import transaction  # noqa: E402
from caseworker.storage.maintenance import damage  # noqa: E402


def _fill(store: Store, events: int) -> None:
    at = datetime(2024, 1, 1, 8, 0, 0)
    batch = 5_000
    for start in range(0, events, batch):
        with transaction(store.sessions) as session:
            for i in range(start, min(events, start + batch)):
                audit.append(
                    session,
                    at=at + timedelta(seconds=i),
                    actor="li",
                    action="application.view",
                    application_id=None,
                    detail={"number": f"370102001-AB3C-{i:06d}"},
                )


def _time(folder: Path, *, verify: bool, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        store = Store.open(folder, verify=verify)
        times.append(time.perf_counter() - began)
        if verify:
            assert store.audit_report is not None and store.audit_report.ok
        store.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        store = bench_store(Path(tmp))
        _fill(store, args.events)
        store.close()
        size = (folder / "store.db").stat().st_size
        plain = _time(folder, verify=False, repeat=args.repeat)
        checked = _time(folder, verify=True, repeat=args.repeat)
        store = Store.open(folder)
        began = time.perf_counter()
        damage(store.path, store.settings.key())
        pages = time.perf_counter() - began
        with store.sessions() as session:
            began = time.perf_counter()
            audit.verify(session)
            chain = time.perf_counter() - began
        store.close()
    result = {
        "events": args.events,
        "store_mb": round(size / 1e6, 1),
        "open_s": round(plain, 3),
        "open_verified_s": round(checked, 3),
        "ratio": round(checked / plain, 1),
        "pages_s": round(pages, 3),
        "chain_s": round(chain, 3),
        "chain_us_per_event": round(chain / args.events * 1e6, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['events']} events, store {result['store_mb']} MB: open {result['open_s']} s, "
            f"open checked (pages + chain) {result['open_verified_s']} s "
            f"({result['ratio']}x): pages {result['pages_s']} s, chain {result['chain_s']} s "
            f"({result['chain_us_per_event']} us an event)"
        )


if __name__ == "__main__":
    main()
