"""An application's state pushed by its office: the person index, the one-settlement
rule, and the rule packs to decide again under."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from caseworker.central import changes, schema
from caseworker.central.base import CentralBase, OperationError, when
from caseworker.sync import protocol


def _person_change(
    office: str, number: str, id_number: str, state: str
) -> tuple[str, str, str, dict[str, Any]]:
    """A row of the person-index stream: one person in one application."""
    body = {"office_code": office, "number": number, "id_number": id_number, "state": state}
    return (protocol.PERSONS, "", f"{office}:{number}:{id_number}", body)


class Applications(CentralBase):
    def _application(
        self,
        session: Session,
        device: schema.Device,
        kind: str,
        payload: dict[str, Any],
        now: datetime,
    ) -> tuple[str, dict[str, Any]]:
        try:
            app = payload["application"]
            number, state = str(app["number"]), str(app["state"])
            applicant = str(app["applicant"]["id_number"] or "")
            people = [applicant] + [
                str(r["person"]["id_number"])
                for r in app.get("relatives", [])
                if r.get("verdict") != "no" and r["person"].get("id_number")
            ]
        except (KeyError, TypeError) as exc:
            raise OperationError(f"the application in the payload lacks {exc}") from None
        if not applicant:
            raise OperationError("the applicant has no ID number")
        at = when(payload.get("at"))
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
        review = self._review(session, app) if kind == "application.decide" else []
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
        result: dict[str, Any] = {"conflicts": conflicts, "review": review}
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
            log.append(_person_change(office, number, id_number, state))
        for id_number, claim in existing.items():  # a relative no longer in the application
            session.delete(claim)
            log.append(_person_change(office, number, id_number, "removed"))
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
        return [
            {
                "kind": "person_elsewhere",
                "id_number": r.id_number,
                "office_code": r.office_code,
                "number": r.number,
                "state": r.state,
                "message": f"person {r.id_number[:6]}******** is also in application {r.number} "
                f"({r.state}) at office {r.office_code}",
            }
            for r in rows
        ]

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
                out.append(
                    {
                        "kind": "settlement_taken",
                        "id_number": id_number,
                        "office_code": held.office_code,
                        "number": held.number,
                        "state": "settled",
                        "message": f"person {id_number[:6]}******** was already settled by office "
                        f"{held.office_code} under {held.number}; the centre keeps that one",
                    }
                )
        return out

    def _review(self, session: Session, app: dict[str, Any]) -> list[dict[str, Any]]:
        """Rule packs that changed at the centre since the decision was made."""
        out = []
        for policy, used in (app.get("rule_packs") or {}).items():
            current = session.get(schema.RulePackRow, policy)
            if current is not None and current.sha256[:12] not in str(used):
                out.append(
                    {
                        "policy": policy,
                        "decided_with": used,
                        "now": f"{current.version} ({current.sha256[:12]})",
                        "message": f"decided under {policy} {used}; the centre now has "
                        f"{current.version} ({current.sha256[:12]}): decide it again",
                    }
                )
        return out
