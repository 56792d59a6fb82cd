"""The desk's wording of the refusals beyond the counter's own (``ui/errors.py`` holds
those): collectives, evidence and booklets, accounts and the security policy, search,
statistics, sync and bundles, the store key, plain text fields. Each code's English for the
command line is in ``caseworker/services/refusals.py``; the English of these sentences is in
the desk's catalogue (``resources/translations/desk_en.ts``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from caseworker.models.collectives import BOOKLET_STATE_ZH, KIND_ZH, BookletState, CollectiveKind
from caseworker.models.workflow import ACTION_ZH, STATE_ZH, Action, State
from caseworker.services.users import ROLE_ZH
from ui.i18n import term, tr

# code -> (title, sentence); the sentence's {placeholders} are the error's params, and
# {label} the field it concerns as the screen labels it
MORE_WORDING: dict[str, tuple[object, object]] = {  # QT_TRANSLATE_NOOP is typed as object
    "case.invalid": (QT_TRANSLATE_NOOP("", "信息有误"), "{detail}"),  # worded by its problems
    "application.closed": (
        QT_TRANSLATE_NOOP("", "当前状态不能这样办理"),
        QT_TRANSLATE_NOOP("", "申请 {number} 已是“{state}”状态，已经办结，不能再做这项操作。"),
    ),
    "person.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "本机没有身份证号为 {id_number} 的人员。"),
    ),
    "id_number.invalid": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "{label}有误：{problem}。"),
    ),
    "workflow.step_refused": (
        QT_TRANSLATE_NOOP("", "当前状态不能这样办理"),
        QT_TRANSLATE_NOOP("", "申请处于“{state}”状态，不能{action}；现在可以：{allowed}。"),
    ),
    "workflow.closed": (
        QT_TRANSLATE_NOOP("", "当前状态不能这样办理"),
        QT_TRANSLATE_NOOP("", "申请处于“{state}”状态，已经办结，不能{action}。"),
    ),
    "print.missing_glyph": (
        QT_TRANSLATE_NOOP("", "字库缺字"),
        QT_TRANSLATE_NOOP(
            "",
            "无法打印{document}：字库中没有这些字：{characters}，什么也没有打印。"
            "请对照户口簿核对这些字，或请所里的IT人员安装含有这些字的字库。",
        ),
    ),
    "scan.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有找到附加的扫描件 {attachment}。"),
    ),
    "scan.tampered": (
        QT_TRANSLATE_NOOP("", "扫描件已损坏"),
        QT_TRANSLATE_NOOP(
            "",
            "附加的扫描件 {attachment} 与保存时的校验值不符，可能已被改动；"
            "请重新扫描并报告管理员。",
        ),
    ),
    "screen.may_not_confirm": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "{role}不能记录申请人的确认。"),
    ),
    "screen.via_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "申请人的确认只能来自申请人屏幕或经办人（收到的是“{via}”）。"),
    ),
    "screen.save_first": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "请先保存申请（Ctrl+S），再请申请人确认。"),
    ),
    "permission.role_may_not": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "{username}（{role}）无权进行这项操作；需要以下角色之一：{roles}。"),
    ),
    "store.no_administrator": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "本机数据中没有管理员账户；请用命令行创建管理员。"),
    ),
    "store.missing": (
        QT_TRANSLATE_NOOP("", "没有找到存储"),
        QT_TRANSLATE_NOOP(
            "", "{folder} 中没有本所的存储；请先初始化本所，或请IT人员指向正确的数据文件夹。"
        ),
    ),
    "store.settings_damaged": (
        QT_TRANSLATE_NOOP("", "存储已损坏"),
        QT_TRANSLATE_NOOP("", "{path} 已损坏，请从备份恢复。（{problem}）"),
    ),
    "store.no_office": (
        QT_TRANSLATE_NOOP("", "存储已损坏"),
        QT_TRANSLATE_NOOP(
            "", "存储中没有本所的信息，初始化没有完成；请IT人员重新初始化或从备份恢复。"
        ),
    ),
    "store.file_missing": (
        QT_TRANSLATE_NOOP("", "没有找到存储"),
        QT_TRANSLATE_NOOP("", "{path} 不见了；请IT人员从备份恢复。"),
    ),
    "store.audit_key_missing": (
        QT_TRANSLATE_NOOP("", "审计密钥缺失"),
        QT_TRANSLATE_NOOP(
            "",
            "本机当前用户的钥匙串中没有这个存储的审计密钥，审计记录既不能续写也不能核验；"
            "请IT人员放回密钥（IT人员保存有副本），或连同密钥一起恢复存储。",
        ),
    ),
    "setup.office_code": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "派出所代码“{office}”应为 6 到 12 位数字（例如 370102001）。"),
    ),
    "setup.station_required": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "请填写派出所名称。"),
    ),
    "setup.exists": (
        QT_TRANSLATE_NOOP("", "已有存储"),
        QT_TRANSLATE_NOOP(
            "", "{folder} 中已有一个存储，没有改动它；请换一个数据文件夹，或把备份恢复到这里。"
        ),
    ),
    "text.expected": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "{label}应填写文字。"),
    ),
    "text.required": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "请填写{label}。"),
    ),
    "text.too_long": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "{label}有 {length} 个字符，最多 {most} 个；请缩短。"),
    ),
    "text.control_characters": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "{label}含有控制字符；请重新输入。"),
    ),
    "choice.unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "{label}“{value}”不是可选值；可选：{choices}。"),
    ),
    "search.not_understood": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP(
            "", "“{text}”不是身份证号、姓名（汉字或拼音）或申请编号；请换一种方式查找。"
        ),
    ),
    "search.page_range": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "页码应为 1 到 {most}，每页 1 到 500 份申请。"),
    ),
    "search.state_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "没有“{state}”这个状态；可选：{states}。"),
    ),
    "collective.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "您可办理的集体户中没有 {collective}。"),
    ),
    "collective.division_shape": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP(
            "", "区划代码“{division}”应为 6 位（区县）、9 位（街道、乡镇）或 12 位（社区）数字。"
        ),
    ),
    "collective.division_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "区划代码“{division}”：区划数据中没有区县 {county}。"),
    ),
    "collective.street_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "区划代码“{division}”：{county}没有街道或乡镇 {street}。"),
    ),
    "collective.community_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "区划代码“{division}”：{street} 下没有这个社区。"),
    ),
    "collective.administrator_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "没有在用的账户 {username}；请填写集体户管理员的用户名。"),
    ),
    "collective.administrator_role": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP(
            "", "{username} 是{role}，不是集体户管理员；请先为其建立集体户管理员账户。"
        ),
    ),
    "collective.kind_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "没有“{kind}”这种集体户类别；可选：{kinds}。"),
    ),
    "collective.not_editable": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "不能修改{fields}；可修改：{editable}。"),
    ),
    "collective.changed_meanwhile": (
        QT_TRANSLATE_NOOP("", "集体户已被他人修改"),
        QT_TRANSLATE_NOOP(
            "", "这个集体户刚刚被他人修改，您的操作没有保存。请重新打开它，再办理一次。"
        ),
    ),
    "collective.closed": (
        QT_TRANSLATE_NOOP("", "集体户已注销"),
        QT_TRANSLATE_NOOP("", "集体户 {collective} 已注销，保持原样；请选择一个在用的集体户。"),
    ),
    "collective.closed_already": (
        QT_TRANSLATE_NOOP("", "集体户已注销"),
        QT_TRANSLATE_NOOP("", "集体户 {collective} 已经注销。"),
    ),
    "collective.has_members": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP(
            "", "集体户 {collective} 还有 {members} 名在册人员；请先迁出或转户，再注销。"
        ),
    ),
    "collective.admit_state": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP("", "申请 {number} 处于“{state}”状态；申请审查符合并经批准后才能入户。"),
    ),
    "collective.admit_not_eligible": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP("", "申请 {number} 的审查结论不是“符合”，不能入户。"),
    ),
    "collective.admit_not_collective": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP(
            "", "申请 {number} 落户到“{household}”，不是集体户；只有落户集体户的申请才能入户。"
        ),
    ),
    "collective.admit_kind": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP("", "申请 {number} 是落户{wanted}的申请，集体户 {collective} 是{kind}。"),
    ),
    "collective.admit_county": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP(
            "", "申请 {number} 落户在 {county}，集体户 {collective} 在 {collective_county}。"
        ),
    ),
    "collective.lease_needed": (
        QT_TRANSLATE_NOOP("", "不能入户"),
        QT_TRANSLATE_NOOP("", "申请 {number} 是兜底落户：请先登记经备案的租赁合同，再入户。"),
    ),
    "collective.registered_elsewhere": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP("", "{name} 自 {since} 起已在集体户 {collective} 登记；请先迁出或转户。"),
    ),
    "collective.registered_here": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP("", "{name} 已在集体户 {collective} 登记。"),
    ),
    "collective.no_roster_row": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "集体户 {collective} 的名册中没有第 {row} 行。"),
    ),
    "collective.row_not_member": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "名册第 {row} 行的人员现已不在集体户 {collective}。"),
    ),
    "collective.not_member": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "身份证号 {id_number} 的人员现不在集体户 {collective} 登记。"),
    ),
    "collective.one_destination": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "请选择一个去向：转入另一个集体户，或迁往一个家庭户。"),
    ),
    "evidence.kind_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "没有“{kind}”这种证明材料；可选：{kinds}。"),
    ),
    "evidence.date_in_future": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "日期 {date} 在今天之后；请填写房主签字或租赁合同备案的日期。"),
    ),
    "evidence.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有证明材料 {evidence}。"),
    ),
    "booklet.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有家庭户口簿申请 {booklet}。"),
    ),
    "booklet.relation_unknown": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "没有“{relation}”这种关系；可选：{relations}。"),
    ),
    "booklet.members_needed": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "请填写户主以外的家庭成员。"),
    ),
    "booklet.decided_already": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "家庭户口簿 {booklet} 已是“{state}”状态。"),
    ),
    "booklet.maker_checker": (
        QT_TRANSLATE_NOOP("", "需由另一位审核人员决定"),
        QT_TRANSLATE_NOOP(
            "", "{username} 受理了家庭户口簿申请 {booklet}，不能再决定它；请由另一位审核人员决定。"
        ),
    ),
    "booklet.not_decided": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "家庭户口簿 {booklet} 尚未决定，不能打印。"),
    ),
    "statistics.not_listed": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "只有按以下分组统计时才能列出每行背后的申请：{dimensions}。"),
    ),
    "statistics.period_reversed": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "统计期间的结束日期 {date_to} 早于开始日期 {date_from}；请对调。"),
    ),
    "statistics.period_too_long": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "一份统计最长十年；请缩短统计期间。"),
    ),
    "user.not_active": (
        QT_TRANSLATE_NOOP("", "无权操作"),
        QT_TRANSLATE_NOOP("", "本机没有在用的账户 {username}。"),
    ),
    "user.not_found": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有账户 {username}。"),
    ),
    "user.name_shape": (
        QT_TRANSLATE_NOOP("", "账户设置有误"),
        QT_TRANSLATE_NOOP(
            "", "用户名“{username}”应为 2 到 30 个小写字母、数字或 . - _，并以字母开头。"
        ),
    ),
    "user.display_name_long": (
        QT_TRANSLATE_NOOP("", "账户设置有误"),
        QT_TRANSLATE_NOOP("", "显示名称最多 {most} 个字符。"),
    ),
    "user.exists": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP("", "账户 {username} 已经存在。"),
    ),
    "user.disable_self": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "不能停用自己正在使用的账户。"),
    ),
    "user.last_admin": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "{username} 是最后一个在用的管理员账户，不能停用。"),
    ),
    "policy.lockout_attempts": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP("", "锁定前允许输错密码的次数应为 1 到 100。"),
    ),
    "policy.lockout_minutes": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP("", "锁定时长应为 1 到 1440 分钟。"),
    ),
    "policy.idle_minutes": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP("", "无操作自动锁屏时间应为 1 到 240 分钟。"),
    ),
    "policy.role_unknown": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP("", "没有“{role}”这个角色；可选：{roles}。"),
    ),
    "policy.setting_unknown": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP("", "没有这些设置项：{settings}。"),
    ),
    "policy.totp_lockout": (
        QT_TRANSLATE_NOOP("", "安全设置有误"),
        QT_TRANSLATE_NOOP(
            "", "要求{role}使用动态口令会把您自己锁在外面；请先为 {username} 绑定动态口令。"
        ),
    ),
    "sync.address": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "“{url}”不是中心系统的地址（例如 https://central.example:8470）。"),
    ),
    "sync.enrolment_failed": (
        QT_TRANSLATE_NOOP("", "同步未完成"),
        QT_TRANSLATE_NOOP(
            "", "本机未能登记到中心系统；请核对地址和中心管理员给的登记码，再试一次。（{problem}）"
        ),
    ),
    "sync.stale_days_range": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "允许不同步的天数应为 1 到 60。"),
    ),
    "sync.not_enrolled": (
        QT_TRANSLATE_NOOP("", "同步未完成"),
        QT_TRANSLATE_NOOP("", "本机尚未登记到中心系统；请管理员在联网时登记一次。"),
    ),
    "sync.resolution_needed": (
        QT_TRANSLATE_NOOP("", "信息有误"),
        QT_TRANSLATE_NOOP("", "请写明如何处理了这个冲突；处理说明会记入审计记录。"),
    ),
    "sync.no_open_conflict": (
        QT_TRANSLATE_NOOP("", "没有找到"),
        QT_TRANSLATE_NOOP("", "没有未处理的同步冲突 {conflict}。"),
    ),
    "sync.nothing_to_resend": (
        QT_TRANSLATE_NOOP("", "无法办理"),
        QT_TRANSLATE_NOOP("", "同步冲突 {conflict} 没有暂存的操作可以重新发送。"),
    ),
    "sync.stale_for_clerk": (
        QT_TRANSLATE_NOOP("", "同步未完成"),
        QT_TRANSLATE_NOOP(
            "",
            "本机已 {days} 天未与中心系统同步（允许 {allowed} 天）；"
            "同步之前，准迁证须由审核人员开具。",
        ),
    ),
    "bundle.no_central_key": (
        QT_TRANSLATE_NOOP("", "同步未完成"),
        QT_TRANSLATE_NOOP(
            "", "本机还不知道中心系统的加密密钥；请先联网同步一次（或重新登记），再导出同步包。"
        ),
    ),
    "bundle.unreadable": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "这个同步包无法读取，可能已损坏或不完整；请重新导出。（{problem}）"),
    ),
    "bundle.other_centre": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "这个同步包是为另一个中心系统制作的；没有做任何改动。"),
    ),
    "bundle.relay_failed": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "同步包未能送达中心系统；请检查网络后再试。（{problem}）"),
    ),
    "bundle.kind_unknown": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "不认识的同步包类型“{kind}”。"),
    ),
    "bundle.other_desk": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "这个回执包是给另一个派出所的；请带到那里导入。"),
    ),
    "bundle.return_other_centre": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP("", "这个回执包来自另一个中心系统。"),
    ),
    "bundle.older": (
        QT_TRANSLATE_NOOP("", "同步包无法导入"),
        QT_TRANSLATE_NOOP(
            "",
            "这个回执包（对应第 {seq} 个同步包）比已导入的（第 {applied} 个）更旧；"
            "没有做任何改动。",
        ),
    ),
    "key.unreadable": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP("", "无法读取本机数据的密钥。（{problem}）"),
    ),
    "key.passphrase_count": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP("", "请给出一个恢复文件，或两位保管人各自的分片。"),
    ),
    "key.recovery_refused": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP("", "密钥恢复文件无法使用；请核对文件和口令。（{problem}）"),
    ),
    "key.other_store": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP(
            "",
            "{folder} 已存有另一个派出所的数据（{existing}）；"
            "恢复文件属于数据 {store}（{office}）。请导入到空的数据文件夹。",
        ),
    ),
    "key.no_keyring": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP(
            "", "本机没有可用的系统密钥库；请把密钥导入到一个只有本用户能读取的文件。"
        ),
    ),
    "key.file_taken": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP("", "{file} 中已保存了另一把密钥；请换一个文件名。"),
    ),
    "key.unavailable": (
        QT_TRANSLATE_NOOP("", "密钥恢复失败"),
        QT_TRANSLATE_NOOP("", "无法保存或读取密钥。（{problem}）"),
    ),
}

# the fields these refusals concern, as a form labels them (before the intake's own names)
MORE_LABELS: dict[str, object] = {
    "name": QT_TRANSLATE_NOOP("", "名称"),
    "address": QT_TRANSLATE_NOOP("", "地址"),
    "sponsor": QT_TRANSLATE_NOOP("", "主办单位"),
    "reason": QT_TRANSLATE_NOOP("", "理由"),
    "destination": QT_TRANSLATE_NOOP("", "去向"),
    "family household": QT_TRANSLATE_NOOP("", "家庭户"),
    "owner_name": QT_TRANSLATE_NOOP("", "房主姓名"),
    "owner_id_number": QT_TRANSLATE_NOOP("", "房主身份证号"),
    "lease_registration": QT_TRANSLATE_NOOP("", "租赁备案号"),
    "id_number": QT_TRANSLATE_NOOP("", "身份证号"),
    "search": QT_TRANSLATE_NOOP("", "查找内容"),
    "by": QT_TRANSLATE_NOOP("", "统计分组"),
    "department": QT_TRANSLATE_NOOP("", "报送部门"),
    "format": QT_TRANSLATE_NOOP("", "文件格式"),
    "role": QT_TRANSLATE_NOOP("", "角色"),
}


def more_terms(
    code: str,
    params: dict[str, object],
    *,
    field: str | None,
    label_of: Callable[[str], str],
) -> dict[str, object]:
    """A refusal's params in the desk's language: its field's label, a state, a step, the
    steps allowed, a role or roles, a collective's kind."""
    out = dict(params)
    if field:
        out["label"] = tr(str(MORE_LABELS[field])) if field in MORE_LABELS else label_of(field)
    states = {s.value: s for s in State}
    actions = {a.value: a for a in Action}
    booklet_states = {s.value: s for s in BookletState}
    kinds = {k.value: k for k in CollectiveKind}
    state = str(out.get("state", ""))
    if code.startswith("booklet.") and state in booklet_states:
        out["state"] = term(BOOKLET_STATE_ZH[booklet_states[state]], state)
    elif state in states:
        out["state"] = term(STATE_ZH[states[state]], state)
    action = str(out.get("action", ""))
    if action in actions:
        out["action"] = term(ACTION_ZH[actions[action]], action)
    if "allowed" in out:
        allowed = [a for a in str(out["allowed"]).split(", ") if a in actions]
        out["allowed"] = tr("、").join(term(ACTION_ZH[actions[a]], a) for a in allowed)
    if "role" in out:
        role = str(out["role"])
        out["role"] = term(ROLE_ZH.get(role, role), role)
    if "roles" in out:
        roles = [r for r in str(out["roles"]).split(", ") if r]
        out["roles"] = tr("、").join(term(ROLE_ZH.get(r, r), r) for r in roles)
    if code == "collective.admit_kind":
        for name in ("wanted", "kind"):
            value = str(out.get(name, ""))
            if value in kinds:
                out[name] = term(KIND_ZH[kinds[value]], value)
    return out
