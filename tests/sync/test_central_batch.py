"""The set-wise push (issue 26) says and stores exactly what one operation at a time
does: the same answers, the same applications, claims, settlements, conflicts and
change log, for batches where operations meet each other (one application several
times, one person in several applications, settlements taken inside the batch and
before it, late changes, rejected operations), and it falls back to one at a time when
a batch statement fails."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from caseworker.central import batch, push, schema
from caseworker.central.service import Central

OFFICE, OTHER = "370102001", "370102002"
ALICE, BOB, CAROL = "370102199001011234", "370102199202021234", "370102199303031234"
T0 = datetime(2026, 3, 1, 9, 0)


def op(
    number: str,
    state: str,
    people: list[str],
    *,
    kind: str = "application.accept",
    at: datetime = T0,
    office: str = OFFICE,
    key: str = "",
) -> dict[str, Any]:
    relatives = [{"person": {"id_number": p}, "verdict": "yes"} for p in people[1:]]
    return {
        "key": key or uuid.uuid4().hex,
        "kind": kind,
        "payload": {
            "office_code": office,
            "at": at.isoformat(),
            "application": {
                "number": number,
                "state": state,
                "applicant": {"id_number": people[0]},
                "relatives": relatives,
                "rule_packs": {"jinan-2017": "2017.1 (abc)"},
            },
        },
    }


def enrol(central: Central, office: str, code: str) -> str:
    return central.enrol(
        code=central.issue_code(office),
        office_code=office,
        device_code=code,
        public_key=Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex(),
    )


def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the other office pushed first, and the batch under test."""
    a, b, c = (f"{OFFICE}-AAAA-{n:06d}" for n in (1, 2, 3))
    before = [op(f"{OTHER}-BBBB-000001", "settled", [CAROL], office=OTHER)]
    repeated = op(a, "decided", [ALICE, BOB], kind="application.decide", at=T0 + timedelta(1))
    batch_ops = [
        op(a, "accepted", [ALICE, BOB]),
        repeated,
        op(b, "accepted", [BOB]),  # Bob is in a too
        op(a, "accepted", [ALICE], at=T0),  # late: older than the decided change
        op(c, "settled", [CAROL, ALICE], kind="application.mark_settled", at=T0 + timedelta(2)),
        op(b, "settled", [BOB], kind="application.mark_settled", at=T0 + timedelta(3)),
        op(a, "settled", [ALICE], kind="application.mark_settled", at=T0 + timedelta(4)),
        op(f"{OTHER}-BBBB-000009", "accepted", [ALICE]),  # not this device's number
        {"key": uuid.uuid4().hex, "kind": "collective.admit", "payload": {"office_code": OFFICE}},
        {"key": uuid.uuid4().hex, "kind": "thing.unknown", "payload": {"office_code": OFFICE}},
        repeated,  # the same key again in the batch
        op(b, "withdrawn", [BOB], kind="application.withdraw", at=T0 + timedelta(5)),
    ]
    return before, batch_ops


def outcome(central: Central) -> dict[str, Any]:
    def rows(model: Any, *skip: str) -> list[tuple[Any, ...]]:
        with central.sessions() as session:
            found = session.scalars(select(model)).all()
            columns = [c.key for c in model.__table__.columns if c.key not in skip]
            return sorted(tuple(str(getattr(r, k)) for k in columns) for r in found)

    return {
        "applications": rows(schema.CentralApplication, "device_id"),
        "claims": rows(schema.PersonClaim),
        "settlements": rows(schema.Settlement),
        "conflicts": rows(schema.Conflict, "id", "at"),
        "changes": [
            (c.stream, c.scope, c.key, str(sorted(c.body.items())))
            for c in sorted(rows_of(central, schema.Change), key=lambda c: c.seq)
        ],
    }


def rows_of(central: Central, model: Any) -> list[Any]:
    with central.sessions() as session:
        return list(session.scalars(select(model)).all())


def run(central: Central, *, set_wise: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    before, batch_ops = scenario()
    other = enrol(central, OTHER, "BBBB")
    device = enrol(central, OFFICE, "AAAA")
    central.push(other, before, None)
    taken_set_wise: list[int] = []

    def watched(*args: Any) -> Any:
        if not set_wise:
            raise batch.NotSetWiseError("this test's reference: one by one")
        answers = batch.apply_set_wise(*args)  # raises if it went one by one
        taken_set_wise.append(len(answers))
        return answers

    monkeypatch.setattr(push, "apply_set_wise", watched)
    answers, _, _ = central.push(device, batch_ops, None)
    monkeypatch.undo()
    assert taken_set_wise == ([len(batch_ops) - 1] if set_wise else [])  # one key came twice
    again, _, _ = central.push(device, batch_ops, None)  # every one replayed
    said = [(a.key, a.status, a.result, a.error) for a in answers]
    return said, [(a.status, a.result) for a in again], outcome(central)


def test_set_wise_answers_and_stores_what_one_by_one_does(
    central_engine: Any, signing_key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.conftest import empty  # noqa: PLC0415

    uuid4 = uuid.uuid4
    results = []
    for set_wise in (False, True):
        empty(central_engine)
        keys = iter([uuid.UUID(int=i) for i in range(1, 100)])
        monkeypatch.setattr(uuid, "uuid4", keys.__next__)  # the same keys both times
        central = Central(central_engine, signing_key, clock=lambda: T0 + timedelta(days=9))
        results.append(run(central, set_wise=set_wise, monkeypatch=monkeypatch))
        monkeypatch.setattr(uuid, "uuid4", uuid4)
    one_by_one, set_wise_result = results
    assert set_wise_result[0] == one_by_one[0]
    assert set_wise_result[1] == one_by_one[1]
    assert set_wise_result[2] == one_by_one[2]
    statuses = [status for _, status, _, _ in one_by_one[0]]
    assert statuses.count("conflict") >= 3 and statuses.count("rejected") == 2
    assert {status for status, _ in one_by_one[1]} == {"replayed"}


def test_a_failing_batch_statement_falls_back_to_one_at_a_time(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = enrol(central, OFFICE, "AAAA")
    calls = []

    def broken(self: Any) -> None:
        calls.append(1)
        raise RuntimeError("the database refused a batch statement")

    monkeypatch.setattr(batch._Batch, "_write", broken)
    operations = [op(f"{OFFICE}-AAAA-{n:06d}", "accepted", [ALICE]) for n in (1, 2)]
    answers, _, _ = central.push(device, operations, None)
    assert calls == [1]
    assert [a.status for a in answers] == ["applied", "conflict"]  # Alice is in both
    with central.sessions() as session:
        assert len(session.scalars(select(schema.CentralApplication)).all()) == 2
