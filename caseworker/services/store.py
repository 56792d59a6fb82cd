"""The office's store on this machine: where it lives, how its key is kept, setting it up
(``caseworker init``) and opening it (migrations run after an automatic backup)."""

from __future__ import annotations

import getpass
import json
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from caseworker.locations import SETTINGS_FILE as SETTINGS_FILE  # noqa: PLC0414
from caseworker.locations import STORE_FILE as STORE_FILE  # noqa: PLC0414
from caseworker.locations import data_dir as data_dir  # noqa: PLC0414
from caseworker.security import secrets as keys
from caseworker.security.passwords import MIN_LENGTH, PasswordRuleError, hash_password
from caseworker.services import activity_log, high_water
from caseworker.services.base import Actor, ServiceError
from caseworker.services.changes import record_change
from caseworker.services.key_places import KeyPlaceError, audit_key_place
from caseworker.services.permissions import Permission, Role, require
from caseworker.storage import audit
from caseworker.storage import repositories as repo
from caseworker.storage.database import StoreError as StoreError  # noqa: PLC0414 - for the desk
from caseworker.storage.database import open_engine, session_factory, transaction
from caseworker.storage.maintenance import MigrationError as MigrationError  # noqa: PLC0414 - for the desk
from caseworker.storage.maintenance import current_revision, damage, restore_store, upgrade

WITNESS_FILE = "audit-head.json"
CHAIN_REVISION = "0004"  # the migration that chained the audit trail
ROLES: tuple[str, ...] = tuple(Role)
_DEVICE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class SetupError(ServiceError):
    """The store cannot be set up or opened: a refusal with its code (the command line's
    own argument checks give only their sentence)."""


class DamagedStoreError(StoreError):
    """The store file failed its checks; ``problems`` says how, ``backup`` is the newest
    backup that still verifies (or None)."""

    def __init__(self, folder: Path, problems: list[str]) -> None:
        self.problems = problems
        self.backup = newest_good_backup(folder)
        shown = "; ".join(problems[:3]) + (
            f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        )
        way_out = (
            f"restore the newest good backup with `caseworker restore {self.backup}`"
            if self.backup
            else "no verified backup was found; call the office IT person"
        )
        super().__init__(f"the store is damaged ({shown}); {way_out}")


