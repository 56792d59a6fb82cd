"""Collective-hukou administration: each kind of collective, admission only from a
qualifying decision, moving out and transfers with their history, closing, the evidence
behind a registration, the family booklet of Zaozhuang 2021 二(四), the roster's PDF and
export, and what a collective-hukou administrator may see."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from caseworker.models.collectives import BookletMember, booklet_problems
from caseworker.models.enums import Relation
from caseworker.services.applications import ApplicationService
from caseworker.services.base import (
    Actor,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)
from caseworker.services.collectives import CollectiveService, CollectiveView
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import UserService
from caseworker.storage import schema as tables
from tests.stores import (
    CLERK,
    OTHER_SUPERVISOR,
    PASSWORD,
    SUPERVISOR,
    application,
)

ADMIN = Actor("admin", "admin")
WANG = Actor("wang", "collective_administrator")
SUN = Actor("sun", "collective_administrator")
ZAOZHUANG = {"county": "370402", "street": "中心街街道"}
KINDS = {
    "unit": "unit_collective",
    "talent": "talent_collective",
    "community": "community_collective",
    "school": "school_collective",
}


@pytest.fixture
def desk(store: Store, apps: ApplicationService) -> CollectiveService:
    users = UserService(OfficeContext(store))
    for name in ("wang", "sun"):
        users.add(ADMIN, username=name, role="collective_administrator", password=PASSWORD)
    return CollectiveService(apps.context)


def collective(
    desk: CollectiveService, kind: str = "community", division: str = "370402001", **extra: Any
) -> CollectiveView:
    values: dict[str, Any] = {
        "kind": kind,
        "name": f"中心街{kind}集体户",
        "address": "中心街1号",
        "division_code": division,
        "administrator": "wang",
    }
    values.update(extra)
    return desk.create(SUPERVISOR, **values)


def approved(apps: ApplicationService, household: str, **spec: Any) -> str:
    """An application to settle in Zaozhuang (市中区) into ``household``, approved."""
    spec.setdefault("family", [])
    spec.setdefault("on", "2022-03-15")
    destination = {**ZAOZHUANG, "household": household, **spec.pop("destination", {})}
    data = application(destination=destination, **spec)
    number = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, number)
    view = apps.decide(CLERK, number)
    assert view.decision is not None and view.decision.decision == "eligible", view.decision
    apps.approve(SUPERVISOR, number)
    return number


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# --- each kind ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_admits_an_application_to_that_kind(
    desk: CollectiveService, apps: ApplicationService, kind: str
) -> None:
    home = collective(desk, kind)
    assert home.code.startswith("JT-370102001-") and home.is_open and home.members == 0
    spec: dict[str, Any] = {}
    if kind == "school":
        spec["applicant"] = {"local_student": True}
    number = approved(apps, KINDS[kind], **spec)
    admitted = desk.admit(WANG, home.code, number)
    assert [m.application_number for m in admitted] == [number]
    assert admitted[0].began == "admitted" and admitted[0].current
    assert desk.get(WANG, home.code).members == 1
    roster = desk.roster(CLERK, home.code)
    assert [m.person.id_number for m in roster] == [
        apps.get(number).applicant.id_number[:6]
        + "********"
        + apps.get(number).applicant.id_number[14:]
    ]
    # a supervisor sees the full number
    assert (
        desk.roster(SUPERVISOR, home.code)[0].person.id_number
        == apps.get(number).applicant.id_number
    )


def test_an_application_to_another_kind_is_not_admitted(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    unit = collective(desk, "unit")
    number = approved(apps, "talent_collective")
    with pytest.raises(ServiceError, match="is for a 人才集体户"):
        desk.admit(WANG, unit.code, number)
    assert desk.get(WANG, unit.code).members == 0


def test_an_unknown_kind_or_place_is_refused_with_the_choices(desk: CollectiveService) -> None:
    with pytest.raises(ServiceError, match="one of: unit"):
        collective(desk, "dormitory")
    with pytest.raises(ServiceError, match="no county 999999"):
        collective(desk, division="999999001")
    with pytest.raises(ServiceError, match="no street or town 370402999"):
        collective(desk, division="370402999")
    with pytest.raises(ServiceError, match="6 digits for a county"):
        collective(desk, division="37040")
    with pytest.raises(ServiceError, match="name is required"):
        collective(desk, name="  ")
    with pytest.raises(ServiceError, match="is a clerk"):
        collective(desk, administrator="li")
    assert desk.collectives(SUPERVISOR) == []


# --- admission only from a qualifying decision ---------------------------------------------


def test_only_a_decided_approved_eligible_application_is_admitted(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    data = application(
        destination={**ZAOZHUANG, "household": "community_collective"},
        on="2022-03-15",
        family=[],
    )
    number = apps.create_draft(CLERK, data).number
    with pytest.raises(ServiceError, match="is draft; a person is admitted once"):
        desk.admit(WANG, home.code, number)
    apps.accept(CLERK, number)
    with pytest.raises(ServiceError, match="is accepted"):
        desk.admit(WANG, home.code, number)
    apps.decide(CLERK, number)
    with pytest.raises(ServiceError, match="is decided"):
        desk.admit(WANG, home.code, number)
    apps.approve(SUPERVISOR, number)
    assert len(desk.admit(WANG, home.code, number)) == 1
    with pytest.raises(DuplicateError, match="is registered in collective"):
        desk.admit(WANG, home.code, number)  # not twice
    with pytest.raises(NotFoundError):
        desk.admit(WANG, home.code, "SQ-NOPE")


def test_an_ineligible_or_family_household_application_is_not_admitted(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    own_home = approved(apps, "own_home")
    with pytest.raises(ServiceError, match="registers in own_home, not a collective"):
        desk.admit(WANG, home.code, own_home)
    # an application that is refused is never approved, never admitted
    data = application(
        destination={"household": "community_collective"},
        family=[],
        applicant={
            "degree": "none",
            "employed_in_city": False,
            "housing": "none",
            "housing_certificate": False,
            "labor_contract": False,
        },
    )
    refused = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, refused)
    assert apps.decide(CLERK, refused).decision.decision == "ineligible"  # type: ignore[union-attr]
    apps.refuse(SUPERVISOR, refused, "不符合条件")
    with pytest.raises(ServiceError, match="is refused"):
        desk.admit(WANG, home.code, refused)


def test_another_county_or_a_closed_collective_refuses(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    elsewhere = collective(desk, division="370403001")  # 薛城区
    number = approved(apps, "community_collective")
    with pytest.raises(ServiceError, match=r"settles in 370402; .* is in 370403"):
        desk.admit(WANG, elsewhere.code, number)
    desk.close(SUPERVISOR, elsewhere.code, "合并")
    with pytest.raises(ServiceError, match="is closed"):
        desk.admit(WANG, elsewhere.code, number)


def test_relatives_who_may_accompany_are_admitted_with_the_applicant(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk, "talent")
    number = approved(
        apps,
        "talent_collective",
        on="2021-03-15",
        destination={"county": "370102", "street": "泉城路街道"},
        family=[{"relation": "spouse", "born": "1986-01-01"}],
        applicant={"collective_accepts": True},
    )
    jinan = collective(desk, "talent", division="370102001")
    with pytest.raises(ServiceError, match="is in 370402"):
        desk.admit(WANG, home.code, number)
    admitted = desk.admit(WANG, jinan.code, number)
    assert [m.relation for m in admitted] == ["", "spouse"]
    alone = approved(
        apps,
        "talent_collective",
        on="2021-03-15",
        destination={"county": "370102", "street": "泉城路街道"},
        family=[{"relation": "spouse", "born": "1987-01-01"}],
        applicant={"collective_accepts": True},
    )
    assert len(desk.admit(WANG, jinan.code, alone, with_relatives=False)) == 1


def test_a_fallback_admission_needs_the_registered_lease_first(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    """Jinan 2020 item 2: a flexible worker renting a registered home settles in the
    community's collective (兜底); the registered lease is recorded before admission."""
    home = collective(desk, division="370102001")
    number = approved(
        apps,
        "community_collective",
        on="2021-03-15",
        destination={"county": "370102", "street": "泉城路街道"},
        applicant={
            "flexible_worker": True,
            "employed_in_city": False,
            "labor_contract": False,
            "housing": "rented",
            "rental_registered": True,
            "housing_certificate": False,
        },
    )
    with pytest.raises(ServiceError, match=r"兜底 .*record the registered lease first"):
        desk.admit(WANG, home.code, number)
    with pytest.raises(ServiceError, match="lease_registration is required"):
        desk.add_evidence(
            WANG, number, kind="registered_lease", consent_date=date(2021, 3, 1), address="x"
        )
    evidence = desk.add_evidence(
        WANG,
        number,
        kind="registered_lease",
        consent_date=date(2021, 3, 1),
        owner_name="赵房东",
        address="济南市历下区泉城路9号",
        lease_registration="JNZL-2021-000123",
        scan=("lease.png", b"\x89PNG fake scan", "image/png"),
    )
    assert evidence.attachment_id is not None
    assert len(desk.admit(WANG, home.code, number)) == 1
    text = pdf_text(desk.print_evidence(WANG, evidence.id))
    assert "住房租赁登记备案证明" in text and "JNZL-2021-000123" in text and "赵房东" in text
    assert "已附" in text


