"""Searching applications: the clerk's search box and the queue's filters. ``search``
takes the DBAPI connection of a pooled connection and returns frozen values; names,
pinyin and initials are looked up in the name index (``search_index``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session

from caseworker.models.names import normalise_pinyin_query, searchable_name
from caseworker.storage import schema as tables
from caseworker.storage import search_index


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    number: str
    state: str
    applicant_name: str
    applicant_id_number: str | None
    on: date
    destination_county: str
    destination_street: str
    decision: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """What to look for; every part is optional. ``name_prefix`` is 汉字, ``pinyin_prefix``
    matches full pinyin or initials, ``id_number`` is exact."""

    number: str | None = None
    id_number: str | None = None
    name_prefix: str | None = None
    pinyin_prefix: str | None = None
    states: tuple[str, ...] = ()
    created_from: datetime | None = None
    created_before: datetime | None = None
    county: str | None = None
    street: str | None = None
    #: a collective-hukou administrator's user name: only the applications they created or
    #: that were admitted into a collective household they administer
    collective_administrator: str | None = None


_APPS = tables.Application.__table__
_PEOPLE = tables.Person.__table__
_RELATIVES = tables.Relative.__table__
_NAMES = table(search_index.TABLE, column("rowid", Integer), column("name_keys"))
_MEMBERS = tables.CollectiveMember.__table__
_COLLECTIVES = tables.CollectiveHousehold.__table__


@lru_cache(maxsize=64)
def search_query(shape: tuple[str, ...]) -> Select[Any]:
    """The statement behind ``search`` for one combination of filters, built once and
    reused with new values (the benchmark runs the same SQL through the bare driver).

    A name, pinyin or initials prefix walks the name index (``search_index``) newest
    first and stops at the end of the page; an ID number finds its people by the unique
    index, then their applications. Core tables, not ORM entities: a search returns
    plain rows, and skipping the ORM layer halves the time a short query spends in
    Python."""
    a, p, r, n = _APPS.c, _PEOPLE.c, _RELATIVES.c, _NAMES.c
    columns = (
        a.number,
        a.state,
        p.name,
        p.id_number,
        a.on_date,
        a.destination_county,
        a.destination_street,
        a.decision,
        a.created_at,
    )
    by_name = "match" in shape
    if by_name:
        query = select(*columns).select_from(
            _NAMES.join(_APPS, a.id == n.rowid % literal_column(str(search_index.ID_SPAN))).join(
                _PEOPLE, p.id == a.applicant_id
            )
        )
        query = query.where(literal_column(search_index.TABLE).match(bindparam("match")))
        if "rowid_from" in shape:
            query = query.where(n.rowid >= bindparam("rowid_from"))
        if "rowid_before" in shape:
            query = query.where(n.rowid < bindparam("rowid_before"))
    else:
        query = select(*columns).select_from(_APPS.join(_PEOPLE, p.id == a.applicant_id))
    if "number" in shape:
        number: Any = bindparam("number")
        query = query.where(
            or_(a.number == number, a.receipt_number == number, a.permit_number == number)
        )
    if "id_number" in shape:
        # the people first, then their applications by primary key: the planner then
        # walks a few index entries instead of every application in date order
        matching = select(p.id).where(p.id_number == bindparam("id_number")).scalar_subquery()
        ids = union(
            select(a.id).where(a.applicant_id.in_(matching)),
            select(r.application_id).where(r.person_id.in_(matching)),
        )
        query = query.where(a.id.in_(ids))
    states = sum(1 for part in shape if part.startswith("state_"))
    if states:
        query = query.where(a.state.in_([bindparam(f"state_{i}") for i in range(states)]))
    if "created_from" in shape:
        query = query.where(a.created_at >= bindparam("created_from", type_=a.created_at.type))
    if "created_before" in shape:
        query = query.where(a.created_at < bindparam("created_before", type_=a.created_at.type))
    if "county" in shape:
        query = query.where(a.destination_county == bindparam("county"))
    if "street" in shape:
        query = query.where(a.destination_street == bindparam("street"))
    if "collective_administrator" in shape:
        query = query.where(a.id.in_(_administered(bindparam("collective_administrator"))))
    if by_name:
        query = query.order_by(n.rowid.desc())
    else:
        query = query.order_by(a.created_at.desc(), a.id.desc())
    return query.limit(bindparam("limit")).offset(bindparam("offset"))


def _administered(username: Any) -> Any:
    """The ids of the applications a collective-hukou administrator may see."""
    a, m, h = _APPS.c, _MEMBERS.c, _COLLECTIVES.c
    return union(
        select(a.id).where(a.created_by == username),
        select(m.application_id)
        .select_from(_MEMBERS.join(_COLLECTIVES, h.id == m.collective_id))
        .where(h.administrator == username, m.application_id.is_not(None)),
    )


def visible_to_collective_administrator(
    session: Session, *, application_id: int, username: str
) -> bool:
    """Whether one application is among those ``username`` (a collective-hukou
    administrator) may see."""
    found = session.scalar(
        select(func.count())
        .where(_APPS.c.id == application_id)
        .where(_APPS.c.id.in_(_administered(username)))
    )
    return bool(found)


def search_parameters(
    flt: SearchFilter, *, limit: int, offset: int
) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The filter's shape (which parts are set) and the values to bind."""
    params: dict[str, Any] = {"limit": limit + 1, "offset": offset}
    if flt.id_number:
        params["id_number"] = flt.id_number
    elif flt.name_prefix or flt.pinyin_prefix:
        prefix = searchable_name(flt.name_prefix or "") or normalise_pinyin_query(
            flt.pinyin_prefix or ""
        )
        # nothing left of the text to look for (only punctuation): nothing is found
        params["match"] = search_index.match_prefix(prefix) if prefix else '""'
        # the dates as bounds on the index's row id too, so a period is walked, not all
        if flt.created_from:
            params["rowid_from"] = search_index.row_id_floor(flt.created_from)
        if flt.created_before:
            params["rowid_before"] = (
                search_index.row_id_floor(flt.created_before) + search_index.ID_SPAN
            )
    for name in (
        "number",
        "created_from",
        "created_before",
        "county",
        "street",
        "collective_administrator",
    ):
        value = getattr(flt, name)
        if value:
            params[name] = value
    for i, state in enumerate(flt.states):
        params[f"state_{i}"] = state
    shape = tuple(sorted(k for k in params if k not in {"limit", "offset"}))
    return shape, params


