"""The queue's table model without a window (as Vorta tests its models): pages load
lazily as the view asks, filters start over, and the model passes qtmodeltester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from tests.stores import application
from tests.ui.conftest import settle
from ui.main_window import Desk
from ui.queue_model import ApplicationQueueModel, QueueFilter

CLERK = Actor("li", "clerk")


def _fill(desk: Desk, n: int) -> None:
    for _ in range(n):
        desk.apps.create_draft(CLERK, application(family=[]))


def test_pages_load_as_the_view_scrolls(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    _fill(desk, 450)
    model = ApplicationQueueModel(desk.apps, CLERK, desk.runner, desk.evaluation.divisions)
    model.refresh()
    settle(qtbot, desk.runner)
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    settle(qtbot, desk.runner)
    assert model.rowCount() == 400
    model.fetchMore()
    settle(qtbot, desk.runner)
    assert model.rowCount() == 450 and not model.canFetchMore()
    qtmodeltester.check(model)
    first = model.summary(0)
    assert first is not None and "********" in (first.applicant_id_number or "")
    assert model.data(model.index(0, 1)).startswith("草稿")


def test_a_new_filter_starts_over_and_late_pages_are_dropped(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    _fill(desk, 5)
    model = ApplicationQueueModel(desk.apps, CLERK, desk.runner, desk.evaluation.divisions)
    model.set_filter(QueueFilter(states=("accepted",)))
    model.set_filter(QueueFilter(states=("draft",)))  # the first one's page comes late
    settle(qtbot, desk.runner)
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.set_filter(QueueFilter(text="no-such-number-1"))
    settle(qtbot, desk.runner)
    assert model.rowCount() == 0


def test_a_bad_search_is_reported_not_raised(qtbot: QtBot, desk: Desk) -> None:
    model = ApplicationQueueModel(desk.apps, CLERK, desk.runner, desk.evaluation.divisions)
    errors: list[Exception] = []
    model.failed.connect(errors.append)
    model.set_filter(QueueFilter(text="??!"))
    settle(qtbot, desk.runner)
    assert errors and "not an ID number" in str(errors[0])
    assert model.rowCount() == 0


def test_a_view_asking_for_more_on_reset_never_gets_a_page_twice(qtbot: QtBot, desk: Desk) -> None:
    _fill(desk, 3)
    model = ApplicationQueueModel(desk.apps, CLERK, desk.runner, desk.evaluation.divisions)
    model.modelReset.connect(model.fetchMore)  # what a view may do inside the reset
    model.refresh()
    settle(qtbot, desk.runner)
    numbers = [model.summary(r).number for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert len(numbers) == len(set(numbers)) == 3
