"""Applications: the application row with its relatives, decisions, answers, documents
seen and scans, its audit events and outbox entries. Functions take a Session and
return frozen values; no ORM object leaves this module."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from caseworker.storage import audit, schema
from caseworker.storage.persons import PersonView, _person_view


@dataclass(frozen=True, slots=True)
class RelativeView:
    position: int
    relation: str
    verdict: str
    person: PersonView


@dataclass(frozen=True, slots=True)
class DecisionView:
    decision: str
    result: dict[str, Any]
    pack_versions: dict[str, Any]
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class ApplicationView:
    id: int
    number: str
    state: str
    version: int
    on: date
    destination_county: str
    destination_street: str
    destination_address: str
    case: dict[str, Any]
    applicant: PersonView
    relatives: tuple[RelativeView, ...]
    receipt_number: str | None
    permit_number: str | None
    decision: DecisionView | None
    reason: str
    created_at: datetime
    created_by: str
    accepted_by: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


def insert_application(session: Session, **values: Any) -> int:
    row = schema.Application(**values)
    session.add(row)
    session.flush()
    return row.id


def replace_relatives(
    session: Session, application_id: int, relatives: Sequence[tuple[int, str]]
) -> None:
    """The application's relatives, in order: (person id, relation)."""
    row = session.get(schema.Application, application_id)
    assert row is not None
    row.relatives.clear()
    session.flush()
    for position, (person_id, relation) in enumerate(relatives):
        row.relatives.append(
            schema.Relative(position=position, person_id=person_id, relation=relation)
        )
    session.flush()


def set_verdicts(session: Session, application_id: int, verdicts: Sequence[str]) -> None:
    rows = session.scalars(
        select(schema.Relative)
        .where(schema.Relative.application_id == application_id)
        .order_by(schema.Relative.position)
    ).all()
    for row, verdict in zip(rows, verdicts, strict=False):
        row.verdict = verdict


