"""Persons: one row per person (by ID number where there is one), with the hukou-book
records as last seen. Functions take a Session and return frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models.names import pinyin_keys, search_keys
from caseworker.models.records import HouseholdPage, RegistrationCard
from caseworker.storage import schema


@dataclass(frozen=True, slots=True)
class PersonView:
    id: int
    id_number: str | None
    name: str
    sex: str
    birth_date: date | None
    card: dict[str, str]
    household: dict[str, str]


def _person_view(row: schema.Person) -> PersonView:
    card = RegistrationCard(
        name=row.name,
        relation_to_head=row.relation_to_head,
        former_name=row.former_name,
        ethnicity=row.ethnicity,
        native_place=row.native_place,
        birthplace=row.birthplace,
        education=row.education,
        marital_status=row.marital_status,
        military_service=row.military_service,
        workplace=row.workplace,
        occupation=row.occupation,
        moved_in_from=row.moved_in_from,
    ).model_dump()
    household = (
        HouseholdPage(
            household_kind=row.household.household_kind,
            household_number=row.household.household_number,
            head_name=row.household.head_name,
            address=row.household.address,
        ).model_dump()
        if row.household is not None
        else {}
    )
    return PersonView(row.id, row.id_number, row.name, row.sex, row.birth_date, card, household)


def save_person(
    session: Session,
    *,
    id_number: str | None,
    birth_date: date,
    sex: str,
    card: RegistrationCard,
    household: HouseholdPage | None,
) -> int:
    """The person with this ID number, updated from the hukou book in hand; a person
    without an ID number (a small child) is always a new row."""
    row = None
    if id_number is not None:
        row = session.scalars(
            select(schema.Person).where(schema.Person.id_number == id_number)
        ).first()
    if row is None:
        row = schema.Person(id_number=id_number)
        session.add(row)
    row.birth_date, row.sex = birth_date, sex
    if card.name or not row.name:  # no name given (no record in hand) keeps the known one
        full, initials = pinyin_keys(card.name)
        row.name, row.name_pinyin, row.name_initials = card.name, full, initials
        row.name_keys = search_keys(card.name)
    for name in (
        "relation_to_head",
        "former_name",
        "ethnicity",
        "native_place",
        "birthplace",
        "education",
        "marital_status",
        "military_service",
        "workplace",
        "occupation",
        "moved_in_from",
    ):
        setattr(row, name, getattr(card, name))
    if household is not None and any(household.model_dump().values()):
        if row.household is None:
            row.household = schema.Household()
        for name, value in household.model_dump().items():
            setattr(row.household, name, value)
    session.flush()
    return row.id


def person_named(session: Session, id_number: str) -> tuple[int, str] | None:
    """(person id, name) of the person with this ID number, if any."""
    row = session.execute(
        select(schema.Person.id, schema.Person.name).where(schema.Person.id_number == id_number)
    ).first()
    return (row[0], row[1]) if row is not None else None
