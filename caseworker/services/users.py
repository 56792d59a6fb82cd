"""User accounts and logging in: roles, passwords (argon2id), lockout, the optional
second factor (TOTP), and the office's security settings. Every step is audited.

Lockout counts in the store, so it survives a restart. A clock set back never shortens a
lock (the lock starts again from the new time); a clock set forward, which needs the
machine's administrator, ends it early: no program can tell that from waiting.
"""

from __future__ import annotations

import functools
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

import pyotp

from caseworker.security.passwords import (
    MIN_LENGTH,
    PasswordRuleError,
    check_rules,
    hash_password,
    verify_password,
)
from caseworker.services.base import (
    Actor,
    DuplicateError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    StepNotAllowedError,
    unknown_choice,
)
from caseworker.services.context import OfficeContext, Session, record_change
from caseworker.services.idle_lock import IdleLock as IdleLock  # noqa: PLC0414 - re-exported for the desk
from caseworker.services.permissions import ROLE_ZH as ROLE_ZH  # noqa: PLC0414 - for the desk
from caseworker.services.permissions import Permission, Role, require
from caseworker.services.store import ROLES
from caseworker.storage import repositories as repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import UserView

_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,29}$")
TOTP_ISSUER = "落户受理台 caseworker-desk"


@functools.cache
def _dummy_hash() -> str:
    """A password check for a user who does not exist still costs one argon2
    verification, so the time taken does not tell which user names exist."""
    return hash_password(secrets.token_hex(16) + "x1")


class LoginError(ServiceError):
    """A login (or unlock) was refused; the message is safe to show at the counter."""


#: the one answer to a refused login, whatever the reason (no such user, a disabled one, a
#: wrong password, a lock): an answer that differed would tell which user names exist
WRONG_LOGIN = (
    "用户名或密码错误，或账户因多次输错已暂时锁定 the user name or the password is wrong, or "
    "the account is locked for a while after too many wrong passwords; try again later, or "
    "ask an administrator to unlock it"
)


class AccountLockedError(LoginError):
    """The account is locked (``until``); the message is ``WRONG_LOGIN``, as for any
    refused login, and the audit trail says which it was."""

    code = "login.wrong"

    def __init__(self, username: str, until: datetime) -> None:
        self.username = username
        self.until = until
        super().__init__(WRONG_LOGIN, code="login.wrong")


class SecondFactorRequiredError(LoginError):
    """The password was right; the user's TOTP code is needed too."""


@dataclass(frozen=True, slots=True)
class SecurityPolicy:
    """The office's settings, kept in the store (``caseworker users policy``)."""

    lockout_attempts: int = 5
    lockout_minutes: int = 15
    idle_minutes: int = 10
    #: roles that must log in with a second factor (TOTP), e.g. supervisor and admin
    totp_roles: tuple[str, ...] = ()

    def check(self) -> None:
        if not 1 <= self.lockout_attempts <= 100:
            raise InvalidInputError(code="policy.lockout_attempts", field="lockout_attempts")
        if not 1 <= self.lockout_minutes <= 24 * 60:
            raise InvalidInputError(code="policy.lockout_minutes", field="lockout_minutes")
        if not 1 <= self.idle_minutes <= 240:
            raise InvalidInputError(code="policy.idle_minutes", field="idle_minutes")
        unknown = [r for r in self.totp_roles if r not in ROLES]
        if unknown:
            raise InvalidInputError(
                code="policy.role_unknown",
                field="totp_roles",
                role=unknown[0],
                roles=", ".join(ROLES),
            )


@dataclass(frozen=True, slots=True)
class LoginSession:
    """Who is at the desk now."""

    actor: Actor
    display_name: str
    started_at: datetime
    must_change_password: bool
    id: str


@dataclass(frozen=True, slots=True)
class UserSummary:
    """A user as the administrator's list shows them (no hashes, no secrets)."""

    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    second_factor: bool
    last_login_at: datetime | None
    must_change_password: bool


