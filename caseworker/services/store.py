"""The office's store on this machine: where it lives, how its key is kept, setting it up
(``caseworker init``) and opening it (migrations run after an automatic backup)."""

from __future__ import annotations

import json
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from caseworker.security import secrets as keys
from caseworker.security.passwords import PasswordRuleError, hash_password
from caseworker.storage import repositories as repo
from caseworker.storage.database import open_engine, session_factory, transaction
from caseworker.storage.maintenance import upgrade

STORE_FILE = "store.db"
SETTINGS_FILE = "settings.json"
ROLES = ("clerk", "supervisor", "collective_administrator", "admin")
_DEVICE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class SetupError(Exception):
    """The store cannot be set up or opened; the message says why and what to do."""


def data_dir(override: Path | None = None) -> Path:
    """``--data-dir``, else ``CASEWORKER_DATA``, else the platform's user data folder."""
    if override is not None:
        return override
    env = os.environ.get("CASEWORKER_DATA")
    if env:
        return Path(env)
    return platformdirs.user_data_path("caseworker-desk", appauthor=False)


@dataclass(frozen=True, slots=True)
class Settings:
    """What the program remembers about this store outside it. Holds no secret."""

    store_id: str
    key_source: str  # keyring | file
    key_file: str | None = None

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = folder / SETTINGS_FILE
        if not path.is_file():
            raise SetupError(
                f"no store in {folder}; set one up with `caseworker init --office CODE "
                "--station NAME`, or point --data-dir (or CASEWORKER_DATA) at the right folder"
            )
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise SetupError(f"{path} is damaged ({exc}); restore it from a backup") from None

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


class Store:
    """An open store: its engine, session factory and office."""

    def __init__(self, folder: Path, settings: Settings, engine: Engine) -> None:
        self.folder = folder
        self.settings = settings
        self.engine = engine
        self.sessions: sessionmaker[Session] = session_factory(engine)
        self.last_migration_backup: Path | None = None
        self._on_close: list[Callable[[], None]] = []

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
            raise SetupError("the store has no office; it was not set up completely")
        return found

    def on_close(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` (a service letting go of its connections) when the store closes."""
        self._on_close.append(callback)

    def close(self) -> None:
        for callback in self._on_close:
            callback()
        self._on_close.clear()
        self.engine.dispose()

    @classmethod
    def open(cls, folder: Path) -> Store:
        settings = Settings.load(folder)
        try:
            key = settings.key()
        except keys.KeyUnavailableError as exc:
            raise SetupError(f"the store key cannot be read: {exc}") from None
        path = folder / STORE_FILE
        if not path.is_file():
            raise SetupError(f"{path} is missing; restore it with `caseworker restore BACKUP`")
        engine = open_engine(path, key)
        store = cls(folder, settings, engine)
        store.last_migration_backup = upgrade(
            engine, path=path, key=key, backup_dir=store.backup_dir
        )
        return store

    @classmethod
    def init(
        cls,
        folder: Path,
        *,
        office_code: str,
        station_name: str,
        jurisdiction: str = "",
        admin_username: str = "admin",
        admin_password: str,
        key_file: Path | None = None,
        now: datetime | None = None,
    ) -> Store:
        """Create the store, its key and the first administrator; refuse to touch an
        existing store."""
        if not office_code.isdigit() or not 6 <= len(office_code) <= 12:
            raise SetupError(
                f"--office {office_code!r}: the office code is 6 to 12 digits (the police "
                "station's code, e.g. 370102001)"
            )
        if not station_name.strip():
            raise SetupError("--station: the police station's name is required")
        try:
            password_hash = hash_password(admin_password)
        except PasswordRuleError as exc:
            raise SetupError(f"administrator password: {exc}") from None
        if (folder / SETTINGS_FILE).exists() or (folder / STORE_FILE).exists():
            raise SetupError(
                f"{folder} already holds a store; it was left untouched. Use another "
                "--data-dir, or restore a backup into this one"
            )
        folder.mkdir(parents=True, exist_ok=True)
        store_id = uuid.uuid4().hex
        key = keys.new_store_key()
        try:
            if key_file is None:
                keys.save_in_keyring(store_id, key)
                settings = Settings(store_id, "keyring")
            else:
                keys.write_key_file(key_file.resolve(), key)
                settings = Settings(store_id, "file", str(key_file.resolve()))
        except keys.KeyUnavailableError as exc:
            raise SetupError(str(exc)) from None
        engine = open_engine(folder / STORE_FILE, key)
        store = cls(folder, settings, engine)
        try:
            upgrade(engine, path=store.path, key=key, backup_dir=store.backup_dir)
            at = now or datetime.now()
            device = "".join(secrets.choice(_DEVICE_ALPHABET) for _ in range(4))
            with transaction(store.sessions) as session:
                repo.create_office(
                    session,
                    repo.OfficeView(office_code, station_name.strip(), jurisdiction, device),
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
                    detail={"office_code": office_code, "station": station_name},
                )
        except Exception:
            engine.dispose()
            for leftover in folder.glob(f"{STORE_FILE}*"):
                leftover.unlink()
            if key_file is None:
                keys.delete_from_keyring(store_id)
            else:
                key_file.resolve().unlink(missing_ok=True)
            raise
        settings.save(folder)  # last: a store without settings was never set up
        return store
