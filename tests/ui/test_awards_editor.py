"""The awards question answered in a small dialog (issue 25): the kind from a list in the
desk's language, the place won, the date; never JSON, shown or asked for."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from caseworker.rules.facts import FACT_BY_NAME
from ui.answer_editors import make_editor

JSON_LOOK = re.compile(r"[\[\]{}\"]|kind|rank|date|national_class")


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _editor(qtbot: QtBot, host: QWidget) -> Any:
    editor: Any = make_editor(FACT_BY_NAME["applicant.awards"], host)
    editor.show()
    editor.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(editor.hasFocus)
    return editor


def test_awards_are_shown_in_words_never_as_json(qtbot: QtBot, host: QWidget) -> None:
    editor = _editor(qtbot, host)
    awards = [{"kind": "national_class1", "rank": 1, "date": "2019-05-01"}]
    editor.set_answer(awards)
    assert editor.answer() == awards
    shown = [editor.text(), editor.placeholderText(), editor.toolTip()]
    assert "国家级一类职业技能竞赛获奖 第1名 2019-05-01" in editor.text()
    assert not [t for t in shown if JSON_LOOK.search(t)], shown
    editor.set_answer([])
    assert editor.answer() == []
    assert not JSON_LOOK.search(editor.placeholderText())


def test_json_typed_is_not_an_answer(qtbot: QtBot, host: QWidget) -> None:
    editor = _editor(qtbot, host)
    assert isinstance(editor, QLineEdit) and editor.isReadOnly()
    QTest.keyClicks(editor, '[{"kind": "world_skills", "date": "2019-05-01"}]')
    assert editor.answer() == []


def test_an_award_is_added_in_the_dialog_by_keyboard(qtbot: QtBot, host: QWidget) -> None:
    editor = _editor(qtbot, host)
    committed: list[bool] = []
    editor.committed.connect(lambda: committed.append(True))
    QTest.keyClick(editor, Qt.Key.Key_Space)
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    texts = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "5 国家级一类职业技能竞赛获奖" in texts
    assert not [t for t in texts if JSON_LOOK.search(t)]
    QTest.keyClicks(dialog.kind, "5")
    QTest.keyClick(dialog.kind, Qt.Key.Key_Return)  # on to the place won
    assert dialog.rank.hasFocus() or dialog.focusWidget() is dialog.rank
    dialog.rank.setValue(1)
    QTest.keyClicks(dialog.day, "2019-13-01")
    QTest.keyClick(dialog.day, Qt.Key.Key_Return)
    assert "获奖日期" in dialog.error.text() and not re.search("[A-Za-z]{3}", dialog.error.text())
    assert dialog.awards == []
    dialog.day.clear()
    QTest.keyClicks(dialog.day, "20190501")
    QTest.keyClick(dialog.day, Qt.Key.Key_Return)  # added; back on the kind
    assert dialog.listed.stringList() == ["1. 国家级一类职业技能竞赛获奖 第1名 2019-05-01"]
    QTest.keyClick(dialog.kind, Qt.Key.Key_Return)  # Enter on no kind: done
    assert editor.answer() == [{"kind": "national_class1", "rank": 1, "date": "2019-05-01"}]
    assert committed  # answered, the form moves on
