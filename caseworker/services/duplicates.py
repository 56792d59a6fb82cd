"""The duplicate guard: a person has one open application and is settled once, here and,
as the centre's person index last said, at other offices. A role that may not see the
other application (a collective-hukou administrator) is told only that there is one, with
no number, state or office."""

from __future__ import annotations

from caseworker.models.workflow import OPEN_STATES, State
from caseworker.services.base import Actor, DuplicateError
from caseworker.services.context import Session
from caseworker.services.permissions import Role
from caseworker.storage import repositories as repo
from caseworker.storage import search as search_repo
from caseworker.storage import sync as sync_repo
from caseworker.storage.repositories import ApplicationView
from caseworker.sync.protocol import CLAIMING_STATES


def may_see(session: Session, number: str, actor: Actor | None) -> bool:
    """Whether ``actor`` may see application ``number`` (everyone but a collective-hukou
    administrator sees every one; None: the caller checked)."""
    if actor is None or actor.role != Role.COLLECTIVE_ADMINISTRATOR:
        return True
    found = repo.load(session, number)
    return found is not None and search_repo.visible_to_collective_administrator(
        session, application_id=found.id, username=actor.username
    )


def guard_duplicates(
    session: Session, applicant_id: int, *, exclude: int | None, actor: Actor
) -> None:
    """Refuse a second open application of the applicant, or one already settled here."""
    found = repo.applications_of_person(
        session,
        applicant_id,
        [*(s.value for s in OPEN_STATES), State.SETTLED.value],
        exclude=exclude,
    )
    hidden = any(not may_see(session, n, actor) for n, _, _ in found)
    if hidden and any(role == "applicant" or s == State.SETTLED.value for _, s, role in found):
        raise DuplicateError(code="application.exists_here")
    mine = [(n, s) for n, s, role in found if role == "applicant" and s != State.SETTLED.value]
    if mine:
        raise DuplicateError(code="application.open_already", other=mine[0][0], state=mine[0][1])
    settled = [(n, s) for n, s, _ in found if s == State.SETTLED.value]
    if settled:
        raise DuplicateError(code="application.settled_already", other=settled[0][0])


def guard_elsewhere(
    session: Session, view: ApplicationView, actor: Actor, *, office_code: str
) -> None:
    """The centre's person index (as last pulled): an applicant settled, or in an open
    application, at another office is flagged before acceptance."""
    found = sync_repo.elsewhere(
        session, view.applicant.id_number, office_code=office_code, states=CLAIMING_STATES
    )
    if found and actor.role == Role.COLLECTIVE_ADMINISTRATOR:
        raise DuplicateError(code="application.exists_elsewhere")
    if found:
        office, other, state = found[0]
        raise DuplicateError(
            code="application.indexed_elsewhere", other=other, state=state, office=office
        )
