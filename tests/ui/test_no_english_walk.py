"""The Chinese desk walked page by page and dialog by dialog (issue 25): no English
sentence, enumeration code, field path or id in any text, placeholder, tooltip, list or
tree a clerk can see. Key names (Ctrl+S, Esc, Delete), file types (PNG, PDF), the
language menu's "English" and a pinyin example are allowed; so is a clause's original
text (the policy as published, quoted)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from caseworker.services.audit import AuditService
from tests.ui.conftest import settle
from tests.ui.test_answer_editors import _codes, _texts
from ui import i18n
from ui.audit_view import AuditDialog
from ui.awards_editor import AwardsDialog
from ui.main_window import Desk, MainWindow
from ui.relative_dialog import RelativeDialog

SHARED = Path(__file__).parent.parent / "shared_cases"
ALLOWED = {"Ctrl", "Esc", "Delete", "PNG", "JPEG", "PDF", "English", "lixia"}
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
PATH = re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+")
# an application's or a receipt's number (370102001-SMXX-000001, SL-…): data, not words
NUMBER = re.compile(r"(SL-)?\d{9}-[A-Z0-9]{4}(-\d{4})?-\d{6}(-[A-Z])?")


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> None:
    """The desk's Chinese as it starts: Qt's own buttons (确定, 取消) in Chinese too."""
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE


def _english(root: QWidget) -> list[tuple[str, str]]:
    long, short = _codes()
    found = []
    for name, text in _texts(root):
        if text.startswith("条款原文："):
            continue  # the policy's own words, quoted
        plain = NUMBER.sub(" ", re.sub(r"<[^>]+>", " ", text))
        words = [w for w in WORD.findall(plain) if w not in ALLOWED]
        if words or PATH.search(plain) or long.search(plain) or plain.strip() in short:
            found.append((name, text[:120]))
    return found


def _draft(desk: Desk, name: str) -> str:
    case: dict[str, Any] = json.loads((SHARED / name).read_text(encoding="utf-8"))
    case.pop("expect")
    case.pop("case")
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": f"张{n}"} for n in "一二三四五"[: len(case.get("family", []))]],
    }
    return desk.apps.create_draft(desk.login.actor, case).number


@pytest.mark.parametrize(
    "name",
    [
        "01-jinan2017-master-degree-optimized.json",
        "06-liaocheng2020-registered-rental.json",
        "09-zaozhuang2021-return-to-village.json",
        "12-jinan2017-pension-not-asked-yet.json",
    ],
)
def test_the_application_page_and_its_decision(
    qtbot: QtBot, window: MainWindow, desk: Desk, name: str
) -> None:
    window.open_number(_draft(desk, name))
    settle(qtbot, desk.runner)
    assert window.intake.decision is not None
    assert not _english(window), _english(window)


def test_the_queue(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    _draft(desk, "01-jinan2017-master-degree-optimized.json")
    window.queue_model.refresh()
    settle(qtbot, desk.runner)
    assert window.queue_model.rowCount() == 1
    assert not _english(window), _english(window)


def test_the_dialogs(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    relative = RelativeDialog(window, {"relation": "child", "birth_date": "2015-13-01"})
    qtbot.addWidget(relative)
    relative._check()
    assert relative.error.text()
    awards = AwardsDialog(window, [{"kind": "national_class1", "rank": 1, "date": "2019-05-01"}])
    qtbot.addWidget(awards)
    awards.kind.set_answer("world_skills")
    awards.day.setText("2019-13-01")
    awards.add()
    assert awards.error.text()
    for dialog in (relative, awards):
        assert not _english(dialog), _english(dialog)


def test_the_audit_trail(qtbot: QtBot, desk: Desk) -> None:
    _draft(desk, "01-jinan2017-master-degree-optimized.json")
    dialog = AuditDialog(AuditService(desk.apps.store), Actor("zhao", "supervisor"), desk.runner)
    qtbot.addWidget(dialog)
    settle(qtbot, desk.runner)
    assert dialog.model.rowCount() >= 3
    # the user column holds login names (li, zhao): people's names, not codes; the action
    # column's tooltip holds the action's code on purpose (for whoever reads the log files
    # beside it, the messages branch's choice): the cells themselves are words
    model = dialog.model
    codes = {
        str(model.data(model.index(r, 3), Qt.ItemDataRole.ToolTipRole))
        for r in range(model.rowCount())
    }
    names = re.compile(r"\b(li|zhao|admin)\b")
    found = [
        (n, t) for n, t in _english(dialog) if t not in codes and WORD.findall(names.sub(" ", t))
    ]
    assert not found, found
