"""Condition trees in three-valued (Kleene) logic over a closed set of typed predicates.

A rule pack's ``when`` is compiled once into these objects; evaluating one is
a walk over plain Python objects. ``True`` = met, ``False`` = not met,
``None`` = not yet known (a fact is unanswered, or a check is manual).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from caseworker.models.calendar import add_months, anniversary
from caseworker.models.enums import Sex
from caseworker.rules import plain, plain_en
from caseworker.rules.facts import FACT_BY_NAME

Truth = bool | None


@dataclass(frozen=True, slots=True)
class Outcome:
    value: Truth
    unmet: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


MET = Outcome(True)


@dataclass(frozen=True, slots=True)
class Flip:
    """A later date on which a failing time-bound predicate will hold."""

    on: date
    why_en: str
    why_zh: str


@dataclass(slots=True)
class Context:
    facts: Mapping[str, Any]
    on: date
    forced: frozenset[int] = field(default_factory=frozenset)


def _short(fact: str) -> str:
    spec = FACT_BY_NAME.get(fact)
    return spec.short if spec else fact


def _show(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, frozenset, set)):
        return ", ".join(_show(v) for v in value)
    return str(value)


FastFn = Callable[[Mapping[str, Any], "Context"], Truth]


class Condition:
    """A node of a condition tree.

    ``truth`` is the fast path (a value only, used for coverage, documents and hints);
    ``evaluate`` also explains: the unmet conditions and the unknown facts.
    """

    def truth(self, ctx: Context) -> Truth:
        raise NotImplementedError

    @property
    def fast(self) -> FastFn:
        """A closure computing ``truth`` when nothing is forced: no attribute look-ups,
        no method dispatch; built once when the pack is compiled."""
        raise NotImplementedError

    def evaluate(self, ctx: Context) -> Outcome:
        raise NotImplementedError

    def leaves(self) -> Iterator[Leaf]:
        raise NotImplementedError

    def negate(self) -> Condition:
        raise NotImplementedError


class Leaf(Condition):
    """One predicate over one fact. Subclasses define ``test`` and ``describe``."""

    uid: int = 0
    fact: str = ""
    negated: bool = False
    #: filled once by ``freeze`` when the pack is compiled
    short: str = ""
    _described: tuple[str, str] = ("", "")
    #: the zones' Chinese names, by id, for a leaf on ``zone`` (set by the pack loader)
    zone_names: Mapping[str, str] = {}

    @property
    def changeable(self) -> bool:
        """Whether "eligible if ..." is advice the applicant can act on."""
        spec = FACT_BY_NAME.get(self.fact)
        return spec is not None and spec.attainable

    def test(self, value: Any, ctx: Context) -> bool:
        raise NotImplementedError

    def describe(self, negated: bool) -> str:
        raise NotImplementedError

    def freeze(self, uid: int) -> None:
        """Number the leaf and cache its texts; called once when the pack is compiled."""
        self.uid = uid
        self.short = _short(self.fact)
        self._described = (self.describe(False), self.describe(True))
        self._fast = self.compile_fast()

    @property
    def fast(self) -> FastFn:
        return self._fast

    def compile_fast(self) -> FastFn:
        fact, negated, test = self.fact, self.negated, self.test

        def fast(facts: Mapping[str, Any], ctx: Context) -> Truth:
            value = facts.get(fact)
            if value is None:
                return None
            return test(value, ctx) != negated

        return fast

    @property
    def text(self) -> str:
        """What this predicate asks for, as it stands (negation included)."""
        return self._described[self.negated] or self.describe(self.negated)

    def reason(self, value: Any) -> str:
        return self.said(f"{self.text} (has {_show(value)})", value)

    def said(self, en: str, value: Any) -> str:
        """The engine's reason ``en`` with its plain Chinese and English beside it."""
        zh, plain_english = (m.reason(self, self.negated, value) for m in (plain, plain_en))
        return plain.Said(en, zh, plain_english)

    @property
    def time_bound(self) -> bool:
        """Whether ``flips`` can ever name a date (ages, anniversaries, deadlines)."""
        return False

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self.uid in ctx.forced:
            return True
        return self._fast(ctx.facts, ctx)

    def identity(self) -> tuple[Any, ...]:
        """What makes two leaves the same predicate, so a pack compiles each one once."""
        params = tuple(
            (k, repr(v))
            for k, v in sorted(vars(self).items())
            if not k.startswith("_") and k not in {"uid", "short", "zone_names"}
        )
        return (type(self).__name__, params)

    def evaluate(self, ctx: Context) -> Outcome:
        met = self.truth(ctx)
        if met:
            return MET
        if met is None:
            return Outcome(None, unknown=(self.short,))
        return Outcome(False, unmet=(self.reason(ctx.facts.get(self.fact)),))

    def leaves(self) -> Iterator[Leaf]:
        yield self

    def negate(self) -> Condition:
        twin = copy.copy(self)  # leaves keep their state in __dict__: a shallow copy will do
        twin.negated = not self.negated
        twin.uid = -self.uid  # a distinct predicate; not(not(x)) is x again
        twin._fast = twin.compile_fast()
        return twin

    def flips(self, ctx: Context) -> list[Flip]:
        """Later dates on which this predicate, now failing, would hold; none by default."""
        return []

    def shortfall(self, ctx: Context) -> tuple[int, str] | None:
        """How much of a quantity is missing, for a hint such as "1 more month"."""
        return None


