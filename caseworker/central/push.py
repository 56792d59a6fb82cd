"""Taking a device's batch of operations exactly once, and keeping its audit head."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from caseworker.central import schema
from caseworker.central.accounts import Accounts
from caseworker.central.applications import Applications
from caseworker.central.base import MAX_BATCH, Answer, CentralError, OperationError, check_sender
from caseworker.central.batch import RECORDED, NotSetWiseError, apply_set_wise
from caseworker.central.fields import (
    AUDIT_HASH,
    BIGINT,
    IDEMPOTENCY_KEY,
    KIND,
    payload_problem,
    storable,
)
from caseworker.sync import protocol


class Push(Accounts, Applications):
    def push(
        self, device_id: str, operations: list[dict[str, Any]], audit: dict[str, Any] | None
    ) -> tuple[list[Answer], int | None, str]:
        """Apply a batch, each operation in its own savepoint: one bad operation is
        rejected alone. A key seen before gets its stored answer back, as ``replayed``.

        The batch's keys are claimed in one statement (``INSERT … ON CONFLICT DO
        NOTHING``): a key another request is claiming at the same moment waits for that
        request to commit and then counts as seen. The answers are written back in one
        statement at the end."""
        if len(operations) > MAX_BATCH:
            raise CentralError(413, f"at most {MAX_BATCH} operations a batch")
        if audit is not None:
            _audit_head(audit)  # refused before anything is applied
        now = self.clock()
        answers: list[Answer] = []
        with self._tx() as session:
            device = session.get(schema.Device, device_id, with_for_update=True)
            assert device is not None
            checked = [(op, _malformed(op)) for op in operations]
            valid = [op for op, problem in checked if not problem]
            claimed = self._claim(session, device.id, valid, now)
            unclaimed = [str(op["key"]) for op in valid if op["key"] not in claimed]
            stored = self._stored(session, device, unclaimed)
            written: list[dict[str, Any]] = []
            dropped: list[str] = []
            first: dict[str, Answer] = {}  # each applied key's answer, for a repeat in the batch
            slots: list[Answer | str] = []  # an answer, or the key of an operation to apply
            to_apply: list[dict[str, Any]] = []
            for op, problem in checked:
                sent = op.get("key")
                key = sent if isinstance(sent, str) else ""
                if problem:
                    slots.append(Answer(storable(key, longest=64), protocol.REJECTED, {}, problem))
                elif key in stored:  # seen before
                    slots.append(stored[key])
                elif key in claimed:
                    claimed.discard(key)  # consumed: a repeat in this batch replays it
                    to_apply.append(op)
                    slots.append(key)
                else:  # sent twice in this batch: answered once the first is applied
                    slots.append(key)
            for answer in self._apply_all(session, device, to_apply, now):
                first[answer.key] = answer
                if answer.result.get("kept") is False:
                    dropped.append(answer.key)
                else:
                    written.append(
                        {
                            "idempotency_key": answer.key,
                            "status": answer.status,
                            "result": answer.result,
                            "error": answer.error,
                        }
                    )
            seen: set[str] = set()
            for slot in slots:
                if isinstance(slot, Answer):
                    answers.append(slot)
                elif slot not in seen:
                    seen.add(slot)
                    answers.append(first[slot])
                elif first[slot].result.get("kept") is False:
                    answers.append(
                        Answer(
                            slot,
                            protocol.REJECTED,
                            {"kept": False},
                            "the same key came twice in the batch and the first was not applied",
                        )
                    )
                else:
                    original = first[slot]
                    answers.append(
                        Answer(
                            slot,
                            protocol.REPLAYED,
                            {**original.result, "original": original.status},
                            original.error,
                        )
                    )
            if written:
                session.execute(update(schema.Operation), written)
            if dropped:
                session.execute(
                    delete(schema.Operation).where(schema.Operation.idempotency_key.in_(dropped))
                )
            warning = self._audit(session, device, audit, now)
            return answers, device.audit_seq, warning

    @staticmethod
    def _claim(
        session: Session, device_id: str, operations: list[dict[str, Any]], now: datetime
    ) -> set[str]:
        rows: list[dict[str, Any]] = [
            {
                "idempotency_key": op["key"],
                "device_id": device_id,
                "kind": op["kind"],
                "payload": op["payload"],
                "status": "",
                "result": {},
                "error": "",
                "received_at": now,
            }
            for op in operations
        ]
        if not rows:
            return set()
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = (  # executemany: compiled once, whatever the batch's length
            insert(schema.Operation)
            .on_conflict_do_nothing(index_elements=["idempotency_key"])
            .returning(schema.Operation.idempotency_key)
        )
        return set(session.scalars(statement, rows))

    def _apply_all(
        self,
        session: Session,
        device: schema.Device,
        operations: list[dict[str, Any]],
        now: datetime,
    ) -> list[Answer]:
        """The batch set-wise (``batch``), or else one operation at a time."""
        if not operations:
            return []
        try:
            return apply_set_wise(session, device, operations, now)
        except NotSetWiseError:
            pass
        answers = []
        for op in operations:
            answers.append(self._one(session, device, op, now))
            # let go of the rows written, else every flush re-checks the whole batch
            session.flush()
            for obj in list(session):
                if obj is not device:
                    session.expunge(obj)
        return answers

    def _one(
        self, session: Session, device: schema.Device, op: dict[str, Any], now: datetime
    ) -> Answer:
        """Apply one claimed operation in its own savepoint."""
        key, kind, payload = str(op["key"]), str(op.get("kind") or ""), op.get("payload")
        try:
            with session.begin_nested():
                status, result = self._apply(session, device, kind, payload, now)
        except OperationError as exc:
            return Answer(key, protocol.REJECTED, {}, storable(str(exc)))
        except Exception as exc:
            # not kept: once the fault is mended, the same operation may be sent again
            return Answer(
                key,
                protocol.REJECTED,
                {"kept": False},
                storable(
                    f"the centre could not apply it ({type(exc).__name__}: {exc}); it was not "
                    "kept, so it can be sent again"
                ),
            )
        return Answer(key, status, result)

    def _stored(
        self, session: Session, device: schema.Device, keys: list[str]
    ) -> dict[str, Answer]:
        """The stored answers to keys seen before. A key another device used is not
        answered from its answer (that would show one office another's results), unless
        that device was this one before it enrolled again (the same office and code)."""
        if not keys:
            return {}
        rows = session.execute(
            select(schema.Operation, schema.Device.office_code, schema.Device.device_code)
            .join(schema.Device, schema.Device.id == schema.Operation.device_id, isouter=True)
            .where(schema.Operation.idempotency_key.in_(keys))
        ).all()
        out: dict[str, Answer] = {}
        for row, office, code in rows:
            key = row.idempotency_key
            if row.device_id == device.id or (office, code) == (
                device.office_code,
                device.device_code,
            ):
                out[key] = self._replay(row)
            else:
                out[key] = Answer(
                    key,
                    protocol.REJECTED,
                    {},
                    "this idempotency key was used by another device; a desk makes a new key "
                    "for every operation",
                )
        return out

    @staticmethod
    def _replay(stored: schema.Operation) -> Answer:
        return Answer(
            stored.idempotency_key,
            protocol.REPLAYED,
            {**stored.result, "original": stored.status},
            stored.error,
        )

    def _apply(
        self, session: Session, device: schema.Device, kind: str, payload: Any, now: datetime
    ) -> tuple[str, dict[str, Any]]:
        if not isinstance(payload, dict):
            raise OperationError("the payload is not an object")
        check_sender(device, payload)
        if kind.startswith("application."):
            return self._application(session, device, kind, payload, now)
        if kind == "account.changed":
            return self._account_change(session, device, payload, now)
        if kind.startswith(RECORDED):
            return protocol.APPLIED, {}  # kept in ``operations``: the centre's record of it
        raise OperationError(f"unknown operation kind {kind!r}")

    def _audit(
        self, session: Session, device: schema.Device, audit: dict[str, Any] | None, now: datetime
    ) -> str:
        """Keep the head of the device's audit chain; a trail that no longer reaches, or
        no longer holds, the event the centre last saw was cut short or replaced."""
        warning = ""
        if audit is None:
            return ""
        seq, head, known = _audit_head(audit)
        if device.audit_seq is not None:
            if seq < device.audit_seq:
                warning = (
                    f"the device's audit trail ends at event {seq}, but the centre saw it reach "
                    f"{device.audit_seq} on {device.audit_at:%Y-%m-%d %H:%M}: it was cut short "
                    "or wiped"
                )
            elif known != device.audit_hash:
                warning = (
                    f"the device's audit event {device.audit_seq} is not the one the centre saw: "
                    "the trail was replaced or rewritten"
                )
        if warning:
            device.audit_warning = warning
            session.add(
                schema.Conflict(
                    at=now,
                    kind="audit_trail",
                    office_code=device.office_code,
                    number="",
                    detail={"device_id": device.id, "message": warning},
                )
            )
        device.audit_seq, device.audit_hash, device.audit_at = seq, head, now
        return warning


_KEY = re.compile(IDEMPOTENCY_KEY)
_KIND = re.compile(KIND)


def _malformed(op: dict[str, Any]) -> str:
    """Why an operation cannot even be kept (so it is answered, never stored), or ""."""
    key, kind, payload = op.get("key"), op.get("kind"), op.get("payload")
    if not isinstance(key, str) or not _KEY.match(key):
        return "an operation needs an idempotency key of 1 to 64 printable ASCII characters"
    if not isinstance(kind, str) or not _KIND.match(kind):
        return "an operation's kind is a word, a dot and a word (such as application.accept)"
    if not isinstance(payload, dict):
        return "the payload is not an object"
    problem = payload_problem(payload)
    return f"the payload {problem}" if problem else ""


_HEAD = re.compile(AUDIT_HASH)


def _audit_head(audit: dict[str, Any]) -> tuple[int, str, str | None]:
    """The audit head a device sent: (seq, hash, its hash of the event the centre last
    saw), or CentralError (422) when it is not one."""
    seq, head, known = audit.get("seq"), audit.get("hash"), audit.get("at_known")
    if (
        not isinstance(seq, int)
        or isinstance(seq, bool)
        or not 0 <= seq <= BIGINT
        or not isinstance(head, str)
        or not _HEAD.match(head)
        or not (known is None or (isinstance(known, str) and _HEAD.match(known)))
    ):
        raise CentralError(
            422,
            "the audit head must carry seq (a whole number from 0) and hash (1 to 64 "
            "printable ASCII characters)",
        )
    return seq, head, known
