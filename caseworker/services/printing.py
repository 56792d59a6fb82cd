"""Printing documents: the data from the application and its decision, the number, the
signed QR payload, the register entry and the audit event, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.models.workflow import State
from caseworker.printing.documents import render
from caseworker.printing.model import (
    TITLES,
    Citation,
    DocumentData,
    DocumentKind,
    PersonLine,
    Reason,
)
from caseworker.printing.payload import Payload, PayloadError, digest, parse, short_digest
from caseworker.security.signing import DeviceSigner, verify_signature
from caseworker.services import high_water
from caseworker.services.applications import DESK_ROLES, SUPERVISING_ROLES, ApplicationService
from caseworker.services.base import (
    Actor,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    mask_id,
)
from caseworker.services.context import Session
from caseworker.services.row_check import refuse_if_tampered
from caseworker.storage import bindings
from caseworker.storage import repositories as repo
from caseworker.storage import search as search_repo
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import ApplicationView, PrintedView

#: how long a 准予迁入证明 stays valid; the province sets it, the desk prints it
PERMIT_VALID_DAYS = 90
#: a voided application makes every paper it gave void; a permit is void too once its
#: application was withdrawn or refused after all
ENDED = frozenset({State.VOIDED.value})
PERMIT_ENDED = frozenset({State.VOIDED.value, State.WITHDRAWN.value, State.REFUSED.value})
PREFIXES = {
    DocumentKind.RECEIPT: "SL",
    DocumentKind.NOTICE: "GZ",
    DocumentKind.PERMIT: "ZQ",
    DocumentKind.REFUSAL: "BY",
}
ALLOWED_STATES = {
    DocumentKind.RECEIPT: {s for s in State} - {State.DRAFT},
    DocumentKind.NOTICE: {State.ACCEPTED, State.DECIDED},
    DocumentKind.PERMIT: {State.PERMIT_ISSUED, State.SETTLED},
    DocumentKind.REFUSAL: {State.REFUSED},
}


@dataclass(frozen=True, slots=True)
class Printed:
    record: PrintedView
    pdf: bytes


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a code proves. ``valid`` always comes with whom and what for (``holder``,
    ``id_masked``, ``destination``): the person holding the paper compares those with
    what it shows, since a genuine code can be copied onto a forged paper or file."""

    status: str  # valid | void | expired | revoked | tampered | unknown
    message: str
    record: PrintedView | None = None
    holder: str = ""
    id_masked: str = ""
    destination: str = ""
    valid_until: date | None = None


