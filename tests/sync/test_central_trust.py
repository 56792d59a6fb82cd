"""The centre's trust boundaries (issue 21): what an enrolled device of one office, or
anyone on the network, can make the centre hold or say.

- accounts belong to an office: a device changes only its own office's, never grants a
  role its office may not, and the centre orders changes by its own clock (finding 3);
- every malformed request is a 4xx with a one-line reason, never a 500 (finding 7);
- request bodies are limited by route and refused before they are read (finding 8);
- a device pushes only its own office's and its own device's numbers (finding 10);
- the signing key lives in the centre's data folder, readable by its owner only (17)."""

from __future__ import annotations

import os
import socket
import stat
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from caseworker.central import schema
from caseworker.central.base import CentralError
from caseworker.central.database import MIGRATIONS, load_signing_key, migrate, open_database
from caseworker.central.fields import APPLICATION_STATES, OFFICE_ROLES
from caseworker.central.service import Central
from caseworker.models.workflow import State
from caseworker.services.context import OfficeContext
from caseworker.services.store import ROLES as DESK_ROLES
from caseworker.services.users import UserService
from caseworker.storage import schema as store_schema
from caseworker.sync import bundle, protocol
from tests.sync.conftest import ADMIN, PASSWORD, Server, make_desk

OFFICE_A = "370102001"
OFFICE_B = "370102002"


