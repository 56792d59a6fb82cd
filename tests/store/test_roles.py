"""Every service refuses a role that may not call it: the whole matrix, role by role.

The services check roles themselves (the desk only hides what a role cannot do), so each
call below is made directly, by each of the four roles."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import Actor, ApplicationService, PermissionDeniedError
from caseworker.services.audit import AuditService
from caseworker.services.printing import PrintingService
from caseworker.services.store import ROLES, Store
from caseworker.services.users import UserService
from tests.store.conftest import CLERK, PASSWORD, application

DESK = {"clerk", "supervisor", "admin", "collective_administrator"}
SUPERVISING = {"supervisor", "admin"}
ADMIN_ONLY = {"admin"}

Call = Callable[[Actor, ApplicationService, str], Any]

MATRIX: list[tuple[str, Call, set[str]]] = [
    ("ApplicationService.create_draft", lambda a, s, n: s.create_draft(a, application()), DESK),
    ("ApplicationService.accept", lambda a, s, n: s.accept(a, n), DESK),
    ("ApplicationService.decide", lambda a, s, n: s.decide(a, n), DESK),
    ("ApplicationService.approve", lambda a, s, n: s.approve(a, n), SUPERVISING),
    (
        "ApplicationService.issue_permit",
        lambda a, s, n: s.issue_permit(a, n),
        DESK - {"collective_administrator"},
    ),
    (
        "ApplicationService.mark_settled",
        lambda a, s, n: s.mark_settled(a, n),
        DESK - {"collective_administrator"},
    ),
    ("ApplicationService.refuse", lambda a, s, n: s.refuse(a, n, "理由"), SUPERVISING),
    ("ApplicationService.void", lambda a, s, n: s.void(a, n, "理由"), SUPERVISING),
    ("ApplicationService.withdraw", lambda a, s, n: s.withdraw(a, n), DESK),
    ("ApplicationService.edit", lambda a, s, n: s.edit(a, n, application()), DESK),
    ("ApplicationService.apply", lambda a, s, n: s.apply(a, application()), DESK),
    ("ApplicationService.open_record", lambda a, s, n: s.open_record(a, n), DESK),
    ("ApplicationService.search", lambda a, s, n: s.search(a, ""), DESK),
    (
        "ApplicationService.mark_document_seen",
        lambda a, s, n: s.mark_document_seen(a, n, "户口簿"),
        DESK,
    ),
    (
        "ApplicationService.attach_scan",
        lambda a, s, n: s.attach_scan(a, n, filename="x.png", content=b"x", media_type="image/png"),
        DESK,
    ),
    (
        "PrintingService.print_document",
        lambda a, s, n: PrintingService(s).print_document(a, n, DocumentKind.RECEIPT),
        DESK,
    ),
    (
        "PrintingService.void_printed",
        lambda a, s, n: PrintingService(s).void_printed(a, "SL-X", "理由"),
        SUPERVISING,
    ),
    ("AuditService.verify", lambda a, s, n: AuditService(s.store).verify(a), SUPERVISING),
    ("AuditService.events", lambda a, s, n: AuditService(s.store).events(a), SUPERVISING),
    (
        "UserService.add",
        lambda a, s, n: UserService(s.store).add(
            a, username="newone", role="clerk", password=PASSWORD
        ),
        ADMIN_ONLY,
    ),
    ("UserService.list", lambda a, s, n: UserService(s.store).list(a), ADMIN_ONLY),
    ("UserService.disable", lambda a, s, n: UserService(s.store).disable(a, "qian"), ADMIN_ONLY),
    ("UserService.enable", lambda a, s, n: UserService(s.store).enable(a, "qian"), ADMIN_ONLY),
    (
        "UserService.remove_totp",
        lambda a, s, n: UserService(s.store).remove_totp(a, "qian"),
        ADMIN_ONLY,
    ),
    ("UserService.unlock", lambda a, s, n: UserService(s.store).unlock(a, "qian"), ADMIN_ONLY),
    (
        "UserService.reset_password",
        lambda a, s, n: UserService(s.store).reset_password(a, "qian", "temp-pass-1"),
        ADMIN_ONLY,
    ),
    (
        "UserService.enrol_totp",
        lambda a, s, n: UserService(s.store).enrol_totp(a, "qian"),
        ADMIN_ONLY,
    ),
    (
        "UserService.set_policy",
        lambda a, s, n: UserService(s.store).set_policy(a, idle_minutes=5),
        ADMIN_ONLY,
    ),
]

REFUSED = [
    pytest.param(name, call, role, id=f"{name}-{role}")
    for name, call, allowed in MATRIX
    for role in ROLES
    if role not in allowed
]


#: acting on oneself only: any role may change their own password
SELF_SERVICE = {"UserService.change_password"}


def test_the_matrix_covers_every_service_call_that_takes_an_actor() -> None:
    assert set(ROLES) == DESK
    taking_an_actor = {
        f"{cls.__name__}.{name}"
        for cls in (ApplicationService, PrintingService, UserService, AuditService)
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_") and "actor" in inspect.signature(member).parameters
    }
    assert taking_an_actor - SELF_SERVICE == {name for name, _, _ in MATRIX}


@pytest.mark.parametrize(("name", "call", "role"), REFUSED)
def test_a_role_that_may_not_is_refused_and_nothing_changes(
    apps: ApplicationService, store: Store, name: str, call: Call, role: str
) -> None:
    number = apps.create_draft(CLERK, application()).number
    before = _audit_count(store)
    with pytest.raises(PermissionDeniedError) as refused:
        call(Actor(f"someone-{role}", role), apps, number)
    assert role in str(refused.value)
    assert _audit_count(store) == before, f"{name} by {role} left an audit event"
    assert apps.get(number).state == "draft"


@pytest.mark.parametrize(
    ("name", "call", "role"),
    [
        pytest.param(name, call, role, id=f"{name}-{role}")
        for name, call, allowed in MATRIX
        for role in sorted(allowed)
        if name
        in {
            "ApplicationService.open_record",
            "ApplicationService.search",
            "AuditService.events",
            "UserService.list",
            "PrintingService.print_document",
        }
    ],
)
def test_a_role_that_may_is_let_through(
    apps: ApplicationService, name: str, call: Call, role: str
) -> None:
    number = apps.create_draft(CLERK, application()).number
    if name == "PrintingService.print_document":
        apps.accept(CLERK, number)
    call(Actor(f"someone-{role}", role), apps, number)


def _audit_count(store: Store) -> int:
    from caseworker.storage import repositories as repo  # noqa: PLC0415

    with store.sessions() as session:
        return repo.count_rows(session, "audit_events")
