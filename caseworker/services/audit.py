"""Reading and verifying the audit trail (supervisors and administrators)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from caseworker.services.base import Actor, NotFoundError
from caseworker.services.context import OfficeContext
from caseworker.services.permissions import Permission, require
from caseworker.storage import audit
from caseworker.storage import repositories as repo
from caseworker.storage.audit import AuditReport as AuditReport  # noqa: PLC0414 - for the desk
from caseworker.storage.audit import ChainHead as ChainHead  # noqa: PLC0414
from caseworker.storage.audit import EventView as EventView  # noqa: PLC0414
from caseworker.storage.audit import summary as summary  # noqa: PLC0414


class AuditService:
    def __init__(self, context: OfficeContext) -> None:
        self.context = context
        self.store = context.store
        self.clock = context.clock

    def verify(self, actor: Actor) -> AuditReport:
        """Walk the whole chain; the verification itself is an audited event."""
        require(actor, Permission.READ_AUDIT)
        with self.store.sessions() as session:
            report = audit.verify(session, witness=self.store.witness(), witness_expected=True)
        self.store.record(
            at=self.clock(),
            actor=actor.username,
            action="audit.verify",
            detail={"events": report.events, "findings": len(report.findings)},
        )
        return report

    def events(
        self,
        actor: Actor,
        *,
        user: str | None = None,
        action: str | None = None,
        actions: Sequence[str] | None = None,
        application: str | None = None,
        since: datetime | None = None,
        limit: int = 200,
        before_id: int | None = None,
    ) -> list[EventView]:
        """Newest first, filtered (``action`` a prefix of the code, ``actions`` the codes
        to keep: a name typed in the desk's filter, ``audit_names.actions_named``);
        ``before_id`` pages back."""
        require(actor, Permission.READ_AUDIT)
        with self.store.sessions() as session:
            app_id = None
            if application:
                found = repo.load(session, application.strip())
                if found is None:
                    raise NotFoundError(code="application.not_found", number=application)
                app_id = found.id
            return audit.events(
                session,
                actor=user,
                action_prefix=action,
                actions=actions,
                application_id=app_id,
                since=since,
                limit=max(1, min(limit, 1000)),
                before_id=before_id,
            )

    def head(self) -> ChainHead | None:
        """The chain's newest event, which the sync sends to the centre."""
        with self.store.sessions() as session:
            return audit.head(session)
