"""Every transition of the state machine, legal and illegal, through the services: each
legal one writes exactly one audit event and one outbox entry in its transaction."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caseworker.models.workflow import TRANSITIONS, Action, State, WorkflowError
from caseworker.services.applications import (
    ApplicationService,
    PermissionDeniedError,
    ServiceError,
)
from caseworker.services.base import StepNotAllowedError
from caseworker.storage import repositories as repo
from caseworker.storage import schema as tables
from tests.stores import CLERK, OTHER_SUPERVISOR, SUPERVISOR, application

# how to bring a fresh application into each state, by the legal path
PATHS: dict[State, list[Action]] = {
    State.DRAFT: [],
    State.ACCEPTED: [Action.ACCEPT],
    State.DECIDED: [Action.ACCEPT, Action.DECIDE],
    State.APPROVED: [Action.ACCEPT, Action.DECIDE, Action.APPROVE],
    State.PERMIT_ISSUED: [Action.ACCEPT, Action.DECIDE, Action.APPROVE, Action.ISSUE_PERMIT],
    State.SETTLED: [
        Action.ACCEPT,
        Action.DECIDE,
        Action.APPROVE,
        Action.ISSUE_PERMIT,
        Action.MARK_SETTLED,
    ],
    State.REFUSED: [Action.ACCEPT, Action.REFUSE],
    State.WITHDRAWN: [Action.WITHDRAW],
    State.VOIDED: [Action.VOID],
}


def _do(apps: ApplicationService, number: str, action: Action) -> None:
    steps: dict[Action, Callable[[], object]] = {
        Action.EDIT: lambda: apps.edit(CLERK, number, _current(apps, number)),
        Action.ACCEPT: lambda: apps.accept(CLERK, number),
        Action.DECIDE: lambda: apps.decide(CLERK, number),
        Action.APPROVE: lambda: apps.approve(SUPERVISOR, number),
        Action.ISSUE_PERMIT: lambda: apps.issue_permit(CLERK, number),
        Action.MARK_SETTLED: lambda: apps.mark_settled(CLERK, number),
        Action.REFUSE: lambda: apps.refuse(OTHER_SUPERVISOR, number, "不符合条件 not eligible"),
        Action.WITHDRAW: lambda: apps.withdraw(CLERK, number),
        Action.VOID: lambda: apps.void(SUPERVISOR, number, "录入错误 entered in error"),
    }
    steps[action]()


def _current(apps: ApplicationService, number: str) -> dict[str, object]:
    view = apps.get(number)
    data = dict(view.case)
    data["records"] = {
        "applicant": {"name": view.applicant.name},
        "family": [{"name": r.person.name} for r in view.relatives],
    }
    return data


def _in_state(apps: ApplicationService, state: State) -> str:
    number = apps.create_draft(CLERK, application()).number
    for action in PATHS[state]:
        _do(apps, number, action)
    assert apps.get(number).state == state.value
    return number


def _counts(apps: ApplicationService) -> tuple[int, int]:
    with apps.store.sessions() as session:
        return repo.count_rows(session, "audit_events"), repo.count_rows(session, "outbox")


@pytest.mark.parametrize(
    ("source", "action"), sorted(TRANSITIONS, key=str), ids=lambda x: str(getattr(x, "value", x))
)
def test_legal_transition(apps: ApplicationService, source: State, action: Action) -> None:
    number = _in_state(apps, source)
    audit, outbox = _counts(apps)
    _do(apps, number, action)
    view = apps.get(number)
    assert view.state == TRANSITIONS[(source, action)].value
    assert _counts(apps) == (audit + 1, outbox + 1)
    events = apps.history(number)
    assert events[-1].action == f"application.{action.value}"
    with apps.store.sessions() as session:
        entry = session.query(tables.OutboxEntry).order_by(tables.OutboxEntry.id.desc()).first()
        assert entry is not None and entry.kind == f"application.{action.value}"
        assert entry.payload["application"]["state"] == view.state


ILLEGAL = [
    (state, action) for state in State for action in Action if (state, action) not in TRANSITIONS
]


@pytest.mark.parametrize(("source", "action"), ILLEGAL, ids=lambda x: str(getattr(x, "value", x)))
def test_illegal_transition_is_refused_and_changes_nothing(
    apps: ApplicationService, source: State, action: Action
) -> None:
    number = _in_state(apps, source)
    before = apps.get(number)
    counts = _counts(apps)
    with pytest.raises(WorkflowError, match=f"an application that is {source.value}"):
        _do(apps, number, action)
    after = apps.get(number)
    assert (after.state, after.version, after.receipt_number) == (
        before.state,
        before.version,
        before.receipt_number,
    )
    assert _counts(apps) == counts


def test_numbers_are_given_at_accept_and_permit(apps: ApplicationService) -> None:
    number = _in_state(apps, State.PERMIT_ISSUED)
    view = apps.get(number)
    assert number.startswith("370102001-")
    assert view.receipt_number is not None and view.receipt_number.startswith("SL-370102001-")
    assert view.permit_number is not None and view.permit_number.startswith("ZQ-370102001-")
    assert view.decision is not None and view.decision.decision == "eligible"
    assert "jinan-2017" in view.decision.pack_versions
    assert view.relatives[0].verdict == "yes"


def test_maker_checker_and_roles(apps: ApplicationService) -> None:
    number = _in_state(apps, State.DECIDED)
    with pytest.raises(PermissionDeniedError, match="may not approve"):
        apps.approve(CLERK, number)
    # the supervisor who accepted may not approve it too
    own = apps.create_draft(CLERK, application()).number
    apps.accept(SUPERVISOR, own)
    apps.decide(SUPERVISOR, own)
    with pytest.raises(PermissionDeniedError, match="maker-checker"):
        apps.approve(SUPERVISOR, own)
    assert apps.approve(OTHER_SUPERVISOR, own).state == "approved"


def test_only_an_eligible_decision_is_approved(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application(applicant={"degree": "none"})).number
    apps.accept(CLERK, number)
    assert apps.decide(CLERK, number).decision is not None
    with pytest.raises(StepNotAllowedError, match="its decision is ineligible"):
        apps.approve(SUPERVISOR, number)
    assert apps.refuse(SUPERVISOR, number, "无符合条件的落户途径").state == "refused"
    assert apps.get(number).reason == "无符合条件的落户途径"


def test_editing_a_decided_application_sends_it_back(apps: ApplicationService) -> None:
    number = _in_state(apps, State.DECIDED)
    data = _current(apps, number)
    data["applicant"] = {**data["applicant"], "pension_months": 30}  # type: ignore[dict-item]
    view = apps.edit(CLERK, number, data)
    assert view.state == "accepted"
    with apps.store.sessions() as session:
        history = repo.fact_history(session, number)
    assert history[-1][:3] == ("applicant.pension_months", 30, "li")


def test_reasons_are_required_where_they_are_printed(apps: ApplicationService) -> None:
    number = _in_state(apps, State.ACCEPTED)
    with pytest.raises(ServiceError, match="needs a reason"):
        apps.refuse(SUPERVISOR, number, "  ")
    with pytest.raises(ServiceError, match="needs a reason"):
        apps.void(SUPERVISOR, number, "")
    assert apps.get(number).state == "accepted"
