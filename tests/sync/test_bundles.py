"""Removable-media sync: township → bundle → a connected counter (or the centre) →
return bundle → township, against the real server on PostgreSQL."""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from caseworker.central import schema as central_tables
from caseworker.central.base import CentralError
from caseworker.central.service import Central
from caseworker.services.base import ServiceError
from caseworker.storage import schema as tables
from caseworker.sync import bundle
from tests.conftest import ROOT
from tests.stores import application
from tests.sync.conftest import CLERK, Desk
from tests.sync.pg import Postgres

SCAN = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40  # JPEG-like bytes


def _take(desk: Desk, count: int) -> list[dict[str, Any]]:
    taken = []
    for _ in range(count):
        data = application()
        view = desk.apps.apply(CLERK, copy.deepcopy(data))
        desk.apps.attach_scan(
            CLERK, view.number, filename="id.jpg", content=SCAN, media_type="image/jpeg"
        )
        taken.append(data)
    return taken


def _statuses(desk: Desk) -> dict[str, str]:
    with desk.store.sessions() as session:
        return dict(
            session.execute(
                select(tables.OutboxEntry.idempotency_key, tables.OutboxEntry.status)
            ).all()
        )


def _index(desk: Desk) -> dict[tuple[str, str, str], str]:
    with desk.store.sessions() as session:
        return {
            (x.office_code, x.number, x.id_number): x.state
            for x in session.scalars(select(tables.PersonIndexEntry))
        }


def _centre(central: Central, *, scans: bool = True) -> list[Any]:
    """Every row the centre holds in the tables a bundle touches."""
    names = ["operations", "applications", "person_claims", "settlements", "changes"]
    if scans:
        names.append("bundle_scans")
    with central.engine.connect() as conn:
        return [conn.execute(text(f"SELECT * FROM {name} ORDER BY 1")).all() for name in names]


@pytest.fixture
def pair(desks: Any) -> tuple[Desk, Desk]:
    """A township office (enrolled once while connected, then offline) and a connected
    county counter."""
    township, county = desks(), desks()
    assert township.sync.sync().ok  # once, at the county office, when it was set up
    return township, county


def _round_trip(township: Desk, county: Desk) -> tuple[bytes, bytes]:
    data, _ = township.sync.export_bundle(CLERK)
    done, answer, _ = county.sync.import_bundle(CLERK, data)
    assert done == "relayed" and answer is not None
    done, _, _ = township.sync.import_bundle(CLERK, answer)
    assert done == "applied"
    return data, answer


def test_a_round_trip_leaves_both_sides_as_an_online_sync_would(
    pair: tuple[Desk, Desk], central: Central
) -> None:
    township, county = pair
    _take(township, 3)
    keys = set(_statuses(township))
    theirs = application()
    county.apps.apply(CLERK, copy.deepcopy(theirs))
    assert county.sync.sync().ok  # the centre knows something the township does not yet
    data, count = township.sync.export_bundle(CLERK)
    assert count == len([k for k, s in _statuses(township).items() if s != "confirmed"]) == 9
    assert set(_statuses(township).values()) >= {"pending"}  # still queued until the return
    done, answer, _ = county.sync.import_bundle(CLERK, data)
    assert done == "relayed" and answer is not None
    with central.sessions() as session:
        held = set(session.scalars(select(central_tables.Operation.idempotency_key)))
        scans = session.scalars(select(central_tables.BundleScan)).all()
    assert keys <= held
    assert len(scans) == 3 and all(s.content == SCAN for s in scans)
    status_before = township.sync.status()
    done, _, summary = township.sync.import_bundle(CLERK, answer)
    assert done == "applied" and summary.applied == 9
    assert set(_statuses(township).values()) == {"confirmed"}
    with central.sessions() as session:
        claims = {
            (x.office_code, x.number, x.id_number): x.state
            for x in session.scalars(select(central_tables.PersonClaim))
        }
    assert _index(township) == claims  # the township now knows the county's person too
    status = township.sync.status()
    assert status.last_bundle_at is not None and status.last_return_at is not None
    assert status.last_success_at and status_before.last_success_at
    assert status.last_success_at > status_before.last_success_at and status.waiting == 0
    # the county's applicant, brought to the township, is now flagged before acceptance
    draft = township.apps.create_draft(CLERK, copy.deepcopy(theirs))
    with pytest.raises(ServiceError, match=county.office_code):
        township.apps.accept(CLERK, draft.number)


def test_a_bundle_imported_twice_or_after_its_operations_arrived_online_changes_nothing(
    pair: tuple[Desk, Desk], central: Central
) -> None:
    township, county = pair
    _take(township, 2)
    data, _ = township.sync.export_bundle(CLERK)
    _, first, _ = county.sync.import_bundle(CLERK, data)
    before = _centre(central)
    _, second, _ = county.sync.import_bundle(CLERK, data)
    assert _centre(central) == before
    assert second is not None
    _, body, _ = bundle.open_sealed(
        second,
        sender_key=central.public_key,
        recipient=bundle.box_key(township.sync._signer().private_key),
    )
    assert {r["status"] for r in body["receipts"]} == {"replayed"}
    assert first is not None
    township.sync.import_bundle(CLERK, first)
    after_first = (_statuses(township), _index(township))
    township.sync.import_bundle(CLERK, second)  # the same return again: nothing moves
    assert (_statuses(township), _index(township)) == after_first
    # operations that reached the centre online first: the bundle replays them
    _take(township, 1)
    late, _ = township.sync.export_bundle(CLERK)
    assert township.sync.sync().ok
    before = _centre(central, scans=False)
    _, answer, _ = county.sync.import_bundle(CLERK, late)
    assert (
        _centre(central, scans=False) == before
    )  # only the scan, which online sync does not send, is new
    assert answer is not None
    township.sync.import_bundle(CLERK, answer)
    assert set(_statuses(township).values()) == {"confirmed"}


