"""The decision object: what the engine found, rendered by the CLI, the desk, the printed
notices and the sync payload alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from caseworker.rules.conditions import Outcome
from caseworker.rules.packs import Route
from caseworker.rules.plain import en_of, zh_of

ELIGIBLE, INCOMPLETE, INELIGIBLE, NOT_APPLICABLE = (
    "eligible",
    "incomplete",
    "ineligible",
    "not_applicable",
)

STATUS_ZH = {
    ELIGIBLE: "符合",
    INCOMPLETE: "待补充",
    INELIGIBLE: "不符合",
    NOT_APPLICABLE: "无适用政策",
}


@dataclass(frozen=True, slots=True)
class Hint:
    """The smallest change that would make a route eligible."""

    kind: str  # wait | more | change
    en: str
    zh: str
    on: date | None = None


class RouteResult:
    """One route's outcome. The status, documents and relatives are decided at once;
    the explanation (unmet conditions, unknown facts) and the hints are worked out on
    first use, because a desk re-deciding on every keystroke rarely reads them all."""

    __slots__ = (
        "_explain",
        "_find_hints",
        "_hints",
        "_outcome",
        "admits",
        "applies_here",
        "documents",
        "rank",
        "route",
        "status",
    )

    def __init__(
        self,
        *,
        route: Route,
        status: str,
        documents: tuple[str, ...],
        admits: tuple[bool | None, ...],
        applies_here: bool,
        explain: Callable[[], Outcome],
        find_hints: Callable[[], tuple[Hint, ...]],
        rank: tuple[Any, ...] = (),
    ) -> None:
        self.route = route
        self.status = status
        self.documents = documents
        #: per accompanying relative: does this route let them follow? (empty when ineligible)
        self.admits = admits
        #: False when the destination lies outside the zones this route is for
        self.applies_here = applies_here
        #: the sort key of 政策从优 (most favourable first), set by the engine
        self.rank = rank
        self._explain = explain
        self._find_hints = find_hints
        self._outcome: Outcome | None = None
        self._hints: tuple[Hint, ...] | None = None

    @property
    def key(self) -> str:
        return self.route.key

    def _explained(self) -> Outcome:
        if self._outcome is None:
            self._outcome = self._explain()
        return self._outcome

    @property
    def unmet(self) -> tuple[str, ...]:
        return self._explained().unmet if self.status == INELIGIBLE else ()

    @property
    def unknown(self) -> tuple[str, ...]:
        return self._explained().unknown if self.status == INCOMPLETE else ()

    @property
    def unmet_zh(self) -> tuple[str, ...]:
        """The unmet conditions in plain Chinese, for the desk and the papers."""
        return tuple(zh_of(u) for u in self.unmet)

    @property
    def unmet_en(self) -> tuple[str, ...]:
        """The unmet conditions in plain English, for the desk in English."""
        return tuple(en_of(u) for u in self.unmet)

    @property
    def hints(self) -> tuple[Hint, ...]:
        if self._hints is None:
            self._hints = self._find_hints() if self.status == INELIGIBLE else ()
        return self._hints

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "policy": self.route.policy,
            "clause": self.route.clause,
            "name": self.route.name,
            "status": self.status,
            "unmet": list(self.unmet),
            "unknown": list(self.unknown),
            "documents": list(self.documents),
        }
        if self.hints:
            out["hints"] = [{"en": h.en, "zh": h.zh} for h in self.hints]
        return out


@dataclass(frozen=True, slots=True)
class RelativeVerdict:
    index: int
    relation: str
    may_accompany: bool
    verdict: str  # yes | no | unknown
    via: tuple[str, ...]
    reason_en: str
    reason_zh: str

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "relation": self.relation,
            "may_accompany": self.may_accompany,
            "verdict": self.verdict,
            "via": list(self.via),
            "reason": self.reason_en,
            "reason_zh": self.reason_zh,
        }


@dataclass(frozen=True, slots=True)
class Question:
    """A fact still worth asking: its answer can change the outcome."""

    fact: str
    label_zh: str
    label_en: str
    clauses: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "label": self.label_en,
            "label_zh": self.label_zh,
            "clauses": list(self.clauses),
        }


@dataclass(frozen=True, slots=True)
class NoticeResult:
    policy: str
    clause: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class PolicyUse:
    policy: str
    zone: str | None
    version: str


@dataclass(frozen=True, slots=True)
class Decision:
    on: date
    decision: str
    policies: tuple[PolicyUse, ...]
    routes: tuple[RouteResult, ...]
    family: tuple[RelativeVerdict, ...]
    questions: tuple[Question, ...]
    manual_checks: tuple[Question, ...]
    notices: tuple[NoticeResult, ...]
    warnings: tuple[str, ...]

    @property
    def zone(self) -> str | None:
        for use in self.policies:
            if use.zone is not None:
                return f"{use.policy}/{use.zone}"
        return None

    @property
    def eligible(self) -> tuple[RouteResult, ...]:
        return tuple(r for r in self.routes if r.status == ELIGIBLE)

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "zone": self.zone,
            "on": self.on.isoformat(),
            "policies": [
                {"policy": p.policy, "zone": p.zone, "version": p.version} for p in self.policies
            ],
            "routes": [r.to_json() for r in self.routes],
            "family": [f.to_json() for f in self.family],
            "questions": [q.to_json() for q in self.questions],
            "manual_checks": [q.to_json() for q in self.manual_checks],
            "notices": [
                {"policy": n.policy, "clause": n.clause, "zh": n.zh, "en": n.en}
                for n in self.notices
            ],
            "warnings": list(self.warnings),
        }

    def to_record(self) -> dict[str, Any]:
        """``to_json`` and, per route, its unmet conditions in Chinese (``unmet_zh``): what
        an application keeps, so a refusal notice printed later reads in Chinese."""
        out = self.to_json()
        for shown, route in zip(out["routes"], self.routes, strict=True):
            shown["unmet_zh"] = list(route.unmet_zh)
        return out
