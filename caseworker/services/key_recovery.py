"""Export and import of the store's keys (密钥恢复), for a lost Windows profile or a new PC.

Export (administrator): the store key and the audit key, wrapped with a passphrase
(caseworker/security/recovery.py), plus an audit event. Import (on the new PC or the new
profile, no login: there is no readable store yet): the keys go into this user's keyring
(or a key file where there is none) and ``settings.json`` is written, so that
``caseworker restore BACKUP`` can then open the office's backup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from caseworker.locations import SETTINGS_FILE
from caseworker.security import recovery
from caseworker.security import secrets as keys
from caseworker.security.recovery import MIN_PASSPHRASE as MIN_PASSPHRASE  # noqa: PLC0414 - for the desk
from caseworker.security.recovery import read_header as read_header  # noqa: PLC0414 - for the desk
from caseworker.services.base import Actor, InvalidInputError, ServiceError
from caseworker.services.permissions import Permission, require
from caseworker.services.store import Settings, Store


@dataclass(frozen=True, slots=True)
class Imported:
    store_id: str
    office_code: str
    police_station_name: str
    kept_in: str  # "the keyring" or the key file's path
    settings_written: bool


def export_keys(store: Store, actor: Actor, *, passphrase: str, now: datetime) -> str:
    """The recovery file's text, for the administrator only; audited."""
    return export_shares(store, actor, passphrases=(passphrase,), now=now)[0]


def export_shares(
    store: Store, actor: Actor, *, passphrases: tuple[str, ...], now: datetime
) -> list[str]:
    """One recovery file (one passphrase), or two custodians' shares (two passphrases),
    for the administrator only; audited."""
    require(actor, Permission.MANAGE_USERS)
    settings = store.settings
    try:
        store_key = settings.key()
        audit_key = keys.load_audit_key(settings.store_id, settings.audit_key_path)
    except keys.KeyUnavailableError as exc:
        raise ServiceError(code="key.unreadable", problem=str(exc)) from None
    office = store.office()
    common: dict[str, Any] = {
        "store_id": settings.store_id,
        "office_code": office.office_code,
        "police_station_name": office.police_station_name,
        "store_key": store_key,
        "audit_key": audit_key.hex() if audit_key else None,
        "now": now,
    }
    try:
        if len(passphrases) == 1:
            texts = [recovery.wrap(passphrase=passphrases[0], **common)]
        elif len(passphrases) == 2:
            texts = list(
                recovery.wrap_split(passphrases=(passphrases[0], passphrases[1]), **common)
            )
        else:
            raise InvalidInputError(code="key.passphrase_count", field="passphrases")
    except recovery.RecoveryError as exc:
        raise ServiceError(code="key.recovery_refused", problem=str(exc)) from None
    store.record(at=now, actor=actor.username, action="key.export", detail={"count": len(texts)})
    return texts


def import_keys(
    folder: Path, text: str, *, passphrase: str, key_file: Path | None = None
) -> Imported:
    """Put the keys of a recovery file on this machine, for this user.

    Refused when the folder already belongs to another store. ``key_file`` keeps the key
    in a file instead of the keyring (a machine without one)."""
    return import_shares(folder, [text], passphrases=[passphrase], key_file=key_file)


def import_shares(
    folder: Path, texts: list[str], *, passphrases: list[str], key_file: Path | None = None
) -> Imported:
    """:func:`import_keys` for one file, or for both custodians' shares."""
    try:
        if len(texts) == 1:
            found = recovery.unwrap(texts[0], passphrases[0])
        else:
            found = recovery.unwrap_split(texts, passphrases)
    except recovery.RecoveryError as exc:
        raise ServiceError(code="key.recovery_refused", problem=str(exc)) from None
    existing: Settings | None = None
    if (folder / SETTINGS_FILE).exists():
        existing = Settings.load(folder)
        if existing.store_id != found.store_id:
            raise ServiceError(
                code="key.other_store",
                folder=str(folder),
                existing=existing.store_id,
                store=found.store_id,
                office=found.office_code,
            )
        key_file = existing.key_path if key_file is None else key_file
    if key_file is None and not keys.keyring_usable():
        raise ServiceError(code="key.no_keyring")
    try:
        if key_file is not None:
            if key_file.exists() and keys.read_key_file(key_file) != found.store_key:
                raise InvalidInputError(code="key.file_taken", field="key_file", file=str(key_file))
            if not key_file.exists():
                keys.write_key_file(key_file, found.store_key)
            audit_path = keys.audit_key_file(key_file)
            if found.audit_key and not audit_path.exists():
                keys.write_key_file(audit_path, found.audit_key)
        else:
            keys.save_in_keyring(found.store_id, found.store_key)
            if found.audit_key:
                keys.save_audit_key_in_keyring(found.store_id, found.audit_key)
    except keys.KeyUnavailableError as exc:
        raise ServiceError(code="key.unavailable", problem=str(exc)) from None
    written = existing is None
    if written:
        folder.mkdir(parents=True, exist_ok=True)
        Settings(
            store_id=found.store_id,
            key_source="file" if key_file is not None else "keyring",
            key_file=str(key_file.resolve()) if key_file is not None else None,
        ).save(folder)
    return Imported(
        store_id=found.store_id,
        office_code=found.office_code,
        police_station_name=found.police_station_name,
        kept_in=str(key_file) if key_file is not None else "the keyring",
        settings_written=written,
    )
