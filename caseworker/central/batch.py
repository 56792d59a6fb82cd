"""A batch of operations applied set-wise (issue 26): a fixed number of statements per
batch, whatever its length, instead of about a dozen per operation.

Every operation is checked in Python first (a malformed one is rejected without touching
the database). Then the batch's applications are locked in one select (in the order of
their numbers: a fixed lock order), what the batch needs is read in four more (the
applications' person claims, every claim on the batch's people, their settlements, the
rule packs), the operations are worked through in order in memory (several on one
application or one person see each other as they would one by one), and the outcome is
written in a handful of statements: the applications upserted, the claims deleted and
upserted, the change log, the settlements (``INSERT … ON CONFLICT DO NOTHING RETURNING``,
in the order of the ID numbers), the conflicts.

It runs in a savepoint. If any statement fails, or another device settled one of the
batch's people in the meantime, the savepoint is rolled back and the caller applies the
batch one operation at a time, each in its own savepoint, as before: one bad row never
blocks the rest. A batch with an account change is applied one by one as well."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from caseworker.central import changes, schema
from caseworker.central.applications import (
    Pushed,
    elsewhere,
    parse_application,
    person_change,
    review,
    taken,
)
from caseworker.central.base import Answer, OperationError, check_sender
from caseworker.central.fields import storable
from caseworker.sync import protocol

log = logging.getLogger(__name__)

#: kinds the centre only keeps (in ``operations``), as its record of them
RECORDED = ("collective.", "stay.", "booklet.", "evidence.", "store.")


class NotSetWiseError(Exception):
    """This batch is applied one operation at a time instead."""


def apply_set_wise(
    session: Session, device: schema.Device, operations: list[dict[str, Any]], now: datetime
) -> list[Answer]:
    """The answers to ``operations`` (claimed, well formed), applied set-wise in a
    savepoint; NotSetWiseError when the caller must apply them one by one (the
    savepoint then rolled back)."""
    checked: list[Pushed | Answer] = []
    for op in operations:
        key, kind, payload = op["key"], op["kind"], op["payload"]
        try:
            check_sender(device, payload)
            if kind.startswith("application."):
                checked.append(parse_application(device, payload))
            elif kind.startswith(RECORDED):
                checked.append(Answer(key, protocol.APPLIED, {}))
            elif kind == "account.changed":
                raise NotSetWiseError("account changes are applied one by one")
            else:
                raise OperationError(f"unknown operation kind {kind!r}")
        except OperationError as exc:
            checked.append(Answer(key, protocol.REJECTED, {}, storable(str(exc))))
    try:
        with session.begin_nested():
            return _Batch(session, device, now).run(operations, checked)
    except NotSetWiseError:
        raise
    except Exception as exc:  # any failure: the caller goes one by one
        log.info("a batch of %d went one by one: %s", len(operations), exc)
        raise NotSetWiseError(str(exc)) from exc


class _Batch:
    def __init__(self, session: Session, device: schema.Device, now: datetime) -> None:
        self.session, self.device, self.now = session, device, now
        self.office = device.office_code
        self.upsert = (
            postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        )

    def run(self, operations: list[dict[str, Any]], checked: list[Pushed | Answer]) -> list[Answer]:
        pushed = [p for p in checked if isinstance(p, Pushed)]
        if pushed:
            self._load(pushed, decided=any(op["kind"] == "application.decide" for op in operations))
        answers = [
            item if isinstance(item, Answer) else self._one(op, item)
            for op, item in zip(operations, checked, strict=True)
        ]
        if pushed:
            self._write()
        return answers

    # --- read, in a fixed number of statements -----------------------------------------

    def _load(self, pushed: list[Pushed], *, decided: bool) -> None:
        session, office = self.session, self.office
        table = schema.CentralApplication.__table__
        numbers = sorted({p.number for p in pushed})
        self.apps: dict[str, dict[str, Any]] = {
            row.number: dict(row._mapping)
            for row in session.execute(
                select(table)
                .where(table.c.office_code == office, table.c.number.in_(numbers))
                .order_by(table.c.number)
                .with_for_update()
            )
        }
        claim = schema.PersonClaim
        self.own: dict[str, dict[str, str]] = {n: {} for n in numbers}  # number: {id: state}
        self.stored: dict[tuple[str, str], str] = {}  # (number, id): state, as read
        for row in session.execute(
            select(claim.number, claim.id_number, claim.state).where(
                claim.office_code == office, claim.number.in_(numbers)
            )
        ):
            self.own[row.number][row.id_number] = row.state
            self.stored[(row.number, row.id_number)] = row.state
        people = sorted({person for p in pushed for person in p.people})
        # every claim on the batch's people, kept as the batch changes its own
        self.others: dict[str, dict[tuple[str, str], str]] = {person: {} for person in people}
        for other in session.execute(
            select(claim.id_number, claim.office_code, claim.number, claim.state).where(
                claim.id_number.in_(people)
            )
        ):
            self.others[other.id_number][(other.office_code, other.number)] = other.state
        settling = sorted({person for p in pushed if p.state == "settled" for person in p.people})
        settlement = schema.Settlement
        self.held: dict[str, tuple[str, str]] = {
            row.id_number: (row.office_code, row.number)
            for row in session.execute(
                select(settlement.id_number, settlement.office_code, settlement.number).where(
                    settlement.id_number.in_(settling)
                )
            )
        }
        pack = schema.RulePackRow
        self.packs: dict[str, tuple[str, str]] = (
            {
                row.policy: (row.version, row.sha256)
                for row in session.execute(select(pack.policy, pack.version, pack.sha256))
            }
            if decided
            else {}
        )
        self.touched: set[str] = set()
        self.log: list[tuple[str, str, str, dict[str, Any]]] = []
        self.settled: list[dict[str, Any]] = []
        self.conflicts: list[dict[str, Any]] = []

    # --- each operation, in order, in memory ----------------------------------------------

    def _one(self, op: dict[str, Any], pushed: Pushed) -> Answer:
        office, number, state = self.office, pushed.number, pushed.state
        current = self.apps.get(number)
        late = current is not None and current["changed_at"] > pushed.at
        found: list[dict[str, Any]] = []
        if not late:
            if current is None:
                current = {"office_code": office, "number": number, "flagged": ""}
                self.apps[number] = current
            current.update(
                device_id=self.device.id,
                id_number=pushed.applicant,
                state=state,
                snapshot=pushed.app,
                changed_at=pushed.at,
            )
            self.touched.add(number)
            self._claims(number, pushed.people, state)
            if state in protocol.CLAIMING_STATES:
                found += self._elsewhere(number, pushed.people)
            if state == "settled":
                found += self._settle(number, pushed.people, pushed.at)
        to_review = review(self.packs, pushed.app) if op["kind"] == "application.decide" else []
        if found:
            assert current is not None
            current["flagged"] = "; ".join(x["message"] for x in found)
            self.conflicts += [
                {
                    "at": self.now,
                    "kind": x["kind"],
                    "office_code": office,
                    "number": number,
                    "detail": x,
                }
                for x in found
            ]
        result: dict[str, Any] = {"conflicts": found, "review": to_review}
        if late:
            result["late"] = True
        return Answer(op["key"], protocol.CONFLICT if found else protocol.APPLIED, result)

    def _claims(self, number: str, people: list[str], state: str) -> None:
        own, office = self.own[number], self.office
        named = list(dict.fromkeys(people))
        for person in named:
            if own.get(person) == state:
                continue
            own[person] = state
            self.others.setdefault(person, {})[(office, number)] = state
            self.log.append(person_change(office, number, person, state))
        for person in [p for p in own if p not in named]:  # no longer in the application
            del own[person]
            self.others.get(person, {}).pop((office, number), None)
            self.log.append(person_change(office, number, person, "removed"))

    def _elsewhere(self, number: str, people: list[str]) -> list[dict[str, Any]]:
        rows = [
            (office, other, person, state)
            for person in set(people)
            for (office, other), state in self.others.get(person, {}).items()
            if state in protocol.CLAIMING_STATES and (office, other) != (self.office, number)
        ]
        return [elsewhere(p, o, n, s) for o, n, p, s in sorted(rows)]

    def _settle(self, number: str, people: list[str], at: datetime) -> list[dict[str, Any]]:
        out = []
        for person in dict.fromkeys(people):
            held = self.held.get(person)
            if held is None:
                self.held[person] = (self.office, number)
                self.settled.append(
                    {
                        "id_number": person,
                        "office_code": self.office,
                        "number": number,
                        "settled_at": at,
                    }
                )
            elif held != (self.office, number):
                out.append(taken(person, *held))
        return out

    # --- write, in a fixed number of statements ------------------------------------------

    def _write(self) -> None:
        session, office = self.session, self.office
        if self.touched:
            rows = [self.apps[n] for n in sorted(self.touched)]
            statement = self.upsert(schema.CentralApplication)  # executemany: compiled once
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["office_code", "number"],
                    set_={
                        name: statement.excluded[name]
                        for name in (
                            "device_id",
                            "id_number",
                            "state",
                            "snapshot",
                            "changed_at",
                            "flagged",
                        )
                    },
                ),
                rows,
            )
        claim = schema.PersonClaim
        wanted = {
            (number, person): state
            for number, claims in self.own.items()
            for person, state in claims.items()
        }
        held = self.stored
        gone = sorted(set(held) - set(wanted))
        if gone:
            session.execute(
                delete(claim).where(
                    claim.office_code == office,
                    tuple_(claim.number, claim.id_number).in_(gone),
                )
            )
        changed = sorted(k for k, state in wanted.items() if held.get(k) != state)
        if changed:
            statement = self.upsert(claim)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["office_code", "number", "id_number"],
                    set_={"state": statement.excluded.state},
                ),
                [
                    {"office_code": office, "number": n, "id_number": p, "state": wanted[(n, p)]}
                    for n, p in changed
                ],
            )
        changes.record(session, self.log, self.now)
        if self.settled:
            rows = sorted(self.settled, key=lambda row: str(row["id_number"]))
            statement = self.upsert(schema.Settlement)
            kept = set(
                session.scalars(
                    statement.on_conflict_do_nothing(index_elements=["id_number"]).returning(
                        schema.Settlement.id_number
                    ),
                    rows,
                )
            )
            if kept != {row["id_number"] for row in rows}:
                # another device settled one of them since they were read: one by one
                raise NotSetWiseError("a settlement was taken meanwhile")
        if self.conflicts:
            session.execute(insert(schema.Conflict), self.conflicts)
