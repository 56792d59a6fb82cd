"""The catalogue of facts a rule may read: name, type, question label and asking order.

A rule pack may only name facts listed here, with an operator that suits the
fact's type; the list's order is the order in which the desk asks questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from caseworker.models import enums


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    kind: str  # bool | enum | int | date | date_or_false | county | awards | zone
    label_zh: str
    label_en: str
    enum: type[StrEnum] | None = None
    ordered: bool = False
    #: something an applicant can go and obtain (a permit, a consent, a registration),
    #: so "eligible if ..." is useful advice; identity and history are not
    attainable: bool = False

    @property
    def short(self) -> str:
        """The name used in reasons and questions, as case-format.md shows it."""
        return self.name.removeprefix("applicant.")


def _f(
    name: str,
    kind: str,
    zh: str,
    en: str,
    enum: type[StrEnum] | None = None,
    *,
    ordered: bool = False,
) -> FactSpec:
    return FactSpec(name, kind, zh, en, enum, ordered, name in _ATTAINABLE)


_ATTAINABLE = frozenset(
    {
        "destination.household",
        "applicant.labor_contract",
        "applicant.pension_months",
        "applicant.social_insurance_in_city",
        "applicant.residence_permit",
        "applicant.housing_certificate",
        "applicant.rental_registered",
        "applicant.owner_consents",
        "applicant.collective_accepts",
        "applicant.business_premises",
    }
)


FACTS: tuple[FactSpec, ...] = (
    _f("on", "date", "申请日期", "application date"),
    _f("zone", "zone", "所在片区", "zone of the destination"),
    _f("destination.county", "county", "拟落户区县", "destination county"),
    _f("destination.street", "text", "拟落户街道（镇）", "destination street or town"),
    _f("destination.zone", "enum", "聊城功能区", "Liaocheng functional zone", enums.FunctionalZone),
    _f("destination.area", "enum", "城区、镇区还是农村", "urban, town or rural area", enums.Area),
    _f(
        "destination.household",
        "enum",
        "落户到哪类户",
        "household to register in",
        enums.HouseholdKind,
    ),
    _f("applicant.age", "int", "年龄（周岁）", "age in whole years"),
    _f("applicant.sex", "enum", "性别", "sex", enums.Sex),
    _f(
        "applicant.birthplace_code",
        "county",
        "出生地代码（身份证前六位）",
        "birthplace code (first six digits of the ID)",
    ),
    _f("applicant.hukou_county", "county", "现户口所在区县", "county of the current hukou"),
    _f(
        "applicant.hukou_since",
        "date_or_false",
        "何时迁入现户口所在地",
        "since when the hukou is at its present place",
    ),
    _f(
        "applicant.laiwu_hukou_since",
        "date_or_false",
        "户口由原莱芜市直接迁来的，何时在莱芜落户（自出生即在莱芜填“否”；非直接迁来的不填）",
        "hukou came straight from former Laiwu: registered there since "
        "(there since birth: no; not straight from there: leave empty)",
    ),
    _f("applicant.rural_hukou", "bool", "是否农村籍", "rural hukou"),
    _f("applicant.marital_status", "enum", "婚姻状况", "marital status", enums.MaritalStatus),
    _f(
        "applicant.joins.relative",
        "enum",
        "投靠哪位已在当地落户的亲属",
        "relative already registered there (family reunion)",
        enums.FamilyReunionRelative,
    ),
    _f("applicant.joins.relative_sex", "enum", "被投靠人性别", "sex of that relative", enums.Sex),
    _f("applicant.joins.married_on", "date", "结婚登记日期", "date of marriage"),
    _f(
        "applicant.joins.previous_spouse_reunion",
        "bool",
        "是否办理过在济夫妻投靠",
        "earlier spouse reunion in Jinan",
    ),
    _f("applicant.joins.parents_deceased", "bool", "父母是否双亡", "both parents deceased"),
    _f(
        "applicant.joins.relative_settled_by_parent_reunion",
        "bool",
        "被投靠的父母本人是否以投靠子女落户",
        "that parent settled by joining a child",
    ),
    _f(
        "applicant.employed_in_city",
        "bool",
        "是否在本市合法稳定就业",
        "legal stable employment in the city",
    ),
    _f("applicant.labor_contract", "bool", "是否签订劳动合同", "labour contract signed"),
    _f("applicant.flexible_worker", "bool", "是否灵活就业", "flexible worker"),
    _f(
        "applicant.business_license_since",
        "date_or_false",
        "营业执照办理日期",
        "business licence issued on",
    ),
    _f(
        "applicant.business_premises",
        "bool",
        "是否有固定独立成套的经营场所",
        "fixed self-contained business premises",
    ),
    _f(
        "applicant.pension_months",
        "int",
        "本市城镇职工养老保险缴费月数",
        "months of urban employee pension insurance in the city",
    ),
    _f(
        "applicant.social_insurance_in_city",
        "bool",
        "是否在本市城区缴纳社保",
        "social insurance paid in the city's urban area",
    ),
    _f("applicant.residence_permit", "bool", "是否持有本市居住证", "residence permit of the city"),
    _f("applicant.housing", "enum", "在当地的合法住所", "legal residence", enums.Housing),
    _f(
        "applicant.housing_certificate",
        "bool",
        "是否取得住宅用途房产证或不动产权证",
        "property certificate for residential use",
    ),
    _f(
        "applicant.purchase_delivery_date",
        "date_or_false",
        "购房合同约定交房日期",
        "contracted delivery date",
    ),
    _f("applicant.rental_registered", "bool", "租赁合同是否登记备案", "lease registered"),
    _f(
        "applicant.owner_consents",
        "bool",
        "房主（户主）是否同意落户",
        "owner or householder agrees",
    ),
    _f(
        "applicant.collective_accepts",
        "bool",
        "集体户单位是否同意接收",
        "holder of the collective household agrees",
    ),
    _f(
        "applicant.purchased_under_old_policy",
        "bool",
        "是否2017-08-01前按原购房落户政策购房",
        "bought under the former purchase-settlement policy",
    ),
    _f(
        "applicant.education",
        "enum",
        "最高学历",
        "highest education",
        enums.Education,
        ordered=True,
    ),
    _f("applicant.degree", "enum", "最高学位", "highest degree", enums.Degree, ordered=True),
    _f("applicant.full_time", "bool", "是否全日制", "full-time study"),
    _f(
        "applicant.title",
        "enum",
        "专业技术职务资格",
        "professional title",
        enums.Title,
        ordered=True,
    ),
    _f(
        "applicant.skill", "enum", "职业资格", "vocational qualification", enums.Skill, ordered=True
    ),
    _f(
        "applicant.talent_class",
        "enum",
        "人才分类目录类别",
        "talent catalogue class",
        enums.TalentClass,
    ),
    _f("applicant.awards", "awards", "表彰和职业技能竞赛获奖", "commendations and contest prizes"),
    _f(
        "applicant.recognized_talent",
        "bool",
        "是否经认定的各领域人才或优秀农民工",
        "recognised talent or outstanding migrant worker",
    ),
    _f(
        "applicant.non_local_student",
        "bool",
        "是否外地高校在校生",
        "student of a university outside the city",
    ),
    _f("applicant.local_student", "bool", "是否本地院校在校生", "student of a local college"),
    _f("applicant.graduate", "bool", "是否大中专（技工）院校毕业生", "graduate"),
    _f("applicant.veteran", "bool", "是否复退转军人", "discharged or retired serviceman"),
    _f(
        "applicant.policy_category",
        "enum",
        "政策性迁入类别",
        "policy transfer category",
        enums.PolicyCategory,
    ),
    _f("applicant.has_homestead", "bool", "是否有农村宅基地使用权", "rural homestead use right"),
    _f(
        "applicant.returned_rural_work_months",
        "int",
        "返乡就业创业月数",
        "months working in a rural place after returning",
    ),
    _f(
        "applicant.settled_in_town_since",
        "date_or_false",
        "何时由农村进城落户",
        "date of an earlier move from the countryside into a town",
    ),
    _f(
        "applicant.rural_construction_talent",
        "bool",
        "是否农村建设创新创业人才",
        "rural-construction talent",
    ),
)

FACT_BY_NAME: dict[str, FactSpec] = {fact.name: fact for fact in FACTS}
ASKING_ORDER: dict[str, int] = {fact.name: i for i, fact in enumerate(FACTS)}

#: the checks only a person can make (``manual:NAME`` in a pack), in Chinese and English
MANUAL_CHECKS: dict[str, tuple[str, str]] = {
    "former_purchase_policy": (
        "按原购房落户政策人工核查",
        "former purchase-settlement policy: check by hand",
    ),
    "district_conditions": (
        "按区（市）确定的落户条件人工核查",
        "the district's own settlement conditions: check by hand",
    ),
    "pingyin_county_rules": (
        "亲属投靠按平阴县本地实施细则人工核查",
        "family reunion under Pingyin county's own rules (平阴县实施细则): check by hand",
    ),
    "jiyang_county_rules": (
        "亲属投靠按济阳县（今济阳区）本地实施细则人工核查",
        "family reunion under Jiyang county's own rules (济阳, today a district): check by hand",
    ),
    "shanghe_county_rules": (
        "亲属投靠按商河县本地实施细则人工核查",
        "family reunion under Shanghe county's own rules (商河县实施细则): check by hand",
    ),
}
