"""The store key: generated at first run, kept in the OS keyring (Windows Credential
Locker, Secret Service on Linux), or where no keyring exists, in a key file readable only
by the user, named by the administrator. Never inside the store, the code or the bundle."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

import keyring
from keyring.errors import KeyringError

SERVICE = "caseworker-desk"


class KeyUnavailableError(Exception):
    """The store key cannot be kept or found; the message names the way out."""


def new_store_key() -> str:
    """256 random bits as 64 hex characters (a raw SQLCipher key)."""
    return secrets.token_hex(32)


def keyring_usable() -> bool:
    """Whether this machine has a keyring to keep the key in: not the ``fail`` backend
    that keyring falls back to on a headless box, nor one that refuses to be asked."""
    try:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 1)) > 0 and (
            type(backend).__module__ != "keyring.backends.fail"
        )
    except (KeyringError, RuntimeError):
        return False


def _entry(store_id: str) -> str:
    return f"store-key:{store_id}"


def save_in_keyring(store_id: str, key: str) -> None:
    save_in_keyring_entry(_entry(store_id), key)


def save_in_keyring_entry(entry: str, key: str) -> None:
    try:
        keyring.set_password(SERVICE, entry, key)
    except KeyringError as exc:
        raise KeyUnavailableError(
            f"this machine has no usable keyring ({type(exc).__name__}: {exc}); "
            "keep the store key in a file instead: run init again with --key-file FILE "
            "(a path on this machine that only you can read, not on a shared or removable drive)"
        ) from None


def _read_keyring(entry: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, entry)
    except KeyringError as exc:
        raise KeyUnavailableError(
            f"the keyring cannot be read ({type(exc).__name__}: {exc}); unlock it, or ask "
            "the office IT person"
        ) from None


def load_from_keyring(store_id: str) -> str:
    key = _read_keyring(_entry(store_id))
    if key is None:
        raise KeyUnavailableError(
            "the store key is not in this user's keyring: the store was set up by another "
            "user or on another machine. Log in as that user, or restore from a backup "
            "together with its key"
        )
    return key


def delete_from_keyring(store_id: str) -> None:
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _entry(store_id))


def write_key_file(path: Path, key: str) -> None:
    """Create the key file, readable and writable by its owner only. An existing file is
    never overwritten: it may be the key of another store."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyUnavailableError(
            f"{path} already exists; choose a new file name for the key (an existing key file "
            "is never overwritten)"
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def read_key_file(path: Path) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise KeyUnavailableError(
            f"the key file {path} is missing; put it back (from the administrator's copy) "
            "or restore the store with its key"
        ) from None
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyUnavailableError(
            f"the key file {path} can be read by other users; make it private with "
            f"`chmod 600 {path}` and start again"
        )
    key = path.read_text(encoding="ascii").strip()
    if len(key) != 64:
        raise KeyUnavailableError(f"{path} does not hold a store key")
    return key


# --- the audit key ----------------------------------------------------------------------
# A second secret, apart from the store key: whoever holds only the store key (to repair a
# file, say) can read and change rows but cannot recompute the audit chain.


def _audit_entry(store_id: str) -> str:
    return f"audit-key:{store_id}"


def audit_key_file(key_file: Path) -> Path:
    return key_file.with_name(key_file.name + ".audit")


def load_audit_key(store_id: str, audit_file: Path | None) -> bytes | None:
    """The audit key (from ``audit_file``, or the keyring where that is None), or None
    where none was ever made (a store from before the chain)."""
    if audit_file is not None:
        if not audit_file.exists():
            return None
        return bytes.fromhex(read_key_file(audit_file))
    found = _read_keyring(_audit_entry(store_id))
    return None if found is None else bytes.fromhex(found)


def save_audit_key_in_keyring(store_id: str, key: str) -> None:
    """The audit key, back in this user's keyring (key recovery on a new PC)."""
    save_in_keyring_entry(_audit_entry(store_id), key)


def create_audit_key(store_id: str, audit_file: Path | None) -> bytes:
    key = new_store_key()
    if audit_file is not None:
        write_key_file(audit_file, key)
    else:
        save_in_keyring_entry(_audit_entry(store_id), key)
    return bytes.fromhex(key)


def delete_audit_key(store_id: str, audit_file: Path | None) -> None:
    if audit_file is not None:
        audit_file.unlink(missing_ok=True)
    else:
        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, _audit_entry(store_id))


# --- the audit trail's high-water mark ----------------------------------------------------
# The newest audit event this machine wrote (its number and MAC), kept where the audit key
# is, outside the store's folder: a copy of the whole folder put back shows as rolled back.


def _mark_entry(store_id: str) -> str:
    return f"audit-mark:{store_id}"


def mark_file(audit_key: Path) -> Path:
    return audit_key.with_name(audit_key.name + ".mark")


def load_mark(store_id: str, audit_key: Path | None) -> str | None:
    if audit_key is not None:
        try:
            return mark_file(audit_key).read_text(encoding="ascii").strip() or None
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyUnavailableError(f"{mark_file(audit_key)} cannot be read ({exc})") from None
    return _read_keyring(_mark_entry(store_id))


def save_mark(store_id: str, audit_key: Path | None, value: str) -> None:
    if audit_key is None:
        save_in_keyring_entry(_mark_entry(store_id), value)
        return
    path = mark_file(audit_key)
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.unlink(missing_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        temporary.replace(path)
    except OSError as exc:
        raise KeyUnavailableError(f"{path} cannot be written ({exc})") from None


def delete_mark(store_id: str, audit_key: Path | None) -> None:
    if audit_key is not None:
        mark_file(audit_key).unlink(missing_ok=True)
    else:
        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, _mark_entry(store_id))
