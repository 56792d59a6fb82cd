"""Own cases (tests/rules/scenarios/*.yaml): each one's expectations against the engine."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from caseworker.models.facts import case_from_dict
from caseworker.rules.conditions import Manual
from caseworker.services.evaluation import EvaluationService
from tests.helpers import build_case

SCENARIO_DIR = Path(__file__).parent / "scenarios"


def _load() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in doc["scenarios"]:
            out.append((f"{path.stem}: {spec['name']}", spec, doc["defaults"]))
    return out


SCENARIOS = _load()


def _statuses(decision: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f"{r['policy']}:{r['clause']}": r for r in decision["routes"]}


@pytest.mark.parametrize(("name", "spec", "defaults"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(
    name: str, spec: dict[str, Any], defaults: dict[str, Any], service: EvaluationService
) -> None:
    case = case_from_dict(build_case({**spec, "name": name}, defaults))
    result = service.decide(case).to_json()
    expect = spec["expect"]
    routes = _statuses(result)
    eligible = sorted(k for k, r in routes.items() if r["status"] == "eligible")
    if "decision" in expect:
        assert result["decision"] == expect["decision"], routes
    if "eligible" in expect:
        assert eligible == sorted(expect["eligible"])
        if expect["eligible"] and "decision" not in expect:
            assert result["decision"] == "eligible"
    for key, status in (expect.get("routes") or {}).items():
        assert key in routes, f"{key} not evaluated; routes: {sorted(routes)}"
        assert routes[key]["status"] == status, routes[key]
    for key, facts in (expect.get("unknown") or {}).items():
        assert sorted(routes[key]["unknown"]) == sorted(facts), routes[key]
    for key, text in (expect.get("hint") or {}).items():
        hints = [h["en"] for h in routes[key].get("hints", [])]
        assert any(text in h for h in hints), hints
    if "family" in expect:
        assert [f["may_accompany"] for f in result["family"]] == expect["family"], result["family"]
    if "verdicts" in expect:
        assert [f["verdict"] for f in result["family"]] == expect["verdicts"], result["family"]
    if "zone" in expect:
        assert result["zone"] == expect["zone"]
    if "questions" in expect:
        asked = [q["fact"] for q in result["questions"]]
        assert asked[: len(expect["questions"])] == expect["questions"], asked
    if "not_asked" in expect:
        asked = [q["fact"] for q in result["questions"]]
        assert not set(asked) & set(expect["not_asked"]), asked
    if "manual" in expect:
        assert [q["fact"] for q in result["manual_checks"]] == expect["manual"]
    if "notices" in expect:
        assert [f"{n['policy']}:{n['clause']}" for n in result["notices"]] == expect["notices"]
    for key, wanted in (expect.get("documents") or {}).items():
        documents = routes[key]["documents"]
        missing = [doc for doc in wanted.get("has", []) if doc not in documents]
        extra = [doc for doc in wanted.get("lacks", []) if doc in documents]
        assert not missing and not extra, documents
    if "warning" in expect:
        assert any(expect["warning"] in w for w in result["warnings"]), result["warnings"]


def test_there_are_at_least_150_own_cases() -> None:
    assert len(SCENARIOS) >= 150


def test_every_route_is_expected_met_unmet_and_unknown_somewhere(
    service: EvaluationService,
) -> None:
    """The scenarios' expectations (not the engine's output) name every route of every
    pack as eligible, ineligible and incomplete at least once; a route that ends in a
    manual check can at best be incomplete."""
    seen: dict[str, set[str]] = defaultdict(set)
    for _, spec, _ in SCENARIOS:
        expect = spec["expect"]
        for key in expect.get("eligible") or []:
            seen[key].add("eligible")
        for key, status in (expect.get("routes") or {}).items():
            seen[key].add(status)
        for key in expect.get("unknown") or {}:
            seen[key].add("incomplete")
    missing = {}
    for pack in service.book.packs:
        for route in pack.routes:
            wanted = {"eligible", "ineligible", "incomplete"}
            if any(isinstance(leaf, Manual) for leaf in route.when.leaves()):
                wanted.discard("eligible")
            if seen[route.key] != wanted:
                missing[route.key] = sorted(wanted ^ seen[route.key])
    assert not missing, missing
