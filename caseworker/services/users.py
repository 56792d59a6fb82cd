"""User accounts, as far as the store and workflow need them (roles and maker-checker).
Login, lockout, second factor and the audit chain come with the security issue."""

from __future__ import annotations

import re
from datetime import datetime

from caseworker.security.passwords import PasswordRuleError, hash_password
from caseworker.services.applications import Actor, PermissionDeniedError, ServiceError
from caseworker.services.store import ROLES, Store
from caseworker.storage import repositories as repo
from caseworker.storage.database import transaction

_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,29}$")


def add_user(
    store: Store,
    actor: Actor,
    *,
    username: str,
    role: str,
    password: str,
    display_name: str = "",
    now: datetime | None = None,
) -> None:
    if actor.role != "admin":
        raise PermissionDeniedError(
            f"{actor.username} ({actor.role}) may not add users; an administrator may"
        )
    if not _USERNAME.match(username):
        raise ServiceError(
            f"user name {username!r}: 2 to 30 lower-case letters, digits, '.', '-' or '_', "
            "starting with a letter"
        )
    if role not in ROLES:
        raise ServiceError(f"role {role!r}: one of {', '.join(ROLES)}")
    try:
        password_hash = hash_password(password)
    except PasswordRuleError as exc:
        raise ServiceError(f"password: {exc}") from None
    at = now or datetime.now()
    with transaction(store.sessions) as session:
        if repo.user(session, username) is not None:
            raise ServiceError(f"user {username!r} already exists")
        repo.add_user(
            session,
            username=username,
            display_name=display_name or username,
            role=role,
            password_hash=password_hash,
            at=at,
        )
        repo.add_audit(
            session,
            at=at,
            actor=actor.username,
            action="user.add",
            application_id=None,
            detail={"username": username, "role": role},
        )
