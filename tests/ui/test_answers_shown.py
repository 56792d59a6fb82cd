"""What the clerk sees in the questions is what is saved and decided: the mouse wheel never
changes an answer (it scrolls the form), and an answer chosen with the mouse or left on
screen without Enter is taken when the application is saved."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.rules.facts import FACT_BY_NAME
from tests.ui.conftest import settle
from tests.ui.test_questions import _to_the_questions
from ui.answer_editors import ChoiceEditor, CountEditor
from ui.main_window import MainWindow


def _wheel(widget: QWidget, steps: int) -> None:
    """A wheel turned ``steps`` notches down over the middle of ``widget``."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(QPoint(int(middle.x()), int(middle.y())))),
        QPoint(0, 0),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_never_changes_a_choice_or_a_number(qtbot: QtBot, window: MainWindow) -> None:
    editor = _to_the_questions(qtbot, window)
    assert isinstance(editor, ChoiceEditor) and editor.currentIndex() == -1
    _wheel(editor, 2)
    assert editor.currentIndex() == -1  # not answered, as before the wheel
    editor.setCurrentIndex(0)
    _wheel(editor, 2)
    assert editor.currentIndex() == 0
    count = CountEditor(FACT_BY_NAME["applicant.pension_months"], window)
    count.set_answer(14)
    _wheel(count, 3)
    assert count.answer() == 14


def test_an_answer_picked_with_the_mouse_is_taken(qtbot: QtBot, window: MainWindow) -> None:
    editor = _to_the_questions(qtbot, window)
    assert isinstance(editor, ChoiceEditor)
    index = editor.search("nc")  # 农村
    editor.setCurrentIndex(index)
    editor.activated.emit(index)  # what the open list sends when the clerk clicks a choice
    settle(qtbot, window.desk.runner)
    assert window.intake.answered()[editor.spec.name] == "rural"


def test_what_is_shown_is_what_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    """An answer changed on screen without Enter (the clerk saves straight away) is in
    the saved case, and an answer emptied on screen is no longer in it."""
    editor = _to_the_questions(qtbot, window)
    assert isinstance(editor, ChoiceEditor)
    editor.setCurrentIndex(editor.search("nc"))  # shown, never committed
    saved = window.intake.application_data()
    assert saved["destination"].get("area") == "rural"
    editor.setCurrentIndex(-1)  # emptied on screen
    saved = window.intake.application_data()
    assert "area" not in saved["destination"]
