"""The audit trail as a person reads it: each recorded action by its name, and an event's
details as 字段：值 lines, in Chinese and English.

The codes (``application.accept``, ``login.failed``) and the details' keys are the
trail's; a supervisor reads 受理, 登录失败 and 申请编号：370102001-…. Every action a
service records has its name here (``tests/services/test_audit_names.py`` finds them
in the services' code). Session ids and digests are left out: they mean nothing to a
reader and the chain is verified by its own button."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from caseworker.models.collectives import (
    BOOKLET_STATE_ZH,
    EVIDENCE_ZH,
    KIND_ZH,
    MOVEMENT_ZH,
)
from caseworker.models.workflow import STATE_ZH
from caseworker.printing.model import TITLES
from caseworker.rules.decision import STATUS_ZH
from caseworker.services.permissions import ROLE_ZH

#: action code -> (Chinese, English)
ACTION_NAMES: dict[str, tuple[str, str]] = {
    "application.create": ("新建申请", "application created"),
    "application.edit": ("修改申请", "application changed"),
    "application.accept": ("受理", "accepted"),
    "application.decide": ("审查", "decided"),
    "application.approve": ("批准", "approved"),
    "application.issue_permit": ("开具准迁证", "permit issued"),
    "application.mark_settled": ("办结落户", "settled"),
    "application.refuse": ("不予受理/不予批准", "refused"),
    "application.withdraw": ("撤回申请", "withdrawn"),
    "application.void": ("作废申请", "application voided"),
    "application.view": ("查看申请", "application viewed"),
    "application.document_seen": ("查验材料", "document seen"),
    "application.attach": ("附加扫描件", "scan attached"),
    "application.applicant_confirmed": ("申请人确认信息", "applicant confirmed"),
    "audit.verify": ("校验审计链条", "audit trail verified"),
    "audit.row_mismatch": ("申请数据被改动，操作已拒绝", "application changed outside: refused"),
    "audit.rolled_back": ("发现本机存储被退回旧副本", "store found rolled back"),
    "booklet.apply": ("申请家庭户口簿", "family booklet applied for"),
    "booklet.decide": ("审批家庭户口簿", "family booklet decided"),
    "booklet.print": ("打印家庭户口簿", "family booklet printed"),
    "booklet.withdraw": ("收回家庭户口簿", "family booklet withdrawn"),
    "collective.create": ("新建集体户", "collective household created"),
    "collective.edit": ("修改集体户", "collective household changed"),
    "collective.close": ("关闭集体户", "collective household closed"),
    "collective.admit": ("集体户接收入户", "admitted to a collective"),
    "collective.move_out": ("集体户迁出", "moved out of a collective"),
    "collective.transfer_in": ("转入集体户", "transferred in"),
    "collective.transfer_out": ("转出集体户", "transferred out"),
    "collective.evidence": ("登记落户证明材料", "evidence recorded"),
    "collective.roster": ("查看集体户名册", "roster viewed"),
    "collective.print_roster": ("打印集体户名册", "roster printed"),
    "collective.print_evidence": ("打印落户证明材料", "evidence printed"),
    "collective.export": ("导出集体户名册", "roster exported"),
    "document.print": ("打印文书", "document printed"),
    "document.reprint": ("补打文书", "document reprinted"),
    "document.void": ("作废文书", "document voided"),
    "document.verify": ("核验文书", "document verified"),
    "key.export": ("导出恢复密钥", "recovery key exported"),
    "login": ("登录", "logged in"),
    "login.failed": ("登录失败", "login failed"),
    "login.locked": ("账户锁定", "account locked"),
    "login.refused": ("拒绝登录", "login refused"),
    "logout": ("退出登录", "logged out"),
    "unlock": ("解除锁屏", "screen unlocked"),
    "password.change": ("修改密码", "password changed"),
    "settings.security": ("修改安全设置", "security settings changed"),
    "statistics.export": ("导出统计", "statistics exported"),
    "store.init": ("建立本机存储", "store created"),
    "store.backup": ("备份本机存储", "store backed up"),
    "store.restore": ("恢复备份", "backup restored"),
    "sync.enrol": ("登记到中心", "enrolled with the centre"),
    "sync.settings": ("修改同步设置", "sync settings changed"),
    "sync.resolve": ("处理同步冲突", "sync conflict resolved"),
    "sync.rule_pack": ("接收规则包", "rule pack received"),
    "sync.bundle_export": ("导出同步包", "sync bundle exported"),
    "sync.bundle_relay": ("转交同步包", "sync bundle relayed"),
    "sync.bundle_return": ("导入回执包", "return bundle read"),
    "user.add": ("新增用户", "user added"),
    "user.disable": ("停用用户", "user disabled"),
    "user.enable": ("启用用户", "user enabled"),
    "user.reset_password": ("重置密码", "password reset"),
    "user.unlock": ("解锁用户", "user unlocked"),
    "user.totp": ("设置动态口令", "one-time code set up"),
    "user.totp_removed": ("取消动态口令", "one-time code removed"),
}
#: a document's steps named with the document (打印准予迁入证明)
_DOCUMENT_STEPS = {
    "document.print": ("打印", "printed"),
    "document.reprint": ("补打", "reprinted"),
    "document.void": ("作废", "voided"),
    "document.verify": ("核验", "verified"),
}
#: detail key -> (Chinese, English)
DETAIL_NAMES: dict[str, tuple[str, str]] = {
    "number": ("申请编号", "application"),
    "receipt_number": ("受理回执编号", "receipt number"),
    "permit_number": ("准迁证编号", "permit number"),
    "accepted_by": ("受理人", "accepted by"),
    "decided_by": ("审查人", "decided by"),
    "approved_by": ("批准人", "approved by"),
    "filename": ("文件名", "file"),
    "fields": ("识别的栏目", "fields read"),
    "relation": ("关系", "relation"),
    "lives_together": ("共同居住", "lives together"),
    "state": ("状态", "state"),
    "reason": ("理由", "reason"),
    "version": ("版本", "version"),
    "decision": ("审查结论", "decision"),
    "missing": ("缺少材料", "missing"),
    "document": ("文书或材料", "document"),
    "kind": ("种类", "kind"),
    "copy": ("份次", "copy"),
    "counterfoil": ("含存根", "with counterfoil"),
    "username": ("用户名", "user name"),
    "role": ("角色", "role"),
    "source": ("登录方式", "from"),
    "attempt": ("第几次", "attempt"),
    "locked": ("已锁定", "locked"),
    "until": ("锁定至", "locked until"),
    "clock": ("时钟", "clock"),
    "collective": ("集体户", "collective"),
    "booklet": ("家庭户口簿编号", "booklet"),
    "members": ("人数", "members"),
    "people": ("人员", "people"),
    "person": ("人员", "person"),
    "owner": ("房主", "owner"),
    "destination": ("迁往", "to"),
    "evidence": ("证明材料编号", "evidence"),
    "subject": ("事项", "subject"),
    "changed": ("修改项", "changed"),
    "on": ("申请日期", "application date"),
    "days_late": ("补录相隔天数", "days entered late"),
    "overrides_decision": ("推翻的审查结论", "decision overridden"),
    "by": ("分组", "grouped by"),
    "from": ("起", "from"),
    "to": ("止", "to"),
    "format": ("格式", "format"),
    "department": ("部门", "department"),
    "rows": ("行数", "rows"),
    "count": ("条数", "count"),
    "scans": ("扫描件", "scans"),
    "events": ("事件数", "events"),
    "findings": ("问题数", "problems"),
    "policy": ("规则包", "rule pack"),
    "conflict": ("冲突编号", "conflict"),
    "key": ("记录", "record"),
    "operations": ("操作数", "operations"),
    "receipts": ("回执数", "receipts"),
    "resend": ("重发", "resent"),
    "via": ("途径", "via"),
    "central": ("中心地址", "centre"),
    "office_code": ("派出所代码", "office code"),
    "station": ("派出所", "station"),
    "stale_days": ("超期天数", "days overdue"),
    "device_id": ("设备", "device"),
    "seq": ("序号", "sequence"),
    "found": ("发现", "found"),
    "mark": ("高水位标记", "high-water mark"),
    "high_water_mark": ("高水位标记", "high-water mark"),
}
#: never shown: ids and digests that mean nothing to a reader
HIDDEN = frozenset(
    {
        "session",
        "shown_sha256",
        "sha256",
        "digest",
        "signature",
        "person_id",
        "member_id",
        "facts_sha256",
    }
)
#: a detail value that is a word of the code, by key
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "source": {
        "desk": ("窗口", "desk"),
        "cli": ("命令行", "command line"),
        "countersign": ("审核人员会签", "countersigning"),
        "desk:totp": ("窗口（动态口令）", "desk (one-time code)"),
        "cli:totp": ("命令行（动态口令）", "command line (one-time code)"),
        "countersign:totp": ("审核人员会签（动态口令）", "countersigning (one-time code)"),
    },
    "reason": {"no totp": ("未设置动态口令", "no one-time code set up")},
    "clock": {"set back": ("时钟被调回", "set back")},
    "state": {
        **{s.value: (zh, s.value.replace("_", " ")) for s, zh in STATE_ZH.items()},
        **{s.value: (zh, s.value) for s, zh in BOOKLET_STATE_ZH.items()},
    },
    "kind": {
        **{k.value: (zh, k.value) for k, zh in TITLES.items()},
        **{k.value: (zh, k.value) for k, zh in KIND_ZH.items()},
        **{k.value: (zh, k.value.replace("_", " ")) for k, zh in EVIDENCE_ZH.items()},
        **{k.value: (zh, k.value.replace("_", " ")) for k, zh in MOVEMENT_ZH.items()},
    },
    "decision": {k: (zh, k.replace("_", " ")) for k, zh in STATUS_ZH.items()},
    "role": {k: (zh, k.replace("_", " ")) for k, zh in ROLE_ZH.items()},
    "format": {"csv": ("CSV", "CSV"), "pdf": ("PDF", "PDF"), "xlsx": ("XLSX", "XLSX")},
}
_HEX = re.compile(r"^[0-9a-f]{16,}$")


def action_name(action: str, detail: Mapping[str, Any] | None = None) -> tuple[str, str]:
    """(Chinese, English) for one action; a document's step names its document."""
    step = _DOCUMENT_STEPS.get(action)
    kind = str((detail or {}).get("kind", ""))
    if step is not None and kind in _VALUES["kind"]:
        zh, en = _VALUES["kind"][kind]
        return f"{step[0]}{zh}", f"{en} {step[1]}"
    return ACTION_NAMES.get(action, ("其他操作", "other action"))


