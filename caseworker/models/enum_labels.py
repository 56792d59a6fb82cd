"""What a clerk reads for each enumeration value of case-format.md, in Chinese and English.

The codes (``married``, ``owned`` …) are the case file's; a clerk never sees or types them.
Every value of every enumeration a question asks has its two labels here (a test checks)."""

from __future__ import annotations

from enum import StrEnum

from caseworker.models import enums

#: enumeration → value → (Chinese, English)
LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    enums.Area: {
        "urban": ("城区", "urban area"),
        "town": ("镇区", "town area"),
        "rural": ("农村", "rural area"),
    },
    enums.HouseholdKind: {
        "own_home": ("本人合法住所（家庭户）", "own home (family household)"),
        "relative_home": ("亲属家庭户", "a relative's household"),
        "rented_home": ("租赁住房", "rented home"),
        "public_housing": ("公共租赁住房", "public rental housing"),
        "unit_collective": ("单位集体户", "employer's collective household"),
        "talent_collective": ("人才集体户", "talent collective household"),
        "community_collective": ("社区集体户", "community collective household"),
        "school_collective": ("学校集体户", "school collective household"),
    },
    enums.FunctionalZone: {
        "economic_development_zone": ("经济技术开发区", "economic development zone"),
        "high_tech_zone": ("高新技术产业开发区", "high-tech zone"),
        "tourist_resort": ("旅游度假区", "tourist resort"),
    },
    enums.MaritalStatus: {
        "unmarried": ("未婚", "unmarried"),
        "married": ("已婚", "married"),
        "divorced": ("离婚", "divorced"),
        "widowed": ("丧偶", "widowed"),
    },
    enums.Education: {
        "none": ("无（高中及以下）", "none (secondary school or less)"),
        "secondary_vocational": ("中专（中职）", "secondary vocational"),
        "junior_college": ("大专", "junior college"),
        "bachelor": ("本科", "bachelor's level"),
        "postgraduate": ("研究生", "postgraduate"),
    },
    enums.Degree: {
        "none": ("无学位", "no degree"),
        "bachelor": ("学士", "bachelor's degree"),
        "master": ("硕士", "master's degree"),
        "doctor": ("博士", "doctorate"),
    },
    enums.Title: {
        "none": ("无职称", "no title"),
        "junior": ("初级职称", "junior title"),
        "intermediate": ("中级职称", "intermediate title"),
        "associate_senior": ("副高级职称", "associate senior title"),
        "senior": ("正高级职称", "senior title"),
    },
    enums.Skill: {
        "none": ("无职业资格", "no qualification"),
        "junior": ("初级工（五级）", "junior worker (level 5)"),
        "intermediate": ("中级工（四级）", "intermediate worker (level 4)"),
        "senior": ("高级工（三级）", "senior worker (level 3)"),
        "technician": ("技师（二级）", "technician (level 2)"),
        "senior_technician": ("高级技师（一级）", "senior technician (level 1)"),
    },
    enums.TalentClass: {
        "A": ("A类人才", "class A talent"),
        "B": ("B类人才", "class B talent"),
        "C": ("C类人才", "class C talent"),
        "D": ("D类人才", "class D talent"),
        "E": ("E类人才", "class E talent"),
        "other_recognized": ("其他经认定人才", "other recognised talent"),
        "none": ("不属人才目录", "not in the catalogue"),
    },
    enums.AwardKind: {
        "central_ministry": ("国家部委表彰", "commendation by a central ministry"),
        "provincial_government": ("省政府表彰", "commendation by the provincial government"),
        "municipal_government": ("市政府表彰", "commendation by the city government"),
        "world_skills": ("世界技能大赛获奖", "WorldSkills prize"),
        "national_class1": ("国家级一类职业技能竞赛获奖", "national class-1 skills contest"),
        "national_class2": ("国家级二类职业技能竞赛获奖", "national class-2 skills contest"),
        "provincial_class1": ("省级一类职业技能竞赛获奖", "provincial class-1 skills contest"),
        "municipal_class1": ("市级一类职业技能竞赛获奖", "city class-1 skills contest"),
    },
    enums.Housing: {
        "owned": ("自有住房", "own home"),
        "rented": ("租赁住房", "rented home"),
        "public_housing": ("公共租赁住房", "public rental housing"),
        "purchase_contract": ("购房合同（尚未交房）", "purchase contract (not yet delivered)"),
        "none": ("无合法住所", "no legal residence"),
    },
    enums.PolicyCategory: {
        "transferred_cadre": ("调动干部", "transferred cadre"),
        "graduate_dispatched": ("派遣毕业生", "graduate assigned by dispatch"),
        "admitted_student": ("录取新生", "admitted student"),
        "returning_local_graduate": ("回原籍毕业生", "graduate returning home"),
        "resettled_veteran": ("安置退役军人", "resettled veteran"),
        "military": ("现役军人随军", "military"),
        "retiree_resettlement": ("离退休异地安置", "retiree resettlement"),
        "hukou_restoration": ("恢复户口", "restored hukou"),
        "unregistered": ("无户口人员登记", "never registered"),
        "returned_from_abroad": ("回国（入境）定居", "returned from abroad"),
        "project_staff": ("重点工程项目人员", "key project staff"),
        "none": ("不属政策性迁入", "none of these"),
    },
    enums.FamilyReunionRelative: {
        "none": ("不投靠亲属", "no one"),
        "spouse": ("配偶", "spouse"),
        "father": ("父亲", "father"),
        "mother": ("母亲", "mother"),
        "adult_child": ("成年子女", "adult child"),
        "grandparent": ("祖父母、外祖父母", "grandparent"),
        "adoptive_parent": ("养父母", "adoptive parent"),
    },
    enums.Relation: {
        member.value: (enums.RELATION_ZH[member], member.value.replace("_", " "))
        for member in enums.Relation
    },
    enums.Sex: {"M": ("男", "male"), "F": ("女", "female")},
}


def label(enum: type[StrEnum], value: str) -> tuple[str, str]:
    """(Chinese, English) for one value; KeyError for a value the enumeration lacks."""
    return LABELS[enum][value]


#: a yes-or-no question's two answers
YES_NO: tuple[tuple[bool, str, str], ...] = ((True, "是", "yes"), (False, "否", "no"))
#: the unit a count is shown in, by the end of its fact's name
UNITS: dict[str, tuple[str, str]] = {"_months": ("个月", "months"), "_years": ("年", "years")}
#: Monday first, as ``date.weekday`` counts
WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("星期一", "Monday"),
    ("星期二", "Tuesday"),
    ("星期三", "Wednesday"),
    ("星期四", "Thursday"),
    ("星期五", "Friday"),
    ("星期六", "Saturday"),
    ("星期日", "Sunday"),
)
