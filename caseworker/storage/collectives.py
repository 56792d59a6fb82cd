"""Collective households, their members, consent evidence and family booklets: rows in,
frozen values out (``caseworker.models.collectives`` names the kinds and movements)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.storage import schema
from caseworker.storage.applications import ConcurrentChangeError
from caseworker.storage.persons import PersonView, _person_view


@dataclass(frozen=True, slots=True)
class CollectiveView:
    id: int
    code: str
    kind: str
    name: str
    address: str
    division_code: str
    sponsor: str
    administrator: str
    is_open: bool
    members: int  # registered now
    created_at: datetime
    closed_at: datetime | None
    closed_reason: str
    version: int


@dataclass(frozen=True, slots=True)
class MemberView:
    id: int
    collective_code: str
    person: PersonView
    application_number: str | None
    relation: str
    began: str
    admitted_at: datetime
    admitted_by: str
    ended: str
    left_at: datetime | None
    left_by: str
    destination: str
    reason: str
    from_collective: str | None  # a transfer in: the collective it came from

    @property
    def current(self) -> bool:
        return self.left_at is None


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: int
    application_number: str
    kind: str
    owner_name: str
    owner_id_number: str
    address: str
    lease_registration: str
    consent_date: date
    attachment_id: int | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class BookletView:
    id: int
    number: str
    collective_code: str
    head: PersonView
    members: tuple[tuple[PersonView, str, bool], ...]  # person, relation, lives together
    state: str
    on: date
    applied_by: str
    applied_at: datetime
    decided_by: str
    decided_at: datetime | None
    reasons: tuple[str, ...]
    household_number: str


def _inserted(session: Session, row: Any) -> Any:
    """A new row, flushed so that it has its id."""
    session.add(row)
    session.flush()
    return row


# --- collectives -----------------------------------------------------------------------


def _collective_view(session: Session, row: schema.CollectiveHousehold) -> CollectiveView:
    count = session.scalar(
        select(func.count())
        .select_from(schema.CollectiveMember)
        .where(
            schema.CollectiveMember.collective_id == row.id,
            schema.CollectiveMember.left_at.is_(None),
        )
    )
    return CollectiveView(
        row.id,
        row.code,
        row.kind,
        row.name,
        row.address,
        row.division_code,
        row.sponsor,
        row.administrator,
        row.is_open,
        count or 0,
        row.created_at,
        row.closed_at,
        row.closed_reason,
        row.version,
    )


def add_collective(session: Session, **values: Any) -> CollectiveView:
    return _collective_view(session, _inserted(session, schema.CollectiveHousehold(**values)))


def collective(session: Session, code: str) -> CollectiveView | None:
    row = session.scalars(
        select(schema.CollectiveHousehold).where(schema.CollectiveHousehold.code == code)
    ).first()
    return None if row is None else _collective_view(session, row)


def collectives(
    session: Session, *, administrator: str | None = None, include_closed: bool = False
) -> list[CollectiveView]:
    query = select(schema.CollectiveHousehold).order_by(schema.CollectiveHousehold.code)
    if administrator is not None:
        query = query.where(schema.CollectiveHousehold.administrator == administrator)
    if not include_closed:
        query = query.where(schema.CollectiveHousehold.is_open.is_(True))
    return [_collective_view(session, row) for row in session.scalars(query)]


def update_collective(session: Session, code: str, version: int, **values: Any) -> None:
    """Change a collective if nobody changed it since ``version`` was read."""
    row = session.scalars(
        select(schema.CollectiveHousehold).where(schema.CollectiveHousehold.code == code)
    ).one()
    if row.version != version:
        raise ConcurrentChangeError(
            f"collective {code} was changed by someone else meanwhile; open it again"
        )
    for name, value in values.items():
        setattr(row, name, value)
    row.version += 1
    session.flush()


# --- members ---------------------------------------------------------------------------


def _member_view(session: Session, row: schema.CollectiveMember) -> MemberView:
    code = session.scalar(
        select(schema.CollectiveHousehold.code).where(
            schema.CollectiveHousehold.id == row.collective_id
        )
    )
    number = (
        session.scalar(
            select(schema.Application.number).where(schema.Application.id == row.application_id)
        )
        if row.application_id is not None
        else None
    )
    source = None
    if row.from_member_id is not None:
        source = session.scalar(
            select(schema.CollectiveHousehold.code)
            .join(
                schema.CollectiveMember,
                schema.CollectiveMember.collective_id == schema.CollectiveHousehold.id,
            )
            .where(schema.CollectiveMember.id == row.from_member_id)
        )
    return MemberView(
        row.id,
        code or "",
        _person_view(row.person),
        number,
        row.relation,
        row.began,
        row.admitted_at,
        row.admitted_by,
        row.ended,
        row.left_at,
        row.left_by,
        row.destination,
        row.reason,
        source,
    )


def add_member(session: Session, **values: Any) -> MemberView:
    return _member_view(session, _inserted(session, schema.CollectiveMember(**values)))


def members(
    session: Session, collective_id: int, *, include_past: bool = False
) -> list[MemberView]:
    query = (
        select(schema.CollectiveMember)
        .where(schema.CollectiveMember.collective_id == collective_id)
        .order_by(schema.CollectiveMember.admitted_at, schema.CollectiveMember.id)
    )
    if not include_past:
        query = query.where(schema.CollectiveMember.left_at.is_(None))
    return [_member_view(session, row) for row in session.scalars(query)]


def member(session: Session, member_id: int) -> MemberView:
    row = session.get(schema.CollectiveMember, member_id)
    if row is None:
        raise LookupError(f"no collective member row {member_id}")
    return _member_view(session, row)


def current_membership(session: Session, person_id: int) -> MemberView | None:
    row = session.scalars(
        select(schema.CollectiveMember).where(
            schema.CollectiveMember.person_id == person_id,
            schema.CollectiveMember.left_at.is_(None),
        )
    ).first()
    return None if row is None else _member_view(session, row)


def history_of(session: Session, person_id: int) -> list[MemberView]:
    rows = session.scalars(
        select(schema.CollectiveMember)
        .where(schema.CollectiveMember.person_id == person_id)
        .order_by(schema.CollectiveMember.admitted_at, schema.CollectiveMember.id)
    )
    return [_member_view(session, row) for row in rows]


def end_membership(session: Session, member_id: int, **values: Any) -> None:
    row = session.get(schema.CollectiveMember, member_id)
    assert row is not None and row.left_at is None
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()


def person_by_id_number(session: Session, id_number: str) -> PersonView | None:
    row = session.scalars(select(schema.Person).where(schema.Person.id_number == id_number)).first()
    return None if row is None else _person_view(row)


def person(session: Session, person_id: int) -> PersonView:
    row = session.get(schema.Person, person_id)
    assert row is not None
    return _person_view(row)


# --- evidence --------------------------------------------------------------------------


def _evidence_view(session: Session, row: schema.ConsentEvidence) -> EvidenceView:
    number = session.scalar(
        select(schema.Application.number).where(schema.Application.id == row.application_id)
    )
    return EvidenceView(
        row.id,
        number or "",
        row.kind,
        row.owner_name,
        row.owner_id_number,
        row.address,
        row.lease_registration,
        row.consent_date,
        row.attachment_id,
        row.recorded_by,
        row.recorded_at,
    )


def add_evidence(session: Session, **values: Any) -> EvidenceView:
    return _evidence_view(session, _inserted(session, schema.ConsentEvidence(**values)))


def evidence_of(session: Session, application_id: int) -> list[EvidenceView]:
    rows = session.scalars(
        select(schema.ConsentEvidence)
        .where(schema.ConsentEvidence.application_id == application_id)
        .order_by(schema.ConsentEvidence.id)
    )
    return [_evidence_view(session, row) for row in rows]


def evidence(session: Session, evidence_id: int) -> EvidenceView | None:
    row = session.get(schema.ConsentEvidence, evidence_id)
    return None if row is None else _evidence_view(session, row)


# --- family booklets -------------------------------------------------------------------


def _booklet_view(session: Session, row: schema.FamilyBooklet) -> BookletView:
    code = session.scalar(
        select(schema.CollectiveHousehold.code).where(
            schema.CollectiveHousehold.id == row.collective_id
        )
    )
    return BookletView(
        row.id,
        row.number,
        code or "",
        person(session, row.head_person_id),
        tuple(
            (person(session, m["person_id"]), m["relation"], bool(m["lives_together"]))
            for m in row.members
        ),
        row.state,
        row.on_date,
        row.applied_by,
        row.applied_at,
        row.decided_by,
        row.decided_at,
        tuple(row.reasons or ()),
        row.household_number,
    )


def add_booklet(session: Session, **values: Any) -> BookletView:
    return _booklet_view(session, _inserted(session, schema.FamilyBooklet(**values)))


def booklet(session: Session, number: str) -> BookletView | None:
    row = session.scalars(
        select(schema.FamilyBooklet).where(schema.FamilyBooklet.number == number)
    ).first()
    return None if row is None else _booklet_view(session, row)


def booklets_of(session: Session, collective_id: int) -> list[BookletView]:
    rows = session.scalars(
        select(schema.FamilyBooklet)
        .where(schema.FamilyBooklet.collective_id == collective_id)
        .order_by(schema.FamilyBooklet.id)
    )
    return [_booklet_view(session, row) for row in rows]


def update_booklet(session: Session, number: str, **values: Any) -> None:
    row = session.scalars(
        select(schema.FamilyBooklet).where(schema.FamilyBooklet.number == number)
    ).one()
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()


def people_in_issued_booklets(session: Session, collective_id: int) -> dict[int, str]:
    """person id -> the issued booklet they are in."""
    out: dict[int, str] = {}
    rows = session.scalars(
        select(schema.FamilyBooklet).where(
            schema.FamilyBooklet.collective_id == collective_id,
            schema.FamilyBooklet.state == "issued",
        )
    )
    for row in rows:
        out[row.head_person_id] = row.number
        for m in row.members:
            out[m["person_id"]] = row.number
    return out
