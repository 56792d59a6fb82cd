"""What every service shares: who is acting, and the errors a request can meet.

A refusal is data: a ``ServiceError`` carries a ``code`` (a stable name, one per kind of
refusal), the ``field`` it concerns (a stable name such as ``applicant.id_number`` that a
front end maps to the label it shows, never shown itself) and its ``params``. ``str()``
stays the one-line English sentence the command line and the logs show; the desk words
the code in its own language (``ui/errors.py``). ``ENGLISH`` holds the English rendering
of every code, ``CODES`` lists them (a test walks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from caseworker.models.resident_id import ResidentIdError
from caseworker.services.refusals import MORE_ENGLISH


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


class TamperedError(StepNotAllowedError):
    """The application's row disagrees with its audit trail: changed outside the program."""

    code = "application.tampered"


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
        "application {number} was changed by someone else (已被他人修改) after you opened "
        "it (you saw version {seen}, it is now {current}); open it again (`caseworker show "
        "{number}` prints its version) and redo your change"
    ),
    "application.names_missing": (
        "cannot accept {number}: the name as the 户口簿 shows it is required "
        "(missing: {fields}); edit the application and add it (on the command line: run "
        "`caseworker apply` again with the corrected file, or `caseworker edit {number} FILE`)"
    ),
    "application.role_may_not": ("{username} ({role}) may not {action}; it needs one of: {roles}"),
    # the refusals a clerk meets most at the counter (issue 20)
    "application.not_found": (
        "no application {number!r} in this store; `caseworker search` finds one by name or "
        "ID number"
    ),
    "application.maker_checker_accepted": (
        "{username} accepted {number} and so cannot approve it too; another supervisor must "
        "(maker-checker)"
    ),
    "application.maker_checker_facts": (
        "{username} entered or changed facts of {number} that its decision rests on, and so "
        "cannot approve it; another supervisor must (maker-checker)"
    ),
    "application.maker_checker_accepted_refuse": (
        "{username} accepted {number} and so cannot refuse it either; another supervisor "
        "must decide it (maker-checker)"
    ),
    "application.maker_checker_facts_refuse": (
        "{username} entered or changed facts of {number} that its decision rests on, and so "
        "cannot refuse it; another supervisor must decide it (maker-checker)"
    ),
    "application.person_settled": (
        "cannot settle {number}: {who} {name} was already settled here under {other}; a "
        "person is settled only once"
    ),
    "application.not_eligible": (
        "cannot approve {number}: its decision is {decision}, not eligible; answer the open "
        "questions and decide again, or refuse it with reasons"
    ),
    "application.tampered": (
        "{number} was refused: {found}. This was written into the audit trail; call the "
        "office IT person and the supervisor (`caseworker audit verify` lists every such "
        "application)"
    ),
    "application.documents_closed": "{number} is {state}; its documents are closed",
    "application.document_name_needed": (
        "the document's name is required, as the checklist shows it"
    ),
    "application.reason_needed": "{action} ({action_zh}) needs a reason; it is kept and printed",
    "application.indexed_elsewhere": (
        "the central person index shows this applicant in application {other} ({state}) at "
        "office {office}; settle it with that office before accepting here (the index is as "
        "of the last sync)"
    ),
    "application.open_already": (
        "this person already has open application {other} ({state}); continue that one (on "
        "the command line: `caseworker edit {other} FILE`), or withdraw it first"
    ),
    "application.settled_already": (
        "this person was already settled here under {other}; a person is settled only once"
    ),
    # impossible input (application_checks.py), and what a role that may not see an
    # application is told about it
    "application.date_in_future": (
        "the application date {on} is after today ({today}); an application is dated the "
        "day it is made: correct the application date"
    ),
    "application.date_before_policies": (
        "the application date {on} is before the first settlement policy this desk holds "
        "(in force from {first}); check the date, or decide the application on paper"
    ),
    "application.exists_here": (
        "this person already has an application at this office; ask the counter (户籍窗口)"
    ),
    "application.materials_missing": (
        "cannot issue the permit of {number}: not every material of the route it is issued "
        "under is recorded as seen (missing: {listed}); see each and tick it (on the command "
        "line: `caseworker seen {number} MATERIAL …`), then issue the permit"
    ),
    "application.exists_elsewhere": (
        "the central person index shows this person in an application at another office; "
        "ask the counter (户籍窗口)"
    ),
    "relative.is_applicant": (
        "{who} has the applicant's own ID number; the applicant is not their own relative: "
        "correct the ID number or remove the relative"
    ),
    "relative.listed_twice": (
        "{who} is the same person as family member {first}; list each relative once"
    ),
    "relative.not_younger": (
        "{who} was born {born}, but a {relation} is born at least {years} years after the "
        "applicant (born {applicant_born}); check the birth date and the relation"
    ),
    "relative.not_older": (
        "{who} was born {born}, but a {relation} is born at least {years} years before the "
        "applicant (born {applicant_born}); check the birth date and the relation"
    ),
    "relative.spouse_of_unmarried": (
        "{who}: the applicant's marital status is {status}, so there is no spouse to "
        "accompany; correct the applicant's marital status or the relation"
    ),
    "relative.spouse_not_married": (
        "{who}: a spouse whose own marital status is {status}; correct the marital status "
        "or the relation"
    ),
    "relative.second_spouse": (
        "{who}: a second spouse; an applicant has one spouse, check the relations"
    ),
    "application.person_named_otherwise": (
        "ID number {id_masked} is on application {other} under the name {held_name}, not "
        "{name} (身份证号 {id_masked} 在申请 {other} 中登记为 {held_name}): check the name "
        "and the number; a person has one name on every application, and {other}'s record "
        "is corrected only on {other} itself"
    ),
    "application.person_named_elsewhere": (
        "ID number {id_masked} is on another application of this office under another "
        "name than {name} (身份证号 {id_masked} 已在本所其他申请中以其他姓名登记): check the "
        "name and the number, or ask the station's clerks"
    ),
    "scan.empty": "{filename}: the file is empty; scan it again",
    "scan.too_large": (
        "{filename}: {megabytes} MB is more than a scan may be ({limit} MB); scan at 300 dpi "
        "in colour JPEG"
    ),
    "print.not_in_state": "a {kind} ({title}) is not printed for an application that is {state}",
    "print.nothing_to_reprint": "there is no printed {kind} of {number} to reprint",
    "print.printed_already": (
        "the {kind} of {number} was printed as {document}; use reprint (补打), which keeps "
        "its number"
    ),
    "print.voided_needs_reprint": (
        "the {kind} of {number}, {document}, was voided ({reason}); a void stays: a new copy "
        "is a reprint (补打) with its own copy number, which a supervisor prints "
        "(`caseworker print {kind} {number} --reprint`)"
    ),
    "print.reprint_after_void": (
        "{document} was voided; only a supervisor (审核) may print a new copy (补打) of it, "
        "so that a void is not undone at the counter"
    ),
    "print.may_not_print": "{username} ({role}) may not print",
    "print.may_not_void": "{username} ({role}) may not void a printed document",
    "login.totp_not_enrolled": (
        "this office requires a second factor (动态口令) for {role}; ask an administrator to "
        "run `caseworker users totp {username}`"
    ),
    "print.void_reason_needed": "voiding a printed document needs a reason; it is kept",
    "print.no_live_document": "no printed document {document!r} that is not void",
    "login.wrong": (
        "the user name or the password is wrong, or the account is locked for a while after "
        "too many wrong passwords; try again later, or ask an administrator to unlock it"
    ),
    "login.code_needed": "enter the 6-digit code from your authenticator app",
    "login.code_wrong": "the code is wrong or was already used; wait for the next one",
    "user.disabled": "this account was disabled; log in as another user",
    "user.password_wrong": "the current password is wrong; nothing was changed",
    "user.password_same": "the new password must differ from the current one",
    "user.password_rule": "password: {problem}",
    "changed_meanwhile": (
        "the {what} was changed by someone else meanwhile; open it again and redo your change"
    ),
}
ENGLISH.update(MORE_ENGLISH)
CODES: tuple[str, ...] = tuple(ENGLISH)


def render_english(code: str, params: dict[str, Any]) -> str:
    template = ENGLISH.get(code, "{detail}")
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def unknown_choice(
    *, field: str, name: str, value: str, choices: Iterable[str]
) -> InvalidInputError:
    """A value that is not one of the choices (``name`` as the command line calls it)."""
    return InvalidInputError(
        code="choice.unknown", field=field, name=name, value=value, choices=", ".join(choices)
    )


def invalid_id_number(exc: ResidentIdError, *, field: str, typed: str) -> InvalidInputError:
    """A resident ID number that does not validate, as a refusal about ``field``: the
    ID's own problem (``id_problem`` and its params) travels with it for the desk."""
    return InvalidInputError(
        code="id_number.invalid",
        field=field,
        name=field,
        number=typed,
        problem=str(exc),
        id_problem=exc.code,
        id_params=dict(exc.params),
    )


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str


def mask_id(number: str | None) -> str:
    """An ID number as logs and audit details may show it."""
    if not number:
        return ""
    return f"{number[:6]}********{number[14:]}" if len(number) == 18 else "****"
