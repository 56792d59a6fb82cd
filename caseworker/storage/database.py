"""Opening the encrypted store: SQLCipher under SQLAlchemy, with the pragmas that make
every acknowledged commit durable (WAL, synchronous=FULL) and foreign keys enforced."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")


class StoreError(Exception):
    """The store cannot be used; the message says why and what to do."""


class StoreKeyError(StoreError):
    """The key does not open the store (wrong key, or not a store at all)."""


def _raw_connect(path: Path, key: str, *, read_only: bool = False) -> Any:
    if not _HEX_KEY.match(key):
        raise StoreKeyError("the store key must be 64 hexadecimal characters")
    conn = sqlcipher3.connect(str(path), timeout=30, check_same_thread=False)
    conn.isolation_level = None  # transactions are begun explicitly (see _begin)
    # a raw 256-bit key: no passphrase derivation, so opening stays fast
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise StoreKeyError(
            f"{path} cannot be opened with this key: it is not this office's store, or the "
            "key was replaced. Nothing was changed."
        ) from None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 10000")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def connect_raw(path: Path, key: str) -> Any:
    """A bare sqlcipher3 connection with the store's pragmas (backups, benchmarks)."""
    return _raw_connect(path, key)


def open_engine(path: Path, key: str, *, read_only: bool = False) -> Engine:
    """An Engine on the encrypted file; the file is created if it does not exist.
    ``read_only`` connections refuse every write (``PRAGMA query_only``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _raw_connect(path, key).close()  # fail here, once, with a clear message
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: _raw_connect(path, key, read_only=read_only),
        module=sqlcipher3.dbapi2,
        # the pool of a file, named: a URL without a path ("the connection comes from the
        # creator") made SQLAlchemy take the in-memory database's SingletonThreadPool, one
        # connection per thread-local, which under Qt's pool threads meant a new connection
        # for every job and older ones closed under the objects still holding them
        poolclass=QueuePool,
    )
    event.listen(engine, "begin", _begin)
    if os.name == "posix":
        for suffix in ("", "-wal", "-shm"):
            target = Path(f"{path}{suffix}")
            if target.exists():
                target.chmod(0o600)
    return engine


def _begin(conn: Any) -> None:
    # A unit of work takes the write lock at once (IMMEDIATE): SQLite has one writer, and a
    # transaction that reads then writes must not fail half-way with "database is locked".
    # Reads begin deferred and take no lock at all (WAL readers never wait).
    # A single-statement read may ask for no transaction at all ("sqlite_begin": None).
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    if mode is not None:
        conn.exec_driver_sql(f"BEGIN {mode}")


def session_factory(engine: Engine, *, info: dict[str, Any] | None = None) -> sessionmaker[Session]:
    """Sessions for reading; ``transaction`` gives the writing ones. ``info`` is copied
    into every session (the audit key, see ``storage.audit``)."""
    return sessionmaker(engine, expire_on_commit=False, info=info or {})


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any error."""
    bind = factory.kw["bind"]
    writer = bind.execution_options(sqlite_begin="IMMEDIATE")
    with factory(bind=writer) as session, session.begin():
        yield session
