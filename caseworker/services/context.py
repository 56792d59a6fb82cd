"""The shape every service shares: a context passed in — ``OfficeContext`` (the store, the
clock, the office) for a service that needs no rules (accounts, the audit trail, sync, the
applicant's screen), ``ServiceContext`` (the same and the rules) for one that decides — and
one ``record_change`` that writes a change's audit event and its outbox entry for the
central system, in the caller's transaction. ``ui.app.compose_desk`` builds one context and
passes it to every service; the command line does the same."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from stdnum.iso7064 import mod_37_36

from caseworker.services.base import Actor
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.storage import repositories as repo
from caseworker.storage.offices import OfficeView

__all__ = ["OfficeContext", "OfficeView", "ServiceContext", "Session", "record_change"]


@dataclass(frozen=True, slots=True)
class OfficeContext:
    """What every service works with: the store, the clock and this office (read once),
    built once (``ui.app.compose_desk``, the command line) and passed to each service."""

    store: Store
    clock: Callable[[], datetime] = datetime.now
    office: OfficeView = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "office", self.store.office())

    def document_number(self, session: Session, prefix: str) -> str:
        """A document number unique across offices without coordination: kind, office
        code, device code, year, a sequence taken in the caller's transaction, and an
        ISO 7064 check character over all of it (a mistyped number shows)."""
        year = self.clock().year
        serial = repo.next_number(session, f"{prefix}-{year}")
        office = self.office
        body = f"{prefix}{office.office_code}{office.device_code}{year}{serial:06d}"
        check = mod_37_36.calc_check_digit(body)
        return f"{prefix}-{office.office_code}-{office.device_code}-{year}-{serial:06d}-{check}"


@dataclass(frozen=True, slots=True)
class ServiceContext(OfficeContext):
    """An ``OfficeContext`` with the rules: what a service that decides works with."""

    evaluation: EvaluationService = field(kw_only=True)


def record_change(
    session: Session,
    *,
    office: OfficeView,
    actor: Actor,
    action: str,
    at: datetime,
    detail: dict[str, Any],
    payload: dict[str, Any],
    application_id: int | None = None,
    kind: str | None = None,
) -> None:
    """One change, in the caller's transaction: its audit event (``detail``, ID numbers
    masked) and its outbox entry for the centre (``payload``, in full, under the office,
    the device, the time and the actor). The entry's kind is the action unless ``kind``
    names the operation the centre knows it by (``account.changed``)."""
    repo.add_audit(
        session,
        at=at,
        actor=actor.username,
        action=action,
        application_id=application_id,
        detail=detail,
    )
    repo.add_outbox(
        session,
        key=uuid.uuid4().hex,
        kind=kind or action,
        payload={
            "office_code": office.office_code,
            "device_code": office.device_code,
            "at": at.isoformat(),
            "actor": actor.username,
            **payload,
        },
        at=at,
    )
