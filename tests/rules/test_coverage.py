"""Every paragraph accounted for: the coverage of the five policy texts by the packs."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.cli_coverage import coverage_for, render_markdown
from caseworker.rules.coverage import CoverageError, PolicyCoverage
from caseworker.rules.paragraphs import Anchor, LayoutError, TextLayout, cut
from caseworker.services.evaluation import EvaluationService

ROOT = Path(__file__).resolve().parent.parent.parent
COVERAGE_FILES = ROOT / "resources" / "rules" / "coverage"
COVERAGE_PAGE = ROOT / "resources" / "policies" / "COVERAGE.md"


@pytest.fixture(scope="module")
def coverage() -> tuple[PolicyCoverage, ...]:
    return coverage_for()


def test_no_paragraph_that_grants_or_limits_settlement_is_unaccounted_for(
    coverage: tuple[PolicyCoverage, ...],
) -> None:
    missing = [
        f"{p.policy} {row.paragraph} (line {row.line}): {row.text[:50]}"
        for p in coverage
        for row in p.rows
        if row.unaccounted_settlement
    ]
    assert not missing, "\n".join(missing)


def test_the_packs_and_the_texts_fit(coverage: tuple[PolicyCoverage, ...]) -> None:
    """Every route's clause id names a paragraph, every zone's and notice's too, and no
    reviewed reason sits on a paragraph the packs use."""
    assert [problem for p in coverage for problem in p.problems] == []


def test_all_five_texts_and_every_route_are_in_the_table(
    coverage: tuple[PolicyCoverage, ...], service: EvaluationService
) -> None:
    assert sorted(p.policy for p in coverage) == sorted(p.policy for p in service.book.packs)
    routes = {
        use.detail.split()[1]
        for p in coverage
        for row in p.rows
        for use in row.uses
        if use.kind in {"route", "manual"}
    }
    assert routes == {r.key for pack in service.book.packs for r in pack.routes}


def test_the_kinds_found(coverage: tuple[PolicyCoverage, ...]) -> None:
    """Spot checks of the generated table against the texts."""
    rows = {(p.policy, row.paragraph): row for p in coverage for row in p.rows}
    assert rows[("jinan-2017", "2.1.1.6")].kind == "route"
    assert rows[("jinan-2017", "transition")].kind == "manual"
    assert rows[("jinan-2017", "2.3")].kind == "manual"  # the counties' family reunion
    assert rows[("jinan-2017", "2.4")].kind == "condition"  # 莱芜 time, in the origin gate
    assert rows[("jinan-2017", "2.1")].kind == "condition"  # quoted by the talent routes
    assert rows[("liaocheng-2020", "2.1.2")].kind == "condition"  # the renters' proofs
    assert rows[("jinan-2021-talent", "2.4.16")].kind == "notice"
    assert rows[("jinan-2020", "2")].kind == "route"
    assert rows[("jinan-2020", "annex2.1")].kind == "condition"  # the online channel
    assert rows[("zaozhuang-2021", "3.3")].kind == "manual"
    assert rows[("jinan-2017", "5.5")].kind == "out_of_scope"
    assert rows[("jinan-2017", "1.2.1")].kind == "not_mentioned"
    assert not rows[("jinan-2017", "1.2.1")].settlement


def test_out_of_scope_reasons_are_each_their_own(coverage: tuple[PolicyCoverage, ...]) -> None:
    """No blanket: within a text no two paragraphs share one out-of-scope reason."""
    for policy in coverage:
        reasons = Counter(
            use.detail for row in policy.rows for use in row.uses if use.kind == "out_of_scope"
        )
        shared = [reason for reason, n in reasons.items() if n > 1]
        assert not shared, (policy.policy, shared)


def test_the_page_the_readme_links_is_up_to_date(coverage: tuple[PolicyCoverage, ...]) -> None:
    assert COVERAGE_PAGE.read_text(encoding="utf-8") == render_markdown(coverage), (
        "regenerate: caseworker rules coverage --markdown > resources/policies/COVERAGE.md"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "resources/policies/COVERAGE.md" in readme


def test_the_packs_cite_the_texts_the_policies_readme_maps(service: EvaluationService) -> None:
    readme = (ROOT / "resources" / "policies" / "README.md").read_text(encoding="utf-8")
    mapped = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (\S+\.txt) \|", readme, re.MULTILINE))
    assert mapped == {pack.policy: pack.source for pack in service.book.packs}


def test_the_command_prints_it_and_its_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "coverage"]) == 0
    text = capsys.readouterr().out
    assert re.search(r"2\.1\.1\.6\s+route", text)
    assert "0 that grant or limit settlement unaccounted for" in text
    assert main(["rules", "coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {p["policy"] for p in data} >= {"jinan-2017", "zaozhuang-2021"}
    jinan = next(p for p in data if p["policy"] == "jinan-2017")
    row = next(r for r in jinan["paragraphs"] if r["paragraph"] == "5.5")
    assert row["kind"] == "out_of_scope" and row["grants_or_limits_settlement"]
    assert row["uses"][0]["source"] == "reviewed"


def _copy_rules(rules_copy: Path) -> Path:
    shutil.copytree(COVERAGE_FILES, rules_copy / "coverage")
    return rules_copy / "coverage"


def test_a_settlement_paragraph_left_without_its_reason_fails(
    rules_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _copy_rules(rules_copy) / "jinan-2017.yaml"
    text = review.read_text(encoding="utf-8")
    start = text.index('  "5.5":')
    end = text.index('  "6.2":')
    review.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["rules", "coverage", "--rules-dir", str(rules_copy)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^ !5\.5\s+not mentioned", out, re.MULTILINE)
    assert "1 that grant or limit settlement unaccounted for" in out


def test_a_reason_on_a_paragraph_a_route_uses_is_a_problem(
    rules_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _copy_rules(rules_copy) / "zaozhuang-2021.yaml"
    with review.open("a", encoding="utf-8") as out:
        out.write('  "2.1":\n    out_of_scope: Residence in a town, said to be out of scope.\n')
    assert main(["rules", "coverage", "--rules-dir", str(rules_copy)]) == 1
    assert "paragraph 2.1 is out of scope, yet the packs use it" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('  "4":\n    condition: A condition of nothing at all here.\n', "names the routes"),
        ('  "4":\n    condition: Of a route not in it.\n    of: ["9.9"]\n', "not a route clause"),
        ('  "4":\n    out_of_scope: short\n', "must be a sentence"),
        ('  "4":\n    out_of_scop: A typo in the key of this entry.\n', "give condition"),
        ("  4:\n    out_of_scope: An unquoted paragraph id here.\n", "quote the paragraph id"),
    ],
)
def test_a_broken_coverage_file_is_refused(
    rules_copy: Path, capsys: pytest.CaptureFixture[str], entry: str, problem: str
) -> None:
    review = _copy_rules(rules_copy) / "zaozhuang-2021.yaml"
    text = review.read_text(encoding="utf-8")
    start = text.index('  "4":')
    review.write_text(text[:start] + entry, encoding="utf-8")
    assert main(["rules", "coverage", "--rules-dir", str(rules_copy)]) == 2
    err = capsys.readouterr().err
    assert "zaozhuang-2021.yaml" in err and problem in err


def test_a_pack_without_its_coverage_file_is_refused(rules_copy: Path) -> None:
    (_copy_rules(rules_copy) / "liaocheng-2020.yaml").unlink()
    with pytest.raises(CoverageError, match=r"liaocheng-2020\.yaml: missing"):
        coverage_for(rules_copy)


# --- cutting a text into paragraphs ------------------------------------------------------

TEXT = """标题

