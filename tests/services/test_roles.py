"""Every service refuses a role that may not call it: the whole matrix, role by role.

The services check roles themselves (the desk only hides what a role cannot do), so each
call below is made directly, by each of the four roles."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from caseworker.printing.model import DocumentKind
from caseworker.services.application_input import ApplicationInput
from caseworker.services.applications import Actor, ApplicationService, PermissionDeniedError
from caseworker.services.audit import AuditService
from caseworker.services.collectives import CollectiveService
from caseworker.services.printing import PrintingService
from caseworker.services.statistics import StatisticsService
from caseworker.services.store import ROLES, Store
from caseworker.services.users import UserService
from tests.stores import CLERK, PASSWORD, application

DESK = {"clerk", "supervisor", "admin", "collective_administrator"}
SUPERVISING = {"supervisor", "admin"}
ADMIN_ONLY = {"admin"}

Call = Callable[[Actor, ApplicationService, str], Any]
VIEW = DESK - {"collective_administrator"}  # statistics: aggregates, no collective's roster
PERIOD = {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)}

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
    (
        "ApplicationService.save",
        lambda a, s, n: s.save(a, ApplicationInput(application(), number=n)),
        DESK,
    ),
    ("ApplicationService.apply", lambda a, s, n: s.apply(a, application()), DESK),
    ("ApplicationService.open_record", lambda a, s, n: s.open_record(a, n), DESK),
    # every role reads the warnings; what a role may not see is not named (issue: roles)
    ("ApplicationService.flags", lambda a, s, n: s.flags(n, actor=a), DESK),
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
        lambda a, s, n: PrintingService(s.context).print_document(a, n, DocumentKind.RECEIPT),
        DESK,
    ),
    (
        "PrintingService.void_printed",
        lambda a, s, n: PrintingService(s.context).void_printed(a, "SL-X", "理由"),
        SUPERVISING,
    ),
    (  # anyone may check a paper (an anonymous check too); only the reasons differ
        "PrintingService.verify",
        lambda a, s, n: PrintingService(s.context).verify("CW1|XXXX|SL-1|0|AAAA|abc", actor=a),
        DESK,
    ),
    ("AuditService.verify", lambda a, s, n: AuditService(s.context).verify(a), SUPERVISING),
    ("AuditService.events", lambda a, s, n: AuditService(s.context).events(a), SUPERVISING),
    (
        "UserService.add",
        lambda a, s, n: UserService(s.context).add(
            a, username="newone", role="clerk", password=PASSWORD
        ),
        ADMIN_ONLY,
    ),
    ("UserService.list", lambda a, s, n: UserService(s.context).list(a), ADMIN_ONLY),
    ("UserService.disable", lambda a, s, n: UserService(s.context).disable(a, "qian"), ADMIN_ONLY),
    ("UserService.enable", lambda a, s, n: UserService(s.context).enable(a, "qian"), ADMIN_ONLY),
    (
        "UserService.remove_totp",
        lambda a, s, n: UserService(s.context).remove_totp(a, "qian"),
        ADMIN_ONLY,
    ),
    ("UserService.unlock", lambda a, s, n: UserService(s.context).unlock(a, "qian"), ADMIN_ONLY),
    (
        "UserService.reset_password",
        lambda a, s, n: UserService(s.context).reset_password(a, "qian", "temp-pass-1"),
        ADMIN_ONLY,
    ),
    (
        "UserService.enrol_totp",
        lambda a, s, n: UserService(s.context).enrol_totp(a, "qian"),
        ADMIN_ONLY,
    ),
    (
        "UserService.set_policy",
        lambda a, s, n: UserService(s.context).set_policy(a, idle_minutes=5),
        ADMIN_ONLY,
    ),
    *[
        (f"CollectiveService.{name}", call, roles)
        for name, call, roles in (
            (
                "create",
                lambda a, s, n: CollectiveService(s.context).create(
                    a, kind="unit", name="某单位", address="1号", division_code="370102"
                ),
                SUPERVISING,
            ),
            (
                "edit",
                lambda a, s, n: CollectiveService(s.context).edit(a, "JT-X", name="x"),
                DESK - {"clerk"},
            ),
            (
                "close",
                lambda a, s, n: CollectiveService(s.context).close(a, "JT-X", "撤销"),
                SUPERVISING,
            ),
            ("collectives", lambda a, s, n: CollectiveService(s.context).collectives(a), DESK),
            ("get", lambda a, s, n: CollectiveService(s.context).get(a, "JT-X"), DESK),
            ("roster", lambda a, s, n: CollectiveService(s.context).roster(a, "JT-X"), DESK),
            ("history", lambda a, s, n: CollectiveService(s.context).history(a, "X"), DESK),
            ("admit", lambda a, s, n: CollectiveService(s.context).admit(a, "JT-X", n), DESK),
            (
                "move_out",
                lambda a, s, n: CollectiveService(s.context).move_out(
                    a, "JT-X", "X", destination="y"
                ),
                DESK,
            ),
            (
                "transfer",
                lambda a, s, n: CollectiveService(s.context).transfer(
                    a, "JT-X", "X", to_collective="Y"
                ),
                DESK,
            ),
            (
                "add_evidence",
                lambda a, s, n: CollectiveService(s.context).add_evidence(
                    a, n, kind="owner_consent", consent_date=date(2024, 1, 1)
                ),
                DESK,
            ),
            ("evidence", lambda a, s, n: CollectiveService(s.context).evidence(a, n), DESK),
            (
                "print_evidence",
                lambda a, s, n: CollectiveService(s.context).print_evidence(a, 1),
                DESK,
            ),
            (
                "roster_pdf",
                lambda a, s, n: CollectiveService(s.context).roster_pdf(a, "JT-X"),
                DESK,
            ),
            (
                "export_roster",
                lambda a, s, n: CollectiveService(s.context).export_roster(a, "JT-X"),
                SUPERVISING,
            ),
            (
                "apply_booklet",
                lambda a, s, n: CollectiveService(s.context).apply_booklet(
                    a, "JT-X", head="X", members=[]
                ),
                DESK,
            ),
            (
                "decide_booklet",
                lambda a, s, n: CollectiveService(s.context).decide_booklet(a, "HB-X"),
                SUPERVISING,
            ),
            ("booklet", lambda a, s, n: CollectiveService(s.context).booklet(a, "HB-X"), DESK),
            ("booklets", lambda a, s, n: CollectiveService(s.context).booklets(a, "JT-X"), DESK),
            (
                "print_booklet",
                lambda a, s, n: CollectiveService(s.context).print_booklet(a, "HB-X"),
                DESK,
            ),
        )
    ],
    *[
        (f"StatisticsService.{name}", call, roles)
        for name, call, roles in (
            (
                "table",
                lambda a, s, n: StatisticsService(s.context).table(a, **PERIOD, by="route"),
                VIEW,
            ),
            (
                "keys",
                lambda a, s, n: StatisticsService(s.context).keys(a, **PERIOD, by="route"),
                VIEW,
            ),
            (
                "behind",
                lambda a, s, n: StatisticsService(s.context).behind(
                    a, **PERIOD, by="route", key=""
                ),
                VIEW,
            ),
            (
                "export",
                lambda a, s, n: StatisticsService(s.context).export(
                    a, **PERIOD, by=("route",), file_format="csv"
                ),
                SUPERVISING,
            ),
        )
    ],
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
        for cls in (
            ApplicationService,
            PrintingService,
            UserService,
            AuditService,
            CollectiveService,
            StatisticsService,
        )
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
    actor = Actor(f"someone-{role}", role)
    # a collective-hukou administrator sees only their own applications (issue 21)
    maker = actor if role == "collective_administrator" else CLERK
    number = apps.create_draft(maker, application()).number
    if name == "PrintingService.print_document":
        apps.accept(CLERK, number)
    call(actor, apps, number)


def _audit_count(store: Store) -> int:
    from caseworker.storage import repositories as repo  # noqa: PLC0415

    with store.sessions() as session:
        return repo.count_rows(session, "audit_events")


def test_the_step_roles_the_desk_enables_by_are_those_the_services_enforce() -> None:
    """STEP_ROLES (what the desk's step buttons follow) agrees with the matrix above,
    which is checked against the services themselves."""
    from caseworker.models.workflow import Action  # noqa: PLC0415
    from caseworker.services.permissions import STEP_ROLES  # noqa: PLC0415

    enforced = {
        name.removeprefix("ApplicationService."): roles
        for name, _, roles in MATRIX
        if name.startswith("ApplicationService.")
    }
    for action in Action:
        assert set(STEP_ROLES[action]) == enforced[action.value], action