@lru_cache(maxsize=64)
def _compiled_search(shape: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The SQL text of ``search_query`` for one shape, and the order of its parameters."""
    compiled = search_query(shape).compile(dialect=sqlite_dialect())
    return str(compiled), tuple(compiled.positiontup or ())


def search(
    driver: Any,
    flt: SearchFilter,
    *,
    limit: int,
    offset: int,
    shown_id: Callable[[str | None], str | None] | None = None,
) -> tuple[list[ApplicationSummary], bool]:
    """Applications matching the filter, newest first; ``limit + 1`` rows are read to tell
    whether another page exists (a count over a large store would cost more). ``driver``
    is the DBAPI connection of a pooled connection the caller keeps; ``shown_id`` turns an
    ID number into what the list may show (masked for a clerk).

    The clerk's search box runs this on every keystroke, so it takes the shortest road: a
    pooled connection (one read statement needs no unit of work and no BEGIN), and the
    statement SQLAlchemy compiled once per shape, handed straight to the driver. Measured
    (bench/bench_store.py), SQLAlchemy's result machinery alone cost more than the query."""
    shape, params = search_parameters(flt, limit=limit, offset=offset)
    sql, order = _compiled_search(shape)
    values = []
    for name in order:
        value = params[name]
        values.append(value.isoformat(sep=" ") if isinstance(value, datetime) else value)
    rows = driver.execute(sql, values).fetchall()
    show = shown_id or _same
    items = [
        ApplicationSummary(
            number,
            state,
            name,
            show(id_number),
            date.fromisoformat(on),
            county,
            street,
            decision,
            datetime.fromisoformat(created),
        )
        for number, state, name, id_number, on, county, street, decision, created in rows[:limit]
    ]
    return items, len(rows) > limit


def _same(id_number: str | None) -> str | None:
    return id_number
