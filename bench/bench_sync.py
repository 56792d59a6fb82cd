"""The central system under load, on a real PostgreSQL on loopback (fsync on):

- push 10,000 operations (batches of 500) through the real server with the desk's HTTP
  client: operations per second, against the same rows inserted bare with psycopg, one
  transaction per batch, in the same run;
- pull 100,000 person-index rows (pages of 10,000) through the server: rows per second,
  against the same keyset-paged SELECT bare with psycopg.

    python bench/bench_sync.py [--push 10000] [--pull 100000] [--json]

Needs the ``central`` extra and PostgreSQL's Debian packages (as `.ci/run` installs).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from psycopg.types.json import Jsonb  # noqa: E402

from caseworker.central import changes  # noqa: E402
from caseworker.central.database import migrate, open_database  # noqa: E402
from caseworker.central.service import Central  # noqa: E402
from caseworker.sync import protocol  # noqa: E402
from caseworker.sync.client import CentralClient  # noqa: E402
from tests.sync.conftest import Server  # noqa: E402
from tests.sync.pg import running_postgres  # noqa: E402

OFFICE = "370102001"
BATCH = 500
PAGE = 10_000


def operation(i: int) -> dict[str, Any]:
    number = f"{OFFICE}-BNCH-{i:06d}"  # the centre takes a device's own numbers only
    return {
        "key": uuid.uuid4().hex,
        "kind": "application.accept",
        "payload": {
            "office_code": OFFICE,
            "at": datetime(2026, 1, 1).isoformat(),
            "application": {
                "number": number,
                "state": "accepted",
                "applicant": {"id_number": f"3701021990{i:08d}"[:18], "name": "王某"},
                "relatives": [],
            },
        },
    }


def bench_push(central: Central, url: str, dsn: str, count: int) -> dict[str, float]:
    key = Ed25519PrivateKey.generate()
    device = central.enrol(
        code=central.issue_code(OFFICE),
        office_code=OFFICE,
        device_code="BNCH",
        public_key=key.public_key().public_bytes_raw().hex(),
    )
    ops = [operation(i) for i in range(count)]
    with CentralClient(url, timeout=120) as client:
        client.authenticate(device, key.sign)
        started = time.perf_counter()
        for i in range(0, count, BATCH):
            reply = client.push(device, key.sign, ops[i : i + BATCH], None)
            assert all(o.status == protocol.APPLIED for o in reply.outcomes)
        served = time.perf_counter() - started
    # the baseline: the same operation rows, bare, one transaction a batch
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE bare_ops (LIKE operations INCLUDING ALL)")
        conn.commit()
        started = time.perf_counter()
        for i in range(0, count, BATCH):
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO bare_ops VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        (
                            op["key"],
                            device,
                            op["kind"],
                            Jsonb(op["payload"]),
                            "applied",
                            Jsonb({}),
                            "",
                            datetime.now(),
                        )
                        for op in ops[i : i + BATCH]
                    ],
                )
            conn.commit()
        bare = time.perf_counter() - started
    return {
        "push_ops_per_s": count / served,
        "bare_insert_rows_per_s": count / bare,
        "push_ratio": served / bare,
    }


def bench_pull(central: Central, url: str, dsn: str, count: int) -> dict[str, float]:
    key = Ed25519PrivateKey.generate()
    device = central.enrol(
        code=central.issue_code("370102002"),
        office_code="370102002",
        device_code="PULL",
        public_key=key.public_key().public_bytes_raw().hex(),
    )
    at = datetime.now()
    with central.sessions() as session, session.begin():
        changes.record(session, [], at)
    for start in range(0, count, 5000):
        rows = [
            (
                protocol.PERSONS,
                "",
                f"X:{i}",
                {
                    "office_code": "370102003",
                    "number": f"P{i:07d}",
                    "id_number": f"37010219900{i:07d}",
                    "state": "accepted",
                },
            )
            for i in range(start, min(count, start + 5000))
        ]
        with central.sessions() as session, session.begin():
            changes.record(session, rows, at)
    with CentralClient(url, timeout=120) as client:
        client.authenticate(device, key.sign)
        cursor, got = protocol.START, 0
        started = time.perf_counter()
        while True:
            page = client.pull(device, key.sign, protocol.PERSONS, cursor, PAGE)
            got += len(page.items)
            cursor = page.cursor
            if not page.more:
                break
        served = time.perf_counter() - started
    assert got >= count, got
    with psycopg.connect(dsn) as conn:
        started = time.perf_counter()
        txid, seq, bare_got = 0, 0, 0
        while True:
            rows = conn.execute(
                "SELECT txid, seq, body FROM changes WHERE stream = 'persons' "
                "AND scope IN ('', %s) "
                "AND (txid, seq) > (%s, %s) ORDER BY txid, seq LIMIT %s",
                (OFFICE, txid, seq, PAGE),
            ).fetchall()
            if not rows:
                break
            bare_got += len(rows)
            txid, seq = rows[-1][0], rows[-1][1]
        bare = time.perf_counter() - started
    return {
        "pull_rows_per_s": got / served,
        "bare_select_rows_per_s": bare_got / bare,
        "pull_ratio": served / bare,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--push", type=int, default=10_000)
    parser.add_argument("--pull", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with running_postgres(durable=True) as pg:
        engine = open_database(pg.url("central"))
        migrate(engine)
        central = Central(engine, Ed25519PrivateKey.generate())
        server = Server(central)
        dsn = f"host=127.0.0.1 port={pg.port} user=postgres dbname=central"
        try:
            result = {
                **bench_push(central, server.url, dsn, args.push),
                **bench_pull(central, server.url, dsn, args.pull),
            }
        finally:
            server.stop()
            engine.dispose()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"push {args.push} operations: {result['push_ops_per_s']:,.0f} ops/s "
            f"(bare inserts {result['bare_insert_rows_per_s']:,.0f} rows/s; "
            f"{result['push_ratio']:.1f}x the bare time)"
        )
        print(
            f"pull {args.pull} person-index rows: {result['pull_rows_per_s']:,.0f} rows/s "
            f"(bare select {result['bare_select_rows_per_s']:,.0f} rows/s; "
            f"{result['pull_ratio']:.1f}x the bare time)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
