"""Maker-checker (受理与审批分人办理): whoever accepted an application, or entered or
changed what its decision rests on, may not decide it finally, neither approve nor refuse
it; and a save that changes nothing makes no one a maker (it writes nothing)."""

from __future__ import annotations

from typing import Any

from caseworker.models.workflow import Action
from caseworker.services.application_data import snapshot
from caseworker.services.base import Actor, PermissionDeniedError
from caseworker.services.context import Session
from caseworker.storage import repositories as repo
from caseworker.storage.repositories import ApplicationView

#: the audited actions that put facts (answers, records, evidence) into an application
FACT_CHANGES = frozenset(
    {"application.create", "application.edit", "application.document_seen", "application.attach"}
)


def fact_makers(session: Session, number: str) -> set[str]:
    """Everyone who entered or changed what a decision on ``number`` rests on: the answers'
    authors, and whoever created, edited, saw documents for or attached to it."""
    makers = {by for _, _, by, _ in repo.fact_history(session, number)}
    makers |= {e.actor for e in repo.audit_of(session, number) if e.action in FACT_CHANGES}
    return makers


def maker_checker(session: Session, view: ApplicationView, actor: Actor, action: Action) -> None:
    """Refuse ``actor`` the final decision (``action``: approve or refuse) on ``view`` if
    they accepted it or entered or changed its facts."""
    approving = action == Action.APPROVE
    if view.accepted_by == actor.username:
        raise PermissionDeniedError(
            code=(
                "application.maker_checker_accepted"
                if approving
                else "application.maker_checker_accepted_refuse"
            ),
            username=actor.username,
            number=view.number,
        )
    if actor.username in fact_makers(session, view.number):
        raise PermissionDeniedError(
            code=(
                "application.maker_checker_facts"
                if approving
                else "application.maker_checker_facts_refuse"
            ),
            username=actor.username,
            number=view.number,
        )


class UnchangedError(Exception):
    """An edit that changes nothing: its transaction is rolled back (the service returns
    the application as it was)."""

    def __init__(self, view: ApplicationView) -> None:
        super().__init__(view.number)
        self.view = view


def unchanged(before: ApplicationView, after: ApplicationView | None) -> bool:
    """Whether an edit left everything the clerk entered as it was (the answers, the
    hukou-book records, the relatives; not the state or the decision, which an edit
    resets)."""
    if after is None:
        return False

    def entered(view: ApplicationView) -> tuple[Any, ...]:
        data = snapshot(view)
        relatives = [(r["relation"], r["person"]) for r in data["relatives"]]
        return (data["case"], data["applicant"], relatives, view.destination_address)

    return entered(before) == entered(after)
