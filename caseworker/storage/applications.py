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

from caseworker.storage import audit
from caseworker.storage import schema as t
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
    row = t.Application(**values)
    session.add(row)
    session.flush()
    return row.id


def replace_relatives(
    session: Session, application_id: int, relatives: Sequence[tuple[int, str]]
) -> None:
    """The application's relatives, in order: (person id, relation)."""
    row = session.get(t.Application, application_id)
    assert row is not None
    row.relatives.clear()
    session.flush()
    for position, (person_id, relation) in enumerate(relatives):
        row.relatives.append(t.Relative(position=position, person_id=person_id, relation=relation))
    session.flush()


def set_verdicts(session: Session, application_id: int, verdicts: Sequence[str]) -> None:
    rows = session.scalars(
        select(t.Relative)
        .where(t.Relative.application_id == application_id)
        .order_by(t.Relative.position)
    ).all()
    for row, verdict in zip(rows, verdicts, strict=False):
        row.verdict = verdict


def update_application(
    session: Session, application_id: int, expected_version: int, **values: Any
) -> None:
    """Change an application if nobody changed it since it was read (optimistic lock)."""
    result = session.execute(
        update(t.Application)
        .where(t.Application.id == application_id, t.Application.version == expected_version)
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
        select(t.Application)
        .where(t.Application.number == number)
        .options(
            selectinload(t.Application.applicant).selectinload(t.Person.household),
            selectinload(t.Application.relatives)
            .selectinload(t.Relative.person)
            .selectinload(t.Person.household),
        )
        .execution_options(populate_existing=True)  # after Core updates in this session
    ).first()
    if row is None:
        return None
    decision_row = session.scalars(
        select(t.DecisionRecord)
        .where(t.DecisionRecord.application_id == row.id)
        .order_by(t.DecisionRecord.id.desc())
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
    as_applicant = select(t.Application.number, t.Application.state).where(
        t.Application.applicant_id == person_id, t.Application.state.in_(states)
    )
    as_relative = (
        select(t.Application.number, t.Application.state)
        .join(t.Relative, t.Relative.application_id == t.Application.id)
        .where(t.Relative.person_id == person_id, t.Application.state.in_(states))
    )
    if exclude is not None:
        as_applicant = as_applicant.where(t.Application.id != exclude)
        as_relative = as_relative.where(t.Application.id != exclude)
    out = [(n, s, "applicant") for n, s in session.execute(as_applicant)]
    out += [(n, s, "relative") for n, s in session.execute(as_relative)]
    return out


def add_fact_answers(
    session: Session, application_id: int, answers: dict[str, Any], actor: str, at: datetime
) -> None:
    for fact, value in answers.items():
        session.add(
            t.FactAnswer(
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
            t.FactAnswer.fact,
            t.FactAnswer.value,
            t.FactAnswer.answered_by,
            t.FactAnswer.answered_at,
        )
        .join(t.Application, t.Application.id == t.FactAnswer.application_id)
        .where(t.Application.number == number)
        .order_by(t.FactAnswer.id)
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def add_document_seen(
    session: Session, application_id: int, name: str, actor: str, at: datetime
) -> None:
    session.add(t.DocumentSeen(application_id=application_id, name=name, seen_by=actor, seen_at=at))


def documents_seen(session: Session, application_id: int) -> list[tuple[str, str, datetime]]:
    rows = session.execute(
        select(t.DocumentSeen.name, t.DocumentSeen.seen_by, t.DocumentSeen.seen_at)
        .where(t.DocumentSeen.application_id == application_id)
        .order_by(t.DocumentSeen.id)
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
    row = t.Attachment(application_id=application_id, **values)
    session.add(row)
    session.flush()
    return AttachmentView(
        row.id, row.filename, row.media_type, row.sha256, row.size, row.added_by, row.added_at
    )


def attachments(session: Session, application_id: int) -> list[AttachmentView]:
    rows = session.execute(
        select(
            t.Attachment.id,
            t.Attachment.filename,
            t.Attachment.media_type,
            t.Attachment.sha256,
            t.Attachment.size,
            t.Attachment.added_by,
            t.Attachment.added_at,
        )
        .where(t.Attachment.application_id == application_id)
        .order_by(t.Attachment.id)
    )
    return [AttachmentView(*r) for r in rows]


def attachment_content(session: Session, attachment_id: int) -> tuple[bytes, str] | None:
    row = session.get(t.Attachment, attachment_id)
    return (row.content, row.sha256) if row is not None else None


def add_decision(session: Session, application_id: int, **values: Any) -> None:
    session.add(t.DecisionRecord(application_id=application_id, **values))


#: one event at the end of the keyed chain (``storage.audit``), in the caller's unit of work
add_audit = audit.append


def audit_of(session: Session, number: str) -> list[AuditView]:
    rows = session.execute(
        select(t.AuditEvent.at, t.AuditEvent.actor, t.AuditEvent.action, t.AuditEvent.detail)
        .join(t.Application, t.Application.id == t.AuditEvent.application_id)
        .where(t.Application.number == number)
        .order_by(t.AuditEvent.id)
    )
    return [AuditView(*r) for r in rows]


def add_outbox(
    session: Session, *, key: str, kind: str, payload: dict[str, Any], at: datetime
) -> None:
    session.add(t.OutboxEntry(idempotency_key=key, kind=kind, payload=payload, created_at=at))


def count_rows(session: Session, table: str) -> int:
    model = {
        "applications": t.Application,
        "persons": t.Person,
        "audit_events": t.AuditEvent,
        "outbox": t.OutboxEntry,
        "decisions": t.DecisionRecord,
        "fact_answers": t.FactAnswer,
        "relatives": t.Relative,
    }[table]
    return session.scalar(select(func.count()).select_from(model)) or 0
