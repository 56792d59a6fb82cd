"""Engine behaviour beyond the contract: ordering, questions, hints, relatives, warnings."""

from __future__ import annotations

from typing import Any

import pytest

from caseworker.models.facts import case_from_dict
from caseworker.rules.decision import Decision
from caseworker.rules.facts import ASKING_ORDER, FACT_BY_NAME
from caseworker.services.evaluation import EvaluationService
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case

BASE = JINAN_OPTIMIZED_WORKER


def _decide(service: EvaluationService, **spec: Any) -> Decision:
    return service.decide(case_from_dict(build_case(spec, BASE)))


def test_most_favourable_first_by_family_coverage(service: EvaluationService) -> None:
    adult_child = {"relation": "child", "born": "1999-01-01", "marital_status": "unmarried"}
    decision = _decide(
        service, applicant={"degree": "master", "pension_months": 12}, family=[adult_child]
    )
    keys = [r.key for r in decision.eligible]
    assert keys == ["jinan-2017:2.1.1.2", "jinan-2017:2.1.2"]  # 2.1.1.2 takes the adult child


def test_then_fewest_documents(service: EvaluationService) -> None:
    decision = _decide(service, applicant={"education": "bachelor", "pension_months": 12})
    assert [r.key for r in decision.eligible] == ["jinan-2017:2.1.2", "jinan-2017:2.1.1.6"]
    assert len(decision.eligible[0].documents) < len(decision.eligible[1].documents)


def test_status_order_eligible_incomplete_ineligible(service: EvaluationService) -> None:
    decision = _decide(service, applicant={"degree": "master", "education": None})
    ranks = {"eligible": 0, "incomplete": 1, "ineligible": 2}
    statuses = [ranks[r.status] for r in decision.routes]
    assert statuses == sorted(statuses)
    assert decision.routes[-1].applies_here is False  # other zones' routes come last


def test_questions_only_while_they_can_change_the_outcome(service: EvaluationService) -> None:
    unasked = ["education", "pension_months", "residence_permit", "talent_class", "title"]
    decision = _decide(service, unasked=unasked)
    facts = [q.fact for q in decision.questions]
    assert set(facts) >= {"education", "pension_months", "talent_class", "title"}
    assert facts == sorted(facts, key=lambda f: ASKING_ORDER[f"applicant.{f}"])
    question = next(q for q in decision.questions if q.fact == "pension_months")
    assert question.label_zh == FACT_BY_NAME["applicant.pension_months"].label_zh
    assert "jinan-2017:2.1.2" in question.clauses
    # once a route that takes everyone is eligible, nothing more is worth asking
    settled = _decide(service, applicant={"talent_class": "A"}, unasked=unasked[:-2])
    assert settled.decision == "eligible" and settled.questions == ()


def test_questions_continue_when_a_wider_route_could_take_more_relatives(
    service: EvaluationService,
) -> None:
    adult_child = {"relation": "child", "born": "1999-01-01", "marital_status": "unmarried"}
    decision = _decide(
        service, applicant={"pension_months": 12}, unasked=["degree"], family=[adult_child]
    )
    assert [r.key for r in decision.eligible] == ["jinan-2017:2.1.2"]
    assert decision.family[0].verdict == "unknown"
    assert "degree" in [q.fact for q in decision.questions]


def test_hints_are_only_advice_a_person_can_act_on(service: EvaluationService) -> None:
    decision = _decide(service, applicant={"pension_months": 0})
    by_key = {r.key: r for r in decision.routes}
    assert by_key["jinan-2017:2.1.2"].hints[0].en == "12 more months of pension_months"
    assert by_key["jinan-2017:2.1.1.6"].hints == ()  # education cannot be advised into being
    assert by_key["jinan-2017:2.1.3.1"].hints == ()


@pytest.mark.parametrize(
    ("born", "hint_on"),
    [
        ("1963-01-01", "2018-01-01"),  # her 55th birthday, while jinan-2017 is in force
        ("1968-01-01", None),  # her 55th birthday (2023) falls after jinan-2017 ends
    ],
)
def test_wait_hints_stop_at_the_policy_end(
    service: EvaluationService, born: str, hint_on: str | None
) -> None:
    mother = {"employed_in_city": False, "housing": "none", "joins": {"relative": "adult_child"}}
    decision = _decide(service, born=born, sex="F", applicant=mother, **{"on": "2017-09-01"})
    route = next(r for r in decision.routes if r.key == "jinan-2017:2.1.5.3")
    assert route.status == "ineligible"
    found = [h.on.isoformat() for h in route.hints if h.on is not None]
    assert found == ([hint_on] if hint_on else [])


def test_relative_verdicts_give_reasons(service: EvaluationService) -> None:
    family = [
        {"relation": "spouse", "born": "1986-01-01"},
        {"relation": "parent", "born": "1960-01-01"},
    ]
    decision = _decide(service, applicant={"pension_months": 12}, family=family)
    spouse, parent = decision.family
    assert spouse.may_accompany and spouse.via == ("jinan-2017:2.1.2",)
    assert not parent.may_accompany and parent.verdict == "no"
    assert "minor child" in parent.reason_en and "未成年子女" in parent.reason_zh
    none_eligible = _decide(service, applicant={"employed_in_city": False}, family=family)
    assert none_eligible.family[0].reason_en == "no route is eligible for the applicant"


def test_relative_given_by_birth_date_only(service: EvaluationService) -> None:
    baby = {"relation": "child", "birth_date": "2019-01-01", "sex": "F"}
    decision = _decide(service, applicant={"pension_months": 12}, family=[baby])
    assert decision.family[0].may_accompany


def test_decision_records_pack_versions_and_warnings(service: EvaluationService) -> None:
    decision = _decide(
        service, birthplace="379999", applicant={"hukou_county": "372901", "degree": "master"}
    )
    assert decision.policies[0].policy == "jinan-2017" and decision.policies[0].version == "2"
    assert any("birthplace code 379999" in w for w in decision.warnings)
    old = _decide(service, applicant={"hukou_county": "999999", "degree": "master"})
    assert any("999999 is not in today's division list" in w for w in old.warnings)


def test_decisions_are_deterministic(service: EvaluationService) -> None:
    a = _decide(service, applicant={"degree": "master"}).to_json()
    b = _decide(service, applicant={"degree": "master"}).to_json()
    assert a == b
