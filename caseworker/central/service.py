"""What the central system does, without HTTP: enrol devices, authenticate them, take
their operations exactly once, publish what they pull. The FastAPI app (``app``) and the
administrator's command line (``cli``) both call it."""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Engine, create_engine, delete, event, inspect, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from caseworker.central import changes
from caseworker.central import schema as c
from caseworker.sync import bundle
from caseworker.sync import protocol as p

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TOKEN_LIFETIME = timedelta(hours=1)
CHALLENGE_LIFETIME = timedelta(minutes=2)
MAX_BATCH = 500


class CentralError(Exception):
    """A request the centre refuses; ``status`` is the HTTP status it maps to."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class OperationError(ValueError):
    """One operation is malformed: it is rejected, and the rejection is kept."""


@dataclass(frozen=True, slots=True)
class Answer:
    key: str
    status: str
    result: dict[str, Any]
    error: str = ""


def database_url(url: str) -> str:
    """``postgresql://`` means psycopg 3; a bare path means an SQLite trial file."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    return url


def open_database(url: str) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _: Any) -> None:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")

        return engine
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the central database to the newest schema (run at every start)."""
    from alembic import command  # noqa: PLC0415 - only the server needs Alembic
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    missing = set(c.Base.metadata.tables) - tables
    if missing:
        raise RuntimeError(f"the central database lacks {sorted(missing)} after migrating")


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """The centre's signing key, created (readable by its owner only) on first use."""
    if path.exists():
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(path.read_text().strip()))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.private_bytes_raw().hex() + "\n")
    return key


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _when(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise OperationError(f"'at' is not a date and time: {value!r}") from None


def _person_change(
    office: str, number: str, id_number: str, state: str
) -> tuple[str, str, str, dict[str, Any]]:
    """A row of the person-index stream: one person in one application."""
    body = {"office_code": office, "number": number, "id_number": id_number, "state": state}
    return (p.PERSONS, "", f"{office}:{number}:{id_number}", body)


class Central:
    def __init__(
        self,
        engine: Engine,
        signing_key: Ed25519PrivateKey,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self._key = signing_key
        self.clock = clock

    @property
    def public_key(self) -> str:
        return self._key.public_key().public_bytes_raw().hex()

    @property
    def box_key(self) -> str:
        """The X25519 key devices encrypt removable-media bundles to."""
        return bundle.box_public(self._key)

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session

    # --- administration ------------------------------------------------------------

    def issue_code(self, office_code: str, *, hours: int = 72) -> str:
        """A one-time enrolment code for one office, valid ``hours``."""
        if not office_code.isdigit() or not 6 <= len(office_code) <= 12:
            raise CentralError(400, f"office code {office_code!r} must be 6 to 12 digits")
        code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))
        now = self.clock()
        with self._tx() as session:
            session.add(
                c.EnrolmentCode(
                    code_hash=_digest(code),
                    office_code=office_code,
                    created_at=now,
                    expires_at=now + timedelta(hours=hours),
                )
            )
        return code

    def publish_pack(self, text: str, *, policy: str, version: str) -> None:
        """Sign a rule pack (already validated by the caller) and publish it."""
        signature = self._key.sign(p.pack_message(policy, version, text)).hex()
        now = self.clock()
        body = {
            "policy": policy,
            "version": version,
            "sha256": _digest(text),
            "text": text,
            "signature": signature,
        }
        with self._tx() as session:
            session.merge(
                c.RulePackRow(
                    policy=policy,
                    version=version,
                    sha256=body["sha256"],
                    text=text,
                    signature=signature,
                    published_at=now,
                )
            )
            changes.record(session, [(p.RULE_PACKS, "", policy, body)], now)

    def revoke(self, permit_number: str, reason: str) -> None:
        now = self.clock()
        with self._tx() as session:
            session.merge(c.Revocation(permit_number=permit_number, reason=reason, revoked_at=now))
            body = {"permit_number": permit_number, "reason": reason, "at": now.isoformat()}
            changes.record(session, [(p.REVOCATIONS, "", permit_number, body)], now)

    def put_account(
        self,
        *,
        username: str,
        display_name: str,
        role: str,
        password_hash: str,
        office_code: str = "",
        active: bool = True,
    ) -> None:
        now = self.clock()
        with self._tx() as session:
            self._account(
                session,
                office_code=office_code,
                username=username,
                display_name=display_name,
                role=role,
                active=active,
                password_hash=password_hash,
                at=now,
            )

    def _account(
        self,
        session: Session,
        *,
        office_code: str,
        username: str,
        display_name: str,
        role: str,
        active: bool,
        password_hash: str,
        at: datetime,
    ) -> None:
        session.merge(
            c.Account(
                username=username,
                display_name=display_name,
                role=role,
                active=active,
                password_hash=password_hash,
                office_code=office_code,
                changed_at=at,
            )
        )
        body = {
            "username": username,
            "display_name": display_name,
            "role": role,
            "active": active,
            "password_hash": password_hash,
        }
        changes.record(session, [(p.ACCOUNTS, office_code, username, body)], at)

    # --- enrolment and authentication -------------------------------------------------

    def enrol(self, *, code: str, office_code: str, device_code: str, public_key: str) -> str:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        except ValueError:
            raise CentralError(400, "the device's public key is not an Ed25519 key") from None
        now = self.clock()
        with self._tx() as session:
            row = session.get(c.EnrolmentCode, _digest(code.strip().upper()), with_for_update=True)
            if row is None or row.used_at is not None or row.expires_at < now:
                raise CentralError(
                    403,
                    "the enrolment code is unknown, used or expired; ask the central "
                    "administrator for a new one",
                )
            if row.office_code != office_code:
                raise CentralError(
                    403, f"this code was issued for office {row.office_code}, not {office_code}"
                )
            device_id = uuid.uuid4().hex
            row.used_at, row.device_id = now, device_id
            session.add(
                c.Device(
                    id=device_id,
                    office_code=office_code,
                    device_code=device_code,
                    public_key=public_key,
                    enrolled_at=now,
                    active=True,
                    audit_warning="",
                )
            )
        return device_id

    def challenge(self, device_id: str) -> str:
        now = self.clock()
        nonce = secrets.token_hex(32)
        with self._tx() as session:
            device = session.get(c.Device, device_id)
            if device is None or not device.active:
                raise CentralError(
                    403, "this device is not enrolled (or was withdrawn); enrol it again"
                )
            session.execute(delete(c.Challenge).where(c.Challenge.expires_at < now))
            session.add(
                c.Challenge(nonce=nonce, device_id=device_id, expires_at=now + CHALLENGE_LIFETIME)
            )
        return nonce

    def token(self, device_id: str, nonce: str, signature: str) -> tuple[str, int | None]:
        now = self.clock()
        with self._tx() as session:
            challenge = session.get(c.Challenge, nonce)
            device = session.get(c.Device, device_id)
            if challenge is None or challenge.device_id != device_id or challenge.expires_at < now:
                raise CentralError(401, "the challenge is unknown or expired; ask for a new one")
            session.delete(challenge)  # a nonce answers once
            if device is None or not device.active:
                raise CentralError(403, "this device is not enrolled")
            try:
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.public_key)).verify(
                    bytes.fromhex(signature), p.auth_message(device_id, nonce)
                )
            except (InvalidSignature, ValueError):
                raise CentralError(
                    401, "the device's signature does not match its enrolled key"
                ) from None
            token = secrets.token_urlsafe(32)
            session.execute(delete(c.Token).where(c.Token.expires_at < now))
            session.add(
                c.Token(
                    token_hash=_digest(token), device_id=device_id, expires_at=now + TOKEN_LIFETIME
                )
            )
            return token, device.audit_seq

    def device_for(self, token: str) -> c.Device:
        with self.sessions() as session:
            row = session.get(c.Token, _digest(token))
            if row is None or row.expires_at < self.clock():
                raise CentralError(401, "the token is unknown or expired; authenticate again")
            device = session.get(c.Device, row.device_id)
            if device is None or not device.active:
                raise CentralError(403, "this device is not enrolled")
            session.expunge(device)
            return device

    # --- push ---------------------------------------------------------------------

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
            device = session.get(c.Device, device_id, with_for_update=True)
            assert device is not None
            claimed = self._claim(session, device.id, operations, now)
            unclaimed = [
                str(op.get("key")) for op in operations if str(op.get("key")) not in claimed
            ]
            stored = {
                row.idempotency_key: self._replay(row)
                for row in session.scalars(
                    select(c.Operation).where(c.Operation.idempotency_key.in_(unclaimed))
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
                            p.REJECTED,
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
                            p.REJECTED,
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
                            p.REPLAYED,
                            {**answer.result, "original": answer.status},
                            answer.error,
                        )
                    # let go of the rows written, else every flush re-checks the whole batch
                    session.flush()
                    for obj in list(session):
                        if obj is not device:
                            session.expunge(obj)
            if written:
                session.execute(update(c.Operation), written)
            if dropped:
                session.execute(delete(c.Operation).where(c.Operation.idempotency_key.in_(dropped)))
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
            insert(c.Operation)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["idempotency_key"])
            .returning(c.Operation.idempotency_key)
        )
        return set(session.scalars(statement))

    def _one(self, session: Session, device: c.Device, op: dict[str, Any], now: datetime) -> Answer:
        """Apply one claimed operation in its own savepoint."""
        key, kind, payload = str(op["key"]), str(op.get("kind") or ""), op.get("payload")
        try:
            with session.begin_nested():
                status, result = self._apply(session, device, kind, payload, now)
        except OperationError as exc:
            return Answer(key, p.REJECTED, {}, str(exc))
        except Exception as exc:
            # not kept: once the fault is mended, the same operation may be sent again
            return Answer(
                key,
                p.REJECTED,
                {"kept": False},
                f"the centre could not apply it ({type(exc).__name__}: {exc}); it was not "
                "kept, so it can be sent again",
            )
        return Answer(key, status, result)

    @staticmethod
    def _replay(stored: c.Operation) -> Answer:
        return Answer(
            stored.idempotency_key,
            p.REPLAYED,
            {**stored.result, "original": stored.status},
            stored.error,
        )

    def _apply(
        self, session: Session, device: c.Device, kind: str, payload: Any, now: datetime
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
        if kind.startswith(("collective.", "stay.", "booklet.", "evidence.", "store.")):
            return p.APPLIED, {}  # kept in ``operations``: the centre's record of it
        raise OperationError(f"unknown operation kind {kind!r}")

    def _account_change(
        self, session: Session, device: c.Device, payload: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        try:
            username = str(payload["username"])
            at = _when(payload["at"])
            current = session.get(c.Account, username)
            if current is not None and current.changed_at > at:
                return p.APPLIED, {"superseded": True}
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
        return p.APPLIED, {}

    def _application(
        self, session: Session, device: c.Device, kind: str, payload: dict[str, Any], now: datetime
    ) -> tuple[str, dict[str, Any]]:
        try:
            app = payload["application"]
            number, state = str(app["number"]), str(app["state"])
            applicant = str(app["applicant"]["id_number"] or "")
            people = [applicant] + [
                str(r["person"]["id_number"])
                for r in app.get("relatives", [])
                if r.get("verdict") != "no" and r["person"].get("id_number")
            ]
        except (KeyError, TypeError) as exc:
            raise OperationError(f"the application in the payload lacks {exc}") from None
        if not applicant:
            raise OperationError("the applicant has no ID number")
        at = _when(payload.get("at"))
        office = device.office_code
        row = session.get(c.CentralApplication, (office, number), with_for_update=True)
        late = row is not None and row.changed_at > at  # an older change arriving after a newer
        conflicts: list[dict[str, Any]] = []
        if not late:
            if row is None:
                row = c.CentralApplication(office_code=office, number=number, flagged="")
                session.add(row)
            row.device_id, row.id_number, row.state = device.id, applicant, state
            row.snapshot, row.changed_at = app, at
            self._claims(session, office=office, number=number, people=people, state=state, now=now)
            if state in p.CLAIMING_STATES:
                conflicts += self._claimed_elsewhere(session, office, number, people)
            if state == "settled":
                conflicts += self._settle(session, office, number, people, at)
        review = self._review(session, app) if kind == "application.decide" else []
        if conflicts:
            assert row is not None
            row.flagged = "; ".join(x["message"] for x in conflicts)
            for conflict in conflicts:
                session.add(
                    c.Conflict(
                        at=now,
                        kind=conflict["kind"],
                        office_code=office,
                        number=number,
                        detail=conflict,
                    )
                )
        result: dict[str, Any] = {"conflicts": conflicts, "review": review}
        if late:
            result["late"] = True
        return (p.CONFLICT if conflicts else p.APPLIED), result

    def _claims(
        self,
        session: Session,
        *,
        office: str,
        number: str,
        people: list[str],
        state: str,
        now: datetime,
    ) -> None:
        existing = {
            r.id_number: r
            for r in session.scalars(
                select(c.PersonClaim).where(
                    c.PersonClaim.office_code == office, c.PersonClaim.number == number
                )
            )
        }
        log: list[tuple[str, str, str, dict[str, Any]]] = []
        for id_number in dict.fromkeys(people):
            claim = existing.pop(id_number, None)
            if claim is None:
                session.add(
                    c.PersonClaim(
                        office_code=office, number=number, id_number=id_number, state=state
                    )
                )
            elif claim.state == state:
                continue
            else:
                claim.state = state
            log.append(_person_change(office, number, id_number, state))
        for id_number, claim in existing.items():  # a relative no longer in the application
            session.delete(claim)
            log.append(_person_change(office, number, id_number, "removed"))
        changes.record(session, log, now)

    def _claimed_elsewhere(
        self, session: Session, office: str, number: str, people: list[str]
    ) -> list[dict[str, Any]]:
        rows = session.execute(
            select(
                c.PersonClaim.id_number,
                c.PersonClaim.office_code,
                c.PersonClaim.number,
                c.PersonClaim.state,
            )
            .where(
                c.PersonClaim.id_number.in_(people),
                c.PersonClaim.state.in_(p.CLAIMING_STATES),
                ~((c.PersonClaim.office_code == office) & (c.PersonClaim.number == number)),
            )
            .order_by(c.PersonClaim.office_code, c.PersonClaim.number)
        ).all()
        return [
            {
                "kind": "person_elsewhere",
                "id_number": r.id_number,
                "office_code": r.office_code,
                "number": r.number,
                "state": r.state,
                "message": f"person {r.id_number[:6]}******** is also in application {r.number} "
                f"({r.state}) at office {r.office_code}",
            }
            for r in rows
        ]

    def _settle(
        self, session: Session, office: str, number: str, people: list[str], at: datetime
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for id_number in dict.fromkeys(people):
            held = session.get(c.Settlement, id_number)
            if held is None:
                try:
                    with session.begin_nested():
                        session.add(
                            c.Settlement(
                                id_number=id_number,
                                office_code=office,
                                number=number,
                                settled_at=at,
                            )
                        )
                        session.flush()
                    continue
                except IntegrityError:
                    held = session.get(c.Settlement, id_number, populate_existing=True)
                    assert held is not None
            if (held.office_code, held.number) != (office, number):
                out.append(
                    {
                        "kind": "settlement_taken",
                        "id_number": id_number,
                        "office_code": held.office_code,
                        "number": held.number,
                        "state": "settled",
                        "message": f"person {id_number[:6]}******** was already settled by office "
                        f"{held.office_code} under {held.number}; the centre keeps that one",
                    }
                )
        return out

    def _review(self, session: Session, app: dict[str, Any]) -> list[dict[str, Any]]:
        """Rule packs that changed at the centre since the decision was made."""
        out = []
        for policy, used in (app.get("rule_packs") or {}).items():
            current = session.get(c.RulePackRow, policy)
            if current is not None and current.sha256[:12] not in str(used):
                out.append(
                    {
                        "policy": policy,
                        "decided_with": used,
                        "now": f"{current.version} ({current.sha256[:12]})",
                        "message": f"decided under {policy} {used}; the centre now has "
                        f"{current.version} ({current.sha256[:12]}): decide it again",
                    }
                )
        return out

    def _audit(
        self, session: Session, device: c.Device, audit: dict[str, Any] | None, now: datetime
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
                c.Conflict(
                    at=now,
                    kind="audit_trail",
                    office_code=device.office_code,
                    number="",
                    detail={"device_id": device.id, "message": warning},
                )
            )
        device.audit_seq, device.audit_hash, device.audit_at = seq, head, now
        return warning

    # --- removable media -------------------------------------------------------------

    def import_bundle(self, data: bytes) -> bytes:
        """Apply a township's bundle exactly as an online round would (the original
        idempotency keys, so a bundle imported twice, or after its operations arrived
        online, changes nothing) and answer with the return bundle: the receipts and
        everything the device would have pulled, encrypted to the device."""
        header = bundle.read_header(data)
        if header.kind != bundle.OUTBOUND:
            raise CentralError(422, "this is a return bundle: take it back to its township office")
        if header.centre_key != self.public_key:
            raise CentralError(
                422,
                "this bundle was made for another central system (its key "
                f"{header.centre_key[:16]}…, this one's {self.public_key[:16]}…)",
            )
        with self.sessions() as session:
            device = session.get(c.Device, header.device_id)
            if device is None or not device.active:
                raise CentralError(422, "the bundle's device is not enrolled here")
            sender, applied_seq = device.public_key, device.bundle_seq
        try:
            header, body, blobs = bundle.open_sealed(
                data, sender_key=sender, recipient=bundle.box_key(self._key)
            )
        except bundle.BundleError as exc:
            raise CentralError(422, str(exc)) from None
        if header.seq < applied_seq:
            raise CentralError(
                422,
                f"this bundle (number {header.seq}) is older than bundle {applied_seq} already "
                "applied from that office; nothing was changed",
            )
        try:
            operations = list(body["operations"])
            cursors = dict(body.get("cursors") or {})
            device_box = str(body["box_key"])
            scans = list(body.get("scans") or [])
        except (KeyError, TypeError):
            raise CentralError(422, "the bundle's content is incomplete") from None
        receipts: list[Answer] = []
        audit_seq, warning = None, ""
        chunks = [operations[i : i + MAX_BATCH] for i in range(0, len(operations), MAX_BATCH)] or [
            []
        ]
        for i, chunk in enumerate(chunks):
            audit = body.get("audit") if i == len(chunks) - 1 else None
            answers, audit_seq, said = self.push(header.device_id, chunk, audit)
            receipts += answers
            warning = warning or said
        now = self.clock()
        with self._tx() as session:
            for scan in scans:
                key = f"{header.device_id}:{scan['id']}"
                if session.get(c.BundleScan, key) is None:
                    session.add(
                        c.BundleScan(
                            key=key,
                            device_id=header.device_id,
                            number=str(scan["number"]),
                            filename=str(scan["filename"]),
                            sha256=str(scan["sha256"]),
                            content=blobs[int(scan["blob"])],
                            received_at=now,
                        )
                    )
            device = session.get(c.Device, header.device_id, with_for_update=True)
            assert device is not None
            device.bundle_seq = max(device.bundle_seq, header.seq)
            office = device.office_code
            session.flush()
            session.expunge(device)  # read below (its office) after the transaction
        pulls: dict[str, Any] = {}
        for stream in p.STREAMS:
            start = str(cursors.get(stream, p.START))
            items: list[dict[str, Any]] = []
            cursor, more = start, True
            while more:
                page, cursor, more = self.pull(device, stream, cursor, 10_000)
                items += page
            pulls[stream] = {"from": start, "items": items, "cursor": cursor}
        reply = {
            "receipts": [
                {"key": a.key, "status": a.status, "result": a.result, "error": a.error}
                for a in receipts
            ],
            "audit_seq": audit_seq,
            "audit_warning": warning,
            "pulls": pulls,
            "office_code": office,
        }
        return bundle.seal(
            reply,
            kind=bundle.RETURN,
            device_id=header.device_id,
            centre_key=self.public_key,
            seq=header.seq,
            recipient_box=device_box,
            signer=self._key,
            now=now,
        )

    # --- pull ---------------------------------------------------------------------

    def pull(
        self, device: c.Device, stream: str, cursor: str, limit: int
    ) -> tuple[list[dict[str, Any]], str, bool]:
        if stream not in p.STREAMS:
            raise CentralError(404, f"no stream {stream!r}; the streams are {', '.join(p.STREAMS)}")
        limit = max(1, min(limit, 10_000))
        with self.sessions() as session:
            try:
                return changes.page(session, stream, cursor, scope=device.office_code, limit=limit)
            except ValueError:
                raise CentralError(400, f"cursor {cursor!r} was not given by this server") from None
