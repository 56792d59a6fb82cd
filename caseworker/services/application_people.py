"""The people an application names, saved as persons (found again by ID number), each
after the guard that a person another application holds is not renamed."""

from __future__ import annotations

from caseworker.models.facts import Case
from caseworker.models.records import Records
from caseworker.services.base import Actor
from caseworker.services.context import Session
from caseworker.services.person_names import guard_person_name
from caseworker.storage import repositories as repo


def save_people(
    session: Session,
    case: Case,
    records: Records,
    *,
    actor: Actor,
    exclude: int | None,
) -> int:
    """The applicant's person row, saved (or found by ID number), after the guard that a
    person another application holds is not renamed; its id."""
    rid = case.applicant.resident_id
    guard_person_name(
        session,
        actor=actor,
        id_number=rid.number,
        name=records.applicant.name,
        exclude=exclude,
    )
    return repo.save_person(
        session,
        id_number=rid.number,
        birth_date=rid.birth_date,
        sex=rid.sex.value,
        card=records.applicant,
        household=records.household,
    )


def relative_rows(
    session: Session,
    case: Case,
    records: Records,
    *,
    actor: Actor,
    exclude: int | None,
) -> list[tuple[int, str]]:
    """Each accompanying relative's person row (saved as the applicant's is) and relation."""
    rows = []
    for i, relative in enumerate(case.family):
        card = records.family[i] if i < len(records.family) else type(records.applicant)()
        guard_person_name(
            session,
            actor=actor,
            id_number=relative.id_number,
            name=card.name,
            exclude=exclude,
        )
        person_id = repo.save_person(
            session,
            id_number=relative.id_number,
            birth_date=relative.resolved_birth_date,
            sex=relative.resolved_sex.value,
            card=card,
            household=None,
        )
        rows.append((person_id, relative.relation.value))
    return rows
