"""Removable-media bundles: the newest bundle applied per device, and the scans bundles
carry.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "devices", sa.Column("bundle_seq", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_table(
        "bundle_scans",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("bundle_scans")
    op.drop_column("devices", "bundle_seq")
