"""How long this desk has gone without a sync with the centre, and what that stops: past
the days the office allows, permits are issued only by a supervisor (the person index this
desk holds may be out of date). The sync service reports it; the permit step checks it,
without building or importing the sync service."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from caseworker.services.base import Actor, ServiceError
from caseworker.services.permissions import SUPERVISING
from caseworker.storage import sync as repo

__all__ = ["days_without_sync", "stale_permit_check"]


def days_without_sync(link: repo.LinkView, now: datetime) -> float:
    since = link.last_success_at or link.enrolled_at
    return (now - since) / timedelta(days=1)


def stale_permit_check(session: Session, actor: Actor, now: datetime) -> None:
    """Past the days without sync allowed, permits are issued only by a supervisor: the
    person index this desk holds may be out of date."""
    link = repo.link(session)
    if link is None or actor.role in SUPERVISING:
        return
    days = days_without_sync(link, now)
    if days >= link.stale_days:
        raise ServiceError(code="sync.stale_for_clerk", days=f"{days:.0f}", allowed=link.stale_days)
