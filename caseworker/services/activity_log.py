"""Every audit event the store commits also goes to the log file (caseworker/logs.py),
so the IT person sees logins, saves, steps and prints without the audit key: collected
when a session flushes them, written once the transaction commits (an event rolled back
never reaches the log)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from caseworker import logs
from caseworker.storage import schema as tables

_PENDING = "activity_log_pending"


def attach(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_flush", _collect)
    event.listen(sessions, "after_commit", _write)
    event.listen(sessions, "after_rollback", _forget)


def _collect(session: Session, _context: Any) -> None:
    found = [row for row in session.new if isinstance(row, tables.AuditEvent)]
    if found:
        pending = session.info.setdefault(_PENDING, [])
        pending.extend(
            (row.actor, row.action, row.application_id, dict(row.detail or {})) for row in found
        )


def _write(session: Session) -> None:
    for actor, action, application_id, detail in session.info.pop(_PENDING, []):
        logs.audit_event(actor=actor, action=action, application_id=application_id, detail=detail)


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
