"""The desk, offscreen: shared cases taken by keyboard only, with the decision shown equal
to ``caseworker evaluate`` on the same file; the queue; saving and the steps; errors and
unsaved-change prompts; the card reader; the screen lock."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.evaluation import EvaluationService
from caseworker.services.intake import get_fact
from tests.ui.conftest import PASSWORD, focused, key, settle, tab_to, type_text
from ui.answer_editors import ChoiceEditor, keys_for
from ui.intake import RelativeDialog
from ui.main_window import Desk, MainWindow

SHARED_COPY = Path(__file__).parent.parent / "shared_cases"
KEYBOARD_CASES = [
    "01-jinan2017-master-degree-optimized.json",
    "02-jinan2017-encouraged-rental.json",
    "06-liaocheng2020-registered-rental.json",
    "09-zaozhuang2021-return-to-village.json",
]


def _focus_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def _relative_text(relative: dict[str, Any]) -> list[tuple[str, Any]]:
    """The dialog's fields and their values; a list is answered by its number."""
    fields: list[tuple[str, Any]] = [("relation", relative["relation"])]
    if relative.get("id_number"):
        fields.append(("relativeId", relative["id_number"]))
    if relative.get("birth_date"):
        fields.append(("relativeBorn", relative["birth_date"]))
    if relative.get("sex"):
        fields.append(("relativeSex", relative["sex"]))
    if relative.get("marital_status"):
        fields.append(("relativeMarital", relative["marital_status"]))
    if relative.get("co_residing") is not None:
        fields.append(("relativeCoResiding", relative["co_residing"]))
    return fields


def _type_value(value: Any) -> None:
    """A value as a clerk types it where the focus is: a list's number, else its text."""
    widget = focused()
    if isinstance(widget, ChoiceEditor):
        index = widget.findData(value)
        assert index >= 0, (widget.objectName(), value)
        type_text(str(index + 1))
        assert widget.answer() == value
    else:
        type_text(str(value))


def take_by_keyboard(qtbot: QtBot, window: MainWindow, case: dict[str, Any]) -> None:
    """The whole intake of a case file, by keyboard only: F2, Tab, typing, Enter, Ctrl+R."""
    runner = window.desk.runner
    key(Qt.Key.Key_F2)
    assert focused().objectName() == "idNumber"
    type_text(case["applicant"]["id_number"])
    tab_to("onDate")
    focused().selectAll()  # type: ignore[attr-defined]
    type_text(case["on"])
    tab_to("county")
    type_text(case["destination"]["county"])
    key(Qt.Key.Key_Tab)
    if case["destination"].get("street"):
        tab_to("street")
        type_text(case["destination"]["street"])
        key(Qt.Key.Key_Tab)
    settle(qtbot, runner)
    for relative in case.get("family", []):
        key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RelativeDialog))
        qtbot.waitUntil(lambda: _focus_name() == "relation")
        for name, value in _relative_text(relative):
            tab_to(name)
            _type_value(value)
        key(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _focus_name() == "addRelative")
        settle(qtbot, runner)
    # the questions, in the engine's order: answer what the file answers, skip the rest
    tab_to_first_question = 0
    while not focused().objectName().startswith("fact:") and tab_to_first_question < 80:
        key(Qt.Key.Key_Tab)
        tab_to_first_question += 1
    for _ in range(60):
        name = focused().objectName()
        if not name.startswith("fact:"):
            break
        value = get_fact(case, name.removeprefix("fact:"))
        if value is not None:
            type_text(keys_for(FACT_BY_NAME[name.removeprefix("fact:")], value))
        key(Qt.Key.Key_Return)
        settle(qtbot, runner)
        if window.intake.next_question() is None:
            break


@pytest.mark.parametrize("name", KEYBOARD_CASES)
def test_a_shared_case_taken_by_keyboard_decides_as_the_command_does(
    qtbot: QtBot, window: MainWindow, service: EvaluationService, name: str
) -> None:
    path = SHARED_COPY / name
    case = json.loads(path.read_text(encoding="utf-8"))
    take_by_keyboard(qtbot, window, case)
    shown = window.intake.decision
    expected = service.decide_file(path)
    assert shown is not None, window.intake.panel.heading.text()
    assert shown.decision == expected.decision == case["expect"]["decision"]
    # the clauses it is decided on, and each relative's verdict, as the command gives
    # them; routes that cannot change the outcome may stay "incomplete" on the desk,
    # because the desk does not ask what cannot matter
    statuses = window.intake.panel.route_statuses()
    assert {k for k, v in statuses.items() if v == "eligible"} == {r.key for r in expected.eligible}
    if expected.decision != "eligible":
        assert statuses == {r.key: r.status for r in expected.routes if r.applies_here}
    assert [v.verdict for v in shown.family] == [v.verdict for v in expected.family]
    assert "决定：" in window.intake.panel.heading.text()