class Is(Leaf):
    def __init__(self, fact: str, value: Any) -> None:
        self.fact, self.value = fact, value

    def test(self, value: Any, ctx: Context) -> bool:
        return bool(value == self.value)

    def compile_fast(self) -> FastFn:
        fact, negated, wanted = self.fact, self.negated, self.value

        def fast(facts: Mapping[str, Any], ctx: Context) -> Truth:
            value = facts.get(fact)
            return None if value is None else (value == wanted) != negated

        return fast

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'is not' if negated else 'is'} {_show(self.value)}"


class In(Leaf):
    def __init__(self, fact: str, values: list[Any]) -> None:
        self.fact, self.values = fact, frozenset(values)
        self.ordered_values = tuple(values)

    def test(self, value: Any, ctx: Context) -> bool:
        return value in self.values

    def compile_fast(self) -> FastFn:
        fact, negated, values = self.fact, self.negated, self.values

        def fast(facts: Mapping[str, Any], ctx: Context) -> Truth:
            value = facts.get(fact)
            return None if value is None else (value in values) != negated

        return fast

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'not in' if negated else 'in'} {_show(self.ordered_values)}"


class PrefixIn(Leaf):
    def __init__(self, fact: str, prefixes: list[str]) -> None:
        self.fact, self.prefixes = fact, tuple(prefixes)

    def test(self, value: Any, ctx: Context) -> bool:
        return str(value).startswith(self.prefixes)

    def describe(self, negated: bool) -> str:
        shown = ", ".join(p + "x" * (6 - len(p)) for p in self.prefixes)
        return f"{_short(self.fact)} {'not in' if negated else 'in'} {shown}"


class Compare(Leaf):
    """at_least / at_most / below against a number or a date."""

    _OPS: ClassVar[dict[str, tuple[str, str, Callable[[Any, Any], bool]]]] = {
        "at_least": (">=", "<", lambda v, t: v >= t),
        "at_most": ("<=", ">", lambda v, t: v <= t),
        "below": ("<", ">=", lambda v, t: v < t),
    }

    def __init__(self, fact: str, op: str, threshold: Any) -> None:
        self.fact, self.op, self.threshold = fact, op, threshold

    def test(self, value: Any, ctx: Context) -> bool:
        return self._OPS[self.op][2](value, self.threshold)

    def describe(self, negated: bool) -> str:
        sym = self._OPS[self.op][1 if negated else 0]
        return f"{_short(self.fact)} {sym} {_show(self.threshold)}"

    @property
    def time_bound(self) -> bool:
        return self.fact in {"applicant.age", "on"}

    def flips(self, ctx: Context) -> list[Flip]:
        wants_more = (self.op == "at_least") != self.negated
        if not wants_more:
            return []
        if self.fact == "applicant.age":
            birth = ctx.facts["applicant.birth_date"]
            age = self.threshold + 1 if self.op == "at_most" else self.threshold
            when = anniversary(birth, age)
            return [Flip(when, f"the {age}th birthday", f"年满{age}周岁")]
        if self.fact == "on" and isinstance(self.threshold, date):
            return [Flip(self.threshold, f"from {self.threshold}", f"自{self.threshold}起")]
        return []

    def shortfall(self, ctx: Context) -> tuple[int, str] | None:
        value = ctx.facts.get(self.fact)
        countable = self.op == "at_least" and not self.negated and self.fact.endswith("_months")
        if countable and isinstance(value, int) and value < self.threshold:
            return self.threshold - value, _short(self.fact)
        return None


class RankAtLeast(Leaf):
    def __init__(self, fact: str, value: Any, order: list[Any]) -> None:
        self.fact, self.value = fact, value
        self.order = {v: i for i, v in enumerate(order)}

    def test(self, value: Any, ctx: Context) -> bool:
        return self.order[value] >= self.order[self.value]

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'<' if negated else '>='} {self.value}"


