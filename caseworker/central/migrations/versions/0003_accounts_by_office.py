"""Accounts belong to an office: keyed by (office_code, username), so two offices may
each have a user of one name. Rows are kept as they are; the table is rebuilt (SQLite
cannot change a primary key in place).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = "office_code, username, display_name, role, active, password_hash, changed_at"


def _table(name: str, key: list[str]) -> None:
    op.create_table(
        name,
        sa.Column("office_code", sa.String(length=12), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(*key, name=f"{name}_pkey"),
    )


def upgrade() -> None:
    _table("accounts_by_office", ["office_code", "username"])
    op.execute(f"INSERT INTO accounts_by_office ({COLUMNS}) SELECT {COLUMNS} FROM accounts")
    op.drop_table("accounts")
    op.rename_table("accounts_by_office", "accounts")


def downgrade() -> None:
    # an office's account whose name another office also has cannot be kept by name alone
    _table("accounts_by_name", ["username"])
    op.execute(
        f"INSERT INTO accounts_by_name ({COLUMNS}) SELECT {COLUMNS} FROM accounts a "
        "WHERE NOT EXISTS (SELECT 1 FROM accounts b WHERE b.username = a.username "
        "AND (b.changed_at > a.changed_at OR (b.changed_at = a.changed_at "
        "AND b.office_code > a.office_code)))"
    )
    op.drop_table("accounts")
    op.rename_table("accounts_by_name", "accounts")
