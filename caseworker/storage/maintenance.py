"""Migrations, backups, restores and checks of the encrypted store.

A backup is written to a temporary file, flushed to disk, opened and integrity-checked,
and only then renamed into place; a restore checks the backup before replacing anything.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, inspect, text

from caseworker.storage.database import StoreError, connect_raw

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: the newest migration; a test holds it to Alembic's own answer. Knowing it without
#: Alembic keeps every start of an up-to-date store free of Alembic's import (~0.2 s).
HEAD = "0012"


class MigrationError(StoreError):
    """A migration failed; the store was put back as it was."""


@dataclass(frozen=True, slots=True)
class StoreHealth:
    integrity: str
    revision: str | None
    head: str
    tables: int

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.revision == self.head


def _alembic_config(connection: Any) -> Any:
    # Alembic costs ~0.2 s to import: only when a migration or a check needs it.
    from alembic.config import Config  # noqa: PLC0415 - on demand, see above

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - on demand

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, *, path: Path, key: str, backup_dir: Path) -> Path | None:
    """Bring the store to the newest schema. A store holding data is backed up first and
    restored if the migration fails. Returns the backup written, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    if current is None:
        with engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise StoreError(
                    "the store's schema version cannot be read although it holds tables: it "
                    "may be damaged. Nothing was changed; run `caseworker db check`"
                )
    head = head_revision()
    backup: Path | None = None
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_store(
            path, key, backup_dir / f"before-migration-{current}-to-{head}-{stamp}.db"
        )
    try:
        from alembic import command  # noqa: PLC0415 - on demand

        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    except Exception as exc:
        engine.dispose()
        if backup is not None:
            restore_store(backup, path, key)
        raise MigrationError(
            f"updating the store from schema {current} to {head} failed ({exc}); "
            + (
                "the store was restored from the backup taken just before"
                if backup
                else "nothing had been stored yet"
            )
        ) from exc
    return backup


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())
    if os.name == "posix":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def check_file(path: Path, key: str) -> StoreHealth:
    """Open a store or backup file with the key and run SQLite's integrity check."""
    if not path.is_file():
        raise StoreError(f"{path} does not exist")
    conn = connect_raw(path, key)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
            0
        ]
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        except Exception:
            revision = None
    finally:
        conn.close()
    return StoreHealth(integrity=integrity, revision=revision, head=HEAD, tables=tables)


def damage(path: Path, key: str) -> list[str]:
    """What is wrong with a store or backup file, as messages; empty when it is sound.

    SQLCipher authenticates every page (an HMAC per page), so a flipped bit anywhere shows
    in ``cipher_integrity_check``; SQLite's ``quick_check`` then finds what a cut-short or
    zeroed file breaks in the b-trees. Never raises for a damaged file."""
    if not path.is_file():
        return [f"{path} does not exist"]
    size = path.stat().st_size
    if size == 0:
        return [f"{path.name} is empty"]
    try:
        conn = connect_raw(path, key)
    except StoreError:
        return [
            f"{path.name} cannot be read with the office's key: its first page is damaged, "
            "or it is not this office's store"
        ]
    except sqlcipher3.Error as exc:
        return [f"{path.name} cannot be opened ({exc})"]
    problems: list[str] = []
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if size % page_size:
            problems.append(f"{path.name} is cut short: {size} bytes is not whole pages")
        for (message,) in conn.execute("PRAGMA cipher_integrity_check"):
            problems.append(f"page authentication: {message}")
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        if rows != ["ok"]:
            problems.extend(f"structure: {row}" for row in rows)
    except sqlcipher3.Error as exc:
        problems.append(f"{path.name} cannot be read ({exc})")
    finally:
        conn.close()
    return problems


def backup_store(path: Path, key: str, target: Path) -> Path:
    """An online, consistent, encrypted copy of the store, verified before it is kept."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".partial")
    temporary.unlink(missing_ok=True)
    conn = connect_raw(path, key)
    try:
        quoted = str(temporary).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS backup KEY \"x'{key}'\"")
        conn.execute("BEGIN")  # one read snapshot for the whole copy
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE backup")
    finally:
        conn.close()
    _fsync(temporary)
    health = check_file(temporary, key)
    if health.integrity != "ok":
        temporary.unlink(missing_ok=True)
        raise StoreError(f"the backup failed its integrity check ({health.integrity}); none kept")
    if os.name == "posix":
        temporary.chmod(0o600)
    temporary.replace(target)
    _fsync(target)
    return target


def restore_store(backup: Path, path: Path, key: str) -> Path | None:
    """Replace the store with a verified backup. The replaced store is kept beside it
    (``*.replaced-<time>``) and returned; nothing is touched if the backup is bad."""
    health = check_file(backup, key)
    if health.integrity != "ok" or health.revision is None:
        raise StoreError(
            f"{backup} is not a usable backup of this store "
            f"(integrity: {health.integrity}, schema: {health.revision}); nothing was replaced"
        )
    staging = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, staging)
    _fsync(staging)
    kept: Path | None = None
    if path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.name}.replaced-{stamp}")
        path.replace(kept)
    for suffix in ("-wal", "-shm"):  # the old file's journal must never meet the new file
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.replace(Path(f"{kept}{suffix}") if kept else side.with_name(side.name + ".old"))
    staging.replace(path)
    _fsync(path)
    return kept
