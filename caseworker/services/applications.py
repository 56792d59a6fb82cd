"""Applications from draft to settlement: every step one transaction that also writes an
audit event and an outbox entry for the central system."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from caseworker import __version__
from caseworker.models.facts import Case, CaseError, case_from_dict
from caseworker.models.problems import Problem
from caseworker.models.records import Records, parse_records
from caseworker.models.workflow import (
    ACTION_ZH,
    FINAL_STATES,
    Action,
    State,
    next_state,
)
from caseworker.rules.decision import ELIGIBLE
from caseworker.rules.engine import resolve_place
from caseworker.services.application_checks import (
    check_date,
    check_relatives,
    late_detail,
    materials_missing,
    normalise_record_names,
)
from caseworker.services.application_data import (
    _MISSING,
    SearchPage,
    _answer_fields,
    _answers,
    _plain,
    snapshot,
)
from caseworker.services.application_input import ApplicationInput as ApplicationInput  # noqa: PLC0414 - re-exported for the desk
from caseworker.services.application_people import relative_rows, save_people
from caseworker.services.application_reading import ApplicationReading
from caseworker.services.attachments import check_scan, write_attachment
from caseworker.services.base import (
    Actor,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    StaleVersionError,
    StepNotAllowedError,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.context import ServiceContext, Session, record_change
from caseworker.services.duplicates import guard_duplicates, guard_elsewhere
from caseworker.services.maker_checker import UnchangedError, maker_checker, unchanged
from caseworker.services.permissions import STEP_ROLES
from caseworker.services.row_check import refuse_if_tampered
from caseworker.services.sync_staleness import stale_permit_check
from caseworker.storage import bindings
from caseworker.storage import repositories as repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import ApplicationView as ApplicationView  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.search import ApplicationSummary as ApplicationSummary  # noqa: PLC0414 - re-exported for the desk

#: a key of what a step's check returns that goes into the audit event only
_AUDIT_ONLY = "_audit_only"

__all__ = ["ApplicationService", "ApplicationSummary", "ApplicationView", "SearchPage", "snapshot"]


class ApplicationService(ApplicationReading):
    """Applications from draft to settlement (the reading half: ``ApplicationReading``)."""

    def __init__(
        self,
        context: ServiceContext,
    ) -> None:
        self.context = context
        self.store = store = context.store
        self.evaluation = context.evaluation
        self.clock = context.clock
        self._office = self.context.office
        self._reader_lock = threading.Lock()
        self._reader_conn: Connection | None = None
        self._reader_driver: Any = None
        store.on_close(self.close)

    # --- writing ------------------------------------------------------------------

    def save(self, actor: Actor, application_input: ApplicationInput) -> ApplicationView:
        """The one save: a new draft when the input has no number, else an edit of that
        application refused (``StaleVersionError``) if it was saved since the version
        the input was made on."""
        if application_input.number is None:
            return self.create_draft(actor, application_input.answers)
        return self.edit(
            actor,
            application_input.number,
            application_input.answers,
            version=application_input.version,
        )

    def create_draft(self, actor: Actor, data: dict[str, Any]) -> ApplicationView:
        self._require(actor, Action.EDIT)
        case, records = self._parse(data)
        now = self.clock()
        with self._writing() as session:
            applicant_id = save_people(session, case, records, actor=actor, exclude=None)
            guard_duplicates(session, applicant_id, exclude=None, actor=actor)
            serial = repo.next_number(session, "application")
            office = self._office
            number = f"{office.office_code}-{office.device_code}-{serial:06d}"
            app_id = repo.insert_application(
                session,
                number=number,
                state=State.DRAFT.value,
                **_answer_fields(case, records, applicant_id),
                reason="",
                created_at=now,
                created_by=actor.username,
                accepted_by="",
                updated_at=now,
            )
            repo.replace_relatives(
                session,
                app_id,
                relative_rows(session, case, records, actor=actor, exclude=None),
            )
            repo.add_fact_answers(session, app_id, _answers(case), actor.username, now)
            result = self._record(
                session,
                actor=actor,
                action="create",
                app_id=app_id,
                number=number,
                state=State.DRAFT,
                now=now,
                detail=late_detail(case, now=now),
            )
        return result

    def edit(
        self, actor: Actor, number: str, data: dict[str, Any], *, version: int | None = None
    ) -> ApplicationView:
        """Replace the answers (and hukou-book records) of an open application; a decided
        one goes back to accepted, to be decided again. ``version`` is the version the
        edit was made on (the desk sends the one it showed): if someone saved the
        application since, the edit is refused rather than written over theirs."""
        self._require(actor, Action.EDIT)
        case, records = self._parse(data)
        try:
            return self._edit(actor, number, case, records, version)
        except UnchangedError as unchanged:
            return unchanged.view

    def _edit(
        self, actor: Actor, number: str, case: Case, records: Records, version: int | None
    ) -> ApplicationView:
        now = self.clock()
        refuse_if_tampered(self.store, actor=actor, number=number, at=now)
        with self._writing() as session:
            view = self._load(session, number, actor)
            if version is not None and version != view.version:
                raise StaleVersionError(number=number, seen=version, current=view.version)
            target = next_state(State(view.state), Action.EDIT)
            applicant_id = save_people(session, case, records, actor=actor, exclude=view.id)
            guard_duplicates(session, applicant_id, exclude=view.id, actor=actor)
            before = _answers(case_from_dict(view.case))
            changed = {k: v for k, v in _answers(case).items() if before.get(k, _MISSING) != v}
            repo.update_application(
                session,
                view.id,
                view.version,
                state=target.value,
                updated_at=now,
                **_answer_fields(case, records, applicant_id),
            )
            repo.replace_relatives(
                session,
                view.id,
                relative_rows(session, case, records, actor=actor, exclude=view.id),
            )
            if unchanged(view, repo.load(session, number)):
                raise UnchangedError(view)  # nothing written (rolled back), no one a maker
            repo.add_fact_answers(session, view.id, changed, actor.username, now)
            result = self._record(
                session,
                actor=actor,
                action=Action.EDIT.value,
                app_id=view.id,
                number=number,
                state=target,
                now=now,
                detail={"changed": sorted(changed)} | late_detail(case, now=now),
            )
        return result

    def accept(self, actor: Actor, number: str) -> ApplicationView:
        """受理: the hukou book has been seen; a receipt number is given."""
        self._require(actor, Action.ACCEPT)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            missing = []
            if not view.applicant.name:
                missing.append("records.applicant.name")
            missing += [
                f"records.family[{r.position}].name" for r in view.relatives if not r.person.name
            ]
            if missing:
                raise ServiceError(
                    code="application.names_missing",
                    field=missing[0],
                    number=number,
                    fields=", ".join(
                        (["the applicant's"] if not view.applicant.name else [])
                        + [
                            f"family member {r.position + 1}'s"
                            for r in view.relatives
                            if not r.person.name
                        ]
                    ),
                    applicant=not view.applicant.name,
                    relatives=[r.position + 1 for r in view.relatives if not r.person.name],
                )
            self._check_date(case_from_dict(view.case))  # a draft saved before the check
            guard_duplicates(session, view.applicant.id, exclude=view.id, actor=actor)
            guard_elsewhere(session, view, actor, office_code=self._office.office_code)
            return {
                "receipt_number": self.document_number(session, "SL"),
                "accepted_by": actor.username,
            }

        return self._transition(actor, number, Action.ACCEPT, check)

    def decide(self, actor: Actor, number: str) -> ApplicationView:
        """Run the rules engine on the answers; the whole result and the rule-pack
        versions are kept."""
        self._require(actor, Action.DECIDE)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            case = case_from_dict(view.case)
            self._check_date(case)  # never decided on a date after today
            decision = self.evaluation.decide(case)
            result = decision.to_record()
            repo.add_decision(
                session,
                view.id,
                decision=decision.decision,
                result=result,
                pack_versions=self.evaluation.book.versions,
                engine_version=__version__,
                decided_by=actor.username,
                decided_at=self.clock(),
            )
            repo.set_verdicts(session, view.id, [f.verdict for f in decision.family])
            return {"decision": decision.decision}

        return self._transition(actor, number, Action.DECIDE, check)

    def approve(self, actor: Actor, number: str) -> ApplicationView:
        self._require(actor, Action.APPROVE)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            if view.decision is None or view.decision.decision != ELIGIBLE:
                got = view.decision.decision if view.decision else "none"
                raise StepNotAllowedError(
                    code="application.not_eligible", number=number, decision=got
                )
            maker_checker(session, view, actor, Action.APPROVE)
            return {}

        return self._transition(actor, number, Action.APPROVE, check)

    def issue_permit(self, actor: Actor, number: str) -> ApplicationView:
        self._require(actor, Action.ISSUE_PERMIT)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            stale_permit_check(session, actor, self.clock())
            missing = materials_missing(view, repo.documents_seen(session, view.id))
            if missing:
                raise StepNotAllowedError(
                    code="application.materials_missing",
                    field="documents",
                    number=number,
                    missing=missing,
                    listed="、".join(missing),
                )
            return {"permit_number": self.document_number(session, "ZQ")}

        return self._transition(actor, number, Action.ISSUE_PERMIT, check)

    def mark_settled(self, actor: Actor, number: str) -> ApplicationView:
        """迁入登记 done: refused if anyone in it was already settled in this store."""
        self._require(actor, Action.MARK_SETTLED)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            people = [("applicant", view.applicant)] + [
                (f"family[{r.position}]", r.person) for r in view.relatives
            ]
            for label, person in people:
                settled = repo.applications_of_person(
                    session, person.id, [State.SETTLED.value], exclude=view.id
                )
                if settled:
                    raise DuplicateError(
                        code="application.person_settled",
                        number=number,
                        who=label,
                        name=person.name,
                        other=settled[0][0],
                    )
            return {}

        return self._transition(actor, number, Action.MARK_SETTLED, check)

    def refuse(self, actor: Actor, number: str, reasons: str) -> ApplicationView:
        """不予受理 / 不予批准, with the reasons the notice will print. Maker-checker as for
        approval; refusing an application the engine decided eligible overrides that
        decision: the reasons are the only grounds (the notice prints them alone) and the
        audit event says ``overrides_decision``."""
        self._require(actor, Action.REFUSE)
        reason = self._reason(Action.REFUSE, reasons, required=True)

        def check(session: Session, view: ApplicationView) -> dict[str, Any]:
            maker_checker(session, view, actor, Action.REFUSE)
            values: dict[str, Any] = {"reason": reason}
            if view.decision is not None and view.decision.decision == ELIGIBLE:
                values[_AUDIT_ONLY] = {"overrides_decision": ELIGIBLE}
            return values

        return self._transition(actor, number, Action.REFUSE, check)

    def withdraw(self, actor: Actor, number: str, reason: str = "") -> ApplicationView:
        self._require(actor, Action.WITHDRAW)
        return self._with_reason(
            actor,
            number,
            Action.WITHDRAW,
            reason or "申请人撤回 withdrawn by the applicant",
            required=False,
        )

    def void(self, actor: Actor, number: str, reason: str) -> ApplicationView:
        """作废: never deleted, kept with the reason."""
        self._require(actor, Action.VOID)
        return self._with_reason(actor, number, Action.VOID, reason, required=True)

    def document_number(self, session: Session, prefix: str) -> str:
        """A document number unique across offices (``ServiceContext.document_number``)."""
        return self.context.document_number(session, prefix)

    def mark_document_seen(self, actor: Actor, number: str, name: str) -> None:
        """The clerk has seen a material (材料 document) of the checklist."""
        self._require(actor, Action.EDIT)
        name = name.strip()
        if not name:
            raise ServiceError(code="application.document_name_needed")
        now = self.clock()
        with self._writing() as session:
            view = self._load(session, number, actor)
            if State(view.state) in FINAL_STATES:
                raise StepNotAllowedError(
                    code="application.documents_closed", number=number, state=view.state
                )
            repo.add_document_seen(session, view.id, name, actor.username, now)
            repo.add_audit(
                session,
                at=now,
                actor=actor.username,
                action="application.document_seen",
                application_id=view.id,
                detail={"number": number, "document": name},
            )

    def documents_seen(self, number: str) -> list[tuple[str, str, datetime]]:
        with self.store.sessions() as session:
            return repo.documents_seen(session, self._load(session, number).id)

    def attach_scan(
        self,
        actor: Actor,
        number: str,
        *,
        filename: str,
        content: bytes,
        media_type: str,
        fields: dict[str, dict[str, str]] | None = None,
    ) -> repo.AttachmentView:
        """Keep a scan with the application: the bytes themselves, with their SHA-256, in
        the same transaction as the row that names them (never a dangling file).
        ``fields``: which fields the desk took from this scan and how (the scan's status,
        and whether the clerk took it as read, confirmed it or changed it), recorded in
        the attach event of the application's history."""
        self._require(actor, Action.EDIT)
        check_scan(filename=filename, content=content)
        now = self.clock()
        with self._writing() as session:
            return write_attachment(
                session,
                actor=actor,
                application=self._load(session, number, actor),
                filename=filename,
                content=content,
                media_type=media_type,
                at=now,
                fields=fields,
            )

    def scans(self, number: str) -> list[repo.AttachmentView]:
        with self.store.sessions() as session:
            return repo.attachments(session, self._load(session, number).id)

    def scan_content(self, attachment_id: int) -> bytes:
        """A kept scan's bytes, checked against the SHA-256 taken when it was attached."""
        with self.store.sessions() as session:
            found = repo.attachment_content(session, attachment_id)
        if found is None:
            raise NotFoundError(code="scan.not_found", attachment=attachment_id)
        content, digest = found
        if hashlib.sha256(content).hexdigest() != digest:
            raise ServiceError(code="scan.tampered", attachment=attachment_id)
        return content

    def apply(self, actor: Actor, data: dict[str, Any]) -> ApplicationView:
        """Create, accept and decide in one go (``caseworker apply``). A run cut short (an
        acceptance refused, a kill) leaves this user's draft or accepted application for
        this applicant behind; the retry with the corrected file continues that one, with
        the file's answers, instead of being refused as a duplicate."""
        case, _ = self._parse(data)
        id_number = case.applicant.resident_id.number
        with self.store.sessions() as session:
            unfinished = repo.own_unfinished(
                session,
                id_number=id_number,
                created_by=actor.username,
                states=(State.DRAFT.value, State.ACCEPTED.value),
            )
        if unfinished is None:
            view = self.create_draft(actor, data)
        else:
            view = self.edit(actor, unfinished, data)
        if view.state == State.DRAFT.value:
            view = self.accept(actor, view.number)
        return self.decide(actor, view.number)

    # --- the machinery ------------------------------------------------------------

    def _with_reason(
        self, actor: Actor, number: str, action: Action, reason: str, *, required: bool
    ) -> ApplicationView:
        reason = self._reason(action, reason, required=required)
        return self._transition(actor, number, action, lambda s, v: {"reason": reason})

    @staticmethod
    def _reason(action: Action, reason: str, *, required: bool) -> str:
        reason = reason.strip()
        if required and not reason:
            raise ServiceError(
                code="application.reason_needed", action=action.value, action_zh=ACTION_ZH[action]
            )
        return reason

    def _transition(
        self,
        actor: Actor,
        number: str,
        action: Action,
        check: Callable[[Any, ApplicationView], dict[str, Any]],
    ) -> ApplicationView:
        now = self.clock()
        refuse_if_tampered(self.store, actor=actor, number=number, at=now)
        with self._writing() as session:
            view = self._load(session, number, actor)
            target = next_state(State(view.state), action)
            values = check(session, view)
            audit_only = values.pop(_AUDIT_ONLY, {})
            repo.update_application(
                session, view.id, view.version, state=target.value, updated_at=now, **values
            )
            result = self._record(
                session,
                actor=actor,
                action=action.value,
                app_id=view.id,
                number=number,
                state=target,
                now=now,
                detail=values | audit_only,
            )
        return result

    def _record(
        self,
        session: Session,
        *,
        actor: Actor,
        action: str,
        app_id: int,
        number: str,
        state: State,
        now: datetime,
        detail: dict[str, Any],
    ) -> ApplicationView:
        """Write the audit event and the outbox entry; return the application as it now
        stands (the same view the outbox sends), so callers need not read it again."""
        current = repo.load(session, number)
        assert current is not None
        record_change(
            session,
            office=self._office,
            actor=actor,
            action=f"application.{action}",
            at=now,
            detail={"number": number, "state": state.value, **_plain(detail)}
            | bindings.bound_fields(session, app_id),  # the row, bound to the MAC'd event
            payload={"application": snapshot(current)},
            application_id=app_id,
        )
        return current

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One transaction, with storage and model errors turned into service errors."""
        with service_boundary(), transaction(self.store.sessions) as session:
            yield session

    def _require(self, actor: Actor, action: Action) -> None:
        """Refuse a role that may not take ``action`` (``permissions.STEP_ROLES``)."""
        roles = STEP_ROLES[action]
        if actor.role not in roles:
            raise PermissionDeniedError(
                f"{actor.username} ({actor.role}) may not {action.value} "
                f"({ACTION_ZH[action]}); it needs one of: {', '.join(sorted(roles))}",
                code="application.role_may_not",
                username=actor.username,
                role=actor.role,
                action=action.value,
                roles=sorted(roles),
            )

    def _parse(self, data: dict[str, Any]) -> tuple[Case, Records]:
        with service_boundary():
            return self._parse_input(data)

    def _parse_input(self, data: dict[str, Any]) -> tuple[Case, Records]:
        if not isinstance(data, dict):
            said = "an application is a JSON object with the case and its records"
            raise CaseError(said, details=(Problem("", "application.not_object", said),))
        data = dict(data)
        records = parse_records(normalise_record_names(data.pop("records", None)))
        case = case_from_dict(data)
        resolve_place(case, self.evaluation.divisions)  # an unknown place is refused now
        if len(records.family) > len(case.family):
            said = (
                f"records.family has {len(records.family)} entries but family has "
                f"{len(case.family)}; give one record per relative, in the same order"
            )
            count = {"records": len(records.family), "family": len(case.family)}
            raise CaseError(
                said, details=(Problem("records.family", "records.family_count", said, count),)
            )
        self._check_date(case)
        check_relatives(case, records)
        return case, records

    def _check_date(self, case: Case) -> None:
        """An application date after today (the service's clock), or before the first
        policy the desk holds, is refused (``application_checks``)."""
        packs = self.evaluation.book.packs
        first = min((p.valid_from for p in packs), default=None)
        check_date(case, today=self.clock().date(), first_policy=first)
