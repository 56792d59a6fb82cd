"""One change, recorded: its audit event and its outbox entry for the central system, in
the caller's transaction (every service that changes something shares this; the store's
restore too, which is why it stands apart from ``context.py``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from caseworker.services.base import Actor
from caseworker.storage import repositories as repo
from caseworker.storage.offices import OfficeView

__all__ = ["record_change"]


def record_change(
    session: Session,
    *,
    office: OfficeView,
    actor: Actor,
    action: str,
    at: datetime,
    detail: dict[str, Any],
    payload: dict[str, Any],
    application_id: int | None = None,
    kind: str | None = None,
) -> None:
    """One change, in the caller's transaction: its audit event (``detail``, ID numbers
    masked) and its outbox entry for the centre (``payload``, in full, under the office,
    the device, the time and the actor). The entry's kind is the action unless ``kind``
    names the operation the centre knows it by (``account.changed``)."""
    repo.add_audit(
        session,
        at=at,
        actor=actor.username,
        action=action,
        application_id=application_id,
        detail=detail,
    )
    repo.add_outbox(
        session,
        key=uuid.uuid4().hex,
        kind=kind or action,
        payload={
            "office_code": office.office_code,
            "device_code": office.device_code,
            "at": at.isoformat(),
            "actor": actor.username,
            **payload,
        },
        at=at,
    )
