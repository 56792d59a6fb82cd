"""The central database. PostgreSQL in production; every table also works on SQLite for
a trial. The one-settlement rule is the primary key of ``settlements``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# a 64-bit sequence on PostgreSQL, SQLite's rowid there (AUTOINCREMENT needs INTEGER)
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(12), index=True)
    device_code: Mapped[str] = mapped_column(String(12))
    public_key: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the newest audit-chain head the device has shown (sent with every push)
    audit_seq: Mapped[int | None] = mapped_column(BigInteger)
    audit_hash: Mapped[str | None] = mapped_column(String(64))
    audit_at: Mapped[datetime | None] = mapped_column(DateTime)
    audit_warning: Mapped[str] = mapped_column(Text, default="")
    # the newest removable-media bundle applied from this device (migration 0002)
    bundle_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EnrolmentCode(Base):
    """A one-time code an administrator gives an office's IT person; only its hash kept."""

    __tablename__ = "enrolment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    device_id: Mapped[str | None] = mapped_column(String(64))


class Challenge(Base):
    __tablename__ = "challenges"
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Token(Base):
    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Operation(Base):
    """Every operation a device pushed, once, with the answer it got: a retry with the
    same key is answered from here and runs nothing."""

    __tablename__ = "operations"
    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)


class BundleScan(Base):
    """A scan attached to an application, carried in a removable-media bundle."""

    __tablename__ = "bundle_scans"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # device:attachment
    device_id: Mapped[str] = mapped_column(String(64))
    number: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime)


class CentralApplication(Base):
    """The newest state the centre knows of each office's application."""

    __tablename__ = "applications"
    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    state: Mapped[str] = mapped_column(String(20))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(DateTime)  # the office's time of the change
    flagged: Mapped[str] = mapped_column(Text, default="")


class PersonClaim(Base):
    """Each person named in an application (applicant and accompanying relatives): the
    person index the devices pull."""

    __tablename__ = "person_claims"
    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))

    __table_args__ = (Index("ix_person_claims_id_number", "id_number"),)


class Settlement(Base):
    """One row per person settled anywhere: the primary key is the one-settlement rule.
    It must stay one unpartitioned table (see the README's scale notes)."""

    __tablename__ = "settlements"
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(12))
    number: Mapped[str] = mapped_column(String(40))
    settled_at: Mapped[datetime] = mapped_column(DateTime)


class Conflict(Base):
    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(30))
    office_code: Mapped[str] = mapped_column(String(12))
    number: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class Change(Base):
    """The change log the devices pull, per stream. ``txid`` is the writing transaction's
    id (PostgreSQL); a page only reaches rows of transactions older than every one still
    running, so a transaction that commits late is never skipped (see ``changes``)."""

    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # the writing transaction's id: a server default on PostgreSQL (migration 0001), 0 on SQLite
    txid: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    stream: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(String(12), default="")  # an office code; "" for all
    key: Mapped[str] = mapped_column(String(80))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_changes_stream_position", "stream", "txid", "seq"),)


class RulePackRow(Base):
    __tablename__ = "rule_packs"
    policy: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))
    published_at: Mapped[datetime] = mapped_column(DateTime)


class Revocation(Base):
    __tablename__ = "revocations"
    permit_number: Mapped[str] = mapped_column(String(40), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    revoked_at: Mapped[datetime] = mapped_column(DateTime)


class Account(Base):
    """A user account of one office ("" for every office, made by the central
    administrator). Keyed by office and name: two offices may each have a ``zhao``
    (migration 0003)."""

    __tablename__ = "accounts"
    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(DateTime)  # the centre's clock
