"""`caseworker edit --version N`: an edit made on a version someone else has saved over is
refused (issue 20 §3); without --version the edit is not checked, as before."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from caseworker.cli import main
from caseworker.exit_codes import ExitCode
from tests.cli.test_cli_store import data  # noqa: F401 - the initialised store
from tests.stores import application


def _file(tmp_path: Path, name: str, answers: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _version(folder: Path, number: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["show", "--data-dir", str(folder), number]) == 0
    found = re.search(r"^版本 version: (\d+)", capsys.readouterr().out, re.MULTILINE)
    assert found, "show prints the version an edit is made on"
    return int(found.group(1))


def test_an_edit_on_a_stale_version_is_refused(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = ["--data-dir", str(data)]
    answers = application()
    assert main(["apply", *folder, _file(tmp_path, "a.json", answers)]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    seen = _version(data, number, capsys)

    # two clerks both opened it at `seen`; the first saves, the second is refused
    mine = copy.deepcopy(answers)
    mine["records"]["destination_address"] = "济南市历下区泉城路2号"
    argv = ["edit", *folder, number, _file(tmp_path, "b.json", mine), "--version", str(seen)]
    assert main(argv) == 0
    assert f"now version {seen + 1}" in capsys.readouterr().out
    theirs = copy.deepcopy(answers)
    theirs["records"]["destination_address"] = "济南市历下区纬二路1号"
    argv = ["edit", *folder, number, _file(tmp_path, "c.json", theirs), "--version", str(seen)]
    assert main(argv) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert f"you saw version {seen}, it is now {seen + 1}" in err
    assert err.count("已被他人修改") == 1 and "Traceback" not in err
    assert _version(data, number, capsys) == seen + 1  # the refused edit changed nothing

    # without --version the edit is not checked (as before)
    assert main(["edit", *folder, number, _file(tmp_path, "d.json", theirs)]) == 0
    assert _version(data, number, capsys) == seen + 2
