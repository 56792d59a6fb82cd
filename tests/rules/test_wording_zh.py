"""The engine's reasons in Chinese for the desk (caseworker.rules.wording_zh): the fact as
its question is labelled, values by their labels; never a fact id or enumeration code."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from caseworker.models.facts import case_from_dict
from caseworker.rules import wording_zh
from caseworker.rules.conditions import AwardMatch, Compare, In, Is, YearsBefore
from caseworker.services.evaluation import EvaluationService

SHARED = Path(__file__).parent.parent / "shared_cases"
CODE = re.compile(r"[a-z][a-z_]{2,}")


@pytest.mark.parametrize(
    ("leaf", "negated", "said"),
    [
        (Is("applicant.residence_permit", True), False, "是否持有本市居住证：应为是"),
        (In("applicant.degree", ["master", "doctor"]), False, "最高学位：应为硕士、博士之一"),
        (Compare("applicant.age", "at_most", 45), False, "年龄（周岁）：不超过45"),
        (Compare("applicant.age", "at_most", 45), True, "年龄（周岁）：超过45"),
        (YearsBefore("applicant.hukou_since", 2), False, "距申请日已满2年"),
        (AwardMatch("applicant.awards", ["world_skills"], 3, None), False, "世界技能大赛获奖"),
    ],
)
def test_a_predicate_is_worded_in_chinese(leaf: object, negated: bool, said: str) -> None:
    text = wording_zh.describe_zh(leaf, negated)
    assert said in text, text
    assert not CODE.search(text), text


def test_a_reason_says_what_the_case_has() -> None:
    leaf = Compare("applicant.pension_months", "at_least", 24)
    assert wording_zh.reason_zh(leaf, 14) == "本市城镇职工养老保险缴费月数：不少于24（实际：14）"
    assert wording_zh.value_zh("applicant.hukou_since", date(2019, 3, 15)) == "2019-03-15"


def test_no_unmet_condition_of_a_shared_case_shows_a_code() -> None:
    evaluation = EvaluationService.from_resources()
    seen = 0
    for path in sorted(SHARED.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case.pop("expect", None)
        case.pop("case", None)
        decision = evaluation.decide(case_from_dict(case))
        for route in decision.routes:
            if not route.applies_here:
                continue
            assert len(route.unmet_zh) == len(route.unmet), route.key
            for text in route.unmet_zh:
                seen += 1
                assert not CODE.search(text), (path.name, route.key, text)
            for hint in route.hints:
                assert not CODE.search(hint.zh), (path.name, route.key, hint.zh)
    assert seen > 50
