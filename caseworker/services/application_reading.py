"""Reading applications: one by number, its history and warnings, the audited opening of
a full record, and the search (on one reader connection kept open under a lock)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from caseworker.models.workflow import (
    OPEN_STATES,
    State,
)
from caseworker.services.application_data import SearchPage, _filter_for
from caseworker.services.base import (
    Actor,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    mask_id,
)
from caseworker.services.context import ServiceContext, Session
from caseworker.services.permissions import Permission, Role, allowed, require
from caseworker.services.store import Store
from caseworker.storage import repositories as repo
from caseworker.storage import search as search_repo
from caseworker.storage import sync as sync_repo
from caseworker.storage.repositories import ApplicationView as ApplicationView  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.repositories import AuditView
from caseworker.storage.search import ApplicationSummary as ApplicationSummary  # noqa: PLC0414 - re-exported for the desk
from caseworker.sync.protocol import CLAIMING_STATES

#: the last page a search may ask for (a page of 10**20 is an offset SQLite cannot hold)
MAX_PAGE = 1_000_000


class ApplicationReading:
    """The reading half of ``ApplicationService`` (which builds what it uses)."""

    context: ServiceContext
    store: Store
    clock: Callable[[], datetime]
    _office: repo.OfficeView
    _reader_lock: threading.Lock
    _reader_conn: Connection | None
    _reader_driver: Any

    # --- who ----------------------------------------------------------------------

    def actor(self, username: str) -> Actor:
        with self.store.sessions() as session:
            found = repo.user(session, username)
        if found is None or not found.active:
            raise PermissionDeniedError(code="user.not_active", username=username)
        return Actor(found.username, found.role)

    def default_actor(self) -> Actor:
        with self.store.sessions() as session:
            admin = repo.first_admin(session)
        if admin is None:
            raise PermissionDeniedError(code="store.no_administrator")
        return self.actor(admin)

    # --- reading ------------------------------------------------------------------

    def get(self, number: str) -> ApplicationView:
        with self.store.sessions() as session:
            view = repo.load(session, number.strip())
        if view is None:
            raise NotFoundError(code="application.not_found", number=number)
        return view

    def history(self, number: str) -> list[AuditView]:
        self.get(number)
        with self.store.sessions() as session:
            return repo.audit_of(session, number)

    def flags(self, number: str) -> list[str]:
        """Warnings for the clerk: relatives named in other open applications, or
        already settled here."""
        view = self.get(number)
        out: list[str] = []
        with self.store.sessions() as session:
            for rel in view.relatives:
                for other, state, role in repo.applications_of_person(
                    session, rel.person.id, [*OPEN_STATES, State.SETTLED], exclude=view.id
                ):
                    who = rel.person.name or f"family[{rel.position}]"
                    out.append(
                        f"family[{rel.position}] {who} is also the {role} of application "
                        f"{other} ({state})"
                    )
            people = [("applicant", view.applicant)] + [
                (f"family[{r.position}]", r.person) for r in view.relatives
            ]
            for label, person in people:
                for office, other, state in sync_repo.elsewhere(
                    session,
                    person.id_number,
                    office_code=self._office.office_code,
                    states=CLAIMING_STATES,
                ):
                    out.append(
                        f"{label} {person.name} is in application {other} ({state}) at "
                        f"office {office} (central person index)"
                    )
        return out

    def open_record(self, actor: Actor, number: str) -> ApplicationView:
        """A person's full record, as the desk and ``caseworker show`` display it: the
        viewing is audited."""
        require(actor, Permission.VIEW_RECORD)
        with self.store.sessions() as session:
            view = self._load(session, number, actor)
        self.store.record(
            at=self.clock(),
            actor=actor.username,
            action="application.view",
            application_id=view.id,
            detail={"number": view.number},
        )
        return view

    def search(
        self,
        actor: Actor,
        text: str = "",
        *,
        states: tuple[str, ...] = (),
        date_from: date | None = None,
        date_to: date | None = None,
        county: str | None = None,
        street: str | None = None,
        page: int = 1,
        page_size: int = 50,
    ) -> SearchPage:
        require(actor, Permission.VIEW_RECORD)
        if not 1 <= page <= MAX_PAGE or not 1 <= page_size <= 500:
            # a page of 10**20 would reach SQLite as an offset it cannot hold
            raise InvalidInputError(code="search.page_range", field="page", most=f"{MAX_PAGE:,}")
        for state in states:
            if state not in {s.value for s in State}:
                raise InvalidInputError(
                    code="search.state_unknown",
                    field="state",
                    state=state,
                    states=", ".join(s.value for s in State),
                )
        flt = _filter_for(text)
        if states or date_from or date_to or county or street:
            flt = replace(
                flt,
                states=states,
                created_from=datetime.combine(date_from, datetime.min.time())
                if date_from
                else None,
                created_before=datetime.combine(date_to + timedelta(days=1), datetime.min.time())
                if date_to and date_to < date.max
                else None,
                county=county,
                street=street,
            )
        if actor.role == Role.COLLECTIVE_ADMINISTRATOR:
            flt = replace(flt, collective_administrator=actor.username)
        shown_id = None if allowed(actor, Permission.SEE_FULL_ID_IN_LISTS) else mask_id
        with self._reader_lock:
            items, more = search_repo.search(
                self._reader(),
                flt,
                limit=page_size,
                offset=(page - 1) * page_size,
                shown_id=shown_id,
            )
        return SearchPage(tuple(items), page, page_size, more)

    def _load(self, session: Session, number: str, actor: Actor | None = None) -> ApplicationView:
        """The application; for a collective-hukou administrator only one of theirs (any
        other is refused as if it did not exist: no probing for numbers)."""
        view = repo.load(session, number.strip())
        if view is None or (
            actor is not None
            and actor.role == Role.COLLECTIVE_ADMINISTRATOR
            and not search_repo.visible_to_collective_administrator(
                session, application_id=view.id, username=actor.username
            )
        ):
            raise NotFoundError(
                f"no application {number!r} in this store",
                code="application.not_found",
                number=number,
            )
        return view

    def _reader(self) -> Any:
        """The DBAPI connection of the pooled connection kept open for searches (hold
        ``_reader_lock``): WAL readers take no lock between statements, and checking a
        connection out for every keystroke cost as much as the query
        (bench/bench_store.py).

        One for every thread, under a lock, rather than one per thread: a Qt pool thread
        runs each job under a new Python thread state, so a ``threading.local`` lasted one
        job and the desk opened a connection for every search, all reset at exit."""
        conn = self._reader_conn
        if conn is None or conn.closed or conn.invalidated:
            conn = self._reader_conn = self.store.engine.connect()
            self._reader_driver = conn.connection.driver_connection
        return self._reader_driver

    def close(self) -> None:
        """Give back the search connection (the store does this when it closes); a search
        still running on another thread finishes first."""
        with self._reader_lock:
            if self._reader_conn is not None:
                self._reader_conn.close()
            self._reader_conn = self._reader_driver = None
