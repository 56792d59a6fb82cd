"""laiwu_hukou_since (case-format.md): accepted by the fact model and the command line, and
asked by the engine with a Chinese label and its English translation (jinan-2017 二(四))."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from caseworker.cli import main
from caseworker.models.facts import CaseError, case_from_dict
from caseworker.services.evaluation import EvaluationService
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case


def _changqing_case(**applicant: Any) -> dict[str, Any]:
    """A master's graduate born in 莱芜 (ID code 371202), hukou in 长清 for 9 months."""
    spec = {
        "birthplace": "371202",
        "applicant": {
            "degree": "master",
            "hukou_county": "370113",
            "hukou_since": "2018-06-01",
            **applicant,
        },
    }
    return build_case(spec, JINAN_OPTIMIZED_WORKER)


def test_the_fact_model_takes_a_date_false_or_null() -> None:
    assert case_from_dict(_changqing_case()).applicant.laiwu_hukou_since is None
    dated = case_from_dict(_changqing_case(laiwu_hukou_since="2015-01-01"))
    assert str(dated.applicant.laiwu_hukou_since) == "2015-01-01"
    assert (
        case_from_dict(_changqing_case(laiwu_hukou_since=False)).applicant.laiwu_hukou_since
        is False
    )


def test_a_bad_value_is_refused_with_the_field_named() -> None:
    with pytest.raises(CaseError, match=r"laiwu_hukou_since.*YYYY-MM-DD"):
        case_from_dict(_changqing_case(laiwu_hukou_since=True))


def test_the_desk_asks_it_with_a_chinese_label_and_an_english_one(
    service: EvaluationService,
) -> None:
    decision = service.decide(case_from_dict(_changqing_case()))
    assert decision.decision == "incomplete"
    (question,) = [q for q in decision.questions if q.fact == "laiwu_hukou_since"]
    assert question.label_zh.startswith("户口由原莱芜市直接迁来的")
    assert "自出生即在莱芜填“否”；非直接迁来的不填" in question.label_zh
    assert question.label_en.startswith("hukou came straight from former Laiwu")
    assert "not straight from there: leave empty" in question.label_en
    assert "jinan-2017:2.1.1.2" in question.clauses


def test_the_command_line_evaluates_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "laiwu.json"
    case = _changqing_case(laiwu_hukou_since="2017-03-15")  # exactly 2 years on 2019-03-15
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "--json", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decision"] == "eligible"
    eligible = [r["clause"] for r in result["routes"] if r["status"] == "eligible"]
    assert "2.1.1.2" in eligible