def actions_named(text: str) -> tuple[str, ...]:
    """The action codes whose name (in either language) or code contains ``text``; a
    document's title (准予迁入证明) finds the document steps."""
    wanted = text.strip().lower()
    found = [
        code
        for code, (zh, en) in ACTION_NAMES.items()
        if wanted in zh or wanted in en.lower() or code.startswith(wanted)
    ]
    if any(wanted in zh or wanted in en for zh, en in _VALUES["kind"].values()):
        found += [code for code in _DOCUMENT_STEPS if code not in found]
    return tuple(found)


def _value(key: str, value: Any, *, zh: bool) -> str:
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, (list, tuple)):
        return ("、" if zh else ", ").join(_value(key, v, zh=zh) for v in value)
    if isinstance(value, dict):
        return ("；" if zh else "; ").join(
            f"{k}：{_value(str(k), v, zh=zh)}" if zh else f"{k}: {_value(str(k), v, zh=zh)}"
            for k, v in value.items()
        )
    text = str(value)
    known = _VALUES.get(key, {}).get(text)
    if known is not None:
        return known[0] if zh else known[1]
    if _HEX.match(text):
        return text[:8] + "…"
    return text


def detail_lines(detail: Mapping[str, Any] | None, *, zh: bool) -> list[str]:
    """One event's details as 字段：值 lines (Field: value in English); ids and digests
    left out; a key without a name of its own under 其他."""
    lines = []
    for key, value in (detail or {}).items():
        if key in HIDDEN or value in (None, "", [], {}):
            continue
        names = DETAIL_NAMES.get(key, ("其他", "other"))
        shown = _value(key, value, zh=zh)
        lines.append(f"{names[0]}：{shown}" if zh else f"{names[1]}: {shown}")
    return lines
