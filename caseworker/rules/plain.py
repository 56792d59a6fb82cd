"""Conditions said in plain Chinese (白话), for the desk and for the printed papers.

The engine's own reasons (``pension_months >= 24 (has 14)``) are for the command line
and the case-format contract; a clerk and an applicant read the same reason here as
"本市城镇职工养老保险缴费月数：须不少于24个月（现为：14个月）", with each fact named
by its question label and each enumeration value by its Chinese name
(``caseworker.models.enum_labels``). No Qt: the refusal notice uses it too.

A reason is a ``Said``: the English string the engine always gave, with its Chinese
beside it (``.zh``), so every caller that joined, compared or stored the English keeps
doing so unchanged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from caseworker.models.enum_labels import UNITS, label
from caseworker.models.enums import AwardKind
from caseworker.rules.facts import FACT_BY_NAME, MANUAL_CHECKS


class Said(str):
    """An engine reason as the command line gives it (the string itself), in plain
    Chinese (``zh``) and in plain English (``plain_en``, for the desk in English)."""

    zh: str
    plain_en: str

    def __new__(cls, en: str, zh: str, plain_en: str = "") -> Said:
        made = super().__new__(cls, en)
        made.zh = zh
        made.plain_en = plain_en or en
        return made


def zh_of(reason: str) -> str:
    """The Chinese of a reason; a plain string (an old record) as it is."""
    return reason.zh if isinstance(reason, Said) else reason


def en_of(reason: str) -> str:
    """The plain English of a reason; a plain string as it is."""
    return reason.plain_en if isinstance(reason, Said) else reason


def fact_labels(fact: str) -> tuple[str, str]:
    """A fact's question label (Chinese, English), as an engine reason or an unknown fact
    names it (``degree``, ``destination.street``, ``manual:NAME``)."""
    if fact.startswith("manual:"):
        return MANUAL_CHECKS.get(fact.removeprefix("manual:"), ("人工核查事项", "a check by hand"))
    spec = FACT_BY_NAME.get(fact) or FACT_BY_NAME.get(f"applicant.{fact}")
    if spec is not None:
        return spec.label_zh, spec.label_en
    return "有关情况", "a fact"


def fact_label(fact: str) -> str:
    """A fact's question label in Chinese."""
    return fact_labels(fact)[0]


def _unit(fact: str) -> str:
    if fact == "applicant.age":
        return "周岁"
    for suffix, (zh, _en) in UNITS.items():
        if fact.endswith(suffix):
            return zh
    return ""


def value_zh(fact: str, value: Any) -> str:
    """One value of a fact as a clerk reads it."""
    if value is None:
        return "未填写"
    if value is True:
        return "是"
    if value is False:
        spec = FACT_BY_NAME.get(fact)
        return "无" if spec is not None and spec.kind == "date_or_false" else "否"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, (list, tuple, frozenset, set)):
        return either(fact, value, joiner="、")
    spec = FACT_BY_NAME.get(fact)
    if spec is not None and spec.enum is not None:
        try:
            return label(spec.enum, str(value))[0]
        except KeyError:
            return str(value)
    if isinstance(value, int):
        return f"{value}{_unit(fact)}"
    return str(value)


def either(fact: str, values: Any, *, joiner: str = "或") -> str:
    """Values as "A、B或C" (or "A、B、C" with joiner "、")."""
    shown = [value_zh(fact, v) for v in values]
    if len(shown) <= 1:
        return "".join(shown)
    return "、".join(shown[:-1]) + joiner + shown[-1]


def _limit(fact: str, op: str, negated: bool, threshold: Any) -> str:
    """须不少于 / 须不超过 / 须少于, turned round when negated; dates as before/after."""
    if isinstance(threshold, date):
        words = {
            ("at_least", False): "须在{t}当日或以后",
            ("at_least", True): "须在{t}以前",
            ("at_most", False): "须在{t}当日或以前",
            ("at_most", True): "须在{t}以后",
            ("below", False): "须在{t}以前",
            ("below", True): "须在{t}当日或以后",
        }
    else:
        words = {
            ("at_least", False): "须不少于{t}",
            ("at_least", True): "须少于{t}",
            ("at_most", False): "须不超过{t}",
            ("at_most", True): "须超过{t}",
            ("below", False): "须少于{t}",
            ("below", True): "须不少于{t}",
        }
    return words[(op, negated)].format(t=value_zh(fact, threshold))


