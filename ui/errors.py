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
from caseworker.models.problems import Problem
from caseworker.models.resident_id import ResidentIdError
from caseworker.models.workflow import ACTION_ZH, STATE_ZH, Action, State, WorkflowError
from caseworker.printing.fonts import MissingGlyphError
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.rules.decision import STATUS_ZH
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.base import ServiceError
from caseworker.services.id_reader import ReaderError
from caseworker.services.users import ROLE_ZH
from ui.case_problems import problem_lines
from ui.errors_input import INPUT_PARAMS, INPUT_WORDING
from ui.i18n import english, term, tr
from ui.refusals import MORE_WORDING, more_terms

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
    # the refusals a clerk meets most at the counter (issue 20)
    "application.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "本机没有申请 {number}；可按姓名或身份证号查找。"),
    ),
    "application.maker_checker_accepted": (
        QT_TRANSLATE_NOOP("", "需由另一位审核人员批准"),
        QT_TRANSLATE_NOOP(
            "",
            "{username} 受理了申请 {number}，不能再批准它；"
            "请由另一位审核人员批准（受理与批准分人办理）。",
        ),
    ),
    "application.maker_checker_facts": (
        QT_TRANSLATE_NOOP("", "需由另一位审核人员批准"),
        QT_TRANSLATE_NOOP(
            "",
            "{username} 录入或修改过申请 {number} 的审查依据，不能批准它；请由另一位审核人员批准。",
        ),
    ),
    "application.person_settled": (
        QT_TRANSLATE_NOOP("", "已经落户"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 不能办结：{who} {name} 已在本所以申请 {other} 落户，"
            "同一人只能落户一次。",
        ),
    ),
    "application.not_eligible": (
        QT_TRANSLATE_NOOP("", "不能批准"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 的审查结论是“{decision}”，不是“符合”，不能批准；"
            "请补充待答问题后重新审查，或说明理由不予批准。",
        ),
    ),
    "application.tampered": (
        QT_TRANSLATE_NOOP("", "申请数据被改动，已拒绝"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 在本机数据中的状态或审查依据与审计记录不符，是在程序以外被改动的；"
            "此操作已拒绝，并已记入审计记录。请告知所里的IT人员和审核人员"
            "（caseworker audit verify 列出所有此类申请）。",
        ),
    ),
    "application.documents_closed": (
        QT_TRANSLATE_NOOP("", "材料已不能登记"),
        QT_TRANSLATE_NOOP("", "申请 {number} 已是“{state}”状态，不能再登记查验的材料。"),
    ),
    "application.document_name_needed": (
        QT_TRANSLATE_NOOP("", "缺少材料名称"),
        QT_TRANSLATE_NOOP("", "请按材料清单填写材料名称。"),
    ),
    "application.reason_needed": (
        QT_TRANSLATE_NOOP("", "需要填写理由"),
        QT_TRANSLATE_NOOP("", "{action}需要填写理由；理由会保存并打印。"),
    ),
    "application.indexed_elsewhere": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP(
            "",
            "中心人口索引显示申请人在 {office} 所有申请 {other}（{state}）；"
            "请先与该所处理完毕，再在本所受理（索引以最近一次同步为准）。",
        ),
    ),
    "application.open_already": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP(
            "", "此人已有未办结的申请 {other}（{state}）；请继续办理那份申请，或先撤回它。"
        ),
    ),
    "application.settled_already": (
        QT_TRANSLATE_NOOP("", "已经落户"),
        QT_TRANSLATE_NOOP("", "此人已在本所以申请 {other} 落户，同一人只能落户一次。"),
    ),
    "scan.empty": (
        QT_TRANSLATE_NOOP("", "扫描件为空"),
        QT_TRANSLATE_NOOP("", "{filename} 是空文件，请重新扫描。"),
    ),
    "scan.too_large": (
        QT_TRANSLATE_NOOP("", "扫描件过大"),
        QT_TRANSLATE_NOOP(
            "",
            "{filename} 有 {megabytes} MB，超过扫描件上限 {limit} MB；"
            "请用 300 dpi 彩色 JPEG 重新扫描。",
        ),
    ),
    "print.not_in_state": (
        QT_TRANSLATE_NOOP("", "不能打印"),
        QT_TRANSLATE_NOOP("", "申请处于“{state}”状态，不打印{kind}。"),
    ),
    "print.voided_needs_reprint": (
        QT_TRANSLATE_NOOP("", "不能打印"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 的{kind} {document} 已作废（{reason}），作废不可撤销；"
            "如需新的一份，请由审核人员“补打”，另编份数。",
        ),
    ),
    "print.reprint_after_void": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "{document} 已作废；作废后补打须由审核人员办理。"),
    ),
    "application.person_named_otherwise": (
        QT_TRANSLATE_NOOP("", "姓名与已有记录不符"),
        QT_TRANSLATE_NOOP(
            "",
            "身份证号码 {id_masked} 在申请 {other} 中登记为 {held_name}，不是 {name}；"
            "请核对姓名和号码。同一人在各申请中只有一个姓名，{other} 的记录只能在 {other} 中更正。",
        ),
    ),
    "application.person_named_elsewhere": (
        QT_TRANSLATE_NOOP("", "姓名与已有记录不符"),
        QT_TRANSLATE_NOOP(
            "",
            "身份证号码 {id_masked} 已在本所其他申请中以其他姓名登记，不是 {name}；"
            "请核对姓名和号码，或向派出所民警询问。",
        ),
    ),
    "print.nothing_to_reprint": (
        QT_TRANSLATE_NOOP("", "不能补打"),
        QT_TRANSLATE_NOOP("", "申请 {number} 还没有打印过{kind}，无需补打；请直接打印。"),
    ),
    "print.printed_already": (
        QT_TRANSLATE_NOOP("", "已经打印"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 的{kind}已打印，编号 {document}；如需再打一份，请用“补打”，编号不变。",
        ),
    ),
    "print.may_not_print": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "{username}（{role}）不能打印文书。"),
    ),
    "print.may_not_void": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "{username}（{role}）不能作废已打印的文书；请由审核人员作废。"),
    ),
    "login.totp_not_enrolled": (
        QT_TRANSLATE_NOOP("", "需要动态口令"),
        QT_TRANSLATE_NOOP(
            "",
            "本所要求{role}登录时输入动态口令，此账户尚未绑定；"
            "请管理员为 {username} 绑定动态口令。",
        ),
    ),
    "print.void_reason_needed": (
        QT_TRANSLATE_NOOP("", "需要填写理由"),
        QT_TRANSLATE_NOOP("", "作废已打印的文书需要填写理由；理由会保存。"),
    ),
    "print.no_live_document": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有未作废的已打印文书 {document}。"),
    ),
    "login.wrong": (
        QT_TRANSLATE_NOOP("", "登录失败"),
        QT_TRANSLATE_NOOP(
            "", "用户名或密码错误，或账户因多次输错已暂时锁定；请稍后再试，或请管理员解锁。"
        ),
    ),
    "login.code_needed": (
        QT_TRANSLATE_NOOP("", "需要动态口令"),
        QT_TRANSLATE_NOOP("", "请输入身份验证器应用中的 6 位动态口令。"),
    ),
    "login.code_wrong": (
        QT_TRANSLATE_NOOP("", "动态口令错误"),
        QT_TRANSLATE_NOOP("", "动态口令错误或已使用过；请等待下一个口令。"),
    ),
    "user.disabled": (
        QT_TRANSLATE_NOOP("", "账户已停用"),
        QT_TRANSLATE_NOOP("", "此账户已停用；请用其他账户登录。"),
    ),
    "user.password_wrong": (
        QT_TRANSLATE_NOOP("", "密码错误"),
        QT_TRANSLATE_NOOP("", "当前密码错误；没有做任何修改。"),
    ),
    "user.password_same": (
        QT_TRANSLATE_NOOP("", "密码未修改"),
        QT_TRANSLATE_NOOP("", "新密码不能与当前密码相同。"),
    ),
    "user.password_rule": (
        QT_TRANSLATE_NOOP("", "密码不符合要求"),
        QT_TRANSLATE_NOOP("", "新密码不符合要求：{why}。"),
    ),
    "changed_meanwhile": (
        QT_TRANSLATE_NOOP("", "申请已被他人修改"),
        QT_TRANSLATE_NOOP(
            "", "这份申请刚刚被他人修改，您的操作没有保存。请返回队列重新打开，再办理一次。"
        ),
    ),
}
WORDING.update(INPUT_WORDING)  # impossible input and the workflow's roles (errors_input.py)

