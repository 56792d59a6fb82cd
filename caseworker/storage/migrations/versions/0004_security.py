"""Login protection on users, office settings, and the keyed audit chain.

Events written before this revision carry no hash; the first open with the audit key
chains them (``storage.audit.seal_unchained``), once, before any new event.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("last_failed_at", sa.DateTime))
        batch.add_column(sa.Column("locked_at", sa.DateTime))
        batch.add_column(sa.Column("locked_until", sa.DateTime))
        batch.add_column(sa.Column("last_login_at", sa.DateTime))
        batch.add_column(sa.Column("password_changed_at", sa.DateTime))
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("totp_secret", sa.String(64), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("totp_last_step", sa.Integer, nullable=False, server_default="0")
        )
    op.create_table(
        "office_settings",
        sa.Column("name", sa.String(60), primary_key=True),
        sa.Column("value", sa.JSON),
    )
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("seq", sa.Integer))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events") as batch:
        for column in ("hash", "prev_hash", "seq"):
            batch.drop_column(column)
    op.drop_table("office_settings")
    with op.batch_alter_table("users") as batch:
        for column in (
            "totp_last_step",
            "totp_secret",
            "must_change_password",
            "password_changed_at",
            "last_login_at",
            "locked_until",
            "locked_at",
            "last_failed_at",
            "failed_attempts",
        ):
            batch.drop_column(column)
