"""Opening and migrating the central database, and loading the centre's signing key."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, create_engine, event, inspect

from caseworker.central import schema
from caseworker.central.base import CentralError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
    missing = set(schema.Base.metadata.tables) - tables
    if missing:
        raise RuntimeError(f"the central database lacks {sorted(missing)} after migrating")


def data_folder() -> Path:
    """The centre's own folder (its signing key): ``CASEWORKER_CENTRAL_DATA``, else the
    platform's data folder for ``caseworker-central`` (never the folder it starts in)."""
    named = os.environ.get("CASEWORKER_CENTRAL_DATA")
    if named:
        return Path(named)
    return platformdirs.user_data_path("caseworker-central", appauthor=False)


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """The centre's signing key, created on first use readable by its owner only (its
    folder too, when it makes the folder). A key file another user could read, or that
    another user owns, is refused: whoever holds the key signs rule packs."""
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.private_bytes_raw().hex() + "\n")
        return key
    info = path.stat()
    if info.st_mode & 0o077:
        raise CentralError(
            400,
            f"the signing key {path} can be read by others (mode "
            f"{stat.S_IMODE(info.st_mode):o}); make it the owner's only: chmod 600 {path}",
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise CentralError(
            400, f"the signing key {path} belongs to another user; the centre's user must own it"
        )
    try:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(path.read_text().strip()))
    except (ValueError, UnicodeDecodeError):
        raise CentralError(400, f"the signing key {path} is damaged (not 64 hex digits)") from None