class Device:
    """A device enrolled with the centre, holding a bearer token: an attacker's tool."""

    def __init__(self, central: Central, url: str, office: str, device_code: str) -> None:
        self.key = Ed25519PrivateKey.generate()
        self.office, self.device_code, self.url = office, device_code, url
        self.id = central.enrol(
            code=central.issue_code(office),
            office_code=office,
            device_code=device_code,
            public_key=self.key.public_key().public_bytes_raw().hex(),
        )
        nonce = httpx.post(url + "/v1/challenge", json={"device_id": self.id}).json()["nonce"]
        signature = self.key.sign(protocol.auth_message(self.id, nonce)).hex()
        reply = httpx.post(
            url + "/v1/token",
            json={"device_id": self.id, "nonce": nonce, "signature": signature},
        )
        assert reply.status_code == 200, reply.text
        self.headers = {"Authorization": "Bearer " + reply.json()["token"]}

    def number(self, serial: int) -> str:
        return f"{self.office}-{self.device_code}-{serial:06d}"

    def push(self, *operations: dict[str, Any], audit: dict[str, Any] | None = None) -> Any:
        reply = httpx.post(
            self.url + "/v1/push",
            json={"operations": list(operations), "audit": audit},
            headers=self.headers,
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
        return reply.json()["results"]


def account_change(office: str, username: str, **fields: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "office_code": office,
        "at": datetime.now().isoformat(),
        "username": username,
        "display_name": username,
        "role": "clerk",
        "active": True,
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$" + "a" * 60,
    }
    payload.update(fields)
    return {"key": uuid.uuid4().hex, "kind": "account.changed", "payload": payload}


def application_op(
    office: str, number: str, id_number: str, state: str = "accepted", kind: str = ""
) -> dict[str, Any]:
    return {
        "key": uuid.uuid4().hex,
        "kind": kind or "application.accept",
        "payload": {
            "office_code": office,
            "at": datetime.now().isoformat(),
            "application": {
                "number": number,
                "state": state,
                "applicant": {"id_number": id_number, "name": "王某"},
                "relatives": [],
            },
        },
    }


def accounts(central: Central) -> dict[tuple[str, str], schema.Account]:
    with central.sessions() as session:
        return {(a.office_code, a.username): a for a in session.scalars(select(schema.Account))}


# --- finding 3: accounts belong to an office -------------------------------------------


def test_two_offices_each_keep_their_own_account_of_one_name(
    central: Central, live: Server
) -> None:
    one, two = (
        Device(central, live.url, OFFICE_A, "AAAA"),
        Device(central, live.url, OFFICE_B, "BBBB"),
    )
    later = (datetime.now() + timedelta(minutes=5)).isoformat()
    assert (
        one.push(account_change(OFFICE_A, "zhao", role="supervisor", at=later))[0]["status"]
        == protocol.APPLIED
    )
    answer = two.push(account_change(OFFICE_B, "zhao", display_name="赵（二所）"))[0]
    assert answer["status"] == protocol.APPLIED and not answer["result"].get("superseded")
    held = accounts(central)
    assert held[(OFFICE_A, "zhao")].role == "supervisor"
    assert held[(OFFICE_B, "zhao")].display_name == "赵（二所）"


def test_a_new_desk_of_an_office_pulls_its_own_users(
    tmp_path: Path, central: Central, live: Server, service: Any
) -> None:
    """Office B's user `sun` is made before office A's `sun` and reaches the centre
    after it: the centre keeps both, and a second desk of office B pulls B's."""
    first_b = make_desk(tmp_path / "b1", central, live.url, service, office_code=OFFICE_B)
    desk_a = make_desk(tmp_path / "a", central, live.url, service, office_code=OFFICE_A)
    try:
        UserService(OfficeContext(first_b.store)).add(
            ADMIN, username="sun", role="clerk", password=PASSWORD
        )
        UserService(OfficeContext(desk_a.store)).add(
            ADMIN, username="sun", role="supervisor", password=PASSWORD
        )
        assert desk_a.sync.sync().ok
        assert first_b.sync.sync().ok
        second_b = make_desk(tmp_path / "b2", central, live.url, service, office_code=OFFICE_B)
        try:
            assert second_b.sync.sync().ok
            with second_b.store.sessions() as session:
                sun = session.scalars(
                    select(store_schema.User).where(store_schema.User.username == "sun")
                ).one_or_none()
            assert sun is not None and sun.role == "clerk"
        finally:
            second_b.close()
    finally:
        first_b.close()
        desk_a.close()


def test_a_device_cannot_change_an_every_office_account(central: Central, live: Server) -> None:
    central.put_account(
        username="county", display_name="县局", role="supervisor", password_hash="z" * 40
    )
    device = Device(central, live.url, OFFICE_A, "AAAA")
    answer = device.push(account_change(OFFICE_A, "county", role="admin"))[0]
    assert answer["status"] == protocol.REJECTED
    assert "every office" in answer["error"]
    held = accounts(central)
    assert set(held) == {("", "county")}
    assert (held[("", "county")].role, held[("", "county")].password_hash) == (
        "supervisor",
        "z" * 40,
    )


@pytest.mark.parametrize("role", ["central_admin", "root", "", "Admin", "admin "])
def test_a_device_cannot_grant_a_role_its_office_may_not(
    central: Central, live: Server, role: str
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    answer = device.push(account_change(OFFICE_A, "wu", role=role))[0]
    assert answer["status"] == protocol.REJECTED and "role" in answer["error"]
    assert accounts(central) == {}


def test_account_changes_are_ordered_by_the_centres_clock(central: Central, live: Server) -> None:
    """A device's `at` far in the future must not pin an account against later changes."""
    device = Device(central, live.url, OFFICE_A, "AAAA")
    device.push(account_change(OFFICE_A, "wu", role="supervisor", at="2099-01-01T00:00:00"))
    answer = device.push(account_change(OFFICE_A, "wu", active=False))[0]
    assert answer["status"] == protocol.APPLIED and not answer["result"].get("superseded")
    held = accounts(central)[(OFFICE_A, "wu")]
    assert (held.role, held.active) == ("clerk", False)
    assert held.changed_at < datetime.now() + timedelta(minutes=1)


def test_the_centre_refuses_an_office_account_that_shadows_an_every_office_one(
    central: Central,
) -> None:
    central.put_account(username="county", display_name="县局", role="clerk", password_hash="z")
    with pytest.raises(CentralError, match="every office"):
        central.put_account(
            username="county",
            display_name="x",
            role="clerk",
            password_hash="z",
            office_code=OFFICE_A,
        )
    central.put_account(
        username="wang", display_name="王", role="clerk", password_hash="z", office_code=OFFICE_A
    )
    with pytest.raises(CentralError, match=OFFICE_A):
        central.put_account(username="wang", display_name="王", role="clerk", password_hash="z")


# --- finding 10: a device's numbers are its own ----------------------------------------


def test_a_device_cannot_settle_another_offices_application(central: Central, live: Server) -> None:
    owner = Device(central, live.url, OFFICE_A, "AAAA")
    thief = Device(central, live.url, OFFICE_B, "BBBB")
    person = "370102199001011234"
    number = owner.number(1)
    assert owner.push(application_op(OFFICE_A, number, person))[0]["status"] == protocol.APPLIED
    answer = thief.push(
        application_op(OFFICE_B, number, person, "settled", "application.mark_settled")
    )[0]
    assert answer["status"] == protocol.REJECTED and number in answer["error"]
    with central.sessions() as session:
        assert session.get(schema.Settlement, person) is None
        assert session.get(schema.CentralApplication, (OFFICE_B, number)) is None


def test_a_device_cannot_push_another_devices_number(central: Central, live: Server) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    for number in (f"{OFFICE_A}-CCCC-000001", "B0000001", f"{OFFICE_A}-AAAA-1/../2"):
        answer = device.push(application_op(OFFICE_A, number, "370102199001011234"))[0]
        assert answer["status"] == protocol.REJECTED, number
    assert (
        device.push(application_op(OFFICE_A, device.number(7), "370102199001011234"))[0]["status"]
        == protocol.APPLIED
    )


# --- finding 7: malformed requests get a 4xx and one line ------------------------------


def _malformed(device: Device) -> list[tuple[str, str, Any]]:
    """(path, what, body): each was a 500 on the main of issue 21."""
    op = account_change(OFFICE_A, "wu")
    nul = "a\x00b"
    audit = {"seq": 1, "hash": "ab" * 32}
    return [
        ("/v1/challenge", "device id with NUL", {"device_id": nul}),
        ("/v1/token", "token device id NUL", {"device_id": nul, "nonce": "a", "signature": "b"}),
        ("/v1/token", "token nonce NUL", {"device_id": device.id, "nonce": nul, "signature": "b"}),
        (
            "/v1/token",
            "token signature NUL",
            {"device_id": device.id, "nonce": "a", "signature": nul},
        ),
        ("/v1/push", "key NUL", {"operations": [{**op, "key": nul}]}),
        ("/v1/push", "kind NUL", {"operations": [{**op, "kind": nul}]}),
        (
            "/v1/push",
            "office NUL",
            {"operations": [{**op, "payload": {**op["payload"], "office_code": nul}}]},
        ),
        ("/v1/push", "audit hash NUL", {"operations": [], "audit": {**audit, "hash": nul}}),
        ("/v1/push", "kind too long", {"operations": [{**op, "kind": "account." + "x" * 60}]}),
        (
            "/v1/push",
            "audit hash too long",
            {"operations": [], "audit": {**audit, "hash": "a" * 65}},
        ),
        (
            "/v1/push",
            "audit seq beyond bigint",
            {"operations": [], "audit": {**audit, "seq": 2**70}},
        ),
        ("/v1/push", "payload with a lone surrogate", None),
    ]


def test_malformed_fields_are_a_4xx_with_one_line(central: Central, live: Server) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    for path, what, body in _malformed(device):
        if body is None:
            content = (
                '{"operations": [{"key": "k1", "kind": "account.changed", '
                '"payload": {"office_code": "370102001", "username": "\\ud800"}}]}'
            )
            reply = httpx.post(
                live.url + path,
                content=content,
                headers={**device.headers, "Content-Type": "application/json"},
            )
        else:
            reply = httpx.post(live.url + path, json=body, headers=device.headers)
        assert 400 <= reply.status_code < 500, (what, reply.status_code, reply.text)
        detail = reply.json()["detail"]
        assert isinstance(detail, str) and detail and "\n" not in detail, (what, detail)
    # the device still works: nothing above rolled back more than its own request
    assert device.push(account_change(OFFICE_A, "wu"))[0]["status"] == protocol.APPLIED


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
@pytest.mark.parametrize("path", ["/v1/push", "/v1/enrol", "/v1/token", "/v1/challenge"])
def test_non_finite_numbers_in_a_json_body_are_a_4xx(
    central: Central, live: Server, path: str, number: str
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    bodies = {
        "/v1/push": '{"operations": [{"key": "k", "kind": "application.accept", '
        f'"payload": {{"office_code": "{OFFICE_A}", "x": {number}}}}}]}}',
        "/v1/enrol": f'{{"code": {number}, "office_code": "{OFFICE_A}", "device_code": "X", '
        f'"public_key": "{"ab" * 32}"}}',
        "/v1/token": f'{{"device_id": {number}, "nonce": "a", "signature": "b"}}',
        "/v1/challenge": f'{{"device_id": {number}}}',
    }
    reply = httpx.post(
        live.url + path,
        content=bodies[path],
        headers={**device.headers, "Content-Type": "application/json"},
    )
    assert 400 <= reply.status_code < 500, reply.text
    assert isinstance(reply.json()["detail"], str)
    with central.sessions() as session:
        assert session.scalar(select(schema.Operation)) is None


@pytest.mark.parametrize(
    "cursor", ["99999999999999999999:0", "0:99999999999999999999", "-1:0", "1:", "x"]
)
def test_a_cursor_the_server_never_gave_is_a_4xx(
    central: Central, live: Server, cursor: str
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    reply = httpx.get(
        live.url + "/v1/pull/accounts", params={"cursor": cursor}, headers=device.headers
    )
    assert 400 <= reply.status_code < 500, reply.text
    assert isinstance(reply.json()["detail"], str)


@pytest.mark.parametrize("content", [b"", b"not a bundle", b"CWB1" + b"\x00" * 64, b"{}"])
def test_a_body_that_is_not_a_bundle_is_a_4xx(
    central: Central, live: Server, content: bytes
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    reply = httpx.post(live.url + "/v1/bundles", content=content, headers=device.headers)
    assert reply.status_code == 422, reply.text
    assert "bundle" in reply.json()["detail"]


# --- finding 8: bodies are limited by route, refused before they are read ---------------


def _raw_post(port: int, path: str, headers: dict[str, str], body_chunks: Any) -> int:
    """Send headers, then as much of the body as the server takes; the status it gave."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        sock.sendall((head + "\r\n").encode())
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed while the body was still coming
        answer = b""
        try:
            while b"\r\n" not in answer:
                got = sock.recv(4096)
                if not got:
                    break
                answer += got
        except OSError:
            pass
    return int(answer.split(b" ", 2)[1])


def test_an_oversized_declared_body_is_refused_before_it_is_sent(live: Server) -> None:
    """Content-Length 50 MB to /v1/enrol: 413 without one byte of the body sent."""
    status = _raw_post(
        live.port,
        "/v1/enrol",
        {"Content-Type": "application/json", "Content-Length": str(50 * 2**20)},
        [],
    )
    assert status == 413


def test_an_oversized_chunked_body_is_refused(central: Central, live: Server) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    chunk = b"x" * 65536

    def chunks() -> Any:
        for _ in range(50 * 16):  # 50 MB at most
            yield b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        yield b"0\r\n\r\n"

    status = _raw_post(
        live.port,
        "/v1/push",
        {**device.headers, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        chunks(),
    )
    assert status == 413


def test_a_push_with_a_huge_payload_is_refused_and_not_stored(
    central: Central, live: Server
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    op = account_change(OFFICE_A, "wu", display_name="x" * (50 * 2**20))
    reply = httpx.post(
        live.url + "/v1/push", json={"operations": [op]}, headers=device.headers, timeout=60
    )
    assert reply.status_code == 413
    assert "MB" in reply.json()["detail"] or "KB" in reply.json()["detail"]
    with central.sessions() as session:
        assert session.scalar(select(schema.Operation)) is None


def test_one_operations_payload_is_limited(central: Central, live: Server) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    op = application_op(OFFICE_A, device.number(1), "370102199001011234")
    op["payload"]["application"]["notes"] = "x" * (300 * 1024)
    reply = httpx.post(live.url + "/v1/push", json={"operations": [op]}, headers=device.headers)
    assert reply.status_code == 422, reply.text
    assert "larger than 256 KB" in reply.json()["detail"]
    with central.sessions() as session:
        assert session.get(schema.CentralApplication, (OFFICE_A, device.number(1))) is None


# --- finding 17: the signing key --------------------------------------------------------


def test_the_signing_key_is_created_owner_readable_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseworker.central.cli import run  # noqa: PLC0415

    cwd, data = tmp_path / "checkout", tmp_path / "data"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("CASEWORKER_CENTRAL_KEY", raising=False)
    monkeypatch.setenv("CASEWORKER_CENTRAL_DATA", str(data))
    assert run(["code", "--database", str(tmp_path / "trial.db"), "--office", OFFICE_A]) == 0
    assert list(cwd.iterdir()) == []
    key = data / "central-signing.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "central-signing.key"
    load_signing_key(path)
    os.chmod(path, mode)
    with pytest.raises(CentralError, match="chmod 600"):
        load_signing_key(path)


def test_the_command_refuses_a_readable_key_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from caseworker.central.cli import run  # noqa: PLC0415

    path = tmp_path / "central-signing.key"
    load_signing_key(path)
    os.chmod(path, 0o644)
    argv = ["code", "--database", str(tmp_path / "t.db"), "--key-file", str(path)]
    assert run([*argv, "--office", OFFICE_A]) == 1
    err = capsys.readouterr().err.strip()
    assert "chmod 600" in err and "\n" not in err and "Traceback" not in err


# --- beyond the list: the same faults in neighbouring places ----------------------------


def test_a_key_another_device_used_is_not_answered_from_its_answer(
    central: Central, live: Server
) -> None:
    """An idempotency key is global: a second office sending a key the first used must
    not get the first office's stored answer (its conflicts name people and numbers)."""
    owner = Device(central, live.url, OFFICE_A, "AAAA")
    other = Device(central, live.url, OFFICE_B, "BBBB")
    op = application_op(OFFICE_A, owner.number(1), "370102199001011234", "settled")
    owner.push(op)
    copied = {**application_op(OFFICE_B, other.number(1), "370102199001011234"), "key": op["key"]}
    answer = other.push(copied)[0]
    assert answer["status"] == protocol.REJECTED and "another device" in answer["error"]
    assert OFFICE_A not in str(answer)


def test_the_same_desk_enrolled_again_is_answered_from_its_old_answers(
    central: Central, live: Server
) -> None:
    before = Device(central, live.url, OFFICE_A, "AAAA")
    op = application_op(OFFICE_A, before.number(1), "370102199001011234")
    assert before.push(op)[0]["status"] == protocol.APPLIED
    again = Device(central, live.url, OFFICE_A, "AAAA")  # the same store, a new enrolment
    assert again.push(op)[0]["status"] == protocol.REPLAYED


def test_an_operation_naming_another_device_is_rejected(central: Central, live: Server) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    op = application_op(OFFICE_A, device.number(1), "370102199001011234")
    op["payload"]["device_code"] = "CCCC"
    answer = device.push(op)[0]
    assert answer["status"] == protocol.REJECTED and "CCCC" in answer["error"]


def _bundle(device: Device, central: Central, body: dict[str, Any], **kw: Any) -> bytes:
    full = {"operations": [], "scans": [], "cursors": {}, "audit": None, **body}
    full["box_key"] = bundle.box_public(device.key)
    return bundle.seal(
        full,
        blobs=kw.get("blobs", []),
        kind=bundle.OUTBOUND,
        device_id=kw.get("device_id", device.id),
        centre_key=central.public_key,
        seq=kw.get("seq", 1),
        recipient_box=central.box_key,
        signer=device.key,
        now=datetime.now(),
    )


def _post_bundle(device: Device, data: bytes) -> httpx.Response:
    return httpx.post(device.url + "/v1/bundles", content=data, headers=device.headers, timeout=30)


@pytest.mark.parametrize(
    ("scan", "said"),
    [
        ({"number": f"{OFFICE_B}-BBBB-000001"}, "belongs to office"),
        ({"filename": "id\x00.jpg"}, "NUL"),
        ({"blob": 5}, "damaged"),
        ({"sha256": "x"}, "damaged"),
        ({"number": None}, "damaged"),
    ],
)
def test_a_bundles_scans_are_checked_before_anything_is_applied(
    central: Central, live: Server, scan: dict[str, Any], said: str
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    good = {
        "id": 1,
        "number": device.number(1),
        "filename": "id.jpg",
        "sha256": "ab" * 32,
        "blob": 0,
    }
    op = application_op(OFFICE_A, device.number(1), "370102199001011234")
    data = _bundle(device, central, {"operations": [op], "scans": [{**good, **scan}]}, blobs=[b"x"])
    reply = _post_bundle(device, data)
    assert reply.status_code == 422, reply.text
    assert said in reply.json()["detail"]
    with central.sessions() as session:
        assert session.scalar(select(schema.Operation)) is None
        assert session.scalar(select(schema.BundleScan)) is None


def test_a_bundles_malformed_operations_are_answered_not_a_500(
    central: Central, live: Server
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    good = application_op(OFFICE_A, device.number(1), "370102199001011234")
    bad = [
        {**good, "key": "a\x00b"},
        {**good, "key": uuid.uuid4().hex, "kind": "x\x00y"},
        {**good, "key": uuid.uuid4().hex, "kind": "application." + "x" * 60},
        {**good, "key": uuid.uuid4().hex, "payload": {"office_code": OFFICE_A, "x": "\x00"}},
        {**good, "key": uuid.uuid4().hex, "payload": {"office_code": OFFICE_A, "x": 2**70}},
    ]
    reply = _post_bundle(device, _bundle(device, central, {"operations": [*bad, good]}))
    assert reply.status_code == 200, reply.text
    _, body, _ = bundle.open_sealed(
        reply.content, sender_key=central.public_key, recipient=bundle.box_key(device.key)
    )
    statuses = [r["status"] for r in body["receipts"]]
    assert statuses == [protocol.REJECTED] * len(bad) + [protocol.APPLIED]


@pytest.mark.parametrize(
    ("audit", "header"),
    [
        ({"seq": 1, "hash": "a\x00"}, {}),
        ({"seq": 2**70, "hash": "ab"}, {}),
        ({"seq": True, "hash": "ab"}, {}),
        (None, {"device_id": "a\x00b"}),
        (None, {"seq": 2**40}),
    ],
)
def test_a_bundles_damaged_header_or_audit_head_is_a_422(
    central: Central, live: Server, audit: Any, header: dict[str, Any]
) -> None:
    device = Device(central, live.url, OFFICE_A, "AAAA")
    op = application_op(OFFICE_A, device.number(1), "370102199001011234")
    data = _bundle(device, central, {"operations": [op], "audit": audit}, **header)
    reply = _post_bundle(device, data)
    assert reply.status_code == 422, reply.text
    with central.sessions() as session:
        assert session.scalar(select(schema.Operation)) is None


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda c: c.issue_code("３７０１０２００１"), "6 to 12 digits"),
        (lambda c: c.issue_code(OFFICE_A, hours=10**9), "hours"),
        (lambda c: c.revoke("ZQ-" + "1" * 60, "x"), "permit number"),
        (lambda c: c.revoke("ZQ-1", "x\x00"), "NUL"),
        (lambda c: c.publish_pack("x", policy="p" * 41, version="1"), "policy"),
        (
            lambda c: c.put_account(
                username="wang", display_name="王" * 60, role="clerk", password_hash="x"
            ),
            "display name",
        ),
    ],
)
def test_the_administrators_calls_refuse_what_cannot_be_stored(
    central: Central, call: Any, said: str
) -> None:
    with pytest.raises(CentralError, match=said):
        call(central)


def test_the_centres_vocabulary_matches_the_desks() -> None:
    assert OFFICE_ROLES == DESK_ROLES
    assert set(APPLICATION_STATES) == {s.value for s in State}


def test_migration_0003_keeps_the_accounts_and_keys_them_by_office(tmp_path: Path) -> None:
    from alembic import command  # noqa: PLC0415
    from alembic.config import Config  # noqa: PLC0415

    engine = open_database(str(tmp_path / "trial.db"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.exec_driver_sql(
            "INSERT INTO accounts VALUES ('zhao', '赵', 'supervisor', 1, 'h', '370102001', "
            "'2026-01-01 00:00:00')"
        )
    migrate(engine)
    central = Central(engine, Ed25519PrivateKey.generate())
    central.put_account(
        username="zhao", display_name="赵二", role="clerk", password_hash="h2", office_code=OFFICE_B
    )
    held = accounts(central)
    assert held[(OFFICE_A, "zhao")].display_name == "赵"
    assert held[(OFFICE_B, "zhao")].display_name == "赵二"
    engine.dispose()
