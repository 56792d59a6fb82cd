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
from typing import Any

from caseworker.models.collectives import (
    KIND_ZH,
    CollectiveKind,
    Movement,
)
from caseworker.printing.collectives import (
    RosterPage,
    render_roster,
)
from caseworker.services.base import (
    Actor,
    DuplicateError,
    InvalidInputError,
    NotFoundError,
    StepNotAllowedError,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.collective_base import (
    MANAGING,
    ROSTER_COLUMNS,
    WORKING,
    CollectiveBase,
    _csv_row,
    _kind,
    _masked,
    _roster_line,
    _text,
)
from caseworker.services.evidence import EvidenceWork
from caseworker.services.family_booklet import FamilyBookletWork
from caseworker.services.permissions import (
    Permission,
    Role,
    allowed,
    require,
)
from caseworker.services.row_check import refuse_if_tampered
from caseworker.storage import collectives as cr
from caseworker.storage import repositories as repo
from caseworker.storage.collectives import BookletView, CollectiveView, EvidenceView, MemberView

__all__ = ["BookletView", "CollectiveService", "CollectiveView", "EvidenceView", "MemberView"]


class CollectiveService(EvidenceWork, FamilyBookletWork, CollectiveBase):
    """The collectives, their rosters, admissions, moves out and transfers; the evidence
    (``services.evidence``) and the family booklet (``services.family_booklet``) are its
    parts too."""

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
        now = self.context.clock()
        with self._writing() as session:
            self._check_administrator(session, administrator)
            view = cr.add_collective(
                session,
                code=self.context.document_number(session, "JT"),
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
            raise InvalidInputError(
                code="collective.not_editable",
                field=unknown[0],
                fields=", ".join(unknown),
                editable=", ".join(sorted(editable)),
            )
        if "administrator" in changes:
            self._require(actor, MANAGING, "change a collective's administrator")
        now = self.context.clock()
        with self._writing() as session:
            view = self._visible(session, actor, code, WORKING - {"clerk"})
            if not view.is_open:
                raise StepNotAllowedError(code="collective.closed", collective=view.code)
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
        now = self.context.clock()
        with self._writing() as session:
            view = self._visible(session, actor, code, MANAGING)
            if not view.is_open:
                raise StepNotAllowedError(code="collective.closed_already", collective=view.code)
            if view.members:
                raise StepNotAllowedError(
                    code="collective.has_members", collective=view.code, members=view.members
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
        own = actor.username if actor.role == Role.COLLECTIVE_ADMINISTRATOR else None
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
            at=self.context.clock(),
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
        now = self.context.clock()
        # the application's state and decision as its trail left them (storage.bindings)
        refuse_if_tampered(self.store, actor=actor, number=application_number, at=now)
        with self._writing() as session:
            view = self._visible(session, actor, code, WORKING)
            application = repo.load(session, application_number.strip())
            if application is None:
                raise NotFoundError(code="application.not_found", number=application_number)
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
        now = self.context.clock()
        with self._writing() as session:
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
            raise InvalidInputError(code="collective.one_destination", field="destination")
        reason = _text("reason", reason)
        now = self.context.clock()
        with self._writing() as session:
            view = self._visible(session, actor, code, WORKING)
            member = self._member(session, view, who)
            target: CollectiveView | None = None
            if to_collective is not None:
                target = self._visible(session, actor, to_collective, WORKING)
                if target.code == view.code:
                    raise DuplicateError(
                        code="collective.registered_here",
                        name=member.person.name or "the person",
                        collective=view.code,
                    )
                if not target.is_open:
                    raise StepNotAllowedError(code="collective.closed", collective=target.code)
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

    # --- printing and exporting the roster ------------------------------------------------

    def roster_pdf(self, actor: Actor, code: str) -> bytes:
        """The roster as an A4 page (ReportLab): every member registered today. Audited."""
        self._require(actor, WORKING, "print a collective's roster")
        with self.store.sessions() as session:
            view = self._visible(session, actor, code, WORKING)
            found = cr.members(session, view.id)
        with service_boundary("collective"):
            pdf = render_roster(
                RosterPage(
                    code=view.code,
                    kind=KIND_ZH[CollectiveKind(view.kind)],
                    name=view.name,
                    address=view.address,
                    division=self._place(view.division_code),
                    sponsor=view.sponsor,
                    police_station_name=self._office.police_station_name,
                    printed_on=self.context.clock().date(),
                    lines=tuple(_roster_line(m) for m in found),
                )
            )
        self.store.record(
            at=self.context.clock(),
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
            at=self.context.clock(),
            actor=actor.username,
            action="collective.export",
            detail={"collective": view.code, "rows": len(found), "format": "csv"},
        )
        return ("\ufeff" + out.getvalue()).encode("utf-8")
