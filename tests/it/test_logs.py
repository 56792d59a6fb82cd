"""Logs an IT person can use: the events of a working day reach logs/caseworker.log with
ID numbers masked and no names, and two processes can write and rotate one log."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from caseworker import logs
from caseworker.cli import main
from tests.it.conftest import ROOT
from tests.stores import PASSWORD, application


def _office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office store in ``tmp_path/data``, the commands pointed at it."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CASEWORKER_DATA", str(folder))
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    init = ["init", "--office", "370102001", "--station", "泉城路派出所"]
    assert main([*init, "--admin-password-file", str(secret)]) == 0
    return folder


def test_a_working_day_reaches_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _office(tmp_path, monkeypatch)
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    case = application(names=["张三丰", "李四"])
    id_number = case["applicant"]["id_number"]
    path = tmp_path / "app.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(path)]) == 0  # login, save, accept, decide, logout
    number = capsys.readouterr().out.strip().splitlines()[-1]
    receipt = tmp_path / "receipt.pdf"
    assert main(["print", "receipt", number, "--out", str(receipt)]) == 0
    assert main(["search", id_number]) == 0
    monkeypatch.setenv("CASEWORKER_PASSWORD", "wrong-password-1")
    assert main(["list"]) == 2  # a failed login, refused
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    assert main(["approve", number]) == 2  # the one who accepted may not approve
    log = (folder / "logs" / "caseworker.log").read_text(encoding="utf-8")
    for expected in (
        "store.init by admin",
        "login by admin",
        "logout by admin",
        "login.failed by admin",
        "application.create by admin",
        "application.accept by admin",
        "application.decide by admin",
        "document.print by admin",
        f"number={number}",
        "list refused",
        "approve refused",
    ):
        assert expected in log, expected
    assert re.search(r"\[caseworker \d+\] caseworker\.audit: login by admin", log)
    assert id_number not in log and "张三丰" not in log and "李四" not in log
    capsys.readouterr()


def test_an_internal_error_is_logged_with_its_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _office(tmp_path, monkeypatch)

    def broken(*_a: object, **_k: object) -> int:
        raise RuntimeError("disk on fire 370102198001011234")

    monkeypatch.setattr("caseworker.cli_store._db_check", broken)
    assert main(["db", "check"]) == 3
    assert "Traceback" not in capsys.readouterr().err
    log = (folder / "logs" / "caseworker.log").read_text(encoding="utf-8")
    assert "internal error in db" in log and "Traceback" in log and "disk on fire" in log
    assert "370102198001011234" not in log and "370102********1234" in log


def test_a_sync_round_is_logged(tmp_path: Path) -> None:
    logs.setup(tmp_path)
    logs.sync_round(ok=False, lines=["round failed: the central system did not answer"])
    text = (tmp_path / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "WARNING" in text and "sync round: round failed" in text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (log_writer.py)")
def test_two_processes_write_and_rotate_one_log(tmp_path: Path) -> None:
    count = 3000
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = str(Path(__file__).with_name("log_writer.py"))
    children = [
        subprocess.Popen([sys.executable, writer, str(tmp_path), name, str(count)], env=env)
        for name in ("desk", "cli")
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"{n}.ready").exists() for n in ("desk", "cli")):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    (tmp_path / "go").touch()
    assert [child.wait(timeout=300) for child in children] == [0, 0]
    files = sorted(tmp_path.glob(f"{logs.LOG_FILE}*"))
    assert len(files) > 5  # it did rotate, many times
    seen: dict[str, list[int]] = {"desk": [], "cli": []}
    for file in files:
        if file.name != logs.LOG_FILE:
            # a rotated file holds about max_bytes: no process went on writing into it
            # after another renamed it
            assert file.stat().st_size <= 20_000 + 200, file.name
        for line in file.read_text(encoding="utf-8").splitlines():
            found = re.search(r"line (desk|cli) (\d{6}) x{40}$", line)
            assert found, f"garbled line in {file.name}: {line!r}"
            seen[found.group(1)].append(int(found.group(2)))
    for name, numbers in seen.items():
        assert sorted(numbers) == list(range(count)), f"{name}: lines lost or doubled"


def test_the_diagnostics_command_writes_a_bundle_without_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _office(tmp_path, monkeypatch)
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    case = application(names=["欧阳明月", "李四"])
    path = tmp_path / "app.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(path)]) == 0
    assert main(["search", case["applicant"]["id_number"], "--page", "0"]) == 2  # refused
    out = tmp_path / "ticket" / "diagnostics.zip"
    assert main(["diagnostics", "--out", str(out)]) == 0
    assert "no personal data" in capsys.readouterr().out
    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        text = "\n".join(bundle.read(n).decode("utf-8") for n in names)
        check = json.loads(bundle.read("store-check.json"))
    assert {"about.json", "store-check.json", "environment.json", "logs/caseworker.log"} <= names
    assert check["ok"] is True and check["schema"] == check["newest_schema"]
    assert "application.decide by admin" in text
    for personal in (case["applicant"]["id_number"], "欧阳", "明月", "李四"):
        assert personal not in text