def newest_good_backup(folder: Path) -> Path | None:
    """The newest file in the store's backups folder that opens and passes its check."""
    settings = Settings.load(folder)
    try:
        key = settings.key()
    except keys.KeyUnavailableError:
        return None
    candidates = sorted(
        (folder / "backups").glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for candidate in candidates:
        try:
            if not damage(candidate, key):
                return candidate
        except StoreError:
            continue
    return None


def write_witness(path: Path, head: audit.ChainHead) -> None:
    """The newest audit event this machine wrote, beside the store. Best effort: a
    missing or older witness only weakens the check of a cut-short trail."""
    try:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps({"seq": head.seq, "hash": head.hash}), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        logging.getLogger("caseworker.store").warning("audit witness not written: %s", exc)


def read_witness(path: Path) -> audit.ChainHead | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return audit.ChainHead(int(data["seq"]), str(data["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True, slots=True)
class Settings:
    """What the program remembers about this store outside it. Holds no secret."""

    store_id: str
    key_source: str  # keyring | file
    key_file: str | None = None
    #: where the audit key, the device signing key and the high-water mark are: "" beside
    #: the store key (its keyring, or ``KEYFILE.audit``/``.device``), "keyring", or "file"
    #: (``audit_key_file``, a path the IT person chose away from the store key)
    audit_key_source: str = ""
    audit_key_file: str | None = None

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = folder / SETTINGS_FILE
        if not path.is_file():
            raise SetupError(code="store.missing", folder=str(folder))
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise SetupError(
                code="store.settings_damaged", path=str(path), problem=str(exc)
            ) from None

    def save(self, folder: Path) -> None:
        path = folder / SETTINGS_FILE
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
        temporary.replace(path)

    def key(self) -> str:
        if self.key_source == "file":
            assert self.key_file is not None
            return keys.read_key_file(Path(self.key_file))
        return keys.load_from_keyring(self.store_id)

    @property
    def key_path(self) -> Path | None:
        return Path(self.key_file) if self.key_source == "file" and self.key_file else None

    @property
    def audit_key_path(self) -> Path | None:
        """The audit key file, beside which the high-water mark is kept (None: the
        keyring)."""
        if self.audit_key_source == "keyring":
            return None
        if self.audit_key_source == "file" and self.audit_key_file:
            return Path(self.audit_key_file)
        path = self.key_path
        return keys.audit_key_file(path) if path is not None else None

    @property
    def device_key_base(self) -> Path | None:
        """Where the device signing key is: ``<this>.device``, or the keyring (None)."""
        if self.audit_key_source == "keyring":
            return None
        if self.audit_key_source == "file" and self.audit_key_file:
            return Path(self.audit_key_file)
        return Path(self.key_file) if self.key_file else None


class Store:
    """An open store: its engine, session factory and office."""

    def __init__(
        self, folder: Path, settings: Settings, engine: Engine, *, audit_key: bytes
    ) -> None:
        self.folder = folder
        self.settings = settings
        self.engine = engine
        self.sessions: sessionmaker[Session] = session_factory(
            engine, info={audit.KEY: audit_key, audit.WITNESS: self.witness}
        )
        self.last_migration_backup: Path | None = None
        #: the audit trail as found at start (``open(verify=True)``); None if not checked
        self.audit_report: audit.AuditReport | None = None
        self.read_only = False
        #: what the open found when the store was behind its high-water mark, or None
        self.rolled_back: str | None = None
        self._on_close: list[Callable[[], None]] = []
        event.listen(self.sessions, "after_commit", self._after_commit)
        activity_log.attach(self.sessions)  # every committed audit event, in the log too

    @property
    def witness_path(self) -> Path:
        return self.folder / WITNESS_FILE

    def _after_commit(self, session: Session) -> None:
        written = session.info.pop(audit.WRITTEN, None)
        if written is not None:
            write_witness(self.witness_path, written)
            high_water.write(
                self.settings.store_id, self.settings.audit_key_path, written, forward=True
            )

    def _check_high_water(self, at: datetime) -> None:
        """A store behind the mark kept outside it was put back from an earlier copy: said
        in the chain (``audit.rolled_back``), then the mark follows the store as it is."""
        mark = high_water.read(self.settings.store_id, self.settings.audit_key_path)
        with self.sessions() as session:
            problem = high_water.behind(session, mark)
        if problem is None:
            return
        self.rolled_back = problem
        self.record(
            at=at,
            actor="system",
            action="audit.rolled_back",  # high_water.ROLLED_BACK, written out for audit_names
            detail={"found": problem, "mark": mark.seq if mark else None},
        )
        with self.sessions() as session:
            now = audit.head(session)
        if now is not None:
            high_water.write(
                self.settings.store_id, self.settings.audit_key_path, now, forward=False
            )

    def witness(self) -> audit.ChainHead | None:
        return read_witness(self.witness_path)

    @property
    def path(self) -> Path:
        return self.folder / STORE_FILE

    @property
    def backup_dir(self) -> Path:
        return self.folder / "backups"

    def office(self) -> repo.OfficeView:
        with self.sessions() as session:
            found = repo.office(session)
        if found is None:
            raise SetupError(code="store.no_office")
        return found

    def record(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        detail: dict[str, Any],
        application_id: int | None = None,
    ) -> None:
        """An audit event that is a unit of work by itself (a view, a verification, a
        logout). A read-only store, opened because it is damaged, records nothing."""
        if self.read_only:
            return
        with transaction(self.sessions) as session:
            repo.add_audit(
                session,
                at=at,
                actor=actor,
                action=action,
                application_id=application_id,
                detail=detail,
            )

    def on_close(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` (a service letting go of its connections) when the store closes."""
        self._on_close.append(callback)

    def close(self) -> None:
        for callback in self._on_close:
            callback()
        self._on_close.clear()
        self.engine.dispose()

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        verify: bool = False,
        read_only: bool = False,
        restoring: bool = False,
    ) -> Store:
        """Open the store, migrating it first if it is older than the program.

        ``verify`` runs SQLite's quick check and SQLCipher's page authentication over the
        whole file first (the desk does, at start) and raises ``DamagedStoreError``, naming
        the newest backup that still verifies. ``read_only`` opens a damaged store to look
        at what can still be read: nothing is migrated and every write is refused.
        Every other open compares the trail with its high-water mark outside the store
        (``services.high_water``), except ``restoring`` (`caseworker restore` only)."""
        settings = Settings.load(folder)
        try:
            key = settings.key()
            audit_key = keys.load_audit_key(settings.store_id, settings.audit_key_path)
        except keys.KeyUnavailableError as exc:
            raise SetupError(code="key.unreadable", problem=str(exc)) from None
        path = folder / STORE_FILE
        if not path.is_file():
            raise SetupError(code="store.file_missing", path=str(path))
        if verify:
            problems = damage(path, key)
            if problems:
                raise DamagedStoreError(folder, problems)
        engine = open_engine(path, key, read_only=read_only)
        if read_only:
            store = cls(folder, settings, engine, audit_key=audit_key or b"\0" * 32)
            store.read_only = True
            return store
        try:
            before = current_revision(engine)
            empty = before is None and not _has_tables(engine)
        except DatabaseError as exc:
            engine.dispose()
            raise DamagedStoreError(folder, [f"the store cannot be read ({exc.orig})"]) from None
        if before is None:
            # only `caseworker init` makes a store: an empty or schema-less file here is
            # a damaged one, never rebuilt (that would hide the backups that hold the data)
            engine.dispose()
            raise DamagedStoreError(
                folder,
                ["the store file is empty" if empty else "the store's schema version is gone"],
            )
        try:
            backup = upgrade(engine, path=path, key=key, backup_dir=folder / "backups")
            with session_factory(engine)() as session:
                chained = audit.head(session) is not None
        except DatabaseError as exc:
            engine.dispose()
            raise StoreError(
                f"the store cannot be read ({exc.orig}); it may be damaged: run "
                "`caseworker db check`"
            ) from None
        except Exception:
            engine.dispose()
            raise
        if audit_key is None:
            if chained:
                engine.dispose()
                raise SetupError(code="store.audit_key_missing")
            audit_key = keys.create_audit_key(settings.store_id, settings.audit_key_path)
        store = cls(folder, settings, engine, audit_key=audit_key)
        store.last_migration_backup = backup
        if not chained and before < CHAIN_REVISION:
            # this very open migrated a store from before the chain: its events are sealed
            # now, once. A chained store that lost its head is never sealed again (tampering:
            # the next event says so, and `audit verify` reports it)
            with transaction(store.sessions) as session:
                audit.seal_unchained(session)
        if not restoring:
            store._check_high_water(datetime.now())
        if verify:
            with store.sessions() as session:
                store.audit_report = audit.verify(
                    session, witness=store.witness(), witness_expected=True
                )
        return store

    @classmethod
    def init(
        cls,
        folder: Path,
        *,
        office_code: str,
        police_station_name: str,
        jurisdiction: str = "",
        admin_username: str = "admin",
        admin_password: str,
        key_file: Path | None = None,
        audit_key_file: Path | None = None,
        audit_key_in_keyring: bool = False,
        now: datetime | None = None,
    ) -> Store:
        """Create the store, its key and the first administrator; refuse to touch an
        existing store. With a ``key_file``, ``audit_key_file`` or ``audit_key_in_keyring``
        keeps the audit key, the device key and the high-water mark away from it."""
        if not office_code.isdigit() or not 6 <= len(office_code) <= 12:
            raise SetupError(code="setup.office_code", field="office_code", office=office_code)
        if not police_station_name.strip():
            raise SetupError(code="setup.station_required", field="police_station_name")
        try:
            password_hash = hash_password(admin_password)
        except PasswordRuleError as exc:
            raise SetupError(
                code="user.password_rule",
                field="admin_password",
                problem=str(exc),
                part=exc.part,
                least=MIN_LENGTH,
            ) from None
        if (folder / SETTINGS_FILE).exists() or (folder / STORE_FILE).exists():
            raise SetupError(code="setup.exists", folder=str(folder))
        try:
            audit_place = audit_key_place(
                folder=folder,
                key_file=key_file,
                audit_key_file=audit_key_file,
                audit_key_in_keyring=audit_key_in_keyring,
            )
        except KeyPlaceError as exc:
            raise SetupError(code="key.unavailable", problem=str(exc)) from None
        folder.mkdir(parents=True, exist_ok=True)
        store_id = uuid.uuid4().hex
        key = keys.new_store_key()
        try:
            if key_file is None:
                keys.save_in_keyring(store_id, key)
                settings = Settings(store_id, "keyring")
            else:
                keys.write_key_file(key_file.resolve(), key)
                settings = Settings(store_id, "file", str(key_file.resolve()), *audit_place)
        except keys.KeyUnavailableError as exc:
            raise SetupError(code="key.unavailable", problem=str(exc)) from None
        try:
            audit_key = keys.create_audit_key(store_id, settings.audit_key_path)
        except keys.KeyUnavailableError as exc:
            keys.delete_from_keyring(store_id)
            raise SetupError(code="key.unavailable", problem=str(exc)) from None
        engine = open_engine(folder / STORE_FILE, key)
        store = cls(folder, settings, engine, audit_key=audit_key)
        try:
            upgrade(engine, path=store.path, key=key, backup_dir=store.backup_dir)
            at = now or datetime.now()
            device = "".join(secrets.choice(_DEVICE_ALPHABET) for _ in range(4))
            with transaction(store.sessions) as session:
                session.info[audit.NEW_CHAIN] = True  # the one trail that may begin empty
                repo.create_office(
                    session,
                    repo.OfficeView(office_code, police_station_name.strip(), jurisdiction, device),
                    at,
                )
                repo.add_user(
                    session,
                    username=admin_username,
                    display_name=admin_username,
                    role="admin",
                    password_hash=password_hash,
                    at=at,
                )
                repo.add_audit(
                    session,
                    at=at,
                    actor=admin_username,
                    action="store.init",
                    application_id=None,
                    detail={"office_code": office_code, "station": police_station_name},
                )
        except Exception:
            engine.dispose()
            for leftover in folder.glob(f"{STORE_FILE}*"):
                leftover.unlink()
            if key_file is None:
                keys.delete_from_keyring(store_id)
            else:
                key_file.resolve().unlink(missing_ok=True)
            keys.delete_audit_key(store_id, settings.audit_key_path)
            keys.delete_mark(store_id, settings.audit_key_path)
            store.witness_path.unlink(missing_ok=True)
            raise
        settings.save(folder)  # last: a store without settings was never set up
        return store


def restore(
    folder: Path,
    backup: Path,
    *,
    authenticate: Callable[[Store], Actor],
    now: datetime | None = None,
) -> Path | None:
    """Put a verified backup in place of the store (the replaced file is kept and
    returned), for an administrator only.

    ``authenticate`` logs someone in on a store and says who: on the store as it is when it
    opens and verifies, else (a damaged store, the usual reason for a restore) on the
    restored one, which is put back out of the way if they are not an administrator there.
    The trail then ends earlier than this machine's witness says, rightly: the witness is
    reset and the restore itself is the first event after it, naming who did it and how
    far the trail had gone before; the centre is told at the next sync."""
    settings = Settings.load(folder)
    try:
        key = settings.key()
    except keys.KeyUnavailableError as exc:
        raise SetupError(code="key.unreadable", problem=str(exc)) from None
    before = read_witness(folder / WITNESS_FILE)
    actor: Actor | None = None
    try:
        current = Store.open(folder, verify=True)
    except (StoreError, SetupError):
        current = None  # damaged or missing: whoever restores logs in on the backup
    if current is not None:
        try:
            actor = _administrator(authenticate(current))
        finally:
            current.close()
    mark = high_water.read(settings.store_id, settings.audit_key_path)
    kept = restore_store(backup, folder / STORE_FILE, key)
    (folder / WITNESS_FILE).unlink(missing_ok=True)
    store = Store.open(folder, restoring=True)
    try:
        with store.sessions() as session:
            restored_head = audit.head(session)
        if restored_head is not None:  # the trail now rightly ends where the backup's did
            write_witness(store.witness_path, restored_head)
            high_water.write(
                settings.store_id, settings.audit_key_path, restored_head, forward=False
            )
        if actor is None:
            try:
                actor = _administrator(authenticate(store))
            except Exception:
                store.close()
                _put_back(folder / STORE_FILE, kept)
                if before is not None:  # the store as it was, with its witness and mark
                    write_witness(folder / WITNESS_FILE, before)
                if mark is not None:
                    high_water.write(
                        settings.store_id, settings.audit_key_path, mark, forward=False
                    )
                raise
        at = now or datetime.now()
        detail = {
            "backup": backup.name,
            "os_user": getpass.getuser(),
            "trail_had_reached": before.seq if before else None,
            "high_water_mark": mark.seq if mark else None,
        }
        with transaction(store.sessions) as session:
            office = repo.office(session)
            if office is None:
                repo.add_audit(
                    session,
                    at=at,
                    actor=actor.username,
                    action="store.restore",
                    application_id=None,
                    detail=detail,
                )
            else:  # the centre hears of it at the next sync
                record_change(
                    session,
                    office=office,
                    actor=actor,
                    action="store.restore",
                    kind="store.restored",
                    at=at,
                    detail=detail,
                    payload={
                        "by": actor.username,
                        **detail,
                        "trail_restarts_at": restored_head.seq if restored_head else 0,
                    },
                )
    finally:
        store.close()
    return kept


def _administrator(actor: Actor) -> Actor:
    require(actor, Permission.BACKUP)
    return actor


def _put_back(path: Path, kept: Path | None) -> None:
    """Undo a restore that was not allowed: the store as it was goes back in place."""
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if kept is None:
        path.unlink(missing_ok=True)
        return
    kept.replace(path)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{kept}{suffix}")
        if side.exists():
            side.replace(Path(f"{path}{suffix}"))


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def keyring_usable() -> bool:
    """Whether the store key can go into this machine's keyring (else a key file)."""
    return keys.keyring_usable()
