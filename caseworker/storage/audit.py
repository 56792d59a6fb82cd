"""The audit trail as a keyed chain.

Every event's ``hash`` is an HMAC-SHA256, under a key kept outside the store (the keyring),
of the event and of the previous event's hash. Without that key nobody can recompute the
chain, so an event edited, deleted, inserted or moved directly in the database shows, and
so does a trail cut short at its end: the newest event is named by a keyed head row, and
by a witness file beside the store that the program rewrites after each commit.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.storage import schema as tables
from caseworker.storage.database import StoreError

#: the session.info entries this module reads and writes
KEY = "audit_key"
WRITTEN = "audit_head_written"
WITNESS = "audit_witness"  # a callable giving the witness beside the store (or None)
HEAD_REBUILT = "audit.head_rebuilt"  # written by earlier versions where the head was missing
TAIL_BROKEN = "audit.tail_broken"
ROW_MISMATCH = "audit.row_mismatch"  # a step refused: the application's row disagreed
ROLLED_BACK = "audit.rolled_back"  # the store found behind its high-water mark at an open
#: set in ``session.info`` by the one transaction that makes a store (``Store.init``): the
#: only place a trail may begin with neither an event nor a head
NEW_CHAIN = "audit_new_chain"
#: every store begins with its first event (``store.init``), written with the office
EMPTY = "every event and the chain head had been deleted"


@dataclass(frozen=True, slots=True)
class ChainHead:
    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class Finding:
    # edited | inserted | deleted | reordered | truncated | head | witness | row | rolled back
    kind: str
    seq: int | None
    message: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    events: int
    head: ChainHead | None
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    seq: int | None
    at: datetime
    actor: str
    action: str
    application_id: int | None
    detail: dict[str, Any]


#: the columns an event's hash is made of, and the row they sit in (the chain's walk and
#: the row bindings' check read the same)
EVENT_COLUMNS = (
    tables.AuditEvent.id,
    tables.AuditEvent.seq,
    tables.AuditEvent.prev_hash,
    tables.AuditEvent.hash,
    tables.AuditEvent.at,
    tables.AuditEvent.actor,
    tables.AuditEvent.action,
    tables.AuditEvent.application_id,
    tables.AuditEvent.detail,
)


def _key(session: Session) -> bytes:
    key = session.info.get(KEY)
    if not isinstance(key, bytes) or len(key) < 32:
        raise StoreError("the audit key is not loaded; open the store through Store.open")
    return key


def session_key(session: Session) -> bytes:
    """The audit key the session was opened with (``StoreError`` if none)."""
    return _key(session)


def event_hash(
    key: bytes,
    *,
    seq: int,
    prev_hash: str,
    at: datetime,
    actor: str,
    action: str,
    application_id: int | None,
    detail: dict[str, Any],
) -> str:
    body = json.dumps(
        [seq, prev_hash, at.isoformat(), actor, action, application_id, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def _row_hash(key: bytes, row: Any) -> str:
    """The hash of an event row (an ORM row or a selected Row: the same attributes)."""
    return event_hash(
        key,
        seq=row.seq,
        prev_hash=row.prev_hash,
        at=row.at,
        actor=row.actor,
        action=row.action,
        application_id=row.application_id,
        detail=row.detail,
    )


def head_mac(key: bytes, head: ChainHead) -> str:
    return hmac.new(key, f"head|{head.seq}|{head.hash}".encode(), hashlib.sha256).hexdigest()


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    application_id: int | None,
    detail: dict[str, Any],
) -> ChainHead:
    """Add one event at the end of the chain, inside the caller's transaction.

    The head it extends is checked first (its MAC, that it names the newest event, and the
    witness beside the store): a head that was changed, removed or moved backwards is
    never extended quietly. The program carries on, but first writes what it found into
    the chain itself (``audit.tail_broken``), where `audit verify` reports it for ever,
    and continues from the newest event there is."""
    key = _key(session)
    # the detail as the JSON column gives it back, so the hash is computed on what is read
    detail = json.loads(json.dumps(detail, ensure_ascii=False, default=str))
    head_row = session.get(tables.AuditHead, 1)
    problem = tail_problem(session, key, head_row)
    if problem is not None:
        last = session.execute(
            select(tables.AuditEvent.seq, tables.AuditEvent.hash)
            .order_by(tables.AuditEvent.id.desc())
            .limit(1)
        ).first()
        if head_row is None:
            head_row = tables.AuditHead(id=1, seq=0, hash="", mac="")
            session.add(head_row)
        head_row.seq, head_row.hash = (last[0] or 0, last[1] or "") if last else (0, "")
        _append_row(
            session,
            key,
            head_row,
            at,
            "system",
            TAIL_BROKEN,
            None,
            {"found": problem, "after": head_row.seq},
        )
    elif head_row is None:
        head_row = tables.AuditHead(id=1, seq=0, hash="", mac="")
        session.add(head_row)
    return _append_row(session, key, head_row, at, actor, action, application_id, detail)


def tail_problem(session: Session, key: bytes, head_row: tables.AuditHead | None) -> str | None:
    """What is wrong with the end of the trail, in words, or None: the head row against
    its MAC and the newest event, then against the witness beside the store."""
    last = session.execute(
        select(tables.AuditEvent.seq, tables.AuditEvent.hash)
        .order_by(tables.AuditEvent.id.desc())
        .limit(1)
    ).first()
    reader = session.info.get(WITNESS)
    if head_row is None:
        if last is not None:
            return "the chain head was missing"
        if session.info.get(NEW_CHAIN):
            return None
        witness = reader() if callable(reader) else None
        if witness is not None:
            return f"{EMPTY} (this machine had written event {witness.seq})"
        return EMPTY
    current = ChainHead(head_row.seq, head_row.hash)
    if not hmac.compare_digest(head_mac(key, current), head_row.mac or ""):
        return f"the chain head (event {head_row.seq}) had been changed"
    if last is None:
        return f"every event had been deleted, although the head named event {head_row.seq}"
    if last[0] is None or last[0] > head_row.seq:
        return f"events stood after the head (event {head_row.seq})"
    if last[0] < head_row.seq or last[1] != head_row.hash:
        return f"the trail ended at event {last[0]} but its head named event {head_row.seq}"
    if not callable(reader):
        return None
    witness = reader()
    if witness is None:
        return f"the witness file beside the store was missing (head: event {head_row.seq})"
    if witness.seq > head_row.seq:
        return (
            f"this machine had written event {witness.seq}, but the head named event "
            f"{head_row.seq}: the head was moved backwards"
        )
    if witness.seq == head_row.seq and witness.hash != head_row.hash:
        return f"event {witness.seq} was not the one this machine wrote"
    return None


def _append_row(  # noqa: PLR0917 - private; the fields of one event, in their order
    session: Session,
    key: bytes,
    head_row: tables.AuditHead,
    at: datetime,
    actor: str,
    action: str,
    application_id: int | None,
    detail: dict[str, Any],
) -> ChainHead:
    seq = head_row.seq + 1
    row = tables.AuditEvent(
        at=at,
        actor=actor,
        action=action,
        application_id=application_id,
        detail=detail,
        seq=seq,
        prev_hash=head_row.hash,
    )
    digest = row.hash = _row_hash(key, row)
    session.add(row)
    head = ChainHead(seq, digest)
    head_row.seq, head_row.hash, head_row.mac = seq, digest, head_mac(key, head)
    session.info[WRITTEN] = head
    return head


def needs_sealing(session: Session) -> bool:
    """Events, none of them chained, and no head: how a store from before the chain looks.
    Only the open that has just migrated such a store past 0004 may seal it (see
    ``Store.open``); anywhere else this shape is a chain that was stripped, and is
    reported, never sealed again."""
    if session.get(tables.AuditHead, 1) is not None:
        return False
    if session.scalar(
        select(func.count()).select_from(tables.AuditEvent).where(tables.AuditEvent.hash != "")
    ):
        return False
    return bool(session.scalar(select(func.count()).select_from(tables.AuditEvent)))


def seal_unchained(session: Session) -> int:
    """Chain the events written before the chain existed (once, on the open that migrates
    a store past 0004). Returns how many were sealed."""
    key = _key(session)
    if not needs_sealing(session):
        return 0
    head_row = tables.AuditHead(id=1, seq=0, hash="", mac="")
    session.add(head_row)
    rows = session.scalars(select(tables.AuditEvent).order_by(tables.AuditEvent.id)).all()
    for row in rows:
        seq = head_row.seq + 1
        row.seq, row.prev_hash = seq, head_row.hash
        row.hash = _row_hash(key, row)
        head = ChainHead(seq, row.hash)
        head_row.seq, head_row.hash, head_row.mac = seq, row.hash, head_mac(key, head)
    session.info[WRITTEN] = ChainHead(head_row.seq, head_row.hash)
    return len(rows)


def head(session: Session) -> ChainHead | None:
    row = session.get(tables.AuditHead, 1)
    return None if row is None else ChainHead(row.seq, row.hash)


def verify(
    session: Session, *, witness: ChainHead | None = None, witness_expected: bool = False
) -> AuditReport:
    """Walk the whole trail and say what does not hold, event by event. With
    ``witness_expected`` (the program's own store, on its machine) a chained trail whose
    witness file is missing is a finding too: without it a cut end cannot be seen."""
    key = _key(session)
    findings: list[Finding] = []
    rows = session.execute(select(*EVENT_COLUMNS).order_by(tables.AuditEvent.id)).all()
    genuine: dict[int, tuple[int, str, str]] = {}  # seq -> (id, prev_hash, hash)
    forged: list[tuple[int, int]] = []
    for row in rows:
        row_id, seq, prev_hash, digest, at, action = (
            row.id,
            row.seq,
            row.prev_hash,
            row.hash,
            row.at,
            row.action,
        )
        if seq is None or not digest:
            findings.append(
                Finding("inserted", None, f"event #{row_id} ({action}) has no place in the chain")
            )
            continue
        if not hmac.compare_digest(_row_hash(key, row), digest):
            forged.append((row_id, seq))
            continue
        if seq in genuine:
            findings.append(Finding("inserted", seq, f"event {seq} appears twice (#{row_id})"))
            continue
        genuine[seq] = (row_id, prev_hash, digest)
        if action == ROW_MISMATCH:
            found = row.detail.get("found") if isinstance(row.detail, dict) else None
            findings.append(
                Finding(
                    "row",
                    seq,
                    f"at event {seq} ({at:%Y-%m-%d %H:%M:%S}) a step was refused: "
                    f"{found or 'an application disagreed with its trail'}",
                )
            )
        if action == ROLLED_BACK:
            found = row.detail.get("found") if isinstance(row.detail, dict) else None
            findings.append(
                Finding(
                    "rolled back",
                    seq,
                    f"at event {seq} ({at:%Y-%m-%d %H:%M:%S}) "
                    f"{found or 'the store was found rolled back'}",
                )
            )
        if action in {HEAD_REBUILT, TAIL_BROKEN}:
            found = row.detail.get("found") if isinstance(row.detail, dict) else None
            findings.append(
                Finding(
                    "truncated",
                    seq,
                    f"before event {seq} ({at:%Y-%m-%d %H:%M:%S}) "
                    f"{found or 'the chain head was missing'}: "
                    "events at the end of the trail may have been deleted",
                )
            )
    for row_id, seq in forged:
        if seq in genuine:
            findings.append(
                Finding("inserted", seq, f"event #{row_id} claims to be event {seq}, which exists")
            )
        else:
            genuine.setdefault(seq, (row_id, "", ""))
            findings.append(
                Finding("edited", seq, f"event {seq} (#{row_id}) was changed after it was written")
            )
    # order: the events' row order must follow their chain order
    last_seq = 0
    for row_id, seq, *_ in rows:
        if seq is None or genuine.get(seq, (None,))[0] != row_id:
            continue
        if seq < last_seq:
            findings.append(
                Finding("reordered", seq, f"event {seq} stands after event {last_seq}: moved")
            )
        last_seq = max(last_seq, seq)
    # links and gaps
    newest = max(genuine, default=0)
    missing: list[int] = []
    for seq in range(1, newest + 1):
        if seq not in genuine:
            missing.append(seq)
            continue
        _, prev_hash, _ = genuine[seq]
        before = genuine.get(seq - 1)
        if prev_hash and before is not None and before[2] and before[2] != prev_hash:
            findings.append(Finding("edited", seq, f"event {seq} does not follow event {seq - 1}"))
    for first, last in _ranges(missing):
        which = f"event {first}" if first == last else f"events {first} to {last}"
        findings.append(Finding("deleted", first, f"{which} deleted"))
    # the end of the trail
    head_row = session.get(tables.AuditHead, 1)
    chain_head: ChainHead | None = None
    if head_row is None:
        if rows:
            findings.append(
                Finding("head", None, f"the chain head is missing (the newest event is {newest})")
            )
        elif witness is None:  # with a witness, the cut is said below with its numbers
            findings.append(Finding("truncated", 1, f"the trail is empty from event 1 on: {EMPTY}"))
    else:
        chain_head = ChainHead(head_row.seq, head_row.hash)
        if not hmac.compare_digest(head_mac(key, chain_head), head_row.mac):
            findings.append(
                Finding("head", head_row.seq, f"the chain head (event {head_row.seq}) was changed")
            )
        elif head_row.seq > newest:
            findings.append(
                Finding(
                    "truncated",
                    newest + 1,
                    f"the trail ends at event {newest} but its head says {head_row.seq}: "
                    f"events {newest + 1} to {head_row.seq} deleted",
                )
            )
        elif head_row.seq < newest:
            findings.append(
                Finding("inserted", head_row.seq + 1, f"events after the head ({head_row.seq})")
            )
    if witness is None and witness_expected and chain_head is not None:
        findings.append(
            Finding(
                "witness",
                chain_head.seq,
                f"the witness file beside the store is missing (the head names event "
                f"{chain_head.seq}): a cut at the end of the trail could not be seen",
            )
        )
    if witness is not None:
        ours = genuine.get(witness.seq)
        if witness.seq > newest:
            findings.append(
                Finding(
                    "truncated",
                    newest + 1,
                    f"events {newest + 1} to {witness.seq} deleted: this machine wrote event "
                    f"{witness.seq}, but the trail ends at {newest}",
                )
            )
        elif ours is not None and ours[2] and ours[2] != witness.hash:
            findings.append(
                Finding("edited", witness.seq, f"event {witness.seq} is not the one written")
            )
    # applications whose row (state, decision, what they rest on) is not what their newest
    # step left: changed outside the program
    from caseworker.storage import bindings  # noqa: PLC0415 - it builds on this module

    findings.extend(
        Finding("row", None, found.message) for found in bindings.disagreements(session, key)
    )
    # in chain order; what names no place in the chain (an event without one, a missing
    # head) after what does, each in the order it was found
    findings.sort(key=lambda f: (f.seq is None, f.seq or 0))
    return AuditReport(len(rows), chain_head, tuple(findings))


def summary(report: AuditReport) -> str:
    """One line: intact, or the first bad event and how many problems there are."""
    if report.ok:
        head = f"head {report.head.seq}" if report.head else "no head"
        return f"audit trail intact: {report.events} events, {head}"
    first = report.findings[0]
    more = len(report.findings) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"audit trail NOT intact: {first.message}{tail}; `caseworker audit verify` lists them"


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def events(
    session: Session,
    *,
    actor: str | None = None,
    action_prefix: str | None = None,
    actions: Sequence[str] | None = None,
    application_id: int | None = None,
    since: datetime | None = None,
    limit: int = 200,
    before_id: int | None = None,
) -> list[EventView]:
    """Newest first; ``before_id`` pages back; ``actions`` (when given) keeps only those."""
    query = select(
        tables.AuditEvent.id,
        tables.AuditEvent.seq,
        tables.AuditEvent.at,
        tables.AuditEvent.actor,
        tables.AuditEvent.action,
        tables.AuditEvent.application_id,
        tables.AuditEvent.detail,
    )
    if actor:
        query = query.where(tables.AuditEvent.actor == actor)
    if action_prefix:
        query = query.where(tables.AuditEvent.action.startswith(action_prefix))
    if actions is not None:
        query = query.where(tables.AuditEvent.action.in_(list(actions)))
    if application_id is not None:
        query = query.where(tables.AuditEvent.application_id == application_id)
    if since is not None:
        query = query.where(tables.AuditEvent.at >= since)
    if before_id is not None:
        query = query.where(tables.AuditEvent.id < before_id)
    rows = session.execute(query.order_by(tables.AuditEvent.id.desc()).limit(limit))
    return [EventView(*row) for row in rows]
