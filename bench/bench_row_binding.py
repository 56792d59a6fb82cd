"""What binding each application's row to its trail costs at start (issue 21's follow-up):
``audit verify`` (and every start) now also compares every application's row with its
newest step (``storage.bindings.disagreements``). Measured against the chain walk it
rides on (``audit.verify`` without it is not separable, so: the whole verify, and the
row pass alone) for N applications with 5 steps each, in the same run.

Usage: python bench/bench_row_binding.py [--applications 20000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stores import bench_store  # noqa: E402
from caseworker.services.store import Store  # noqa: E402
from caseworker.storage import audit, bindings  # noqa: E402
from caseworker.storage import schema as tables  # noqa: E402
from caseworker.storage.database import transaction  # noqa: E402

STEPS = ("draft", "accepted", "decided", "approved", "permit_issued")


def _fill(store: Store, applications: int) -> None:
    at = datetime(2024, 1, 1, 8, 0, 0)
    case = {
        "applicant": {"degree": "master", "born": "1988-01-01"},
        "family": [],
        "on": "2024-01-01",
    }
    with transaction(store.sessions) as session:
        person = tables.Person(id_number="370102198801011234", name="王一")
        session.add(person)
        session.flush()
        person_id = person.id
    batch = 1_000
    for start in range(0, applications, batch):
        with transaction(store.sessions) as session:
            for i in range(start, min(applications, start + batch)):
                row = tables.Application(
                    number=f"370102001-AB3C-{i:06d}",
                    state="draft",
                    applicant_id=person_id,
                    on_date=date(2024, 1, 1),
                    destination_county="370102",
                    case_json=case,
                    created_at=at,
                    created_by="li",
                    updated_at=at,
                )
                session.add(row)
                session.flush()
                for step, state in enumerate(STEPS):
                    row.state = state
                    row.decision = "eligible" if step >= 2 else ""
                    session.flush()
                    audit.append(
                        session,
                        at=at + timedelta(seconds=i * 10 + step),
                        actor="li",
                        action=f"application.step{step}",
                        application_id=row.id,
                        detail={"number": row.number} | bindings.bound_fields(session, row.id),
                    )


def _median(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = bench_store(Path(tmp))
        _fill(store, args.applications)
        key = bytes.fromhex(keys_hex(store))

        def whole() -> None:
            with store.sessions() as session:
                report = audit.verify(session, witness=store.witness())
            assert report.ok, report.findings[:3]

        def rows() -> None:
            with store.sessions() as session:
                assert not bindings.disagreements(session, key)

        verify_s = _median(whole, args.repeat)
        rows_s = _median(rows, args.repeat)
        store.close()
    result = {
        "applications": args.applications,
        "events": args.applications * len(STEPS),
        "audit_verify_s": round(verify_s, 3),
        "row_pass_s": round(rows_s, 3),
        "row_pass_share": round(rows_s / verify_s, 3),
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


def keys_hex(store: Store) -> str:
    from caseworker.security import secrets as keys  # noqa: PLC0415

    found = keys.load_audit_key(store.settings.store_id, store.settings.audit_key_path)
    assert found is not None
    return found.hex()


if __name__ == "__main__":
    main()
