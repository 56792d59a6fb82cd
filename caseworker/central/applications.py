"""An application's state pushed by its office: the person index, the one-settlement
rule, and the rule packs to decide again under."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from caseworker.central import changes, schema
from caseworker.central.base import CentralBase, OperationError, when
from caseworker.central.fields import APPLICATION_NUMBER, APPLICATION_STATES, ID_NUMBER
from caseworker.sync import protocol


def person_change(
    office: str, number: str, id_number: str, state: str
) -> tuple[str, str, str, dict[str, Any]]:
    """A row of the person-index stream: one person in one application."""
    body = {"office_code": office, "number": number, "id_number": id_number, "state": state}
    return (protocol.PERSONS, "", f"{office}:{number}:{id_number}", body)


def check_own(device: schema.Device, number: str) -> None:
    """A device pushes only its own applications: the number's office and device are its
    own (OFFICE-DEVICE-NNNNNN), so no device can write, settle or flag another's."""
    match = APPLICATION_NUMBER.match(number)
    if match is None:
        raise OperationError(
            f"application number {number[:40]!r} is not OFFICE-DEVICE-NNNNNN; it was not made "
            "by a desk"
        )
    if (match.group(1), match.group(2)) != (device.office_code, device.device_code):
        raise OperationError(
            f"application {number} belongs to office {match.group(1)}, device "
            f"{match.group(2)}; this device is {device.device_code} of office "
            f"{device.office_code} and may push only its own applications"
        )


@dataclass(frozen=True, slots=True)
class Pushed:
    """An application operation's payload, checked."""

    number: str
    state: str
    applicant: str
    people: list[str]  # the applicant and the relatives who move too, in order
    at: datetime
    app: dict[str, Any]


def parse_application(device: schema.Device, payload: dict[str, Any]) -> Pushed:
    """The application an operation carries, or OperationError saying what is wrong."""
    try:
        app = payload["application"]
        number, state = str(app["number"]), str(app["state"])
        applicant = str(app["applicant"]["id_number"] or "")
        people = [applicant] + [
            str(r["person"]["id_number"])
            for r in app.get("relatives", [])
            if r.get("verdict") != "no" and r["person"].get("id_number")
        ]
    except (KeyError, TypeError, AttributeError) as exc:
        raise OperationError(f"the application in the payload lacks {exc}") from None
    if not applicant:
        raise OperationError("the applicant has no ID number")
    check_own(device, number)
    if state not in APPLICATION_STATES:
        raise OperationError(f"state {state[:20]!r} is not one of {', '.join(APPLICATION_STATES)}")
    for id_number in people:
        if not ID_NUMBER.match(id_number):
            raise OperationError(
                f"{id_number[:20]!r} is not an ID number (17 digits and a digit or X)"
            )
    return Pushed(number, state, applicant, people, when(payload.get("at")), app)


def elsewhere(id_number: str, office: str, number: str, state: str) -> dict[str, Any]:
    """The conflict: a person is also in another application."""
    return {
        "kind": "person_elsewhere",
        "id_number": id_number,
        "office_code": office,
        "number": number,
        "state": state,
        "message": f"person {id_number[:6]}******** is also in application {number} "
        f"({state}) at office {office}",
    }


def taken(id_number: str, office: str, number: str) -> dict[str, Any]:
    """The conflict: a person was already settled by another application."""
    return {
        "kind": "settlement_taken",
        "id_number": id_number,
        "office_code": office,
        "number": number,
        "state": "settled",
        "message": f"person {id_number[:6]}******** was already settled by office "
        f"{office} under {number}; the centre keeps that one",
    }


def review(packs: dict[str, tuple[str, str]], app: dict[str, Any]) -> list[dict[str, Any]]:
    """Rule packs (policy: (version, sha256)) that changed at the centre since the
    decision was made."""
    out = []
    for policy, used in (app.get("rule_packs") or {}).items():
        current = packs.get(policy)
        if current is not None and current[1][:12] not in str(used):
            version, sha = current[0], current[1][:12]
            out.append(
                {
                    "policy": policy,
                    "decided_with": used,
                    "now": f"{version} ({sha})",
                    "message": f"decided under {policy} {used}; the centre now has "
                    f"{version} ({sha}): decide it again",
                }
            )
    return out


