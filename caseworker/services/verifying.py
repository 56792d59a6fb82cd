"""`verify`: what a printed document's code proves, answered from the print register.

The register keeps, for each copy, what the paper says as printed (``facts``: everyone it
names, the destination, the validity), so the answer never changes when a record does
later. The answer names every person on the paper, masked, for the person checking to
compare with what the paper shows. Reasons (why a paper was voided, refused or revoked)
are internal: only a logged-in clerk, supervisor or administrator sees them; anyone else
learns the answer (valid, used, void, expired, revoked, tampered, unknown) and what to
compare. A logged-in check is audited (``document.verify``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from caseworker.models.workflow import Action, State
from caseworker.printing.model import DocumentKind
from caseworker.printing.payload import PayloadError, digest_of, parse, short_digest
from caseworker.security.signing import verify_signature
from caseworker.services import high_water
from caseworker.services.base import Actor, mask_id
from caseworker.services.context import ServiceContext
from caseworker.services.permissions import COUNTER
from caseworker.storage import bindings
from caseworker.storage import repositories as repo
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from caseworker.storage.repositories import ApplicationView, PrintedView

#: a voided application makes every paper it gave void; a permit is void too once its
#: application was withdrawn or refused after all
ENDED = frozenset({State.VOIDED.value})
PERMIT_ENDED = frozenset({State.VOIDED.value, State.WITHDRAWN.value, State.REFUSED.value})
#: who may read why a paper is void (the reasons are the office's, not the public's)
REASON_ROLES = COUNTER
COMPARE = (
    "核对 compare: the paper must show exactly these people (关系 relation, 姓名 name, "
    "the visible digits of each 公民身份号码 ID number) and this destination; if it shows "
    "anyone or anything else, or leaves anyone out, it is not this document"
)


@dataclass(frozen=True, slots=True)
class PersonOnPaper:
    relation: str  # 与申请人关系, "本人" for the holder
    name: str
    id_masked: str  # or 出生日期 … for a child without an ID number yet


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a code proves. ``valid`` (and ``used``, ``expired``) come with everyone the paper
    names and its destination: the person holding the paper compares them with what it
    shows, since a genuine code can be copied onto a forged paper or file."""

    status: str  # valid | used | void | expired | revoked | tampered | unknown
    message: str
    record: PrintedView | None = None
    people: tuple[PersonOnPaper, ...] = ()
    destination: str = ""
    valid_until: date | None = None
    settled_on: date | None = None

    @property
    def holder(self) -> str:
        return self.people[0].name if self.people else ""

    @property
    def id_masked(self) -> str:
        return self.people[0].id_masked if self.people else ""


def _masked(identity: str) -> str:
    return identity if identity.startswith("出生日期") else mask_id(identity)


def _people_of(facts: dict[str, Any]) -> tuple[PersonOnPaper, ...]:
    return tuple(
        PersonOnPaper(relation, name or "(no name)", _masked(identity))
        for relation, name, identity in facts.get("people", [])
    )


def _legacy_facts(
    context: ServiceContext, record: PrintedView, view: ApplicationView, *, valid_days: int
) -> Any:
    """A copy printed before the register kept its facts (migration 0011): the application
    as it is now, and the validity from the first copy's date, as `verify` said then."""
    with context.store.sessions() as session:
        first = min(repo.printed_copies(session, record.number), key=lambda p: p.copy)
    divisions = context.evaluation.divisions
    place = divisions.full_name(view.destination_county)
    until = (
        (first.printed_at.date() + timedelta(days=valid_days)).isoformat()
        if record.kind == DocumentKind.PERMIT.value
        else ""
    )
    return {
        "people": [["本人", view.applicant.name, view.applicant.id_number or ""]],
        "destination": f"{place}{view.destination_street}{view.destination_address}",
        "valid_until": until,
    }


def _people_line(people: tuple[PersonOnPaper, ...]) -> str:
    return "；".join(f"{p.relation} {p.name} ({p.id_masked})" for p in people)


