"""Rule packs: the compiled model of one YAML file per policy document.

A pack is loaded, validated and compiled by ``caseworker.rules.pack_loader``; a broken
pack is refused whole with ``PackError`` naming the file, the line and the problem, and
nothing of it is used. See README "Reading and checking a rule pack".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseworker.models.calendar import age_on
from caseworker.models.enums import RELATION_ZH, MaritalStatus, Relation
from caseworker.models.facts import Relative
from caseworker.rules import conditions


class PackError(ValueError):
    """A rule pack that cannot be used. ``str()`` is ``file:line: where: problem``."""

    def __init__(self, file: str, line: int | None, where: str, problem: str) -> None:
        self.file, self.line, self.where, self.problem = file, line, where, problem
        at = f"{file}:{line}" if line else file
        super().__init__(f"{at}: {where}: {problem}" if where else f"{at}: {problem}")


_MARITAL_ZH = {
    MaritalStatus.UNMARRIED: "未婚",
    MaritalStatus.MARRIED: "已婚",
    MaritalStatus.DIVORCED: "离异",
    MaritalStatus.WIDOWED: "丧偶",
}


@dataclass(frozen=True, slots=True)
class FollowRule:
    """Who may move with the applicant (随迁 accompanying) under a route."""

    relation: Relation
    marital_status: frozenset[MaritalStatus] | None = None
    minor: bool | None = None
    co_residing: bool | None = None

    def admits(self, relative: Relative, on: date) -> conditions.Truth:
        if relative.relation != self.relation:
            return False
        verdicts: list[conditions.Truth] = []
        if self.marital_status is not None:
            ms = relative.marital_status
            verdicts.append(None if ms is None else ms in self.marital_status)
        if self.minor is not None:
            verdicts.append((age_on(relative.resolved_birth_date, on) < 18) == self.minor)
        if self.co_residing is not None:
            cr = relative.co_residing
            verdicts.append(None if cr is None else cr == self.co_residing)
        if False in verdicts:
            return False
        return None if None in verdicts else True

    def describe_zh(self) -> str:
        words = RELATION_ZH[self.relation]
        if self.minor:
            words = "未成年" + words
        if self.marital_status:
            words = "、".join(_MARITAL_ZH[m] for m in sorted(self.marital_status)) + words
        if self.co_residing:
            words = "共同居住的" + words
        return words

    def describe(self) -> str:
        words = [self.relation.value]
        if self.minor:
            words.insert(0, "minor")
        if self.marital_status:
            words.insert(0, "/".join(sorted(m.value for m in self.marital_status)))
        if self.co_residing:
            words.insert(0, "co-residing")
        return " ".join(words)


#: the relative groups a pack may name by word, as the texts speak of them
FOLLOW_SHORTHANDS: dict[str, FollowRule] = {
    "spouse": FollowRule(Relation.SPOUSE),
    "children": FollowRule(Relation.CHILD),
    "unmarried_children": FollowRule(Relation.CHILD, frozenset({MaritalStatus.UNMARRIED})),
    "minor_children": FollowRule(Relation.CHILD, minor=True),
    "parents": FollowRule(Relation.PARENT),
    "parents_in_law": FollowRule(Relation.PARENT_IN_LAW),
    "siblings": FollowRule(Relation.SIBLING),
    "grandparents": FollowRule(Relation.GRANDPARENT),
    "grandchildren": FollowRule(Relation.GRANDCHILD),
}


@dataclass(frozen=True, slots=True)
class DocumentItem:
    name: str
    when: conditions.Condition | None = None


@dataclass(frozen=True, slots=True)
class Route:
    """One way to qualify (落户途径 route), cited by policy and clause (条款 clause)."""

    policy: str
    clause: str
    name: str
    text: str
    zone_condition: conditions.Condition | None
    when: conditions.Condition
    follow: tuple[FollowRule, ...]
    follow_when: conditions.Condition | None
    documents: tuple[DocumentItem, ...]
    notes: str
    order: int
    line: int
    #: the leaves that can yield a hint (attainable facts, dates that will come)
    hint_leaves: tuple[conditions.Leaf, ...] = ()
    #: the route's name in English (the desk's English interface); "" when the pack has none
    name_en: str = ""

    @property
    def key(self) -> str:
        return f"{self.policy}:{self.clause}"


@dataclass(frozen=True, slots=True)
class ZonePlace:
    county: str
    streets: frozenset[str] | None = None
    except_streets: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Zone:
    """A part of a city that a policy treats alike (片区 zone)."""

    id: str
    name: str
    clause: str
    places: tuple[ZonePlace, ...]
    gate: conditions.Condition | None
    gate_text: str
    #: the zone's name in English (the desk's English interface); "" when the pack has none
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    clause: str
    text: str
    when: conditions.Condition
    info_zh: str
    info_en: str


@dataclass(frozen=True, slots=True)
class RulePack:
    """One policy (政策 policy) document's rules."""

    policy: str
    title: str
    document: str
    source: str
    version: str
    valid_from: date
    valid_until: date | None
    city: str
    zones: tuple[Zone, ...]
    routes: tuple[Route, ...]
    notices: tuple[Notice, ...]
    path: str
    sha256: str
    #: the document's title in English (the desk's English interface); "" when none
    title_en: str = ""

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def candidate_zones(self, county: str, street: str | None) -> list[Zone]:
        """The zones the destination may lie in; more than one only when the street is unknown."""
        out: list[Zone] = []
        for zone in self.zones:
            for place in zone.places:
                if place.county != county:
                    continue
                if place.streets is not None and street is not None and street not in place.streets:
                    continue
                if (
                    place.except_streets is not None
                    and street is not None
                    and (street in place.except_streets)
                ):
                    continue
                out.append(zone)
                break
        return out


@dataclass(frozen=True, slots=True)
class RuleBook:
    packs: tuple[RulePack, ...]

    def pack(self, policy: str) -> RulePack:
        for pack in self.packs:
            if pack.policy == policy:
                return pack
        raise KeyError(policy)

    def route(self, key: str) -> Route:
        for pack in self.packs:
            for route in pack.routes:
                if route.key == key:
                    return route
        raise KeyError(key)

    @property
    def versions(self) -> dict[str, str]:
        return {pack.policy: f"{pack.version} ({pack.sha256[:12]})" for pack in self.packs}


class ZoneIn(conditions.In):
    """The destination lies in one of these zones; an unknown zone asks for the street."""

    def __init__(self, zones: list[str]) -> None:
        super().__init__("zone", zones)

    def evaluate(self, ctx: conditions.Context) -> conditions.Outcome:
        met = self.truth(ctx)
        if met:
            return conditions.MET
        if met is None:
            return conditions.Outcome(None, unknown=("destination.street",))
        return conditions.Outcome(False, unmet=(self.reason(ctx.facts.get("zone")),))
