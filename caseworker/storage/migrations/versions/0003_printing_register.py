"""The register of printed documents (copies, digests, signed payloads, voids) and the
device's public signing keys.

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


def _table_of_0001() -> sa.Table:
    """printed_documents as 0001 made it, less the UNIQUE on number (a reprint keeps it)."""
    meta = sa.MetaData()
    sa.Table("applications", meta, sa.Column("id", sa.Integer, primary_key=True))
    return sa.Table(
        "printed_documents",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("reprint_of", sa.Integer, sa.ForeignKey("printed_documents.id")),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("printed_by", sa.String(50), nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=False),
        sa.Index("ix_printed_documents_application_id", "application_id"),
    )


def upgrade() -> None:
    # SQLite cannot drop a UNIQUE constraint in place: batch mode copies the table into
    # the shape given here, without the old constraint
    with op.batch_alter_table(
        "printed_documents", recreate="always", copy_from=_table_of_0001()
    ) as batch:
        batch.add_column(sa.Column("copy", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("digest", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("payload", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("void_reason", sa.Text, nullable=False, server_default=""))
        batch.create_unique_constraint("uq_printed_documents_number_copy", ["number", "copy"])
        batch.create_index("ix_printed_documents_number", ["number"])
    op.create_table(
        "device_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_code", sa.String(8), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("device_keys")
    with op.batch_alter_table("printed_documents", recreate="always") as batch:
        batch.drop_index("ix_printed_documents_number")
        batch.drop_constraint("uq_printed_documents_number_copy", type_="unique")
        for column in ("void_reason", "payload", "digest", "copy"):
            batch.drop_column(column)