class PrintingService:
    def __init__(self, applications: ApplicationService) -> None:
        self.apps = applications
        self.context = applications.context
        self.store = self.context.store
        settings = self.store.settings
        self.signer = DeviceSigner.load_or_create(settings.store_id, settings.device_key_base)
        self._office = self.context.office
        with self.store.sessions() as session:
            known = self.signer.public_hex in repo.device_keys(session).get(
                self._office.device_code, []
            )
        if not known:  # first use on this device: the public half goes into the store
            with transaction(self.store.sessions) as session:
                repo.add_device_key(
                    session,
                    self._office.device_code,
                    self.signer.public_hex,
                    self.context.clock(),
                )

    def print_document(
        self,
        actor: Actor,
        number: str,
        kind: DocumentKind,
        *,
        counterfoil: bool = False,
        reprint: bool = False,
    ) -> Printed:
        """Print (or reprint, 补打) one document of an application; nothing is recorded if
        it cannot be rendered (a character the font lacks, say)."""
        if actor.role not in DESK_ROLES:
            raise PermissionDeniedError(
                code="print.may_not_print", username=actor.username, role=actor.role
            )
        refuse_if_tampered(self.store, actor=actor, number=number, at=self.context.clock())
        with transaction(self.store.sessions) as session:
            view = repo.load(session, number.strip())
            if view is None or (
                actor.role == "collective_administrator"
                and not search_repo.visible_to_collective_administrator(
                    session, application_id=view.id, username=actor.username
                )
            ):
                raise NotFoundError(
                    f"no application {number!r} in this store",
                    code="application.not_found",
                    number=number,
                )
            state = State(view.state)
            if state not in ALLOWED_STATES[kind]:
                raise ServiceError(
                    code="print.not_in_state",
                    kind=kind.value,
                    title=TITLES[kind],
                    state=state.value,
                )
            earlier = [p for p in repo.printed_of(session, view.id) if p.kind == kind.value]
            live = [p for p in earlier if not p.voided]
            if reprint and not live:
                raise ServiceError(code="print.nothing_to_reprint", kind=kind.value, number=number)
            if live and not reprint:
                raise ServiceError(
                    code="print.printed_already",
                    kind=kind.value,
                    number=number,
                    document=live[0].number,
                )
            doc_number = self._number_for(session, view, kind, live)
            copies = repo.printed_copies(session, doc_number)
            copy = max((p.copy for p in copies), default=-1) + 1
            data = self._data(session, view, kind, doc_number, reprint=reprint)
            full_digest = digest(kind, data)
            unsigned = Payload(
                self._office.device_code, doc_number, copy, short_digest(full_digest), b""
            )
            payload = Payload(
                unsigned.device,
                doc_number,
                copy,
                unsigned.digest,
                self.signer.sign(unsigned.signed_part),
            ).encode()
            pdf = render(kind, _with_payload(data, payload), counterfoil=counterfoil)
            record = repo.add_printed(
                session,
                application_id=view.id,
                kind=kind.value,
                number=doc_number,
                copy=copy,
                digest=full_digest,
                payload=payload,
                reprint_of=live[0].id if reprint else None,
                voided=False,
                void_reason="",
                printed_by=actor.username,
                printed_at=self.context.clock(),
            )
            repo.add_audit(
                session,
                at=self.context.clock(),
                actor=actor.username,
                action="document.reprint" if reprint else "document.print",
                application_id=view.id,
                detail={
                    "number": number,
                    "document": doc_number,
                    "kind": kind.value,
                    "copy": copy,
                    "counterfoil": counterfoil,
                },
            )
        return Printed(record, pdf)

    def void_printed(self, actor: Actor, doc_number: str, reason: str) -> PrintedView:
        """作废 a printed document (every copy of its number); the reason is kept."""
        if actor.role not in SUPERVISING_ROLES:
            raise PermissionDeniedError(
                code="print.may_not_void", username=actor.username, role=actor.role
            )
        if not reason.strip():
            raise ServiceError(code="print.void_reason_needed")
        with transaction(self.store.sessions) as session:
            copies = [p for p in repo.printed_copies(session, doc_number.strip()) if not p.voided]
            if not copies:
                raise NotFoundError(code="print.no_live_document", document=doc_number)
            for copy in copies:
                repo.void_printed(session, copy.id, reason.strip())
            repo.add_audit(
                session,
                at=self.context.clock(),
                actor=actor.username,
                action="document.void",
                application_id=copies[0].application_id,
                detail={"document": doc_number, "reason": reason.strip()},
            )
            return repo.printed_copies(session, doc_number.strip())[-1]

    def verify(self, text: str) -> Verdict:
        """Check a code read from a QR, a PDF's text or typed in."""
        try:
            payload = parse(text)
        except PayloadError as exc:
            return Verdict("unknown", str(exc))
        with self.store.sessions() as session:
            keys = repo.device_keys(session).get(payload.device, [])
            copies = [
                p for p in repo.printed_copies(session, payload.number) if p.copy == payload.copy
            ]
        if not keys:
            return Verdict(
                "unknown", f"signed by device {payload.device}, which this office does not know"
            )
        if not any(verify_signature(k, payload.signed_part, payload.signature) for k in keys):
            return Verdict("tampered", "the signature does not match: the code was altered")
        if not copies:
            return Verdict("unknown", f"{payload.number} is not in this office's register")
        record = copies[0]
        if short_digest(record.digest) != payload.digest:
            return Verdict("tampered", "the document's fields differ from the register", record)
        if record.voided:
            return Verdict("void", f"{payload.number} was voided: {record.void_reason}", record)
        with self.store.sessions() as session:
            revoked = sync_repo.revocation(session, payload.number)
            number = repo.application_number(session, record.application_id)
            view = repo.load(session, number) if number else None
            altered = bindings.disagreement(session, record.application_id)
            rolled_back = high_water.unresolved(session)
        if revoked is not None:
            reason, when = revoked
            return Verdict(
                "revoked",
                f"{payload.number} was revoked by the central system on {when:%Y-%m-%d}: {reason}",
                record,
            )
        if view is None:
            return Verdict("unknown", f"the application of {payload.number} is not here", record)
        if rolled_back is not None:
            return Verdict(
                "unknown",
                f"this store was rolled back to an earlier copy (found at audit event "
                f"{rolled_back}): what it says about {payload.number} cannot be trusted; the "
                "office IT person restores the right backup with `caseworker restore`, or "
                "ask the central system",
                record,
            )
        if altered is not None:
            return Verdict(
                "tampered", f"{payload.number} proves nothing: {altered.message}", record
            )
        ended = PERMIT_ENDED if record.kind == DocumentKind.PERMIT.value else ENDED
        if view.state in ended:
            said = f": {view.reason}" if view.reason else ""
            return Verdict(
                "void",
                f"{payload.number} is void: its application {view.number} was {view.state}{said}",
                record,
            )
        until = (
            record.printed_at.date() + timedelta(days=PERMIT_VALID_DAYS)
            if record.kind == DocumentKind.PERMIT.value
            else None
        )
        if until is not None and self.context.clock().date() > until:
            said = f"{payload.number} expired: 有效期至 valid until {until:%Y-%m-%d}"
            return Verdict("expired", said, record)
        holder = view.applicant.name or "(no name)"
        masked = mask_id(view.applicant.id_number)
        place = self.context.evaluation.divisions.full_name(view.destination_county)
        destination = f"{place}{view.destination_street}{view.destination_address}"
        return Verdict(
            "valid",
            f"valid for {holder} ({masked}), destination 迁往 {destination}: "
            f"{payload.number} copy {payload.copy}"
            + (f", 有效期至 valid until {until:%Y-%m-%d}" if until else ""),
            record,
            holder=holder,
            id_masked=masked,
            destination=destination,
            valid_until=until,
        )

    # --- the data --------------------------------------------------------------------

    def _number_for(
        self, session: Session, view: ApplicationView, kind: DocumentKind, live: list[PrintedView]
    ) -> str:
        if kind == DocumentKind.RECEIPT and view.receipt_number:
            return view.receipt_number
        if kind == DocumentKind.PERMIT and view.permit_number:
            return view.permit_number
        if live:
            return live[0].number
        return self.context.document_number(session, PREFIXES[kind])

    def _data(
        self,
        session: Session,
        view: ApplicationView,
        kind: DocumentKind,
        number: str,
        *,
        reprint: bool,
    ) -> DocumentData:
        book = self.context.evaluation.book
        divisions = self.context.evaluation.divisions
        result = (
            view.decision.result
            if view.decision
            else {"routes": [], "family": [], "questions": [], "manual_checks": []}
        )
        routes = result["routes"]
        best = routes[0] if routes and routes[0]["status"] != "ineligible" else None

        def citation(route: dict[str, Any]) -> Citation:
            key = f"{route['policy']}:{route['clause']}"
            return Citation(key, route["name"], book.route(key).text.strip())

        applicant = PersonLine(view.applicant.name, view.applicant.id_number or "", "本人")
        verdicts = {f["index"]: f["may_accompany"] for f in result["family"]}
        relatives = tuple(
            PersonLine(r.person.name, _identity(r.person), RELATION_ZH[Relation(r.relation)])
            for r in view.relatives
            if kind != DocumentKind.PERMIT or verdicts.get(r.position)
        )
        seen = [name for name, _, _ in repo.documents_seen(session, view.id)]
        missing = tuple(d for d in (best["documents"] if best else []) if d not in seen)
        questions = tuple(
            f"{q['label_zh']}（{'、'.join(q['clauses'])}）"
            for q in (*result["questions"], *result["manual_checks"])
        )
        reasons: tuple[Reason, ...] = ()
        if kind == DocumentKind.REFUSAL:
            considered = [r for r in routes if r["status"] == "ineligible"][:3]
            reasons = (
                Reason(view.reason),
                *(Reason("；".join(r["unmet"]), citation(r)) for r in considered),
            )
        issued = self.context.clock().date()
        place = divisions.full_name(view.destination_county)
        return DocumentData(
            number=number,
            application_number=view.number,
            issued_on=issued,
            station_name=self._office.station_name,
            office_code=self._office.office_code,
            applicant=applicant,
            relatives=relatives,
            destination=f"{place}{view.destination_street}{view.destination_address}",
            current_address=view.applicant.household.get("address", ""),
            route=citation(best) if best else None,
            documents_received=tuple(seen),
            documents_missing=missing,
            questions=questions,
            reasons=reasons,
            valid_until=issued + timedelta(days=PERMIT_VALID_DAYS)
            if kind == DocumentKind.PERMIT
            else None,
            reprint=reprint,
        )


def _with_payload(data: DocumentData, payload: str) -> DocumentData:
    return replace(data, qr_payload=payload)


def _identity(person: repo.PersonView) -> str:
    """The ID number, or for a child without one yet, the birth date."""
    if person.id_number:
        return person.id_number
    return f"出生日期 {person.birth_date.isoformat()}" if person.birth_date else ""
