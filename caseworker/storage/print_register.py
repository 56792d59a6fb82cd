"""The print register: every document printed (its number, its copies, voided ones)
and the devices' public signing keys. Functions take a Session and return frozen values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.storage import schema


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
    #: what the paper says as printed (``caseworker.printing.payload.fields``); empty for
    #: documents printed before the register kept it (migration 0011)
    facts: dict[str, Any] = field(default_factory=dict)


def _printed_view(row: schema.PrintedDocument) -> PrintedView:
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
        json.loads(row.facts) if row.facts else {},
    )


def add_printed(session: Session, *, facts: dict[str, Any], **values: Any) -> PrintedView:
    row = schema.PrintedDocument(
        facts=json.dumps(facts, ensure_ascii=False, sort_keys=True), **values
    )
    session.add(row)
    session.flush()
    return _printed_view(row)


def printed_copies(session: Session, number: str) -> list[PrintedView]:
    rows = session.scalars(
        select(schema.PrintedDocument)
        .where(schema.PrintedDocument.number == number)
        .order_by(schema.PrintedDocument.copy)
    )
    return [_printed_view(r) for r in rows]


def printed_of(session: Session, application_id: int) -> list[PrintedView]:
    rows = session.scalars(
        select(schema.PrintedDocument)
        .where(schema.PrintedDocument.application_id == application_id)
        .order_by(schema.PrintedDocument.id)
    )
    return [_printed_view(r) for r in rows]


def void_printed(session: Session, printed_id: int, reason: str) -> None:
    row = session.get(schema.PrintedDocument, printed_id)
    assert row is not None
    row.voided, row.void_reason = True, reason


def add_device_key(session: Session, device_code: str, public_key: str, at: datetime) -> None:
    session.add(schema.DeviceKey(device_code=device_code, public_key=public_key, created_at=at))


def device_keys(session: Session) -> dict[str, list[str]]:
    """device code -> its public keys, as this store knows them."""
    out: dict[str, list[str]] = {}
    for code, key in session.execute(
        select(schema.DeviceKey.device_code, schema.DeviceKey.public_key)
    ):
        out.setdefault(code, []).append(key)
    return out
