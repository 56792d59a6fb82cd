"""F2 pressed while a new application's first save is still on the worker: the blank form
that F2 opened stays a new application. The save's answer (the draft's number and
version) belongs to the draft it made, never to the next form, whose next save would
otherwise be written over that draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from ui.main_window import Desk, MainWindow

SHARED_COPY = Path(__file__).parent.parent / "shared_cases"


def test_f2_during_the_first_save_leaves_the_new_form_new(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    case: dict[str, Any] = json.loads(
        (SHARED_COPY / "01-jinan2017-master-degree-optimized.json").read_text(encoding="utf-8")
    )
    case.pop("expect")
    case.pop("case")
    case["records"] = {"applicant": {"name": "张三丰"}}
    window.new_application()
    settle(qtbot, desk.runner)
    window.intake.load_data(case, number=None, state="", version=0)
    window.application.dirty = True
    window.save()  # on the worker now
    # F2 before the answer is back; the clerk, asked, keeps what was saved already
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )
    window.new_application()
    settle(qtbot, desk.runner)
    assert window.intake.number is None, "the new form took the previous draft's number"
    assert window.state_label.text() == "新申请（未保存）"
    drafts = desk.apps.search(desk.login.actor, "张三丰").items
    assert len(drafts) == 1  # the draft was saved, once


def test_a_case_file_opened_into_the_intake_is_a_new_form(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    """Opening a case file into the intake (training) starts a new form as F2 does:
    nothing of the application shown before (its receipt) stays on the page."""
    from caseworker.models.workflow import Action  # noqa: PLC0415
    from tests.ui.test_stale_state import _draft, _open  # noqa: PLC0415

    _open(qtbot, window, _draft(desk))
    window.step(Action.ACCEPT)
    settle(qtbot, desk.runner)
    page = window.application
    assert page.receipt_label.isVisibleTo(window) and "SL-" in page.receipt_label.text()
    window.load_case_into_intake(SHARED_COPY / "01-jinan2017-master-degree-optimized.json")
    settle(qtbot, desk.runner)
    assert window.intake.number is None
    assert not page.receipt_label.isVisibleTo(window) and page.receipt_label.text() == ""
