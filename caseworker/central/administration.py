"""The central administrator's tasks: enrolment codes, rule packs, revocations (accounts
are in ``accounts``)."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from caseworker.central import changes, schema
from caseworker.central.base import CODE_ALPHABET, CentralBase, CentralError, digest
from caseworker.central.fields import OFFICE_CODE, plain_text
from caseworker.sync import protocol

OFFICE = re.compile(OFFICE_CODE)
NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,39}$")  # a policy, a version, a permit number
MAX_CODE_HOURS = 24 * 30


class Administration(CentralBase):
    def issue_code(self, office_code: str, *, hours: int = 72) -> str:
        """A one-time enrolment code for one office, valid ``hours``."""
        if not OFFICE.match(office_code):
            raise CentralError(400, f"office code {office_code[:20]!r} must be 6 to 12 digits")
        if not 1 <= hours <= MAX_CODE_HOURS:
            raise CentralError(400, f"a code is valid 1 to {MAX_CODE_HOURS} hours, not {hours}")
        code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))
        now = self.clock()
        with self._tx() as session:
            session.add(
                schema.EnrolmentCode(
                    code_hash=digest(code),
                    office_code=office_code,
                    created_at=now,
                    expires_at=now + timedelta(hours=hours),
                )
            )
        return code

    def publish_pack(self, text: str, *, policy: str, version: str) -> None:
        """Sign a rule pack (already validated by the caller) and publish it."""
        for what, value in (("policy", policy), ("version", version)):
            if not NAME.match(value):
                raise CentralError(400, f"the pack's {what} {value[:40]!r} is not 1 to 40 letters")
        signature = self._key.sign(protocol.pack_message(policy, version, text)).hex()
        now = self.clock()
        body = {
            "policy": policy,
            "version": version,
            "sha256": digest(text),
            "text": text,
            "signature": signature,
        }
        with self._tx() as session:
            session.merge(
                schema.RulePackRow(
                    policy=policy,
                    version=version,
                    sha256=body["sha256"],
                    text=text,
                    signature=signature,
                    published_at=now,
                )
            )
            changes.record(session, [(protocol.RULE_PACKS, "", policy, body)], now)

    def revoke(self, permit_number: str, reason: str) -> None:
        if not NAME.match(permit_number):
            raise CentralError(
                400, f"permit number {permit_number[:40]!r}: 1 to 40 letters, digits or '-'"
            )
        try:
            plain_text(reason, "the reason")
        except ValueError as exc:
            raise CentralError(400, str(exc)) from None
        now = self.clock()
        with self._tx() as session:
            session.merge(
                schema.Revocation(permit_number=permit_number, reason=reason, revoked_at=now)
            )
            body = {"permit_number": permit_number, "reason": reason, "at": now.isoformat()}
            changes.record(session, [(protocol.REVOCATIONS, "", permit_number, body)], now)
