"""The office's 派出所 column named as the glossary names it: ``station_name`` becomes
``police_station_name`` (its value kept).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.alter_column("station_name", new_column_name="police_station_name")


def downgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.alter_column("police_station_name", new_column_name="station_name")
