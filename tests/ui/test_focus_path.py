"""The clerk's Tab path through the intake (issue 25, item 3): ID → name → date → county →
street → address → the questions → relatives → documents → the steps; the 户口簿 details
in their own folded section, out of that path, opened by Ctrl+B, folded again for every
application."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.ui.conftest import focused, key, settle, type_text
from tests.ui.test_desk import SHARED_COPY
from ui.main_window import MainWindow

FIXED_PATH = ["idNumber", "applicantName", "onDate", "county", "street", "destinationAddress"]


def _case_01_without_answers() -> dict[str, object]:
    case = json.loads(
        (SHARED_COPY / "01-jinan2017-master-degree-optimized.json").read_text("utf-8")
    )
    for key_ in ("expect", "case"):
        case.pop(key_)
    applicant = case["applicant"]
    case["applicant"] = {"id_number": applicant["id_number"]}
    return case


def _tab_names(count: int) -> list[str]:
    names = [focused().objectName()]
    for _ in range(count):
        key(Qt.Key.Key_Tab)
        names.append(focused().objectName())
    return names


def test_tab_goes_the_clerks_way(qtbot: QtBot, window: MainWindow) -> None:
    key(Qt.Key.Key_F2)
    window.intake.load_data(_case_01_without_answers(), number=None, state="", version=0)
    settle(qtbot, window.desk.runner)
    window.intake.id_number.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is window.intake.id_number)
    assert window.intake.next_question() is not None  # questions are open
    shown = _tab_names(6)
    # the fixed fields in order, straight on to the first question: no card or scan
    # button, no 户口簿 field, no relatives list on the way
    assert shown[:6] == FIXED_PATH, shown
    assert shown[6].startswith("fact:"), shown
    assert shown[6] == f"fact:{window.intake.next_question()}"
    # back again with Shift+Tab
    key(Qt.Key.Key_Backtab)
    assert focused().objectName() == "destinationAddress"
    # past the last question: the relatives, their buttons, the documents, the steps
    last = list(window.intake._editors)[-1]
    window.intake._editors[last].setFocus(Qt.FocusReason.TabFocusReason)  # type: ignore[attr-defined]
    after = _tab_names(4)[1:]
    assert after == ["relatives", "addRelative", "removeRelative", "decisionRoutes"], after
    key(Qt.Key.Key_Tab)
    assert focused().objectName().startswith("step:"), focused().objectName()


def test_the_hukou_book_is_folded_out_of_the_path_and_opened_by_ctrl_b(
    qtbot: QtBot, window: MainWindow
) -> None:
    intake = window.intake
    key(Qt.Key.Key_F2)
    assert not intake.book.isVisible()
    key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert intake.book.isVisible()
    assert focused().objectName() == "head_name"
    type_text("张三丰")
    assert "1" in intake.book_toggle.text()  # its heading counts what is filled
    # open, its fields are in the path after the name
    intake.applicant_name.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is intake.applicant_name)
    key(Qt.Key.Key_Tab)
    assert focused().objectName() == "head_name"
    key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # folded again, back to the name
    assert not intake.book.isVisible() and focused() is intake.applicant_name
    key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert intake.book.isVisible()
    # the next application starts folded, its fields empty, the form at the top
    window.dirty = False
    bar = intake.form_scroll.verticalScrollBar()
    window.resize(1366, 600)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    key(Qt.Key.Key_F2)
    assert not intake.book.isVisible()
    assert intake.records["head_name"].text() == ""
    assert bar.value() == 0
    assert "1" not in intake.book_toggle.text()


def test_the_print_step_in_the_workflow_menu_says_its_key(window: MainWindow) -> None:
    text = window.step_actions["print"].text()
    assert text.endswith(
        "\t" + QKeySequence("Ctrl+P").toString(QKeySequence.SequenceFormat.NativeText)
    )
