"""Tables of the local store (SQLAlchemy 2 typed rows).

Rows never leave ``caseworker.storage``: repositories turn them into frozen values.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Office(Base):
    """This 派出所 (police_station) and this device; one row."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(12))
    police_station_name: Mapped[str] = mapped_column(String(100))
    jurisdiction: Mapped[str] = mapped_column(String(200), default="")
    device_code: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(30))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # login protection (migration 0004)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    #: base32 TOTP secret ("" = no second factor); the store itself is encrypted
    totp_secret: Mapped[str] = mapped_column(String(64), default="")
    #: the last TOTP time step accepted, so a code is never accepted twice
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)


class OfficeSetting(Base):
    """One office-wide setting (lockout, idle lock, second factor), as JSON (0004)."""

    __tablename__ = "office_settings"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Counter(Base):
    """Number sequences (applications, receipts, permits), incremented inside the
    transaction that uses the number, so a number is never given twice."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Household(Base):
    """户主页 (household_page) of a 户口簿 (hukou_book)."""

    __tablename__ = "households"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_kind: Mapped[str] = mapped_column(String(20), default="")  # 户别
    household_number: Mapped[str] = mapped_column(String(30), default="")  # 户号
    head_name: Mapped[str] = mapped_column(String(50), default="")  # 户主姓名
    address: Mapped[str] = mapped_column(String(200), default="")  # 住址


class Person(Base):
    """A person as their 常住人口登记卡 (registration_card) shows them."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str | None] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(String(50), default="")
    #: search keys kept with the name (migration 0002): "zhangsan" and "zs"
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(50), default="")
    #: every key the search box matches a prefix of (migration 0010): "张三 zhangsan zs";
    #: triggers copy it into the name index (``storage.search_index``)
    name_keys: Mapped[str] = mapped_column(Text, default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"))
    relation_to_head: Mapped[str] = mapped_column(String(20), default="")  # 与户主关系
    former_name: Mapped[str] = mapped_column(String(50), default="")  # 曾用名
    sex: Mapped[str] = mapped_column(String(1), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")  # 民族
    native_place: Mapped[str] = mapped_column(String(50), default="")  # 籍贯
    birthplace: Mapped[str] = mapped_column(String(100), default="")  # 出生地
    birth_date: Mapped[date | None] = mapped_column(Date)
    education: Mapped[str] = mapped_column(String(30), default="")  # 文化程度
    marital_status: Mapped[str] = mapped_column(String(20), default="")  # 婚姻状况
    military_service: Mapped[str] = mapped_column(String(20), default="")  # 兵役状况
    workplace: Mapped[str] = mapped_column(String(100), default="")  # 服务处所
    occupation: Mapped[str] = mapped_column(String(50), default="")  # 职业
    moved_in_from: Mapped[str] = mapped_column(String(200), default="")  # 何时由何地迁来
    household: Mapped[Household | None] = relationship()

    __table_args__ = (
        Index(
            "ix_persons_id_number",
            "id_number",
            unique=True,
            sqlite_where=text("id_number IS NOT NULL"),
        ),
        Index("ix_persons_name", "name"),
        Index("ix_persons_name_pinyin", "name_pinyin"),
        Index("ix_persons_name_initials", "name_initials"),
    )


class Application(Base):
    __tablename__ = "applications"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    state: Mapped[str] = mapped_column(String(20))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    on_date: Mapped[date] = mapped_column(Date)
    destination_county: Mapped[str] = mapped_column(String(6))
    destination_street: Mapped[str] = mapped_column(String(50), default="")
    destination_address: Mapped[str] = mapped_column(String(200), default="")
    case_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    receipt_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    permit_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    decision: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # refusal, withdrawal or void
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(50))
    accepted_by: Mapped[str] = mapped_column(String(50), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    applicant: Mapped[Person] = relationship()
    relatives: Mapped[list[Relative]] = relationship(
        order_by="Relative.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_applications_state_created", "state", "created_at"),
        Index("ix_applications_created", "created_at"),
        Index("ix_applications_applicant", "applicant_id"),
        Index("ix_applications_destination", "destination_county", "destination_street"),
        Index("ix_applications_on_date", "on_date"),  # statistics by period (0006)
    )


class Relative(Base):
    """An accompanying relative (随迁 accompanying) of one application."""

    __tablename__ = "relatives"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    relation: Mapped[str] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(10), default="")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        UniqueConstraint("application_id", "position"),
        Index("ix_relatives_person", "person_id"),
    )


class FactAnswer(Base):
    """One answer to one question, with who gave it and when; the latest counts."""

    __tablename__ = "fact_answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    fact: Mapped[str] = mapped_column(String(60))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    answered_by: Mapped[str] = mapped_column(String(50))
    answered_at: Mapped[datetime] = mapped_column(DateTime)


class DecisionRecord(Base):
    """The engine's whole result for one decision, with the rule-pack versions used."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    pack_versions: Mapped[dict[str, Any]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(20))
    decided_by: Mapped[str] = mapped_column(String(50))
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class DocumentSeen(Base):
    """A material (材料 document) the clerk has seen."""

    __tablename__ = "documents_seen"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    seen_by: Mapped[str] = mapped_column(String(50))
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class Attachment(Base):
    """A scan kept with the application: the bytes themselves and their SHA-256."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(60))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(50))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class PrintedDocument(Base):
    """The register of printed documents: a receipt, notice, permit or refusal, with its
    number; a reprint (补打) keeps the number with the next copy count (migration 0003)."""

    __tablename__ = "printed_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[str] = mapped_column(String(60))
    copy: Mapped[int] = mapped_column(Integer, default=0)
    digest: Mapped[str] = mapped_column(String(64), default="")
    payload: Mapped[str] = mapped_column(Text, default="")
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("printed_documents.id"))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    printed_by: Mapped[str] = mapped_column(String(50))
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    #: what the paper says, as printed (JSON: people, destination, validity; migration
    #: 0011): `verify` answers from it, whatever the records say later
    facts: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("number", "copy", name="uq_printed_documents_number_copy"),
        Index("ix_printed_documents_number", "number"),
    )


