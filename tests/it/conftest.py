"""An office set up through the command line in a subprocess, as an IT person would, with
its key in a file (a subprocess has no test keyring)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.stores import PASSWORD, application

ROOT = Path(__file__).resolve().parents[2]


def cli(
    *args: str, env: dict[str, str] | None = None, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """``python -m caseworker ARGS`` in a subprocess, on this worktree's code."""
    merged = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "caseworker", *args],
        env=merged,
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
    )


class Office:
    def __init__(self, folder: Path, key_file: Path) -> None:
        self.folder = folder
        self.key_file = key_file
        self.env = {
            "CASEWORKER_DATA": str(folder),
            "CASEWORKER_USER": "admin",
            "CASEWORKER_PASSWORD": PASSWORD,
        }

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
        return cli(*args, env={**self.env, **env})

    def apply(self, tmp_path: Path, names: list[str]) -> str:
        path = tmp_path / "application.json"
        path.write_text(json.dumps(application(names=names), ensure_ascii=False), "utf-8")
        done = self.run("apply", str(path))
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout.decode("utf-8").strip().splitlines()[-1]


@pytest.fixture
def office(tmp_path: Path) -> Office:
    folder = tmp_path / "data"
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    made = Office(folder, tmp_path / "keys" / "store.key")
    done = made.run(
        "init",
        "--office",
        "370102001",
        "--station",
        "泉城路派出所",
        "--admin-password-file",
        str(secret),
        "--key-file",
        str(made.key_file),
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return made
