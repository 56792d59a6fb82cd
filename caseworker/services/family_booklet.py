"""The family household booklet (家庭居民户口簿) of Zaozhuang 2021 二(四): a family inside a
collective household applies for its own booklet page, a supervisor decides it (never the
one who took the application), and the page is printed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from caseworker.models.collectives import (
    BOOKLET_CLAUSE,
    BOOKLET_CLAUSE_TEXT,
    BOOKLET_DOCUMENTS,
    BOOKLET_STATE_ZH,
    KIND_ZH,
    BookletMember,
    BookletState,
    CollectiveKind,
    booklet_problems,
)
from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.printing.collectives import (
    BookletPage,
    render_booklet,
)
from caseworker.services.base import (
    Actor,
    InvalidInputError,
    PermissionDeniedError,
    StepNotAllowedError,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.collective_base import (
    MANAGING,
    WORKING,
    CollectiveBase,
    _born,
    _relation,
)
from caseworker.storage import collectives as cr
from caseworker.storage.collectives import BookletView


class FamilyBookletWork(CollectiveBase):
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
        on = on or self.context.clock().date()
        now = self.context.clock()
        with self._writing() as session:
            view = self._visible(session, actor, code, WORKING)
            if not view.is_open:
                raise StepNotAllowedError(code="collective.closed", collective=view.code)
            head_person = self._member(session, view, head).person
            rows = []
            for who, relation, lives_together in members:
                try:
                    Relation(relation)
                except ValueError:
                    raise InvalidInputError(
                        code="booklet.relation_unknown",
                        field="relation",
                        relation=relation,
                        relations=", ".join(r.value for r in Relation),
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
                raise InvalidInputError(code="booklet.members_needed", field="members")
            booklet = cr.add_booklet(
                session,
                number=self.context.document_number(session, "HB"),
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
        now = self.context.clock()
        with self._writing() as session:
            booklet = self._booklet(session, actor, number)
            if booklet.state != BookletState.APPLIED.value:
                raise StepNotAllowedError(
                    code="booklet.decided_already",
                    booklet=booklet.number,
                    state=booklet.state,
                    state_zh=BOOKLET_STATE_ZH[BookletState(booklet.state)],
                )
            if booklet.applied_by == actor.username:
                raise PermissionDeniedError(
                    code="booklet.maker_checker", username=actor.username, booklet=booklet.number
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
                    household_number=self.context.document_number(session, "JH"),
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
            raise StepNotAllowedError(code="booklet.not_decided", booklet=booklet.number)
        people = [(booklet.head, "户主")] + [
            (p, RELATION_ZH[Relation(rel)]) for p, rel, _ in booklet.members
        ]
        with service_boundary("collective"):
            pdf = render_booklet(
                BookletPage(
                    number=booklet.number,
                    household_number=booklet.household_number,
                    issued=booklet.state == BookletState.ISSUED.value,
                    state=BOOKLET_STATE_ZH[BookletState(booklet.state)],
                    collective=f"{KIND_ZH[CollectiveKind(collective.kind)]} {collective.name}",
                    address=collective.address,
                    police_station_name=self._office.police_station_name,
                    decided_on=(booklet.decided_at or self.context.clock()).date(),
                    clause=BOOKLET_CLAUSE,
                    clause_text=BOOKLET_CLAUSE_TEXT,
                    documents=BOOKLET_DOCUMENTS,
                    people=tuple(
                        (p.name, p.id_number or "", relation, p.sex, _born(p))
                        for p, relation in people
                    ),
                    reasons=booklet.reasons,
                )
            )
        self.store.record(
            at=self.context.clock(),
            actor=actor.username,
            action="booklet.print",
            detail={"booklet": booklet.number, "state": booklet.state},
        )
        return pdf
