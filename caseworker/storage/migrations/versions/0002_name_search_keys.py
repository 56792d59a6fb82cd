"""Search keys for names: full pinyin and initials on persons, filled for existing rows.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caseworker.models.names import pinyin_keys

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(
            sa.Column("name_pinyin", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("name_initials", sa.String(50), nullable=False, server_default="")
        )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM persons")).fetchall()
    for person_id, name in rows:
        full, initials = pinyin_keys(name or "")
        conn.execute(
            sa.text("UPDATE persons SET name_pinyin = :p, name_initials = :i WHERE id = :id"),
            {"p": full, "i": initials, "id": person_id},
        )
    op.create_index("ix_persons_name_pinyin", "persons", ["name_pinyin"])
    op.create_index("ix_persons_name_initials", "persons", ["name_initials"])


def downgrade() -> None:
    op.drop_index("ix_persons_name_initials", "persons")
    op.drop_index("ix_persons_name_pinyin", "persons")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("name_initials")
        batch.drop_column("name_pinyin")
