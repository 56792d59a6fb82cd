"""Who may do what, by role; checked in the services (the desk only hides what a role
cannot do). The four roles: clerk (经办), supervisor (审核), collective-hukou
administrator (集体户管理员), office administrator (管理员)."""

from __future__ import annotations

from enum import StrEnum

from caseworker.models.workflow import Action
from caseworker.services.base import Actor, PermissionDeniedError


class Role(StrEnum):
    """The four roles; ``Actor.role`` holds one of these values. In this order they are
    offered and listed (``store.ROLES``)."""

    CLERK = "clerk"  # 经办
    SUPERVISOR = "supervisor"  # 审核
    COLLECTIVE_ADMINISTRATOR = "collective_administrator"  # 集体户管理员
    ADMIN = "admin"  # 管理员


#: each role's Chinese name, as the desk and the audit trail show it
ROLE_ZH: dict[str, str] = {
    Role.CLERK: "经办",
    Role.SUPERVISOR: "审核",
    Role.COLLECTIVE_ADMINISTRATOR: "集体户管理员",
    Role.ADMIN: "管理员",
}
#: who supervises: approves, refuses, voids, reads the audit trail, resolves conflicts
SUPERVISING: frozenset[str] = frozenset({Role.SUPERVISOR, Role.ADMIN})
#: who works at the counter
COUNTER: frozenset[str] = frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN})
#: everyone who may open an application
ALL_ROLES: frozenset[str] = frozenset(Role)


#: who may take each step of an application (tests/services/test_roles.py holds this
#: against what the services refuse; the desk enables its step buttons by it)
STEP_ROLES: dict[Action, frozenset[str]] = {
    Action.EDIT: ALL_ROLES,
    Action.ACCEPT: ALL_ROLES,
    Action.DECIDE: ALL_ROLES,
    Action.APPROVE: SUPERVISING,
    Action.REFUSE: SUPERVISING,
    Action.VOID: SUPERVISING,
    Action.ISSUE_PERMIT: ALL_ROLES - {Role.COLLECTIVE_ADMINISTRATOR},
    Action.MARK_SETTLED: ALL_ROLES - {Role.COLLECTIVE_ADMINISTRATOR},
    Action.WITHDRAW: ALL_ROLES,
}


def may_take(actor: Actor, step: Action) -> bool:
    """Whether ``actor``'s role may take ``step`` at all (the state and maker-checker
    are the workflow's and the service's to say)."""
    return actor.role in STEP_ROLES[step]


class Permission(StrEnum):
    MANAGE_USERS = "manage users and the office's security settings"
    READ_AUDIT = "read and verify the audit trail"
    EXPORT = "export personal data"
    SEE_FULL_ID_IN_LISTS = "see full ID numbers in lists"
    VIEW_RECORD = "open a person's full record"
    BACKUP = "back up or restore the store"


GRANTS: dict[Permission, frozenset[str]] = {
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.READ_AUDIT: SUPERVISING,
    Permission.EXPORT: SUPERVISING,
    Permission.SEE_FULL_ID_IN_LISTS: SUPERVISING,
    Permission.BACKUP: frozenset({Role.ADMIN}),
    Permission.VIEW_RECORD: ALL_ROLES,
}


def allowed(actor: Actor, permission: Permission) -> bool:
    return actor.role in GRANTS[permission]


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor, permission):
        raise PermissionDeniedError(
            code="permission.role_may_not",
            username=actor.username,
            role=actor.role,
            what=permission.value,
            roles=", ".join(sorted(GRANTS[permission])),
        )


def require_role(actor: Actor, roles: frozenset[str], what: str) -> None:
    """For a step that belongs to a set of roles rather than one permission."""
    if actor.role not in roles:
        raise PermissionDeniedError(
            code="permission.role_may_not",
            username=actor.username,
            role=actor.role,
            what=what,
            roles=", ".join(sorted(roles)),
        )
