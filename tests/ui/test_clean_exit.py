"""Quitting writes nothing to stderr: the desk (its installer self-test, which logs in,
searches on the database worker as a clerk typing does, and quits the way the desk does)
and the command line, each in a process of its own, so what the interpreter prints while
it shuts down is seen too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.stores import PASSWORD, application

_CLI = "import sys; from caseworker.cli import main; sys.exit(main(sys.argv[1:]))"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")]
    )
    return env


def _tracebacks(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if "Traceback" in line or "Error" in line or "Exception" in line
    ]


def test_the_desk_quits_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ui.app", "--self-test"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout
    assert _tracebacks(done.stderr) == []


def test_the_command_line_quits_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(application(names=["张三丰", "李四"]), ensure_ascii=False), encoding="utf-8"
    )
    env = _env(CASEWORKER_USER="admin", CASEWORKER_PASSWORD=PASSWORD)
    data = ["--data-dir", str(folder)]
    commands = [
        ["init", *data, "--office", "370102001", "--station", "泉城路派出所",
         "--admin-password-file", str(secret), "--key-file", str(tmp_path / "key")],
        ["apply", *data, str(case)],
        *(["search", *data, text] for text in ("z", "zs", "张", "李四", "zhangsanfeng")),
        ["list", *data],
    ]  # fmt: skip
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-c", _CLI, *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr)
        assert _tracebacks(done.stderr) == [], command
    assert "张三丰" in done.stdout
