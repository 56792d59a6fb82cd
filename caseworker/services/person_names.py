"""One name per ID number (issue 25's tester, item 1).

Persons are shared by ID number, so a name typed for one application is the name every
application naming that person shows. A new or edited application may therefore not give
a person another name while another application's record holds them: that would rename
the holder of another application (an issued permit's, say) with no event in its history.
The clerk is told which application holds the ID number under which name; a collective-
hukou administrator, who may not see that application, is told only that one does."""

from __future__ import annotations

from caseworker.models.workflow import State
from caseworker.services.base import Actor, DuplicateError, mask_id
from caseworker.services.context import Session
from caseworker.services.permissions import Role
from caseworker.storage import repositories as repo

#: every state: a voided or refused application's record is not renamed either
_ANY_STATE = tuple(state.value for state in State)


def guard_person_name(
    session: Session,
    *,
    actor: Actor,
    id_number: str | None,
    name: str,
    exclude: int | None,
) -> None:
    """Refuse ``name`` for ``id_number`` when another application holds that ID number
    under a different name (an empty name keeps the one on record: see ``save_person``)."""
    if not id_number or not name.strip():
        return
    known = repo.person_named(session, id_number)
    if known is None or known[1] == name or not known[1]:
        return
    person_id, held_name = known
    others = repo.applications_of_person(session, person_id, _ANY_STATE, exclude=exclude)
    if not others:
        return
    masked = mask_id(id_number)
    if actor.role == Role.COLLECTIVE_ADMINISTRATOR:
        raise DuplicateError(
            code="application.person_named_elsewhere",
            id_masked=masked,
            name=name,
        )
    raise DuplicateError(
        code="application.person_named_otherwise",
        id_masked=masked,
        name=name,
        held_name=held_name,
        other=others[0][0],
    )