def describe(leaf: Any, negated: bool) -> str:
    """What one predicate asks for, in Chinese ("最高学位：须为硕士或博士")."""
    kind = type(leaf).__name__
    fact: str = leaf.fact
    name = fact_label(fact)
    if kind == "Manual":
        return f"须{name}"
    if fact == "zone":  # ZoneIn (a route's zones) or a rule on the zone
        zones = leaf.ordered_values if hasattr(leaf, "ordered_values") else (leaf.value,)
        said = _zones(leaf, zones)
        return "拟落户地" + (f"不得在{said}" if negated else f"须在{said}")
    if kind == "Is":
        said = value_zh(fact, leaf.value)
        said = f"“{said}”" if isinstance(leaf.value, bool) else said
        return f"{name}：" + (f"不得为{said}" if negated else f"须为{said}")
    if kind == "In":
        said = either(fact, leaf.ordered_values)
        return f"{name}：" + (f"不得为{said}" if negated else f"须为{said}")
    if kind == "PrefixIn":
        said = "或".join(f"{p}开头" for p in leaf.prefixes)
        return f"{name}：" + (f"不得以{said}" if negated else f"须以{said}")
    if kind == "Compare":
        return f"{name}：{_limit(fact, leaf.op, negated, leaf.threshold)}"
    if kind == "RankAtLeast":
        said = value_zh(fact, leaf.value)
        return f"{name}：" + (f"须低于{said}" if negated else f"须为{said}或以上")
    if kind == "AtLeastBySex":
        sexes = {"M": "男", "F": "女"}
        rel = "须不满" if negated else "须年满"
        parts = [f"{sexes.get(str(s), str(s))}{rel}{n}周岁" for s, n in leaf.thresholds.items()]
        return f"{name}：" + "、".join(parts)
    if kind == "IsDate":
        return f"{name}：" + ("须为“无”" if negated else "须有（填写日期）")
    if kind == "Answered":
        return f"{name}：" + ("须未填写" if negated else "须已填写")
    if kind == "YearsBefore":
        rel = "不满" if negated else "已满"
        return f"{name}：须至申请日期{rel}{leaf.years}年"
    if kind == "OnOrAfter":
        day = value_zh(fact, leaf.day)
        return f"{name}：" + (f"须在{day}以前" if negated else f"须在{day}当日或以后")
    if kind == "DueWithinMonths":
        rel = "超过" if negated else "不超过"
        return f"{name}：须在申请日期后{rel}{leaf.months}个月"
    if kind == "AwardMatch":
        text = f"获得{_award_kinds(leaf.ordered_kinds)}"
        if leaf.max_rank is not None:
            text += f"（名次在前{leaf.max_rank}名）"
        if leaf.within_years is not None:
            text += f"，且在申请日期前{leaf.within_years}年内"
        return f"{name}：" + ("不得" if negated else "须") + text
    raise KeyError(f"no Chinese wording for the condition kind {kind}")


def _zones(leaf: Any, zones: Any) -> str:
    names: dict[str, str] = getattr(leaf, "zone_names", {}) or {}
    shown = [names.get(str(z), "本条款适用的区域") for z in zones]
    shown = list(dict.fromkeys(shown))
    return shown[0] if len(shown) == 1 else "、".join(shown[:-1]) + "或" + shown[-1]


def _award_kinds(kinds: Any) -> str:
    shown = [label(AwardKind, str(k))[0] for k in kinds]
    return shown[0] if len(shown) == 1 else "、".join(shown[:-1]) + "或" + shown[-1]


def _described(leaf: Any, negated: bool) -> str:
    """``describe``, worked out once per leaf and sense (a leaf's zones are named only
    after the pack is compiled, so not when the leaf is frozen)."""
    cache: dict[bool, str] | None = leaf.__dict__.get("_zh")
    if cache is None:
        cache = leaf.__dict__["_zh"] = {}
    if negated not in cache:
        cache[negated] = describe(leaf, negated)
    return cache[negated]


def reason(leaf: Any, negated: bool, value: Any) -> str:
    """An unmet predicate with what the case has ("…（现为：本科）")."""
    kind = type(leaf).__name__
    text = _described(leaf, negated)
    if kind in {"Answered", "Manual"}:
        return text
    if kind == "AwardMatch":
        return f"{text}（现有{len(value)}项）" if value else f"{text}（现无）"
    if leaf.fact == "zone":
        return f"{text}（现为：{_zones(leaf, [value]) if value else '未确定'}）"
    return f"{text}（现为：{value_zh(leaf.fact, value)}）"


_NONE_OF = "下列条件须符合其一，均不符合："
_OR = "；或"


def none_of(reasons: list[str]) -> str:
    """An any-of none of whose parts holds."""
    return _NONE_OF + _OR.join(reasons)


def alternatives_on_lines(reason: str) -> str:
    """A reason with each alternative of an any-of on a line of its own (for a screen;
    a paper keeps one paragraph)."""
    return reason.replace(_NONE_OF, _NONE_OF + "\n").replace(_OR, "；\n或")


def both(reasons: list[str]) -> str:
    """Several unmet parts of one alternative, kept together."""
    return "（" + "，且".join(reasons) + "）"
