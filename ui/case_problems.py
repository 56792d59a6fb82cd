"""A case's or its records' validation problems as the clerk reads them: the field as the
screen labels it, what is wrong and what to do, in the desk's language.

The core refuses with ``Problem`` data (``caseworker.models.problems``): a code, the
field's stable name and params; its English sentence is the command line's. Here each
code has its wording through ``tr()``; a code without one gets a plain sentence that
still names the field, never the core's English."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import Sex
from caseworker.models.problems import Problem
from ui.i18n import term, tr

#: problem code -> what to do (the field's label is put before it)
WORDING: dict[str, object] = {
    "date.format": QT_TRANSLATE_NOOP("", "请按 20190315 或 2019-03-15 填写日期"),
    "date.true": QT_TRANSLATE_NOOP("", "请填写日期；没有的请选“否”"),
    "county.format": QT_TRANSLATE_NOOP("", "请从列表中选择区县"),
    "county.empty": QT_TRANSLATE_NOOP("", "请选择区县"),
    "relative.identity_missing": QT_TRANSLATE_NOOP(
        "", "请填写身份证号；还没有身份证的孩子，请填写出生日期和性别"
    ),
    "relative.birth_date_differs": QT_TRANSLATE_NOOP(
        "", "出生日期与身份证号码中的 {born} 不一致，请对照证件核对"
    ),
    "relative.sex_differs": QT_TRANSLATE_NOOP(
        "", "性别与身份证号码不一致（号码中为{sex}），请对照证件核对"
    ),
    "case.born_after_on": QT_TRANSLATE_NOOP(
        "", "号码中的出生日期 {born} 晚于申请日期 {on}，请核对身份证号码和申请日期"
    ),
    "case.relative_born_after_on": QT_TRANSLATE_NOOP(
        "", "出生日期 {born} 晚于申请日期 {on}，请核对出生日期和申请日期"
    ),
    "name.no_letter": QT_TRANSLATE_NOOP("", "没有汉字或字母，请按户口簿填写"),
    "name.character": QT_TRANSLATE_NOOP(
        "", "不能含“{char}”，姓名中不能有表情符号、数字或其他符号；请按户口簿填写"
    ),
    "name.invisible": QT_TRANSLATE_NOOP(
        "", "含有不可见的字符，姓名不能含表情符号、数字或其他符号，请按户口簿重新填写"
    ),
    "text.control_character": QT_TRANSLATE_NOOP("", "含有不可见的控制字符，请重新填写"),
    "records.family_count": QT_TRANSLATE_NOOP(
        "", "姓名比随迁人员多（{records} 个姓名，{family} 位随迁人员），请删去多余的"
    ),
    "application.not_object": QT_TRANSLATE_NOOP("", "申请内容无法读取，请重新填写后保存"),
    "place.county_unknown": QT_TRANSLATE_NOOP(
        "", "{county} 不是现行的区县代码，请从列表中选择区县"
    ),
    "place.functional_zone": QT_TRANSLATE_NOOP(
        "", "{name}是功能区，不是区县；请填写街道（镇），以确定所属区县"
    ),
    "place.street_unknown": QT_TRANSLATE_NOOP(
        "", "“{street}”不是{county_name}的街道或镇，请从列表中选择"
    ),
    "place.street_unknown_near": QT_TRANSLATE_NOOP(
        "", "“{street}”不是{county_name}的街道或镇；请从列表中选择，是否是：{near}？"
    ),
    "place.community_needs_street": QT_TRANSLATE_NOOP("", "填写社区前，请先选择街道（镇）"),
    "place.community_unknown": QT_TRANSLATE_NOOP("", "“{community}”不是{street}的社区，请核对"),
    # pydantic's own kinds of problem
    "missing": QT_TRANSLATE_NOOP("", "必须填写"),
    "extra_forbidden": QT_TRANSLATE_NOOP("", "不是申请中的一项，请删去"),
    "enum": QT_TRANSLATE_NOOP("", "请从列表中选择"),
    "literal_error": QT_TRANSLATE_NOOP("", "请从列表中选择"),
    "bool_type": QT_TRANSLATE_NOOP("", "请选择“是”或“否”"),
    "int_type": QT_TRANSLATE_NOOP("", "请填写整数"),
    "int_parsing": QT_TRANSLATE_NOOP("", "请填写整数"),
    "int_from_float": QT_TRANSLATE_NOOP("", "请填写整数"),
    "greater_than_equal": QT_TRANSLATE_NOOP("", "不能小于 {ge}"),
    "less_than_equal": QT_TRANSLATE_NOOP("", "不能大于 {le}"),
    "string_too_long": QT_TRANSLATE_NOOP("", "最多 {max_length} 个字，请删减"),
    "string_type": QT_TRANSLATE_NOOP("", "请填写文字"),
    "date_type": QT_TRANSLATE_NOOP("", "请按 20190315 或 2019-03-15 填写日期"),
    "json_invalid": QT_TRANSLATE_NOOP("", "申请内容无法读取，请重新填写后保存"),
    **dict.fromkeys(
        ("list_type", "model_type", "dict_type", "model_attributes_type", "too_long"),
        QT_TRANSLATE_NOOP("", "内容的格式不对，请重新填写"),
    ),
}
#: a problem whose code has no wording here
GENERAL = QT_TRANSLATE_NOOP("", "填写有误，请核对后重新填写")
#: the 户口簿 card's fields the intake has no label of its own for: the card's printed
#: labels (the scan dialog shows them)
CARD_LABELS: dict[str, object] = {
    "former_name": QT_TRANSLATE_NOOP("", "曾用名"),
    "native_place": QT_TRANSLATE_NOOP("", "籍贯"),
    "birthplace": QT_TRANSLATE_NOOP("", "出生地"),
    "education": QT_TRANSLATE_NOOP("", "文化程度"),
    "marital_status": QT_TRANSLATE_NOOP("", "婚姻状况"),
    "military_service": QT_TRANSLATE_NOOP("", "兵役状况"),
    "workplace": QT_TRANSLATE_NOOP("", "服务处所"),
    "occupation": QT_TRANSLATE_NOOP("", "职业"),
    "moved_in_from": QT_TRANSLATE_NOOP("", "何时由何地迁来"),
}
#: a field the desk has no label for (an input not made by the desk)
SOME_FIELD = QT_TRANSLATE_NOOP("", "申请中的一项")
#: the resident ID's codes are worded by ``ui.errors.ID_WORDING``
ID_CODES = ("id.length", "id.shape", "id.check_digit", "id.birth_date")


def _sex(value: object) -> str:
    zh, en = LABELS[Sex].get(str(value), ("", ""))
    return term(zh, en) if zh else ""


def _wording(
    problem: Problem, id_wording: Mapping[str, object]
) -> tuple[object, dict[str, object]]:
    """The sentence (untranslated) and the params it is filled with."""
    params: dict[str, object] = dict(problem.params)
    code = problem.code
    if code in ID_CODES and code in id_wording:
        return id_wording[code], params
    if code == "county.format" and params.get("empty"):
        code = "county.empty"
    elif code == "name.character":
        char = str(params.get("char", ""))
        if not char or unicodedata.category(char)[0] in "CZ":
            code = "name.invisible"
    elif code == "place.street_unknown" and params.get("near"):
        code = "place.street_unknown_near"
    elif code == "relative.sex_differs":
        params["sex"] = _sex(params.get("sex"))
    return WORDING.get(code, GENERAL), params


def problem_sentence(problem: Problem, *, id_wording: Mapping[str, object]) -> str:
    """What is wrong and what to do, without the field's label."""
    sentence, params = _wording(problem, id_wording)
    try:
        return tr(str(sentence)).format(**params)
    except (KeyError, IndexError, ValueError):
        return tr(str(GENERAL))


def _labelled(field: str, label: Callable[[str], str]) -> str:
    """The screen's label; a 户口簿 card field by its printed label; else a plain phrase
    (never the field's own name)."""
    shown = label(field)
    tail = field.rsplit(".", 1)[-1]
    if shown != tail.replace("_", " "):
        return shown
    if tail in CARD_LABELS:
        return tr(str(CARD_LABELS[tail]))
    return tr(str(SOME_FIELD))


def problem_lines(
    problems: Iterable[Problem],
    *,
    label: Callable[[str], str],
    id_wording: Mapping[str, object],
) -> str:
    """One line per problem: "申请日期：请按 20190315 或 2019-03-15 填写日期"."""
    lines = []
    for problem in problems:
        said = problem_sentence(problem, id_wording=id_wording)
        shown = tr("{label}：{problem}").format(label=_labelled(problem.field, label), problem=said)
        lines.append(shown if problem.field else said)
    return "\n".join(dict.fromkeys(lines))
