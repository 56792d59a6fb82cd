"""The name index behind the search box: one FTS5 document per application holding the
search keys (``caseworker.models.names.search_keys``) of its applicant and of every
relative, kept up to date by triggers whatever writes the rows.

Why FTS5 and this row id. A prefix of a name, its pinyin or its initials may match a
large share of a million people (``z``, ``zh``, ``wang``, ``xp``); a B-tree range on a
name column then yields the matches in name order and every one of them must be sorted
by date before the first page can be shown (113 ms p95 for two initials at 1,000,000
persons). Here the document's row id *is* the queue's order, ``created_at`` to the second
then the application id, so SQLite walks the index newest first and stops at the end of
the page. FTS5's prefix index answers a prefix of 1 to 6 characters (汉字 or letters) from
one list; a longer prefix merges the lists of the few keys it covers (measured at a
million persons: a 5-letter prefix such as ``zhang`` took 12 ms p95 as a merge, 0.1 ms
from its own list). ``detail=none`` keeps only row ids (a key is one token, so positions
are never needed) and ``content=''`` keeps no copy of the text: 83 MB for 300,000
applications of two people each.

The order differs from ``ORDER BY created_at DESC, id DESC`` only for two applications
created in the same second whose ids run against their times (a clock set back), never
for the applications one desk creates one after another. An application id must stay
under ``ID_SPAN`` (2**30).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, text

TABLE = "search_names"
#: the row id is ``seconds since 1970 * ID_SPAN + application id``
ID_SPAN = 1 << 30
_EPOCH = datetime(1970, 1, 1)

_ROW_ID = f"(CAST(strftime('%s', a.created_at) AS INTEGER) * {ID_SPAN} + a.id)"
_DOCUMENT = (
    "coalesce((SELECT p.name_keys FROM persons p WHERE p.id = a.applicant_id), '')"
    " || ' ' || coalesce((SELECT group_concat(p.name_keys, ' ') FROM relatives r"
    " JOIN persons p ON p.id = r.person_id WHERE r.application_id = a.id), '')"
)


def _refresh(application_id: str) -> str:
    """Statements that rewrite the document of the application whose id is given."""
    return (
        f"DELETE FROM {TABLE} WHERE rowid = (SELECT {_ROW_ID} FROM applications a"
        f" WHERE a.id = {application_id});"
        f" INSERT INTO {TABLE} (rowid, name_keys) SELECT {_ROW_ID}, {_DOCUMENT}"
        f" FROM applications a WHERE a.id = {application_id};"
    )


_OLD_ROW_ID = f"(CAST(strftime('%s', OLD.created_at) AS INTEGER) * {ID_SPAN} + OLD.id)"

#: the objects the store must hold, exactly as ``sqlite_master`` keeps them (migration 0010
#: creates them from this text; tests/storage/test_search.py compares the store with it)
DDL: dict[str, str] = {
    TABLE: (
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(name_keys, tokenize='ascii',"
        " prefix='1 2 3 4 5 6', content='', contentless_delete=1, detail=none)"
    ),
    "search_names_application_added": (
        "CREATE TRIGGER search_names_application_added AFTER INSERT ON applications"
        f" BEGIN {_refresh('NEW.id')} END"
    ),
    "search_names_application_changed": (
        "CREATE TRIGGER search_names_application_changed"
        " AFTER UPDATE OF id, applicant_id, created_at ON applications"
        f" BEGIN DELETE FROM {TABLE} WHERE rowid = {_OLD_ROW_ID}; {_refresh('NEW.id')} END"
    ),
    "search_names_application_removed": (
        "CREATE TRIGGER search_names_application_removed AFTER DELETE ON applications"
        f" BEGIN DELETE FROM {TABLE} WHERE rowid = {_OLD_ROW_ID}; END"
    ),
    "search_names_relative_added": (
        "CREATE TRIGGER search_names_relative_added AFTER INSERT ON relatives"
        f" BEGIN {_refresh('NEW.application_id')} END"
    ),
    "search_names_relative_changed": (
        "CREATE TRIGGER search_names_relative_changed"
        " AFTER UPDATE OF application_id, person_id ON relatives"
        f" BEGIN {_refresh('OLD.application_id')} {_refresh('NEW.application_id')} END"
    ),
    "search_names_relative_removed": (
        "CREATE TRIGGER search_names_relative_removed AFTER DELETE ON relatives"
        f" BEGIN {_refresh('OLD.application_id')} END"
    ),
    "search_names_person_renamed": (
        "CREATE TRIGGER search_names_person_renamed AFTER UPDATE OF name_keys ON persons"
        " WHEN OLD.name_keys IS NOT NEW.name_keys BEGIN"
        f" DELETE FROM {TABLE} WHERE rowid IN (SELECT {_ROW_ID} FROM applications a"
        " WHERE a.applicant_id = NEW.id OR a.id IN"
        " (SELECT application_id FROM relatives WHERE person_id = NEW.id));"
        f" INSERT INTO {TABLE} (rowid, name_keys) SELECT {_ROW_ID}, {_DOCUMENT}"
        " FROM applications a WHERE a.applicant_id = NEW.id OR a.id IN"
        " (SELECT application_id FROM relatives WHERE person_id = NEW.id); END"
    ),
}

#: every document at once, for a store that has rows but no index yet
REBUILD = (
    f"DELETE FROM {TABLE};"
    f" INSERT INTO {TABLE} (rowid, name_keys) SELECT {_ROW_ID}, {_DOCUMENT} FROM applications a;"
    f" INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')"
)


def not_in_metadata(name: str | None, type_: str, parent_names: object) -> bool:
    """``include_name`` for alembic's comparison: False for the index and FTS5's own
    tables, which the SQLAlchemy metadata cannot declare (``DDL`` does)."""
    return not (type_ == "table" and name is not None and name.startswith(TABLE))


def rebuild(conn: Connection) -> None:
    """Write every application's document anew (migration 0010, a bulk load)."""
    for statement in REBUILD.split(";"):
        conn.execute(text(statement))


def row_id_floor(at: datetime) -> int:
    """The smallest row id of an application created at ``at`` or later."""
    return ((at - _EPOCH) // timedelta(seconds=1)) * ID_SPAN


def match_prefix(prefix: str) -> str:
    """An FTS5 query for documents holding a key that starts with ``prefix``."""
    return '"' + prefix.replace('"', '""') + '"*'
