"""The evidence behind a collective registration: the documents a collective's admission
rests on, kept with the application and printed as its evidence page."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from caseworker.models.collectives import (
    EVIDENCE_ZH,
    EvidenceKind,
)
from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.printing.collectives import (
    EvidencePage,
    render_evidence,
)
from caseworker.services.attachments import check_scan, write_attachment
from caseworker.services.base import (
    Actor,
    InvalidInputError,
    NotFoundError,
    invalid_id_number,
    mask_id,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.collective_base import (
    WORKING,
    CollectiveBase,
    _plain,
    _text,
)
from caseworker.storage import collectives as cr
from caseworker.storage import repositories as repo
from caseworker.storage.collectives import EvidenceView


class EvidenceWork(CollectiveBase):
    # --- evidence ------------------------------------------------------------------------

    def add_evidence(
        self,
        actor: Actor,
        application_number: str,
        *,
        kind: str,
        consent_date: date,
        owner_name: str = "",
        owner_id_number: str = "",
        address: str = "",
        lease_registration: str = "",
        scan: tuple[str, bytes, str] | None = None,
    ) -> EvidenceView:
        """A homeowner's consent (rented home, a relative's home) or a registered lease
        (the 兜底 fallback), with its scan (filename, bytes, media type) if there is one."""
        self._require(actor, WORKING, "record consent evidence")
        try:
            evidence_kind = EvidenceKind(kind)
        except ValueError:
            raise InvalidInputError(
                code="evidence.kind_unknown",
                field="kind",
                kind=kind,
                kinds=", ".join(k.value for k in EvidenceKind),
            ) from None
        owner_name = _text(
            "owner_name", owner_name, required=evidence_kind is EvidenceKind.OWNER_CONSENT
        )
        address = _text("address", address, required=True)
        lease_registration = _text(
            "lease_registration",
            lease_registration,
            required=evidence_kind is EvidenceKind.REGISTERED_LEASE,
        )
        owner_id_number = owner_id_number.strip().upper()
        if owner_id_number:
            try:
                parse_resident_id(owner_id_number)
            except ResidentIdError as exc:
                raise invalid_id_number(
                    exc, field="owner_id_number", typed=owner_id_number
                ) from None
        if consent_date > self.context.clock().date():
            raise InvalidInputError(
                code="evidence.date_in_future", field="consent_date", date=consent_date.isoformat()
            )
        if scan is not None:
            check_scan(filename=scan[0], content=scan[1])
        now = self.context.clock()
        with self._writing() as session:
            application = repo.load(session, application_number.strip())
            if application is None:
                raise NotFoundError(code="application.not_found", number=application_number)
            attachment_id = None
            if scan is not None:  # in this transaction: no scan without its evidence
                filename, content, media_type = scan
                attachment_id = write_attachment(
                    session,
                    actor=actor,
                    application=application,
                    filename=filename,
                    content=content,
                    media_type=media_type,
                    at=now,
                ).id
            found = cr.add_evidence(
                session,
                application_id=application.id,
                kind=evidence_kind.value,
                owner_name=owner_name,
                owner_id_number=owner_id_number,
                address=address,
                lease_registration=lease_registration,
                consent_date=consent_date,
                attachment_id=attachment_id,
                recorded_by=actor.username,
                recorded_at=now,
            )
            self._event(
                session,
                actor,
                "collective.evidence",
                now,
                detail={
                    "number": application.number,
                    "evidence": found.id,
                    "kind": evidence_kind.value,
                    "owner": mask_id(owner_id_number),
                },
                payload={"evidence": _plain(asdict(found))},
                application_id=application.id,
            )
        return found

    def evidence(self, actor: Actor, application_number: str) -> list[EvidenceView]:
        self._require(actor, WORKING, "see consent evidence")
        with self.store.sessions() as session:
            application = repo.load(session, application_number.strip())
            if application is None:
                raise NotFoundError(code="application.not_found", number=application_number)
            return cr.evidence_of(session, application.id)

    def print_evidence(self, actor: Actor, evidence_id: int) -> bytes:
        self._require(actor, WORKING, "print consent evidence")
        with self.store.sessions() as session:
            found = cr.evidence(session, evidence_id)
        if found is None:
            raise NotFoundError(code="evidence.not_found", evidence=evidence_id)
        with service_boundary("collective"):
            pdf = render_evidence(
                EvidencePage(
                    title=EVIDENCE_ZH[EvidenceKind(found.kind)],
                    police_station_name=self._office.police_station_name,
                    application_number=found.application_number,
                    owner_name=found.owner_name,
                    owner_id_number=found.owner_id_number,
                    address=found.address,
                    lease_registration=found.lease_registration,
                    consent_date=found.consent_date,
                    recorded_by=found.recorded_by,
                    scan_attached=found.attachment_id is not None,
                )
            )
        self.store.record(
            at=self.context.clock(),
            actor=actor.username,
            action="collective.print_evidence",
            detail={"evidence": evidence_id, "number": found.application_number},
        )
        return pdf
