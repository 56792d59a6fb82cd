"""Whether the applications changed behind the desk's back: a clerk at the command line,
another desk on the same store, a sync round. The desk's own changes reach its views as
change records (``ui/operations.py``); these reach it only through the store."""

from __future__ import annotations

from caseworker.services.base import Actor
from caseworker.services.context import ServiceContext
from caseworker.services.permissions import ALL_ROLES, require_role
from caseworker.storage import applications as application_rows


class QueueWatch:
    def __init__(self, context: ServiceContext) -> None:
        self._store = context.store

    def fingerprint(self, actor: Actor) -> tuple[int, str]:
        """A value that differs whenever any application was added or changed."""
        require_role(actor, ALL_ROLES, "watch the queue")
        with self._store.sessions() as session:
            return application_rows.fingerprint(session)