class Applications(CentralBase):
    def _application(
        self,
        session: Session,
        device: schema.Device,
        kind: str,
        payload: dict[str, Any],
        now: datetime,
    ) -> tuple[str, dict[str, Any]]:
        pushed = parse_application(device, payload)
        number, state, applicant, people = (
            pushed.number,
            pushed.state,
            pushed.applicant,
            pushed.people,
        )
        app, at = pushed.app, pushed.at
        office = device.office_code
        row = session.get(schema.CentralApplication, (office, number), with_for_update=True)
        late = row is not None and row.changed_at > at  # an older change arriving after a newer
        conflicts: list[dict[str, Any]] = []
        if not late:
            if row is None:
                row = schema.CentralApplication(office_code=office, number=number, flagged="")
                session.add(row)
            row.device_id, row.id_number, row.state = device.id, applicant, state
            row.snapshot, row.changed_at = app, at
            self._claims(session, office=office, number=number, people=people, state=state, now=now)
            if state in protocol.CLAIMING_STATES:
                conflicts += self._claimed_elsewhere(session, office, number, people)
            if state == "settled":
                conflicts += self._settle(session, office, number, people, at)
        to_review = self._review(session, app) if kind == "application.decide" else []
        if conflicts:
            assert row is not None
            row.flagged = "; ".join(x["message"] for x in conflicts)
            for conflict in conflicts:
                session.add(
                    schema.Conflict(
                        at=now,
                        kind=conflict["kind"],
                        office_code=office,
                        number=number,
                        detail=conflict,
                    )
                )
        result: dict[str, Any] = {"conflicts": conflicts, "review": to_review}
        if late:
            result["late"] = True
        return (protocol.CONFLICT if conflicts else protocol.APPLIED), result

    def _claims(
        self,
        session: Session,
        *,
        office: str,
        number: str,
        people: list[str],
        state: str,
        now: datetime,
    ) -> None:
        existing = {
            r.id_number: r
            for r in session.scalars(
                select(schema.PersonClaim).where(
                    schema.PersonClaim.office_code == office, schema.PersonClaim.number == number
                )
            )
        }
        log: list[tuple[str, str, str, dict[str, Any]]] = []
        for id_number in dict.fromkeys(people):
            claim = existing.pop(id_number, None)
            if claim is None:
                session.add(
                    schema.PersonClaim(
                        office_code=office, number=number, id_number=id_number, state=state
                    )
                )
            elif claim.state == state:
                continue
            else:
                claim.state = state
            log.append(person_change(office, number, id_number, state))
        for id_number, claim in existing.items():  # a relative no longer in the application
            session.delete(claim)
            log.append(person_change(office, number, id_number, "removed"))
        changes.record(session, log, now)

    def _claimed_elsewhere(
        self, session: Session, office: str, number: str, people: list[str]
    ) -> list[dict[str, Any]]:
        rows = session.execute(
            select(
                schema.PersonClaim.id_number,
                schema.PersonClaim.office_code,
                schema.PersonClaim.number,
                schema.PersonClaim.state,
            )
            .where(
                schema.PersonClaim.id_number.in_(people),
                schema.PersonClaim.state.in_(protocol.CLAIMING_STATES),
                ~(
                    (schema.PersonClaim.office_code == office)
                    & (schema.PersonClaim.number == number)
                ),
            )
            .order_by(schema.PersonClaim.office_code, schema.PersonClaim.number)
        ).all()
        return [elsewhere(r.id_number, r.office_code, r.number, r.state) for r in rows]

    def _settle(
        self, session: Session, office: str, number: str, people: list[str], at: datetime
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for id_number in dict.fromkeys(people):
            held = session.get(schema.Settlement, id_number)
            if held is None:
                try:
                    with session.begin_nested():
                        session.add(
                            schema.Settlement(
                                id_number=id_number,
                                office_code=office,
                                number=number,
                                settled_at=at,
                            )
                        )
                        session.flush()
                    continue
                except IntegrityError:
                    held = session.get(schema.Settlement, id_number, populate_existing=True)
                    assert held is not None
            if (held.office_code, held.number) != (office, number):
                out.append(taken(id_number, held.office_code, held.number))
        return out

    def _review(self, session: Session, app: dict[str, Any]) -> list[dict[str, Any]]:
        """Rule packs that changed at the centre since the decision was made."""
        packs = {
            row.policy: (row.version, row.sha256)
            for row in session.execute(
                select(
                    schema.RulePackRow.policy, schema.RulePackRow.version, schema.RulePackRow.sha256
                )
            )
        }
        return review(packs, app)
