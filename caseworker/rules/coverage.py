"""Every numbered paragraph of every policy text, and what the rule packs do with it.

Generated, not written: a paragraph is a *route* when a route of the pack cites it by its
clause id (a *manual* check when that route ends in one), a *condition* of another route
when that route quotes it, or when it defines a zone the routes depend on, and a *notice*
when a notice quotes or cites it. What the packs cannot say comes from the reviewed
coverage file beside them (``resources/rules/coverage/<policy>.yaml``): a condition the
packs encode without quoting it (二(四)'s 莱芜 time, the dates in force), and each
paragraph that is out of scope for a counter, with its own reason. The rest is *not
mentioned*, and a paragraph that grants or limits settlement (by its words: 落户, 迁入,
随迁, 投靠, …) may not be. See README "Every paragraph accounted for".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from caseworker.rules.conditions import Manual
from caseworker.rules.packs import RuleBook, RulePack
from caseworker.rules.paragraphs import Anchor, LayoutError, Paragraph, TextLayout, cut, normalise

#: words that make a paragraph one that grants or limits settlement
SETTLEMENT_WORDS = (
    "落户",
    "迁入",
    "户口迁移",
    "迁移落户",
    "登记常住户口",
    "常住户口",
    "随迁",
    "投靠",
    "集体户",
)
#: the kinds of use, strongest first; a paragraph's kind is its strongest use
KINDS = ("route", "manual", "condition", "notice", "out_of_scope")
UNACCOUNTED = "not_mentioned"
#: a quoted piece shorter than this (a bracket between two elisions) locates nothing
_MIN_QUOTE = 6
_SIC = re.compile(r"\[sic[^\]]*\]")
_ELISION = re.compile(r"……|\.\.\.")
_ENTRY_KEYS = {"condition", "of", "out_of_scope"}


class CoverageError(ValueError):
    """A coverage file that cannot be used; ``str()`` names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Use:
    kind: str
    #: what the packs do with the paragraph, in English, naming routes as policy:clause
    detail: str
    #: "pack" when read from the packs, "reviewed" when from the coverage file
    source: str


@dataclass(frozen=True, slots=True)
class Row:
    policy: str
    paragraph: str
    line: int
    text: str
    settlement: bool
    uses: tuple[Use, ...]

    @property
    def kind(self) -> str:
        kinds = {use.kind for use in self.uses}
        return next((kind for kind in KINDS if kind in kinds), UNACCOUNTED)

    @property
    def unaccounted_settlement(self) -> bool:
        return self.settlement and self.kind == UNACCOUNTED


@dataclass(frozen=True, slots=True)
class PolicyCoverage:
    policy: str
    title: str
    source: str
    rows: tuple[Row, ...]
    #: what does not fit: a route citing no paragraph, a reviewed reason on a used one
    problems: tuple[str, ...]


def build_coverage(
    book: RuleBook, *, policies_dir: Path, coverage_dir: Path
) -> tuple[PolicyCoverage, ...]:
    """The coverage of every pack's policy text; CoverageError for a broken coverage file."""
    out = []
    for pack in sorted(book.packs, key=lambda p: p.policy):
        file = coverage_dir / f"{pack.policy}.yaml"
        review = _read_review(file, pack)
        text = (policies_dir / pack.source).read_text(encoding="utf-8")
        try:
            paragraphs = cut(text, review.layout)
        except LayoutError as exc:
            raise CoverageError(f"{file}: {pack.source}: {exc}") from None
        out.append(_cover(pack, paragraphs, normalise(text), review, file))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Review:
    layout: TextLayout
    entries: dict[str, dict[str, Any]]


def _read_review(file: Path, pack: RulePack) -> _Review:
    if not file.is_file():
        raise CoverageError(f"{file}: missing; every pack needs its reviewed coverage file")
    try:
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CoverageError(f"{file}: not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or set(doc) - {"policy", "layout", "paragraphs"}:
        raise CoverageError(f"{file}: expected the keys policy, layout and paragraphs")
    if doc.get("policy") != pack.policy:
        raise CoverageError(f"{file}: policy must be {pack.policy}")
    raw_layout = doc.get("layout") or {}
    anchors = []
    for raw in raw_layout.get("anchors") or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("starts"), str):
            raise CoverageError(f"{file}: an anchor needs the text it starts with (starts)")
        if set(raw) - {"starts", "annex", "paragraph", "skip"}:
            raise CoverageError(f"{file}: anchor {raw['starts']!r}: unknown key")
        anchors.append(
            Anchor(raw["starts"], raw.get("annex"), raw.get("paragraph"), bool(raw.get("skip")))
        )
    numbering = raw_layout.get("numbering", "dotted")
    if numbering not in {"dotted", "items"}:
        raise CoverageError(f"{file}: numbering is dotted or items, not {numbering!r}")
    entries: dict[str, dict[str, Any]] = {}
    for pid, entry in (doc.get("paragraphs") or {}).items():
        where = f"{file}: paragraph {pid}"
        if not isinstance(pid, str):
            raise CoverageError(f'{where}: quote the paragraph id ("2.10", not 2.10)')
        if not isinstance(entry, dict) or not entry or set(entry) - _ENTRY_KEYS:
            raise CoverageError(f"{where}: give condition (with of) or out_of_scope")
        if ("condition" in entry) == ("out_of_scope" in entry):
            raise CoverageError(f"{where}: give either condition or out_of_scope, not both")
        reason = entry.get("condition") or entry.get("out_of_scope")
        if not isinstance(reason, str) or len(reason.strip()) < 10:
            raise CoverageError(f"{where}: the reason must be a sentence")
        if "condition" in entry:
            targets = entry.get("of")
            if not isinstance(targets, list) or not targets:
                raise CoverageError(f"{where}: a condition names the routes it is part of (of)")
            _check_targets(where, targets, pack)
        elif "of" in entry:
            raise CoverageError(f"{where}: of belongs to a condition")
        entries[pid] = entry
    return _Review(TextLayout(numbering, tuple(anchors)), entries)


