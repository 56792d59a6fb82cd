"""Conditions worded in Chinese for the desk (the English ``describe`` of each predicate
stays what the command line, the logs and the JSON say).

A fact is named by its question's label, a value by its Chinese label (是/否, 硕士,
无职称 …), never by its id or code: what a clerk reads beside a route that is not met.
This module reads the predicates' attributes only, so ``conditions`` can import it."""

from __future__ import annotations

from datetime import date
from typing import Any

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import AwardKind
from caseworker.rules.facts import FACT_BY_NAME

_AT_LEAST = {"at_least": "不少于", "at_most": "不超过", "below": "小于"}
_NOT = {"at_least": "少于", "at_most": "超过", "below": "不小于"}


def fact_zh(fact: str) -> str:
    """The fact as its question is labelled."""
    spec = FACT_BY_NAME.get(fact) or FACT_BY_NAME.get(f"applicant.{fact}")
    return spec.label_zh if spec is not None else fact


def value_zh(fact: str, value: Any) -> str:
    """A value as the desk shows it: 是/否, an enumeration's Chinese label, a date."""
    if value is True:
        return "是"
    if value is False:
        return "否"
    if value is None:
        return "未填"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return "、".join(value_zh(fact, v) for v in value)
    spec = FACT_BY_NAME.get(fact)
    if spec is not None and spec.enum is not None:
        labels = LABELS.get(spec.enum, {}).get(str(value))
        if labels is not None:
            return labels[0]
    return str(value)


def describe_zh(leaf: Any, negated: bool) -> str:
    """What a predicate asks for, in Chinese."""
    kind = type(leaf).__name__
    fact = leaf.fact
    label = fact_zh(fact)
    if fact == "zone":  # zones are the pack's own ids: named there, not here
        return "拟落户地不应在本条款所列片区" if negated else "拟落户地应在本条款所列片区"
    if kind == "Is":
        return f"{label}：{'不应为' if negated else '应为'}{value_zh(fact, leaf.value)}"
    if kind in {"In", "ZoneIn"}:
        values = value_zh(fact, list(leaf.ordered_values))
        return f"{label}：{'不应为' if negated else '应为'}{values}" + (
            "" if len(leaf.ordered_values) == 1 else "之一"
        )
    if kind == "PrefixIn":
        shown = "、".join(p + "x" * (6 - len(p)) for p in leaf.prefixes)
        return f"{label}：{'不应在' if negated else '应在'}{shown}"
    if kind == "Compare":
        words = _NOT if negated else _AT_LEAST
        return f"{label}：{words[leaf.op]}{value_zh(fact, leaf.threshold)}"
    if kind == "RankAtLeast":
        shown = value_zh(fact, leaf.value)
        return f"{label}：{'应低于' if negated else '应为'}{shown}{'' if negated else '或以上'}"
    if kind == "AtLeastBySex":
        word = "未满" if negated else "年满"
        parts = [
            f"{'男' if str(sex) == 'M' else '女'}{word}{n}周岁"
            for sex, n in leaf.thresholds.items()
        ]
        return f"{label}：{'、'.join(parts)}"
    if kind == "IsDate":
        return f"{label}：{'应没有' if negated else '应有'}"
    if kind == "Answered":
        return f"{label}：{'未填写' if negated else '已填写'}"
    if kind == "YearsBefore":
        return f"{label}：距申请日{'不满' if negated else '已满'}{leaf.years}年"
    if kind == "OnOrAfter":
        return f"{label}：{'早于' if negated else '不早于'}{leaf.day}"
    if kind == "DueWithinMonths":
        if negated:
            return f"{label}：晚于申请日后{leaf.months}个月"
        return f"{label}：在申请日后{leaf.months}个月内"
    if kind == "AwardMatch":
        labels = LABELS[AwardKind]
        kinds = "、".join(
            labels[str(k)][0] if str(k) in labels else str(k) for k in leaf.ordered_kinds
        )
        text = f"获得以下奖项之一：{kinds}"
        if leaf.max_rank is not None:
            text += f"（名次在前{leaf.max_rank}名）"
        if leaf.within_years is not None:
            text += f"（申请前{leaf.within_years}年内）"
        return ("没有" if negated else "应") + text
    if kind == "Manual":
        return f"需人工核查：{leaf.name}"
    return label


def reason_zh(leaf: Any, value: Any) -> str:
    """Why a predicate is not met: what it asks for, and what the case has."""
    text = describe_zh(leaf, leaf.negated)
    kind = type(leaf).__name__
    if kind == "Answered" or leaf.fact == "zone":
        return text
    if kind == "AwardMatch":
        return f"{text}（实际：{len(value)} 项获奖）"
    return f"{text}（实际：{value_zh(leaf.fact, value)}）"


def none_of_zh(reasons: list[str]) -> str:
    return "以下均不符合：" + "；或 ".join(reasons)


def both_zh(reasons: tuple[str, ...]) -> str:
    parts = (f"（{u}）" if u.startswith("以下均不符合") else u for u in reasons)
    return "（" + " 且 ".join(parts) + "）"
