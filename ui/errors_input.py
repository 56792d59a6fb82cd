"""The wording of the refusals of impossible input (``caseworker/services/
application_checks.py``) and of the workflow's roles: an application dated after today, a
relative who cannot be who they are said to be, maker-checker on refusals, an application
a collective-hukou administrator may not see. ``ui.errors`` merges these into its own."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import RELATION_ZH, MaritalStatus, Relation
from ui.i18n import term, tr

INPUT_WORDING: dict[str, tuple[object, object]] = {
    "application.date_in_future": (
        QT_TRANSLATE_NOOP("", "申请日期有误"),
        QT_TRANSLATE_NOOP(
            "",
            "申请日期 {on} 晚于今天（{today}）；申请日期不能晚于今天，"
            "请按申请人提出申请的日期填写。",
        ),
    ),
    "application.date_before_policies": (
        QT_TRANSLATE_NOOP("", "申请日期有误"),
        QT_TRANSLATE_NOOP(
            "",
            "申请日期 {on} 早于本系统所载最早的落户政策（{first} 起施行），无法审查；"
            "请核对日期，或按纸质流程办理。",
        ),
    ),
    "application.exists_here": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP("", "此人在本所已有申请；请向户籍窗口咨询。"),
    ),
    "application.materials_missing": (
        QT_TRANSLATE_NOOP("", "材料未查验齐全"),
        QT_TRANSLATE_NOOP(
            "",
            "申请 {number} 还不能开具准迁证：所依据途径的以下材料尚未登记查验：{listed}。"
            "请查验原件并逐项勾选，再开具准迁证。",
        ),
    ),
    "application.exists_elsewhere": (
        QT_TRANSLATE_NOOP("", "重复申请"),
        QT_TRANSLATE_NOOP("", "中心人口索引显示此人在其他派出所有申请；请向户籍窗口咨询。"),
    ),
    "relative.is_applicant": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP(
            "",
            "{who} 的身份证号与申请人相同；申请人本人不能作为随迁人员，请核对号码或删除此人。",
        ),
    ),
    "relative.listed_twice": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP("", "{who} 与第 {first} 位随迁人员是同一人；每人只列一次。"),
    ),
    "relative.not_younger": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP(
            "",
            "{who} 出生于 {born}，而{relation}应比申请人（出生于 {applicant_born}）"
            "至少小 {years} 岁；请核对出生日期和关系。",
        ),
    ),
    "relative.not_older": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP(
            "",
            "{who} 出生于 {born}，而{relation}应比申请人（出生于 {applicant_born}）"
            "至少大 {years} 岁；请核对出生日期和关系。",
        ),
    ),
    "relative.spouse_of_unmarried": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP(
            "",
            "{who}：申请人的婚姻状况是“{status}”，不会有配偶随迁；请核对申请人的婚姻状况或此人的关系。",
        ),
    ),
    "relative.spouse_not_married": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP(
            "", "{who}：配偶本人的婚姻状况是“{status}”；请核对此人的婚姻状况或关系。"
        ),
    ),
    "relative.second_spouse": (
        QT_TRANSLATE_NOOP("", "随迁人员有误"),
        QT_TRANSLATE_NOOP("", "{who}：申请人只有一位配偶，这是第二位；请核对关系。"),
    ),
    "application.maker_checker_accepted_refuse": (
        QT_TRANSLATE_NOOP("", "需由另一位审核人员决定"),
        QT_TRANSLATE_NOOP(
            "",
            "{username} 受理了申请 {number}，不能再作不予批准的决定；"
            "请由另一位审核人员决定（受理与决定分人办理）。",
        ),
    ),
    "application.maker_checker_facts_refuse": (
        QT_TRANSLATE_NOOP("", "需由另一位审核人员决定"),
        QT_TRANSLATE_NOOP(
            "",
            "{username} 录入或修改过申请 {number} 的审查依据，不能作不予批准的决定；"
            "请由另一位审核人员决定。",
        ),
    ),
}

_RELATIVE_CODES = (
    "relative.is_applicant",
    "relative.listed_twice",
    "relative.not_younger",
    "relative.not_older",
    "relative.spouse_of_unmarried",
    "relative.spouse_not_married",
    "relative.second_spouse",
)


def relative_terms(params: dict[str, object]) -> dict[str, object]:
    """The relative as the clerk sees them in the list (第 2 位随迁人员 配偶 李四), the
    relation and a marital status in the desk's language."""
    out = dict(params)
    relation = str(params.get("relation", ""))
    known = {r.value: r for r in Relation}
    said = term(RELATION_ZH[known[relation]], relation) if relation in known else relation
    out["relation"] = said
    out["who"] = (
        tr("第 {n} 位随迁人员（{relation}）{name}")
        .format(n=params.get("position", ""), relation=said, name=params.get("name", ""))
        .strip()
    )
    status = str(params.get("status", ""))
    labels = LABELS[MaritalStatus]
    if status in labels:
        out["status"] = term(*labels[status])
    return out


INPUT_PARAMS = dict.fromkeys(_RELATIVE_CODES, relative_terms)
