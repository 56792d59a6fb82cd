"""What every service shares: who is acting, and the errors a request can meet.

A refusal is data: a ``ServiceError`` carries a ``code`` (a stable name, one per kind of
refusal), the ``field`` it concerns (a stable name such as ``applicant.id_number`` that a
front end maps to the label it shows, never shown itself) and its ``params``. ``str()``
stays the one-line English sentence the command line and the logs show; the desk words
the code in its own language (``ui/errors.py``). ``ENGLISH`` holds the English rendering
of every code, ``CODES`` lists them (a test walks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class ServiceError(Exception):
    """A request that cannot be done; ``str()`` is one line saying why and what to do."""

    code: str = "refused"

    def __init__(
        self,
        message: str = "",
        *,
        field: str | None = None,
        code: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message or render_english(code or self.code, params))
        if code is not None:
            self.code = code  # a finer code than the class's
        self.field = field
        self.params: dict[str, Any] = params

    @property
    def detail(self) -> str:
        """The English sentence (a refusal without its own wording yet shows this)."""
        return str(self)


class NotFoundError(ServiceError):
    code = "not_found"


class DuplicateError(ServiceError):
    code = "duplicate"


class PermissionDeniedError(ServiceError):
    code = "permission_denied"


class InvalidInputError(ServiceError):
    """Input that does not validate (a case, its records); ``field`` says where."""

    code = "invalid_input"


class StepNotAllowedError(ServiceError):
    """A workflow step the application's state does not allow."""

    code = "step_not_allowed"


class StaleVersionError(ServiceError):
    """An edit made on a version of the application that is no longer the current one
    (someone else saved it since it was opened): the optimistic lock."""

    code = "application.stale_version"


class ChangedMeanwhileError(ServiceError):
    """The row changed between reading and writing it in one transaction."""

    code = "changed_meanwhile"


#: The English wording of every code; ``{detail}`` is the error's own sentence.
ENGLISH: dict[str, str] = {
    "refused": "{detail}",
    "not_found": "{detail}",
    "duplicate": "{detail}",
    "permission_denied": "{detail}",
    "invalid_input": "{detail}",
    "step_not_allowed": "{detail}",
    "application.stale_version": (
        "application {number} was changed by someone else after you opened it "
        "(you saw version {seen}, it is now {current}); open it again and redo your change"
    ),
    "application.names_missing": (
        "cannot accept {number}: the name as the 户口簿 shows it is required "
        "(missing: {fields}); edit the application and add it (on the command line: run "
        "`caseworker apply` again with the corrected file, or `caseworker edit {number} FILE`)"
    ),
    "application.role_may_not": ("{username} ({role}) may not {action}; it needs one of: {roles}"),
    "changed_meanwhile": (
        "the {what} was changed by someone else meanwhile; open it again and redo your change"
    ),
}
CODES: tuple[str, ...] = tuple(ENGLISH)


def render_english(code: str, params: dict[str, Any]) -> str:
    template = ENGLISH.get(code, "{detail}")
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str


def mask_id(number: str | None) -> str:
    """An ID number as logs and audit details may show it."""
    if not number:
        return ""
    return f"{number[:6]}********{number[14:]}" if len(number) == 18 else "****"
