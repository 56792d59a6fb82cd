"""Named operations end with a change record, and the views redraw from it: the queue
and the application page show what the store now holds without being refreshed by hand."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from caseworker.models.workflow import Action
from tests.ui.conftest import settle
from tests.ui.test_stale_state import _draft, _open
from ui.main_window import Desk, MainWindow
from ui.operations import Changes


def test_a_step_announces_what_changed_and_the_views_follow(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = _draft(desk)
    settle(qtbot, desk.runner)
    window.queue_model.refresh()
    settle(qtbot, desk.runner)
    assert [window.queue_model.summary(0).state] == ["draft"]  # type: ignore[union-attr]
    _open(qtbot, window, number)
    heard: list[Changes] = []
    window.bus.changed.connect(heard.append)
    window.step(Action.ACCEPT)
    settle(qtbot, desk.runner)
    assert [c.operation for c in heard] == ["accept"]
    change = heard[0]
    assert change.application == number and change.queue and change.statistics
    assert change.view is not None and change.view.state == "accepted"
    # the page and the queue (not on screen) redrew from the record alone
    assert window.intake.state == "accepted" and window.intake.version == change.view.version
    assert "受理" in window.state_label.text()
    summary = window.queue_model.summary(0)
    assert summary is not None and summary.number == number and summary.state == "accepted"


def test_a_failed_operation_announces_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = _draft(desk)
    _open(qtbot, window, number)
    heard: list[Changes] = []
    window.bus.changed.connect(heard.append)
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, title, _t: shown.append(title))
    window.step(Action.APPROVE)  # a draft cannot be approved
    settle(qtbot, desk.runner)
    assert heard == [] and shown
