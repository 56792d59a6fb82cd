"""Errors as the clerk sees them: a title and a sentence in the desk's language, the field
named as the screen labels it, never a traceback, a dotted field path or a code.

A service refusal is data (``ServiceError``: code, field, params); each code has its
wording here, through ``tr()``. Unexpected errors are logged in full and shown as such."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from caseworker.models.facts import CaseError
from caseworker.models.resident_id import ResidentIdError
from caseworker.models.workflow import ACTION_ZH, Action, WorkflowError
from caseworker.printing.fonts import MissingGlyphError
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.base import ServiceError
from caseworker.services.id_reader import ReaderError
from caseworker.services.users import ROLE_ZH
from ui.i18n import term, tr

log = logging.getLogger("caseworker.desk")

# code -> (title, sentence); the sentence's {placeholders} are the error's params, and
# {detail} its English sentence (a refusal that has no wording of its own yet)
WORDING: dict[str, tuple[object, object]] = {  # QT_TRANSLATE_NOOP is typed as object
    "refused": (QT_TRANSLATE_NOOP("", "无法办理"), "{detail}"),
    "not_found": (QT_TRANSLATE_NOOP("", "没有找到"), "{detail}"),
    "duplicate": (QT_TRANSLATE_NOOP("", "重复申请"), "{detail}"),
    "permission_denied": (QT_TRANSLATE_NOOP("", "无权操作"), "{detail}"),
    "invalid_input": (QT_TRANSLATE_NOOP("", "信息有误"), "{detail}"),
    "step_not_allowed": (QT_TRANSLATE_NOOP("", "当前状态不能这样办理"), "{detail}"),
    "application.stale_version": (
        QT_TRANSLATE_NOOP("", "申请已被他人修改"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 在您打开之后已被他人保存（您看到的是第 {seen} 版，现在是第 "
            "{current} 版），您的修改没有保存。请返回队列重新打开这份申请，再做修改。",
        ),
    ),
    "application.names_missing": (
        QT_TRANSLATE_NOOP("", "缺少姓名"),
        QT_TRANSLATE_NOOP(
            "", "受理 {number} 需要填写户口簿上的姓名：{who}。请补上后保存，再受理。"
        ),
    ),
    "application.role_may_not": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP(
            "", "{username}（{role}）不能{action}这份申请；需要以下角色之一：{roles}。"
        ),
    ),
    "changed_meanwhile": (
        QT_TRANSLATE_NOOP("", "申请已被他人修改"),
        QT_TRANSLATE_NOOP(
            "", "这份申请刚刚被他人修改，您的操作没有保存。请返回队列重新打开，再办理一次。"
        ),
    ),
}

# stable field names -> the label the intake shows beside the field
FIELD_LABELS: dict[str, object] = {
    "on": QT_TRANSLATE_NOOP("", "申请日期"),
    "applicant.id_number": QT_TRANSLATE_NOOP("", "身份证号"),
    "destination.county": QT_TRANSLATE_NOOP("", "区县"),
    "destination.street": QT_TRANSLATE_NOOP("", "街道"),
    "records.destination_address": QT_TRANSLATE_NOOP("", "地址"),
    "records.applicant.name": QT_TRANSLATE_NOOP("", "姓名"),
    "records.applicant.ethnicity": QT_TRANSLATE_NOOP("", "民族"),
    "records.applicant.relation_to_head": QT_TRANSLATE_NOOP("", "与户主关系"),
    "records.household.head_name": QT_TRANSLATE_NOOP("", "户主姓名"),
    "records.household.household_number": QT_TRANSLATE_NOOP("", "户号"),
    "records.household.household_kind": QT_TRANSLATE_NOOP("", "户别"),
    "records.household.address": QT_TRANSLATE_NOOP("", "住址"),
    "records.family": QT_TRANSLATE_NOOP("", "随迁人员"),
    "family": QT_TRANSLATE_NOOP("", "随迁人员"),
}
# a relative's own fields, as the relative dialog labels them
RELATIVE_LABELS: dict[str, object] = {
    "relation": QT_TRANSLATE_NOOP("", "关系"),
    "id_number": QT_TRANSLATE_NOOP("", "身份证号"),
    "birth_date": QT_TRANSLATE_NOOP("", "出生日期"),
    "sex": QT_TRANSLATE_NOOP("", "性别"),
    "marital_status": QT_TRANSLATE_NOOP("", "婚姻状况"),
    "co_residing": QT_TRANSLATE_NOOP("", "共同居住"),
    "name": QT_TRANSLATE_NOOP("", "姓名"),
}
_RELATIVE = re.compile(r"^(?:records\.)?family\[(\d+)\](?:\.(\w+))?$")
# a dotted field path inside a sentence (``records.family[0].name``, ``applicant.degree``)
_PATH = re.compile(
    r"\brecords\.[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*"
    r"|\b(?:applicant|destination|household|family)(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)+"
    r"|\bfamily\[\d+\]"
)
_FALLBACK: list[tuple[type[Exception], object]] = [
    (WorkflowError, QT_TRANSLATE_NOOP("", "当前状态不能这样办理")),
    (CaseError, QT_TRANSLATE_NOOP("", "信息有误")),
    (ReaderError, QT_TRANSLATE_NOOP("", "读卡失败")),
    (MissingGlyphError, QT_TRANSLATE_NOOP("", "字库缺字")),
]


def field_label(field: str) -> str:
    """A stable field name as the screen labels it (never the name itself when the
    screen has a label for it)."""
    if field in FIELD_LABELS:
        return tr(str(FIELD_LABELS[field]))
    relative = _RELATIVE.match(field)
    if relative:
        which = tr("随迁人员第 {n} 人").format(n=int(relative.group(1)) + 1)
        part = relative.group(2)
        if part in RELATIVE_LABELS:
            return f"{which}{tr(str(RELATIVE_LABELS[part]))}"
        return which
    spec = FACT_BY_NAME.get(field) or FACT_BY_NAME.get(f"applicant.{field}")
    if spec is not None:
        return term(spec.label_zh, spec.label_en)
    tail = field.rsplit(".", 1)[-1]
    return tail.replace("_", " ")


def without_paths(text: str) -> str:
    """A sentence with every dotted field path in it replaced by its on-screen label."""
    return _PATH.sub(lambda m: field_label(m.group(0)), text)


def _names_missing(params: dict[str, object]) -> dict[str, object]:
    who: list[str] = []
    if params.get("applicant"):
        who.append(tr("申请人"))
    relatives = params.get("relatives") or []
    assert isinstance(relatives, list)
    who += [tr("随迁人员第 {n} 人").format(n=n) for n in relatives]
    return {**params, "who": tr("、").join(who)}


def _role_may_not(params: dict[str, object]) -> dict[str, object]:
    """The role and the step in the desk's language (a term each, 中文 or English)."""
    role = str(params.get("role", ""))
    roles = params.get("roles") or []
    assert isinstance(roles, list)
    action = str(params.get("action", ""))
    known = {a.value: a for a in Action}
    return {
        **params,
        "role": term(ROLE_ZH.get(role, role), role),
        "roles": tr("、").join(term(ROLE_ZH.get(str(r), str(r)), str(r)) for r in roles),
        "action": term(ACTION_ZH[known[action]], action) if action in known else action,
    }


