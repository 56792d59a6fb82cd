"""What the collective-hukou services share (集体户管理): who may see which collective,
the checks of an admission, the member and booklet look-ups, and the one way a change is
recorded (its audit event and outbox entry, ``record_change``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Any

from caseworker.models.collectives import (
    HOUSEHOLD_KIND,
    KIND_ZH,
    MOVEMENT_ZH,
    BookletState,
    CollectiveKind,
    EvidenceKind,
    Movement,
)
from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.models.workflow import State
from caseworker.printing.collectives import (
    RosterLine,
)
from caseworker.rules.decision import ELIGIBLE
from caseworker.services.base import (
    Actor,
    DuplicateError,
    InvalidInputError,
    NotFoundError,
    StepNotAllowedError,
    invalid_id_number,
    mask_id,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.context import ServiceContext, Session, record_change
from caseworker.services.intake import get_fact
from caseworker.services.permissions import (
    ALL_ROLES,
    SUPERVISING,
    Role,
    require_role,
)
from caseworker.storage import collectives as cr
from caseworker.storage import repositories as repo
from caseworker.storage.collectives import BookletView, CollectiveView, MemberView
from caseworker.storage.database import transaction

MANAGING = SUPERVISING
WORKING = ALL_ROLES
#: an application is admitted once approved: the permit follows from the approval
ADMITTING_STATES = frozenset({State.APPROVED, State.PERMIT_ISSUED, State.SETTLED})
MAX_TEXT = 200


class CollectiveBase:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.store = context.store
        self._office = self.context.office

    # --- the machinery ---------------------------------------------------------------------

    def _require(self, actor: Actor, roles: frozenset[str], what: str) -> None:
        require_role(actor, roles, what)

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One transaction; a collective changed meanwhile (its optimistic lock) and the
        models' errors come out as refusals."""
        with service_boundary("collective"), transaction(self.store.sessions) as session:
            yield session

    def _seeable(self, session: Session, actor: Actor) -> list[CollectiveView]:
        own = actor.username if actor.role == Role.COLLECTIVE_ADMINISTRATOR else None
        return cr.collectives(session, administrator=own, include_closed=True)

    def _visible(
        self, session: Session, actor: Actor, code: str, roles: frozenset[str]
    ) -> CollectiveView:
        """The collective, if this user may work it: a collective-hukou administrator
        only their own (refused as if it did not exist: no probing for codes)."""
        self._require(actor, roles, "work this collective household")
        view = cr.collective(session, code.strip())
        if view is None or (
            actor.role == Role.COLLECTIVE_ADMINISTRATOR and view.administrator != actor.username
        ):
            raise NotFoundError(code="collective.not_found", field="collective", collective=code)
        return view

    def _division(self, code: str) -> str:
        """A county, street or community code that the division data knows."""
        code = code.strip()
        divisions = self.context.evaluation.divisions
        if not (code.isdigit() and len(code) in (6, 9, 12)):
            raise InvalidInputError(
                code="collective.division_shape", field="division_code", division=code
            )
        county = divisions.canonical_county(code[:6])
        if county is None:
            raise InvalidInputError(
                code="collective.division_unknown",
                field="division_code",
                division=code,
                county=code[:6],
            )
        if len(code) >= 9 and divisions.has_streets(county):
            streets = {s.code for s in divisions.streets_of(county)}
            if code[:9] not in streets:
                raise InvalidInputError(
                    code="collective.street_unknown",
                    field="division_code",
                    division=code,
                    street=code[:9],
                    county=divisions.county_name(county),
                )
            if len(code) == 12 and code not in {c.code for c in divisions.communities_of(code[:9])}:
                raise InvalidInputError(
                    code="collective.community_unknown",
                    field="division_code",
                    division=code,
                    street=code[:9],
                )
        return code

    def _place(self, code: str) -> str:
        """省市县 of the collective's county (an old code is shown as the code itself)."""
        return self.context.evaluation.divisions.full_name(code[:6])

    def _check_administrator(self, session: Session, username: str) -> None:
        username = username.strip()
        if not username:
            return
        user = repo.user(session, username)
        if user is None or not user.active:
            raise InvalidInputError(
                code="collective.administrator_unknown", field="administrator", username=username
            )
        if user.role != Role.COLLECTIVE_ADMINISTRATOR:
            raise InvalidInputError(
                code="collective.administrator_role",
                field="administrator",
                username=username,
                role=user.role,
            )

    def _check_admission(
        self, session: Session, collective: CollectiveView, application: repo.ApplicationView
    ) -> None:
        number = application.number
        if not collective.is_open:
            raise StepNotAllowedError(code="collective.closed", collective=collective.code)
        state = State(application.state)
        if state not in ADMITTING_STATES:
            raise StepNotAllowedError(
                code="collective.admit_state", number=number, state=state.value
            )
        if application.decision is None or application.decision.decision != ELIGIBLE:
            raise StepNotAllowedError(code="collective.admit_not_eligible", number=number)
        household = get_fact(application.case, "destination.household")
        wanted = HOUSEHOLD_KIND.get(str(household))
        if wanted is None:
            raise StepNotAllowedError(
                code="collective.admit_not_collective",
                number=number,
                household=str(household or "an unnamed household"),
            )
        if wanted.value != collective.kind:
            raise StepNotAllowedError(
                code="collective.admit_kind",
                number=number,
                wanted=wanted.value,
                wanted_zh=KIND_ZH[wanted],
                collective=collective.code,
                kind=collective.kind,
                kind_zh=KIND_ZH[CollectiveKind(collective.kind)],
            )
        if not collective.division_code.startswith(application.destination_county):
            raise StepNotAllowedError(
                code="collective.admit_county",
                number=number,
                county=application.destination_county,
                collective=collective.code,
                collective_county=collective.division_code[:6],
            )
        fallback = wanted is CollectiveKind.COMMUNITY and bool(
            get_fact(application.case, "applicant.flexible_worker")
        )
        if fallback and not any(
            e.kind == EvidenceKind.REGISTERED_LEASE.value
            for e in cr.evidence_of(session, application.id)
        ):
            raise StepNotAllowedError(code="collective.lease_needed", number=number)

    def _not_registered_elsewhere(self, session: Session, person: repo.PersonView) -> None:
        current = cr.current_membership(session, person.id)
        if current is not None:
            raise DuplicateError(
                code="collective.registered_elsewhere",
                name=person.name or mask_id(person.id_number),
                collective=current.collective_code,
                since=f"{current.admitted_at:%Y-%m-%d}",
            )

    def _person(self, session: Session, id_number: str) -> repo.PersonView:
        id_number = id_number.strip().upper()
        try:
            parse_resident_id(id_number)
        except ResidentIdError as exc:
            raise invalid_id_number(exc, field="id_number", typed=id_number) from None
        person = cr.person_by_id_number(session, id_number)
        if person is None:
            raise NotFoundError(code="person.not_found", id_number=mask_id(id_number))
        return person

    def _member(self, session: Session, view: CollectiveView, who: str | int) -> MemberView:
        """A person registered in ``view`` now: by ID number, or by their roster row."""
        if isinstance(who, int):
            try:
                row = cr.member(session, who)
            except LookupError:
                raise NotFoundError(
                    code="collective.no_roster_row", row=who, collective=view.code
                ) from None
            if not row.current or row.collective_code != view.code:
                raise NotFoundError(code="collective.row_not_member", row=who, collective=view.code)
            return row
        person = self._person(session, who)
        current = cr.current_membership(session, person.id)
        if current is None or current.collective_code != view.code:
            raise NotFoundError(
                code="collective.not_member",
                id_number=mask_id(person.id_number),
                collective=view.code,
            )
        return current

    def _booklet(self, session: Session, actor: Actor, number: str) -> BookletView:
        booklet = cr.booklet(session, number.strip())
        if booklet is None:
            raise NotFoundError(code="booklet.not_found", booklet=number)
        self._visible(session, actor, booklet.collective_code, WORKING)
        return booklet

    def _end_stay(
        self,
        session: Session,
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
        self,
        session: Session,
        actor: Actor,
        view: CollectiveView,
        member: MemberView,
        now: datetime,
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
        session: Session,
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
        session: Session,
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
        self, session: Session, actor: Actor, action: str, booklet: BookletView, now: datetime
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
        session: Session,
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
        record_change(
            session,
            office=self._office,
            actor=actor,
            action=action,
            at=now,
            detail=detail,
            payload=payload,
            application_id=application_id,
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
        raise InvalidInputError(
            code="collective.kind_unknown",
            field="kind",
            kind=kind,
            kinds=", ".join(f"{k.value} ({KIND_ZH[k]})" for k in CollectiveKind),
        ) from None


def _text(field: str, value: str, required: bool = False) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(code="text.expected", field=field, name=field)
    value = value.strip()
    if required and not value:
        raise InvalidInputError(code="text.required", field=field, name=field)
    if len(value) > MAX_TEXT:
        raise InvalidInputError(
            code="text.too_long", field=field, name=field, length=len(value), most=MAX_TEXT
        )
    if any(ord(c) < 32 for c in value):
        raise InvalidInputError(code="text.control_characters", field=field, name=field)
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
