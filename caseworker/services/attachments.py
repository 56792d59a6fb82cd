"""A scan kept with an application: the bytes, their SHA-256 and the attach event, written
in the caller's transaction, so that whatever the scan belongs to (the application itself,
a collective's consent evidence) is written with it or not at all."""

from __future__ import annotations

import hashlib
from datetime import datetime

from caseworker.services.base import Actor, ServiceError
from caseworker.services.context import Session
from caseworker.storage import repositories as repo

MAX_SCAN_BYTES = 20_000_000

__all__ = ["MAX_SCAN_BYTES", "check_scan", "write_attachment"]


def check_scan(*, filename: str, content: bytes) -> None:
    """Refuse an empty scan or one over ``MAX_SCAN_BYTES`` (before any transaction)."""
    if not content:
        raise ServiceError(code="scan.empty", filename=filename)
    if len(content) > MAX_SCAN_BYTES:
        raise ServiceError(
            code="scan.too_large",
            filename=filename,
            megabytes=len(content) // 1_000_000,
            limit=MAX_SCAN_BYTES // 1_000_000,
        )


def write_attachment(
    session: Session,
    *,
    actor: Actor,
    application: repo.ApplicationView,
    filename: str,
    content: bytes,
    media_type: str,
    at: datetime,
    fields: dict[str, dict[str, str]] | None = None,
) -> repo.AttachmentView:
    """The scan's row (its bytes and their SHA-256) and its ``application.attach`` audit
    event, in ``session``'s transaction. ``fields``: which fields the desk took from this
    scan and how, recorded in the event."""
    check_scan(filename=filename, content=content)
    digest = hashlib.sha256(content).hexdigest()
    attachment = repo.add_attachment(
        session,
        application.id,
        filename=filename,
        media_type=media_type,
        sha256=digest,
        size=len(content),
        content=content,
        added_by=actor.username,
        added_at=at,
    )
    repo.add_audit(
        session,
        at=at,
        actor=actor.username,
        action="application.attach",
        application_id=application.id,
        detail={"number": application.number, "filename": filename, "sha256": digest}
        | ({"fields": fields} if fields else {}),
    )
    return attachment