class AtLeastBySex(Leaf):
    """An age threshold that differs for men and women (男年满60周岁、女年满55周岁)."""

    def __init__(self, fact: str, thresholds: dict[Sex, int]) -> None:
        self.fact, self.thresholds = fact, thresholds

    def test(self, value: Any, ctx: Context) -> bool:
        return bool(value >= self.thresholds[ctx.facts["applicant.sex"]])

    def describe(self, negated: bool) -> str:
        sym = "<" if negated else ">="
        parts = [
            f"{sym} {n} for {'men' if s == Sex.M else 'women'}" for s, n in self.thresholds.items()
        ]
        return f"{_short(self.fact)} {' and '.join(parts)}"

    @property
    def time_bound(self) -> bool:
        return True

    def flips(self, ctx: Context) -> list[Flip]:
        if self.negated:
            return []
        age = self.thresholds[ctx.facts["applicant.sex"]]
        when = anniversary(ctx.facts["applicant.birth_date"], age)
        return [Flip(when, f"the {age}th birthday", f"年满{age}周岁")]


class IsDate(Leaf):
    """A date-or-false fact holds a date (e.g. a business licence exists)."""

    def __init__(self, fact: str) -> None:
        self.fact = fact

    def test(self, value: Any, ctx: Context) -> bool:
        return isinstance(value, date)

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'is false' if negated else 'is a date'}"


class Answered(Leaf):
    """The fact has a value. For a fact whose null also means "does not apply" (the
    莱芜 date of a hukou that never was in 莱芜): never unknown itself."""

    def __init__(self, fact: str) -> None:
        self.fact = fact

    def compile_fast(self) -> FastFn:
        fact, negated = self.fact, self.negated
        return lambda facts, ctx: (facts.get(fact) is not None) != negated

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'not given' if negated else 'given'}"

    def reason(self, value: Any) -> str:
        return self.said(self.text, value)


class YearsBefore(Leaf):
    """A date at least N years before the application date."""

    def __init__(self, fact: str, years: int) -> None:
        self.fact, self.years = fact, years

    def test(self, value: Any, ctx: Context) -> bool:
        return isinstance(value, date) and anniversary(value, self.years) <= ctx.on

    def describe(self, negated: bool) -> str:
        unit = "year" if self.years == 1 else "years"
        rel = "less than" if negated else "at least"
        return f"{_short(self.fact)} {rel} {self.years} {unit} before on"

    @property
    def time_bound(self) -> bool:
        return True

    def flips(self, ctx: Context) -> list[Flip]:
        value = ctx.facts.get(self.fact)
        if self.negated or not isinstance(value, date):
            return []
        when = anniversary(value, self.years)
        return [Flip(when, f"{self.years} year(s) after {value}", f"{value}起满{self.years}年")]


class OnOrAfter(Leaf):
    def __init__(self, fact: str, day: date) -> None:
        self.fact, self.day = fact, day

    def test(self, value: Any, ctx: Context) -> bool:
        return isinstance(value, date) and value >= self.day

    def describe(self, negated: bool) -> str:
        return f"{_short(self.fact)} {'before' if negated else 'on or after'} {self.day}"


class DueWithinMonths(Leaf):
    """A contracted date no more than N months after the application date."""

    def __init__(self, fact: str, months: int) -> None:
        self.fact, self.months = fact, months

    def test(self, value: Any, ctx: Context) -> bool:
        return isinstance(value, date) and add_months(value, -self.months) <= ctx.on

    def describe(self, negated: bool) -> str:
        rel = "more than" if negated else "within"
        return f"{_short(self.fact)} {rel} {self.months} months after on"

    @property
    def time_bound(self) -> bool:
        return True

    def flips(self, ctx: Context) -> list[Flip]:
        value = ctx.facts.get(self.fact)
        if self.negated or not isinstance(value, date):
            return []
        when = add_months(value, -self.months)
        return [Flip(when, f"{self.months} months before {value}", f"交房前{self.months}个月")]


class AwardMatch(Leaf):
    """Any award of the given kinds, optionally with a rank limit and a recent-years window."""

    def __init__(
        self, fact: str, kinds: list[Any], max_rank: int | None, within_years: int | None
    ) -> None:
        self.fact, self.kinds = fact, frozenset(kinds)
        self.ordered_kinds = tuple(kinds)
        self.max_rank, self.within_years = max_rank, within_years

    def test(self, value: Any, ctx: Context) -> bool:
        for award in value:
            if award.kind not in self.kinds or award.date > ctx.on:
                continue
            if self.max_rank is not None and (award.rank is None or award.rank > self.max_rank):
                continue
            if (
                self.within_years is not None
                and anniversary(award.date, self.within_years) < ctx.on
            ):
                continue
            return True
        return False

    def describe(self, negated: bool) -> str:
        text = f"an award of {_show(self.ordered_kinds)}"
        if self.max_rank is not None:
            text += f" ranked <= {self.max_rank}"
        if self.within_years is not None:
            text += f" within {self.within_years} years before on"
        return ("no " if negated else "") + text

    def reason(self, value: Any) -> str:
        return self.said(f"{self.describe(self.negated)} (has {len(value)} award(s))", value)


