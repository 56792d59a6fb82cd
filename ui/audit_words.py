"""The audit trail in words (审计日志): each event's action by its name and its detail as
labelled values, in the desk's language; the codes stay in the store (``caseworker audit``
shows them). The action filter takes a name as shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from caseworker.models.workflow import State
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.rules.decision import STATUS_ZH
from ui.i18n import term, tr
from ui.queue_model import state_name

ACTIONS: dict[str, object] = {
    "store.init": QT_TRANSLATE_NOOP("", "建立本机存储"),
    "store.restore": QT_TRANSLATE_NOOP("", "恢复备份"),
    "store.restored": QT_TRANSLATE_NOOP("", "已恢复备份"),
    "login": QT_TRANSLATE_NOOP("", "登录"),
    "logout": QT_TRANSLATE_NOOP("", "退出登录"),
    "login.failed": QT_TRANSLATE_NOOP("", "登录失败"),
    "login.locked": QT_TRANSLATE_NOOP("", "账户被暂时锁定"),
    "login.refused": QT_TRANSLATE_NOOP("", "拒绝登录"),
    "user.add": QT_TRANSLATE_NOOP("", "添加用户"),
    "user.disable": QT_TRANSLATE_NOOP("", "停用用户"),
    "user.enable": QT_TRANSLATE_NOOP("", "启用用户"),
    "user.reset_password": QT_TRANSLATE_NOOP("", "重设密码"),
    "user.unlock": QT_TRANSLATE_NOOP("", "解锁用户"),
    "user.totp": QT_TRANSLATE_NOOP("", "设置动态口令"),
    "user.totp_removed": QT_TRANSLATE_NOOP("", "取消动态口令"),
    "settings.security": QT_TRANSLATE_NOOP("", "修改安全设置"),
    "application.create": QT_TRANSLATE_NOOP("", "新建申请"),
    "application.edit": QT_TRANSLATE_NOOP("", "修改申请"),
    "application.view": QT_TRANSLATE_NOOP("", "查看申请"),
    "application.accept": QT_TRANSLATE_NOOP("", "受理"),
    "application.decide": QT_TRANSLATE_NOOP("", "审查"),
    "application.approve": QT_TRANSLATE_NOOP("", "批准"),
    "application.issue_permit": QT_TRANSLATE_NOOP("", "开具准迁证"),
    "application.mark_settled": QT_TRANSLATE_NOOP("", "登记已落户"),
    "application.refuse": QT_TRANSLATE_NOOP("", "不予受理/批准"),
    "application.withdraw": QT_TRANSLATE_NOOP("", "撤回申请"),
    "application.void": QT_TRANSLATE_NOOP("", "作废申请"),
    "application.attach": QT_TRANSLATE_NOOP("", "附加扫描件"),
    "application.document_seen": QT_TRANSLATE_NOOP("", "核验材料"),
    "application.applicant_confirmed": QT_TRANSLATE_NOOP("", "申请人确认信息"),
    "document.print": QT_TRANSLATE_NOOP("", "打印文书"),
    "document.reprint": QT_TRANSLATE_NOOP("", "补打文书"),
    "document.void": QT_TRANSLATE_NOOP("", "作废文书"),
    "collective.create": QT_TRANSLATE_NOOP("", "新建集体户"),
    "collective.edit": QT_TRANSLATE_NOOP("", "修改集体户"),
    "collective.close": QT_TRANSLATE_NOOP("", "撤销集体户"),
    "collective.admit": QT_TRANSLATE_NOOP("", "集体户落户"),
    "collective.move_out": QT_TRANSLATE_NOOP("", "迁出集体户"),
    "collective.transfer_in": QT_TRANSLATE_NOOP("", "转入集体户"),
    "collective.transfer_out": QT_TRANSLATE_NOOP("", "转出集体户"),
    "collective.roster": QT_TRANSLATE_NOOP("", "查看集体户名册"),
    "collective.export": QT_TRANSLATE_NOOP("", "导出集体户名册"),
    "collective.print_roster": QT_TRANSLATE_NOOP("", "打印集体户名册"),
    "collective.print_evidence": QT_TRANSLATE_NOOP("", "打印集体户证明"),
    "collective.evidence": QT_TRANSLATE_NOOP("", "集体户证明"),
    "booklet.apply": QT_TRANSLATE_NOOP("", "申请家庭户口簿页"),
    "booklet.decide": QT_TRANSLATE_NOOP("", "审批家庭户口簿页"),
    "booklet.print": QT_TRANSLATE_NOOP("", "打印家庭户口簿页"),
    "booklet.withdraw": QT_TRANSLATE_NOOP("", "撤回家庭户口簿页申请"),
    "statistics.export": QT_TRANSLATE_NOOP("", "导出统计"),
    "key.export": QT_TRANSLATE_NOOP("", "导出密钥"),
    "audit.verify": QT_TRANSLATE_NOOP("", "校验审计链条"),
    "audit.head_rebuilt": QT_TRANSLATE_NOOP("", "重建审计链条头"),
    "audit.tail_broken": QT_TRANSLATE_NOOP("", "审计记录被删除"),
    "sync.enrol": QT_TRANSLATE_NOOP("", "注册到中心"),
    "sync.settings": QT_TRANSLATE_NOOP("", "修改同步设置"),
    "sync.resolve": QT_TRANSLATE_NOOP("", "处理同步冲突"),
    "sync.rule_pack": QT_TRANSLATE_NOOP("", "更新规则包"),
    "sync.bundle_export": QT_TRANSLATE_NOOP("", "导出同步包"),
    "sync.bundle_return": QT_TRANSLATE_NOOP("", "导入同步回执包"),
    "sync.bundle_relay": QT_TRANSLATE_NOOP("", "转交同步包"),
}
GROUPS: dict[str, object] = {
    "application": QT_TRANSLATE_NOOP("", "申请"),
    "document": QT_TRANSLATE_NOOP("", "文书"),
    "collective": QT_TRANSLATE_NOOP("", "集体户"),
    "user": QT_TRANSLATE_NOOP("", "用户"),
    "login": QT_TRANSLATE_NOOP("", "登录"),
    "sync": QT_TRANSLATE_NOOP("", "同步"),
    "store": QT_TRANSLATE_NOOP("", "存储"),
    "audit": QT_TRANSLATE_NOOP("", "审计"),
    "booklet": QT_TRANSLATE_NOOP("", "家庭户口簿页"),
}
KEYS: dict[str, object] = {
    "number": QT_TRANSLATE_NOOP("", "申请编号"),
    "state": QT_TRANSLATE_NOOP("", "状态"),
    "decision": QT_TRANSLATE_NOOP("", "审查结果"),
    "receipt_number": QT_TRANSLATE_NOOP("", "受理回执编号"),
    "accepted_by": QT_TRANSLATE_NOOP("", "受理人"),
    "username": QT_TRANSLATE_NOOP("", "用户名"),
    "role": QT_TRANSLATE_NOOP("", "角色"),
    "source": QT_TRANSLATE_NOOP("", "来源"),
    "attempt": QT_TRANSLATE_NOOP("", "第几次"),
    "kind": QT_TRANSLATE_NOOP("", "文书"),
    "document": QT_TRANSLATE_NOOP("", "文书编号"),
    "copy": QT_TRANSLATE_NOOP("", "副本"),
    "counterfoil": QT_TRANSLATE_NOOP("", "存根"),
    "office_code": QT_TRANSLATE_NOOP("", "单位代码"),
    "station": QT_TRANSLATE_NOOP("", "派出所"),
    "reason": QT_TRANSLATE_NOOP("", "理由"),
    "name": QT_TRANSLATE_NOOP("", "名称"),
    "code": QT_TRANSLATE_NOOP("", "编号"),
    "filename": QT_TRANSLATE_NOOP("", "文件"),
}
ROLES: dict[str, object] = {
    "clerk": QT_TRANSLATE_NOOP("", "经办"),
    "supervisor": QT_TRANSLATE_NOOP("", "审核"),
    "admin": QT_TRANSLATE_NOOP("", "管理员"),
}


FINDINGS: dict[str, object] = {
    "edited": QT_TRANSLATE_NOOP("", "第 {seq} 条记录写入后被改动过"),
    "inserted": QT_TRANSLATE_NOOP("", "第 {seq} 条记录是后来插入的"),
    "deleted": QT_TRANSLATE_NOOP("", "第 {seq} 条前后有记录被删除"),
    "reordered": QT_TRANSLATE_NOOP("", "第 {seq} 条记录的顺序被调换过"),
    "truncated": QT_TRANSLATE_NOOP("", "最后的记录被删除（链条在第 {seq} 条之后断开）"),
    "head": QT_TRANSLATE_NOOP("", "链条头与记录不符（第 {seq} 条）"),
}


def finding_text(kind: str, seq: int | None) -> str:
    """One problem the chain verification found, in the desk's language."""
    sentence = FINDINGS.get(kind)
    if sentence is None:
        return tr("审计记录有异常（第 {seq} 条）").format(seq=seq if seq is not None else "—")
    return tr(str(sentence)).format(seq=seq if seq is not None else "—")


