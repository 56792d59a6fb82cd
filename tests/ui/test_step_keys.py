"""Every workflow step has a key and a menu item with a mnemonic (issue 25, item 3), and
Enter on a queue row opens it at once."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import focused, key, settle
from tests.ui.test_desk import SHARED_COPY
from ui.main_window import Desk, MainWindow


def _named_draft(desk: Desk) -> str:
    case = json.loads(
        (SHARED_COPY / "01-jinan2017-master-degree-optimized.json").read_text("utf-8")
    )
    case.pop("expect")
    case.pop("case")
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": n} for n in ("李四", "张小", "张幺")][: len(case["family"])],
    }
    return desk.apps.create_draft(desk.login.actor, case).number


def test_every_step_is_in_the_menu_with_a_mnemonic_and_a_key(window: MainWindow) -> None:
    actions = window.step_actions
    assert list(actions) == ["accept", "decide", "approve", "issue", "refuse", "void", "print"]
    mnemonics = []
    for name, action in actions.items():
        found = re.search(r"\(&(\w)\)", action.text())
        assert found, (name, action.text())
        mnemonics.append(found.group(1))
    assert len(set(mnemonics)) == len(mnemonics)  # one letter, one item
    keys = [
        actions[k].shortcut() for k in ("accept", "decide", "approve", "issue", "refuse", "void")
    ]
    assert keys == [QKeySequence(f"Ctrl+{n}") for n in range(1, 7)]
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert "办理(&W)" in menu_titles


def test_accept_and_decide_by_their_keys(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    number = _named_draft(desk)
    window._show_application(desk.apps.get(number))
    settle(qtbot, desk.runner)
    key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 审查 is not open to a draft
    settle(qtbot, desk.runner)
    assert desk.apps.get(number).state == "draft"
    key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # 受理
    settle(qtbot, desk.runner)
    assert desk.apps.get(number).state == "accepted"
    assert focused() is window.application.print_receipt
    key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 审查
    settle(qtbot, desk.runner)
    assert desk.apps.get(number).state == "decided"


def test_enter_on_a_queue_row_opens_it_at_once(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = _named_draft(desk)
    window.back()
    window.queue.apply_filter()
    settle(qtbot, desk.runner)
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1)
    table = window.queue.table
    table.setCurrentIndex(table.model().index(-1, -1))  # no row chosen yet
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    key(Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    assert window.intake.number == number
