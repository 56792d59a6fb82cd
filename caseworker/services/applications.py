"""Applications from draft to settlement: every step one transaction that also writes an
audit event and an outbox entry for the central system."""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from stdnum.iso7064 import mod_37_36

from caseworker import __version__
from caseworker.models.facts import Case, CaseError, case_from_dict
from caseworker.models.names import looks_like_pinyin, normalise_pinyin_query
from caseworker.models.records import Records, parse_records
from caseworker.models.resident_id import check_digit, parse_resident_id
from caseworker.models.workflow import (
    ACTION_ZH,
    FINAL_STATES,
    OPEN_STATES,
    Action,
    State,
    WorkflowError,
    next_state,
)
from caseworker.rules.decision import ELIGIBLE
from caseworker.rules.engine import resolve_place
from caseworker.services.base import (
    Actor,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    mask_id,
)
from caseworker.services.evaluation import EvaluationService
from caseworker.services.permissions import Permission, allowed, require
from caseworker.services.store import Store
from caseworker.services.sync import stale_permit_check
from caseworker.storage import repositories as repo
from caseworker.storage import search as search_repo
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import ApplicationView as ApplicationView  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.repositories import AuditView
from caseworker.storage.search import ApplicationSummary as ApplicationSummary  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.search import SearchFilter
from caseworker.sync.protocol import CLAIMING_STATES

ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
MAX_SCAN_BYTES = 20_000_000
SUPERVISING_ROLES = frozenset({"supervisor", "admin"})
DESK_ROLES = frozenset({"clerk", "supervisor", "admin", "collective_administrator"})


@dataclass(frozen=True, slots=True)
class SearchPage:
    items: tuple[ApplicationSummary, ...]
    page: int
    page_size: int
    has_more: bool