def test_shared_case_01_to_accepted_and_decided_by_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = json.loads((SHARED_COPY / KEYBOARD_CASES[0]).read_text(encoding="utf-8"))
    take_by_keyboard(qtbot, window, case)
    tab_to("applicantName")
    type_text("张三丰")
    key(Qt.Key.Key_Tab)
    window.intake.relative_list.setCurrentRow(0)
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk.runner)
    number = window.intake.number
    assert number is not None and window.intake.state == "draft" and not window.dirty
    # names of the relatives, as the book shows them, then accept and decide
    view = desk.apps.get(number)
    data = window.intake.application_data()
    data["records"]["family"] = [{"name": n} for n in ("李四", "张小", "张幺")]
    desk.apps.edit(desk.login.actor, number, data)
    window._show_application(desk.apps.get(number))
    settle(qtbot, desk.runner)
    window.step_buttons["accept"].click()
    settle(qtbot, desk.runner)
    window.step_buttons["decide"].click()
    settle(qtbot, desk.runner)
    view = desk.apps.get(number)
    assert view.state == "decided" and view.decision is not None
    assert view.decision.decision == "eligible"
    assert view.receipt_number and view.receipt_number.startswith("SL-")


def test_the_queue_lists_searches_and_opens_by_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = json.loads((SHARED_COPY / KEYBOARD_CASES[1]).read_text(encoding="utf-8"))
    case.pop("expect")
    case.pop("case")
    case["records"] = {"applicant": {"name": "王小明"}}
    view = desk.apps.create_draft(desk.login.actor, case)
    key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused().objectName() == "search"
    type_text("wxm")
    key(Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    assert window.queue_model.rowCount() == 1
    masked = window.queue_model.summary(0)
    assert masked is not None and "********" in (masked.applicant_id_number or "")
    assert focused().objectName() == "queue"
    key(Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    assert window.intake.number == view.number
    assert window.intake.applicant_name.text() == "王小明"
    history = desk.apps.history(view.number)
    assert history[-1].action == "application.view"  # opening a record is audited


def test_bad_input_gets_a_message_and_keeps_the_form(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.errors.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    key(Qt.Key.Key_F2)
    type_text("37010219900101001")  # 17 digits
    assert "17/18" in window.intake.id_status.text()
    type_text("9")
    assert "✘" in window.intake.id_status.text()  # a wrong check digit, said as typed
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.desk.runner)
    # the field named as the form labels it, never as a dotted path
    assert shown and "身份证号：" in shown[0] and "id_number" not in shown[0]
    assert "applicant." not in shown[0] and "destination." not in shown[0]
    assert window.intake.id_number.text() == "370102199001010019"
    assert window.intake.number is None


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    key(Qt.Key.Key_F2)
    type_text("3701")
    assert window.dirty
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, _buttons: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("ui.main_window.QMessageBox.question", question)
    assert not window.close()  # Cancel: the window stays, and so does the typing
    assert window.isVisible() and window.intake.id_number.text() == "3701"
    assert window.close()  # Discard
    assert len(asked) == 2 and "未保存的修改" in asked[0]


def test_the_card_reader_fills_the_number_and_flags_a_different_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "card.json").write_text(
        json.dumps({"id_number": "371502197205200038", "name": "张三丰", "ethnicity": "汉"}),
        encoding="utf-8",
    )
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert window.intake.id_number.text() == "371502197205200038"
    assert "1972-05-20" in window.intake.id_status.text()
    assert focused().objectName() == "applicantName"
    focused().selectAll()  # type: ignore[attr-defined]
    type_text("张三峰")
    key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # the 户口簿 section, folded
    tab_to("bookBirthDate")
    type_text("1972-05-21")
    key(Qt.Key.Key_Tab)
    mismatch = window.intake.mismatch.text()
    assert "出生日期不一致" in mismatch and "姓名不一致" in mismatch


def test_no_card_on_the_reader_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.errors.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert shown and "no card on the reader" in shown[0]


def test_the_screen_locks_when_idle_and_hides_the_application(
    qtbot: QtBot, window: MainWindow
) -> None:
    now = [datetime(2026, 3, 2, 9, 0)]
    window.idle.clock = lambda: now[0]
    window.idle.unlocked()
    key(Qt.Key.Key_F2)
    type_text("371502197205200038")
    now[0] += timedelta(minutes=9)
    window.check_idle()
    assert window.stack.currentWidget() is window.intake_page
    now[0] += timedelta(minutes=1)
    window.check_idle()
    assert window.stack.currentWidget() is window.lock_page
    assert not window.intake.isVisible()  # nobody's data behind the lock
    assert focused().objectName() == "unlockPassword"
    type_text("wrong-pass-1")
    key(Qt.Key.Key_Return)
    settle(qtbot, window.desk.runner)
    assert "用户名或密码错误" in window.lock_page.error.text()
    assert window.stack.currentWidget() is window.lock_page
    type_text(PASSWORD)
    key(Qt.Key.Key_Return)
    settle(qtbot, window.desk.runner)
    assert window.stack.currentWidget() is window.intake_page
    assert window.intake.id_number.text() == "371502197205200038"  # nothing lost


def test_a_case_file_can_still_be_opened_and_explained(qtbot: QtBot, window: MainWindow) -> None:
    assert window.show_case(SHARED_COPY / "02-jinan2017-encouraged-rental.json")
    text = window.case_view.toPlainText()
    assert "决定 Decision: 符合 eligible" in text and "jinan-2017:2.2" in text
