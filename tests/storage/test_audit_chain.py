"""The audit trail cannot be edited quietly: each kind of tampering done directly in the
database (with the store key, without the audit key) is found and named."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from caseworker.services.applications import Actor, ApplicationService, PermissionDeniedError
from caseworker.services.audit import AuditService
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.storage import audit
from caseworker.storage.database import connect_raw
from tests.stores import CLERK, SUPERVISOR, application

ADMIN = Actor("admin", "admin")


@pytest.fixture
def trail(store: Store, apps: ApplicationService) -> AuditService:
    """A store with a few dozen events: set-up, users, three applications' steps."""
    for _ in range(3):
        view = apps.create_draft(CLERK, application())
        apps.accept(CLERK, view.number)
        apps.decide(CLERK, view.number)
    return AuditService(OfficeContext(store))


def _tamper(store: Store, *statements: str) -> None:
    conn = connect_raw(store.path, store.settings.key())
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _kinds(report: audit.AuditReport) -> list[tuple[str, int | None]]:
    """The chain's own findings. An application whose newest steps were deleted also
    disagrees with its row ("row", tests/storage/test_trust_rows.py): not counted here."""
    return [(f.kind, f.seq) for f in report.findings if f.kind != "row"]


def test_an_untouched_trail_verifies(trail: AuditService) -> None:
    report = trail.verify(SUPERVISOR)
    assert report.ok and report.events >= 13
    assert report.head is not None and report.head.seq == report.events


def test_the_chain_links_every_event_to_the_one_before(store: Store, trail: AuditService) -> None:
    conn = connect_raw(store.path, store.settings.key())
    rows = conn.execute("SELECT seq, prev_hash, hash FROM audit_events ORDER BY id").fetchall()
    conn.close()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert all(rows[i][1] == rows[i - 1][2] for i in range(1, len(rows)))


def test_an_edited_event_is_found(store: Store, trail: AuditService) -> None:
    detail = json.dumps({"number": "X", "state": "settled"})
    _tamper(store, f"UPDATE audit_events SET detail = '{detail}' WHERE seq = 7")
    assert _kinds(trail.verify(SUPERVISOR)) == [("edited", 7)]


def test_an_edit_with_a_recomputed_plain_hash_is_still_found(
    store: Store, trail: AuditService
) -> None:
    # someone who knows the format but not the key recomputes an unkeyed hash
    _tamper(
        store,
        "UPDATE audit_events SET actor = 'zhao', hash = lower(hex(randomblob(32))) WHERE seq = 5",
    )
    assert _kinds(trail.verify(SUPERVISOR)) == [("edited", 5)]


def test_a_deleted_event_is_found(store: Store, trail: AuditService) -> None:
    _tamper(store, "DELETE FROM audit_events WHERE seq IN (6, 7)")
    report = trail.verify(SUPERVISOR)
    assert _kinds(report) == [("deleted", 6)]
    assert "events 6 to 7 deleted" in report.findings[0].message


def test_an_inserted_event_is_found(store: Store, trail: AuditService) -> None:
    _tamper(
        store,
        "INSERT INTO audit_events (at, actor, action, application_id, detail, seq, prev_hash, "
        "hash) SELECT at, 'zhao', 'application.approve', application_id, detail, seq, "
        "prev_hash, hash FROM audit_events WHERE seq = 8",
    )
    assert _kinds(trail.verify(SUPERVISOR)) == [("inserted", 8)]


def test_an_event_inserted_without_a_chain_place_is_found(
    store: Store, trail: AuditService
) -> None:
    _tamper(
        store,
        "INSERT INTO audit_events (at, actor, action, detail, prev_hash, hash) "
        "VALUES ('2024-03-01 09:00:00', 'zhao', 'login', '{}', '', '')",
    )
    assert [f.kind for f in trail.verify(SUPERVISOR).findings] == ["inserted"]


def test_reordered_events_are_found(store: Store, trail: AuditService) -> None:
    _tamper(store, "UPDATE audit_events SET id = 100000 WHERE seq = 3")
    assert _kinds(trail.verify(SUPERVISOR)) == [("reordered", 3)]


