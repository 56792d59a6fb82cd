"""What each printed document says, kept with it in the register (``facts``, JSON): the
people it names, its destination and validity, so that `verify` answers from the paper
as printed, not from records that may change later. Documents printed before have none;
`verify` falls back to the application for them.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("printed_documents") as batch:
        batch.add_column(sa.Column("facts", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("printed_documents") as batch:
        batch.drop_column("facts")