_PARAMS: dict[str, Callable[[dict[str, object]], dict[str, object]]] = {
    "application.names_missing": _names_missing,
    "application.role_may_not": _role_may_not,
}


def _invalid(problems: tuple[tuple[str, str], ...]) -> str:
    lines = []
    for field, problem in problems:
        said = without_paths(problem)
        lines.append(f"{field_label(field)}：{said}" if field else said)
    return "\n".join(lines)


def render(exc: ServiceError) -> tuple[str, str]:
    """(title, sentence) for one refusal, in the desk's language."""
    title, sentence = WORDING.get(exc.code, WORDING["refused"])
    problems: tuple[tuple[str, str], ...] = getattr(exc, "problems", ())
    if problems:
        return tr(str(title)), _invalid(problems)
    params = _PARAMS.get(exc.code, dict)(dict(exc.params))
    try:
        text = tr(str(sentence)).format(detail=exc.detail, **params)
    except (KeyError, IndexError, ValueError):
        text = exc.detail
    return tr(str(title)), without_paths(text)


# a resident ID number's refusals (``ResidentIdError.code``), worded with its params
ID_WORDING: dict[str, object] = {
    "id.length": QT_TRANSLATE_NOOP(
        "", "身份证号码应为 18 位（输入的是 {length} 位）；15 位的旧号码已停用"
    ),
    "id.shape": QT_TRANSLATE_NOOP("", "身份证号码应为 17 位数字加一位数字或 X"),
    "id.check_digit": QT_TRANSLATE_NOOP(
        "", "校验位应为 {expected}（输入的是 {typed}）；请对照证件重新核对号码，可能输错了一位"
    ),
    "id.birth_date": QT_TRANSLATE_NOOP(
        "", "号码中的出生日期 {born} 不是有效日期；请对照证件重新核对号码"
    ),
}


def id_problem(exc: ResidentIdError) -> str:
    """What is wrong with a resident ID number, in the desk's language."""
    sentence = ID_WORDING.get(exc.code)
    if sentence is None:
        return tr("身份证号码有误，请对照证件重新核对")
    return tr(str(sentence)).format(**exc.params)


def describe(exc: Exception) -> tuple[str, str]:
    """(title, message) for a dialog or the status bar."""
    if isinstance(exc, ServiceError):
        log.warning("refused (%s, %s): %s", type(exc).__name__, exc.code, exc)
        return render(exc)
    if isinstance(exc, ResidentIdError):
        log.warning("refused (%s): %s", exc.code, exc)
        return tr("身份证号码有误"), id_problem(exc)
    for kind, title in _FALLBACK:
        if isinstance(exc, kind):
            log.warning("refused (%s): %s", type(exc).__name__, exc)
            problems: tuple[tuple[str, str], ...] = getattr(exc, "problems", ())
            said = _invalid(problems) if problems else without_paths(str(exc))
            return tr(str(title)), said
    log.error("unexpected error in the desk", exc_info=exc)
    return (
        tr("程序出错"),
        tr("操作未完成，已保存的内容不受影响；请把日志交给管理员。（{error}）").format(
            error=f"{type(exc).__name__}: {exc}"
        ),
    )


def show_error(parent: QWidget | None, exc: Exception) -> None:
    title, message = describe(exc)
    QMessageBox.warning(parent, title, message)
