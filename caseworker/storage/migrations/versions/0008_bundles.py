"""Removable-media sync: the centre's encryption key, the bundles sent and the return
bundles applied, and the newest audit event the centre is known to hold.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(
            sa.Column("central_box_key", sa.String(64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("centre_audit_seq", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("bundles_sent", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("last_bundle_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("returns_applied", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("last_return_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        for column in (
            "last_return_at",
            "returns_applied",
            "last_bundle_at",
            "bundles_sent",
            "centre_audit_seq",
            "central_box_key",
        ):
            batch.drop_column(column)
