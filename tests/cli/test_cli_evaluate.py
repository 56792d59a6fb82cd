"""The `caseworker` command: evaluate per the contract, rules list/check/show, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from caseworker import __version__
from caseworker.cli import main
from caseworker.services import evaluation
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case

SHARED_COPY = Path(__file__).parent.parent / "shared_cases"


def _write(tmp_path: Path, case: dict[str, Any] | str, name: str = "case.json") -> Path:
    path = tmp_path / name
    text = case if isinstance(case, str) else json.dumps(case, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _good_case(**applicant: Any) -> dict[str, Any]:
    """A master's graduate in Jinan's optimized zone: eligible under 2.1.1.2."""
    return build_case({"applicant": {"degree": "master", **applicant}}, JINAN_OPTIMIZED_WORKER)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"caseworker {__version__}"


def test_evaluate_json_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--json", str(_write(tmp_path, _good_case()))]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decision"] == "eligible"
    assert result["zone"] == "jinan-2017/optimized"
    assert result["routes"][0] == {
        "policy": "jinan-2017",
        "clause": "2.1.1.2",
        "name": result["routes"][0]["name"],
        "status": "eligible",
        "unmet": [],
        "unknown": [],
        "documents": [
            "居民户口簿",
            "居民身份证",
            "学位证书",
            "劳动合同或聘用证明",
            "房产证或不动产权证",
        ],
    }


def test_evaluate_folder_is_an_array_in_file_name_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in sorted(SHARED_COPY.glob("*.json"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "notes.txt").write_text("not a case", encoding="utf-8")
    assert main(["evaluate", "--json", str(tmp_path)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["decision"] for r in results] == ["eligible", "eligible", "eligible"]
    assert results[2]["routes"][0]["clause"] == "2.1.5.3"


def test_evaluate_text_explains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path,
        _good_case(degree="none", pension_months=None, education="bachelor", labor_contract=True),
    )
    assert main(["evaluate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "决定 Decision: 待补充 incomplete" in out
    assert "仍需询问 Questions still worth asking" in out
    assert "pension_months" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"on": "2019-03-15", ', "not valid JSON"),
        ("UNKNOWN_FIELD", "applicant.favourite_colour: unknown field"),
        ("BAD_ENUM", 'applicant.education: "masters" is not allowed'),
        ("BAD_CHECK_DIGIT", "applicant.id_number: check digit"),
        ("BORN_AFTER_ON", "is after the application date"),
        ("UNKNOWN_COUNTY", "destination.county: 370199 is not a county-level division code"),
        ("UNKNOWN_STREET", "destination.street: '泉城街道' is not a street or town"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    case = _good_case()
    if content == "UNKNOWN_FIELD":
        case["applicant"]["favourite_colour"] = "red"
    elif content == "BAD_ENUM":
        case["applicant"]["education"] = "masters"
    elif content == "BAD_CHECK_DIGIT":
        number = case["applicant"]["id_number"]
        case["applicant"]["id_number"] = number[:17] + ("1" if number[17] == "0" else "0")
    elif content == "BORN_AFTER_ON":
        case["on"] = "1985-06-14"
    elif content == "UNKNOWN_COUNTY":
        case["destination"] = {"county": "370199"}
    elif content == "UNKNOWN_STREET":
        case["destination"]["street"] = "泉城街道"
    path = _write(tmp_path, content if content.startswith("{") else case)
    assert main(["evaluate", "--json", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]


def test_a_bad_file_in_a_folder_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, _good_case(), "a.json")
    _write(tmp_path, "[]", "b.json")
    assert main(["evaluate", "--json", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "b.json" in captured.err


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "nope.json")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_evaluate_with_a_broken_pack_exits_2(
    tmp_path: Path, rules_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = rules_copy / "jinan-2020.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("is: own_home}", "is: own_hom}", 1),
        encoding="utf-8",
    )
    path = _write(tmp_path, _good_case())
    assert main(["evaluate", "--rules-dir", str(rules_copy), str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("caseworker: rule pack refused:") and "jinan-2020.yaml:" in err
    assert len(err.splitlines()) == 1


def test_rules_check_ok_and_broken(rules_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.count("ok  ") == 5
    pack = rules_copy / "liaocheng-2020.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("applicant.graduate", "applicant.graduated", 1),
        encoding="utf-8",
    )
    assert main(["rules", "check", "--rules-dir", str(rules_copy)]) == 1
    err = capsys.readouterr().err
    assert "liaocheng-2020.yaml:" in err and "unknown fact 'applicant.graduated'" in err


def test_rules_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    assert "jinan-2017  济政发〔2017〕14号  2017-08-01 .. 2022-07-31" in out
    assert "zone encouraged" in out and "route zaozhuang-2021:3.3" in out
    assert main(["rules", "show", "jinan-2017:2.1.5.3"]) == 0
    out = capsys.readouterr().out
    assert "男年满 60 周岁" in out and "[sic: 在济]" in out and "jinan-2017.yaml, line" in out
    assert main(["rules", "show", "jinan-2017:9.9"]) == 2
    assert "no route" in capsys.readouterr().err


def test_unexpected_errors_never_show_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(evaluation.EvaluationService, "from_resources", classmethod(boom))
    assert main(["rules", "list"]) == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: disk on fire)" in err and "Traceback" not in err
