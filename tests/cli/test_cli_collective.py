"""``caseworker collective``: list, show, create, admit, move-out, transfer, history,
roster, evidence and the family booklet from the command line, as an office would."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.cli import main
from tests.cli.test_cli_store import application_id_number, data  # noqa: F401 - fixture
from tests.stores import PASSWORD, application

ZAOZHUANG = {"county": "370402", "street": "中心街街道", "household": "community_collective"}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _user(folder: Path, tmp_path: Path, name: str, role: str) -> None:
    secret = tmp_path / f"{name}.pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    add = ["users", "add", name, "--role", role, "--password-file", str(secret)]
    assert main([*add, "--data-dir", str(folder)]) == 0


def test_a_collective_from_creation_to_closing(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    d = ["--data-dir", str(data)]
    capsys.readouterr()
    _user(data, tmp_path, "wang", "collective_administrator")
    _user(data, tmp_path, "zhao", "supervisor")
    capsys.readouterr()
    code, out, _ = _run(
        capsys,
        "collective",
        "create",
        *d,
        "--kind",
        "community",
        "--name",
        "中心街社区集体户",
        "--address",
        "中心街1号",
        "--division",
        "370402001",
        "--administrator",
        "wang",
    )
    assert code == 0
    collective = out.strip()
    assert collective.startswith("JT-")
    # an approved application to the community's collective, with the spouse
    spouse_case = [{"relation": "spouse", "born": "1986-01-01"}]
    case = application(destination=ZAOZHUANG, on="2022-03-15", family=spouse_case)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    code, out, _ = _run(capsys, "apply", *d, str(path))
    number = out.strip().splitlines()[-1]
    assert _run(capsys, "approve", *d, "--as", "zhao", number)[0] == 0
    code, out, err = _run(capsys, "collective", "admit", *d, "--as", "wang", collective, number)
    assert code == 0, err
    assert out.count("admitted:") == 2 and "落户迁入" in out
    head = application_id_number(data, number)
    code, out, _ = _run(capsys, "collective", "list", *d, "--as", "wang")
    assert collective in out and "2 member(s)" in out
    code, out, _ = _run(capsys, "collective", "show", *d, "--as", "wang", collective)
    assert f"{head[:6]}********{head[14:]}" in out  # a collective administrator sees it masked
    roster = tmp_path / "roster.pdf"
    assert (
        _run(capsys, "collective", "roster", *d, "--as", "wang", collective, "--out", str(roster))[
            0
        ]
        == 0
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(roster.read_bytes())).pages)
    assert "集体户成员名册" in text and head in text
    code, _, err = _run(
        capsys,
        "collective",
        "roster",
        *d,
        "--as",
        "wang",
        collective,
        "--csv",
        str(tmp_path / "r.csv"),
    )
    assert code == 2 and "export personal data" in err and not (tmp_path / "r.csv").exists()
    assert (
        _run(
            capsys,
            "collective",
            "roster",
            *d,
            "--as",
            "zhao",
            collective,
            "--csv",
            str(tmp_path / "r.csv"),
        )[0]
        == 0
    )
    assert head in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    # the family booklet: applied by the collective's administrator, decided by a supervisor
    shown = _run(capsys, "collective", "show", *d, "--as", "zhao", collective)[1]
    spouse = next(line.split()[1] for line in shown.splitlines() if "spouse" in line)
    code, out, err = _run(
        capsys,
        "collective",
        "booklet",
        *d,
        "--as",
        "wang",
        "apply",
        collective,
        "--head",
        head,
        "--member",
        f"{spouse}:spouse",
    )
    assert code == 0, err
    booklet = out.split()[0]
    code, out, _ = _run(capsys, "collective", "booklet", *d, "--as", "zhao", "decide", booklet)
    assert code == 0 and "issued" in out and "household number: JH-" in out
    page = tmp_path / "booklet.pdf"
    assert (
        _run(
            capsys,
            "collective",
            "booklet",
            *d,
            "--as",
            "wang",
            "print",
            booklet,
            "--out",
            str(page),
        )[0]
        == 0
    )
    assert page.read_bytes().startswith(b"%PDF")
    # closing with members is refused; move both out, then it closes
    code, _, err = _run(
        capsys, "collective", "close", *d, "--as", "zhao", collective, "--reason", "合并"
    )
    assert code == 2 and "still has 2 registered member(s)" in err
    assert (
        _run(
            capsys,
            "collective",
            "transfer",
            *d,
            "--as",
            "wang",
            collective,
            spouse,
            "--to-family",
            "中心街8号",
        )[0]
        == 0
    )
    assert (
        _run(
            capsys,
            "collective",
            "move-out",
            *d,
            "--as",
            "wang",
            collective,
            head,
            "--to",
            "济南市历下区",
        )[0]
        == 0
    )
    code, out, _ = _run(capsys, "collective", "history", *d, "--as", "zhao", head)
    assert "落户迁入" in out and "迁出" in out and "济南市历下区" in out
    assert (
        _run(capsys, "collective", "close", *d, "--as", "zhao", collective, "--reason", "合并")[0]
        == 0
    )
    code, out, _ = _run(capsys, "collective", "list", *d, "--as", "zhao", "--all")
    assert "closed (合并)" in out


def test_bad_input_is_told_plainly(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    d = ["--data-dir", str(data)]
    capsys.readouterr()
    code, _, err = _run(capsys, "collective", "show", *d, "JT-NOPE")
    assert code == 2 and "no collective household 'JT-NOPE'" in err
    code, _, err = _run(capsys, "collective", "roster", *d, "JT-NOPE")
    assert code == 2 and "--out FILE.pdf" in err
    code, _, err = _run(
        capsys, "collective", "booklet", *d, "apply", "JT-NOPE", "--head", "x", "--member", "bad"
    )
    assert code == 2 and "ID_NUMBER:RELATION" in err
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "collective",
                "evidence",
                *d,
                "SQ-1",
                "--kind",
                "owner_consent",
                "--date",
                "someday",
                "--address",
                "x",
            ]
        )
    assert exited.value.code == 2 and "not a date" in capsys.readouterr().err
    code, _, err = _run(
        capsys,
        "collective",
        "evidence",
        *d,
        "SQ-1",
        "--kind",
        "owner_consent",
        "--date",
        "2024-01-01",
        "--address",
        "x",
        "--owner",
        "钱",
        "--scan",
        str(tmp_path / "missing.png"),
    )
    assert code == 2 and "cannot read" in err


def test_report_on_screen_and_to_files(
    data: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``caseworker report``: a table on screen for anyone who may see it; files are a
    supervisor's (the administrator here) and come back as they were asked."""
    d = ["--data-dir", str(data)]
    case = application(on="2021-03-15", family=[])
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", *d, str(path)]) == 0
    capsys.readouterr()
    code, out, _ = _run(
        capsys, "report", *d, "--from", "2021-01-01", "--to", "2021-12-31", "--by", "route"
    )
    assert code == 0 and "按落户途径" in out and "合计 | 1 | 1" in out
    xlsx = tmp_path / "r.xlsx"
    code, out, err = _run(
        capsys,
        "report",
        *d,
        "--from",
        "2021-01-01",
        "--to",
        "2021-12-31",
        "--department",
        "education",
        "--format",
        "xlsx",
        "--out",
        str(xlsx),
    )
    assert code == 0, err
    assert xlsx.read_bytes()[:2] == b"PK"  # a zip: an .xlsx workbook
    pdf = tmp_path / "month.pdf"
    assert (
        _run(
            capsys,
            "report",
            *d,
            "--from",
            "2021-03-01",
            "--to",
            "2021-03-31",
            "--format",
            "pdf",
            "--out",
            str(pdf),
        )[0]
        == 0
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "落户统计 2021-03-01 至 2021-03-31" in text and "随迁人员按年龄段" in text
    code, _, err = _run(capsys, "report", *d, "--from", "2021-12-31", "--to", "2021-01-01")
    assert code == 2 and "swap --from and --to" in err
    code, _, err = _run(
        capsys, "report", *d, "--from", "2021-01-01", "--to", "2021-12-31", "--format", "csv"
    )
    assert code == 2 and "--format and --out" in err
