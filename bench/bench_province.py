"""A province's desks at once against the centre: ``caseworker-central serve --workers N``
on a real PostgreSQL started on loopback (fsync on), a few hundred simulated desks
(asyncio and httpx), each enrolled with its own Ed25519 key, doing what a desk does after an outage:
challenge and token, push its backlog in batches (a share of batches sent again, as when
an answer is lost: every answer must be ``replayed``; a share of applicants also claimed by
another office: ``conflict``), then pull every stream to its end.

    python bench/bench_province.py [--desks 200] [--ops 100] [--workers 3] [--json]

Reports operations a second, p50/p95/p99 latency per request kind, errors (the script
exits 1 unless there are none) and the database's size per million applications
(extrapolated linearly from the run). Bounded: ``--time-limit`` seconds at most, loopback
only. Needs the ``central`` extra and PostgreSQL's Debian packages (as `.ci/run` installs).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from caseworker.central.database import load_signing_key, migrate, open_database  # noqa: E402
from caseworker.central.schema import Base  # noqa: E402
from caseworker.central.service import Central  # noqa: E402
from caseworker.sync import protocol  # noqa: E402
from tests.sync.pg import free_port, running_postgres  # noqa: E402

#: an application's life at a desk, one operation each (``application.<action>``)
LIFE = (
    ("accept", "accepted"),
    ("approve", "approved"),
    ("issue_permit", "permit_issued"),
    ("settle", "settled"),
)


@dataclass
class Desk:
    index: int
    office: str
    device_code: str
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    device_id: str = ""
    token: str = ""

    def public_key(self) -> str:
        return self.key.public_key().public_bytes_raw().hex()


@dataclass
class Tally:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)
    pushed: int = 0
    pulled: int = 0


def desks_for(count: int) -> list[Desk]:
    """Two devices an office: desk i is device ``D{i % 2}`` of office ``i // 2``."""
    return [Desk(i, f"37{i // 2:07d}", f"D{i % 2}") for i in range(count)]