各单位：前言不计。

一、总体要求

（一）指导思想。第一段。

二、政策

（十一）十一项。正文。

1. 条目一。

(3) 细目三。

（四）第四项，
续行。

本办法自公布之日起施行。

附件 1

附件标题

一、基本条件

附件正文。

抄送：各单位。
"""


def test_dotted_ids_with_headings_left_out() -> None:
    layout = TextLayout(
        anchors=(
            Anchor("本办法自公布之日起施行", paragraph="in_force"),
            Anchor("附件1", annex="annex1"),
            Anchor("抄送", skip=True),
        )
    )
    paragraphs = cut(TEXT, layout)
    assert [(p.id, p.line) for p in paragraphs] == [
        ("1.1", 7),
        ("2.11", 11),
        ("2.11.1", 13),
        ("2.11.1.3", 15),
        ("2.4", 17),
        ("in_force", 20),
        ("annex1.1", 26),
    ]
    assert paragraphs[4].text == "（四）第四项， 续行。"


def test_items_numbered_straight_through() -> None:
    text = "前言\n\n一、第一部分\n\n1. 甲。\n\n2. 乙。\n\n二、第二部分\n\n3. 丙。\n"
    assert [p.id for p in cut(text, TextLayout(numbering="items"))] == ["1", "2", "3"]


def test_an_id_twice_or_an_anchor_not_found_is_refused() -> None:
    with pytest.raises(LayoutError, match="paragraph 1 appears twice"):
        cut("前言\n\n1. 甲。\n\n1. 乙。\n", TextLayout())
    with pytest.raises(LayoutError, match="anchor not found"):
        cut("前言\n\n1. 甲。\n", TextLayout(anchors=(Anchor("附件", annex="annex"),)))
