"""The device's signing key (Ed25519, ``cryptography``): it signs the QR payload of every
printed document. The private key lives where the store key lives (keyring or key file)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from keyring.errors import KeyringError

from caseworker.security.secrets import SERVICE, KeyUnavailableError


class DeviceSigner:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private

    @property
    def private_key(self) -> Ed25519PrivateKey:
        return self._private

    @property
    def public_hex(self) -> str:
        return self._private.public_key().public_bytes_raw().hex()

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    @classmethod
    def load_or_create(cls, store_id: str, key_file: Path | None) -> DeviceSigner:
        """The device key kept beside the store key: in the keyring, or in
        ``<key file>.device`` (readable by the owner only) where there is no keyring."""
        raw = _load(store_id, key_file)
        if raw is None:
            private = Ed25519PrivateKey.generate()
            _save(store_id, key_file, private.private_bytes_raw().hex())
            return cls(private)
        return cls(Ed25519PrivateKey.from_private_bytes(bytes.fromhex(raw)))


def verify_signature(public_hex: str, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _device_file(key_file: Path) -> Path:
    return key_file.with_name(key_file.name + ".device")


def _load(store_id: str, key_file: Path | None) -> str | None:
    if key_file is not None:
        path = _device_file(key_file)
        return path.read_text(encoding="ascii").strip() if path.exists() else None
    try:
        return keyring.get_password(SERVICE, f"device-key:{store_id}")
    except KeyringError as exc:
        raise KeyUnavailableError(f"the keyring cannot be read ({exc})") from None


def _save(store_id: str, key_file: Path | None, value: str) -> None:
    if key_file is not None:
        fd = os.open(_device_file(key_file), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value + "\n")
        return
    try:
        keyring.set_password(SERVICE, f"device-key:{store_id}", value)
    except KeyringError as exc:
        raise KeyUnavailableError(f"the keyring cannot keep the device key ({exc})") from None
