"""Every condition of the shipped rule packs said in plain Chinese (issue 25 item 5): no
English word, no fact or enumeration code, no engine syntax."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caseworker.models.facts import case_from_dict
from caseworker.rules import conditions, plain, plain_en
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.evaluation import EvaluationService
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case
from tests.rules.test_scenarios import SCENARIOS

SHARED = Path(__file__).parent.parent / "shared_cases"
_dates = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENGLISH = re.compile(r"[A-Za-z]{3,}")
_CODE = re.compile(r"[a-z]+_[a-z_]+|[a-z]+\.[a-z]+|>=|<=|\bin\b|\(has")


def _plain(text: str) -> str:
    assert text, "empty wording"
    assert not _ENGLISH.search(text), text
    assert not _CODE.search(text), text
    return text


_CJK = re.compile(r"[\u3400-\u9fff]")
_SYNTAX = re.compile(r"[a-z]+_[a-z_]+|[a-z]+\.[a-z]+|>=|<=|\(has \w+\)$|^none of:")


def _plain_english(text: str) -> str:
    """Plain English for the desk in English: no Chinese sentence, no code, no engine
    syntax."""
    assert text, "empty wording"
    # a zone's name is quoted; a domain word stands in brackets beside its English
    bare = re.sub(r"“[^”]*”|\([^()]*[\u3400-\u9fff][^()]*\)", "", text)
    assert not _CJK.search(bare), text
    assert not _SYNTAX.search(text), text
    return text


def _leaves(service: EvaluationService) -> Iterator[conditions.Leaf]:
    for pack in service.book.packs:
        for zone in pack.zones:
            if zone.gate is not None:
                yield from zone.gate.leaves()
        for route in pack.routes:
            yield from route.when.leaves()
            for extra in (route.zone_condition, route.follow_when):
                if extra is not None:
                    yield from extra.leaves()
        for notice in pack.notices:
            yield from notice.when.leaves()


def _sample(fact: str) -> Any:
    spec = FACT_BY_NAME.get(fact)
    kind = spec.kind if spec else ""
    if spec is not None and spec.enum is not None:
        return next(iter(spec.enum)).value
    return {
        "bool": False,
        "int": 3,
        "date": date(2019, 3, 15),
        "date_or_false": False,
        "county": "370105",
        "awards": [],
        "zone": "open",
    }.get(kind, "370105")


def test_every_condition_kind_of_the_shipped_packs_reads_in_chinese(
    service: EvaluationService,
) -> None:
    kinds = set()
    for leaf in _leaves(service):
        kinds.add(type(leaf).__name__)
        for negated in (False, True):
            _plain(plain.describe(leaf, negated))
            _plain(plain.reason(leaf, negated, _sample(leaf.fact)))
        _plain(plain.zh_of(leaf.reason(_sample(leaf.fact))))
        for negated in (False, True):
            _plain_english(plain_en.describe(leaf, negated))
            _plain_english(plain_en.reason(leaf, negated, _sample(leaf.fact)))
        _plain_english(plain.en_of(leaf.reason(_sample(leaf.fact))))
    # the packs use these kinds today; a new one must be worded (describe raises KeyError)
    assert {"Is", "In", "Compare", "RankAtLeast", "IsDate", "YearsBefore"} <= kinds


def test_the_tester_s_talent_class_reason(service: EvaluationService) -> None:
    leaf = conditions.In("applicant.talent_class", ["A", "B", "C", "D", "E", "other_recognized"])
    leaf.freeze(1)
    said = leaf.reason("none")
    assert str(said) == "talent_class in A, B, C, D, E, other_recognized (has none)"  # CLI
    assert plain.zh_of(said) == (
        "人才分类目录类别：须为A类人才、B类人才、C类人才、D类人才、E类人才或其他经认定人才"
        "（现为：不属人才目录）"
    )


def test_any_of_and_all_of_read_in_chinese() -> None:
    degree = conditions.In("applicant.degree", ["master", "doctor"])
    title = conditions.RankAtLeast(
        "applicant.title", "associate_senior", ["none", "junior", "associate_senior", "senior"]
    )
    pension = conditions.Compare("applicant.pension_months", "at_least", 24)
    permit = conditions.Is("applicant.residence_permit", True)
    for uid, leaf in enumerate((degree, title, pension, permit), start=1):
        leaf.freeze(uid)
    tree = conditions.Any_((degree, title, conditions.All((pension, permit))))
    ctx = conditions.Context(
        {
            "applicant.degree": "bachelor",
            "applicant.title": "junior",
            "applicant.pension_months": 14,
            "applicant.residence_permit": False,
        },
        date(2026, 12, 6),
    )
    out = tree.evaluate(ctx)
    assert out.value is False
    (said,) = out.unmet
    assert str(said).startswith("none of: degree in master, doctor (has bachelor)")
    zh = _plain(plain.zh_of(said))
    en = _plain_english(plain.en_of(said))
    assert en.startswith("one of these must hold, and none does: highest degree: must be ")
    assert "(is: bachelor's degree)" in en
    assert "最高学位：须为硕士或博士（现为：学士）" in zh
    assert "专业技术职务资格：须为副高级职称或以上（现为：初级职称）" in zh
    assert "本市城镇职工养老保险缴费月数：须不少于24个月（现为：14个月）" in zh


@pytest.mark.parametrize("path", sorted(SHARED.glob("*.json")), ids=lambda p: p.stem)
def test_every_unmet_reason_of_the_shared_cases_reads_in_chinese(
    service: EvaluationService, path: Path
) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    decision = service.decide(case_from_dict(data))
    for route in decision.routes:
        assert len(route.unmet_zh) == len(route.unmet)
        for zh in route.unmet_zh:
            _plain(zh)
        record = decision.to_record()
        assert "unmet_zh" not in decision.to_json()["routes"][0]  # the CLI contract
        assert all("unmet_zh" in r for r in record["routes"])


def test_refused_routes_of_varied_applicants_read_in_chinese(service: EvaluationService) -> None:
    seen = 0
    for applicant in (
        {"degree": "bachelor", "education": "junior_college", "pension_months": 3},
        {"housing": "none", "employed_in_city": False, "talent_class": "none"},
        {"awards": [], "title": "none", "skill": "none", "housing": "rented"},
    ):
        spec = {"applicant": applicant}
        decision = service.decide(case_from_dict(build_case(spec, JINAN_OPTIMIZED_WORKER)))
        for route in decision.routes:
            for zh in route.unmet_zh:
                _plain(zh)
                seen += 1
    assert seen > 10


def test_every_unmet_reason_and_hint_of_the_own_scenarios_reads_in_chinese(
    service: EvaluationService,
) -> None:
    """tests/rules/scenarios: many more refusals and the hints (如何符合) of each."""
    reasons = changes = 0
    for name, spec, defaults in SCENARIOS:
        expected_error = isinstance(spec.get("expect"), dict) and "error" in spec["expect"]
        if expected_error:
            continue
        decision = service.decide(case_from_dict(build_case({**spec, "name": name}, defaults)))
        for route in decision.routes:
            for zh in route.unmet_zh:
                _plain(zh)
                reasons += 1
            for en in route.unmet_en:
                _plain_english(en)
            for hint in route.hints:
                _plain(_dates.sub("", hint.zh))
                changes += hint.kind == "change"
    assert reasons > 200 and changes >= 2
