"""Shared by the applicant's screen tests: a saved application (shared case 01, with the
names from the hukou book) on the desk, and what makes a widget editable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import key, settle
from ui.main_window import MainWindow

CASE = Path(__file__).parent.parent / "shared_cases" / "01-jinan2017-master-degree-optimized.json"
EDITABLE = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)


def case_01() -> dict[str, Any]:
    case: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": n} for n in ("李四", "张小", "张幺")],
        "destination_address": "泉城路 1 号",
    }
    return case


def enter_and_save(qtbot: QtBot, window: MainWindow) -> str:
    key(Qt.Key.Key_F2)
    window.intake.load_data(case_01(), number=None, state="", version=0)
    window.application.mark_dirty()
    settle(qtbot, window.desk.runner)
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.desk.runner)
    number = window.intake.number
    assert number is not None and not window.dirty
    return number


def editable_or_focusable(screen: QWidget) -> list[str]:
    """Every widget on the applicant's screen a keyboard or the applicant could edit or
    give focus to (the confirm button may be touched, never focused)."""
    found = []
    for widget in [screen, *screen.findChildren(QWidget)]:
        if isinstance(widget, EDITABLE):
            found.append(f"editable {widget.objectName()}")
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            found.append(f"focusable {widget.objectName()}")
        flags = getattr(widget, "textInteractionFlags", None)
        if (
            not isinstance(widget, QAbstractButton)
            and flags is not None
            and flags() != Qt.TextInteractionFlag.NoTextInteraction
        ):
            found.append(f"selectable {widget.objectName()}")
    return found