_UNLOCKED: dict[str, Any] = {"failed_attempts": 0, "locked_at": None, "locked_until": None}


class UserService:
    def __init__(self, context: OfficeContext) -> None:
        self.context = context
        self.store = context.store
        self.clock = context.clock

    # --- the office's settings -----------------------------------------------------

    def policy(self) -> SecurityPolicy:
        with self.store.sessions() as session:
            saved = repo.office_settings(session).get("security")
        if not isinstance(saved, dict):
            return SecurityPolicy()
        known = {f.name for f in fields(SecurityPolicy)}
        values: dict[str, Any] = {k: v for k, v in saved.items() if k in known}
        if "totp_roles" in values:
            values["totp_roles"] = tuple(values["totp_roles"])
        return SecurityPolicy(**values)

    def set_policy(self, actor: Actor, **changes: Any) -> SecurityPolicy:
        require(actor, Permission.MANAGE_USERS)
        current = self.policy()
        try:
            updated = replace(current, **changes)
        except TypeError as exc:
            raise InvalidInputError(
                code="policy.setting_unknown", settings=", ".join(sorted(changes)), problem=str(exc)
            ) from None
        updated.check()
        if updated.totp_roles:
            with self.store.sessions() as session:
                me = repo.user(session, actor.username)
            if actor.role in updated.totp_roles and (me is None or not me.totp_secret):
                raise StepNotAllowedError(
                    code="policy.totp_lockout", role=actor.role, username=actor.username
                )
        now = self.clock()
        with transaction(self.store.sessions) as session:
            value = {f.name: getattr(updated, f.name) for f in fields(updated)}
            value["totp_roles"] = list(updated.totp_roles)
            repo.put_office_setting(session, "security", value)
            self._audit(session, actor.username, "settings.security", value, now)
        return updated

    # --- logging in ----------------------------------------------------------------

    def login(
        self,
        username: str,
        password: str,
        *,
        totp_code: str | None = None,
        source: str = "desk",
    ) -> LoginSession:
        """Check the password (and the second factor where the user has one or the office
        requires it). Works offline: everything needed is in the store."""
        username = username.strip().lower()
        policy = self.policy()
        now = self.clock()

        def work(session: Session) -> UserView:
            user = repo.user(session, username)
            if user is None or not user.active:
                verify_password(_dummy_hash(), password)
                self._audit(session, username or "?", "login.failed", {"source": source}, now)
                raise _KeepAndRefuseError(LoginError(WRONG_LOGIN, code="login.wrong"))
            self._refuse_if_locked(session, user, now, policy)
            if not verify_password(user.password_hash, password):
                self._count_failure(session, user, now, policy, source)
            if user.role in policy.totp_roles and not user.totp_secret:
                self._audit(session, username, "login.refused", {"reason": "no totp"}, now)
                raise _KeepAndRefuseError(
                    LoginError(code="login.totp_not_enrolled", role=user.role, username=username)
                )
            if user.totp_secret:
                self._check_totp(session, user, totp_code, now=now, policy=policy, source=source)
            repo.update_user(
                session,
                username,
                failed_attempts=0,
                locked_at=None,
                locked_until=None,
                last_login_at=now,
            )
            self._audit(session, username, "login", {"source": source}, now)
            return user

        user = self._keeping_failures(work)
        return LoginSession(
            Actor(user.username, user.role),
            user.display_name,
            now,
            user.must_change_password,
            secrets.token_hex(8),
        )

    def logout(self, login: LoginSession, *, reason: str = "") -> None:
        detail = {"session": login.id, **({"reason": reason} if reason else {})}
        self.store.record(
            at=self.clock(), actor=login.actor.username, action="logout", detail=detail
        )

    def unlock_screen(self, login: LoginSession, password: str) -> None:
        """The idle lock's way back: the same user's password; failures count toward the
        lockout like any other."""
        policy = self.policy()
        now = self.clock()

        def work(session: Session) -> UserView:
            user = repo.user(session, login.actor.username)
            if user is None or not user.active:
                raise LoginError(code="user.disabled")
            self._refuse_if_locked(session, user, now, policy)
            if not verify_password(user.password_hash, password):
                self._count_failure(session, user, now, policy, "unlock")
            repo.update_user(session, user.username, failed_attempts=0)
            self._audit(session, user.username, "unlock", {"session": login.id}, now)
            return user

        self._keeping_failures(work)

    def change_password(self, actor: Actor, old: str, new: str) -> None:
        now = self.clock()
        with self.store.sessions() as session:
            user = repo.user(session, actor.username)
        if user is None:
            raise PermissionDeniedError(code="user.not_found", username=actor.username)
        if not verify_password(user.password_hash, old):
            raise LoginError(code="user.password_wrong")
        if old == new:
            raise ServiceError(code="user.password_same")
        new_hash = _hash(new, username=actor.username)
        with transaction(self.store.sessions) as session:
            repo.update_user(
                session,
                actor.username,
                password_hash=new_hash,
                password_changed_at=now,
                must_change_password=False,
            )
            self._account_changed(session, actor, "password.change", {}, now)

    # --- administration ------------------------------------------------------------

    def add(
        self,
        actor: Actor,
        *,
        username: str,
        role: str,
        password: str,
        display_name: str = "",
        now: datetime | None = None,
    ) -> None:
        require(actor, Permission.MANAGE_USERS)
        if not _USERNAME.match(username):
            raise InvalidInputError(code="user.name_shape", field="username", username=username)
        if role not in ROLES:
            raise unknown_choice(field="role", name="role", value=role, choices=ROLES)
        if len(display_name) > 50:
            raise InvalidInputError(code="user.display_name_long", field="display_name", most=50)
        password_hash = _hash(password, username=username)
        at = now or self.clock()
        with transaction(self.store.sessions) as session:
            if repo.user(session, username) is not None:
                raise DuplicateError(code="user.exists", field="username", username=username)
            repo.add_user(
                session,
                username=username,
                display_name=display_name.strip() or username,
                role=role,
                password_hash=password_hash,
                at=at,
            )
            self._account_changed(
                session, actor, "user.add", {"username": username, "role": role}, at
            )

    def list(self, actor: Actor) -> list[UserSummary]:
        require(actor, Permission.MANAGE_USERS)
        now = self.clock()
        with self.store.sessions() as session:
            rows = repo.users(session)
        return [
            UserSummary(
                u.username,
                u.display_name,
                u.role,
                u.active,
                u.locked_until if u.locked_until and u.locked_until > now else None,
                bool(u.totp_secret),
                u.last_login_at,
                u.must_change_password,
            )
            for u in rows
        ]

    def disable(self, actor: Actor, username: str, *, reason: str = "") -> None:
        require(actor, Permission.MANAGE_USERS)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            user = self._existing(session, username)
            if user.username == actor.username:
                raise StepNotAllowedError(code="user.disable_self")
            if user.role == Role.ADMIN and repo.count_active(session, "admin") <= 1:
                raise StepNotAllowedError(code="user.last_admin", username=username)
            repo.update_user(session, username, active=False)
            self._account_changed(
                session,
                actor,
                "user.disable",
                {"username": username, "reason": reason},
                now,
            )

    def enable(self, actor: Actor, username: str) -> None:
        require(actor, Permission.MANAGE_USERS)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            self._existing(session, username)
            repo.update_user(session, username, active=True)
            self._account_changed(session, actor, "user.enable", {"username": username}, now)

    def reset_password(self, actor: Actor, username: str, new_password: str) -> None:
        """A temporary password the user must change at their next login; unlocks too."""
        require(actor, Permission.MANAGE_USERS)
        new_hash = _hash(new_password, username=username)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            self._existing(session, username)
            repo.update_user(
                session,
                username,
                password_hash=new_hash,
                password_changed_at=now,
                must_change_password=True,
                failed_attempts=0,
                locked_at=None,
                locked_until=None,
            )
            self._account_changed(
                session, actor, "user.reset_password", {"username": username}, now
            )

    def unlock(self, actor: Actor, username: str) -> None:
        require(actor, Permission.MANAGE_USERS)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            self._existing(session, username)
            repo.update_user(
                session, username, failed_attempts=0, locked_at=None, locked_until=None
            )
            self._audit(session, actor.username, "user.unlock", {"username": username}, now)

    def enrol_totp(self, actor: Actor, username: str) -> tuple[str, str]:
        """A new TOTP secret for ``username`` (an administrator, or the user themself);
        returns the secret and the otpauth:// address an authenticator app scans."""
        if actor.username != username:
            require(actor, Permission.MANAGE_USERS)
        secret = pyotp.random_base32()
        now = self.clock()
        with transaction(self.store.sessions) as session:
            user = self._existing(session, username)
            repo.update_user(session, username, totp_secret=secret, totp_last_step=0)
            self._audit(session, actor.username, "user.totp", {"username": username}, now)
        uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=TOTP_ISSUER)
        return secret, uri

    def remove_totp(self, actor: Actor, username: str) -> None:
        require(actor, Permission.MANAGE_USERS)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            self._existing(session, username)
            repo.update_user(session, username, totp_secret="", totp_last_step=0)
            self._audit(session, actor.username, "user.totp_removed", {"username": username}, now)

    # --- the machinery -------------------------------------------------------------

    def _keeping_failures(self, work: Callable[[Session], UserView]) -> UserView:
        """Run ``work`` in one unit of work; when it refuses with ``_KeepAndRefuseError`` (a wrong
        password, a lock), what it wrote so far (the count, the lock, the audit event)
        is committed before the refusal is raised."""
        refused: ServiceError | None = None
        with transaction(self.store.sessions) as session:
            try:
                result = work(session)
            except _KeepAndRefuseError as commit:
                refused = commit.error
        if refused is not None:
            raise refused
        return result

    def _existing(self, session: Session, username: str) -> UserView:
        user = repo.user(session, username.strip().lower())
        if user is None:
            raise NotFoundError(code="user.not_found", username=username)
        return user

    def _refuse_if_locked(
        self, session: Session, user: UserView, now: datetime, policy: SecurityPolicy
    ) -> None:
        if user.locked_until is None or user.locked_at is None:
            return
        if now < user.locked_at:  # the clock was set back: the lock starts again from now
            until = now + timedelta(minutes=policy.lockout_minutes)
            repo.update_user(session, user.username, locked_at=now, locked_until=until)
            self._audit(session, user.username, "login.locked", {"clock": "set back"}, now)
            raise _KeepAndRefuseError(AccountLockedError(user.username, until))
        if now < user.locked_until:
            verify_password(_dummy_hash(), "")  # as long as any other refusal takes
            self._audit(session, user.username, "login.failed", {"locked": True}, now)
            raise _KeepAndRefuseError(AccountLockedError(user.username, user.locked_until))
        # the lock has run out: a fresh count
        repo.update_user(
            session, user.username, failed_attempts=0, locked_at=None, locked_until=None
        )

    def _count_failure(
        self, session: Session, user: UserView, now: datetime, policy: SecurityPolicy, source: str
    ) -> None:
        attempts = (user.failed_attempts if user.locked_until is None else 0) + 1
        values: dict[str, Any] = {"failed_attempts": attempts, "last_failed_at": now}
        self._audit(
            session, user.username, "login.failed", {"source": source, "attempt": attempts}, now
        )
        if attempts >= policy.lockout_attempts:
            until = now + timedelta(minutes=policy.lockout_minutes)
            values |= {"locked_at": now, "locked_until": until}
            repo.update_user(session, user.username, **values)
            self._audit(session, user.username, "login.locked", {"until": until.isoformat()}, now)
            raise _KeepAndRefuseError(AccountLockedError(user.username, until))
        repo.update_user(session, user.username, **values)
        if source.endswith(":totp"):  # the password was right: the name is no secret here
            raise _KeepAndRefuseError(
                LoginError(
                    "动态口令错误 the code is wrong or was already used; wait for the next one",
                    code="login.code_wrong",
                )
            )
        raise _KeepAndRefuseError(LoginError(WRONG_LOGIN, code="login.wrong"))

    def _check_totp(
        self,
        session: Session,
        user: UserView,
        code: str | None,
        *,
        now: datetime,
        policy: SecurityPolicy,
        source: str,
    ) -> None:
        if not code:
            raise SecondFactorRequiredError(
                "请输入动态口令 enter the 6-digit code from your authenticator app",
                code="login.code_needed",
            )
        totp = pyotp.TOTP(user.totp_secret)
        step_now = int(now.timestamp()) // totp.interval
        for step in (step_now - 1, step_now, step_now + 1):  # 30 s either way of drift
            if step > user.totp_last_step and hmac.compare_digest(
                totp.at(step * totp.interval), code.strip()
            ):
                repo.update_user(session, user.username, totp_last_step=step)
                return
        self._count_failure(session, user, now, policy, f"{source}:totp")

    def _audit(
        self, session: Session, actor: str, action: str, detail: dict[str, Any], now: datetime
    ) -> None:
        """An audited step that changes no account (a login, a lock, a setting); an
        account change is ``_account_changed``."""
        repo.add_audit(
            session, at=now, actor=actor, action=action, application_id=None, detail=detail
        )

    def _account_changed(
        self, session: Session, actor: Actor, action: str, detail: dict[str, Any], now: datetime
    ) -> None:
        """An account change: audited, and sent to the central system too (in the same
        transaction, ``record_change``); until the centre confirms it, a pulled account
        never overwrites it."""
        user = repo.user(session, str(detail.get("username") or actor.username))
        office = repo.office(session)
        if user is None or office is None:
            self._audit(session, actor.username, action, detail, now)
            return
        record_change(
            session,
            office=office,
            actor=actor,
            action=action,
            kind="account.changed",
            at=now,
            detail=detail,
            payload={
                "username": user.username,
                "display_name": user.display_name,
                "role": user.role,
                "active": user.active,
                "password_hash": user.password_hash,
            },
        )


#: the audited actions that change what an account is (sent to the centre)
ACCOUNT_CHANGES = frozenset(
    {"user.add", "user.disable", "user.enable", "user.reset_password", "password.change"}
)


class _KeepAndRefuseError(Exception):
    """Raised inside a unit of work whose writes (a failed attempt, a lock) must be kept
    although the request is refused; ``transaction`` rolls back, so the service catches
    it (see ``UserService._keeping_failures``)."""

    def __init__(self, error: ServiceError) -> None:
        super().__init__(str(error))
        self.error = error


def check_password(password: str, *, username: str = "") -> None:
    """Refuse a password the rule refuses, as a coded ``user.password_rule`` (the first
    run's dialog checks the administrator's before it sets anything up)."""
    try:
        check_rules(password, username=username)
    except PasswordRuleError as exc:
        raise ServiceError(
            code="user.password_rule", problem=str(exc), part=exc.part, least=MIN_LENGTH
        ) from None


def _hash(password: str, *, username: str = "") -> str:
    try:
        check_rules(password, username=username)
        return hash_password(password)
    except PasswordRuleError as exc:
        raise ServiceError(
            code="user.password_rule", problem=str(exc), part=exc.part, least=MIN_LENGTH
        ) from None
