"""The questions form is rebuilt after every decision: what the clerk typed and where the
keyboard focus is must survive that, and no editor may be deleted under its own signal."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.intake import get_fact
from tests.ui.conftest import focused, key, settle, tab_to, type_text
from ui.answer_editors import ChoiceEditor, keys_for
from ui.main_window import MainWindow

CASE = Path(__file__).parent.parent / "shared_cases" / "02-jinan2017-encouraged-rental.json"


def _to_the_questions(qtbot: QtBot, window: MainWindow) -> QWidget:
    """An applicant and a county typed in, the first question focused."""
    case = json.loads(CASE.read_text(encoding="utf-8"))
    key(Qt.Key.Key_F2)
    type_text(case["applicant"]["id_number"])
    tab_to("county")
    type_text("370102")
    key(Qt.Key.Key_Tab)
    settle(qtbot, window.desk.runner)
    while not focused().objectName().startswith("fact:"):
        key(Qt.Key.Key_Tab)
    editor = focused()
    assert isinstance(editor, ChoiceEditor)  # 城区、镇区还是农村: a list
    return editor


def _focus_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else "(nothing)"


def _open_questions(window: MainWindow) -> list[str]:
    decision = window.intake.decision
    assert decision is not None
    return [name for name in window.intake._editors if name not in window.intake.answered()]


def test_a_choice_is_made_by_pinyin_and_taken_by_enter(qtbot: QtBot, window: MainWindow) -> None:
    editor = _to_the_questions(qtbot, window)
    assert isinstance(editor, ChoiceEditor)
    type_text("nc")  # 农村 by its initials
    assert editor.currentText().endswith("农村")
    assert editor.answer() == "rural"
    key(Qt.Key.Key_Return)
    settle(qtbot, window.desk.runner)
    assert window.intake.answered()[editor.spec.name] == "rural"


def test_skipping_a_question_does_not_delete_its_editor_inside_the_key_press(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = _to_the_questions(qtbot, window)
    skipped = editor.objectName()
    gone: list[bool] = []
    editor.destroyed.connect(lambda *_: gone.append(True))
    key(Qt.Key.Key_Return)  # an empty answer: skip to the next question
    # Qt still uses the editor after returnPressed (editingFinished, the key release):
    # it must outlive the key press and go only when the event loop deletes it
    assert not gone
    assert focused().objectName().startswith("fact:")
    assert focused().objectName() != skipped
    qtbot.waitUntil(lambda: bool(gone))


def test_text_typed_while_a_decision_is_on_its_way_is_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = _to_the_questions(qtbot, window)
    name = editor.objectName()
    type_text("zhenq")  # 镇区 chosen, not yet taken as the answer
    window.intake.schedule()  # something else changed: the form is rebuilt
    settle(qtbot, window.desk.runner)
    again = window.intake._editors[name.removeprefix("fact:")]
    assert again is not editor
    assert isinstance(again, ChoiceEditor)
    assert again.currentText().endswith("镇区")
    assert name.removeprefix("fact:") not in window.intake.answered()
    assert "决定" in window.intake.panel.heading.text()  # the heading shows the decision
    assert focused() is again  # the focus came back to it, not to nothing


def test_the_focus_is_not_taken_back_from_where_the_clerk_went(
    qtbot: QtBot, window: MainWindow
) -> None:
    case = json.loads(CASE.read_text(encoding="utf-8"))
    fact = _to_the_questions(qtbot, window).objectName().removeprefix("fact:")
    type_text(keys_for(FACT_BY_NAME[fact], get_fact(case, fact)))
    key(Qt.Key.Key_Return)
    # before the decision comes back the clerk goes on to the name on the hukou book
    window.intake.applicant_name.setFocus()
    settle(qtbot, window.desk.runner)
    assert QApplication.focusWidget() is window.intake.applicant_name


def test_the_focus_moves_to_the_next_open_question_after_an_answer(
    qtbot: QtBot, window: MainWindow
) -> None:
    case = json.loads(CASE.read_text(encoding="utf-8"))
    editor = _to_the_questions(qtbot, window)
    first = editor.objectName()
    value = get_fact(case, first.removeprefix("fact:"))
    assert value is not None, "the shared case answers its first question"
    # where the focus is the moment the decision is shown, before any other event: a
    # key the clerk types then must reach the next question, not nothing
    at_once: list[str] = []
    window.intake.decided.connect(lambda _d: at_once.append(_focus_name()))
    type_text(keys_for(FACT_BY_NAME[first.removeprefix("fact:")], value))
    key(Qt.Key.Key_Return)
    settle(qtbot, window.desk.runner)
    now = focused().objectName()
    assert at_once == [now]
    assert now.startswith("fact:") and now != first
    assert now.removeprefix("fact:") == window.intake.next_question()
    assert now.removeprefix("fact:") in _open_questions(window)


def test_with_no_question_left_the_focus_waits_on_the_box_not_on_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = _to_the_questions(qtbot, window).objectName()
    window.intake.county.setText("")  # the place is gone: no questions can be asked
    window.intake.schedule()
    settle(qtbot, window.desk.runner)
    assert window.intake._editors == {}
    assert QApplication.focusWidget() is window.intake.facts_box
    window.intake.county.setText("370102")  # and back: the questions return
    window.intake.schedule()
    settle(qtbot, window.desk.runner)
    assert focused().objectName() == first