class ApplicationService:
    def __init__(
        self,
        store: Store,
        evaluation: EvaluationService,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.store = store
        self.evaluation = evaluation
        self.clock = clock
        self._office = store.office()
        self._local = threading.local()
        self._readers: list[Connection] = []
        store.on_close(self.close)

    # --- who ----------------------------------------------------------------------

    def actor(self, username: str) -> Actor:
        with self.store.sessions() as session:
            found = repo.user(session, username)
        if found is None or not found.active:
            raise PermissionDeniedError(f"there is no active user {username!r} in this store")
        return Actor(found.username, found.role)

    def default_actor(self) -> Actor:
        with self.store.sessions() as session:
            admin = repo.first_admin(session)
        if admin is None:
            raise PermissionDeniedError("the store has no administrator")
        return self.actor(admin)

    # --- reading ------------------------------------------------------------------

    def get(self, number: str) -> ApplicationView:
        with self.store.sessions() as session:
            view = repo.load(session, number.strip())
        if view is None:
            raise NotFoundError(
                f"no application {number!r} in this store; `caseworker search` finds one by "
                "name or ID number"
            )
        return view

    def history(self, number: str) -> list[AuditView]:
        self.get(number)
        with self.store.sessions() as session:
            return repo.audit_of(session, number)

    def flags(self, number: str) -> list[str]:
        """Warnings for the clerk: relatives named in other open applications, or
        already settled here."""
        view = self.get(number)
        out: list[str] = []
        with self.store.sessions() as session:
            for rel in view.relatives:
                for other, state, role in repo.applications_of_person(
                    session, rel.person.id, [*OPEN_STATES, State.SETTLED], exclude=view.id
                ):
                    who = rel.person.name or f"family[{rel.position}]"
                    out.append(
                        f"family[{rel.position}] {who} is also the {role} of application "
                        f"{other} ({state})"
                    )
            people = [("applicant", view.applicant)] + [
                (f"family[{r.position}]", r.person) for r in view.relatives
            ]
            for label, person in people:
                for office, other, state in sync_repo.elsewhere(
                    session,
                    person.id_number,
                    office_code=self._office.office_code,
                    states=CLAIMING_STATES,
                ):
                    out.append(
                        f"{label} {person.name} is in application {other} ({state}) at "
                        f"office {office} (central person index)"
                    )
        return out

    def open_record(self, actor: Actor, number: str) -> ApplicationView:
        """A person's full record, as the desk and ``caseworker show`` display it: the
        viewing is audited."""
        require(actor, Permission.VIEW_RECORD)
        view = self.get(number)
        self.store.record(
            at=self.clock(),
            actor=actor.username,
            action="application.view",
            application_id=view.id,
            detail={"number": view.number},
        )
        return view

    def search(
        self,
        actor: Actor,
        text: str = "",
        *,
        states: tuple[str, ...] = (),
        date_from: date | None = None,
        date_to: date | None = None,
        county: str | None = None,
        street: str | None = None,
        page: int = 1,
        page_size: int = 50,
    ) -> SearchPage:
        require(actor, Permission.VIEW_RECORD)
        if page < 1 or not 1 <= page_size <= 500:
            raise ServiceError("page starts at 1 and a page holds 1 to 500 applications")
        for state in states:
            if state not in {s.value for s in State}:
                raise ServiceError(
                    f"unknown state {state!r}; one of {', '.join(s.value for s in State)}"
                )
        flt = _filter_for(text)
        if states or date_from or date_to or county or street:
            flt = replace(
                flt,
                states=states,
                created_from=datetime.combine(date_from, datetime.min.time())
                if date_from
                else None,
                created_before=datetime.combine(date_to + timedelta(days=1), datetime.min.time())
                if date_to
                else None,
                county=county,
                street=street,
            )
        items, more = search_repo.search(
            self._reader(), flt, limit=page_size, offset=(page - 1) * page_size
        )
        if not allowed(actor, Permission.SEE_FULL_ID_IN_LISTS):
            items = [replace(i, applicant_id_number=mask_id(i.applicant_id_number)) for i in items]
        return SearchPage(tuple(items), page, page_size, more)

    def _reader(self) -> Connection:
        """A connection kept open for searches, one per thread: WAL readers take no lock
        between statements, and checking a connection out for every keystroke cost as
        much as the query (bench/bench_store.py)."""
        conn: Connection | None = getattr(self._local, "reader", None)
        if conn is None or conn.closed or conn.invalidated:
            conn = self.store.engine.connect()
            self._local.reader = conn
            self._readers.append(conn)
        return conn

    def close(self) -> None:
        for conn in self._readers:
            conn.close()
        self._readers.clear()

    # --- writing ------------------------------------------------------------------

    def create_draft(self, actor: Actor, data: dict[str, Any]) -> ApplicationView:
        self._require(actor, DESK_ROLES, Action.EDIT)
        case, records = self._parse(data)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            applicant_id = self._save_people(session, case, records)
            self._guard_duplicates(session, applicant_id, exclude=None)
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
            repo.replace_relatives(session, app_id, self._relative_rows(session, case, records))
            repo.add_fact_answers(session, app_id, _answers(case), actor.username, now)
            result = self._record(
                session,
                actor=actor,
                action="create",
                app_id=app_id,
                number=number,
                state=State.DRAFT,
                now=now,
                detail={},
            )
        return result

    def edit(self, actor: Actor, number: str, data: dict[str, Any]) -> ApplicationView:
        """Replace the answers (and hukou-book records) of an open application; a decided
        one goes back to accepted, to be decided again."""
        self._require(actor, DESK_ROLES, Action.EDIT)
        case, records = self._parse(data)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            view = self._load(session, number)
            target = next_state(State(view.state), Action.EDIT)
            applicant_id = self._save_people(session, case, records)
            self._guard_duplicates(session, applicant_id, exclude=view.id)
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
            repo.replace_relatives(session, view.id, self._relative_rows(session, case, records))
            repo.add_fact_answers(session, view.id, changed, actor.username, now)
            result = self._record(
                session,
                actor=actor,
                action=Action.EDIT.value,
                app_id=view.id,
                number=number,
                state=target,
                now=now,
                detail={"changed": sorted(changed)},
            )
        return result

    def accept(self, actor: Actor, number: str) -> ApplicationView:
        """受理: the hukou book has been seen; a receipt number is given."""
        self._require(actor, DESK_ROLES, Action.ACCEPT)

        def check(session: Any, view: ApplicationView) -> dict[str, Any]:
            missing = []
            if not view.applicant.name:
                missing.append("records.applicant.name")
            missing += [
                f"records.family[{r.position}].name" for r in view.relatives if not r.person.name
            ]
            if missing:
                raise ServiceError(
                    f"cannot accept {number}: the name as the 户口簿 shows it is required "
                    f"({', '.join(missing)}); edit the application and add it"
                )
            self._guard_duplicates(session, view.applicant.id, exclude=view.id)
            self._guard_elsewhere(session, view)
            return {
                "receipt_number": self.document_number(session, "SL"),
                "accepted_by": actor.username,
            }

        return self._transition(actor, number, Action.ACCEPT, check)

    def decide(self, actor: Actor, number: str) -> ApplicationView:
        """Run the rules engine on the answers; the whole result and the rule-pack
        versions are kept."""
        self._require(actor, DESK_ROLES, Action.DECIDE)

        def check(session: Any, view: ApplicationView) -> dict[str, Any]:
            decision = self.evaluation.decide(case_from_dict(view.case))
            result = decision.to_json()
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
        self._require(actor, SUPERVISING_ROLES, Action.APPROVE)

        def check(session: Any, view: ApplicationView) -> dict[str, Any]:
            if view.decision is None or view.decision.decision != ELIGIBLE:
                got = view.decision.decision if view.decision else "none"
                raise WorkflowError(
                    f"cannot approve {number}: its decision is {got}, not eligible; answer "
                    "the open questions and decide again, or refuse it with reasons"
                )
            if view.accepted_by == actor.username:
                raise PermissionDeniedError(
                    f"{actor.username} accepted {number} and so cannot approve it too; "
                    "another supervisor must (maker-checker)"
                )
            return {}

        return self._transition(actor, number, Action.APPROVE, check)

    def issue_permit(self, actor: Actor, number: str) -> ApplicationView:
        self._require(actor, DESK_ROLES - {"collective_administrator"}, Action.ISSUE_PERMIT)

        def check(session: Any, view: ApplicationView) -> dict[str, Any]:
            stale_permit_check(session, actor, self.clock())
            return {"permit_number": self.document_number(session, "ZQ")}

        return self._transition(actor, number, Action.ISSUE_PERMIT, check)

    def mark_settled(self, actor: Actor, number: str) -> ApplicationView:
        """迁入登记 done: refused if anyone in it was already settled in this store."""
        self._require(actor, DESK_ROLES - {"collective_administrator"}, Action.MARK_SETTLED)

        def check(session: Any, view: ApplicationView) -> dict[str, Any]:
            people = [("applicant", view.applicant)] + [
                (f"family[{r.position}]", r.person) for r in view.relatives
            ]
            for label, person in people:
                settled = repo.applications_of_person(
                    session, person.id, [State.SETTLED.value], exclude=view.id
                )
                if settled:
                    raise DuplicateError(
                        f"cannot settle {number}: {label} {person.name} was already settled "
                        f"here under {settled[0][0]}; a person is settled only once"
                    )
            return {}

        return self._transition(actor, number, Action.MARK_SETTLED, check)

    def refuse(self, actor: Actor, number: str, reasons: str) -> ApplicationView:
        """不予受理 / 不予批准, with the reasons the notice will print."""
        self._require(actor, SUPERVISING_ROLES, Action.REFUSE)
        return self._with_reason(actor, number, Action.REFUSE, reasons, required=True)

    def withdraw(self, actor: Actor, number: str, reason: str = "") -> ApplicationView:
        self._require(actor, DESK_ROLES, Action.WITHDRAW)
        return self._with_reason(
            actor,
            number,
            Action.WITHDRAW,
            reason or "申请人撤回 withdrawn by the applicant",
            required=False,
        )

    def void(self, actor: Actor, number: str, reason: str) -> ApplicationView:
        """作废: never deleted, kept with the reason."""
        self._require(actor, SUPERVISING_ROLES, Action.VOID)
        return self._with_reason(actor, number, Action.VOID, reason, required=True)

    def document_number(self, session: Any, prefix: str) -> str:
        """A document number unique across offices without coordination: kind, office
        code, device code, year, a sequence taken in the caller's transaction, and an
        ISO 7064 check character over all of it (a mistyped number shows)."""
        year = self.clock().year
        serial = repo.next_number(session, f"{prefix}-{year}")
        office = self._office
        body = f"{prefix}{office.office_code}{office.device_code}{year}{serial:06d}"
        check = mod_37_36.calc_check_digit(body)
        return f"{prefix}-{office.office_code}-{office.device_code}-{year}-{serial:06d}-{check}"

    def mark_document_seen(self, actor: Actor, number: str, name: str) -> None:
        """The clerk has seen a material (材料 document) of the checklist."""
        self._require(actor, DESK_ROLES, Action.EDIT)
        name = name.strip()
        if not name:
            raise ServiceError("the document's name is required, as the checklist shows it")
        now = self.clock()
        with transaction(self.store.sessions) as session:
            view = self._load(session, number)
            if State(view.state) in FINAL_STATES:
                raise WorkflowError(f"{number} is {view.state}; its documents are closed")
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
        self._require(actor, DESK_ROLES, Action.EDIT)
        if not content:
            raise ServiceError(f"{filename}: the file is empty; scan it again")
        if len(content) > MAX_SCAN_BYTES:
            raise ServiceError(
                f"{filename}: {len(content) // 1_000_000} MB is more than a scan may be "
                f"({MAX_SCAN_BYTES // 1_000_000} MB); scan at 300 dpi in colour JPEG"
            )
        digest = hashlib.sha256(content).hexdigest()
        now = self.clock()
        with transaction(self.store.sessions) as session:
            view = self._load(session, number)
            attachment = repo.add_attachment(
                session,
                view.id,
                filename=filename,
                media_type=media_type,
                sha256=digest,
                size=len(content),
                content=content,
                added_by=actor.username,
                added_at=now,
            )
            repo.add_audit(
                session,
                at=now,
                actor=actor.username,
                action="application.attach",
                application_id=view.id,
                detail={"number": number, "filename": filename, "sha256": digest}
                | ({"fields": fields} if fields else {}),
            )
        return attachment

    def scans(self, number: str) -> list[repo.AttachmentView]:
        with self.store.sessions() as session:
            return repo.attachments(session, self._load(session, number).id)

    def scan_content(self, attachment_id: int) -> bytes:
        """A kept scan's bytes, checked against the SHA-256 taken when it was attached."""
        with self.store.sessions() as session:
            found = repo.attachment_content(session, attachment_id)
        if found is None:
            raise NotFoundError(f"no attached scan {attachment_id}")
        content, digest = found
        if hashlib.sha256(content).hexdigest() != digest:
            raise ServiceError(f"attached scan {attachment_id} does not match its SHA-256")
        return content

    def apply(self, actor: Actor, data: dict[str, Any]) -> ApplicationView:
        """Create, accept and decide in one go (``caseworker apply``)."""
        view = self.create_draft(actor, data)
        self.accept(actor, view.number)
        return self.decide(actor, view.number)

    # --- the machinery ------------------------------------------------------------

    def _with_reason(
        self, actor: Actor, number: str, action: Action, reason: str, *, required: bool
    ) -> ApplicationView:
        reason = reason.strip()
        if required and not reason:
            raise ServiceError(
                f"{action.value} ({ACTION_ZH[action]}) needs a reason; it is kept and printed"
            )
        return self._transition(actor, number, action, lambda s, v: {"reason": reason})

    def _transition(
        self,
        actor: Actor,
        number: str,
        action: Action,
        check: Callable[[Any, ApplicationView], dict[str, Any]],
    ) -> ApplicationView:
        now = self.clock()
        with transaction(self.store.sessions) as session:
            view = self._load(session, number)
            target = next_state(State(view.state), action)
            values = check(session, view)
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
                detail=values,
            )
        return result

    def _record(
        self,
        session: Any,
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
        detail = {"number": number, "state": state.value, **_plain(detail)}
        repo.add_audit(
            session,
            at=now,
            actor=actor.username,
            action=f"application.{action}",
            application_id=app_id,
            detail=detail,
        )
        current = repo.load(session, number)
        assert current is not None
        repo.add_outbox(
            session,
            key=uuid.uuid4().hex,
            kind=f"application.{action}",
            payload={
                "office_code": self._office.office_code,
                "device_code": self._office.device_code,
                "at": now.isoformat(),
                "actor": actor.username,
                "application": snapshot(current),
            },
            at=now,
        )
        return current

    def _load(self, session: Any, number: str) -> ApplicationView:
        view = repo.load(session, number.strip())
        if view is None:
            raise NotFoundError(f"no application {number!r} in this store")
        return view

    def _require(self, actor: Actor, roles: frozenset[str], action: Action) -> None:
        if actor.role not in roles:
            raise PermissionDeniedError(
                f"{actor.username} ({actor.role}) may not {action.value} "
                f"({ACTION_ZH[action]}); it needs one of: {', '.join(sorted(roles))}"
            )

    def _parse(self, data: dict[str, Any]) -> tuple[Case, Records]:
        if not isinstance(data, dict):
            raise CaseError("an application is a JSON object with the case and its records")
        data = dict(data)
        records = parse_records(data.pop("records", None))
        case = case_from_dict(data)
        resolve_place(case, self.evaluation.divisions)  # an unknown place is refused now
        if len(records.family) > len(case.family):
            raise CaseError(
                f"records.family has {len(records.family)} entries but family has "
                f"{len(case.family)}; give one record per relative, in the same order"
            )
        return case, records

    def _save_people(self, session: Any, case: Case, records: Records) -> int:
        rid = case.applicant.resident_id
        return repo.save_person(
            session,
            id_number=rid.number,
            birth_date=rid.birth_date,
            sex=rid.sex.value,
            card=records.applicant,
            household=records.household,
        )

    def _relative_rows(self, session: Any, case: Case, records: Records) -> list[tuple[int, str]]:
        rows = []
        for i, relative in enumerate(case.family):
            card = records.family[i] if i < len(records.family) else type(records.applicant)()
            person_id = repo.save_person(
                session,
                id_number=relative.id_number,
                birth_date=relative.resolved_birth_date,
                sex=relative.resolved_sex.value,
                card=card,
                household=None,
            )
            rows.append((person_id, relative.relation.value))
        return rows

    def _guard_elsewhere(self, session: Any, view: ApplicationView) -> None:
        """The centre's person index (as last pulled): an applicant settled, or in an
        open application, at another office is flagged before acceptance."""
        found = sync_repo.elsewhere(
            session,
            view.applicant.id_number,
            office_code=self._office.office_code,
            states=CLAIMING_STATES,
        )
        if found:
            office, other, state = found[0]
            raise DuplicateError(
                f"the central person index shows this applicant in application {other} "
                f"({state}) at office {office}; settle it with that office before accepting "
                "here (the index is as of the last sync)"
            )

    def _guard_duplicates(self, session: Any, applicant_id: int, *, exclude: int | None) -> None:
        found = repo.applications_of_person(
            session,
            applicant_id,
            [*(s.value for s in OPEN_STATES), State.SETTLED.value],
            exclude=exclude,
        )
        mine = [(n, s) for n, s, role in found if role == "applicant" and s != State.SETTLED.value]
        if mine:
            raise DuplicateError(
                f"this person already has open application {mine[0][0]} ({mine[0][1]}); "
                "continue that one, or withdraw it first"
            )
        settled = [(n, s) for n, s, _ in found if s == State.SETTLED.value]
        if settled:
            raise DuplicateError(
                f"this person was already settled here under {settled[0][0]}; a person is "
                "settled only once"
            )


_MISSING = object()


def _filter_for(text: str) -> SearchFilter:
    text = text.strip()
    if not text:
        return SearchFilter()
    if ID_NUMBER.match(text):
        number = text.upper()
        if check_digit(number[:17]) != number[17]:  # the full parse is for intake, not search
            try:
                parse_resident_id(number)
            except ValueError as exc:
                raise ServiceError(f"{text} is not a valid ID number: {exc}") from None
        return SearchFilter(id_number=number)
    if CJK.search(text):
        return SearchFilter(name_prefix=text.replace(" ", ""))
    if looks_like_pinyin(text):
        return SearchFilter(pinyin_prefix=normalise_pinyin_query(text))
    if re.match(r"^[A-Z]{0,2}-?[\d-]+[A-Z0-9-]*$", text.upper()):
        return SearchFilter(number=text.upper())
    raise ServiceError(
        f"{text!r} is not an ID number, a name (汉字 or pinyin) or an application number"
    )


def _answer_fields(case: Case, records: Records, applicant_id: int) -> dict[str, Any]:
    """The columns that follow from the answers; a changed answer clears the decision."""
    return {
        "applicant_id": applicant_id,
        "on_date": case.on,
        "destination_county": case.destination.county,
        "destination_street": case.destination.street or "",
        "destination_address": records.destination_address,
        "case_json": _case_json(case),
        "decision": "",
    }


def _case_json(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude={"case", "expect"})


def _answers(case: Case) -> dict[str, Any]:
    """Every answered fact, flat, as the history of answers records it."""
    data = _case_json(case)
    out: dict[str, Any] = {"on": data["on"]}
    for part in ("destination", "applicant"):
        for name, value in data[part].items():
            out[f"{part}.{name}"] = value
    for i, member in enumerate(data["family"]):
        for name, value in member.items():
            out[f"family[{i}].{name}"] = mask_id(value) if name == "id_number" else value
    out["applicant.id_number"] = mask_id(out.get("applicant.id_number"))
    return out


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in detail.items() if v is not None}


def _packs_used(view: ApplicationView) -> dict[str, Any]:
    """The versions of the packs whose routes the latest decision cites: the centre
    flags the application if one changed before it synced."""
    if view.decision is None:
        return {}
    used = {str(r.get("policy")) for r in view.decision.result.get("routes", [])}
    return {k: v for k, v in view.decision.pack_versions.items() if k in used}


def snapshot(view: ApplicationView) -> dict[str, Any]:
    """The application as the central system receives it."""

    def person(p: repo.PersonView) -> dict[str, Any]:
        return {
            "id_number": p.id_number,
            "name": p.name,
            "sex": p.sex,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None,
            "card": p.card,
            "household": p.household,
        }

    return {
        "number": view.number,
        "state": view.state,
        "on": view.on.isoformat(),
        "case": view.case,
        "applicant": person(view.applicant),
        "relatives": [
            {"relation": r.relation, "verdict": r.verdict, "person": person(r.person)}
            for r in view.relatives
        ],
        "receipt_number": view.receipt_number,
        "permit_number": view.permit_number,
        "rule_packs": _packs_used(view),
        "decision": view.decision.result if view.decision else None,
        "reason": view.reason,
        "final": State(view.state) in FINAL_STATES,
    }
