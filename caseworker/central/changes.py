"""The change log and how it is paged.

A plain sequence number is not a safe cursor: transaction A takes seq 5, B takes seq 6
and commits first, a device pulls up to 6, then A commits and its row 5 is never seen.
So every row also records the id of the transaction that wrote it, and a page only
reaches rows of transactions older than the oldest one still running
(``pg_snapshot_xmin``): those can no longer change. Rows are ordered by (txid, seq) and
the cursor is the last (txid, seq) returned; every row that appears later belongs to a
transaction at or after that horizon, so it sorts after the cursor. The price: a
transaction left open holds every stream back until it ends (the server's own
transactions are short; ``idle_in_transaction_session_timeout`` bounds others).

On SQLite (the trial) there is one writer at a time, so commit order is seq order and
the transaction id is 0."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, insert, literal_column, or_, select
from sqlalchemy.orm import Session

from caseworker.central.schema import Change
from caseworker.sync import protocol

_HORIZON: Any = literal_column("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def record(
    session: Session, rows: list[tuple[str, str, str, dict[str, Any]]], at: datetime
) -> None:
    """Append (stream, scope, key, body) rows in the caller's transaction."""
    if not rows:
        return
    # txid is the column's default: the writing transaction's id on PostgreSQL (0001)
    session.execute(
        insert(Change),
        [
            {"stream": stream, "scope": scope, "key": key, "body": body, "at": at}
            for stream, scope, key, body in rows
        ],
    )


def page(
    session: Session, stream: str, cursor: str, *, scope: str, limit: int
) -> tuple[list[dict[str, Any]], str, bool]:
    """Up to ``limit`` bodies after ``cursor`` visible to an office (``scope``); returns
    (bodies, the new cursor, whether more may follow). Raises ValueError on a cursor
    this server never gave."""
    txid, seq = protocol.parse_cursor(cursor)
    query = (
        select(Change.txid, Change.seq, Change.body)
        .where(
            Change.stream == stream,
            Change.scope.in_(("", scope)),
            or_(Change.txid > txid, and_(Change.txid == txid, Change.seq > seq)),
        )
        .order_by(Change.txid, Change.seq)
        .limit(limit + 1)
    )
    if _postgres(session):
        query = query.where(Change.txid < _HORIZON)
    rows = session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if rows:
        cursor = f"{rows[-1].txid}:{rows[-1].seq}"
    return [r.body for r in rows], cursor, more
