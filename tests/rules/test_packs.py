"""Rule packs: validated on load; a broken pack is refused whole, naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.models.divisions import Divisions
from caseworker.resources import resource_path
from caseworker.rules.pack_loader import load_pack, load_rulebook
from caseworker.rules.packs import PackError
from caseworker.services.evaluation import EvaluationService


def _break(rules: Path, old: str, new: str, name: str = "jinan-2017.yaml") -> int:
    """Replace the first ``old`` in a pack; return the 1-based line it was on."""
    path = rules / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _refusal(rules: Path) -> str:
    with pytest.raises(PackError) as info:
        load_rulebook(
            rules,
            policies_dir=resource_path("policies"),
            divisions=Divisions.load(resource_path("divisions")),
        )
    message = str(info.value)
    assert "\n" not in message
    return message


def test_shipped_packs_load(service: EvaluationService) -> None:
    policies = [p.policy for p in service.book.packs]
    assert policies == [
        "jinan-2017",
        "jinan-2020",
        "liaocheng-2020",
        "jinan-2021-talent",
        "zaozhuang-2021",
    ]
    assert (
        sum(len(p.routes) for p in service.book.packs) == 37
    )  # jinan-2017:2.3, the county family-reunion check, is the 37th
    for pack in service.book.packs:
        for route in pack.routes:
            assert route.text.strip() and route.documents, route.key


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "fact: applicant.pension_months, at_least: 24}",
            "fact: applicant.pension_month, at_least: 24}",
            "unknown fact 'applicant.pension_month'; did you mean 'applicant.pension_months'?",
        ),
        ("at_least: 24}", "at_lest: 24}", "unknown key 'at_lest'; did you mean 'at_least'?"),
        (
            "in: [bachelor, postgraduate]}",
            "in: [bachelor, masters]}",
            "needs one of none, secondary_vocational",
        ),
        ("at_most: 45}", "at_most: forty-five}", "needs a whole number"),
        ("rank_at_least: intermediate}", "rank_at_least: middling}", "needs one of none, junior"),
        ("is: true}", "is: yes please}", "needs true or false"),
        ('clause: "2.2"\n', "clause: 2.2\n", "clause ids are quoted text"),
        ('clause: "2.1.2"\n', 'clause: "2.1.1.7"\n', "clause 2.1.1.7 appears twice"),
        ("zones: [encouraged]", "zones: [encuraged]", "unknown zone 'encuraged'"),
        (
            "follow: [spouse, minor_children]",
            "follow: [spouse, minor_kids]",
            "unknown relative group 'minor_kids'",
        ),
        ("可在本区域落户。", "可在全市落户。", "this text is not in the policy document"),
        (
            "[大桥街道, 桑梓店街道]}",
            "[大桥街道, 桑梓街道]}",
            "'桑梓街道' is not a street or town of 370105",
        ),
        (
            '      - {county: "370104"}',
            '      - {county: "370199"}',
            "county 370199 is not in today's division list",
        ),
        (
            "{manual: former_purchase_policy}",
            "{manual: Former Purchase}",
            "manual needs a snake_case name",
        ),
        (
            "{manual: former_purchase_policy}",
            "{manual: former_purchase_rules}",
            "unknown manual check 'former_purchase_rules'",
        ),
    ],
)
def test_typos_are_refused_with_file_and_line(
    rules_copy: Path, old: str, new: str, problem: str
) -> None:
    line = _break(rules_copy, old, new)
    message = _refusal(rules_copy)
    assert problem in message
    if "policy document" in problem:  # a quote is reported at its `text:` key
        lines = (rules_copy / "jinan-2017.yaml").read_text(encoding="utf-8").splitlines()
        line = max(i + 1 for i in range(line) if lines[i].strip().startswith("text:"))
    assert f"jinan-2017.yaml:{line}:" in message


def test_dates_in_force_are_checked(rules_copy: Path) -> None:
    _break(rules_copy, "until: 2022-07-31", "until: 2016-07-31")
    assert "in_force.until: needs a date after in_force.from" in _refusal(rules_copy)


def test_not_yaml(rules_copy: Path) -> None:
    line = _break(rules_copy, "routes:\n", "routes: [\n")
    message = _refusal(rules_copy)
    assert "not valid YAML" in message and "jinan-2017.yaml:" in message
    assert line > 0


def test_duplicate_key(rules_copy: Path) -> None:
    line = _break(
        rules_copy, "    name: 优化落户区域\n", "    name: 优化落户区域\n    name: again\n"
    )
    assert f"jinan-2017.yaml:{line + 1}: duplicate key 'name'" in _refusal(rules_copy)


def test_missing_key(rules_copy: Path) -> None:
    _break(
        rules_copy,
        "    follow: nobody\n    documents: [居民户口簿, 收养登记证",
        "    documents: [居民户口簿, 收养登记证",
    )
    assert "missing key 'follow'" in _refusal(rules_copy)


def test_file_named_after_its_policy(rules_copy: Path) -> None:
    (rules_copy / "jinan-2017.yaml").rename(rules_copy / "jinan2017.yaml")
    assert "the file must be named jinan-2017.yaml" in _refusal(rules_copy)


def test_a_broken_pack_refuses_the_whole_book(rules_copy: Path) -> None:
    _break(rules_copy, "is: own_home}", "is: own_house}", name="jinan-2020.yaml")
    message = _refusal(rules_copy)
    assert "jinan-2020.yaml:" in message and "needs one of own_home" in message


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="no rule packs"):
        load_rulebook(tmp_path)


def test_quotes_are_checked_against_the_policy_text() -> None:
    """The [sic] note and …… elisions are allowed; everything else must be verbatim."""
    pack = load_pack(
        resource_path("rules", "jinan-2017.yaml"), policies_dir=resource_path("policies")
    )
    route = next(r for r in pack.routes if r.clause == "2.1.5.3")
    assert "[sic: 在济]" in route.text


def test_gates_of_zones_sharing_a_county_must_agree(rules_copy: Path) -> None:
    _break(
        rules_copy,
        "    gate: *origin_gate\n    gate_text: 本市市内五区以外常住户口人员\n",
        "    gate_text: 本市市内五区以外常住户口人员\n",
    )
    assert "share county 370105 but have different gates" in _refusal(rules_copy)
