"""Collective households (集体户 collective_household) and what is kept about them: their
kinds, a member's comings and goings, the evidence behind a registration, and the family
household booklet (家庭居民户口簿 family_booklet) that Zaozhuang 2021 二(四) lets the
police issue to members of one collective who are family.

Plain values and one pure check (``booklet_problems``); the services keep them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from caseworker.models.enums import Relation


class CollectiveKind(StrEnum):
    UNIT = "unit"  # 单位集体户
    TALENT = "talent"  # 人才集体户
    COMMUNITY = "community"  # 社区集体户 (the 兜底 fallback lives here)
    SCHOOL = "school"  # 学校集体户


KIND_ZH = {
    CollectiveKind.UNIT: "单位集体户",
    CollectiveKind.TALENT: "人才集体户",
    CollectiveKind.COMMUNITY: "社区集体户",
    CollectiveKind.SCHOOL: "学校集体户",
}

#: the case's ``household`` answer that registers a person in each kind
HOUSEHOLD_KIND = {
    "unit_collective": CollectiveKind.UNIT,
    "talent_collective": CollectiveKind.TALENT,
    "community_collective": CollectiveKind.COMMUNITY,
    "school_collective": CollectiveKind.SCHOOL,
}


class Movement(StrEnum):
    """How a membership began or ended."""

    ADMITTED = "admitted"  # from a decided application
    TRANSFERRED_IN = "transferred_in"  # from another collective of this office
    MOVED_OUT = "moved_out"  # 迁出, to another place
    TRANSFERRED = "transferred"  # to another collective, or to a family household


MOVEMENT_ZH = {
    Movement.ADMITTED: "落户迁入",
    Movement.TRANSFERRED_IN: "集体户间转入",
    Movement.MOVED_OUT: "迁出",
    Movement.TRANSFERRED: "转出",
}


class EvidenceKind(StrEnum):
    """What backs a registration that needs someone else's agreement."""

    OWNER_CONSENT = "owner_consent"  # 房主同意 (rented home, a relative's home)
    REGISTERED_LEASE = "registered_lease"  # 登记备案的租赁合同 (the 兜底 fallback)


EVIDENCE_ZH = {
    EvidenceKind.OWNER_CONSENT: "房主（户主）同意落户证明",
    EvidenceKind.REGISTERED_LEASE: "住房租赁登记备案证明",
}


class BookletState(StrEnum):
    APPLIED = "applied"
    ISSUED = "issued"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # a member left the collective; the booklet no longer holds


BOOKLET_STATE_ZH = {
    BookletState.APPLIED: "已申请",
    BookletState.ISSUED: "已颁发",
    BookletState.REFUSED: "不予颁发",
    BookletState.WITHDRAWN: "已收回",
}

#: the clause and the policy it is in; in force from that policy's first day
BOOKLET_CLAUSE = "zaozhuang-2021:2.4"
BOOKLET_POLICY_FROM = date(2021, 12, 30)
BOOKLET_CLAUSE_TEXT = (
    "健全完善普通高等学校、职业学校、机关、团体、企事业单位和人才集体户管理制度，取消集体户"
    "设立条件，简化落户手续。户口登记在社区（单位）集体户且具有家庭成员关系的人员，公安机关"
    "可依申请为其颁发家庭居民户口簿。"
)
ZAOZHUANG = "3704"
#: family members (家庭成员, Civil Code art. 1045): spouse, parents and children always;
#: other close relatives only when they live together; a spouse's parent is not one
ALWAYS_FAMILY = frozenset({Relation.SPOUSE, Relation.PARENT, Relation.CHILD})
FAMILY_IF_LIVING_TOGETHER = frozenset({Relation.SIBLING, Relation.GRANDPARENT, Relation.GRANDCHILD})
BOOKLET_DOCUMENTS = (
    "居民身份证",
    "集体户口登记卡",
    "结婚证（配偶）",
    "出生医学证明或亲子关系证明（子女、父母）",
)


@dataclass(frozen=True, slots=True)
class BookletMember:
    """One person of a booklet application: their relation to its head (户主)."""

    id_number: str
    relation: Relation | None  # None for the head
    lives_together: bool = True


def booklet_problems(
    *,
    collective_division: str,
    on: date,
    head: str,
    members: tuple[BookletMember, ...],
    current_members: frozenset[str],
    in_other_booklets: frozenset[str],
) -> list[str]:
    """Why a family booklet cannot be issued, each reason saying what would change it;
    empty when it can. ``current_members``: the ID numbers registered in the collective
    today; ``in_other_booklets``: those already in an issued booklet."""
    problems: list[str] = []
    if not collective_division.startswith(ZAOZHUANG):
        problems.append(
            f"{BOOKLET_CLAUSE} is Zaozhuang's: this collective is registered in "
            f"{collective_division}, outside Zaozhuang (3704xx), where no policy provides a "
            "family booklet for collective members"
        )
    if on < BOOKLET_POLICY_FROM:
        problems.append(
            f"{BOOKLET_CLAUSE} is in force from {BOOKLET_POLICY_FROM.isoformat()}; the "
            f"application is dated {on.isoformat()}"
        )
    people = [head, *(m.id_number for m in members)]
    if len(people) < 2:
        problems.append("a family booklet is for two or more family members; name the others")
    if len(set(people)) != len(people):
        problems.append("a person is named twice; name each family member once")
    for id_number in people:
        if id_number not in current_members:
            problems.append(
                f"{id_number} is not registered in this collective now; "
                f"{BOOKLET_CLAUSE} covers members of one collective"
            )
        if id_number in in_other_booklets:
            problems.append(
                f"{id_number} is already in an issued family booklet; it is withdrawn first"
            )
    for member in members:
        if member.relation is None:
            problems.append(f"{member.id_number}: the relation to the head is missing")
        elif member.relation in ALWAYS_FAMILY:
            continue
        elif member.relation in FAMILY_IF_LIVING_TOGETHER:
            if not member.lives_together:
                problems.append(
                    f"{member.id_number} ({member.relation.value}) is a family member "
                    "(家庭成员) only when living together with the head"
                )
        else:
            problems.append(
                f"{member.id_number} ({member.relation.value}) is not a family member "
                f"(家庭成员: spouse, parents, children, and close relatives living together)"
            )
    return problems