class DeviceKey(Base):
    """This device's public signing keys (Ed25519); the private key is in the keyring."""

    __tablename__ = "device_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_code: Mapped[str] = mapped_column(String(8))
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEvent(Base):
    """Who did what, when. ID numbers in ``detail`` are masked.

    A chain (migration 0004): ``hash`` is an HMAC, under a key kept outside the store, of
    the event and of the previous event's hash, so an edited, deleted, inserted or moved
    event shows (``storage.audit``)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(40))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditHead(Base):
    """The newest event of the chain (one row), itself keyed, so that deleting events at
    the end shows too; the sync sends it to the centre."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """An operation for the central system, written in the same transaction as the change
    it reports. It is never deleted before the centre confirms it (``confirmed_at``); one
    the centre rejected is set aside with its error and never blocks the rest (0007)."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # sync (migration 0007): pending | confirmed | set_aside
    status: Mapped[str] = mapped_column(String(12), default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_outbox_status", "status", "id"),)


class SyncState(Base):
    """This device's link to the central system (one row once enrolled)."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    central_url: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(64))
    central_key: Mapped[str] = mapped_column(String(64))  # the centre's Ed25519 public key
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row, for the backoff
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    stale_days: Mapped[int] = mapped_column(Integer, default=3)
    cursors: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # stream -> cursor
    # removable media (migration 0008)
    central_box_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    centre_audit_seq: Mapped[int | None] = mapped_column(Integer)
    bundles_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_bundle_at: Mapped[datetime | None] = mapped_column(DateTime)
    returns_applied: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_return_at: Mapped[datetime | None] = mapped_column(DateTime)


class PersonIndexEntry(Base):
    """The centre's person index: who is settled or has an application at which office.
    Pulled, never edited here; one row per person named in an application."""

    __tablename__ = "person_index"
    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_person_index_id_number", "id_number"),)


class RevokedPermit(Base):
    """A permit the centre revoked (pulled)."""

    __tablename__ = "revoked_permits"
    permit_number: Mapped[str] = mapped_column(String(40), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[datetime] = mapped_column(DateTime)


class SyncConflict(Base):
    """Something sync could not settle by itself, for a supervisor: a person claimed by
    another office, a settlement the centre already holds, a rule pack changed before the
    decision synced, an operation the centre rejected, a pulled record not applied."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(60))  # an application number, a username
    message: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str] = mapped_column(String(50), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_sync_conflicts_open", "resolved_at", "kind", "subject"),)


class CollectiveHousehold(Base):
    """A 集体户 (collective_household) this office keeps (migration 0005)."""

    __tablename__ = "collective_households"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # 户号
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200))
    division_code: Mapped[str] = mapped_column(String(12))
    sponsor: Mapped[str] = mapped_column(String(100), default="")  # the unit or centre
    administrator: Mapped[str] = mapped_column(String(50), default="")  # a username
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_collectives_administrator", "administrator"),)


class CollectiveMember(Base):
    """One stay of one person in one collective: how it began and, once over, how it
    ended. Rows are never deleted: together they are the person's history."""

    __tablename__ = "collective_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    collective_id: Mapped[int] = mapped_column(ForeignKey("collective_households.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    relation: Mapped[str] = mapped_column(String(20), default="")  # to the applicant
    began: Mapped[str] = mapped_column(String(20))  # Movement
    from_member_id: Mapped[int | None] = mapped_column(ForeignKey("collective_members.id"))
    admitted_at: Mapped[datetime] = mapped_column(DateTime)
    admitted_by: Mapped[str] = mapped_column(String(50))
    ended: Mapped[str] = mapped_column(String(20), default="")  # Movement, "" while current
    left_at: Mapped[datetime | None] = mapped_column(DateTime)
    left_by: Mapped[str] = mapped_column(String(50), default="")
    destination: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        Index("ix_collective_members_collective", "collective_id", "left_at"),
        # one current membership per person, in whichever collective
        Index(
            "ix_collective_members_current",
            "person_id",
            unique=True,
            sqlite_where=text("left_at IS NULL"),
        ),
    )


class ConsentEvidence(Base):
    """The evidence behind a registration: a homeowner's consent, or a registered lease
    for the 兜底 fallback (migration 0005)."""

    __tablename__ = "consent_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    owner_name: Mapped[str] = mapped_column(String(50), default="")
    owner_id_number: Mapped[str] = mapped_column(String(18), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    lease_registration: Mapped[str] = mapped_column(String(60), default="")
    consent_date: Mapped[date] = mapped_column(Date)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    recorded_by: Mapped[str] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class FamilyBooklet(Base):
    """An application for, and the decision on, a 家庭居民户口簿 for members of one
    collective who are family (Zaozhuang 2021 二(四); migration 0005)."""

    __tablename__ = "family_booklets"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    collective_id: Mapped[int] = mapped_column(ForeignKey("collective_households.id"))
    head_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    members: Mapped[list[Any]] = mapped_column(JSON)  # [{person_id, relation, lives_together}]
    state: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    applied_by: Mapped[str] = mapped_column(String(50))
    applied_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    household_number: Mapped[str] = mapped_column(String(40), default="")  # once issued
