"""The shape every service shares: a context passed in — ``OfficeContext`` (the store, the
clock, the office) for a service that needs no rules (accounts, the audit trail, sync, the
applicant's screen), ``ServiceContext`` (the same and the rules) for one that decides — and
one ``record_change`` (``changes.py``, here for the services) that writes a change's audit
event and its outbox entry for the central system, in the caller's transaction.
``ui.app.compose_desk`` builds one context and passes it to every service; the command
line does the same."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session
from stdnum.iso7064 import mod_37_36

from caseworker.services.changes import record_change
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