def _check_targets(where: str, targets: list[Any], pack: RulePack) -> None:
    clauses = {route.clause for route in pack.routes}
    zones = {zone.id for zone in pack.zones}
    for target in targets:
        name = str(target)
        ok = (
            name == "*"
            or name in clauses
            or (name.startswith("zone:") and name.removeprefix("zone:") in zones)
        )
        if not ok:
            raise CoverageError(
                f"{where}: {name!r} is not a route clause of {pack.policy}, zone:ID or *"
            )


def _cover(
    pack: RulePack, paragraphs: list[Paragraph], whole: str, review: _Review, file: Path
) -> PolicyCoverage:
    uses: dict[str, list[Use]] = {p.id: [] for p in paragraphs}
    problems: list[str] = []

    def add(pid: str, use: Use) -> None:
        if use not in uses[pid]:
            uses[pid].append(use)

    for route in pack.routes:
        manual = sorted({leaf.name for leaf in route.when.leaves() if isinstance(leaf, Manual)})
        own = "manual" if manual else "route"
        checks = f" (manual check: {', '.join(manual)})" if manual else ""
        if route.clause in uses:
            add(route.clause, Use(own, f"route {route.key} {route.name}{checks}", "pack"))
        else:
            problems.append(f"route {route.key}: its clause id names no paragraph of the text")
        for pid in _quoted(route.text, paragraphs, whole):
            if pid != route.clause:
                add(pid, Use("condition", f"quoted by route {route.key} as its condition", "pack"))
    for zone in pack.zones:
        if zone.clause in uses:
            add(zone.clause, Use("condition", f"defines zone {zone.id} ({zone.name})", "pack"))
        else:
            problems.append(f"zone {zone.id}: its clause id names no paragraph of the text")
    for notice in pack.notices:
        found = set(_quoted(notice.text, paragraphs, whole))
        if notice.clause in uses:
            found.add(notice.clause)
        if not found:
            problems.append(f"notice {pack.policy}:{notice.clause}: cites no paragraph")
        for pid in sorted(found):
            add(pid, Use("notice", f"notice {pack.policy}:{notice.clause}", "pack"))
    for pid, entry in review.entries.items():
        if pid not in uses:
            problems.append(f"{file.name}: no paragraph {pid} in {pack.source}")
            continue
        if "out_of_scope" in entry:
            if uses[pid]:
                problems.append(
                    f"{file.name}: paragraph {pid} is out of scope, yet the packs use it: "
                    f"{uses[pid][0].detail}"
                )
            add(pid, Use("out_of_scope", entry["out_of_scope"].strip(), "reviewed"))
        else:
            targets = ", ".join(_target_name(pack, str(t)) for t in entry["of"])
            add(pid, Use("condition", f"{entry['condition'].strip()} [{targets}]", "reviewed"))
    rows = tuple(
        Row(
            policy=pack.policy,
            paragraph=p.id,
            line=p.line,
            text=p.text,
            settlement=any(word in p.text for word in SETTLEMENT_WORDS),
            uses=tuple(uses[p.id]),
        )
        for p in paragraphs
    )
    return PolicyCoverage(pack.policy, pack.title, pack.source, rows, tuple(problems))


def _target_name(pack: RulePack, target: str) -> str:
    if target == "*":
        return f"every route of {pack.policy}"
    if target.startswith("zone:"):
        return f"the routes of zone {target.removeprefix('zone:')}"
    return f"{pack.policy}:{target}"


def _quoted(text: str, paragraphs: list[Paragraph], whole: str) -> list[str]:
    """The paragraphs a pack's quote lies in: each piece between elisions is found in the
    whole text, in order, as the pack loader checks it."""
    found: list[str] = []
    position = 0
    for piece in _ELISION.split(_SIC.sub("", text)):
        needle = normalise(piece)
        if len(needle) < _MIN_QUOTE:
            continue
        start = whole.find(needle, position)
        if start < 0:
            continue  # the loader refuses such a pack; nothing to locate here
        end = start + len(needle)
        position = end
        for paragraph in paragraphs:
            overlap = min(end, paragraph.end) - max(start, paragraph.start)
            long_enough = overlap >= min(_MIN_QUOTE, paragraph.end - paragraph.start)
            if long_enough and paragraph.id not in found:
                found.append(paragraph.id)
    return found
