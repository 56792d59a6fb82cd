"""The command line's conventions: ``python -m caseworker``, one exit code per meaning
(documented in one README table), ``--json`` on every command that lists or shows, one
version source, and the desk naming the system libraries its window lacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from argparse import Namespace
from pathlib import Path
from typing import Any

import pytest

from caseworker import __version__, cli_sync
from caseworker.cli import main
from caseworker.exit_codes import TABLE, ExitCode
from caseworker.services.base import Actor
from tests.it.conftest import ROOT, cli
from tests.stores import PASSWORD, application


def test_python_dash_m_caseworker() -> None:
    done = cli("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == f"caseworker {__version__}"


def test_exit_codes_are_distinct_and_the_readme_table_is_the_code() -> None:
    assert len({int(c) for c in ExitCode}) == len(ExitCode)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("### Exit codes", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| (\d+) \| (.+) \|$", part, flags=re.MULTILINE))
    assert rows == {str(int(code)): text for code, text in TABLE.items()}
    assert set(TABLE) == set(ExitCode)


class _FailedRound:
    ok = False

    def lines(self) -> list[str]:
        return ["round failed: the central system did not answer"]


class _Sync:
    def sync(self) -> _FailedRound:
        return _FailedRound()


def test_a_failed_sync_round_is_not_an_internal_error(capsys: pytest.CaptureFixture[str]) -> None:
    args = Namespace(command="sync", action="run")
    code = cli_sync.run(args, _Sync(), Actor("admin", "admin"))  # type: ignore[arg-type]
    assert code == ExitCode.SYNC_FAILED != ExitCode.INTERNAL
    assert "did not answer" in capsys.readouterr().out


def test_one_version_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "caseworker/__init__.py"
    tracked = subprocess.run(
        ["git", "grep", "-l", "-F", __version__],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked == ["caseworker/__init__.py"]


@pytest.fixture
def office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str, str]:
    """An office with one decided application, in-process (the test keyring)."""
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    monkeypatch.setenv("CASEWORKER_DATA", str(folder))
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    init = ["init", "--office", "370102001", "--station", "泉城路派出所"]
    assert main([*init, "--admin-password-file", str(secret)]) == 0
    case = application(names=["张三丰", "李四"])
    path = tmp_path / "app.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(path)]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    return folder, number, case["applicant"]["id_number"]


LISTING: list[tuple[list[str], Any]] = [
    (["list"], lambda o: o["items"][0]["applicant_name"] == "张三丰"),
    (["search", "zsf"], lambda o: len(o["items"]) == 1),
    (["show", "{number}"], lambda o: o["state"] == "decided"),
    (["users", "list"], lambda o: o[0]["username"] == "admin" and "password_hash" not in o[0]),
    (["users", "policy"], lambda o: "lockout_attempts" in o),
    (["audit", "show"], lambda o: any(e["action"] == "application.decide" for e in o)),
    (["audit", "verify"], lambda o: o["findings"] == []),
    (["db", "check"], lambda o: o["ok"] is True),
    (["verify", "no-such-code"], lambda o: o["status"] == "unknown" and o["document"] is None),
    (["sync", "status"], lambda o: o["enrolled"] is False),
    (["sync", "conflicts"], lambda o: o == []),
    (["collective", "list"], lambda o: o == []),
    (["collective", "history", "{id_number}"], lambda o: o == []),
    (
        ["report", "--from", "2020-01-01", "--to", "2029-12-31", "--by", "outcome"],
        lambda o: o[0]["columns"],
    ),
    (["rules", "list"], lambda o: {p["policy"] for p in o} >= {"jinan-2017"}),
    (["rules", "show", "jinan-2017:2.1.1.2"], lambda o: o["key"] == "jinan-2017:2.1.1.2"),
    (["rules", "check"], lambda o: o["ok"] is True),
    (["about"], lambda o: o["version"] == __version__ and len(o["rule_packs"]) >= 5),
]


@pytest.mark.parametrize(("command", "check"), LISTING, ids=[" ".join(c) for c, _ in LISTING])
def test_json_on_every_command_that_lists_or_shows(
    office: tuple[Path, str, str],
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    check: Any,
) -> None:
    _folder, number, id_number = office
    args = [a.format(number=number, id_number=id_number) for a in command]
    expected = 1 if command[0] == "verify" else 0  # an unknown code is a problem found
    assert main([*args, "--json"]) == expected
    assert check(json.loads(capsys.readouterr().out))


def _fake_ldd(tmp_path: Path, missing: str) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ldd = bin_dir / "ldd"
    ldd.write_text(
        "#!/bin/sh\n"
        "echo '\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x0)'\n"
        f"echo '\t{missing} => not found'\n",
        encoding="utf-8",
    )
    ldd.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")
def test_the_desk_names_the_missing_xcb_library(tmp_path: Path) -> None:
    env = {
        **os.environ,
        **_fake_ldd(tmp_path, "libxcb-icccm.so.4"),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "xcb",
        "CASEWORKER_DATA": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.app import main; sys.exit(main(['desk']))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == ExitCode.MISSING_LIBRARY, done.stderr
    assert "libxcb-icccm.so.4" in done.stderr
    assert "apt-get install libxcb-icccm4" in done.stderr


def test_offscreen_needs_no_xcb(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import system_libraries  # noqa: PLC0415

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert system_libraries.problem() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert system_libraries.wants_xcb() is sys.platform.startswith("linux")
