"""What the applicant's screen (双屏核对 the applicant's screen) shows, and the
applicant's confirmation of it: recorded with the application in the audit trail, with
the SHA-256 of exactly what was shown (so a later reading can prove which text was
confirmed, and that it was the one shown)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from caseworker.models.workflow import FINAL_STATES, State
from caseworker.services.base import (
    Actor,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StepNotAllowedError,
    mask_id,
)
from caseworker.services.boundary import service_boundary
from caseworker.services.context import OfficeContext
from caseworker.services.permissions import ALL_ROLES
from caseworker.storage import repositories as repo
from caseworker.storage.database import transaction

CONFIRMED = "application.applicant_confirmed"
#: how the applicant confirmed: touching their screen's button, or telling the clerk,
#: who pressed 申请人已确认 (F12)
VIA = frozenset({"screen", "clerk"})


@dataclass(frozen=True, slots=True)
class ShownPerson:
    relation: str  # "" for the applicant
    name: str
    id_masked: str


@dataclass(frozen=True, slots=True)
class ScreenContent:
    """Everything the applicant's screen shows, ID numbers already masked."""

    number: str | None
    people: tuple[ShownPerson, ...]
    destination: str
    decision: str  # in plain words
    missing: tuple[str, ...]  # the materials still to bring

    def digest(self) -> str:
        """SHA-256 of the content in a canonical form (sorted keys, UTF-8)."""
        canonical = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def shown_person(*, relation: str, name: str, id_number: str) -> ShownPerson:
    return ShownPerson(relation=relation, name=name, id_masked=mask_id(id_number.strip()))


class ApplicantConfirmations:
    """Records the applicant's confirmation of their screen."""

    def __init__(self, context: OfficeContext) -> None:
        self.context = context
        self.store = context.store
        self.clock = context.clock

    def confirm(self, actor: Actor, *, shown: ScreenContent, via: str) -> str:
        """The applicant confirmed ``shown`` (the clerk pressed it after the applicant
        said yes, or the applicant touched their screen's button); returns the digest
        recorded. Only a saved application can be confirmed."""
        if actor.role not in ALL_ROLES:
            raise PermissionDeniedError(code="screen.may_not_confirm", role=actor.role)
        if via not in VIA:
            raise InvalidInputError(code="screen.via_unknown", field="via", via=via)
        if not shown.number:
            raise StepNotAllowedError(code="screen.save_first")
        digest = shown.digest()
        now = self.clock()
        with service_boundary(), transaction(self.store.sessions) as session:
            view = repo.load(session, shown.number)
            if view is None:
                raise NotFoundError(code="application.not_found", number=shown.number)
            if State(view.state) in FINAL_STATES:
                raise StepNotAllowedError(
                    code="application.closed", number=shown.number, state=view.state
                )
            repo.add_audit(
                session,
                at=now,
                actor=actor.username,
                action=CONFIRMED,
                application_id=view.id,
                detail={
                    "number": shown.number,
                    "version": view.version,
                    "shown_sha256": digest,
                    "via": via,
                    "people": [p.id_masked for p in shown.people],
                    "decision": shown.decision,
                    "missing": list(shown.missing),
                },
            )
        return digest