WORDING.update(MORE_WORDING)

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
#: the codes whose params ``_counter_terms`` puts in the desk's language
COUNTER_CODES = (
    "application.not_found",
    "application.not_eligible",
    "application.documents_closed",
    "application.maker_checker_accepted",
    "application.maker_checker_facts",
    "application.person_settled",
    "application.document_name_needed",
    "application.reason_needed",
    "application.indexed_elsewhere",
    "application.open_already",
    "application.settled_already",
    "scan.empty",
    "scan.too_large",
    "print.not_in_state",
    "print.nothing_to_reprint",
    "print.printed_already",
    "print.void_reason_needed",
    "print.may_not_print",
    "print.may_not_void",
    "login.totp_not_enrolled",
    "print.no_live_document",
    "login.wrong",
    "login.code_needed",
    "login.code_wrong",
    "user.disabled",
    "user.password_wrong",
    "user.password_same",
)
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


def _password_rule(params: dict[str, object]) -> dict[str, object]:
    """Which part of the password rule failed, in the desk's language."""
    parts = {
        "length": tr("至少需要 {least} 个字符").format(least=params.get("least", "")),
        "blank": tr("不能只有空格或制表符"),
        "mix": tr("需要同时包含字母和数字或其他符号"),
        "distinct": tr("需要更多不同的字符，不能只是一两个字符重复"),
        "common": tr("这是猜密码的人最先尝试的密码之一，请换一个"),
        "pattern": tr("常用词或连续的字母再加连续的数字（如 abc123、Admin@123）一猜就中，请换一个"),
        "username": tr("不能包含用户名"),
    }
    return {**params, "why": parts.get(str(params.get("part")), params.get("problem", ""))}


