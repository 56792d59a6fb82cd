"""Sync with the central system: enrolment, one round (pull rule packs, push the outbox,
pull the rest; ``sync_round.py``), removable media (``sync_media.py``), its state for the
status bar, and the supervisor's queue of conflicts (what they share: ``sync_base.py``).

A round's guarantees, each in the code below:
- the outbox is written in the change's own transaction (the services do that); an entry
  leaves the queue only when the centre has answered for it, and is never deleted;
- a retry sends the same idempotency key, so an answer lost on the way (the connection
  dropped after the centre committed) costs a ``replayed`` answer, not a second change;
- one entry the centre rejects is set aside with its error; the rest go on;
- a page of a stream and its cursor are stored in one transaction;
- a pulled account never overwrites a local change the centre has not confirmed yet."""

from __future__ import annotations

from caseworker.services.base import (
    Actor,
    InvalidInputError,
    NotFoundError,
    ServiceError,
    StepNotAllowedError,
)
from caseworker.services.permissions import require_role
from caseworker.services.sync_base import (
    BATCH,
    CONFLICT_ZH,
    DESK_ROLES,
    PAGE,
    SUPERVISORS,
    RoundSummary,
    SyncStatus,
    _audit,
)
from caseworker.services.sync_media import SyncMedia
from caseworker.services.sync_staleness import days_without_sync, stale_permit_check
from caseworker.storage import sync as repo
from caseworker.storage.database import transaction
from caseworker.storage.sync import ConflictView as ConflictView  # noqa: PLC0414 - for the desk
from caseworker.sync.client import SyncError

__all__ = [
    "BATCH",
    "CONFLICT_ZH",
    "DESK_ROLES",
    "PAGE",
    "SUPERVISORS",
    "ConflictView",
    "RoundSummary",
    "SyncService",
    "SyncStatus",
    "days_without_sync",
    "stale_permit_check",
]


class SyncService(SyncMedia):
    """``transport`` lets tests route the HTTP traffic (a fault-injecting proxy does it
    at the socket level instead); ``evaluation`` is reloaded when new packs arrive."""

    # --- enrolment and state --------------------------------------------------------

    def enrol(self, actor: Actor, central_url: str, code: str) -> str:
        """Enrol this device with a one-time code from the central administrator."""
        require_role(actor, frozenset({"admin"}), "enrol this device with the central system")
        if not central_url.startswith(("http://", "https://")):
            raise InvalidInputError(code="sync.address", field="central_url", url=central_url)
        office = self.store.office()
        signer = self._signer()
        try:
            with self._client(central_url) as client:
                device_id, central_key, box = client.enrol(
                    code=code,
                    office_code=office.office_code,
                    device_code=office.device_code,
                    public_key=signer.public_hex,
                )
        except SyncError as exc:
            raise ServiceError(code="sync.enrolment_failed", problem=str(exc)) from None
        now = self.clock()
        with transaction(self.store.sessions) as session:
            repo.save_link(
                session,
                central_url=central_url,
                device_id=device_id,
                central_key=central_key,
                central_box_key=box,
                at=now,
            )
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.enrol",
                detail={"central": central_url, "device_id": device_id},
            )
        return device_id

    def status(self) -> SyncStatus:
        with self.store.sessions() as session:
            link = repo.link(session)
            counts = repo.counts(session)
        if link is None:
            return SyncStatus(
                False,
                waiting=counts.waiting,
                set_aside=counts.set_aside,
                conflicts=counts.conflicts,
            )
        return SyncStatus(
            True,
            link.central_url,
            link.last_success_at,
            link.last_attempt_at,
            link.last_error,
            link.next_attempt_at,
            counts.waiting,
            counts.set_aside,
            counts.conflicts,
            link.stale_days,
            days_without_sync(link, self.clock()),
            link.last_bundle_at,
            link.last_return_at,
        )

    def due(self) -> bool:
        """Whether a timer-driven round should run now (enrolled, and past the backoff)."""
        with self.store.sessions() as session:
            link = repo.link(session)
        return link is not None and (
            link.next_attempt_at is None or self.clock() >= link.next_attempt_at
        )

    def set_stale_days(self, actor: Actor, days: int) -> None:
        require_role(actor, frozenset({"admin"}), "change the days without sync allowed")
        if not 1 <= days <= 60:
            raise InvalidInputError(code="sync.stale_days_range", field="stale_days", days=days)
        with transaction(self.store.sessions) as session:
            if repo.link(session) is None:
                raise StepNotAllowedError(code="sync.not_enrolled")
            repo.update_link(session, stale_days=days)
            _audit(
                session,
                at=self.clock(),
                actor=actor.username,
                action="sync.settings",
                detail={"stale_days": days},
            )

    # --- the supervisor's queue -------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictView]:
        require_role(actor, SUPERVISORS, "see the sync conflicts")
        with self.store.sessions() as session:
            return repo.conflicts(session, include_resolved=include_resolved)

    def resolve(
        self, actor: Actor, conflict_id: int, resolution: str, *, resend: bool = False
    ) -> None:
        """Close a conflict with what was done about it; ``resend`` puts a rejected
        operation back in the queue (after its cause was mended)."""
        require_role(actor, SUPERVISORS, "resolve sync conflicts")
        if not resolution.strip():
            raise InvalidInputError(code="sync.resolution_needed", field="resolution")
        now = self.clock()
        with transaction(self.store.sessions) as session:
            found = repo.conflict(session, conflict_id)
            if found is None or found.resolved_at is not None:
                raise NotFoundError(code="sync.no_open_conflict", conflict=conflict_id)
            if resend and (found.outbox_id is None or not repo.put_back(session, found.outbox_id)):
                raise StepNotAllowedError(code="sync.nothing_to_resend", conflict=conflict_id)
            repo.resolve(
                session, conflict_id, by=actor.username, resolution=resolution.strip(), at=now
            )
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.resolve",
                detail={
                    "conflict": conflict_id,
                    "kind": found.kind,
                    "subject": found.subject,
                    "resend": resend,
                },
            )
