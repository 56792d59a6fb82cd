"""Enrolling a device with a one-time code, and its challenge-response for a token."""

from __future__ import annotations

import secrets
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete

from caseworker.central import schema
from caseworker.central.base import (
    CHALLENGE_LIFETIME,
    TOKEN_LIFETIME,
    CentralBase,
    CentralError,
    digest,
)
from caseworker.sync import protocol


class Enrolment(CentralBase):
    def enrol(self, *, code: str, office_code: str, device_code: str, public_key: str) -> str:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        except ValueError:
            raise CentralError(400, "the device's public key is not an Ed25519 key") from None
        now = self.clock()
        with self._tx() as session:
            row = session.get(
                schema.EnrolmentCode, digest(code.strip().upper()), with_for_update=True
            )
            if row is None or row.used_at is not None or row.expires_at < now:
                raise CentralError(
                    403,
                    "the enrolment code is unknown, used or expired; ask the central "
                    "administrator for a new one",
                )
            if row.office_code != office_code:
                raise CentralError(
                    403, f"this code was issued for office {row.office_code}, not {office_code}"
                )
            device_id = uuid.uuid4().hex
            row.used_at, row.device_id = now, device_id
            session.add(
                schema.Device(
                    id=device_id,
                    office_code=office_code,
                    device_code=device_code,
                    public_key=public_key,
                    enrolled_at=now,
                    active=True,
                    audit_warning="",
                )
            )
        return device_id

    def challenge(self, device_id: str) -> str:
        now = self.clock()
        nonce = secrets.token_hex(32)
        with self._tx() as session:
            device = session.get(schema.Device, device_id)
            if device is None or not device.active:
                raise CentralError(
                    403, "this device is not enrolled (or was withdrawn); enrol it again"
                )
            session.execute(delete(schema.Challenge).where(schema.Challenge.expires_at < now))
            session.add(
                schema.Challenge(
                    nonce=nonce, device_id=device_id, expires_at=now + CHALLENGE_LIFETIME
                )
            )
        return nonce

    def token(self, device_id: str, nonce: str, signature: str) -> tuple[str, int | None]:
        now = self.clock()
        with self._tx() as session:
            challenge = session.get(schema.Challenge, nonce)
            device = session.get(schema.Device, device_id)
            if challenge is None or challenge.device_id != device_id or challenge.expires_at < now:
                raise CentralError(401, "the challenge is unknown or expired; ask for a new one")
            session.delete(challenge)  # a nonce answers once
            if device is None or not device.active:
                raise CentralError(403, "this device is not enrolled")
            try:
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.public_key)).verify(
                    bytes.fromhex(signature), protocol.auth_message(device_id, nonce)
                )
            except (InvalidSignature, ValueError):
                raise CentralError(
                    401, "the device's signature does not match its enrolled key"
                ) from None
            token = secrets.token_urlsafe(32)
            session.execute(delete(schema.Token).where(schema.Token.expires_at < now))
            session.add(
                schema.Token(
                    token_hash=digest(token), device_id=device_id, expires_at=now + TOKEN_LIFETIME
                )
            )
            return token, device.audit_seq

    def device_for(self, token: str) -> schema.Device:
        with self.sessions() as session:
            row = session.get(schema.Token, digest(token))
            if row is None or row.expires_at < self.clock():
                raise CentralError(401, "the token is unknown or expired; authenticate again")
            device = session.get(schema.Device, row.device_id)
            if device is None or not device.active:
                raise CentralError(403, "this device is not enrolled")
            session.expunge(device)
            return device
