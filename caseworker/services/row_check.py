"""Before a step or a print: the application's row must be what its newest audited step
left (``storage.bindings``). A row changed outside the program refuses the step, and the
refusal itself is written into the chain, where `audit verify` reports it for ever."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from caseworker.services.base import Actor, TamperedError
from caseworker.services.store import Store
from caseworker.storage import bindings
from caseworker.storage import schema as tables


def refuse_if_tampered(store: Store, *, actor: Actor, number: str, at: datetime) -> None:
    """Raise ``TamperedError`` (after recording it) when ``number``'s row disagrees with
    its trail; an unknown number passes (the caller says it is not found)."""
    if store.read_only:
        return
    with store.sessions() as session:
        app_id = session.scalar(
            select(tables.Application.id).where(tables.Application.number == number.strip())
        )
        found = None if app_id is None else bindings.disagreement(session, app_id)
    if found is None:
        return
    store.record(
        at=at,
        actor=actor.username,
        action="audit.row_mismatch",  # bindings.MISMATCH, written out for audit_names
        application_id=found.application_id,
        detail={"number": found.number, "found": found.message},
    )
    raise TamperedError(number=found.number, found=found.message)
