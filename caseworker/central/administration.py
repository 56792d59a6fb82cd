"""The central administrator's tasks: enrolment codes, rule packs, revocations, accounts."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from caseworker.central import changes, schema
from caseworker.central.base import CODE_ALPHABET, CentralBase, CentralError, digest
from caseworker.sync import protocol


class Administration(CentralBase):
    def issue_code(self, office_code: str, *, hours: int = 72) -> str:
        """A one-time enrolment code for one office, valid ``hours``."""
        if not office_code.isdigit() or not 6 <= len(office_code) <= 12:
            raise CentralError(400, f"office code {office_code!r} must be 6 to 12 digits")
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
        now = self.clock()
        with self._tx() as session:
            session.merge(
                schema.Revocation(permit_number=permit_number, reason=reason, revoked_at=now)
            )
            body = {"permit_number": permit_number, "reason": reason, "at": now.isoformat()}
            changes.record(session, [(protocol.REVOCATIONS, "", permit_number, body)], now)

    def put_account(
        self,
        *,
        username: str,
        display_name: str,
        role: str,
        password_hash: str,
        office_code: str = "",
        active: bool = True,
    ) -> None:
        now = self.clock()
        with self._tx() as session:
            self._account(
                session,
                office_code=office_code,
                username=username,
                display_name=display_name,
                role=role,
                active=active,
                password_hash=password_hash,
                at=now,
            )

    def _account(
        self,
        session: Session,
        *,
        office_code: str,
        username: str,
        display_name: str,
        role: str,
        active: bool,
        password_hash: str,
        at: datetime,
    ) -> None:
        session.merge(
            schema.Account(
                username=username,
                display_name=display_name,
                role=role,
                active=active,
                password_hash=password_hash,
                office_code=office_code,
                changed_at=at,
            )
        )
        body = {
            "username": username,
            "display_name": display_name,
            "role": role,
            "active": active,
            "password_hash": password_hash,
        }
        changes.record(session, [(protocol.ACCOUNTS, office_code, username, body)], at)
