"""The desk's named operations: each one service call run on the task runner's database
worker, ending with a change record that says what changed (Anki's ``OpChanges``).

Views do not refresh each other by hand: the queue, the application page, the
collectives and statistics pages subscribe to ``ChangeBus.changed`` and redraw what the
record names, so no screen shows a state the store no longer has. An operation that
fails changes nothing and announces nothing; its error goes to the caller's ``failed``
(``ui.errors`` words it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from caseworker.models.workflow import Action
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationInput, ApplicationView
from caseworker.services.base import Actor
from caseworker.services.printing import Printed
from ui.desk import Desk


@dataclass(frozen=True, slots=True)
class Changes:
    """What one operation changed. ``application`` is the number of the application
    changed and ``view`` the application as it now stands (when the operation returns
    it); the flags name the lists that may now read differently. ``applications``: any
    application may have changed without a record of its own (a sync round, a bundle
    carried in), so a view that shows one reads it again."""

    operation: str
    application: str | None = None
    view: ApplicationView | None = None
    collective: str | None = None
    queue: bool = False
    collectives: bool = False
    statistics: bool = False
    applications: bool = False


class ChangeBus(QObject):
    """The one place change records are announced; views connect to ``changed``."""

    changed = Signal(object)  # Changes


Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Operations:
    """Every write the desk makes, by name. Each runs on the database worker; on success
    the change record is announced first (the views redraw), then ``done`` runs."""

    def __init__(self, desk: Desk, bus: ChangeBus) -> None:
        self.desk = desk
        self.bus = bus

    def run(
        self,
        work: Callable[[], Any],
        changes: Callable[[Any], Changes],
        done: Done,
        failed: Failed,
    ) -> None:
        """Any operation: ``work`` on the database worker, then its change record."""

        def finished(result: Any) -> None:
            self.bus.changed.emit(changes(result))
            done(result)

        self.desk.runner.store(work, finished, failed)

    # --- one application --------------------------------------------------------------

    def _application(
        self, name: str, work: Callable[[], ApplicationView]
    ) -> Callable[[Done, Failed], None]:
        def start(done: Done, failed: Failed) -> None:
            self.run(
                work,
                # beyond itself, a change of one application touches the lists
                lambda view: Changes(
                    name, application=view.number, view=view, queue=True, statistics=True
                ),
                done,
                failed,
            )

        return start

    def save(
        self,
        actor: Actor,
        application_input: ApplicationInput,
        *,
        done: Done,
        failed: Failed,
    ) -> None:
        """A new draft, or an edit made on the input's version (refused if that is stale)."""
        apps = self.desk.apps
        self._application("save", lambda: apps.save(actor, application_input))(done, failed)

    def step(
        self,
        actor: Actor,
        action: Action,
        *,
        number: str,
        reason: str = "",
        done: Done,
        failed: Failed,
    ) -> None:
        """One workflow step: accept, decide, approve, issue the permit, refuse, void."""
        apps = self.desk.apps
        calls: dict[Action, Callable[[], ApplicationView]] = {
            Action.ACCEPT: lambda: apps.accept(actor, number),
            Action.DECIDE: lambda: apps.decide(actor, number),
            Action.APPROVE: lambda: apps.approve(actor, number),
            Action.ISSUE_PERMIT: lambda: apps.issue_permit(actor, number),
            Action.REFUSE: lambda: apps.refuse(actor, number, reason),
            Action.VOID: lambda: apps.void(actor, number, reason),
        }
        self._application(action.value, calls[action])(done, failed)

    def mark_document_seen(
        self, actor: Actor, *, number: str, name: str, done: Done, failed: Failed
    ) -> None:
        self.run(
            lambda: self.desk.apps.mark_document_seen(actor, number, name),
            lambda _none: Changes("document_seen", application=number),
            done,
            failed,
        )

    def attach_scan(
        self,
        actor: Actor,
        *,
        number: str,
        filename: str,
        content: bytes,
        media_type: str,
        fields: dict[str, dict[str, str]] | None = None,
        done: Done,
        failed: Failed,
    ) -> None:
        """``fields``: which fields came from the scan and how (see ``ScanDialog``)."""
        self.run(
            lambda: self.desk.apps.attach_scan(
                actor,
                number,
                filename=filename,
                content=content,
                media_type=media_type,
                fields=fields,
            ),
            lambda _attachment: Changes("attach_scan", application=number),
            done,
            failed,
        )

    def print_document(
        self,
        actor: Actor,
        *,
        number: str,
        kind: DocumentKind,
        reprint: bool = False,
        done: Callable[[Printed], None],
        failed: Failed,
    ) -> None:
        """A document printed is registered (its number, the print register)."""
        printing = self.desk.printing  # built on the database worker, on first use
        self.run(
            lambda: printing().print_document(actor, number, kind, reprint=reprint),
            lambda _printed: Changes("print", application=number),
            done,
            failed,
        )

    # --- collective households ----------------------------------------------------------

    def collective(
        self, name: str, work: Callable[[], Any], *, code: str | None, done: Done, failed: Failed
    ) -> None:
        """A change in a collective household (create, admit, move out, transfer,
        close, a booklet page decided)."""
        # its roster, and the applications admitted into it (their state): the queue
        # and the statistics too
        self.run(
            work,
            lambda _r: Changes(
                name, collective=code, collectives=True, queue=True, statistics=True
            ),
            done,
            failed,
        )