def verify_code(
    context: ServiceContext, text: str, *, actor: Actor | None, valid_days: int
) -> Verdict:
    """The answer for a code read from a QR, a PDF's text or typed in; the reasons only
    for a logged-in desk user."""
    reveal = actor is not None and actor.role in REASON_ROLES
    try:
        payload = parse(text)
    except PayloadError as exc:
        return Verdict("unknown", str(exc))
    with context.store.sessions() as session:
        keys = repo.device_keys(session).get(payload.device, [])
        copies = [p for p in repo.printed_copies(session, payload.number) if p.copy == payload.copy]
    if not keys:
        return Verdict(
            "unknown", f"signed by device {payload.device}, which this office does not know"
        )
    if not any(verify_signature(k, payload.signed_part, payload.signature) for k in keys):
        return Verdict("tampered", "the signature does not match: the code was altered")
    if not copies:
        return Verdict("unknown", f"{payload.number} is not in this office's register")
    record = copies[0]
    if short_digest(record.digest) != payload.digest or (
        record.facts and digest_of(record.facts) != record.digest
    ):
        return Verdict("tampered", "the document's fields differ from the register", record)
    police_station = context.office.police_station_name
    ask = f"ask {police_station} (向{police_station}核实) why"
    if record.voided:
        said = record.void_reason if reveal else ask
        return Verdict("void", f"{payload.number} is void 已作废: {said}", record)
    with context.store.sessions() as session:
        revoked = sync_repo.revocation(session, payload.number)
        number = repo.application_number(session, record.application_id)
        view = repo.load(session, number) if number else None
        events = repo.audit_of(session, number) if number else []
        altered = bindings.disagreement(session, record.application_id)
        rolled_back = high_water.unresolved(session)
    if revoked is not None:
        reason, when = revoked
        said = f": {reason}" if reveal else f"; {ask}"
        return Verdict(
            "revoked",
            f"{payload.number} was revoked by the central system on {when:%Y-%m-%d}{said}",
            record,
        )
    if view is None:
        return Verdict("unknown", f"the application of {payload.number} is not here", record)
    if rolled_back is not None:  # the store was put back from an earlier copy
        return Verdict(
            "unknown",
            f"this store was rolled back to an earlier copy (found at audit event "
            f"{rolled_back}): what it says about {payload.number} cannot be trusted; the "
            "office IT person restores the right backup with `caseworker restore`, or ask "
            "the central system",
            record,
        )
    if altered is not None:  # the row disagrees with its trail (storage.bindings)
        return Verdict("tampered", f"{payload.number} proves nothing: {altered.message}", record)
    ended = PERMIT_ENDED if record.kind == DocumentKind.PERMIT.value else ENDED
    if view.state in ended:
        said = (
            f"its application {view.number} was {view.state}"
            + (f": {view.reason}" if view.reason else "")
            if reveal
            else ask
        )
        return Verdict("void", f"{payload.number} is void 已作废: {said}", record)
    facts = record.facts or _legacy_facts(context, record, view, valid_days=valid_days)
    people = _people_of(facts)
    destination = str(facts.get("destination", ""))
    until = date.fromisoformat(facts["valid_until"]) if facts.get("valid_until") else None
    whom = f"{_people_line(people)}, destination 迁往 {destination}"
    if record.kind == DocumentKind.PERMIT.value and view.state == State.SETTLED.value:
        settled = [
            e.at.date() for e in events if e.action == f"application.{Action.MARK_SETTLED.value}"
        ]
        on = settled[-1] if settled else None
        settled_when = f" on {on:%Y-%m-%d}" if on else ""
        return Verdict(
            "used",
            f"{payload.number} was used 已办理落户{settled_when}: it settled {whom}; it is "
            "not valid for a new settlement 不能再次用于落户",
            record,
            people,
            destination,
            until,
            on,
        )
    if until is not None and context.clock().date() > until:
        said = f"{payload.number} expired 已过期: 有效期至 valid until {until:%Y-%m-%d}"
        return Verdict("expired", f"{said}; it was for {whom}", record, people, destination, until)
    holder = people[0] if people else PersonOnPaper("本人", "(no name)", "")
    others = f"; 随迁 with: {_people_line(people[1:])}" if len(people) > 1 else ""
    return Verdict(
        "valid",
        f"valid for {holder.name} ({holder.id_masked}), destination 迁往 {destination}: "
        f"{payload.number} copy {payload.copy}"
        + (f", 有效期至 valid until {until:%Y-%m-%d}" if until else "")
        + others,
        record,
        people,
        destination,
        until,
    )


def record_check(context: ServiceContext, actor: Actor, text: str, verdict: Verdict) -> None:
    """A logged-in check in the audit trail: which document, what the answer was."""
    record = verdict.record
    with transaction(context.store.sessions) as session:
        repo.add_audit(
            session,
            at=context.clock(),
            actor=actor.username,
            action="document.verify",
            application_id=record.application_id if record is not None else None,
            detail={
                "document": record.number if record is not None else text.strip()[:80],
                "copy": record.copy if record is not None else None,
                "status": verdict.status,
            },
        )
