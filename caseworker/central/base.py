"""What every part of the central system shares: its errors, the answer to one pushed
operation, and the base that holds the database, the signing key and the clock."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from caseworker.central import schema
from caseworker.sync import bundle

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


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def when(value: Any) -> datetime:
    """A device's local date and time (ISO 8601, no time zone, as the desk writes it)."""
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) and len(value) < 40 else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is not None:
        raise OperationError(f"'at' is not a local date and time: {str(value)[:40]!r}")
    return at


class CentralBase:
    """The database, the signing key and the clock every part of the centre works with."""

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


def check_sender(device: schema.Device, payload: dict[str, Any]) -> None:
    """An operation names the office (and, when it says, the device) that sends it."""
    office = str(payload.get("office_code") or "")
    if office != device.office_code:
        raise OperationError(
            f"this device is enrolled for office {device.office_code}, the operation "
            f"names office {office[:20]!r}"
        )
    code = payload.get("device_code", device.device_code)
    if code != device.device_code:
        raise OperationError(
            f"this device is enrolled as device {device.device_code}, the operation "
            f"names device {str(code)[:20]!r}"
        )
