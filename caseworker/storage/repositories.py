"""Reading and writing the store's rows. Functions take a Session (the service owns it)
and return frozen values: no ORM object leaves this module."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from caseworker.models.names import pinyin_keys
from caseworker.models.records import HouseholdPage, RegistrationCard
from caseworker.storage import audit
from caseworker.storage import schema as t


@dataclass(frozen=True, slots=True)
class OfficeView:
    office_code: str
    station_name: str
    jurisdiction: str
    device_code: str


@dataclass(frozen=True, slots=True)
class UserView:
    username: str
    display_name: str
    role: str
    active: bool
    password_hash: str = field(repr=False)
    failed_attempts: int = 0
    locked_at: datetime | None = None
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    must_change_password: bool = False
    totp_secret: str = field(default="", repr=False)
    totp_last_step: int = 0
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PersonView:
    id: int
    id_number: str | None
    name: str
    sex: str
    birth_date: date | None
    card: dict[str, str]
    household: dict[str, str]


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


# --- office and users ------------------------------------------------------------------


def office(session: Session) -> OfficeView | None:
    row = session.scalars(select(t.Office)).first()
    if row is None:
        return None
    return OfficeView(row.office_code, row.station_name, row.jurisdiction, row.device_code)


def create_office(session: Session, view: OfficeView, at: datetime) -> None:
    session.add(
        t.Office(
            office_code=view.office_code,
            station_name=view.station_name,
            jurisdiction=view.jurisdiction,
            device_code=view.device_code,
            created_at=at,
        )
    )


def add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    at: datetime,
) -> None:
    session.add(
        t.User(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=password_hash,
            active=True,
            created_at=at,
        )
    )


def _user_view(row: t.User) -> UserView:
    return UserView(
        row.username,
        row.display_name,
        row.role,
        row.active,
        row.password_hash,
        row.failed_attempts,
        row.locked_at,
        row.locked_until,
        row.last_login_at,
        row.must_change_password,
        row.totp_secret,
        row.totp_last_step,
        row.created_at,
    )


def user(session: Session, username: str) -> UserView | None:
    row = session.scalars(select(t.User).where(t.User.username == username)).first()
    return None if row is None else _user_view(row)


def users(session: Session) -> list[UserView]:
    return [_user_view(r) for r in session.scalars(select(t.User).order_by(t.User.username))]


def update_user(session: Session, username: str, **values: Any) -> None:
    session.execute(update(t.User).where(t.User.username == username).values(**values))


def count_active(session: Session, role: str) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(t.User).where(t.User.role == role, t.User.active)
        )
        or 0
    )


def office_settings(session: Session) -> dict[str, Any]:
    return {
        name: value
        for name, value in session.execute(select(t.OfficeSetting.name, t.OfficeSetting.value))
    }


def put_office_setting(session: Session, name: str, value: Any) -> None:
    row = session.get(t.OfficeSetting, name)
    if row is None:
        session.add(t.OfficeSetting(name=name, value=value))
    else:
        row.value = value


def first_admin(session: Session) -> str | None:
    return session.scalars(
        select(t.User.username).where(t.User.role == "admin").order_by(t.User.id)
    ).first()


def next_number(session: Session, counter: str) -> int:
    """The next value of a sequence, inside the caller's transaction."""
    row = session.get(t.Counter, counter)
    if row is None:
        row = t.Counter(name=counter, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


# --- persons ---------------------------------------------------------------------------


def _person_view(row: t.Person) -> PersonView:
    card = RegistrationCard(
        name=row.name,
        relation_to_head=row.relation_to_head,
        former_name=row.former_name,
        ethnicity=row.ethnicity,
        native_place=row.native_place,
        birthplace=row.birthplace,
        education=row.education,
        marital_status=row.marital_status,
        military_service=row.military_service,
        workplace=row.workplace,
        occupation=row.occupation,
        moved_in_from=row.moved_in_from,
    ).model_dump()
    household = (
        HouseholdPage(
            household_kind=row.household.household_kind,
            household_number=row.household.household_number,
            head_name=row.household.head_name,
            address=row.household.address,
        ).model_dump()
        if row.household is not None
        else {}
    )
    return PersonView(row.id, row.id_number, row.name, row.sex, row.birth_date, card, household)


def save_person(
    session: Session,
    *,
    id_number: str | None,
    birth_date: date,
    sex: str,
    card: RegistrationCard,
    household: HouseholdPage | None,
) -> int:
    """The person with this ID number, updated from the hukou book in hand; a person
    without an ID number (a small child) is always a new row."""
    row = None
    if id_number is not None:
        row = session.scalars(select(t.Person).where(t.Person.id_number == id_number)).first()
    if row is None:
        row = t.Person(id_number=id_number)
        session.add(row)
    full, initials = pinyin_keys(card.name)
    row.birth_date, row.sex = birth_date, sex
    row.name, row.name_pinyin, row.name_initials = card.name, full, initials
    for name in (
        "relation_to_head",
        "former_name",
        "ethnicity",
        "native_place",
        "birthplace",
        "education",
        "marital_status",
        "military_service",
        "workplace",
        "occupation",
        "moved_in_from",
    ):
        setattr(row, name, getattr(card, name))
    if household is not None and any(household.model_dump().values()):
        if row.household is None:
            row.household = t.Household()
        for name, value in household.model_dump().items():
            setattr(row.household, name, value)
    session.flush()
    return row.id


# --- applications ----------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class PrintedView:
    id: int
    application_id: int
    kind: str
    number: str
    copy: int
    digest: str
    payload: str
    voided: bool
    void_reason: str
    printed_by: str
    printed_at: datetime


def _printed_view(row: t.PrintedDocument) -> PrintedView:
    return PrintedView(
        row.id,
        row.application_id,
        row.kind,
        row.number,
        row.copy,
        row.digest,
        row.payload,
        row.voided,
        row.void_reason,
        row.printed_by,
        row.printed_at,
    )


def add_printed(session: Session, **values: Any) -> PrintedView:
    row = t.PrintedDocument(**values)
    session.add(row)
    session.flush()
    return _printed_view(row)


def printed_copies(session: Session, number: str) -> list[PrintedView]:
    rows = session.scalars(
        select(t.PrintedDocument)
        .where(t.PrintedDocument.number == number)
        .order_by(t.PrintedDocument.copy)
    )
    return [_printed_view(r) for r in rows]


def printed_of(session: Session, application_id: int) -> list[PrintedView]:
    rows = session.scalars(
        select(t.PrintedDocument)
        .where(t.PrintedDocument.application_id == application_id)
        .order_by(t.PrintedDocument.id)
    )
    return [_printed_view(r) for r in rows]


def void_printed(session: Session, printed_id: int, reason: str) -> None:
    row = session.get(t.PrintedDocument, printed_id)
    assert row is not None
    row.voided, row.void_reason = True, reason


def add_device_key(session: Session, device_code: str, public_key: str, at: datetime) -> None:
    session.add(t.DeviceKey(device_code=device_code, public_key=public_key, created_at=at))


def device_keys(session: Session) -> dict[str, list[str]]:
    """device code -> its public keys, as this store knows them."""
    out: dict[str, list[str]] = {}
    for code, key in session.execute(select(t.DeviceKey.device_code, t.DeviceKey.public_key)):
        out.setdefault(code, []).append(key)
    return out


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
