"""Key recovery (密钥恢复): the store key and the audit key, wrapped with a passphrase,
in a small file the office keeps apart from its backups.

Each Windows user's store key sits in that user's Credential Locker. A lost profile or a
dead PC makes every backup unreadable unless the key exists somewhere else: this file.

The passphrase goes through Argon2id (memory-hard: 128 MiB and 3 passes, so guessing is
slow on any hardware) into a 256-bit key; AES-256-GCM seals the secrets, with the file's
header (office, store, date, KDF parameters) as associated data, so a changed header
fails the unwrap as surely as a wrong passphrase. The file is JSON text, short enough for
a QR code on the printed recovery sheet.

The file alone opens nothing: the passphrase is kept apart (a sealed envelope in the
station's safe, or with a second custodian). Or, with :func:`wrap_split`, two custodians
each hold a file and a passphrase of their own, and only both together restore the keys
(each file holds one XOR share: alone it says nothing about them)."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "caseworker-key-recovery"
VERSION = 1
#: Argon2id at 128 MiB, 3 passes, 2 lanes: 0.75-1.0 s on this (shared, 2-core) build machine
KDF_DEFAULTS = {"time_cost": 3, "memory_kib": 131_072, "parallelism": 2}
MIN_PASSPHRASE = 12


class RecoveryError(Exception):
    """The recovery file cannot be made or opened; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Recovered:
    store_id: str
    office_code: str
    police_station_name: str
    created_at: str
    store_key: str
    audit_key: str | None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise RecoveryError(
            f"the recovery passphrase needs at least {MIN_PASSPHRASE} characters "
            "(a few unrelated words are easy to keep and hard to guess)"
        )


def wrap(
    *,
    store_id: str,
    office_code: str,
    police_station_name: str,
    store_key: str,
    audit_key: str | None,
    passphrase: str,
    now: datetime,
    kdf: dict[str, Any] | None = None,
) -> str:
    """The recovery file's text."""
    header = _header(store_id, office_code, police_station_name, now)
    plain = json.dumps({"store_key": store_key, "audit_key": audit_key}).encode("ascii")
    return _seal(header, plain, passphrase, kdf)


def wrap_split(
    *,
    store_id: str,
    office_code: str,
    police_station_name: str,
    store_key: str,
    audit_key: str | None,
    passphrases: tuple[str, str],
    now: datetime,
    kdf: dict[str, Any] | None = None,
) -> tuple[str, str]:
    """Two recovery files for two custodians, each sealed with its own passphrase: the
    secrets XOR-split into a random pad and the secrets XOR the pad, so one file (even
    with its passphrase) says nothing about the keys; both together restore them."""
    for passphrase in passphrases:
        check_passphrase(passphrase)
    if passphrases[0] == passphrases[1]:
        raise RecoveryError("the two custodians need two different passphrases")
    plain = json.dumps({"store_key": store_key, "audit_key": audit_key}).encode("ascii")
    pad = secrets.token_bytes(len(plain))
    shares = (pad, bytes(a ^ b for a, b in zip(plain, pad, strict=True)))
    split_id = secrets.token_hex(8)
    texts = []
    for number, (share, passphrase) in enumerate(zip(shares, passphrases, strict=True), 1):
        header = _header(store_id, office_code, police_station_name, now)
        header.update(share=number, of=2, split_id=split_id)
        texts.append(_seal(header, json.dumps({"share": _b64(share)}).encode(), passphrase, kdf))
    return texts[0], texts[1]


def _header(
    store_id: str, office_code: str, police_station_name: str, now: datetime
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "store_id": store_id,
        "office_code": office_code,
        "station_name": police_station_name,  # the file format's key (older desks read it)
        "created_at": now.isoformat(timespec="seconds"),
    }


def _seal(header: dict[str, Any], plain: bytes, passphrase: str, kdf: dict[str, Any] | None) -> str:
    check_passphrase(passphrase)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    params = dict(KDF_DEFAULTS if kdf is None else kdf)
    header = {
        **header,
        "kdf": {"name": "argon2id", **params, "salt": _b64(salt)},
        "cipher": "AES-256-GCM",
        "nonce": _b64(nonce),
    }
    sealed = AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, plain, _aad(header))
    return json.dumps({**header, "sealed": _b64(sealed)}, ensure_ascii=False, indent=1) + "\n"


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")


def read_header(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        raise RecoveryError("this is not a key recovery file (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecoveryError("this is not a caseworker key recovery file")
    if data.get("version") != VERSION:
        raise RecoveryError(
            f"this recovery file is version {data.get('version')}; this program reads "
            f"version {VERSION}: use the program that made it, or a newer one"
        )
    return data


def unwrap(text: str, passphrase: str) -> Recovered:
    data = read_header(text)
    if "of" in data:
        raise RecoveryError(
            f"this file is custodian {data.get('share')}'s share of {data.get('of')}: import "
            "both custodians' files together (caseworker key import FILE1 FILE2)"
        )
    return _recovered(data, json.loads(_unseal(data, passphrase)))


def unwrap_split(texts: list[str], passphrases: list[str]) -> Recovered:
    """The keys from both custodians' files, each with its own passphrase."""
    headers = [read_header(text) for text in texts]
    if len(headers) != 2 or any("of" not in h for h in headers):
        raise RecoveryError("give both custodians' files, and only those")
    if headers[0]["split_id"] != headers[1]["split_id"]:
        raise RecoveryError("these two files are not shares of the same export")
    if {h["share"] for h in headers} != {1, 2}:
        raise RecoveryError("both files are the same custodian's share")
    shares = []
    for header, passphrase in zip(headers, passphrases, strict=True):
        share = json.loads(_unseal(dict(header), passphrase))["share"]
        shares.append(base64.b64decode(share, validate=True))
    if len(shares[0]) != len(shares[1]):
        raise RecoveryError("the recovery files are incomplete or damaged")
    plain = bytes(a ^ b for a, b in zip(shares[0], shares[1], strict=True))
    try:
        found = json.loads(plain)
    except ValueError:
        raise RecoveryError("the recovery files are incomplete or damaged") from None
    return _recovered(headers[0], found)


def _recovered(data: dict[str, Any], found: dict[str, Any]) -> Recovered:
    return Recovered(
        store_id=str(data["store_id"]),
        office_code=str(data["office_code"]),
        police_station_name=str(data.get("station_name", "")),
        created_at=str(data["created_at"]),
        store_key=str(found["store_key"]),
        audit_key=found.get("audit_key"),
    )


def _unseal(data: dict[str, Any], passphrase: str) -> bytes:
    """The sealed part of one file; ``data`` is its parsed JSON (its "sealed" is taken)."""
    try:
        sealed = base64.b64decode(data.pop("sealed"), validate=True)
        kdf = dict(data["kdf"])
        salt = base64.b64decode(kdf.pop("salt"), validate=True)
        nonce = base64.b64decode(data["nonce"], validate=True)
        key = _derive(passphrase, salt, kdf)
        plain: bytes = AESGCM(key).decrypt(nonce, sealed, _aad(data))
    except InvalidTag:
        raise RecoveryError(
            "the passphrase is wrong, or the file was changed; nothing was imported"
        ) from None
    except (KeyError, ValueError, TypeError):
        raise RecoveryError("the recovery file is incomplete or damaged") from None
    return plain
