"""Run only by ``test_applicant_two_screens.py``, in a process whose Qt has two virtual
screens (the offscreen platform's ``configfile``): the desk on the clerk's screen, the
applicant's screen full screen on the other, by itself."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from caseworker.services.applicant_screen import CONFIRMED
from caseworker.services.base import Actor
from tests.ui.applicant_screen_helpers import editable_or_focusable, enter_and_save
from tests.ui.conftest import focused, settle
from ui.main_window import Desk, MainWindow


def test_the_applicant_screen_goes_to_the_second_screen(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    assert os.environ["QT_QPA_PLATFORM"].startswith("offscreen:configfile=")
    names = sorted(s.name() for s in QGuiApplication.screens())
    assert names == ["1-clerk", "2-applicant"]
    assert window.screen().name() == "1-clerk"
    screen = window.applicant_screen
    assert screen.isVisible() and screen.isFullScreen()  # shown without being asked
    assert screen.screen().name() == "2-applicant"
    assert screen.geometry() == screen.screen().geometry()
    number = enter_and_save(qtbot, window)
    assert "371502********0038" in screen.people.text()
    assert "371502197205200038" not in screen.people.text()
    assert editable_or_focusable(screen) == []
    settle(qtbot, desk.runner)
    assert focused().window() is window  # the clerk keeps the keyboard
    screen.confirm_button.click()  # the applicant touches their screen
    settle(qtbot, desk.runner)
    assert screen.content is not None
    events = desk.audit.events(Actor("zhao", "supervisor"), action=CONFIRMED, application=number)
    assert [e.detail["shown_sha256"] for e in events] == [screen.content.digest()]
