"""Sync with the central system: the outbox's state per entry, the link to the centre,
the pulled person index and revocations, and the supervisor's queue of conflicts.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(
            sa.Column("status", sa.String(12), nullable=False, server_default="pending")
        )
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("error", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("result", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("confirmed_at", sa.DateTime(), nullable=True))
    op.create_index("ix_outbox_status", "outbox", ["status", "id"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("central_url", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("central_key", sa.String(64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("stale_days", sa.Integer(), nullable=False),
        sa.Column("cursors", sa.JSON(), nullable=False),
    )
    op.create_table(
        "person_index",
        sa.Column("office_code", sa.String(12), primary_key=True),
        sa.Column("number", sa.String(40), primary_key=True),
        sa.Column("id_number", sa.String(18), primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_person_index_id_number", "person_index", ["id_number"])
    op.create_table(
        "revoked_permits",
        sa.Column("permit_number", sa.String(40), primary_key=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("subject", sa.String(60), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("outbox.id"), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(50), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
    )
    op.create_index("ix_sync_conflicts_open", "sync_conflicts", ["resolved_at", "kind", "subject"])


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("revoked_permits")
    op.drop_index("ix_person_index_id_number", table_name="person_index")
    op.drop_table("person_index")
    op.drop_table("sync_state")
    op.drop_index("ix_outbox_status", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        for column in ("confirmed_at", "result", "error", "attempts", "status"):
            batch.drop_column(column)
