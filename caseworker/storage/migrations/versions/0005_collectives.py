"""Collective households, their members' history, consent evidence, family booklets.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collective_households",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("sponsor", sa.String(100), nullable=False, server_default=""),
        sa.Column("administrator", sa.String(50), nullable=False, server_default=""),
        sa.Column("is_open", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("closed_at", sa.DateTime),
        sa.Column("closed_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_collectives_administrator", "collective_households", ["administrator"])
    op.create_table(
        "collective_members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "collective_id",
            sa.Integer,
            sa.ForeignKey("collective_households.id"),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id")),
        sa.Column("relation", sa.String(20), nullable=False, server_default=""),
        sa.Column("began", sa.String(20), nullable=False),
        sa.Column("from_member_id", sa.Integer, sa.ForeignKey("collective_members.id")),
        sa.Column("admitted_at", sa.DateTime, nullable=False),
        sa.Column("admitted_by", sa.String(50), nullable=False),
        sa.Column("ended", sa.String(20), nullable=False, server_default=""),
        sa.Column("left_at", sa.DateTime),
        sa.Column("left_by", sa.String(50), nullable=False, server_default=""),
        sa.Column("destination", sa.String(200), nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
    )
    op.create_index(
        "ix_collective_members_collective", "collective_members", ["collective_id", "left_at"]
    )
    op.create_index(
        "ix_collective_members_current",
        "collective_members",
        ["person_id"],
        unique=True,
        sqlite_where=sa.text("left_at IS NULL"),
    )
    op.create_table(
        "consent_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("owner_name", sa.String(50), nullable=False, server_default=""),
        sa.Column("owner_id_number", sa.String(18), nullable=False, server_default=""),
        sa.Column("address", sa.String(200), nullable=False, server_default=""),
        sa.Column("lease_registration", sa.String(60), nullable=False, server_default=""),
        sa.Column("consent_date", sa.Date, nullable=False),
        sa.Column("attachment_id", sa.Integer, sa.ForeignKey("attachments.id")),
        sa.Column("recorded_by", sa.String(50), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_consent_evidence_application_id", "consent_evidence", ["application_id"])
    op.create_table(
        "family_booklets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column(
            "collective_id",
            sa.Integer,
            sa.ForeignKey("collective_households.id"),
            nullable=False,
        ),
        sa.Column("head_person_id", sa.Integer, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("applied_by", sa.String(50), nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
        sa.Column("decided_by", sa.String(50), nullable=False, server_default=""),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("household_number", sa.String(40), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("family_booklets")
    op.drop_table("consent_evidence")
    op.drop_table("collective_members")
    op.drop_table("collective_households")
