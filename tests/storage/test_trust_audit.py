"""The audit tamper matrix (issue 21): every way of changing the trail directly in the
store, with the store key but without the audit key, is found both at start (the check
the desk and every command run when they open the store) and by `audit verify` after the
program has carried on (a login appends to the chain first), each said in one line that
names the first bad event."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.context import OfficeContext
from caseworker.services.store import STORE_FILE, WITNESS_FILE, Store
from caseworker.services.users import UserService
from caseworker.storage import audit
from caseworker.storage import schema as tables
from caseworker.storage.database import connect_raw
from caseworker.storage.maintenance import backup_store
from tests.stores import CLERK, PASSWORD, SUPERVISOR, application


@dataclass
class Office:
    folder: Path
    key: str
    head: int  # the newest event when the tampering starts
    backup: Path  # taken when the trail had reached ``backup_head``
    backup_head: int


@pytest.fixture
def office(store: Store, apps: ApplicationService) -> Office:
    for _ in range(2):
        view = apps.create_draft(CLERK, application())
        apps.accept(CLERK, view.number)
        apps.decide(CLERK, view.number)
    backup = backup_store(store.path, store.settings.key(), store.folder / "backups" / "day1.db")
    backup_head = AuditService(OfficeContext(store)).head()
    assert backup_head is not None
    for _ in range(2):
        view = apps.create_draft(CLERK, application())
        apps.accept(CLERK, view.number)
    head = AuditService(OfficeContext(store)).head()
    assert head is not None and head.seq > backup_head.seq + 3
    store.close()
    return Office(store.folder, store.settings.key(), head.seq, backup, backup_head.seq)


def _sql(office: Office, *statements: str) -> None:
    conn = connect_raw(office.folder / STORE_FILE, office.key)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _rehash(office: Office, digest: Callable[[bytes], str]) -> None:
    """Change event 5's actor and recompute the chain from there on, and the head's hash,
    with ``digest`` (a plain SHA-256, or an HMAC under the store key): everything a forger
    without the audit key can do."""
    store = Store.open(office.folder)
    try:
        with store.sessions() as session:
            rows = session.scalars(
                select(tables.AuditEvent)
                .where(tables.AuditEvent.seq >= 5)
                .order_by(tables.AuditEvent.seq)
            ).all()
            prev = rows[0].prev_hash
            for row in rows:
                if row.seq == 5:
                    row.actor = "zhao"
                row.prev_hash = prev
                body = json.dumps(
                    [
                        row.seq,
                        row.prev_hash,
                        row.at.isoformat(),
                        row.actor,
                        row.action,
                        row.application_id,
                        row.detail,
                    ],
                    ensure_ascii=False,
                    sort_keys=True,
                    separators=(",", ":"),
                    default=str,
                )
                row.hash = prev = digest(body.encode("utf-8"))
            head_row = session.get(tables.AuditHead, 1)
            assert head_row is not None
            head_row.hash = prev
            session.commit()
    finally:
        store.close()


def _store_key_hmac(office: Office) -> Callable[[bytes], str]:
    key = bytes.fromhex(office.key)
    return lambda body: hmac.new(key, body, hashlib.sha256).hexdigest()


def _replay_backup_head(office: Office) -> None:
    """The head row of the backup (genuine, with its MAC) put back, and the events after
    it deleted: a trail cut to what it was that day."""
    conn = connect_raw(office.backup, office.key)
    seq, digest, mac = conn.execute("SELECT seq, hash, mac FROM audit_head").fetchone()
    conn.close()
    _sql(
        office,
        f"DELETE FROM audit_events WHERE seq > {seq}",
        f"UPDATE audit_head SET seq = {seq}, hash = '{digest}', mac = '{mac}'",
    )


def _rewind_head(office: Office) -> None:
    """The last three events deleted and the head set back onto the last one kept (its
    MAC left as it was: nobody without the audit key can make a new one)."""
    keep = office.head - 3
    _sql(
        office,
        f"DELETE FROM audit_events WHERE seq > {keep}",
        "UPDATE audit_head SET seq = (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 1), "
        "hash = (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1)",
    )


def _last_step(office: Office, application_id: int) -> int:
    """The newest step event of an application (the one its row must agree with)."""
    conn = connect_raw(office.folder / STORE_FILE, office.key)
    try:
        (seq,) = conn.execute(
            "SELECT max(seq) FROM audit_events WHERE application_id = ? AND action LIKE "
            "'application.%' AND json_extract(detail, '$.state') IS NOT NULL",
            (application_id,),
        ).fetchone()
    finally:
        conn.close()
    return int(seq)


# (what is done, the first bad event the one line must name)
MATRIX: dict[str, tuple[Callable[[Office], Any], Callable[[Office], int]]] = {
    "edit": (
        lambda o: _sql(o, "UPDATE audit_events SET actor = 'zhao' WHERE seq = 7"),
        lambda o: 7,
    ),
    "delete": (lambda o: _sql(o, "DELETE FROM audit_events WHERE seq = 6"), lambda o: 6),
    "insert": (
        lambda o: _sql(
            o,
            "INSERT INTO audit_events (at, actor, action, application_id, detail, seq, "
            "prev_hash, hash) SELECT at, 'zhao', 'application.approve', application_id, "
            "detail, seq, prev_hash, hash FROM audit_events WHERE seq = 8",
        ),
        lambda o: 8,
    ),
    "reorder": (
        lambda o: _sql(o, "UPDATE audit_events SET id = 100000 WHERE seq = 4"),
        lambda o: 4,
    ),
    "truncate": (
        lambda o: _sql(o, f"DELETE FROM audit_events WHERE seq > {o.head - 2}"),
        lambda o: o.head - 1,
    ),
    "rewind the head": (_rewind_head, lambda o: o.head - 3),
    "drop the head": (
        # finding 1: an event edited, another deleted, then the head removed so that a
        # start would see "a store from before the chain" and seal it all anew
        lambda o: _sql(
            o,
            "UPDATE audit_events SET actor = 'zhao' WHERE seq = 3",
            "DELETE FROM audit_events WHERE seq = 9",
            "DELETE FROM audit_head",
        ),
        lambda o: 3,
    ),
    "drop the head of a stripped chain": (
        # the same, with every event's place in the chain wiped as well
        lambda o: _sql(
            o,
            "UPDATE audit_events SET actor = 'zhao' WHERE seq = 3",
            "DELETE FROM audit_events WHERE seq = 9",
            "UPDATE audit_events SET seq = NULL, prev_hash = '', hash = ''",
            "DELETE FROM audit_head",
        ),
        lambda o: 1,
    ),
    "wipe the trail": (
        # every event and the head deleted; the witness beside the store still there
        lambda o: _sql(o, "DELETE FROM audit_events", "DELETE FROM audit_head"),
        lambda o: 1,
    ),
    "wipe the trail and the witness": (
        # nothing left to compare with: an empty trail is itself the finding, as every
        # store begins with its store.init event
        lambda o: (
            _sql(o, "DELETE FROM audit_events", "DELETE FROM audit_head"),
            (o.folder / WITNESS_FILE).unlink(),
        ),
        lambda o: 1,
    ),
    "drop the witness": (
        lambda o: (o.folder / WITNESS_FILE).unlink(),
        lambda o: o.head,
    ),
    "replay a backup's head": (_replay_backup_head, lambda o: o.backup_head + 1),
    "re-hash with SHA-256": (
        lambda o: _rehash(o, lambda body: hashlib.sha256(body).hexdigest()),
        lambda o: 5,
    ),
    "re-hash with the store key": (lambda o: _rehash(o, _store_key_hmac(o)), lambda o: 5),
    # the follow-up's finding 1: the trail untouched, an application's row changed (its
    # state and decision are bound to its newest step); the line names that step
    "set an application's state": (
        lambda o: _sql(o, "UPDATE applications SET state = 'approved' WHERE id = 1"),
        lambda o: _last_step(o, 1),
    ),
    "change an application's answers": (
        lambda o: _sql(
            o,
            "UPDATE applications SET case_json = json_set(case_json, '$.applicant.degree', "
            "'doctorate') WHERE id = 2",
        ),
        lambda o: _last_step(o, 2),
    ),
}


def _names(line: str, seq: int) -> bool:
    return f"event {seq}" in line or f"events {seq} " in line or f"event #{seq} " in line


@pytest.mark.parametrize("case", list(MATRIX))
def test_each_tampering_is_found_at_start_and_by_audit_verify(office: Office, case: str) -> None:
    tamper, first_bad = MATRIX[case]
    tamper(office)
    expected = first_bad(office)
    # at start: the check the desk (and every command) runs on opening the store
    store = Store.open(office.folder, verify=True)
    try:
        report = store.audit_report
        assert report is not None and not report.ok, case
        line = audit.summary(report)
        assert "\n" not in line and line.startswith("audit trail NOT intact: ")
        assert _names(line, expected), (case, line)
        # the program carries on (every command logs in first, which appends an event);
        # `audit verify` still finds it, and still names the same first event
        UserService(OfficeContext(store)).login("zhao", PASSWORD, source="cli")
        after = AuditService(OfficeContext(store)).verify(SUPERVISOR)
        assert not after.ok, case
        assert _names(audit.summary(after), expected), (case, audit.summary(after))
    finally:
        store.close()
    # and on the next start too: carrying on hid nothing
    again = Store.open(office.folder, verify=True)
    try:
        assert again.audit_report is not None and not again.audit_report.ok, case
    finally:
        again.close()


def test_an_untouched_trail_is_intact_at_start_and_after(office: Office) -> None:
    store = Store.open(office.folder, verify=True)
    try:
        assert store.audit_report is not None and store.audit_report.ok
        assert audit.summary(store.audit_report).startswith("audit trail intact: ")
        UserService(OfficeContext(store)).login("zhao", PASSWORD, source="cli")
        assert AuditService(OfficeContext(store)).verify(SUPERVISOR).ok
    finally:
        store.close()


def test_a_stripped_chain_is_never_sealed_again(office: Office) -> None:
    # finding 1: a store that has had a chain and lost its head is not "a store from
    # before the chain"; opening it seals nothing, and nothing it holds verifies anew
    MATRIX["drop the head of a stripped chain"][0](office)
    store = Store.open(office.folder)
    try:
        with store.sessions() as session:
            assert audit.head(session) is None
            hashed = session.scalar(
                select(tables.AuditEvent.hash).where(tables.AuditEvent.hash != "")
            )
        assert hashed is None
    finally:
        store.close()


def test_a_restore_resets_the_witness_rightly(office: Office) -> None:
    # a restore moves the trail back on purpose: that is no tampering, and says so itself
    from caseworker.services.store import restore  # noqa: PLC0415

    shutil.copy(office.backup, office.folder / "day1-copy.db")
    restore(
        office.folder,
        office.folder / "day1-copy.db",
        authenticate=lambda s: UserService(OfficeContext(s)).login("admin", PASSWORD).actor,
    )
    store = Store.open(office.folder, verify=True)
    try:
        assert store.audit_report is not None and store.audit_report.ok, store.audit_report
        UserService(OfficeContext(store)).login("zhao", PASSWORD, source="cli")
        assert AuditService(OfficeContext(store)).verify(SUPERVISOR).ok
        newest = AuditService(OfficeContext(store)).events(SUPERVISOR, action="store.restore")
        assert newest and newest[0].detail["trail_had_reached"] == office.head
    finally:
        store.close()


@pytest.mark.parametrize(
    "case", ["rewind the head", "replay a backup's head", "drop the witness", "drop the head"]
)
def test_a_cut_end_is_not_hidden_by_the_next_login(office: Office, case: str) -> None:
    # finding 2: every command logs in first, and that event used to extend the head it
    # found (MAC unchecked) and rewrite the witness: `audit verify` then said intact
    MATRIX[case][0](office)
    store = Store.open(office.folder)
    try:
        UserService(OfficeContext(store)).login("zhao", PASSWORD, source="cli")
        assert not AuditService(OfficeContext(store)).verify(SUPERVISOR).ok
    finally:
        store.close()
