"""The intake form's answers as text: what a clerk types for each fact, parsed into the
value the case takes, and back. Shared by the desk and its tests; no Qt here."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from caseworker.models.divisions import Divisions
from caseworker.models.names import pinyin_keys
from caseworker.rules.facts import FACT_BY_NAME, FactSpec

YES = frozenset({"是", "有", "y", "yes", "true", "1", "shi"})
NO = frozenset({"否", "无", "没有", "n", "no", "false", "0", "fou"})
#: facts the form fills itself (from the ID number, the place, the date)
DERIVED = frozenset(
    {
        "on",
        "zone",
        "destination.county",
        "destination.street",
        "destination.zone",
        "applicant.age",
        "applicant.sex",
        "applicant.birthplace_code",
    }
)


#: a question names its fact as case-format.md does ("degree" for "applicant.degree")
FULL_NAME = {spec.short: spec.name for spec in FACT_BY_NAME.values()}


def full_name(fact: str) -> str:
    return FULL_NAME.get(fact, fact)


def choices(spec: FactSpec) -> list[str]:
    """What the completer offers for a fact."""
    if spec.kind == "bool":
        return ["是", "否"]
    if spec.kind == "date_or_false":
        return ["否"]
    if spec.enum is not None:
        return [member.value for member in spec.enum]
    if spec.kind == "awards":
        return ["无"]
    return []


def parse_answer(fact: str, text: str) -> Any:
    """The value of one typed answer; ValueError says what is expected."""
    spec = FACT_BY_NAME[fact]
    raw = text.strip()
    low = raw.lower()
    if spec.kind == "bool":
        if low in YES:
            return True
        if low in NO:
            return False
        raise ValueError("请填 是 或 否 (yes or no)")
    if spec.kind == "int":
        if not raw.isdigit() or len(raw) > 4:
            raise ValueError("请填整数 a whole number, e.g. 24")
        return int(raw)
    if spec.kind in {"date", "date_or_false"}:
        if spec.kind == "date_or_false" and low in NO:
            return False
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            hint = " or 否" if spec.kind == "date_or_false" else ""
            raise ValueError(f"请填日期 a date as 2024-03-01{hint}") from None
    if spec.kind == "county":
        if len(raw) != 6 or not raw.isdigit():
            raise ValueError("请填六位区县代码 a six-digit county code, e.g. 370102")
        return raw
    if spec.kind == "awards":
        if low in NO or raw in {"", "[]"}:
            return []
        try:
            value = json.loads(raw)
        except ValueError:
            raise ValueError('请填 无, 或 [{"kind": …, "date": …}]') from None
        if not isinstance(value, list):
            raise ValueError("a list of awards")
        return value
    if spec.enum is not None:
        values = {member.value for member in spec.enum}
        if low in values:
            return low
        if raw in values:
            return raw
        raise ValueError(f"请选 one of: {', '.join(sorted(values))}")
    return raw


def answer_text(fact: str, value: Any) -> str:
    """The text that shows an answer (and that typing gives back)."""
    spec = FACT_BY_NAME[fact]
    if value is None:
        return ""
    if spec.kind in {"bool", "date_or_false"} and value is False:
        return "否"
    if spec.kind == "bool":
        return "是"
    if spec.kind == "awards":
        return "无" if not value else json.dumps(value, ensure_ascii=False)
    return str(value)


def get_fact(case: dict[str, Any], fact: str) -> Any:
    node: Any = case
    for part in fact.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def set_fact(case: dict[str, Any], fact: str, value: Any) -> None:
    """Set (or, with None, clear) a fact in a case's nested parts."""
    parts = fact.split(".")
    node = case
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            if value is None:
                return
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


def answered_facts(case: dict[str, Any]) -> dict[str, Any]:
    """Every catalogue fact the case answers, except those the form fills itself."""
    return {
        name: value
        for name in FACT_BY_NAME
        if name not in DERIVED and (value := get_fact(case, name)) is not None
    }


def county_search_terms(divisions: Divisions) -> list[str]:
    """One line per destination county for type-ahead in 汉字, pinyin or initials:
    ``370102 历下区 lixiaqu lxq``; the code comes first, so the chosen line parses."""
    out = []
    for code, name in divisions.destination_counties():
        full, initials = pinyin_keys(name)
        out.append(f"{code} {name} {full} {initials}")
    return out
