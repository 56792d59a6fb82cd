"""An index on the application date: statistics read a period's applications by it.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_applications_on_date", "applications", ["on_date"])


def downgrade() -> None:
    op.drop_index("ix_applications_on_date", table_name="applications")
