"""`caseworker apply` refuses what cannot be true in one English line and exit 2, and tells
a collective-hukou administrator nothing about applications they may not see."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from caseworker.cli import main
from tests.cli.test_trust_cli import data  # noqa: F401 - the fixture
from tests.stores import application


def _file(tmp_path: Path, case: dict[str, Any], name: str = "app.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_apply_of_a_case_dated_2099_is_refused(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["apply", _file(tmp_path, application(on="2099-01-01"))]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert "the application date 2099-01-01 is after today" in out.err
    assert len(out.err.strip().splitlines()) == 1


def test_apply_of_an_applicant_who_is_their_own_spouse_is_refused(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = application(names=["王五", "李四"])
    case["family"][0]["id_number"] = case["applicant"]["id_number"]
    assert main(["apply", _file(tmp_path, case)]) == 2
    err = capsys.readouterr().err
    assert "family member 1 (spouse) 李四 has the applicant's own ID number" in err


def test_apply_by_a_collective_administrator_names_no_other_application(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = tmp_path / "pw"
    add = ["users", "add", "wang", "--role", "collective_administrator"]
    assert main([*add, "--password-file", str(secret)]) == 0
    case = application()
    assert main(["apply", _file(tmp_path, case)]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    again = application()
    again["applicant"]["id_number"] = case["applicant"]["id_number"]
    again["records"] = case["records"]  # the same person, under the same name
    assert main(["apply", "--as", "wang", _file(tmp_path, again, "again.json")]) == 2
    err = capsys.readouterr().err
    assert "already has an application at this office; ask the counter" in err
    assert number not in err and "decided" not in err
