"""Conditions said in plain English, for the desk's English interface: the same sentences
as ``plain`` says in Chinese, each fact by its English question label and each value by
its English name ("highest degree: must be master's degree or doctorate (is: bachelor's
degree)"), never the engine's syntax (``degree in master, doctor (has bachelor)``), which
stays the command line's."""

from __future__ import annotations

from datetime import date
from typing import Any

from caseworker.models.enum_labels import UNITS, label
from caseworker.models.enums import AwardKind
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.rules.plain import fact_labels


def _unit(fact: str, value: int) -> str:
    if fact == "applicant.age":
        return " years old"
    for suffix, (_zh, en) in UNITS.items():
        if fact.endswith(suffix):
            return f" {en}" if value != 1 else f" {en.removesuffix('s')}"
    return ""


def value_en(fact: str, value: Any) -> str:
    if value is None:
        return "not answered"
    if value is True:
        return "yes"
    if value is False:
        spec = FACT_BY_NAME.get(fact)
        return "none" if spec is not None and spec.kind == "date_or_false" else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, frozenset, set)):
        return either(fact, value, joiner=" and ")
    spec = FACT_BY_NAME.get(fact)
    if spec is not None and spec.enum is not None:
        try:
            return label(spec.enum, str(value))[1]
        except KeyError:
            return str(value)
    if isinstance(value, int):
        return f"{value}{_unit(fact, value)}"
    return str(value)


def either(fact: str, values: Any, *, joiner: str = " or ") -> str:
    shown = [value_en(fact, v) for v in values]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + joiner + shown[-1]


def _limit(fact: str, op: str, negated: bool, threshold: Any) -> str:
    if isinstance(threshold, date):
        words = {
            ("at_least", False): "must be on or after {t}",
            ("at_least", True): "must be before {t}",
            ("at_most", False): "must be on or before {t}",
            ("at_most", True): "must be after {t}",
            ("below", False): "must be before {t}",
            ("below", True): "must be on or after {t}",
        }
    else:
        words = {
            ("at_least", False): "must be at least {t}",
            ("at_least", True): "must be less than {t}",
            ("at_most", False): "must be at most {t}",
            ("at_most", True): "must be more than {t}",
            ("below", False): "must be less than {t}",
            ("below", True): "must be at least {t}",
        }
    return words[(op, negated)].format(t=value_en(fact, threshold))


def _zones(leaf: Any, zones: Any) -> str:
    names: dict[str, str] = getattr(leaf, "zone_names", {}) or {}
    shown = list(dict.fromkeys(f"“{names[str(z)]}”" if str(z) in names else "" for z in zones))
    shown = [s for s in shown if s]
    return " or ".join(shown) if shown else "the zones this clause is for"


def describe(leaf: Any, negated: bool) -> str:
    """What one predicate asks for, in plain English."""
    kind = type(leaf).__name__
    fact: str = leaf.fact
    name = fact_labels(fact)[1]
    must = "must not" if negated else "must"
    if kind == "Manual":
        return f"{name}"
    if fact == "zone":
        zones = leaf.ordered_values if hasattr(leaf, "ordered_values") else (leaf.value,)
        return f"the destination {must} lie in {_zones(leaf, zones)}"
    if kind == "Is":
        return f"{name}: {must} be {value_en(fact, leaf.value)}"
    if kind == "In":
        return f"{name}: {must} be {either(fact, leaf.ordered_values)}"
    if kind == "PrefixIn":
        starts = " or ".join(leaf.prefixes)
        return f"{name}: {must} start with {starts}"
    if kind == "Compare":
        return f"{name}: {_limit(fact, leaf.op, negated, leaf.threshold)}"
    if kind == "RankAtLeast":
        said = value_en(fact, leaf.value)
        return f"{name}: " + (f"must be below {said}" if negated else f"must be {said} or higher")
    if kind == "AtLeastBySex":
        sexes = {"M": "men", "F": "women"}
        rel = "under" if negated else "at least"
        parts = [f"{sexes.get(str(s), str(s))} {rel} {n}" for s, n in leaf.thresholds.items()]
        return f"{name}: " + ", ".join(parts)
    if kind == "IsDate":
        return f"{name}: " + ("must be none" if negated else "must be a date")
    if kind == "Answered":
        return f"{name}: " + ("must be left empty" if negated else "must be answered")
    if kind == "YearsBefore":
        rel = "less than" if negated else "at least"
        unit = "year" if leaf.years == 1 else "years"
        return f"{name}: {rel} {leaf.years} {unit} before the application date"
    if kind == "OnOrAfter":
        day = value_en(fact, leaf.day)
        return f"{name}: " + (f"must be before {day}" if negated else f"must be on or after {day}")
    if kind == "DueWithinMonths":
        rel = "more than" if negated else "within"
        return f"{name}: {rel} {leaf.months} months after the application date"
    if kind == "AwardMatch":
        kinds = [label(AwardKind, str(k))[1] for k in leaf.ordered_kinds]
        shown = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
        text = f"{must} include {shown}"
        if leaf.max_rank is not None:
            text += f" (placed {leaf.max_rank} or better)"
        if leaf.within_years is not None:
            text += f", within {leaf.within_years} years before the application date"
        return f"{name}: {text}"
    raise KeyError(f"no English wording for the condition kind {kind}")


def reason(leaf: Any, negated: bool, value: Any) -> str:
    kind = type(leaf).__name__
    text = describe(leaf, negated)
    if kind in {"Answered", "Manual"}:
        return text
    if kind == "AwardMatch":
        return f"{text} ({len(value)} so far)" if value else f"{text} (none so far)"
    if leaf.fact == "zone":
        return f"{text} (is: {_zones(leaf, [value]) if value else 'not known'})"
    return f"{text} (is: {value_en(leaf.fact, value)})"


def none_of(reasons: list[str]) -> str:
    return "one of these must hold, and none does: " + "; or ".join(reasons)


def both(reasons: list[str]) -> str:
    return "(" + ", and ".join(reasons) + ")"
