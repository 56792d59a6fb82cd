"""An application's row bound to its audit trail.

Every step of an application writes an audit event that carries what the step left
behind: the resulting ``state``, the ``decision`` and ``facts_sha256``, a SHA-256 of what
the decision and any paper rest on (the answers, the newest decision record with the
engine's whole result, the receipt and permit numbers). The event is MAC'd under the
audit key; the row is not. So someone with only the store key who changes the row (a
refused application set to approved, say) leaves a row that disagrees with its newest
step, and that is checked before every step, before a permit is printed or verified, at
start and by `audit verify`.

Events written before the binding existed carry the state only; then only the state is
compared.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from caseworker.storage import audit
from caseworker.storage import schema as tables

#: the event written into the chain when a step met a row that disagrees with its trail
MISMATCH = audit.ROW_MISMATCH
#: the keys of an application event's detail that bind the row
BOUND = ("state", "decision", "facts_sha256")


@dataclass(frozen=True, slots=True)
class Disagreement:
    application_id: int
    number: str
    seq: int | None  # the newest step event of the application (None: it has none)
    message: str


def _digest(value: Any) -> str:
    body = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _latest_decisions(session: Session, ids: Iterable[int] | None) -> dict[int, tuple[str, Any]]:
    query = select(
        tables.DecisionRecord.application_id,
        tables.DecisionRecord.decision,
        tables.DecisionRecord.result,
    ).order_by(tables.DecisionRecord.id)
    if ids is not None:
        query = query.where(tables.DecisionRecord.application_id.in_(list(ids)))
    return {app_id: (decision, result) for app_id, decision, result in session.execute(query)}


def _bound(row: Any, decided: tuple[str, Any] | None) -> dict[str, str]:
    rests_on = {
        "case": row.case_json,
        "decided": list(decided) if decided else None,
        "receipt": row.receipt_number,
        "permit": row.permit_number,
    }
    return {"state": row.state, "decision": row.decision, "facts_sha256": _digest(rests_on)}


def _rows(session: Session, application_id: int | None) -> list[Any]:
    query = select(
        tables.Application.id,
        tables.Application.number,
        tables.Application.state,
        tables.Application.decision,
        tables.Application.case_json,
        tables.Application.receipt_number,
        tables.Application.permit_number,
    ).order_by(tables.Application.id)
    if application_id is not None:
        query = query.where(tables.Application.id == application_id)
    return list(session.execute(query))


def bound_fields(session: Session, application_id: int) -> dict[str, str]:
    """What a step's audit event carries about the row as the step leaves it (call it
    after the row was written, in the same transaction)."""
    session.flush()
    rows = _rows(session, application_id)
    if not rows:
        raise LookupError(f"no application #{application_id}")
    decided = _latest_decisions(session, [application_id]).get(application_id)
    return _bound(rows[0], decided)


def _step_events(session: Session, application_id: int | None) -> dict[int, Any]:
    """The newest event of each application that says the state it left (a step)."""
    query = select(*audit.EVENT_COLUMNS).where(
        tables.AuditEvent.application_id.is_not(None),
        tables.AuditEvent.action.startswith("application."),
    )
    if application_id is not None:
        query = query.where(tables.AuditEvent.application_id == application_id)
    newest: dict[int, Any] = {}
    for event in session.execute(query.order_by(tables.AuditEvent.id)):
        if isinstance(event.detail, dict) and "state" in event.detail:
            newest[event.application_id] = event
    return newest


def _forged(key: bytes, event: Any) -> bool:
    return bool(event.hash) and not hmac.compare_digest(audit._row_hash(key, event), event.hash)


def _compare(
    key: bytes,
    row: Any,
    event: Any | None,
    decided: tuple[str, Any] | None,
    *,
    forged_said: bool = False,
) -> Disagreement | None:
    if event is None:
        return Disagreement(
            row.id,
            row.number,
            None,
            f"application {row.number} is in the store ({row.state}) but no step of it is in "
            "the audit trail: it was put there outside the program",
        )
    where = f"event {event.seq}" if event.seq is not None else f"event #{event.id}"
    # `verify` (``forged_said``) walks the chain itself and names an edited event, so it
    # checks the event's MAC only where the row disagrees with it; a step checks it first
    if not forged_said and _forged(key, event):
        return Disagreement(
            row.id,
            row.number,
            event.seq,
            f"application {row.number}: its newest step ({where}) was changed after it was written",
        )
    found = _bound(row, decided)
    said = event.detail
    differ = [name for name in BOUND if name in said and str(said[name]) != found[name]]
    if not differ or (forged_said and _forged(key, event)):
        return None
    parts = []
    if "state" in differ or "decision" in differ:
        now = "/".join(x for x in (found["state"], found["decision"]) if x)
        then = "/".join(str(x) for x in (said.get("state"), said.get("decision")) if x)
        parts.append(
            f"is {now} in the store, but its newest step ({where}, {event.action}) left it {then}"
        )
    if "facts_sha256" in differ:
        parts.append(
            f"its answers, decision or document numbers differ from what {where} "
            f"({event.action}) recorded"
        )
    return Disagreement(
        row.id,
        row.number,
        event.seq,
        f"application {row.number} {'; and '.join(parts)}: changed outside the program",
    )


def _bound_era(session: Session) -> bool:
    """Whether any step in this store was written with the binding."""
    return (
        session.scalar(
            select(tables.AuditEvent.id)
            .where(cast(tables.AuditEvent.detail, String).contains('"facts_sha256"'))
            .limit(1)
        )
        is not None
    )


def disagreement(session: Session, application_id: int) -> Disagreement | None:
    """The one application's row against its newest step, or None when they agree."""
    key = audit.session_key(session)
    rows = _rows(session, application_id)
    if not rows:
        return None
    event = _step_events(session, application_id).get(application_id)
    if event is None and not _bound_era(session):
        return None  # a store from before the binding: nothing to hold the row to
    decided = _latest_decisions(session, [application_id]).get(application_id)
    return _compare(key, rows[0], event, decided)


def disagreements(session: Session, key: bytes) -> list[Disagreement]:
    """Every application whose row disagrees with its trail (``audit verify``, start)."""
    events = _step_events(session, None)
    decided = _latest_decisions(session, None)
    bound_era = any("facts_sha256" in e.detail for e in events.values())
    out = []
    for row in _rows(session, None):
        if row.id not in events and not bound_era:
            continue  # a store from before the binding, never stepped since: nothing to hold
        found = _compare(key, row, events.get(row.id), decided.get(row.id), forged_said=True)
        if found is not None:
            out.append(found)
    return out