class Manual(Leaf):
    """A check that only a person can make (a former policy, a district's own rules)."""

    def __init__(self, name: str) -> None:
        self.fact, self.name = f"manual:{name}", name

    def truth(self, ctx: Context) -> Truth:
        return True if ctx.forced and self.uid in ctx.forced else None

    def compile_fast(self) -> FastFn:
        return lambda facts, ctx: None

    def evaluate(self, ctx: Context) -> Outcome:
        if ctx.forced and self.uid in ctx.forced:
            return MET
        return Outcome(None, unknown=(self.fact,))

    def describe(self, negated: bool) -> str:
        return self.fact


def _leaves_first(parts: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """The order to test parts in for a value alone: a single predicate settles an all-of or
    any-of as often as a subtree does, at a fraction of the cost. Kleene and/or do not
    depend on order, so only explanations keep the order the pack wrote."""
    return tuple(sorted(parts, key=lambda part: not isinstance(part, Leaf)))


class _Junction(Condition):
    """All-of or any-of in Kleene logic: ``decisive`` is the value of a part that settles
    the whole (False for all-of, True for any-of); otherwise an unknown part makes the
    whole unknown."""

    __slots__ = ("_fast", "ordered", "parts")
    decisive: bool = False

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts
        self.ordered = _leaves_first(parts)
        fns = tuple(part.fast for part in self.ordered)
        decisive = self.decisive

        def fast(facts: Mapping[str, Any], ctx: Context) -> Truth:
            result: Truth = not decisive
            for fn in fns:
                value = fn(facts, ctx)
                if value is decisive:
                    return decisive
                if value is None:
                    result = None
            return result

        self._fast: FastFn = fast

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.parts!r})"

    @property
    def fast(self) -> FastFn:
        return self._fast

    def truth(self, ctx: Context) -> Truth:
        if not ctx.forced:
            return self._fast(ctx.facts, ctx)
        result: Truth = not self.decisive
        for part in self.ordered:
            value = part.truth(ctx)
            if value is self.decisive:
                return self.decisive
            if value is None:
                result = None
        return result

    def leaves(self) -> Iterator[Leaf]:
        for part in self.parts:
            yield from part.leaves()


class All(_Junction):
    __slots__ = ()
    decisive = False

    def evaluate(self, ctx: Context) -> Outcome:
        unmet: list[str] = []
        unknown: list[str] = []
        for part in self.parts:
            out = part.evaluate(ctx)
            if out.value is False:
                unmet.extend(out.unmet)
            elif out.value is None:
                unknown.extend(out.unknown)
        if unmet:
            return Outcome(False, unmet=tuple(dict.fromkeys(unmet)))
        if unknown:
            return Outcome(None, unknown=tuple(dict.fromkeys(unknown)))
        return MET

    def negate(self) -> Condition:
        return Any_(tuple(part.negate() for part in self.parts))


class Any_(_Junction):  # noqa: N801 - "Any" would shadow typing.Any
    __slots__ = ()
    decisive = True

    def evaluate(self, ctx: Context) -> Outcome:
        reasons: list[str] = []
        unknown: list[str] = []
        for part in self.parts:
            out = part.evaluate(ctx)
            if out.value is True:
                return MET
            if out.value is None:
                unknown.extend(out.unknown)
            elif len(out.unmet) == 1 and not out.unmet[0].startswith("none of"):
                reasons.append(out.unmet[0])
            else:  # brackets keep "a and (b or c)" readable
                parts = (f"({u})" if u.startswith("none of") else u for u in out.unmet)
                zh = plain.both([plain.zh_of(u) for u in out.unmet])
                en = plain_en.both([plain.en_of(u) for u in out.unmet])
                reasons.append(plain.Said("(" + " and ".join(parts) + ")", zh, en))
        if unknown:
            return Outcome(None, unknown=tuple(dict.fromkeys(unknown)))
        if len(reasons) == 1:
            return Outcome(False, unmet=(reasons[0],))
        said = plain.Said(
            "none of: " + "; or ".join(reasons),
            plain.none_of([plain.zh_of(r) for r in reasons]),
            plain_en.none_of([plain.en_of(r) for r in reasons]),
        )
        return Outcome(False, unmet=(said,))

    def negate(self) -> Condition:
        return All(tuple(part.negate() for part in self.parts))