def test_owner_consent_is_kept_checked_and_printable(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    number = apps.create_draft(CLERK, application(destination={"household": "rented_home"})).number
    with pytest.raises(ServiceError, match="owner_name is required"):
        desk.add_evidence(
            CLERK, number, kind="owner_consent", consent_date=date(2024, 1, 2), address="1号"
        )
    with pytest.raises(ServiceError, match="owner_id_number"):
        desk.add_evidence(
            CLERK,
            number,
            kind="owner_consent",
            consent_date=date(2024, 1, 2),
            owner_name="钱",
            address="1号",
            owner_id_number="370102199001010010",
        )
    with pytest.raises(ServiceError, match="in the future"):
        desk.add_evidence(
            CLERK,
            number,
            kind="owner_consent",
            consent_date=date(2030, 1, 2),
            owner_name="钱",
            address="1号",
        )
    with pytest.raises(ServiceError, match="one of: owner_consent"):
        desk.add_evidence(CLERK, number, kind="oral", consent_date=date(2024, 1, 2))
    kept = desk.add_evidence(
        CLERK,
        number,
        kind="owner_consent",
        consent_date=date(2024, 1, 2),
        owner_name="钱多多",
        owner_id_number="37010219900101001X",
        address="济南市历下区泉城路1号",
    )
    assert [e.id for e in desk.evidence(SUPERVISOR, number)] == [kept.id]
    text = pdf_text(desk.print_evidence(CLERK, kept.id))
    assert "房主（户主）同意落户证明" in text and "钱多多" in text and "2024-01-02" in text


# --- moving out, transfers, history ----------------------------------------------------------


def test_move_out_and_transfer_keep_the_whole_history(
    desk: CollectiveService, apps: ApplicationService, store: Store
) -> None:
    first = collective(desk, "community")
    second = collective(desk, "unit", name="枣庄某公司集体户")
    number = approved(apps, "community_collective")
    person = apps.get(number).applicant.id_number
    assert person is not None
    desk.admit(WANG, first.code, number)
    left = desk.transfer(WANG, first.code, person, to_collective=second.code, reason="单位接收")
    assert left.ended == "transferred" and second.code in left.destination
    assert desk.get(WANG, first.code).members == 0 and desk.get(WANG, second.code).members == 1
    with pytest.raises(NotFoundError, match="is not registered in"):
        desk.move_out(WANG, first.code, person, destination="聊城")
    gone = desk.move_out(WANG, second.code, person, destination="聊城市东昌府区", reason="迁出")
    assert gone.ended == "moved_out" and gone.left_at is not None
    stays = desk.history(SUPERVISOR, person)
    assert [(s.collective_code, s.began, s.ended) for s in stays] == [
        (first.code, "admitted", "transferred"),
        (second.code, "transferred_in", "moved_out"),
    ]
    assert stays[1].from_collective == first.code
    assert desk.roster(SUPERVISOR, second.code) == []
    past = desk.roster(SUPERVISOR, second.code, include_past=True)
    assert len(past) == 1 and not past[0].current
    with store.sessions() as session:
        actions = list(
            session.scalars(
                select(tables.AuditEvent.action).where(
                    tables.AuditEvent.action.like("collective.%")
                )
            )
        )
        kinds = list(session.scalars(select(tables.OutboxEntry.kind)))
    for action in (
        "collective.admit",
        "collective.transfer_out",
        "collective.transfer_in",
        "collective.move_out",
    ):
        assert action in actions and action in kinds


def test_a_transfer_to_a_family_household_ends_the_stay(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    number = approved(apps, "community_collective")
    person = apps.get(number).applicant.id_number or ""
    desk.admit(WANG, home.code, number)
    with pytest.raises(ServiceError, match="name one destination"):
        desk.transfer(WANG, home.code, person)
    with pytest.raises(ServiceError, match="already registered in"):
        desk.transfer(WANG, home.code, person, to_collective=home.code)
    left = desk.transfer(WANG, home.code, person, to_family_household="市中区中心街8号 户号000321")
    assert left.destination.startswith("家庭户") and desk.get(WANG, home.code).members == 0
    # admitted again from a new application later, the history has both stays
    assert len(desk.history(WANG, person)) == 1


def test_closing_a_collective_with_members_is_refused(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    number = approved(apps, "community_collective")
    desk.admit(WANG, home.code, number)
    with pytest.raises(ServiceError, match="still has 1 registered member"):
        desk.close(SUPERVISOR, home.code, "撤销")
    with pytest.raises(ServiceError, match="reason is required"):
        desk.close(SUPERVISOR, home.code, " ")
    desk.move_out(WANG, home.code, apps.get(number).applicant.id_number or "", destination="外省")
    closed = desk.close(SUPERVISOR, home.code, "社区合并")
    assert not closed.is_open and closed.closed_reason == "社区合并"
    assert desk.collectives(SUPERVISOR) == []
    assert [c.code for c in desk.collectives(SUPERVISOR, include_closed=True)] == [home.code]
    with pytest.raises(ServiceError, match="already closed"):
        desk.close(SUPERVISOR, home.code, "再次")
    with pytest.raises(ServiceError, match="is closed"):
        desk.edit(SUPERVISOR, home.code, name="新名")


def test_editing_keeps_a_version_and_checks_the_fields(desk: CollectiveService) -> None:
    home = collective(desk)
    edited = desk.edit(WANG, home.code, address="中心街2号", sponsor="中心街社区居委会")
    assert edited.address == "中心街2号" and edited.version == home.version + 1
    with pytest.raises(PermissionDeniedError, match="change a collective's administrator"):
        desk.edit(WANG, home.code, administrator="sun")
    assert desk.edit(SUPERVISOR, home.code, administrator="sun").administrator == "sun"
    with pytest.raises(NotFoundError):  # no longer wang's
        desk.edit(WANG, home.code, address="x")
    with pytest.raises(ServiceError, match="cannot change kind"):
        desk.edit(SUPERVISOR, home.code, kind="unit")
    with pytest.raises(ServiceError, match="at most 200"):
        desk.edit(SUPERVISOR, home.code, address="号" * 201)


# --- the family booklet ----------------------------------------------------------------------


def _family_in(
    desk: CollectiveService, apps: ApplicationService, home: CollectiveView
) -> dict[str, str]:
    number = approved(
        apps,
        "community_collective",
        family=[
            {"relation": "spouse", "born": "1986-02-03"},
            {"relation": "child", "born": "2012-05-06", "sex": "M"},
        ],
    )
    admitted = desk.admit(WANG, home.code, number)
    assert len(admitted) == 3
    return {m.relation or "head": m.person.id_number or "" for m in admitted}


def test_the_family_booklet_is_applied_for_decided_and_printed(
    desk: CollectiveService, apps: ApplicationService, store: Store
) -> None:
    home = collective(desk)
    ids = _family_in(desk, apps, home)  # admit() answers with full numbers
    booklet = desk.apply_booklet(
        WANG,
        home.code,
        head=ids["head"],
        members=[(ids["spouse"], "spouse", True), (ids["child"], "child", True)],
    )
    assert booklet.state == "applied" and booklet.number.startswith("HB-")
    with pytest.raises(ServiceError, match="not decided yet"):
        desk.print_booklet(WANG, booklet.number)
    with pytest.raises(PermissionDeniedError):
        desk.decide_booklet(WANG, booklet.number)
    decided = desk.decide_booklet(SUPERVISOR, booklet.number)
    assert decided.state == "issued" and decided.household_number.startswith("JH-")
    assert decided.reasons == ()
    with pytest.raises(ServiceError, match="already issued"):
        desk.decide_booklet(OTHER_SUPERVISOR, booklet.number)
    text = pdf_text(desk.print_booklet(WANG, booklet.number))
    assert "家庭居民户口簿" in text and decided.household_number in text
    for id_number in ids.values():
        assert id_number in text
    assert "zaozhuang-2021:2.4" in text and "户主" in text and "配偶" in text
    # a second booklet for the same people is refused while this one holds
    again = desk.apply_booklet(
        WANG, home.code, head=ids["head"], members=[(ids["spouse"], "spouse", True)]
    )
    refused = desk.decide_booklet(SUPERVISOR, again.number)
    assert refused.state == "refused"
    assert any("already in an issued family booklet" in r for r in refused.reasons)
    # a member who moves out takes the booklet with them
    desk.move_out(WANG, home.code, ids["child"], destination="济南市")
    assert desk.booklet(WANG, booklet.number).state == "withdrawn"


def test_the_taker_of_a_booklet_application_does_not_decide_it(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    ids = _family_in(desk, apps, home)
    booklet = desk.apply_booklet(
        SUPERVISOR, home.code, head=ids["head"], members=[(ids["spouse"], "spouse", True)]
    )
    with pytest.raises(PermissionDeniedError, match="maker-checker"):
        desk.decide_booklet(SUPERVISOR, booklet.number)
    assert desk.decide_booklet(OTHER_SUPERVISOR, booklet.number).state == "issued"


def test_a_booklet_outside_zaozhuang_is_refused_with_the_clause(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    jinan = collective(desk, "talent", division="370102001")
    number = approved(
        apps,
        "talent_collective",
        on="2021-03-15",
        destination={"county": "370102", "street": "泉城路街道"},
        family=[{"relation": "spouse", "born": "1986-01-01"}],
        applicant={"collective_accepts": True},
    )
    admitted = desk.admit(WANG, jinan.code, number)
    head, spouse = (m.person.id_number or "" for m in admitted)
    booklet = desk.apply_booklet(WANG, jinan.code, head=head, members=[(spouse, "spouse", True)])
    refused = desk.decide_booklet(SUPERVISOR, booklet.number)
    assert refused.state == "refused" and "Zaozhuang" in refused.reasons[0]
    text = pdf_text(desk.print_booklet(WANG, booklet.number))
    assert "不予颁发" in text and "zaozhuang-2021:2.4" in text


def test_booklet_rules_at_their_boundaries() -> None:
    people = frozenset({"A", "B", "C"})

    def problems(*members: BookletMember, on: date = date(2021, 12, 30)) -> list[str]:
        return booklet_problems(
            collective_division="370402001",
            on=on,
            head="A",
            members=members,
            current_members=people,
            in_other_booklets=frozenset(),
        )

    assert problems(BookletMember("B", Relation.SPOUSE)) == []
    # the policy's first day counts; the day before does not
    assert (
        "in force from 2021-12-30"
        in problems(BookletMember("B", Relation.SPOUSE), on=date(2021, 12, 29))[0]
    )
    assert problems(BookletMember("B", Relation.SIBLING, lives_together=True)) == []
    assert (
        "only when living together"
        in problems(BookletMember("B", Relation.SIBLING, lives_together=False))[0]
    )
    assert "not a family member" in problems(BookletMember("B", Relation.PARENT_IN_LAW))[0]
    assert "two or more" in problems()[0]
    assert "named twice" in problems(BookletMember("A", Relation.CHILD))[0]
    assert "not registered in this collective" in problems(BookletMember("D", Relation.CHILD))[0]


# --- the roster's paper and its export -----------------------------------------------------


def test_the_roster_pdf_lists_every_member(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    home = collective(desk)
    ids = _family_in(desk, apps, home)
    text = pdf_text(desk.roster_pdf(WANG, home.code))
    assert "集体户成员名册" in text and home.code in text and "社区集体户" in text
    for id_number in ids.values():
        assert id_number in text
    assert "在册人数" in text and "落户迁入" in text


def test_the_roster_export_needs_a_supervisor_and_is_audited(
    desk: CollectiveService, apps: ApplicationService, store: Store
) -> None:
    home = collective(desk)
    ids = _family_in(desk, apps, home)
    with pytest.raises(PermissionDeniedError, match="export personal data"):
        desk.export_roster(WANG, home.code)
    data = desk.export_roster(SUPERVISOR, home.code)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["集体户户号", "姓名", "公民身份号码"]
    assert sorted(r[2] for r in rows[1:]) == sorted(ids.values())
    with store.sessions() as session:
        exports = list(
            session.scalars(
                select(tables.AuditEvent).where(tables.AuditEvent.action == "collective.export")
            )
        )
    assert len(exports) == 1 and exports[0].actor == "zhao"


# --- what a collective-hukou administrator sees ----------------------------------------------


def test_a_collective_administrator_sees_and_works_only_their_own(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    mine = collective(desk, administrator="wang")
    theirs = collective(desk, "unit", administrator="sun")
    assert [c.code for c in desk.collectives(WANG)] == [mine.code]
    assert [c.code for c in desk.collectives(SUN)] == [theirs.code]
    assert {c.code for c in desk.collectives(CLERK)} == {mine.code, theirs.code}
    number = approved(apps, "unit_collective")
    for call in (
        lambda: desk.get(WANG, theirs.code),
        lambda: desk.roster(WANG, theirs.code),
        lambda: desk.admit(WANG, theirs.code, number),
        lambda: desk.roster_pdf(WANG, theirs.code),
        lambda: desk.booklets(WANG, theirs.code),
    ):
        with pytest.raises(NotFoundError, match="among yours"):
            call()
    admitted = desk.admit(SUN, theirs.code, number)
    person = admitted[0].person.id_number or ""
    assert desk.history(WANG, person) == []  # a stay in someone else's collective
    assert len(desk.history(SUN, person)) == 1
    with pytest.raises(NotFoundError):  # cannot move a person into a collective not theirs
        desk.transfer(SUN, theirs.code, person, to_collective=mine.code)


# --- the schema ------------------------------------------------------------------------------


def test_the_migrated_schema_is_the_one_the_code_declares(store: Store) -> None:
    from alembic.autogenerate import compare_metadata  # noqa: PLC0415
    from alembic.migration import MigrationContext  # noqa: PLC0415

    from caseworker.storage.search_index import not_in_metadata  # noqa: PLC0415

    with store.engine.connect() as conn:  # the FTS5 name index is compared in test_search
        context = MigrationContext.configure(conn, opts={"include_name": not_in_metadata})
        diff = compare_metadata(context, tables.Base.metadata)
    assert diff == []


def test_a_collective_administrator_attaches_no_scan_to_an_application_not_theirs(
    desk: CollectiveService, apps: ApplicationService
) -> None:
    collective(desk, administrator="wang")
    number = approved(apps, "unit_collective")  # taken by a clerk, for no collective of wang's
    with pytest.raises(NotFoundError):
        apps.attach_scan(
            WANG, number, filename="x.png", content=b"\x89PNG scan", media_type="image/png"
        )
    assert apps.scans(number) == []
    # evidence for an admission is another matter: the counter hands the administrator
    # an approved application's number to admit, and its evidence comes first
    # (test_a_fallback_admission_needs_the_registered_lease_first)
