"""What a printed document says: plain values the services fill from an application and
its decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DocumentKind(StrEnum):
    RECEIPT = "receipt"  # 受理回执 acceptance_receipt
    NOTICE = "notice"  # 一次性告知书 missing_materials_notice
    PERMIT = "permit"  # 准予迁入证明 move_in_permit
    REFUSAL = "refusal"  # 不予受理/不予批准告知书 refusal_notice


TITLES = {
    DocumentKind.RECEIPT: "受理回执",
    DocumentKind.NOTICE: "一次性告知书",
    DocumentKind.PERMIT: "准予迁入证明",
    DocumentKind.REFUSAL: "不予受理/不予批准告知书",
}
#: a refusal notice's title: refused before a decision on the merits, or after one
REFUSAL_TITLES = {"not_accepted": "不予受理告知书", "not_approved": "不予批准告知书"}
#: what a document calls itself in its verification note
SELF_NAMES = {
    DocumentKind.RECEIPT: "回执",
    DocumentKind.NOTICE: "告知书",
    DocumentKind.PERMIT: "证明",
    DocumentKind.REFUSAL: "告知书",
}


@dataclass(frozen=True, slots=True)
class PersonLine:
    name: str
    id_number: str
    relation: str  # 与申请人关系, in Chinese ("本人" for the applicant)


@dataclass(frozen=True, slots=True)
class Citation:
    clause: str  # policy:clause, e.g. jinan-2017:2.1.1.6
    name: str
    text: str  # the clause's original text


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    citation: Citation | None = None


@dataclass(frozen=True, slots=True)
class DocumentData:
    number: str
    application_number: str
    issued_on: date
    police_station_name: str
    office_code: str
    applicant: PersonLine
    destination: str
    relatives: tuple[PersonLine, ...] = ()
    current_address: str = ""
    route: Citation | None = None
    documents_received: tuple[str, ...] = ()
    documents_missing: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    valid_until: date | None = None
    next_steps: tuple[str, ...] = field(default_factory=tuple)
    #: the signed code printed as a QR (``caseworker.printing.payload``)
    qr_payload: str = ""
    #: a reprint (补打) keeps the number and says so in the title
    reprint: bool = False
    #: the title where the kind has more than one (不予受理告知书 or 不予批准告知书)
    title: str = ""
    #: the application's date (申请日期), which the decision rests on, and the date it was
    #: accepted (受理日期); a receipt prints both
    applied_on: date | None = None
    accepted_on: date | None = None
