"""The store's side of sync: the outbox's entries and their state, the link to the
centre, and what pulls bring (person index, revocations, accounts). Functions take a
Session (the sync service owns it) and return frozen values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from caseworker.storage import schema

PENDING = "pending"
CONFIRMED = "confirmed"
SET_ASIDE = "set_aside"


@dataclass(frozen=True, slots=True)
class LinkView:
    central_url: str
    device_id: str
    central_key: str
    enrolled_at: datetime
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: str
    failures: int
    next_attempt_at: datetime | None
    stale_days: int
    cursors: dict[str, Any]
    central_box_key: str = ""
    centre_audit_seq: int | None = None
    bundles_sent: int = 0
    last_bundle_at: datetime | None = None
    returns_applied: int = 0
    last_return_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    key: str
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    status: str
    attempts: int
    error: str


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: int
    at: datetime
    kind: str
    subject: str
    message: str
    detail: dict[str, Any]
    outbox_id: int | None
    resolved_at: datetime | None
    resolved_by: str
    resolution: str


@dataclass(frozen=True, slots=True)
class Counts:
    waiting: int
    set_aside: int
    conflicts: int


def link(session: Session) -> LinkView | None:
    row = session.get(schema.SyncState, 1)
    if row is None:
        return None
    return LinkView(
        row.central_url,
        row.device_id,
        row.central_key,
        row.enrolled_at,
        row.last_attempt_at,
        row.last_success_at,
        row.last_error,
        row.failures,
        row.next_attempt_at,
        row.stale_days,
        dict(row.cursors or {}),
        row.central_box_key,
        row.centre_audit_seq,
        row.bundles_sent,
        row.last_bundle_at,
        row.returns_applied,
        row.last_return_at,
    )


def save_link(
    session: Session,
    *,
    central_url: str,
    device_id: str,
    central_key: str,
    at: datetime,
    central_box_key: str = "",
) -> None:
    """Enrolment: a new link replaces the old one and starts every stream afresh."""
    session.execute(delete(schema.SyncState))
    session.add(
        schema.SyncState(
            id=1,
            central_url=central_url,
            device_id=device_id,
            central_key=central_key,
            enrolled_at=at,
            last_error="",
            failures=0,
            stale_days=3,
            cursors={},
            central_box_key=central_box_key,
            bundles_sent=0,
            returns_applied=0,
        )
    )


def update_link(session: Session, **values: Any) -> None:
    session.execute(update(schema.SyncState).where(schema.SyncState.id == 1).values(**values))


def set_cursor(session: Session, stream: str, cursor: Any) -> None:
    row = session.get(schema.SyncState, 1)
    assert row is not None, "set_cursor before enrolment"
    row.cursors = {**(row.cursors or {}), stream: cursor}


def _item(row: schema.OutboxEntry) -> OutboxItem:
    return OutboxItem(
        row.id,
        row.idempotency_key,
        row.kind,
        row.payload,
        row.created_at,
        row.status,
        row.attempts,
        row.error,
    )


def pending(session: Session, *, after: int = 0, limit: int = 200) -> list[OutboxItem]:
    """The next entries to send, oldest first; set-aside ones are not among them."""
    rows = session.scalars(
        select(schema.OutboxEntry)
        .where(schema.OutboxEntry.status == PENDING, schema.OutboxEntry.id > after)
        .order_by(schema.OutboxEntry.id)
        .limit(limit)
    )
    return [_item(r) for r in rows]


def outbox_items(session: Session, status: str) -> list[OutboxItem]:
    rows = session.scalars(
        select(schema.OutboxEntry)
        .where(schema.OutboxEntry.status == status)
        .order_by(schema.OutboxEntry.id)
    )
    return [_item(r) for r in rows]


def count_attempt(session: Session, ids: Iterable[int], at: datetime) -> None:
    session.execute(
        update(schema.OutboxEntry)
        .where(schema.OutboxEntry.id.in_(list(ids)))
        .values(attempts=schema.OutboxEntry.attempts + 1, sent_at=at)
    )


def confirm(session: Session, entry_id: int, result: dict[str, Any], at: datetime) -> None:
    session.execute(
        update(schema.OutboxEntry)
        .where(schema.OutboxEntry.id == entry_id)
        .values(status=CONFIRMED, result=result, confirmed_at=at, error="")
    )


def set_aside(session: Session, entry_id: int, error: str, result: dict[str, Any] | None) -> None:
    session.execute(
        update(schema.OutboxEntry)
        .where(schema.OutboxEntry.id == entry_id)
        .values(status=SET_ASIDE, error=error, result=result)
    )


def put_back(session: Session, entry_id: int) -> bool:
    """A set-aside entry goes back into the queue (after a supervisor looked at it)."""
    done = session.execute(
        update(schema.OutboxEntry)
        .where(schema.OutboxEntry.id == entry_id, schema.OutboxEntry.status == SET_ASIDE)
        .values(status=PENDING, error="")
    )
    return bool(getattr(done, "rowcount", 0))


def counts(session: Session) -> Counts:
    by_status: dict[str, int] = {
        status: count
        for status, count in session.execute(
            select(schema.OutboxEntry.status, func.count())
            .where(schema.OutboxEntry.status != CONFIRMED)
            .group_by(schema.OutboxEntry.status)
        )
    }
    conflicts = session.scalar(
        select(func.count())
        .select_from(schema.SyncConflict)
        .where(schema.SyncConflict.resolved_at.is_(None))
    )
    return Counts(by_status.get(PENDING, 0), by_status.get(SET_ASIDE, 0), conflicts or 0)


def pending_accounts(session: Session) -> set[str]:
    """Usernames with a local account change the centre has not confirmed yet."""
    rows = session.scalars(
        select(schema.OutboxEntry.payload).where(
            schema.OutboxEntry.status != CONFIRMED, schema.OutboxEntry.kind.like("account.%")
        )
    )
    return {str(p.get("username")) for p in rows}


# --- the supervisor's queue --------------------------------------------------------------


def add_conflict(
    session: Session,
    *,
    at: datetime,
    kind: str,
    subject: str,
    message: str,
    detail: dict[str, Any],
    outbox_id: int | None = None,
) -> bool:
    """Queue a conflict unless the same one (kind and subject) is already open."""
    open_one = session.scalar(
        select(schema.SyncConflict.id).where(
            schema.SyncConflict.resolved_at.is_(None),
            schema.SyncConflict.kind == kind,
            schema.SyncConflict.subject == subject,
        )
    )
    if open_one is not None:
        return False
    session.add(
        schema.SyncConflict(
            at=at,
            kind=kind,
            subject=subject,
            message=message,
            detail=detail,
            outbox_id=outbox_id,
            resolved_by="",
            resolution="",
        )
    )
    return True


def _conflict(row: schema.SyncConflict) -> ConflictView:
    return ConflictView(
        row.id,
        row.at,
        row.kind,
        row.subject,
        row.message,
        row.detail,
        row.outbox_id,
        row.resolved_at,
        row.resolved_by,
        row.resolution,
    )


def conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    query = select(schema.SyncConflict).order_by(schema.SyncConflict.id)
    if not include_resolved:
        query = query.where(schema.SyncConflict.resolved_at.is_(None))
    return [_conflict(r) for r in session.scalars(query)]


def conflict(session: Session, conflict_id: int) -> ConflictView | None:
    row = session.get(schema.SyncConflict, conflict_id)
    return None if row is None else _conflict(row)


def resolve(session: Session, conflict_id: int, *, by: str, resolution: str, at: datetime) -> None:
    session.execute(
        update(schema.SyncConflict)
        .where(schema.SyncConflict.id == conflict_id)
        .values(resolved_at=at, resolved_by=by, resolution=resolution)
    )


# --- what pulls bring ----------------------------------------------------------------


def put_person(
    session: Session, *, office_code: str, number: str, id_number: str, state: str, at: datetime
) -> None:
    row = session.get(schema.PersonIndexEntry, (office_code, number, id_number))
    if row is None:
        session.add(
            schema.PersonIndexEntry(
                office_code=office_code,
                number=number,
                id_number=id_number,
                state=state,
                updated_at=at,
            )
        )
    else:
        row.state, row.updated_at = state, at


def elsewhere(
    session: Session, id_number: str | None, *, office_code: str, states: Iterable[str]
) -> list[tuple[str, str, str]]:
    """(office, application number, state) of this person's applications that the
    centre knows at other offices, in the given states."""
    if not id_number:
        return []
    rows = session.execute(
        select(
            schema.PersonIndexEntry.office_code,
            schema.PersonIndexEntry.number,
            schema.PersonIndexEntry.state,
        )
        .where(
            schema.PersonIndexEntry.id_number == id_number,
            schema.PersonIndexEntry.office_code != office_code,
            schema.PersonIndexEntry.state.in_(list(states)),
        )
        .order_by(schema.PersonIndexEntry.office_code, schema.PersonIndexEntry.number)
    )
    return [(o, n, s) for o, n, s in rows]


def put_revocation(session: Session, permit_number: str, reason: str, at: datetime) -> None:
    row = session.get(schema.RevokedPermit, permit_number)
    if row is None:
        session.add(schema.RevokedPermit(permit_number=permit_number, reason=reason, revoked_at=at))
    else:
        row.reason, row.revoked_at = reason, at


def revocation(session: Session, permit_number: str) -> tuple[str, datetime] | None:
    row = session.get(schema.RevokedPermit, permit_number)
    return None if row is None else (row.reason, row.revoked_at)


def put_account(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    active: bool,
    password_hash: str,
    at: datetime,
) -> None:
    row = session.scalars(select(schema.User).where(schema.User.username == username)).first()
    if row is None:
        session.add(
            schema.User(
                username=username,
                display_name=display_name,
                role=role,
                password_hash=password_hash,
                active=active,
                created_at=at,
            )
        )
    else:
        row.display_name, row.role, row.active = display_name, role, active
        row.password_hash = password_hash


def attachments_of(session: Session, numbers: Iterable[str]) -> list[dict[str, Any]]:
    """The scans kept with these applications, as a bundle carries them."""
    rows = session.execute(
        select(
            schema.Attachment.id,
            schema.Application.number,
            schema.Attachment.filename,
            schema.Attachment.sha256,
            schema.Attachment.content,
        )
        .join(schema.Application, schema.Application.id == schema.Attachment.application_id)
        .where(schema.Application.number.in_(list(numbers)))
        .order_by(schema.Attachment.id)
    )
    return [
        {"id": i, "number": n, "filename": f, "sha256": h, "content": c} for i, n, f, h, c in rows
    ]


def audit_hash_at(session: Session, seq: int) -> str | None:
    return session.scalar(select(schema.AuditEvent.hash).where(schema.AuditEvent.seq == seq))
