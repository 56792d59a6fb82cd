"""Taking a device's batch of operations exactly once, and keeping its audit head."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from caseworker.central import schema
from caseworker.central.administration import Administration
from caseworker.central.applications import Applications
from caseworker.central.base import MAX_BATCH, Answer, CentralError, OperationError, when
from caseworker.sync import protocol


class Push(Administration, Applications):
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
        now = self.clock()
        answers: list[Answer] = []
        with self._tx() as session:
            device = session.get(schema.Device, device_id, with_for_update=True)
            assert device is not None
            claimed = self._claim(session, device.id, operations, now)
            unclaimed = [
                str(op.get("key")) for op in operations if str(op.get("key")) not in claimed
            ]
            stored = {
                row.idempotency_key: self._replay(row)
                for row in session.scalars(
                    select(schema.Operation).where(schema.Operation.idempotency_key.in_(unclaimed))
                )
            }
            written: list[dict[str, Any]] = []
            dropped: list[str] = []
            for op in operations:
                key = str(op.get("key") or "")
                if not key or len(key) > 64:
                    answers.append(
                        Answer(
                            key,
                            protocol.REJECTED,
                            {},
                            "an operation needs an idempotency key of 1 to 64 characters",
                        )
                    )
                elif key in stored:  # seen before, or earlier in this batch
                    answers.append(stored[key])
                elif key not in claimed:  # sent twice in this batch, the first not kept
                    answers.append(
                        Answer(
                            key,
                            protocol.REJECTED,
                            {"kept": False},
                            "the same key came twice in the batch and the first was not applied",
                        )
                    )
                else:
                    claimed.discard(key)  # consumed: a repeat in this batch replays it
                    answer = self._one(session, device, op, now)
                    answers.append(answer)
                    if answer.result.get("kept") is False:
                        dropped.append(key)
                    else:
                        written.append(
                            {
                                "idempotency_key": key,
                                "status": answer.status,
                                "result": answer.result,
                                "error": answer.error,
                            }
                        )
                        stored[key] = Answer(
                            key,
                            protocol.REPLAYED,
                            {**answer.result, "original": answer.status},
                            answer.error,
                        )
                    # let go of the rows written, else every flush re-checks the whole batch
                    session.flush()
                    for obj in list(session):
                        if obj is not device:
                            session.expunge(obj)
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
                "idempotency_key": str(op.get("key")),
                "device_id": device_id,
                "kind": str(op.get("kind") or ""),
                "payload": op.get("payload") if isinstance(op.get("payload"), dict) else {},
                "status": "",
                "result": {},
                "error": "",
                "received_at": now,
            }
            for op in operations
            if op.get("key") and len(str(op.get("key"))) <= 64
        ]
        if not rows:
            return set()
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = (
            insert(schema.Operation)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["idempotency_key"])
            .returning(schema.Operation.idempotency_key)
        )
        return set(session.scalars(statement))

    def _one(
        self, session: Session, device: schema.Device, op: dict[str, Any], now: datetime
    ) -> Answer:
        """Apply one claimed operation in its own savepoint."""
        key, kind, payload = str(op["key"]), str(op.get("kind") or ""), op.get("payload")
        try:
            with session.begin_nested():
                status, result = self._apply(session, device, kind, payload, now)
        except OperationError as exc:
            return Answer(key, protocol.REJECTED, {}, str(exc))
        except Exception as exc:
            # not kept: once the fault is mended, the same operation may be sent again
            return Answer(
                key,
                protocol.REJECTED,
                {"kept": False},
                f"the centre could not apply it ({type(exc).__name__}: {exc}); it was not "
                "kept, so it can be sent again",
            )
        return Answer(key, status, result)

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
        office = str(payload.get("office_code") or "")
        if office != device.office_code:
            raise OperationError(
                f"this device is enrolled for office {device.office_code}, the operation "
                f"names office {office or '(none)'}"
            )
        if kind.startswith("application."):
            return self._application(session, device, kind, payload, now)
        if kind.startswith("account."):
            return self._account_change(session, device, payload)
        if kind.startswith(("collective.", "stay.", "booklet.", "evidence.")):
            return protocol.APPLIED, {}  # kept in ``operations``: the centre's record of it
        raise OperationError(f"unknown operation kind {kind!r}")

    def _account_change(
        self, session: Session, device: schema.Device, payload: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        try:
            username = str(payload["username"])
            at = when(payload["at"])
            current = session.get(schema.Account, username)
            if current is not None and current.changed_at > at:
                return protocol.APPLIED, {"superseded": True}
            self._account(
                session,
                office_code=device.office_code,
                username=username,
                display_name=str(payload["display_name"]),
                role=str(payload["role"]),
                active=bool(payload["active"]),
                password_hash=str(payload["password_hash"]),
                at=at,
            )
        except KeyError as exc:
            raise OperationError(f"an account change lacks {exc}") from None
        return protocol.APPLIED, {}

    def _audit(
        self, session: Session, device: schema.Device, audit: dict[str, Any] | None, now: datetime
    ) -> str:
        """Keep the head of the device's audit chain; a trail that no longer reaches, or
        no longer holds, the event the centre last saw was cut short or replaced."""
        warning = ""
        if audit is None:
            return ""
        try:
            seq, head = int(audit["seq"]), str(audit["hash"])
            known = audit.get("at_known")
        except (KeyError, TypeError, ValueError):
            raise CentralError(422, "the audit head must carry seq and hash") from None
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
