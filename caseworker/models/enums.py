"""Enumerations of case-format.md. Declaration order is rank order where ranks matter."""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    """城区 urban_area / 镇区 town_area / 村 rural."""

    URBAN = "urban"
    TOWN = "town"
    RURAL = "rural"


class HouseholdKind(StrEnum):
    """Where the hukou will be registered (户别 household_kind and its variants)."""

    OWN_HOME = "own_home"
    RELATIVE_HOME = "relative_home"
    RENTED_HOME = "rented_home"
    PUBLIC_HOUSING = "public_housing"
    UNIT_COLLECTIVE = "unit_collective"
    TALENT_COLLECTIVE = "talent_collective"
    COMMUNITY_COLLECTIVE = "community_collective"
    SCHOOL_COLLECTIVE = "school_collective"


class FunctionalZone(StrEnum):
    """A city's functional zone (功能区), where its policy defines such zones (today
    Liaocheng's: the values are its zones)."""

    ECONOMIC_DEVELOPMENT_ZONE = "economic_development_zone"
    HIGH_TECH_ZONE = "high_tech_zone"
    TOURIST_RESORT = "tourist_resort"


class MaritalStatus(StrEnum):
    UNMARRIED = "unmarried"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Education(StrEnum):
    """Highest 学历, lowest first."""

    NONE = "none"
    SECONDARY_VOCATIONAL = "secondary_vocational"
    JUNIOR_COLLEGE = "junior_college"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"


class Degree(StrEnum):
    NONE = "none"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTOR = "doctor"


class Title(StrEnum):
    """专业技术职务资格, lowest first."""

    NONE = "none"
    JUNIOR = "junior"
    INTERMEDIATE = "intermediate"
    ASSOCIATE_SENIOR = "associate_senior"
    SENIOR = "senior"


class Skill(StrEnum):
    """职业资格, lowest first."""

    NONE = "none"
    JUNIOR = "junior"
    INTERMEDIATE = "intermediate"
    SENIOR = "senior"
    TECHNICIAN = "technician"
    SENIOR_TECHNICIAN = "senior_technician"


class TalentClass(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    OTHER_RECOGNIZED = "other_recognized"
    NONE = "none"


class AwardKind(StrEnum):
    CENTRAL_MINISTRY = "central_ministry"
    PROVINCIAL_GOVERNMENT = "provincial_government"
    MUNICIPAL_GOVERNMENT = "municipal_government"
    WORLD_SKILLS = "world_skills"
    NATIONAL_CLASS1 = "national_class1"
    NATIONAL_CLASS2 = "national_class2"
    PROVINCIAL_CLASS1 = "provincial_class1"
    MUNICIPAL_CLASS1 = "municipal_class1"


class Housing(StrEnum):
    OWNED = "owned"
    RENTED = "rented"
    PUBLIC_HOUSING = "public_housing"
    PURCHASE_CONTRACT = "purchase_contract"
    NONE = "none"


class PolicyCategory(StrEnum):
    TRANSFERRED_CADRE = "transferred_cadre"
    GRADUATE_DISPATCHED = "graduate_dispatched"
    ADMITTED_STUDENT = "admitted_student"
    RETURNING_LOCAL_GRADUATE = "returning_local_graduate"
    RESETTLED_VETERAN = "resettled_veteran"
    MILITARY = "military"
    RETIREE_RESETTLEMENT = "retiree_resettlement"
    HUKOU_RESTORATION = "hukou_restoration"
    UNREGISTERED = "unregistered"
    RETURNED_FROM_ABROAD = "returned_from_abroad"
    PROJECT_STAFF = "project_staff"
    NONE = "none"


class FamilyReunionRelative(StrEnum):
    """The relative already registered at the destination (投靠 family_reunion)."""

    NONE = "none"
    SPOUSE = "spouse"
    FATHER = "father"
    MOTHER = "mother"
    ADULT_CHILD = "adult_child"
    GRANDPARENT = "grandparent"
    ADOPTIVE_PARENT = "adoptive_parent"


class Relation(StrEnum):
    """An accompanying relative's (随迁 accompanying) relation to the applicant."""

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    PARENT_IN_LAW = "parent_in_law"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    SIBLING = "sibling"


RELATION_ZH = {
    Relation.SPOUSE: "配偶",
    Relation.CHILD: "子女",
    Relation.PARENT: "父母",
    Relation.PARENT_IN_LAW: "配偶的父母",
    Relation.GRANDPARENT: "祖父母、外祖父母",
    Relation.GRANDCHILD: "孙子女、外孙子女",
    Relation.SIBLING: "兄弟姐妹",
}


class Sex(StrEnum):
    M = "M"
    F = "F"
