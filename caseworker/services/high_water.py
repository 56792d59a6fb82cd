"""The audit trail's high-water mark: the newest event this machine wrote (its number and
MAC), kept outside the store's folder, where the audit key is (the keyring, or beside the
audit key file). It only ever moves forward, after each commit. Every open compares the
store with it: a store whose trail ends before the mark, or whose event at the mark is
another one, was put back from an earlier copy of the folder (a snapshot taken before a
permit was voided, say) without `caseworker restore`. That is written into the chain
(``audit.rolled_back``), where `audit verify` reports it for ever, and the mark then
follows the store as it now is. `caseworker restore` moves the mark back on purpose, and
is audited.

What it cannot see: someone who puts back the keyring entry (or the mark file) of the same
day together with the folder; only the centre, which keeps each device's audit head from
the last sync, can."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.security import secrets as keys
from caseworker.storage import audit
from caseworker.storage import schema as tables

ROLLED_BACK = audit.ROLLED_BACK
_log = logging.getLogger("caseworker.store")


def _parse(text: str | None) -> audit.ChainHead | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return audit.ChainHead(int(data["seq"]), str(data["hash"]))
    except (ValueError, KeyError, TypeError):
        return None


def read(store_id: str, audit_key: Path | None) -> audit.ChainHead | None:
    """The mark, or None where none was kept yet (or it cannot be read: logged)."""
    try:
        return _parse(keys.load_mark(store_id, audit_key))
    except keys.KeyUnavailableError as exc:
        _log.warning("audit high-water mark not read: %s", exc)
        return None


def write(store_id: str, audit_key: Path | None, head: audit.ChainHead, *, forward: bool) -> None:
    """Keep ``head`` as the mark; with ``forward`` only if it is past the mark there is.
    Best effort (logged): a mark left behind only weakens the check."""
    try:
        if forward:
            current = _parse(keys.load_mark(store_id, audit_key))
            if current is not None and current.seq >= head.seq:
                return
        keys.save_mark(store_id, audit_key, json.dumps({"seq": head.seq, "hash": head.hash}))
    except keys.KeyUnavailableError as exc:
        _log.warning("audit high-water mark not written: %s", exc)


def behind(session: Session, mark: audit.ChainHead | None) -> str | None:
    """How the store's trail falls short of the mark, in words, or None."""
    if mark is None:
        return None
    head_row = session.get(tables.AuditHead, 1)
    if audit.tail_problem(session, audit.session_key(session), head_row) is not None:
        # the end of the trail is itself broken (cut, head changed, witness gone): the
        # chain's own checks say so, and the next event writes it into the chain
        return None
    head = audit.head(session)
    reached = head.seq if head is not None else 0
    if reached < mark.seq:
        return (
            f"this machine had written audit event {mark.seq} (its high-water mark, kept "
            f"outside the store), but the store's trail ends at event {reached}: the store "
            "was put back from an earlier copy without `caseworker restore`"
        )
    there = session.scalar(select(tables.AuditEvent.hash).where(tables.AuditEvent.seq == mark.seq))
    if there != mark.hash:
        return (
            f"audit event {mark.seq} is not the one this machine wrote (its high-water mark, "
            "kept outside the store): the store was put back from an earlier copy without "
            "`caseworker restore` and carried on"
        )
    return None


def unresolved(session: Session) -> int | None:
    """The newest ``audit.rolled_back`` event that no `caseworker restore` came after
    (its number), or None: until then what the store says about a paper is not trusted."""
    newest = session.execute(
        select(tables.AuditEvent.id, tables.AuditEvent.seq)
        .where(tables.AuditEvent.action == ROLLED_BACK)
        .order_by(tables.AuditEvent.id.desc())
        .limit(1)
    ).first()
    if newest is None:
        return None
    restored = session.scalar(
        select(tables.AuditEvent.id).where(
            tables.AuditEvent.action == "store.restore", tables.AuditEvent.id > newest[0]
        )
    )
    return None if restored is not None else int(newest[1] or 0)
