"""The name index: every search key of a person on the person (``name_keys``), and an
FTS5 index of applications by the keys of their applicant and relatives, kept by
triggers (``caseworker.storage.search_index``).

Revision ID: 0010
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caseworker.models.names import search_keys
from caseworker.storage import search_index

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("name_keys", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM persons")).fetchall()
    if rows:
        conn.execute(
            sa.text("UPDATE persons SET name_keys = :k WHERE id = :id"),
            [{"k": search_keys(name or ""), "id": person_id} for person_id, name in rows],
        )
    # the index and its triggers as the program declares them: a store is migrated by
    # the program that declares them, and tests/storage/test_search.py compares the two
    for statement in search_index.DDL.values():
        op.execute(statement)
    search_index.rebuild(conn)


def downgrade() -> None:
    for name in reversed(search_index.DDL):
        kind = "TABLE" if name == search_index.TABLE else "TRIGGER"
        op.execute(f"DROP {kind} IF EXISTS {name}")
    # not a batch (a copy of the table): the rows that refer to persons forbid dropping it
    op.execute("ALTER TABLE persons DROP COLUMN name_keys")