def action_name(action: str) -> str:
    """An audit action by its name; an action without one by its group's name."""
    if action in ACTIONS:
        return tr(str(ACTIONS[action]))
    group = action.split(".", 1)[0]
    if group in GROUPS:
        return tr("{group}：其他操作").format(group=tr(str(GROUPS[group])))
    return tr("其他操作")


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    text = str(value)
    if key == "state" and text in {s.value for s in State}:
        return state_name(State(text))
    if key == "decision" and text in STATUS_ZH:
        return term(STATUS_ZH[text], text)
    if key == "kind" and text in {k.value for k in DocumentKind}:
        return term(TITLES[DocumentKind(text)], text.replace("_", " "))
    if key == "role" and text in ROLES:
        return tr(str(ROLES[text]))
    if key == "source":
        return {"desk": tr("柜台"), "cli": tr("命令行"), "countersign": tr("审核人员确认")}.get(
            text, text
        )
    return text


def detail_text(detail: dict[str, Any]) -> str:
    """An event's detail as labelled values: 申请编号 N；状态 已受理. A detail without a
    label is left out here (the trail itself keeps it; ``caseworker audit`` shows it)."""
    parts = [
        f"{tr(str(KEYS[key]))} {_value(key, value)}"
        for key, value in sorted(detail.items())
        if key in KEYS and value not in (None, "", [], {})
    ]
    return tr("；").join(parts)


def action_filter(typed: str) -> str:
    """What the clerk typed in the action filter as the code prefix the trail is searched
    by: an action's name (受理), a group's name (申请), or a code as it is."""
    typed = typed.strip()
    if not typed:
        return ""
    for code, name in ACTIONS.items():
        if typed in {tr(str(name)), str(name)}:
            return code
    for group, name in GROUPS.items():
        if typed in {tr(str(name)), str(name)}:
            return f"{group}."
    return typed
