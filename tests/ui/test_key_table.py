"""The README's key tables are what the desk binds: every key written in the desk's table
is a shortcut of one of the main window's actions or shortcuts, and every key in the
scan dialog's table one of the dialog's. (Tab and Enter are Qt's own focus and editing
keys, not shortcuts: the table's rows for them are not checked here.)"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.tasks import TaskRunner

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(r"^(?:(?:Ctrl|Alt|Shift)\+)*(?:F\d{1,2}|Esc|[A-Z0-9])$")


def table_keys(after: str) -> list[str]:
    """The keys in the first column of the table that follows the line ``after``."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(after)
    rows: list[str] = []
    for line in lines[start + 1 :]:
        if not line.strip() and not rows:
            continue
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1].strip())
    keys: list[str] = []
    for cell in rows[2:]:  # past the header and its rule
        ranged = re.fullmatch(r"(\w+\+)(\d) … \1(\d)", cell)
        if ranged:  # "Ctrl+1 … Ctrl+6"
            prefix, first, last = ranged.groups()
            keys += [f"{prefix}{n}" for n in range(int(first), int(last) + 1)]
            continue
        keys += [part for part in re.split(r"\s*/\s*", cell) if KEY.match(part)]
    return keys


def bound(widget: QWidget) -> set[str]:
    """Every key sequence bound in ``widget``: actions, shortcuts and button mnemonics."""
    sequences: list[QKeySequence] = []
    for action in widget.findChildren(QAction):
        sequences += action.shortcuts()
    sequences += [shortcut.key() for shortcut in widget.findChildren(QShortcut)]
    sequences += [button.shortcut() for button in widget.findChildren(QAbstractButton)]
    return {
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for sequence in sequences
        if not sequence.isEmpty()
    }


def _portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_every_key_in_the_desk_table_is_bound(window: MainWindow) -> None:
    keys = table_keys("Taking an application, all by keyboard:")
    # the table is read, devices included (not an empty list passing vacuously)
    assert {"F2", "F5", "F6", "F11", "F12", "Ctrl+R", "Esc", "Ctrl+6"} <= set(keys)
    missing = [key for key in keys if _portable(key) not in bound(window)]
    assert missing == []


def test_every_key_in_the_scan_dialog_table_is_bound(qtbot: QtBot, runner: TaskRunner) -> None:
    from ui.scan_dialog import ScanDialog  # noqa: PLC0415 - loads the OCR

    keys = table_keys("In the scan dialog (F6), all by keyboard:")
    assert {"Ctrl+O", "Ctrl+K", "Ctrl+J", "Alt+S"} <= set(keys)
    dialog = ScanDialog(runner)
    qtbot.addWidget(dialog)
    missing = [key for key in keys if _portable(key) not in bound(dialog)]
    assert missing == []