def backlog(desk: Desk, *, ops: int, shared: int, start: datetime) -> list[dict[str, Any]]:
    """The desk's outbox after an outage: applications taken through their life, in order.
    The first ``shared`` applicants are also applicants of desk i + 2 (another office)."""
    out: list[dict[str, Any]] = []
    for app in range((ops + len(LIFE) - 1) // len(LIFE)):
        if app < shared:  # desks i and i + 2 of a block of four share these people
            pair = (desk.index // 4) * 4 + desk.index % 2
            id_number = f"3799{pair:06d}{app:07d}0"
        else:
            id_number = f"3701{desk.index:06d}{app:07d}0"
        number = f"{desk.office}-{desk.device_code}-{app + 1:06d}"
        for step, (action, state) in enumerate(LIFE):
            if len(out) == ops:
                return out
            out.append(
                {
                    "key": uuid.uuid4().hex,
                    "kind": f"application.{action}",
                    "payload": {
                        "office_code": desk.office,
                        "at": (start + timedelta(minutes=app, seconds=step)).isoformat(),
                        "application": {
                            "number": number,
                            "state": state,
                            "applicant": {"id_number": id_number, "name": "王某"},
                            "relatives": [],
                        },
                    },
                }
            )
    return out


async def call(
    http: httpx.AsyncClient, tally: Tally, kind: str, method: str, path: str, **kwargs: Any
) -> dict[str, Any] | None:
    started = time.perf_counter()
    try:
        response = await http.request(method, protocol.API + path, **kwargs)
    except httpx.HTTPError as exc:
        tally.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
        return None
    tally.latency[kind].append(time.perf_counter() - started)
    if response.status_code != 200:
        tally.errors.append(f"{kind}: HTTP {response.status_code}: {response.text[:200]}")
        return None
    data = response.json()
    assert isinstance(data, dict)
    return data


async def enrol(http: httpx.AsyncClient, tally: Tally, desk: Desk, code: str) -> None:
    data = await call(
        http,
        tally,
        "enrol",
        "POST",
        "/enrol",
        json={
            "code": code,
            "office_code": desk.office,
            "device_code": desk.device_code,
            "public_key": desk.public_key(),
        },
    )
    if data is not None:
        desk.device_id = str(data["device_id"])


async def authenticate(http: httpx.AsyncClient, tally: Tally, desk: Desk) -> bool:
    data = await call(
        http, tally, "challenge", "POST", "/challenge", json={"device_id": desk.device_id}
    )
    if data is None:
        return False
    nonce = str(data["nonce"])
    signature = desk.key.sign(protocol.auth_message(desk.device_id, nonce)).hex()
    data = await call(
        http,
        tally,
        "token",
        "POST",
        "/token",
        json={"device_id": desk.device_id, "nonce": nonce, "signature": signature},
    )
    if data is None:
        return False
    desk.token = str(data["token"])
    return True


async def push(
    http: httpx.AsyncClient, tally: Tally, desk: Desk, batch: list[dict[str, Any]], *, again: bool
) -> None:
    data = await call(
        http,
        tally,
        "push (replayed)" if again else "push",
        "POST",
        "/push",
        json={"operations": batch, "audit": None},
        headers={"authorization": f"Bearer {desk.token}"},
    )
    if data is None:
        return
    results = data.get("results") or []
    if {r["key"] for r in results} != {op["key"] for op in batch}:
        tally.errors.append(f"push: desk {desk.index} was not answered for every operation")
    expected = (protocol.REPLAYED,) if again else (protocol.APPLIED, protocol.CONFLICT)
    for r in results:
        tally.outcomes[("again " if again else "") + r["status"]] += 1
        if r["status"] not in expected:
            tally.errors.append(f"push: desk {desk.index}: {r['status']} {r.get('error', '')}")
    tally.pushed += len(batch)


async def pull_all(http: httpx.AsyncClient, tally: Tally, desk: Desk, limit: int) -> None:
    for stream in protocol.STREAMS:
        cursor = protocol.START
        for _ in range(100_000):  # bounded; a stream ends long before
            data = await call(
                http,
                tally,
                "pull",
                "GET",
                f"/pull/{stream}",
                params={"cursor": cursor, "limit": limit},
                headers={"authorization": f"Bearer {desk.token}"},
            )
            if data is None:
                return
            tally.pulled += len(data["items"])
            cursor = str(data["cursor"])
            if not data["more"]:
                break


async def push_backlog(
    http: httpx.AsyncClient,
    tally: Tally,
    desk: Desk,
    ops: list[dict[str, Any]],
    *,
    batch: int,
    replay: float,
    rng: random.Random,
) -> None:
    if not await authenticate(http, tally, desk):
        return
    for i in range(0, len(ops), batch):
        chunk = ops[i : i + batch]
        await push(http, tally, desk, chunk, again=False)
        if rng.random() < replay:  # the answer was lost: the desk sends the batch again
            await push(http, tally, desk, chunk, again=True)


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {"count": len(ordered), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99)}


def start_server(
    database: str, key_file: Path, workers: int
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    server = subprocess.Popen(
        [  # `caseworker-central serve`, from this checkout
            sys.executable,
            "-c",
            "from caseworker.central.cli import run; raise SystemExit(run())",
            "serve",
            "--database",
            database,
            "--key-file",
            str(key_file),
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the centre exited with {server.returncode}")
        try:
            if httpx.get(url + protocol.API + "/health", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the centre did not start within 60 s")


async def run_desks(url: str, central: Central, args: argparse.Namespace) -> dict[str, Any]:
    desks = desks_for(args.desks)
    codes = [central.issue_code(d.office) for d in desks]
    shared = int(args.conflicts * ((args.ops + len(LIFE) - 1) // len(LIFE)))
    start = datetime(2026, 3, 1, 8)
    backlogs = [backlog(d, ops=args.ops, shared=shared, start=start) for d in desks]
    rng = random.Random(args.seed)
    # the client lets an idle connection go after 2 s, before the server does (uvicorn: 5 s)
    limits = httpx.Limits(
        max_connections=args.desks, max_keepalive_connections=args.desks, keepalive_expiry=2
    )
    tally = Tally()
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        began = time.perf_counter()
        await asyncio.gather(*(enrol(http, tally, d, c) for d, c in zip(desks, codes, strict=True)))
        enrolled = time.perf_counter() - began
        # every desk at once: a token, then its backlog (all pushes end before the pulls
        # begin, so that each is measured alone; a desk's round does them in that order)
        began = time.perf_counter()
        await asyncio.gather(
            *(
                push_backlog(
                    http,
                    tally,
                    d,
                    ops,
                    batch=args.batch,
                    replay=args.replays,
                    rng=random.Random(rng.random()),
                )
                for d, ops in zip(desks, backlogs, strict=True)
            )
        )
        pushing = time.perf_counter() - began
        began = time.perf_counter()
        await asyncio.gather(*(pull_all(http, tally, d, args.pull_limit) for d in desks if d.token))
        pulling = time.perf_counter() - began
    pushes = sum(len(v) for k, v in tally.latency.items() if k.startswith("push"))
    first = sum(n for k, n in tally.outcomes.items() if not k.startswith("again"))
    # desks i and i + 2 of each full block of four share `shared` applicants
    pairs = sum(2 for i in range(0, args.desks - 3, 4)) * shared
    return {
        "desks": args.desks,
        "workers": args.workers,
        "operations_per_desk": args.ops,
        "batch": args.batch,
        "enrol_seconds": enrolled,
        "push_seconds": pushing,
        "operations_pushed": tally.pushed,
        "operations_first_sent": first,
        "operations_per_s": tally.pushed / pushing,
        "first_sent_operations_per_s": first / pushing,
        "pushes_per_s": pushes / pushing,
        "pull_seconds": pulling,
        "rows_pulled": tally.pulled,
        "rows_pulled_per_s": tally.pulled / pulling,
        "pulls_per_s": len(tally.latency["pull"]) / pulling,
        "outcomes": dict(sorted(tally.outcomes.items())),
        "conflict_pairs_planned": pairs,
        "latency": {k: percentiles(v) for k, v in sorted(tally.latency.items())},
        "errors": len(tally.errors),
        "first_errors": tally.errors[:10],
    }


def database_size(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def sizes(dsn: str, empty: int) -> dict[str, Any]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        applications = conn.execute("SELECT count(*) FROM applications").fetchone()
        database = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        tables = {
            t.name: conn.execute("SELECT pg_total_relation_size(%s)", (t.name,)).fetchone()
            for t in Base.metadata.sorted_tables
        }
    count = int(applications[0]) if applications else 0
    per = 1_000_000 / count if count else 0.0
    table_bytes = {k: int(v[0]) for k, v in tables.items() if v}
    return {
        "applications": count,
        "database_bytes": int(database[0]) if database else 0,
        "empty_database_bytes": empty,
        "tables_bytes": sum(table_bytes.values()),
        "per_million_applications_gb": {
            "database (pg_database_size, growth over the empty one)": (
                (int(database[0]) if database else 0) - empty
            )
            * per
            / 1e9,
            "tables (pg_total_relation_size)": sum(table_bytes.values()) * per / 1e9,
            **{
                k: v * per / 1e9
                for k, v in sorted(table_bytes.items(), key=lambda kv: -kv[1])
                if v > 64 * 1024
            },
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--desks", type=int, default=200, help="desks at once (default 200)")
    parser.add_argument("--ops", type=int, default=100, help="operations a desk (default 100)")
    parser.add_argument("--workers", type=int, default=3, help="uvicorn workers (default 3)")
    parser.add_argument("--batch", type=int, default=50, help="operations a push (default 50)")
    parser.add_argument(
        "--replays", type=float, default=0.1, help="share of batches sent again (0.1)"
    )
    parser.add_argument(
        "--conflicts", type=float, default=0.1, help="share of applicants another office has too"
    )
    parser.add_argument("--pull-limit", type=int, default=1000, help="rows a pull page")
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument("--time-limit", type=float, default=900, help="seconds, then give up")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.batch <= 500 or args.desks < 1 or args.ops < 1 or args.workers < 1:
        parser.error("--batch must be 1 to 500; --desks, --ops and --workers at least 1")
    with running_postgres(durable=True) as pg:
        key_file = pg.folder / "central-signing.key"
        load_signing_key(key_file)  # created owner-only, as the centre's first start does
        engine = open_database(pg.url("central"))
        migrate(engine)
        central = Central(engine, load_signing_key(key_file))
        dsn = f"host=127.0.0.1 port={pg.port} user=postgres dbname=central"
        empty = database_size(dsn)
        server, url = start_server(pg.url("central"), key_file, args.workers)
        try:
            result = asyncio.run(asyncio.wait_for(run_desks(url, central, args), args.time_limit))
        except TimeoutError:
            print(f"gave up after {args.time_limit:.0f} s", file=sys.stderr)
            return 1
        finally:
            server.terminate()
            server.wait(30)
            engine.dispose()
        result["size"] = sizes(dsn, empty)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)
    return 1 if result["errors"] else 0


def report(r: dict[str, Any]) -> None:
    print(
        f"{r['desks']} desks, {r['operations_per_desk']} operations each (batches of "
        f"{r['batch']}), {r['workers']} uvicorn workers, fsync on"
    )
    print(f"enrolment of every desk at once: {r['enrol_seconds']:.1f} s")
    print(
        f"every backlog pushed: {r['push_seconds']:.1f} s; {r['operations_per_s']:,.0f} "
        f"operations/s ({r['first_sent_operations_per_s']:,.0f}/s first sent, the rest "
        f"replays); {r['pushes_per_s']:,.1f} pushes/s"
    )
    print(
        f"every stream pulled to its end: {r['pull_seconds']:.1f} s; {r['rows_pulled']:,} rows, "
        f"{r['rows_pulled_per_s']:,.0f} rows/s; {r['pulls_per_s']:,.1f} pulls/s"
    )
    print(
        "outcomes: "
        + ", ".join(f"{k} {v:,}" for k, v in r["outcomes"].items())
        + f" ({r['conflict_pairs_planned']:,} people in applications of two offices)"
    )
    for kind, q in r["latency"].items():
        print(
            f"  {kind:16} n={q['count']:6,}  p50 {q['p50_ms']:8.1f} ms  p95 {q['p95_ms']:8.1f} ms"
            f"  p99 {q['p99_ms']:8.1f} ms"
        )
    size = r["size"]
    print(
        f"database: {size['applications']:,} applications, {size['database_bytes'] / 1e6:.1f} MB "
        f"({size['empty_database_bytes'] / 1e6:.1f} MB empty; "
        f"tables {size['tables_bytes'] / 1e6:.1f} MB); per million applications, "
        "extrapolated linearly from this run:"
    )
    for name, gb in size["per_million_applications_gb"].items():
        print(f"  {name:54} {gb:6.2f} GB")
    print(f"errors: {r['errors']}")
    for line in r["first_errors"]:
        print(f"  {line}")


if __name__ == "__main__":
    raise SystemExit(main())
