"""The applicant's screen (双屏核对) on one screen (training): what it shows, masked;
nothing on it editable or focusable; the confirmation in the audit trail with the
SHA-256 of what was shown. The two-screen run is ``test_applicant_two_screens.py``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.services.applicant_screen import CONFIRMED
from caseworker.services.base import Actor
from tests.ui.applicant_screen_helpers import editable_or_focusable, enter_and_save
from tests.ui.conftest import focused, key, settle
from ui.main_window import Desk, MainWindow


def test_it_shows_the_entered_data_masked_and_nothing_can_be_edited(
    qtbot: QtBot, window: MainWindow
) -> None:
    enter_and_save(qtbot, window)
    key(Qt.Key.Key_F11)  # one screen here: opened as a window, for training
    screen = window.applicant_screen
    qtbot.waitUntil(screen.isVisible)
    people = screen.people.text()
    assert "张三丰" in people and "371502********0038" in people
    assert "配偶：李四" in people and "371502********0146" in people
    assert "371502197205200038" not in people and "197402" not in people
    assert "济南市" in screen.destination.text() and "泉城路街道" in screen.destination.text()
    assert "符合落户条件" in screen.decision.text()
    assert screen.content is not None and window.intake.decision is not None
    # one route is enough: the materials of the one the engine ranks first, not of all
    first = window.intake.decision.eligible[0]
    assert screen.content.missing == first.documents
    assert screen.content.missing[0] in screen.missing.text()
    assert editable_or_focusable(screen) == []
    settle(qtbot, window.desk.runner)
    assert focused().window() is window  # the clerk keeps the keyboard


def test_a_material_ticked_leaves_the_missing_list(qtbot: QtBot, window: MainWindow) -> None:
    enter_and_save(qtbot, window)
    window.show_applicant_screen()
    screen = window.applicant_screen
    assert screen.content is not None
    first = screen.content.missing[0]
    window.intake.panel._seen.add(first)  # as ticking its box in the checklist does
    window.intake.panel.document_ticked.emit(first, True)
    settle(qtbot, window.desk.runner)
    assert first not in screen.missing.text()


def test_the_confirmation_lands_in_the_audit_trail(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = enter_and_save(qtbot, window)
    window.show_applicant_screen()
    screen = window.applicant_screen
    key(Qt.Key.Key_F12)  # the clerk asked; the applicant said yes
    settle(qtbot, desk.runner)
    assert screen.content is not None
    shown = screen.content.digest()
    events = desk.audit.events(Actor("zhao", "supervisor"), action=CONFIRMED, application=number)
    assert len(events) == 1
    detail = events[0].detail
    assert detail["shown_sha256"] == shown and detail["number"] == number
    assert detail["via"] == "clerk"
    assert "371502********0038" in detail["people"]
    assert "371502197205200038" not in str(detail)
    assert "您已确认" in screen.status.text()
    # the applicant's own button does the same, never taking the keyboard
    screen.confirm_button.click()
    settle(qtbot, desk.runner)
    both = desk.audit.events(Actor("zhao", "supervisor"), action=CONFIRMED)
    assert [e.detail["via"] for e in both] == ["screen", "clerk"]  # newest first
    # an edit after the confirmation: the screen no longer says it was confirmed
    window.intake.destination_address.setText("泉城路 2 号")
    window.intake.changed.emit()
    assert "您已确认" not in screen.status.text()


def test_unsaved_work_is_not_confirmed(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter_and_save(qtbot, window)
    window.show_applicant_screen()
    window.intake.destination_address.setText("泉城路 2 号")
    window.application.mark_dirty()
    said: list[str] = []
    window.application.message.connect(lambda text, _ms: said.append(text))
    key(Qt.Key.Key_F12)
    settle(qtbot, desk.runner)
    assert said and "请先保存" in said[-1]
    assert desk.audit.events(Actor("zhao", "supervisor"), action=CONFIRMED) == []


def test_back_at_the_queue_the_previous_applicant_is_not_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    enter_and_save(qtbot, window)
    window.show_applicant_screen()
    screen = window.applicant_screen
    assert "张三丰" in screen.people.text()
    key(Qt.Key.Key_Escape)  # back to the queue: the next person may be at the counter
    settle(qtbot, window.desk.runner)
    shown = " ".join(label.text() for label in (screen.people, screen.destination, screen.missing))
    assert "张三丰" not in shown and "0038" not in shown and "泉城路" not in shown
    assert not screen.confirm_button.isVisible()
    assert "欢迎" in screen.heading.text()
    key(Qt.Key.Key_F2)  # a new application: the screen follows the form again
    assert "欢迎" not in screen.heading.text() and screen.confirm_button.isVisible()
