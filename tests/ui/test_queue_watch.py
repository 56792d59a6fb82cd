"""The queue follows changes made behind the desk's back: an application added by the
command line (here: straight through the service, with no change record reaching the
desk) appears within a tick of the idle timer, without touching the search box (a tester
saw the queue stay at 2 applications while the store held 14)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from tests.stores import application
from tests.ui.conftest import settle
from ui.main_window import MainWindow


def test_an_application_added_elsewhere_appears_in_the_queue(
    qtbot: QtBot, window: MainWindow
) -> None:
    settle(qtbot, window.desk.runner)
    before = window.queue_model.rowCount()
    qtbot.waitUntil(lambda: window._queue_seen is not None, timeout=15_000)  # first tick
    window.desk.apps.create_draft(Actor("li", "clerk"), application())  # not via the desk
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == before + 1, timeout=15_000)
