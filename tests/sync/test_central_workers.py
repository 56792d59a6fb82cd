"""``caseworker-central serve --workers N``: several server processes, each with its own
centre over the same database and key."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from caseworker.central.database import load_signing_key
from caseworker.central.service import Central
from tests.sync.pg import Postgres, free_port


def test_serve_with_workers_answers_with_the_centres_key(
    postgres: Postgres, central: Central, tmp_path: Path
) -> None:
    key_file = tmp_path / "central-signing.key"
    public = load_signing_key(key_file).public_key().public_bytes_raw().hex()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from caseworker.central.cli import run; raise SystemExit(run())",
            "serve",
            "--database",
            postgres.url("central"),
            "--key-file",
            str(key_file),
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate(timeout=5)
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the centre did not start in 60 s"
            time.sleep(0.2)
        answers = []
        for i in range(4):  # new connections: the workers share them out
            device = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
            response = httpx.post(
                url + "/enrol",
                json={
                    "code": central.issue_code("370102001"),
                    "office_code": "370102001",
                    "device_code": f"W{i}",
                    "public_key": device,
                },
                timeout=20,
            )
            assert response.status_code == 200, response.text
            answers.append(response.json()["central_key"])
        assert answers == [public] * 4
    finally:
        server.terminate()
        server.communicate(timeout=30)