def _counter_terms(params: dict[str, object]) -> dict[str, object]:
    """A state, a step, a document kind or a person in the desk's language."""
    out = dict(params)
    states = {s.value: s for s in State}
    actions = {a.value: a for a in Action}
    kinds = {k.value: k for k in DocumentKind}
    state, action, kind = (
        str(out.get("state", "")),
        str(out.get("action", "")),
        str(out.get("kind", "")),
    )
    if state in states:
        out["state"] = term(STATE_ZH[states[state]], state)
    if action in actions:
        out["action"] = term(ACTION_ZH[actions[action]], action)
    if kind in kinds:
        out["kind"] = term(TITLES[kinds[kind]], kind)
    if "decision" in out:
        decision = str(out["decision"])
        zh = STATUS_ZH.get(decision)
        out["decision"] = term(zh, decision) if zh else tr("还没有审查结论")
    if "role" in out:
        role = str(out["role"])
        out["role"] = term(ROLE_ZH.get(role, role), role)
    if "who" in out:
        who = str(out["who"])
        out["who"] = tr("申请人") if who == "applicant" else field_label(who)
    return out


_PARAMS: dict[str, Callable[[dict[str, object]], dict[str, object]]] = {
    "application.names_missing": _names_missing,
    "application.role_may_not": _role_may_not,
    **{code: _counter_terms for code in COUNTER_CODES},
    "print.voided_needs_reprint": _counter_terms,
    "user.password_rule": _password_rule,
    **INPUT_PARAMS,
}


def _invalid(problems: tuple[tuple[str, str], ...], exc: Exception | None = None) -> str:
    details: tuple[Problem, ...] = getattr(exc, "details", ())
    if details:  # each problem as data: worded here, never the core's English
        return problem_lines(details, label=field_label, id_wording=ID_WORDING)
    lines = []
    for field, problem in problems:
        said = without_paths(problem) if english() else problem_zh(problem)
        colon = ": " if english() else "："
        lines.append(f"{field_label(field)}{colon}{said}" if field else said)
    return "\n".join(lines)


# what the case model says of one field (English, for the command line), and what the
# Chinese desk says instead: the pattern, and the sentence (with the pattern's groups)
_PROBLEMS: tuple[tuple[re.Pattern[str], object], ...] = (
    (
        re.compile(r"must have 18 characters, has (?P<length>\d+)"),
        QT_TRANSLATE_NOOP("", "身份证号码应为 18 位（输入的是 {length} 位）；15 位的旧号码已停用"),
    ),
    (
        re.compile(r"check digit is (?P<typed>\w) but should be (?P<expected>\w)"),
        QT_TRANSLATE_NOOP(
            "", "校验位应为 {expected}（输入的是 {typed}）；请对照证件重新核对号码，可能输错了一位"
        ),
    ),
    (
        re.compile(r"6-digit county code"),
        QT_TRANSLATE_NOOP("", "请输入区县的代码、汉字或拼音，如 370102 或 历下"),
    ),
    (
        re.compile(r"expected a date"),
        QT_TRANSLATE_NOOP("", "无法识别的日期，请按 2024-03-01 或 20240301 填写"),
    ),
    (
        re.compile(r"required field is missing"),
        QT_TRANSLATE_NOOP("", "此项必须填写"),
    ),
    (
        re.compile(r"is after the application date"),
        QT_TRANSLATE_NOOP("", "出生日期晚于申请日期，请核对身份证号和申请日期"),
    ),
    (
        re.compile(r"is not allowed|should be|input should"),
        QT_TRANSLATE_NOOP("", "不是可选的值，请从列表中选择"),
    ),
)


def problem_zh(problem: str) -> str:
    """One field's problem as the Chinese desk says it: what is wrong and what to do."""
    for pattern, sentence in _PROBLEMS:
        found = pattern.search(problem)
        if found is not None:
            return tr(str(sentence)).format(**found.groupdict())
    log.info("a case problem without its Chinese wording: %s", problem)
    return tr("填写有误，请对照屏幕上的提示核对后重新填写")


def render(exc: ServiceError) -> tuple[str, str]:
    """(title, sentence) for one refusal, in the desk's language."""
    title, sentence = WORDING.get(exc.code, WORDING["refused"])
    problems: tuple[tuple[str, str], ...] = getattr(exc, "problems", ())
    if problems:
        return tr(str(title)), _invalid(problems, exc)
    if exc.code in MORE_WORDING:
        params = more_terms(exc.code, dict(exc.params), field=exc.field, label_of=field_label)
        if "id_problem" in params:  # a resident ID number's own problem, in these words
            params["problem"] = _id_problem(str(params["id_problem"]), params.get("id_params"))
    else:
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
    return _id_problem(exc.code, exc.params)


def _id_problem(code: str, params: object) -> str:
    sentence = ID_WORDING.get(code)
    if sentence is None or not isinstance(params, dict):
        return tr("身份证号码有误，请对照证件重新核对")
    return tr(str(sentence)).format(**params)


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
            said = _invalid(problems, exc) if problems else without_paths(str(exc))
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
