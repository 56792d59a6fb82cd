"""Collective-hukou administration (集体户管理): the office's collective households, their
rosters, admissions from decided applications, moves out and transfers with the whole
history kept, the evidence behind a registration, and the family household booklet of
Zaozhuang 2021 二(四).

A collective-hukou administrator (集体户管理员 collective_administrator) sees and works
only the collectives they administer; clerks, supervisors and administrators see all.
Creating, editing and closing a collective is a supervisor's or administrator's, and so is
deciding a family booklet (never by the one who took its application) and exporting a
roster. Every change is one transaction with its audit event and its outbox entry."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Any

from caseworker.models.collectives import (
    BOOKLET_CLAUSE,
    BOOKLET_CLAUSE_TEXT,
    BOOKLET_DOCUMENTS,
    BOOKLET_STATE_ZH,
    EVIDENCE_ZH,
    HOUSEHOLD_KIND,
    KIND_ZH,
    MOVEMENT_ZH,
    BookletMember,
    BookletState,
    CollectiveKind,
    EvidenceKind,
    Movement,
    booklet_problems,
)
from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.models.workflow import State
from caseworker.printing.collectives import (
    BookletPage,
    EvidencePage,
    RosterLine,
    RosterPage,
    render_booklet,
    render_evidence,
    render_roster,
)
from caseworker.rules.decision import ELIGIBLE
from caseworker.services.applications import ApplicationService
from caseworker.services.base import (
    Actor,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    mask_id,
)
from caseworker.services.intake import get_fact
from caseworker.services.permissions import (
    ALL_ROLES,
    SUPERVISING,
    Permission,
    allowed,
    require,
    require_role,
)
from caseworker.storage import collectives as cr
from caseworker.storage import repositories as repo
from caseworker.storage.collectives import BookletView, CollectiveView, EvidenceView, MemberView
from caseworker.storage.database import transaction

__all__ = ["BookletView", "CollectiveService", "CollectiveView", "EvidenceView", "MemberView"]

MANAGING = SUPERVISING
WORKING = ALL_ROLES
#: an application is admitted once approved: the permit follows from the approval
ADMITTING_STATES = frozenset({State.APPROVED, State.PERMIT_ISSUED, State.SETTLED})
MAX_TEXT = 200


class CollectiveService:
    def __init__(self, applications: ApplicationService) -> None:
        self.apps = applications
        self.store = applications.store
        self._office = self.store.office()

    # --- collectives -------------------------------------------------------------------

    def create(
        self,
        actor: Actor,
        *,
        kind: str,
        name: str,
        address: str,
        division_code: str,
        sponsor: str = "",
        administrator: str = "",
    ) -> CollectiveView:
        """A new collective household, numbered like every document of this office."""
        self._require(actor, MANAGING, "create a collective household")
        collective_kind = _kind(kind)
        name, address = _text("name", name, required=True), _text("address", address, True)
        sponsor = _text("sponsor", sponsor)
        division = self._division(division_code)
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            self._check_administrator(session, administrator)
            view = cr.add_collective(
                session,
                code=self.apps.document_number(session, "JT"),
                kind=collective_kind.value,
                name=name,
                address=address,
                division_code=division,
                sponsor=sponsor,
                administrator=administrator.strip(),
                is_open=True,
                created_at=now,
                closed_reason="",
            )
            self._changed(session, actor, "collective.create", view, now)
        return view

    def edit(self, actor: Actor, code: str, **changes: str) -> CollectiveView:
        """Name, address, sponsor and division; the administrator only by a supervisor or
        an administrator. The collective's own administrator may edit its details."""
        editable = {"name", "address", "sponsor", "division_code", "administrator"}
        unknown = sorted(set(changes) - editable)
        if unknown:
            raise ServiceError(f"cannot change {', '.join(unknown)}; one of: {sorted(editable)}")
        if "administrator" in changes:
            self._require(actor, MANAGING, "change a collective's administrator")
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, WORKING - {"clerk"})
            if not view.is_open:
                raise ServiceError(f"collective {view.code} is closed; it is kept as it was")
            values: dict[str, Any] = {}
            for field, value in changes.items():
                if field == "division_code":
                    values[field] = self._division(value)
                elif field == "administrator":
                    self._check_administrator(session, value)
                    values[field] = value.strip()
                else:
                    values[field] = _text(field, value, required=field != "sponsor")
            cr.update_collective(session, view.code, view.version, **values)
            updated = cr.collective(session, view.code)
            assert updated is not None
            self._changed(session, actor, "collective.edit", updated, now, changes=sorted(values))
        return updated

    def close(self, actor: Actor, code: str, reason: str) -> CollectiveView:
        """Closed only when nobody is registered in it; kept, with its history."""
        self._require(actor, MANAGING, "close a collective household")
        reason = _text("reason", reason, required=True)
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, MANAGING)
            if not view.is_open:
                raise ServiceError(f"collective {view.code} is already closed")
            if view.members:
                raise ServiceError(
                    f"collective {view.code} still has {view.members} registered member(s); "
                    "move them out or transfer them first, then close it"
                )
            cr.update_collective(
                session, view.code, view.version, is_open=False, closed_at=now, closed_reason=reason
            )
            closed = cr.collective(session, view.code)
            assert closed is not None
            self._changed(session, actor, "collective.close", closed, now, reason=reason)
        return closed

    def collectives(self, actor: Actor, *, include_closed: bool = False) -> list[CollectiveView]:
        """The collectives this user may see: all, or a collective-hukou administrator's own."""
        self._require(actor, WORKING, "see collective households")
        own = actor.username if actor.role == "collective_administrator" else None
        with self.store.sessions() as session:
            return cr.collectives(session, administrator=own, include_closed=include_closed)

    def get(self, actor: Actor, code: str) -> CollectiveView:
        self._require(actor, WORKING, "see collective households")
        with self.store.sessions() as session:
            return self._visible(session, actor, code, WORKING)

    # --- the roster --------------------------------------------------------------------

    def roster(self, actor: Actor, code: str, *, include_past: bool = False) -> list[MemberView]:
        """Who is registered (and with ``include_past``, who was); ID numbers masked
        unless the role may see them in lists. Opening a roster is audited."""
        self._require(actor, WORKING, "see a collective's roster")
        with self.store.sessions() as session:
            view = self._visible(session, actor, code, WORKING)
            found = cr.members(session, view.id, include_past=include_past)
        self.store.record(
            at=self.apps.clock(),
            actor=actor.username,
            action="collective.roster",
            detail={"collective": view.code, "members": len(found)},
        )
        return found if allowed(actor, Permission.SEE_FULL_ID_IN_LISTS) else _masked(found)

    def history(self, actor: Actor, id_number: str) -> list[MemberView]:
        """A person's every stay in a collective of this office, oldest first (only those
        in collectives this user may see)."""
        self._require(actor, WORKING, "see a person's collective history")
        with self.store.sessions() as session:
            person = self._person(session, id_number)
            stays = cr.history_of(session, person.id)
            visible = {c.code for c in self._seeable(session, actor)}
        return [s for s in stays if s.collective_code in visible]

    # --- admission, moving out, transfer -------------------------------------------------

    def admit(
        self, actor: Actor, code: str, application_number: str, *, with_relatives: bool = True
    ) -> list[MemberView]:
        """Register the applicant (and each relative who may accompany) of a decided,
        approved application whose household is a collective of this kind, in this
        county. Refused, with what would make it possible, for any other."""
        self._require(actor, WORKING, "admit a person into a collective household")
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, WORKING)
            application = repo.load(session, application_number.strip())
            if application is None:
                raise NotFoundError(f"no application {application_number!r} in this store")
            self._check_admission(session, view, application)
            people = [(application.applicant, "")]
            if with_relatives:
                people += [
                    (r.person, r.relation) for r in application.relatives if r.verdict == "yes"
                ]
            admitted: list[MemberView] = []
            for person, relation in people:
                self._not_registered_elsewhere(session, person)
                member = cr.add_member(
                    session,
                    collective_id=view.id,
                    person_id=person.id,
                    application_id=application.id,
                    relation=relation,
                    began=Movement.ADMITTED.value,
                    admitted_at=now,
                    admitted_by=actor.username,
                )
                admitted.append(member)
                self._moved(session, actor, "collective.admit", view, member, now=now)
        return admitted

    def move_out(
        self, actor: Actor, code: str, who: str | int, *, destination: str, reason: str = ""
    ) -> MemberView:
        """迁出: the stay ends, with where to; the row stays in the history. ``who`` is
        the person's ID number, or the id of their row in the roster (a masked roster
        still names the row)."""
        self._require(actor, WORKING, "move a person out of a collective household")
        destination = _text("destination", destination, required=True)
        reason = _text("reason", reason)
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, WORKING)
            member = self._member(session, view, who)
            return self._end_stay(
                session,
                actor,
                view,
                member,
                Movement.MOVED_OUT,
                destination=destination,
                reason=reason,
                now=now,
            )

    def transfer(
        self,
        actor: Actor,
        code: str,
        who: str | int,
        *,
        to_collective: str | None = None,
        to_family_household: str | None = None,
        reason: str = "",
    ) -> MemberView:
        """To another open collective of this office (a new stay begins there, linked to
        this one), or to a family household (its household number or address)."""
        self._require(actor, WORKING, "transfer a person between households")
        if (to_collective is None) == (to_family_household is None):
            raise ServiceError("name one destination: --to-collective CODE or --to-family TEXT")
        reason = _text("reason", reason)
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, WORKING)
            member = self._member(session, view, who)
            target: CollectiveView | None = None
            if to_collective is not None:
                target = self._visible(session, actor, to_collective, WORKING)
                if target.code == view.code:
                    raise ServiceError(
                        f"{member.person.name or 'the person'} is already registered in {view.code}"
                    )
                if not target.is_open:
                    raise ServiceError(f"collective {target.code} is closed; choose an open one")
                destination = f"{KIND_ZH[CollectiveKind(target.kind)]} {target.code} {target.name}"
            else:
                destination = "家庭户 " + _text(
                    "family household", to_family_household or "", required=True
                )
            ended = self._end_stay(
                session,
                actor,
                view,
                member,
                Movement.TRANSFERRED,
                destination=destination,
                reason=reason,
                now=now,
            )
            if target is not None:
                arrived = cr.add_member(
                    session,
                    collective_id=target.id,
                    person_id=member.person.id,
                    application_id=None,
                    relation=member.relation,
                    began=Movement.TRANSFERRED_IN.value,
                    from_member_id=member.id,
                    admitted_at=now,
                    admitted_by=actor.username,
                )
                self._moved(session, actor, "collective.transfer_in", target, arrived, now=now)
        return ended

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
            raise ServiceError(
                f"evidence kind {kind!r}; one of: {', '.join(k.value for k in EvidenceKind)}"
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
                raise ServiceError(f"owner_id_number: {exc}") from None
        if consent_date > self.apps.clock().date():
            raise ServiceError(
                f"consent_date {consent_date.isoformat()} is in the future; give the date "
                "the owner signed, or the lease was registered"
            )
        attachment_id = None
        if scan is not None:
            filename, content, media_type = scan
            attachment_id = self.apps.attach_scan(
                actor, application_number, filename=filename, content=content, media_type=media_type
            ).id
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            application = repo.load(session, application_number.strip())
            if application is None:
                raise NotFoundError(f"no application {application_number!r} in this store")
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
                raise NotFoundError(f"no application {application_number!r} in this store")
            return cr.evidence_of(session, application.id)

    def print_evidence(self, actor: Actor, evidence_id: int) -> bytes:
        self._require(actor, WORKING, "print consent evidence")
        with self.store.sessions() as session:
            found = cr.evidence(session, evidence_id)
        if found is None:
            raise NotFoundError(f"no consent evidence {evidence_id}")
        pdf = render_evidence(
            EvidencePage(
                title=EVIDENCE_ZH[EvidenceKind(found.kind)],
                station_name=self._office.station_name,
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
            at=self.apps.clock(),
            actor=actor.username,
            action="collective.print_evidence",
            detail={"evidence": evidence_id, "number": found.application_number},
        )
        return pdf

    # --- printing and exporting the roster ------------------------------------------------

    def roster_pdf(self, actor: Actor, code: str) -> bytes:
        """The roster as an A4 page (ReportLab): every member registered today. Audited."""
        self._require(actor, WORKING, "print a collective's roster")
        with self.store.sessions() as session:
            view = self._visible(session, actor, code, WORKING)
            found = cr.members(session, view.id)
        pdf = render_roster(
            RosterPage(
                code=view.code,
                kind=KIND_ZH[CollectiveKind(view.kind)],
                name=view.name,
                address=view.address,
                division=self._place(view.division_code),
                sponsor=view.sponsor,
                station_name=self._office.station_name,
                printed_on=self.apps.clock().date(),
                lines=tuple(_roster_line(m) for m in found),
            )
        )
        self.store.record(
            at=self.apps.clock(),
            actor=actor.username,
            action="collective.print_roster",
            detail={"collective": view.code, "members": len(found)},
        )
        return pdf

    def export_roster(self, actor: Actor, code: str) -> bytes:
        """The roster as CSV (UTF-8 with a BOM, so spreadsheet programs read the 汉字):
        personal data, so a supervisor's, and audited."""
        require(actor, Permission.EXPORT)
        with self.store.sessions() as session:
            view = self._visible(session, actor, code, WORKING)
            found = cr.members(session, view.id, include_past=True)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(ROSTER_COLUMNS)
        for member in found:
            writer.writerow(_csv_row(view, member))
        self.store.record(
            at=self.apps.clock(),
            actor=actor.username,
            action="collective.export",
            detail={"collective": view.code, "rows": len(found), "format": "csv"},
        )
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    # --- the family booklet (家庭居民户口簿) -------------------------------------------------

    def apply_booklet(
        self,
        actor: Actor,
        code: str,
        *,
        head: str | int,
        members: Iterable[tuple[str | int, str, bool]],
        on: date | None = None,
    ) -> BookletView:
        """The application: the head (户主) and each other member with their relation to
        the head and whether they live together. Checked when decided, not now, so a
        refusal is on paper with its reasons."""
        self._require(actor, WORKING, "apply for a family booklet")
        on = on or self.apps.clock().date()
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            view = self._visible(session, actor, code, WORKING)
            if not view.is_open:
                raise ServiceError(f"collective {view.code} is closed")
            head_person = self._member(session, view, head).person
            rows = []
            for who, relation, lives_together in members:
                try:
                    Relation(relation)
                except ValueError:
                    raise ServiceError(
                        f"relation {relation!r}; one of: {', '.join(r.value for r in Relation)}"
                    ) from None
                person = self._member(session, view, who).person
                rows.append(
                    {
                        "person_id": person.id,
                        "relation": relation,
                        "lives_together": bool(lives_together),
                    }
                )
            if not rows:
                raise ServiceError("name the family members besides the head: --member ID:RELATION")
            booklet = cr.add_booklet(
                session,
                number=self.apps.document_number(session, "HB"),
                collective_id=view.id,
                head_person_id=head_person.id,
                members=rows,
                state=BookletState.APPLIED.value,
                on_date=on,
                applied_by=actor.username,
                applied_at=now,
                reasons=[],
            )
            self._booklet_event(session, actor, "booklet.apply", booklet, now)
        return booklet

    def decide_booklet(self, actor: Actor, number: str) -> BookletView:
        """Issue the booklet, or refuse it with every reason (citing Zaozhuang 2021
        二(四)). A supervisor's; never the one who took the application."""
        self._require(actor, MANAGING, "decide on a family booklet")
        now = self.apps.clock()
        with transaction(self.store.sessions) as session:
            booklet = self._booklet(session, actor, number)
            if booklet.state != BookletState.APPLIED.value:
                raise ServiceError(
                    f"family booklet {booklet.number} is already "
                    f"{booklet.state} ({BOOKLET_STATE_ZH[BookletState(booklet.state)]})"
                )
            if booklet.applied_by == actor.username:
                raise PermissionDeniedError(
                    f"{actor.username} took this application; another supervisor decides it "
                    "(maker-checker)"
                )
            collective = cr.collective(session, booklet.collective_code)
            assert collective is not None
            current = {m.person.id_number or "" for m in cr.members(session, collective.id)}
            issued = cr.people_in_issued_booklets(session, collective.id)
            in_others = {cr.person(session, pid).id_number or "" for pid in issued}
            problems = booklet_problems(
                collective_division=collective.division_code,
                on=booklet.on,
                head=booklet.head.id_number or "",
                members=tuple(
                    BookletMember(p.id_number or "", _relation(rel), together)
                    for p, rel, together in booklet.members
                ),
                current_members=frozenset(current),
                in_other_booklets=frozenset(in_others),
            )
            if problems:
                cr.update_booklet(
                    session,
                    booklet.number,
                    state=BookletState.REFUSED.value,
                    decided_by=actor.username,
                    decided_at=now,
                    reasons=problems,
                )
            else:
                cr.update_booklet(
                    session,
                    booklet.number,
                    state=BookletState.ISSUED.value,
                    decided_by=actor.username,
                    decided_at=now,
                    household_number=self.apps.document_number(session, "JH"),
                )
            decided = cr.booklet(session, booklet.number)
            assert decided is not None
            self._booklet_event(session, actor, "booklet.decide", decided, now)
        return decided

    def booklet(self, actor: Actor, number: str) -> BookletView:
        self._require(actor, WORKING, "see a family booklet")
        with self.store.sessions() as session:
            return self._booklet(session, actor, number)

    def booklets(self, actor: Actor, code: str) -> list[BookletView]:
        self._require(actor, WORKING, "see family booklets")
        with self.store.sessions() as session:
            view = self._visible(session, actor, code, WORKING)
            return cr.booklets_of(session, view.id)

    def print_booklet(self, actor: Actor, number: str) -> bytes:
        """The issued booklet's page: 户别 家庭户, its household number, the address of the
        collective, and each member's registration line; or, refused, the reasons."""
        self._require(actor, WORKING, "print a family booklet")
        with self.store.sessions() as session:
            booklet = self._booklet(session, actor, number)
            collective = cr.collective(session, booklet.collective_code)
        assert collective is not None
        if booklet.state == BookletState.APPLIED.value:
            raise ServiceError(f"family booklet {booklet.number} is not decided yet")
        people = [(booklet.head, "户主")] + [
            (p, RELATION_ZH[Relation(rel)]) for p, rel, _ in booklet.members
        ]
        pdf = render_booklet(
            BookletPage(
                number=booklet.number,
                household_number=booklet.household_number,
                issued=booklet.state == BookletState.ISSUED.value,
                state=BOOKLET_STATE_ZH[BookletState(booklet.state)],
                collective=f"{KIND_ZH[CollectiveKind(collective.kind)]} {collective.name}",
                address=collective.address,
                station_name=self._office.station_name,
                decided_on=(booklet.decided_at or self.apps.clock()).date(),
                clause=BOOKLET_CLAUSE,
                clause_text=BOOKLET_CLAUSE_TEXT,
                documents=BOOKLET_DOCUMENTS,
                people=tuple(
                    (p.name, p.id_number or "", relation, p.sex, _born(p)) for p, relation in people
                ),
                reasons=booklet.reasons,
            )
        )
        self.store.record(
            at=self.apps.clock(),
            actor=actor.username,
            action="booklet.print",
            detail={"booklet": booklet.number, "state": booklet.state},
        )
        return pdf

    # --- the machinery ---------------------------------------------------------------------

    def _require(self, actor: Actor, roles: frozenset[str], what: str) -> None:
        require_role(actor, roles, what)

    def _seeable(self, session: Any, actor: Actor) -> list[CollectiveView]:
        own = actor.username if actor.role == "collective_administrator" else None
        return cr.collectives(session, administrator=own, include_closed=True)

    def _visible(
        self, session: Any, actor: Actor, code: str, roles: frozenset[str]
    ) -> CollectiveView:
        """The collective, if this user may work it: a collective-hukou administrator
        only their own (refused as if it did not exist: no probing for codes)."""
        self._require(actor, roles, "work this collective household")
        view = cr.collective(session, code.strip())
        if view is None or (
            actor.role == "collective_administrator" and view.administrator != actor.username
        ):
            raise NotFoundError(
                f"no collective household {code!r} among yours; `caseworker collective list` "
                "shows those you may see"
            )
        return view

    def _division(self, code: str) -> str:
        """A county, street or community code that the division data knows."""
        code = code.strip()
        divisions = self.apps.evaluation.divisions
        if not (code.isdigit() and len(code) in (6, 9, 12)):
            raise ServiceError(
                f"division_code {code!r}: 6 digits for a county, 9 for a street or town, 12 "
                "for a community (GB/T 2260 and the statistics office's codes)"
            )
        county = divisions.canonical_county(code[:6])
        if county is None:
            raise ServiceError(f"division_code {code!r}: no county {code[:6]} in the division data")
        if len(code) >= 9 and divisions.has_streets(county):
            streets = {s.code for s in divisions.streets_of(county)}
            if code[:9] not in streets:
                raise ServiceError(
                    f"division_code {code!r}: no street or town {code[:9]} in "
                    f"{divisions.county_name(county)}"
                )
            if len(code) == 12 and code not in {c.code for c in divisions.communities_of(code[:9])}:
                raise ServiceError(f"division_code {code!r}: no community {code} in {code[:9]}")
        return code

    def _place(self, code: str) -> str:
        """省市县 of the collective's county (an old code is shown as the code itself)."""
        return self.apps.evaluation.divisions.full_name(code[:6])

    def _check_administrator(self, session: Any, username: str) -> None:
        username = username.strip()
        if not username:
            return
        user = repo.user(session, username)
        if user is None or not user.active:
            raise ServiceError(f"administrator: there is no active user {username!r}")
        if user.role != "collective_administrator":
            raise ServiceError(
                f"administrator: {username} is a {user.role}; the administrator of a collective "
                "is a collective_administrator (`caseworker users add NAME --role "
                "collective_administrator`)"
            )

    def _check_admission(
        self, session: Any, collective: CollectiveView, application: repo.ApplicationView
    ) -> None:
        number = application.number
        if not collective.is_open:
            raise ServiceError(f"collective {collective.code} is closed; admit into an open one")
        state = State(application.state)
        if state not in ADMITTING_STATES:
            raise ServiceError(
                f"application {number} is {state.value}; a person is admitted once the "
                "application is decided eligible and approved"
            )
        if application.decision is None or application.decision.decision != ELIGIBLE:
            raise ServiceError(f"application {number} was not decided eligible")
        household = get_fact(application.case, "destination.household")
        wanted = HOUSEHOLD_KIND.get(str(household))
        if wanted is None:
            raise ServiceError(
                f"application {number} registers in {household or 'an unnamed household'}, "
                "not a collective household; only an application to a collective is admitted"
            )
        if wanted.value != collective.kind:
            raise ServiceError(
                f"application {number} is for a {KIND_ZH[wanted]} ({wanted.value}); "
                f"{collective.code} is a {KIND_ZH[CollectiveKind(collective.kind)]}"
            )
        if not collective.division_code.startswith(application.destination_county):
            raise ServiceError(
                f"application {number} settles in {application.destination_county}; "
                f"{collective.code} is in {collective.division_code[:6]}"
            )
        fallback = wanted is CollectiveKind.COMMUNITY and bool(
            get_fact(application.case, "applicant.flexible_worker")
        )
        if fallback and not any(
            e.kind == EvidenceKind.REGISTERED_LEASE.value
            for e in cr.evidence_of(session, application.id)
        ):
            raise ServiceError(
                f"application {number} is a 兜底 (fallback) admission: record the registered "
                f"lease first (`caseworker collective evidence {number} --kind "
                "registered_lease …`)"
            )

    def _not_registered_elsewhere(self, session: Any, person: repo.PersonView) -> None:
        current = cr.current_membership(session, person.id)
        if current is not None:
            raise DuplicateError(
                f"{person.name or mask_id(person.id_number)} is registered in collective "
                f"{current.collective_code} since {current.admitted_at:%Y-%m-%d}; move them "
                "out or transfer them first"
            )

    def _person(self, session: Any, id_number: str) -> repo.PersonView:
        id_number = id_number.strip().upper()
        try:
            parse_resident_id(id_number)
        except ResidentIdError as exc:
            raise ServiceError(f"{id_number!r}: {exc}") from None
        person = cr.person_by_id_number(session, id_number)
        if person is None:
            raise NotFoundError(f"nobody with ID number {mask_id(id_number)} in this store")
        return person

    def _member(self, session: Any, view: CollectiveView, who: str | int) -> MemberView:
        """A person registered in ``view`` now: by ID number, or by their roster row."""
        if isinstance(who, int):
            try:
                row = cr.member(session, who)
            except LookupError:
                raise NotFoundError(f"no roster row {who} in {view.code}") from None
            if not row.current or row.collective_code != view.code:
                raise NotFoundError(f"roster row {who} is not a member of {view.code} now")
            return row
        person = self._person(session, who)
        current = cr.current_membership(session, person.id)
        if current is None or current.collective_code != view.code:
            raise NotFoundError(f"{mask_id(person.id_number)} is not registered in {view.code} now")
        return current

    def _booklet(self, session: Any, actor: Actor, number: str) -> BookletView:
        booklet = cr.booklet(session, number.strip())
        if booklet is None:
            raise NotFoundError(f"no family booklet {number!r}")
        self._visible(session, actor, booklet.collective_code, WORKING)
        return booklet

    def _end_stay(
        self,
        session: Any,
        actor: Actor,
        view: CollectiveView,
        member: MemberView,
        movement: Movement,
        *,
        destination: str,
        reason: str,
        now: datetime,
    ) -> MemberView:
        """A stay ends (moved out or transferred): kept with where to and why, the family
        booklet it was in withdrawn, and the event audited and queued for the centre."""
        cr.end_membership(
            session,
            member.id,
            ended=movement.value,
            left_at=now,
            left_by=actor.username,
            destination=destination,
            reason=reason,
        )
        self._withdraw_booklets(session, actor, view, member, now)
        ended = cr.member(session, member.id)
        action = (
            "collective.move_out" if movement is Movement.MOVED_OUT else "collective.transfer_out"
        )
        self._moved(session, actor, action, view, ended, now=now)
        return ended

    def _withdraw_booklets(
        self, session: Any, actor: Actor, view: CollectiveView, member: MemberView, now: datetime
    ) -> None:
        """A member who leaves takes the issued family booklet they were in with them: it
        no longer describes the collective."""
        number = cr.people_in_issued_booklets(session, view.id).get(member.person.id)
        if number is None:
            return
        cr.update_booklet(session, number, state=BookletState.WITHDRAWN.value)
        withdrawn = cr.booklet(session, number)
        assert withdrawn is not None
        self._booklet_event(session, actor, "booklet.withdraw", withdrawn, now)

    def _changed(
        self,
        session: Any,
        actor: Actor,
        action: str,
        view: CollectiveView,
        now: datetime,
        **detail: Any,
    ) -> None:
        self._event(
            session,
            actor,
            action,
            now,
            detail={"collective": view.code, "kind": view.kind, **detail},
            payload={"collective": _plain(asdict(view))},
        )

    def _moved(
        self,
        session: Any,
        actor: Actor,
        action: str,
        view: CollectiveView,
        member: MemberView,
        *,
        now: datetime,
    ) -> None:
        application = (
            repo.load(session, member.application_number) if member.application_number else None
        )
        self._event(
            session,
            actor,
            action,
            now,
            detail={
                "collective": view.code,
                "person": mask_id(member.person.id_number),
                "destination": member.destination,
            },
            payload={"collective": view.code, "member": _plain(asdict(member))},
            application_id=application.id if application else None,
        )

    def _booklet_event(
        self, session: Any, actor: Actor, action: str, booklet: BookletView, now: datetime
    ) -> None:
        self._event(
            session,
            actor,
            action,
            now,
            detail={
                "booklet": booklet.number,
                "collective": booklet.collective_code,
                "state": booklet.state,
                "people": 1 + len(booklet.members),
            },
            payload={"booklet": _plain(asdict(booklet))},
        )

    def _event(
        self,
        session: Any,
        actor: Actor,
        action: str,
        now: datetime,
        *,
        detail: dict[str, Any],
        payload: dict[str, Any],
        application_id: int | None = None,
    ) -> None:
        """One change: its audit event (ID numbers masked) and its outbox entry for the
        centre (in full), in the caller's transaction."""
        repo.add_audit(
            session,
            at=now,
            actor=actor.username,
            action=action,
            application_id=application_id,
            detail=detail,
        )
        self._outbox(session, actor, action, now, **payload)

    def _outbox(self, session: Any, actor: Actor, kind: str, now: datetime, **body: Any) -> None:
        repo.add_outbox(
            session,
            key=uuid.uuid4().hex,
            kind=kind,
            payload={
                "office_code": self._office.office_code,
                "device_code": self._office.device_code,
                "at": now.isoformat(),
                "actor": actor.username,
                **body,
            },
            at=now,
        )


ROSTER_COLUMNS = (
    "集体户户号",
    "姓名",
    "公民身份号码",
    "性别",
    "出生日期",
    "与申请人关系",
    "迁入方式",
    "迁入日期",
    "申请编号",
    "迁出方式",
    "迁出日期",
    "去向",
)


def _csv_row(view: CollectiveView, member: MemberView) -> list[str]:
    return [
        view.code,
        _csv_safe(member.person.name),
        member.person.id_number or "",
        member.person.sex,
        _born(member.person),
        _relation_zh(member.relation),
        MOVEMENT_ZH[Movement(member.began)],
        f"{member.admitted_at:%Y-%m-%d}",
        member.application_number or "",
        MOVEMENT_ZH[Movement(member.ended)] if member.ended else "",
        f"{member.left_at:%Y-%m-%d}" if member.left_at else "",
        _csv_safe(member.destination),
    ]


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula is kept as text (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _roster_line(member: MemberView) -> RosterLine:
    return RosterLine(
        name=member.person.name,
        id_number=member.person.id_number or "",
        sex={"M": "男", "F": "女"}.get(member.person.sex, ""),
        born=_born(member.person),
        relation=_relation_zh(member.relation),
        since=member.admitted_at.date(),
        how=MOVEMENT_ZH[Movement(member.began)],
    )


def _relation_zh(relation: str) -> str:
    if not relation:
        return "本人"
    try:
        return RELATION_ZH[Relation(relation)]
    except ValueError:
        return relation


def _relation(value: str) -> Relation | None:
    try:
        return Relation(value)
    except ValueError:
        return None


def _born(person: repo.PersonView) -> str:
    return person.birth_date.isoformat() if person.birth_date else ""


def _kind(kind: str) -> CollectiveKind:
    try:
        return CollectiveKind(kind.strip())
    except ValueError:
        raise ServiceError(
            f"kind {kind!r}; one of: "
            + ", ".join(f"{k.value} ({KIND_ZH[k]})" for k in CollectiveKind)
        ) from None


def _text(field: str, value: str, required: bool = False) -> str:
    if not isinstance(value, str):
        raise ServiceError(f"{field}: text expected")
    value = value.strip()
    if required and not value:
        raise ServiceError(f"{field} is required")
    if len(value) > MAX_TEXT:
        raise ServiceError(f"{field}: {len(value)} characters; at most {MAX_TEXT}")
    if any(ord(c) < 32 for c in value):
        raise ServiceError(f"{field}: control characters are not allowed; type it again")
    return value


def _masked(found: list[MemberView]) -> list[MemberView]:
    return [
        replace(m, person=replace(m.person, id_number=mask_id(m.person.id_number))) for m in found
    ]


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
