"""Printing documents: the data from the application and its decision, the number, the
signed QR payload, the register entry and the audit event, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.models.facts import case_from_dict
from caseworker.models.workflow import State
from caseworker.printing.documents import render
from caseworker.printing.model import (
    REFUSAL_TITLES,
    TITLES,
    Citation,
    DocumentData,
    DocumentKind,
    PersonLine,
    Reason,
)
from caseworker.printing.payload import Payload, digest_of, fields, short_digest
from caseworker.printing.places import place_line
from caseworker.security.signing import DeviceSigner
from caseworker.services.base import (
    Actor,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.context import ServiceContext, Session
from caseworker.services.permissions import ALL_ROLES, SUPERVISING, Role
from caseworker.services.row_check import refuse_if_tampered
from caseworker.services.verifying import Verdict, record_check, verify_code
from caseworker.storage import repositories as repo
from caseworker.storage import search as search_repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import ApplicationView, PrintedView

#: the audit action of acceptance (受理), whose date a receipt prints
ACCEPTED = "application.accept"
#: how long a 准予迁入证明 stays valid; the province sets it, the desk prints it
PERMIT_VALID_DAYS = 90
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


class PrintingService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.store = context.store
        settings = self.store.settings
        self.signer = DeviceSigner.load_or_create(settings.store_id, settings.device_key_base)
        self._office = self.context.office
        self.valid_days = PERMIT_VALID_DAYS
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
        if actor.role not in ALL_ROLES:
            raise PermissionDeniedError(
                code="print.may_not_print", username=actor.username, role=actor.role
            )
        refuse_if_tampered(self.store, actor=actor, number=number, at=self.context.clock())
        with service_boundary(), transaction(self.store.sessions) as session:
            view = repo.load(session, number.strip())
            if view is None or (
                actor.role == Role.COLLECTIVE_ADMINISTRATOR
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
            if reprint and not earlier:
                raise ServiceError(code="print.nothing_to_reprint", kind=kind.value, number=number)
            if live and not reprint:
                raise ServiceError(
                    code="print.printed_already",
                    kind=kind.value,
                    number=number,
                    document=live[0].number,
                )
            if earlier and not live:  # every copy was voided (遗失, say): a void stays
                if not reprint:
                    raise ServiceError(
                        code="print.voided_needs_reprint",
                        kind=kind.value,
                        number=number,
                        document=earlier[-1].number,
                        reason=earlier[-1].void_reason,
                    )
                if actor.role not in SUPERVISING:
                    raise PermissionDeniedError(
                        code="print.reprint_after_void",
                        username=actor.username,
                        document=earlier[-1].number,
                    )
            doc_number = self._number_for(session, view, kind, earlier)
            copies = repo.printed_copies(session, doc_number)
            copy = max((p.copy for p in copies), default=-1) + 1
            data = self._data(
                session,
                view,
                kind,
                doc_number,
                reprint=reprint,
                first=copies[0] if copies else None,
            )
            facts = fields(kind, data)
            full_digest = digest_of(facts)
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
                reprint_of=earlier[-1].id if reprint else None,
                facts=facts,
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
        if actor.role not in SUPERVISING:
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

    def verify(self, text: str, *, actor: Actor | None = None) -> Verdict:
        """Check a code read from a QR, a PDF's text or typed in (``verifying``); a
        logged-in ``actor``'s check is audited and may read the reasons."""
        verdict = verify_code(self.context, text, actor=actor, valid_days=self.valid_days)
        if actor is not None:
            record_check(self.context, actor, text, verdict)
        return verdict

    # --- the data --------------------------------------------------------------------

    def _number_for(
        self,
        session: Session,
        view: ApplicationView,
        kind: DocumentKind,
        earlier: list[PrintedView],
    ) -> str:
        if kind == DocumentKind.RECEIPT and view.receipt_number:
            return view.receipt_number
        if kind == DocumentKind.PERMIT and view.permit_number:
            return view.permit_number
        if earlier:  # a reprint keeps the number, after a void too
            return earlier[-1].number
        return self.context.document_number(session, PREFIXES[kind])

    def _data(
        self,
        session: Session,
        view: ApplicationView,
        kind: DocumentKind,
        number: str,
        *,
        reprint: bool,
        first: PrintedView | None = None,
    ) -> DocumentData:
        """What the document says; a reprint of a permit keeps the first copy's validity."""
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
        again: dict[str, tuple[list[str], list[str]]] = {}

        def _unmet_zh(route: dict[str, Any]) -> list[str]:
            """The route's reasons in Chinese: as recorded, or (a decision recorded before
            they were kept) worked out again from the same answers when the route is
            still refused for the same reasons."""
            if "unmet_zh" in route:
                return list(route["unmet_zh"])
            if not again:
                decided = self.context.evaluation.decide(case_from_dict(view.case))
                again.update(
                    {r.key: ([str(u) for u in r.unmet], list(r.unmet_zh)) for r in decided.routes}
                )
            en, zh = again.get(f"{route['policy']}:{route['clause']}", ([], []))
            return zh if en == list(route["unmet"]) else list(route["unmet"])

        if kind == DocumentKind.REFUSAL:
            # an eligible decision overridden: the supervisor's reasons are the only grounds
            overridden = view.decision is not None and view.decision.decision == "eligible"
            considered = (
                [] if overridden else [r for r in routes if r["status"] == "ineligible"][:3]
            )
            reasons = (
                Reason(view.reason),
                *(Reason("；".join(_unmet_zh(r)), citation(r)) for r in considered),
            )
        issued = self.context.clock().date()
        place = divisions.full_name(view.destination_county)
        accepted = [
            e.at.date() for e in repo.audit_of(session, view.number) if e.action == ACCEPTED
        ]
        return DocumentData(
            number=number,
            application_number=view.number,
            issued_on=issued,
            police_station_name=self._office.police_station_name,
            office_code=self._office.office_code,
            applicant=applicant,
            relatives=relatives,
            destination=place_line(f"{place}{view.destination_street}", view.destination_address),
            current_address=self._hukou_place(view),
            route=citation(best) if best else None,
            documents_received=tuple(seen),
            documents_missing=missing,
            questions=questions,
            reasons=reasons,
            valid_until=_valid_until(kind, issued, first),
            reprint=reprint,
            title=_refusal_title(view) if kind == DocumentKind.REFUSAL else "",
            applied_on=view.on,
            accepted_on=accepted[0] if accepted else None,
        )

    def _hukou_place(self, view: ApplicationView) -> str:
        """现户口所在地: the 户口簿's address under its county's division path, or the county
        the case says the hukou is in when the address was not typed ("" if neither)."""
        divisions = self.context.evaluation.divisions
        code = str(view.case.get("applicant", {}).get("hukou_county") or "")
        county = divisions.canonical_county(code) if code else None
        path = divisions.full_name(county) if county else ""
        address = str(view.applicant.household.get("address") or "")
        return place_line(path, address) if path else address


def _refusal_title(view: ApplicationView) -> str:
    """不予批准 when it was refused on a decision on its merits, 不予受理 when before one."""
    return REFUSAL_TITLES["not_approved" if view.decision else "not_accepted"]


def _valid_until(kind: DocumentKind, issued: date, first: PrintedView | None) -> date | None:
    """A permit is valid for PERMIT_VALID_DAYS from its first copy: a reprint (补打) copies
    the date, it does not renew it."""
    if kind != DocumentKind.PERMIT:
        return None
    if first is None:
        return issued + timedelta(days=PERMIT_VALID_DAYS)
    if first.facts.get("valid_until"):
        return date.fromisoformat(first.facts["valid_until"])
    return first.printed_at.date() + timedelta(days=PERMIT_VALID_DAYS)


def _with_payload(data: DocumentData, payload: str) -> DocumentData:
    return replace(data, qr_payload=payload)


def _identity(person: repo.PersonView) -> str:
    """The ID number, or for a child without one yet, the birth date."""
    if person.id_number:
        return person.id_number
    return f"出生日期 {person.birth_date.isoformat()}" if person.birth_date else ""
