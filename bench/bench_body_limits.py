"""What an oversized request body costs the central server (issue 21, finding 8).

The real ``caseworker-central`` in its own process on a real PostgreSQL on loopback;
its resident memory (VmRSS) and peak (VmHWM) read from /proc before and after each
attack, four connections at once each time:

- 50 MB to /v1/enrol with no token, declared (Content-Length) and chunked;
- 50 MB to /v1/push with a device's token, declared and chunked;
- the baseline in the same run: four legal pushes just under the route's limit (8 MB),
  which the server must read whole.

    python bench/bench_body_limits.py [--mb 50] [--json]

Needs the ``central`` extra and PostgreSQL's Debian packages (as `.ci/run` installs).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from caseworker.central.database import load_signing_key, migrate, open_database  # noqa: E402
from caseworker.central.service import Central  # noqa: E402
from caseworker.sync import protocol  # noqa: E402
from tests.sync.pg import free_port, running_postgres  # noqa: E402

MB = 2**20
OFFICE = "370102001"


def memory(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024  # kB -> MB
    return fields


def send(port: int, path: str, headers: dict[str, str], chunks: Iterator[bytes]) -> str:
    """Send a request as an attacker would (all of it, unless the server hangs up);
    return the server's status line, or how the connection ended without one."""
    status = b""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        try:
            sock.sendall((head + "\r\n").encode())
            for chunk in chunks:
                if not status and select.select([sock], [], [], 0)[0]:  # answered already?
                    status = sock.recv(200, socket.MSG_PEEK)
                sock.sendall(chunk)
            status = status or sock.recv(200)
        except OSError as exc:
            if not status:
                return f"closed with no answer ({type(exc).__name__})"
    return status.split(b"\r\n", 1)[0].decode()


def declared(size: int) -> tuple[dict[str, str], Iterator[bytes]]:
    block = b"x" * MB

    def body() -> Iterator[bytes]:
        for _ in range(size // MB):
            yield block

    return {"Content-Type": "application/json", "Content-Length": str(size)}, body()


def chunked(size: int) -> tuple[dict[str, str], Iterator[bytes]]:
    block = b"x" * (64 * 1024)

    def body() -> Iterator[bytes]:
        for _ in range(size // len(block)):
            yield b"%x\r\n" % len(block) + block + b"\r\n"
        yield b"0\r\n\r\n"

    return {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}, body()


def attack(
    pid: int, port: int, path: str, *, make: Any, size: int, extra: dict[str, str]
) -> dict[str, Any]:
    before = memory(pid)
    answers: list[str] = []

    def one() -> None:
        headers, body = make(size)
        answers.append(send(port, path, {**headers, **extra}, body))

    threads = [threading.Thread(target=one) for _ in range(4)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.5)
    after = memory(pid)
    return {
        "answers": sorted(set(answers)),
        "seconds": round(time.perf_counter() - started, 2),
        "rss_growth_mb": round(after["VmRSS"] - before["VmRSS"], 1),
        "peak_growth_mb": round(after["VmHWM"] - before["VmHWM"], 1),
    }


def legal_push(url: str, headers: dict[str, str], size: int) -> dict[str, Any]:
    """The baseline: a legal push of about ``size`` bytes (operations of 200 KB, under
    the payload limit), which the server reads and parses whole."""
    op_text = "x" * (200 * 1024)
    count = max(1, size // (len(op_text) + 400))
    operations = [
        {
            "key": uuid.uuid4().hex,
            "kind": "collective.edit",
            "payload": {"office_code": OFFICE, "note": op_text},
        }
        for _ in range(count)
    ]
    reply = httpx.post(
        url + "/v1/push", json={"operations": operations}, headers=headers, timeout=120
    )
    return {"status": reply.status_code, "operations": count}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=50, help="the attacker's body (MB)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    size = args.mb * MB
    results: dict[str, Any] = {}
    with running_postgres() as pg:
        engine = open_database(pg.url("central"))
        migrate(engine)
        folder = Path(tempfile.mkdtemp(prefix="caseworker-centre-"))
        key_file = folder / "central-signing.key"
        central = Central(engine, load_signing_key(key_file))
        device_key = Ed25519PrivateKey.generate()
        device = central.enrol(
            code=central.issue_code(OFFICE),
            office_code=OFFICE,
            device_code="BNCH",
            public_key=device_key.public_key().public_bytes_raw().hex(),
        )
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from caseworker.central.cli import run; raise SystemExit(run())",
                "serve",
                "--database",
                pg.url("central"),
                "--key-file",
                str(key_file),
                "--port",
                str(port),
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(url + "/v1/health", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            nonce = httpx.post(url + "/v1/challenge", json={"device_id": device}).json()["nonce"]
            token = httpx.post(
                url + "/v1/token",
                json={
                    "device_id": device,
                    "nonce": nonce,
                    "signature": device_key.sign(protocol.auth_message(device, nonce)).hex(),
                },
            ).json()["token"]
            bearer = {"Authorization": f"Bearer {token}"}
            legal_push(url, bearer, MB)  # warm up: every code path loaded once
            results["start"] = memory(server.pid)
            for name, path, make, extra in (
                ("enrol, no token, declared", "/v1/enrol", declared, {}),
                ("enrol, no token, chunked", "/v1/enrol", chunked, {}),
                ("push, no token, chunked", "/v1/push", chunked, {}),
                ("push, token, declared", "/v1/push", declared, bearer),
                ("push, token, chunked", "/v1/push", chunked, bearer),
            ):
                results[name] = attack(server.pid, port, path, make=make, size=size, extra=extra)
            before = memory(server.pid)
            pushes = [
                threading.Thread(target=legal_push, args=(url, bearer, 7 * MB)) for _ in range(4)
            ]
            for thread in pushes:
                thread.start()
            for thread in pushes:
                thread.join()
            after = memory(server.pid)
            results["baseline: four legal 7 MB pushes"] = {
                "rss_growth_mb": round(after["VmRSS"] - before["VmRSS"], 1),
                "peak_growth_mb": round(after["VmHWM"] - before["VmHWM"], 1),
            }
        finally:
            server.terminate()
            server.wait(10)
            engine.dispose()
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        start = results.pop("start")
        print(f"server at rest: {start['VmRSS']:.0f} MB resident, peak {start['VmHWM']:.0f} MB")
        for name, row in results.items():
            said = ", ".join(row.get("answers", []))
            print(
                f"{name:38} peak +{row['peak_growth_mb']:6.1f} MB, resident "
                f"+{row['rss_growth_mb']:6.1f} MB  {said}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
