"""Searching applications: the clerk's search box and the queue's filters. Functions take
a Connection and return frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, or_, select, union
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from caseworker.storage import schema as t


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


_APPS = t.Application.__table__
_PEOPLE = t.Person.__table__
_RELATIVES = t.Relative.__table__


def _prefix(column: Any, name: str) -> Any:
    """``column LIKE prefix%`` as a range on bound values, so SQLite uses the index."""
    return and_(column >= bindparam(f"{name}_lo"), column < bindparam(f"{name}_hi"))


@lru_cache(maxsize=64)
def search_query(shape: tuple[str, ...]) -> Select[Any]:
    """The statement behind ``search`` for one combination of filters, built once and
    reused with new values (the benchmark runs the same SQL through the bare driver).

    Core tables, not ORM entities: a search returns plain rows, and skipping the ORM
    layer halves the time a short query spends in Python."""
    a, p, r = _APPS.c, _PEOPLE.c, _RELATIVES.c
    person_match = None
    if "id_number" in shape:
        person_match = p.id_number == bindparam("id_number")
    elif "name_prefix" in shape:
        person_match = _prefix(p.name, "name")
    elif "pinyin_prefix" in shape:
        person_match = or_(_prefix(p.name_pinyin, "pinyin"), _prefix(p.name_initials, "pinyin"))
    query = select(
        a.number,
        a.state,
        p.name,
        p.id_number,
        a.on_date,
        a.destination_county,
        a.destination_street,
        a.decision,
        a.created_at,
    ).select_from(_APPS.join(_PEOPLE, p.id == a.applicant_id))
    if "number" in shape:
        number: Any = bindparam("number")
        query = query.where(
            or_(a.number == number, a.receipt_number == number, a.permit_number == number)
        )
    if person_match is not None:
        # the matching people first, then their applications by primary key: the planner
        # then walks a few index entries instead of every application in date order
        matching = select(p.id).where(person_match).scalar_subquery()
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
    query = query.order_by(a.created_at.desc(), a.id.desc())
    return query.limit(bindparam("limit")).offset(bindparam("offset"))


def search_parameters(
    flt: SearchFilter, *, limit: int, offset: int
) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The filter's shape (which parts are set) and the values to bind."""
    params: dict[str, Any] = {"limit": limit + 1, "offset": offset}
    if flt.id_number:
        params["id_number"] = flt.id_number
    elif flt.name_prefix:
        params["name_lo"], params["name_hi"] = flt.name_prefix, flt.name_prefix + "\U0010ffff"
    elif flt.pinyin_prefix:
        params["pinyin_lo"], params["pinyin_hi"] = flt.pinyin_prefix, flt.pinyin_prefix + "~"
    for name in ("number", "created_from", "created_before", "county", "street"):
        value = getattr(flt, name)
        if value:
            params[name] = value
    for i, state in enumerate(flt.states):
        params[f"state_{i}"] = state
    shape = tuple(sorted(k for k in params if k not in {"limit", "offset"}))
    shape += tuple(k.removesuffix("_lo") + "_prefix" for k in shape if k.endswith("_lo"))
    return shape, params


@lru_cache(maxsize=64)
def _compiled_search(shape: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The SQL text of ``search_query`` for one shape, and the order of its parameters."""
    compiled = search_query(shape).compile(dialect=sqlite_dialect())
    return str(compiled), tuple(compiled.positiontup or ())


def search(
    conn: Connection, flt: SearchFilter, *, limit: int, offset: int
) -> tuple[list[ApplicationSummary], bool]:
    """Applications matching the filter, newest first; ``limit + 1`` rows are read to tell
    whether another page exists (a count over a large store would cost more).

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
    driver = conn.connection.driver_connection
    assert driver is not None
    rows = driver.execute(sql, values).fetchall()
    items = [
        ApplicationSummary(
            number,
            state,
            name,
            id_number,
            date.fromisoformat(on),
            county,
            street,
            decision,
            datetime.fromisoformat(created),
        )
        for number, state, name, id_number, on, county, street, decision, created in rows[:limit]
    ]
    return items, len(rows) > limit
