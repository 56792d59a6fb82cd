"""Logging in: passwords, lockout and its expiry (surviving a restart and a clock change),
the second factor, the idle lock, and what administrators do to accounts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pyotp
import pytest

from caseworker.services.applications import Actor, PermissionDeniedError, ServiceError
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import (
    WRONG_LOGIN,
    AccountLockedError,
    IdleLock,
    LoginError,
    SecondFactorRequiredError,
    UserService,
)
from caseworker.storage import audit
from caseworker.storage import repositories as repo
from tests.stores import PASSWORD

ADMIN = Actor("admin", "admin")


class SettableClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock()


@pytest.fixture
def users(store: Store, clock: SettableClock) -> UserService:
    return UserService(OfficeContext(store, clock))


def _actions(store: Store, actor: str) -> list[str]:
    with store.sessions() as session:
        return [e.action for e in reversed(audit.events(session, actor=actor))]


def test_a_right_password_logs_in_and_both_are_audited(users: UserService, store: Store) -> None:
    login = users.login("LI ", PASSWORD)  # the name is trimmed and lower-cased
    assert login.actor == Actor("li", "clerk") and not login.must_change_password
    users.logout(login)
    assert _actions(store, "li")[-2:] == ["login", "logout"]


def test_a_wrong_password_is_counted_but_the_answer_is_the_same_as_for_no_such_user(
    users: UserService, store: Store
) -> None:
    # issue 21 finding 12: "4 more tries" was said only for a name that exists
    for name in ("li", "li", "nobody"):
        with pytest.raises(LoginError) as refused:
            users.login(name, "wrong-pass-1")
        assert str(refused.value) == WRONG_LOGIN
    with store.sessions() as session:
        li = repo.user(session, "li")
    assert li is not None and li.failed_attempts == 2


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(
    users: UserService, store: Store
) -> None:
    with pytest.raises(LoginError) as unknown:
        users.login("nobody", PASSWORD)
    assert "the user name or the password is wrong" in str(unknown.value)
    assert _actions(store, "nobody") == ["login.failed"]


def test_five_failures_lock_for_fifteen_minutes_then_it_expires(
    users: UserService, clock: SettableClock
) -> None:
    for _ in range(4):
        with pytest.raises(LoginError):
            users.login("li", "wrong-pass-1")
    with pytest.raises(AccountLockedError) as locked:
        users.login("li", "wrong-pass-1")
    assert locked.value.until == clock.now + timedelta(minutes=15)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLockedError):  # the right password does not help while locked
        users.login("li", PASSWORD)
    clock.advance(seconds=1)
    assert users.login("li", PASSWORD).actor.username == "li"


def test_the_lock_survives_a_restart(
    store: Store, users: UserService, clock: SettableClock
) -> None:
    for _ in range(5):
        with pytest.raises(LoginError):
            users.login("li", "wrong-pass-1")
    folder = store.folder
    store.close()
    reopened = Store.open(folder)
    try:
        again = UserService(OfficeContext(reopened, clock))
        with pytest.raises(AccountLockedError):
            again.login("li", PASSWORD)
    finally:
        reopened.close()


def test_a_clock_set_back_starts_the_lock_again(users: UserService, clock: SettableClock) -> None:
    for _ in range(5):
        with pytest.raises(LoginError):
            users.login("li", "wrong-pass-1")
    clock.advance(days=-1)  # someone set the clock back a day
    with pytest.raises(AccountLockedError) as locked:
        users.login("li", PASSWORD)
    assert locked.value.until == clock.now + timedelta(minutes=15)
    clock.advance(minutes=15)
    assert users.login("li", PASSWORD).actor.username == "li"


def test_the_lockout_is_configurable_and_an_administrator_unlocks(
    users: UserService, clock: SettableClock
) -> None:
    users.set_policy(ADMIN, lockout_attempts=2, lockout_minutes=60)
    with pytest.raises(LoginError) as first:
        users.login("li", "wrong-pass-1")
    assert not isinstance(first.value, AccountLockedError)
    with pytest.raises(AccountLockedError):
        users.login("li", "wrong-pass-1")
    clock.advance(minutes=59)
    with pytest.raises(AccountLockedError):
        users.login("li", PASSWORD)
    users.unlock(ADMIN, "li")
    assert users.login("li", PASSWORD).actor.role == "clerk"
    with pytest.raises(ServiceError, match="lockout_attempts"):
        users.set_policy(ADMIN, lockout_attempts=0)
    with pytest.raises(ServiceError, match="unknown setting"):
        users.set_policy(ADMIN, colour="red")


def test_a_success_resets_the_count(users: UserService) -> None:
    for _ in range(4):
        with pytest.raises(LoginError):
            users.login("li", "wrong-pass-1")
    users.login("li", PASSWORD)
    for _ in range(4):  # a fresh count: four more wrong ones do not lock
        with pytest.raises(LoginError) as refused:
            users.login("li", "wrong-pass-1")
        assert not isinstance(refused.value, AccountLockedError)


def test_a_disabled_user_cannot_log_in_and_the_last_admin_stays(users: UserService) -> None:
    users.disable(ADMIN, "li", reason="left the office")
    with pytest.raises(LoginError, match="wrong"):
        users.login("li", PASSWORD)
    users.enable(ADMIN, "li")
    assert users.login("li", PASSWORD)
    with pytest.raises(ServiceError, match="your own account"):
        users.disable(ADMIN, "admin")
    users.add(ADMIN, username="boss", role="admin", password=PASSWORD)
    users.disable(Actor("boss", "admin"), "admin")
    with pytest.raises(ServiceError, match="last active administrator"):
        users.disable(Actor("li", "admin"), "boss")


def test_password_change_and_reset(users: UserService) -> None:
    with pytest.raises(ServiceError, match="at least 8"):
        users.change_password(Actor("li", "clerk"), PASSWORD, "short1")
    with pytest.raises(LoginError, match="current password is wrong"):
        users.change_password(Actor("li", "clerk"), "not-it-123", "new-pass-123")
    users.change_password(Actor("li", "clerk"), PASSWORD, "new-pass-123")
    assert users.login("li", "new-pass-123")
    users.reset_password(ADMIN, "li", "temp-pass-1")
    login = users.login("li", "temp-pass-1")
    assert login.must_change_password
    users.change_password(login.actor, "temp-pass-1", "mine-again-2")
    assert not users.login("li", "mine-again-2").must_change_password


def test_second_factor(users: UserService, clock: SettableClock) -> None:
    secret, uri = users.enrol_totp(ADMIN, "zhao")
    assert uri.startswith("otpauth://totp/") and secret in uri
    with pytest.raises(SecondFactorRequiredError):
        users.login("zhao", PASSWORD)
    totp = pyotp.TOTP(secret)
    code = totp.at(clock.now)
    assert users.login("zhao", PASSWORD, totp_code=code).actor.role == "supervisor"
    with pytest.raises(LoginError, match="wrong"):  # the same code is never taken twice
        users.login("zhao", PASSWORD, totp_code=code)
    clock.advance(seconds=30)
    assert users.login("zhao", PASSWORD, totp_code=totp.at(clock.now))
    clock.advance(minutes=5)
    with pytest.raises(LoginError, match="code is wrong"):  # an old code counts as a failure
        users.login("zhao", PASSWORD, totp_code=code)


def test_an_office_can_require_the_second_factor_for_a_role(
    users: UserService, clock: SettableClock
) -> None:
    with pytest.raises(ServiceError, match="lock you out"):
        users.set_policy(ADMIN, totp_roles=("supervisor", "admin"))
    users.set_policy(ADMIN, totp_roles=("supervisor",))
    with pytest.raises(LoginError, match="requires a second factor"):
        users.login("zhao", PASSWORD)
    assert users.login("li", PASSWORD)  # clerks are not asked
    secret, _ = users.enrol_totp(ADMIN, "zhao")
    login = users.login("zhao", PASSWORD, totp_code=pyotp.TOTP(secret).at(clock.now))
    assert login.actor.username == "zhao"


def test_only_an_administrator_manages_accounts(users: UserService) -> None:
    clerk = Actor("li", "clerk")
    supervisor = Actor("zhao", "supervisor")
    for actor in (clerk, supervisor):
        with pytest.raises(PermissionDeniedError, match="manage users"):
            users.add(actor, username="x1", role="clerk", password=PASSWORD)
        with pytest.raises(PermissionDeniedError):
            users.list(actor)
        with pytest.raises(PermissionDeniedError):
            users.reset_password(actor, "qian", "temp-pass-1")
        with pytest.raises(PermissionDeniedError):
            users.disable(actor, "qian")
        with pytest.raises(PermissionDeniedError):
            users.unlock(actor, "qian")
        with pytest.raises(PermissionDeniedError):
            users.set_policy(actor, idle_minutes=5)
        with pytest.raises(PermissionDeniedError):
            users.enrol_totp(actor, "qian")
    users.enrol_totp(clerk, "li")  # one's own second factor
    listed = {u.username: u for u in users.list(ADMIN)}
    assert listed["li"].second_factor and not listed["zhao"].second_factor


def test_unlocking_the_screen_needs_the_password_and_counts_failures(
    users: UserService,
) -> None:
    login = users.login("li", PASSWORD)
    for _ in range(4):
        with pytest.raises(LoginError):
            users.unlock_screen(login, "wrong-pass-1")
    users.unlock_screen(login, PASSWORD)  # resets the count
    for _ in range(4):
        with pytest.raises(LoginError):
            users.unlock_screen(login, "wrong-pass-1")
    with pytest.raises(AccountLockedError):
        users.unlock_screen(login, "wrong-pass-1")


def test_the_idle_lock(clock: SettableClock) -> None:
    lock = IdleLock(10, clock)
    clock.advance(minutes=9)
    lock.touch()
    clock.advance(minutes=9, seconds=59)
    assert not lock.locked
    clock.advance(seconds=1)
    assert lock.locked
    lock.touch()  # a key press behind the lock does not open it
    assert lock.locked
    lock.unlocked()
    assert not lock.locked
    clock.advance(hours=-2)  # a clock set back: ten minutes from now, not from before
    assert not lock.locked
    clock.advance(minutes=10)
    assert lock.locked


def test_a_store_set_up_earlier_can_be_logged_into_offline(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    Store.init(
        folder, office_code="370102001", police_station_name="站", admin_password=PASSWORD
    ).close()
    store = Store.open(folder)
    try:
        assert UserService(OfficeContext(store)).login("admin", PASSWORD).actor == ADMIN
    finally:
        store.close()
