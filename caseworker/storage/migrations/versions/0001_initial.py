"""The first schema: office, users, persons, applications and everything around them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office_code", sa.String(12), nullable=False),
        sa.Column("station_name", sa.String(100), nullable=False),
        sa.Column("jurisdiction", sa.String(200), nullable=False),
        sa.Column("device_code", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(50), nullable=False, unique=True),
        sa.Column("display_name", sa.String(50), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "households",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("household_kind", sa.String(20), nullable=False),
        sa.Column("household_number", sa.String(30), nullable=False),
        sa.Column("head_name", sa.String(50), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("id_number", sa.String(18)),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("household_id", sa.Integer, sa.ForeignKey("households.id")),
        sa.Column("relation_to_head", sa.String(20), nullable=False),
        sa.Column("former_name", sa.String(50), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("ethnicity", sa.String(20), nullable=False),
        sa.Column("native_place", sa.String(50), nullable=False),
        sa.Column("birthplace", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date),
        sa.Column("education", sa.String(30), nullable=False),
        sa.Column("marital_status", sa.String(20), nullable=False),
        sa.Column("military_service", sa.String(20), nullable=False),
        sa.Column("workplace", sa.String(100), nullable=False),
        sa.Column("occupation", sa.String(50), nullable=False),
        sa.Column("moved_in_from", sa.String(200), nullable=False),
    )
    op.create_index(
        "ix_persons_id_number",
        "persons",
        ["id_number"],
        unique=True,
        sqlite_where=sa.text("id_number IS NOT NULL"),
    )
    op.create_index("ix_persons_name", "persons", ["name"])
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("applicant_id", sa.Integer, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("destination_county", sa.String(6), nullable=False),
        sa.Column("destination_street", sa.String(50), nullable=False),
        sa.Column("destination_address", sa.String(200), nullable=False),
        sa.Column("case_json", sa.JSON, nullable=False),
        sa.Column("receipt_number", sa.String(40), unique=True),
        sa.Column("permit_number", sa.String(40), unique=True),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(50), nullable=False),
        sa.Column("accepted_by", sa.String(50), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_applications_state_created", "applications", ["state", "created_at"])
    op.create_index("ix_applications_created", "applications", ["created_at"])
    op.create_index("ix_applications_applicant", "applications", ["applicant_id"])
    op.create_index(
        "ix_applications_destination",
        "applications",
        ["destination_county", "destination_street"],
    )
    op.create_table(
        "relatives",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.UniqueConstraint("application_id", "position"),
    )
    op.create_index("ix_relatives_person", "relatives", ["person_id"])
    op.create_table(
        "fact_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("fact", sa.String(60), nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("answered_by", sa.String(50), nullable=False),
        sa.Column("answered_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_fact_answers_application_id", "fact_answers", ["application_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("pack_versions", sa.JSON, nullable=False),
        sa.Column("engine_version", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(50), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_decisions_application_id", "decisions", ["application_id"])
    op.create_table(
        "documents_seen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("seen_by", sa.String(50), nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_documents_seen_application_id", "documents_seen", ["application_id"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(60), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("added_by", sa.String(50), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_attachments_application_id", "attachments", ["application_id"])
    op.create_table(
        "printed_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("reprint_of", sa.Integer, sa.ForeignKey("printed_documents.id")),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("printed_by", sa.String(50), nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_printed_documents_application_id", "printed_documents", ["application_id"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(50), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id")),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_audit_events_application_id", "audit_events", ["application_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
    )


def downgrade() -> None:
    for table in (
        "outbox",
        "audit_events",
        "printed_documents",
        "attachments",
        "documents_seen",
        "decisions",
        "fact_answers",
        "relatives",
        "applications",
        "persons",
        "households",
        "counters",
        "users",
        "office",
    ):
        op.drop_table(table)
