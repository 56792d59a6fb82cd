"""Ctrl+S on an application shown unchanged writes nothing: no version, no audit event,
and the user who pressed it is no maker of the application."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from caseworker.storage import repositories as repo
from tests.ui.conftest import settle
from tests.ui.test_stale_state import _draft, _open
from ui.main_window import Desk, MainWindow


def _events(desk: Desk, number: str) -> list[str]:
    with desk.apps.store.sessions() as session:
        return [e.action for e in repo.audit_of(session, number)]


def test_saving_an_unchanged_application_writes_nothing(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = _draft(desk)
    _open(qtbot, window, number)
    before = desk.apps.get(number)
    events = _events(desk, number)
    window.save()
    settle(qtbot, desk.runner)
    after = desk.apps.get(number)
    assert after.version == before.version
    assert [e for e in _events(desk, number) if e != "application.view"] == [
        e for e in events if e != "application.view"
    ]
    # a real change is still saved
    window.intake.destination_address.setText("经十路 1 号")
    window.save()
    settle(qtbot, desk.runner)
    assert desk.apps.get(number).version == before.version + 1
    assert _events(desk, number)[-1] == "application.edit"