def test_events_cut_from_the_end_are_found(store: Store, trail: AuditService) -> None:
    head = trail.head()
    assert head is not None
    _tamper(store, f"DELETE FROM audit_events WHERE seq > {head.seq - 2}")
    report = trail.verify(SUPERVISOR)
    assert ("truncated", head.seq - 1) in _kinds(report)


def test_a_cut_with_an_old_head_put_back_is_found_by_the_witness(
    store: Store, trail: AuditService, apps: ApplicationService
) -> None:
    # the forger kept the head row of an earlier day (from a backup, say): it is genuine,
    # so only the witness file beside the store shows that later events existed
    conn = connect_raw(store.path, store.settings.key())
    old_seq, old_hash, old_mac = conn.execute("SELECT seq, hash, mac FROM audit_head").fetchone()
    conn.close()
    apps.create_draft(CLERK, application())
    _tamper(
        store,
        f"DELETE FROM audit_events WHERE seq > {old_seq}",
        f"UPDATE audit_head SET seq = {old_seq}, hash = '{old_hash}', mac = '{old_mac}'",
    )
    report = trail.verify(SUPERVISOR)
    assert [f.kind for f in report.findings if f.kind != "row"] == ["truncated"]
    assert f"but the trail ends at {old_seq}" in report.findings[0].message


def test_a_deleted_head_is_found_even_after_new_events(
    store: Store, trail: AuditService, apps: ApplicationService
) -> None:
    _tamper(store, "DELETE FROM audit_head", "DELETE FROM audit_events WHERE seq > 10")
    apps.create_draft(CLERK, application())  # the program carries on, and says so
    kinds = [kind for kind, _ in _kinds(trail.verify(SUPERVISOR))]
    assert "truncated" in kinds


def test_verifying_is_itself_audited_and_needs_a_supervisor(
    store: Store, trail: AuditService
) -> None:
    with pytest.raises(PermissionDeniedError, match="audit"):
        trail.verify(CLERK)
    with pytest.raises(PermissionDeniedError):
        trail.events(CLERK)
    trail.verify(ADMIN)
    newest = trail.events(ADMIN, limit=1)[0]
    assert newest.action == "audit.verify" and newest.actor == "admin"


def test_events_can_be_browsed_by_user_action_and_application(
    trail: AuditService, apps: ApplicationService
) -> None:
    number = apps.search(SUPERVISOR, "").items[0].number
    by_app = trail.events(SUPERVISOR, application=number)
    assert {e.action for e in by_app} == {
        "application.create",
        "application.accept",
        "application.decide",
    }
    assert all(e.actor == "li" for e in trail.events(SUPERVISOR, user="li"))
    users = trail.events(SUPERVISOR, action="user.")
    assert len(users) == 3
    page = trail.events(SUPERVISOR, limit=2)
    older = trail.events(SUPERVISOR, limit=2, before_id=page[-1].id)
    assert older[0].id < page[-1].id


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: _tamper(s, "UPDATE audit_events SET at = '2020-01-01 00:00:00' WHERE seq = 2"),
        lambda s: _tamper(s, "UPDATE audit_events SET application_id = NULL WHERE seq = 9"),
        lambda s: _tamper(s, "UPDATE audit_events SET action = 'login' WHERE seq = 4"),
        lambda s: _tamper(s, "UPDATE audit_head SET mac = 'x'"),
    ],
)
def test_every_field_is_covered(
    store: Store, trail: AuditService, tamper: Callable[[Store], Any]
) -> None:
    tamper(store)
    assert not trail.verify(SUPERVISOR).ok


def test_the_audit_key_lives_outside_the_store(store: Store) -> None:
    # every row of every table, as text: the key (or its hex) is nowhere in the store
    conn = connect_raw(store.path, store.settings.key())
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = "\n".join(
        f"{table} {row!r}" for table in tables for row in conn.execute(f'SELECT * FROM "{table}"')
    )
    conn.close()
    key = store.sessions.kw["info"][audit.KEY]
    assert "audit_events" in dump and len(dump) > 1000
    assert key.hex() not in dump and key.hex().upper() not in dump
    assert store.settings.key_path is None  # it is in the keyring, beside the store key