def test_tampered_truncated_foreign_and_old_bundles_are_refused(
    pair: tuple[Desk, Desk], central: Central
) -> None:
    township, county = pair
    _take(township, 1)
    old, _ = township.sync.export_bundle(CLERK)
    new, _ = township.sync.export_bundle(CLERK)
    tampered = bytearray(new)
    tampered[len(new) // 2] ^= 0x01
    with pytest.raises(ServiceError, match="signature does not match"):
        county.sync.import_bundle(CLERK, bytes(tampered))
    with pytest.raises(ServiceError, match="cut short"):
        county.sync.import_bundle(CLERK, new[: len(new) - 100])
    with pytest.raises(ServiceError, match="not a sync bundle"):
        county.sync.import_bundle(CLERK, b"PK\x03\x04 a zip file")
    other = Central(central.engine, Ed25519PrivateKey.generate())
    with pytest.raises(CentralError, match="another central system"):
        other.import_bundle(new)
    before = _centre(central)
    with pytest.raises(CentralError, match="another central system"):
        other.import_bundle(new)
    assert _centre(central) == before
    _, answer_new, _ = county.sync.import_bundle(CLERK, new)
    with pytest.raises(ServiceError, match="older than bundle 2"):
        county.sync.import_bundle(CLERK, old)
    assert answer_new is not None
    township.sync.import_bundle(CLERK, answer_new)
    # an old return bundle, made by the centre's own import of bundle 1 earlier
    with central.sessions() as session, session.begin():
        device = session.get(central_tables.Device, bundle.read_header(old).device_id)
        assert device is not None
        device.bundle_seq = 0
    old_answer = central.import_bundle(old)
    with pytest.raises(ServiceError, match="older than the one already applied"):
        township.sync.import_bundle(CLERK, old_answer)
    # a return bundle brought to the wrong office
    with pytest.raises(ServiceError, match="another office"):
        county.sync.import_bundle(CLERK, answer_new)


def test_a_bundle_reveals_no_name_or_id_number(pair: tuple[Desk, Desk]) -> None:
    township, _ = pair
    people = _take(township, 2)
    data, _ = township.sync.export_bundle(CLERK)
    for person in people:
        number = person["applicant"]["id_number"]
        assert number.encode() not in data
        assert number[6:14].encode() not in data  # not even the birth date part
        name = person["records"]["applicant"]["name"]
        assert name.encode("utf-8") not in data
        assert name.encode("utf-16-le") not in data
    assert SCAN[4:64] not in data
    header = bundle.read_header(data)
    assert header.kind == "outbound" and header.seq == 1


def test_the_command_lines_carry_a_bundle_there_and_back(
    pair: tuple[Desk, Desk],
    central: Central,
    tmp_path: Path,
    postgres: Postgres,
    signing_key: Ed25519PrivateKey,
) -> None:
    """`caseworker sync export|import-bundle` at the desks, and the centre's own
    `caseworker-central import-bundle`."""
    from caseworker import cli_sync  # noqa: PLC0415

    township, county = pair
    _take(township, 1)
    stick = tmp_path / "stick" / "bundle.cwb"

    def run(desk: Desk, action: str, target: str | None, out: Path | None) -> int:
        args = argparse.Namespace(
            command="sync",
            action=action,
            target=target,
            out=out,
            note="",
            resend=False,
            stale_days=None,
            all=False,
        )
        return cli_sync.run(args, desk.sync, CLERK)

    assert run(township, "export", None, stick) == 0
    assert run(county, "import-bundle", str(stick), None) == 0
    back = stick.with_name("bundle.cwb.return")
    assert run(township, "import-bundle", str(back), None) == 0
    assert set(_statuses(township).values()) == {"confirmed"}

    _take(township, 1)
    assert run(township, "export", None, stick) == 0
    key_file = tmp_path / "central.key"
    key_file.write_text(signing_key.private_bytes_raw().hex() + "\n")
    key_file.chmod(0o600)  # the centre refuses a key others can read

    def centre(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-c",
                "from caseworker.central.cli import run; raise SystemExit(run())",
                "import-bundle",
                "--database",
                postgres.url("central"),
                "--key-file",
                str(key_file),
                *args,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    done = centre(str(stick), "--out", str(tmp_path / "centre.return"))
    assert done.returncode == 0, done.stderr
    assert run(township, "import-bundle", str(tmp_path / "centre.return"), None) == 0
    assert set(_statuses(township).values()) == {"confirmed"}
    missing = centre(str(tmp_path / "nothing.cwb"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr
