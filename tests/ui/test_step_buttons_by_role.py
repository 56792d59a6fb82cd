"""The step buttons follow the role as well as the state: a clerk is not offered 批准,
不予 or 作废 on a decided application (a tester pressed 批准 as a clerk and was only then
told a supervisor must), while a supervisor is."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from tests.stores import application
from tests.ui.conftest import settle
from ui.main_window import MainWindow


def test_a_clerk_is_not_offered_a_supervisors_step(qtbot: QtBot, window: MainWindow) -> None:
    desk = window.desk
    clerk = Actor("li", "clerk")
    view = desk.apps.create_draft(clerk, application())
    desk.apps.accept(clerk, view.number)
    desk.apps.decide(clerk, view.number)
    window.open_number(view.number)
    settle(qtbot, desk.runner)
    buttons = window.application.step_buttons
    assert window.intake.state == "decided"
    for step in ("approve", "refuse", "void"):
        assert not buttons[step].isEnabled(), step
    assert buttons["print"].isEnabled()
    window.application.actor = Actor("zhao", "supervisor")  # the same page, a supervisor
    window.application.show_state()
    for step in ("approve", "refuse", "void"):
        assert buttons[step].isEnabled(), step