def update_application(
    session: Session, application_id: int, expected_version: int, **values: Any
) -> None:
    """Change an application if nobody changed it since it was read (optimistic lock)."""
    result = session.execute(
        update(schema.Application)
        .where(
            schema.Application.id == application_id, schema.Application.version == expected_version
        )
        .values(version=expected_version + 1, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChangeError(
            "the application was changed by someone else meanwhile; open it again"
        )


class ConcurrentChangeError(Exception):
    pass


def load(session: Session, number: str) -> ApplicationView | None:
    row = session.scalars(
        select(schema.Application)
        .where(schema.Application.number == number)
        .options(
            selectinload(schema.Application.applicant).selectinload(schema.Person.household),
            selectinload(schema.Application.relatives)
            .selectinload(schema.Relative.person)
            .selectinload(schema.Person.household),
        )
        .execution_options(populate_existing=True)  # after Core updates in this session
    ).first()
    if row is None:
        return None
    decision_row = session.scalars(
        select(schema.DecisionRecord)
        .where(schema.DecisionRecord.application_id == row.id)
        .order_by(schema.DecisionRecord.id.desc())
    ).first()
    decision = (
        DecisionView(
            decision_row.decision,
            decision_row.result,
            decision_row.pack_versions,
            decision_row.decided_by,
            decision_row.decided_at,
        )
        if decision_row is not None
        else None
    )
    return ApplicationView(
        id=row.id,
        number=row.number,
        state=row.state,
        version=row.version,
        on=row.on_date,
        destination_county=row.destination_county,
        destination_street=row.destination_street,
        destination_address=row.destination_address,
        case=row.case_json,
        applicant=_person_view(row.applicant),
        relatives=tuple(
            RelativeView(r.position, r.relation, r.verdict, _person_view(r.person))
            for r in row.relatives
        ),
        receipt_number=row.receipt_number,
        permit_number=row.permit_number,
        decision=decision,
        reason=row.reason,
        created_at=row.created_at,
        created_by=row.created_by,
        accepted_by=row.accepted_by,
        updated_at=row.updated_at,
    )


def applications_of_person(
    session: Session, person_id: int, states: Iterable[str], *, exclude: int | None = None
) -> list[tuple[str, str, str]]:
    """(number, state, role) of applications naming this person as applicant or relative."""
    states = list(states)
    as_applicant = select(schema.Application.number, schema.Application.state).where(
        schema.Application.applicant_id == person_id, schema.Application.state.in_(states)
    )
    as_relative = (
        select(schema.Application.number, schema.Application.state)
        .join(schema.Relative, schema.Relative.application_id == schema.Application.id)
        .where(schema.Relative.person_id == person_id, schema.Application.state.in_(states))
    )
    if exclude is not None:
        as_applicant = as_applicant.where(schema.Application.id != exclude)
        as_relative = as_relative.where(schema.Application.id != exclude)
    out = [(n, s, "applicant") for n, s in session.execute(as_applicant)]
    out += [(n, s, "relative") for n, s in session.execute(as_relative)]
    return out


def add_fact_answers(
    session: Session, application_id: int, answers: dict[str, Any], actor: str, at: datetime
) -> None:
    for fact, value in answers.items():
        session.add(
            schema.FactAnswer(
                application_id=application_id,
                fact=fact,
                value=value,
                answered_by=actor,
                answered_at=at,
            )
        )


def fact_history(session: Session, number: str) -> list[tuple[str, Any, str, datetime]]:
    rows = session.execute(
        select(
            schema.FactAnswer.fact,
            schema.FactAnswer.value,
            schema.FactAnswer.answered_by,
            schema.FactAnswer.answered_at,
        )
        .join(schema.Application, schema.Application.id == schema.FactAnswer.application_id)
        .where(schema.Application.number == number)
        .order_by(schema.FactAnswer.id)
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def add_document_seen(
    session: Session, application_id: int, name: str, actor: str, at: datetime
) -> None:
    session.add(
        schema.DocumentSeen(application_id=application_id, name=name, seen_by=actor, seen_at=at)
    )


def documents_seen(session: Session, application_id: int) -> list[tuple[str, str, datetime]]:
    rows = session.execute(
        select(schema.DocumentSeen.name, schema.DocumentSeen.seen_by, schema.DocumentSeen.seen_at)
        .where(schema.DocumentSeen.application_id == application_id)
        .order_by(schema.DocumentSeen.id)
    )
    return [(r[0], r[1], r[2]) for r in rows]


@dataclass(frozen=True, slots=True)
class AttachmentView:
    id: int
    filename: str
    media_type: str
    sha256: str
    size: int
    added_by: str
    added_at: datetime


def add_attachment(session: Session, application_id: int, **values: Any) -> AttachmentView:
    row = schema.Attachment(application_id=application_id, **values)
    session.add(row)
    session.flush()
    return AttachmentView(
        row.id, row.filename, row.media_type, row.sha256, row.size, row.added_by, row.added_at
    )


def attachments(session: Session, application_id: int) -> list[AttachmentView]:
    rows = session.execute(
        select(
            schema.Attachment.id,
            schema.Attachment.filename,
            schema.Attachment.media_type,
            schema.Attachment.sha256,
            schema.Attachment.size,
            schema.Attachment.added_by,
            schema.Attachment.added_at,
        )
        .where(schema.Attachment.application_id == application_id)
        .order_by(schema.Attachment.id)
    )
    return [AttachmentView(*r) for r in rows]


def attachment_content(session: Session, attachment_id: int) -> tuple[bytes, str] | None:
    row = session.get(schema.Attachment, attachment_id)
    return (row.content, row.sha256) if row is not None else None


def add_decision(session: Session, application_id: int, **values: Any) -> None:
    session.add(schema.DecisionRecord(application_id=application_id, **values))


#: one event at the end of the keyed chain (``storage.audit``), in the caller's unit of work
add_audit = audit.append


def audit_of(session: Session, number: str) -> list[AuditView]:
    rows = session.execute(
        select(
            schema.AuditEvent.at,
            schema.AuditEvent.actor,
            schema.AuditEvent.action,
            schema.AuditEvent.detail,
        )
        .join(schema.Application, schema.Application.id == schema.AuditEvent.application_id)
        .where(schema.Application.number == number)
        .order_by(schema.AuditEvent.id)
    )
    return [AuditView(*r) for r in rows]


def add_outbox(
    session: Session, *, key: str, kind: str, payload: dict[str, Any], at: datetime
) -> None:
    session.add(schema.OutboxEntry(idempotency_key=key, kind=kind, payload=payload, created_at=at))


def count_rows(session: Session, table: str) -> int:
    model = {
        "applications": schema.Application,
        "persons": schema.Person,
        "audit_events": schema.AuditEvent,
        "outbox": schema.OutboxEntry,
        "decisions": schema.DecisionRecord,
        "fact_answers": schema.FactAnswer,
        "relatives": schema.Relative,
    }[table]
    return session.scalar(select(func.count()).select_from(model)) or 0


def own_unfinished(
    session: Session, *, id_number: str, created_by: str, states: Iterable[str]
) -> str | None:
    """The newest application of the applicant with this ID number that ``created_by``
    began and left in one of ``states`` (a `caseworker apply` cut short)."""
    return session.scalar(
        select(schema.Application.number)
        .join(schema.Person, schema.Person.id == schema.Application.applicant_id)
        .where(
            schema.Person.id_number == id_number,
            schema.Application.created_by == created_by,
            schema.Application.state.in_(list(states)),
        )
        .order_by(schema.Application.id.desc())
        .limit(1)
    )


def application_number(session: Session, application_id: int) -> str | None:
    return session.scalar(
        select(schema.Application.number).where(schema.Application.id == application_id)
    )


def fingerprint(session: Session) -> tuple[int, str]:
    """How many applications there are and when the last was changed: it moves with every
    change, whichever program made it (the desk, the command line, a sync round)."""
    count, newest = session.execute(
        select(func.count(schema.Application.id), func.max(schema.Application.updated_at))
    ).one()
    return int(count), newest.isoformat() if newest is not None else ""
