"""User accounts at the centre. An account belongs to an office (its key is the office
and the user name), or to every office when the central administrator makes it so.

A device changes only its own office's accounts, gives only the roles an office may
give, and never touches an every-office account; the centre orders changes by its own
clock (a device's clock may be wrong, or lie), so the change that arrives last wins.
An office's account and an every-office account never share a name: a desk keys its
users by name alone, so the one would overwrite the other there."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.central import changes, schema
from caseworker.central.base import CentralBase, CentralError, OperationError
from caseworker.central.fields import OFFICE_CODE, OFFICE_ROLES, USERNAME, plain_text
from caseworker.sync import protocol

EVERY_OFFICE = ""


class Accounts(CentralBase):
    def put_account(
        self,
        *,
        username: str,
        display_name: str,
        role: str,
        password_hash: str,
        office_code: str = EVERY_OFFICE,
        active: bool = True,
    ) -> None:
        """The central administrator creates or changes an account (any role)."""
        if not USERNAME.match(username):
            raise CentralError(
                400, f"user name {username!r}: 2 to 30 lower-case letters, digits, '.', '-', '_'"
            )
        if office_code and not re.match(OFFICE_CODE, office_code):
            raise CentralError(400, f"office code {office_code[:20]!r} must be 6 to 12 digits")
        try:
            plain_text(display_name, "the display name", longest=50)
            plain_text(password_hash, "the password hash", longest=200)
        except ValueError as exc:
            raise CentralError(400, str(exc)) from None
        if role not in OFFICE_ROLES:
            raise CentralError(400, f"role {role[:40]!r}: one of {', '.join(OFFICE_ROLES)}")
        now = self.clock()
        with self._tx() as session:
            clash = _shadowed(session, office_code, username)
            if clash:
                raise CentralError(409, clash)
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

    def _account_change(
        self, session: Session, device: schema.Device, payload: dict[str, Any], now: datetime
    ) -> tuple[str, dict[str, Any]]:
        """An office's device changed one of its office's accounts."""
        try:
            username = str(payload["username"])
            role = str(payload["role"])
            active = payload["active"]
            display_name = plain_text(payload["display_name"], "the display name", longest=50)
            password_hash = plain_text(payload["password_hash"], "the password hash", longest=200)
        except KeyError as exc:
            raise OperationError(f"an account change lacks {exc}") from None
        except ValueError as exc:
            raise OperationError(str(exc)) from None
        if not USERNAME.match(username):
            raise OperationError(
                f"user name {username[:40]!r}: 2 to 30 lower-case letters, digits, '.', '-', '_'"
            )
        if role not in OFFICE_ROLES:
            raise OperationError(
                f"role {role[:40]!r} is not one an office may give; "
                f"one of {', '.join(OFFICE_ROLES)}"
            )
        if not isinstance(active, bool) or not password_hash:
            raise OperationError(
                "an account change needs active (true or false) and a password hash"
            )
        clash = _shadowed(session, device.office_code, username)
        if clash:
            raise OperationError(clash)
        self._account(
            session,
            office_code=device.office_code,
            username=username,
            display_name=display_name,
            role=role,
            active=active,
            password_hash=password_hash,
            at=now,
        )
        return protocol.APPLIED, {}

    @staticmethod
    def _account(
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


def _shadowed(session: Session, office_code: str, username: str) -> str:
    """Why an account of this office and name would clash with another, or ""."""
    if office_code != EVERY_OFFICE:
        if session.get(schema.Account, (EVERY_OFFICE, username)) is not None:
            return (
                f"account {username} is kept by the central administrator for every office; "
                "an office cannot have its own account of that name"
            )
        return ""
    offices = session.scalars(
        select(schema.Account.office_code).where(
            schema.Account.username == username, schema.Account.office_code != EVERY_OFFICE
        )
    ).all()
    if offices:
        return (
            f"office {', '.join(sorted(offices))} already has an account {username}; "
            "give the every-office account another name"
        )
    return ""
