"""Aggregates over the applications for statistics (统计): one SQL statement per table,
grouped in the database, so a month of a large office costs one pass over its rows.

The route, zone and policy of an application are those of its latest decision (the first
route when it is eligible: routes are stored most favourable first), looked up for the
applications of the period only, by their index (migration 0006 indexes the date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

#: the dimensions an application can be grouped by, as SQL over ``facts`` below
DIMENSIONS: dict[str, str] = {
    "day": "f.on_date",
    "week": "strftime('%G-W%V', f.on_date)",
    "month": "strftime('%Y-%m', f.on_date)",
    "route": "coalesce(f.route, '')",
    "policy": "coalesce(f.policy, '')",
    "zone": "coalesce(f.zone, '')",
    "street": "f.destination_county || ' ' || f.destination_street",
    "outcome": "f.state",
}
#: the same periods for settlements, by the day the settlement was recorded
SETTLED_PERIODS: dict[str, str] = {
    "day": "date(a.updated_at)",
    "week": "strftime('%G-W%V', a.updated_at)",
    "month": "strftime('%Y-%m', a.updated_at)",
}

_FACTS = """
WITH facts AS (
    SELECT a.id, a.number, a.state, a.decision, a.on_date, a.destination_county,
           a.destination_street, a.updated_at,
           (SELECT d.result FROM decisions d WHERE d.application_id = a.id
            ORDER BY d.id DESC LIMIT 1) AS result
    FROM applications a
    WHERE a.state != 'draft' AND a.on_date >= :date_from AND a.on_date <= :date_to
      {where}
),
f AS (
    SELECT facts.*,
           json_extract(result, '$.zone') AS zone,
           json_extract(result, '$.policies[0].policy') AS policy,
           CASE WHEN json_extract(result, '$.routes[0].status') = 'eligible'
                THEN json_extract(result, '$.routes[0].policy') || ':'
                     || json_extract(result, '$.routes[0].clause') END AS route
    FROM facts
)
"""

_AGE = (
    "(CAST(strftime('%Y', f.on_date) AS INTEGER) - CAST(strftime('%Y', p.birth_date) AS INTEGER)"
    " - (strftime('%m-%d', f.on_date) < strftime('%m-%d', p.birth_date)))"
)
#: age bands of accompanying relatives on the application date; 6 to 14 is the compulsory
#: school age (义务教育) the education department plans places for
AGE_BANDS = (
    ("0-2", 0, 2),
    ("3-5", 3, 5),
    ("6-11", 6, 11),
    ("12-14", 12, 14),
    ("15-17", 15, 17),
    ("18-59", 18, 59),
    ("60+", 60, 200),
)
_BAND = (
    "CASE "
    + " ".join(
        f"WHEN {_AGE} BETWEEN {low} AND {high} THEN '{name}'" for name, low, high in AGE_BANDS
    )
    + " ELSE 'unknown' END"
)
RELATIVE_DIMENSIONS = {"relation": "r.relation", "age_band": _BAND}


@dataclass(frozen=True, slots=True)
class Filters:
    date_from: date
    date_to: date
    county: str | None = None
    street: str | None = None


@dataclass(frozen=True, slots=True)
class GroupRow:
    key: str
    applications: int
    eligible: int
    refused: int
    open: int
    settled: int
    relatives: int


def _where(filters: Filters) -> tuple[str, dict[str, Any]]:
    parts: list[str] = []
    params: dict[str, Any] = {"date_from": filters.date_from, "date_to": filters.date_to}
    if filters.county:
        parts.append("AND a.destination_county = :county")
        params["county"] = filters.county
    if filters.street:
        parts.append("AND a.destination_street = :street")
        params["street"] = filters.street
    return " ".join(parts), params


def grouped_statement(filters: Filters, by: str) -> tuple[str, dict[str, Any]]:
    """The one statement behind ``grouped`` (bench/bench_statistics.py runs it bare)."""
    where, params = _where(filters)
    key = DIMENSIONS[by]
    sql = (
        _FACTS.format(where=where)
        + f"""
    SELECT {key} AS key,
           count(*) AS applications,
           sum(f.decision = 'eligible') AS eligible,
           sum(f.state = 'refused') AS refused,
           sum(f.state IN ('accepted', 'decided', 'approved', 'permit_issued')) AS open,
           sum(f.state = 'settled') AS settled,
           coalesce(sum((SELECT count(*) FROM relatives r
                         WHERE r.application_id = f.id AND r.verdict = 'yes')), 0) AS relatives
    FROM f
    GROUP BY key
    ORDER BY key
    """
    )
    return sql, params


def relatives_statement(filters: Filters, by: str) -> tuple[str, dict[str, Any]]:
    """The one statement behind ``relatives``."""
    where, params = _where(filters)
    key = RELATIVE_DIMENSIONS[by]
    sql = (
        _FACTS.format(where=where)
        + f"""
    SELECT {key} AS key, count(*), sum(f.state = 'settled')
    FROM f
    JOIN relatives r ON r.application_id = f.id AND r.verdict = 'yes'
    JOIN persons p ON p.id = r.person_id
    GROUP BY key
    ORDER BY key
    """
    )
    return sql, params


def grouped(conn: Connection, filters: Filters, by: str) -> list[GroupRow]:
    """Applications received (accepted or beyond) in the period, grouped by ``by``: how many,
    decided eligible, refused, still open, settled, and the relatives who may accompany."""
    sql, params = grouped_statement(filters, by)
    rows = [
        GroupRow(str(r[0]), *(int(v or 0) for v in r[1:])) for r in conn.execute(text(sql), params)
    ]
    if by in SETTLED_PERIODS:
        return _with_settlements_by_their_date(conn, filters, by, rows)
    return rows


def _with_settlements_by_their_date(
    conn: Connection, filters: Filters, by: str, rows: list[GroupRow]
) -> list[GroupRow]:
    """For days, weeks and months a settlement counts in the period it was recorded in,
    not the one its application came in."""
    where, params = _where(filters)
    period = SETTLED_PERIODS[by]
    sql = f"""
    SELECT {period} AS key, count(*) FROM applications a
    WHERE a.state = 'settled' AND date(a.updated_at) >= :date_from
      AND date(a.updated_at) <= :date_to {where}
    GROUP BY key
    """
    settled = {str(k): int(n) for k, n in conn.execute(text(sql), params)}
    by_key = {r.key: r for r in rows}
    out = []
    for key in sorted(set(by_key) | set(settled)):
        row = by_key.get(key, GroupRow(key, 0, 0, 0, 0, 0, 0))
        out.append(
            GroupRow(
                key,
                row.applications,
                row.eligible,
                row.refused,
                row.open,
                settled.get(key, 0),
                row.relatives,
            )
        )
    return out


def relatives(conn: Connection, filters: Filters, by: str) -> list[tuple[str, int, int]]:
    """Relatives who may accompany an application received in the period, by relation or
    age band: (key, relatives, of whom in settled applications)."""
    sql, params = relatives_statement(filters, by)
    return [(str(k), int(n), int(s or 0)) for k, n, s in conn.execute(text(sql), params)]


def numbers_behind(conn: Connection, filters: Filters, by: str, key: str) -> list[tuple[Any, ...]]:
    """The applications counted in one row of ``grouped``: number, state, date, place,
    decision (no names: opening one is the audited way to see who)."""
    where, params = _where(filters)
    sql = (
        _FACTS.format(where=where)
        + f"""
    SELECT f.number, f.state, f.on_date, f.destination_county, f.destination_street, f.decision
    FROM f WHERE {DIMENSIONS[by]} = :key ORDER BY f.on_date, f.number
    """
    )
    return [tuple(r) for r in conn.execute(text(sql), {**params, "key": key})]
