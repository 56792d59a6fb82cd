"""What the desk shows agrees with the store and with itself: nothing of the previous
application stays on screen after F2, the relatives list says what the decision panel
says, an edit made on a version someone else has changed is refused, and a concurrent
change is worded for the clerk, never shown as a program error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.models.workflow import Action
from caseworker.services.applications import ApplicationService
from caseworker.services.base import StaleVersionError
from caseworker.services.context import ServiceContext
from caseworker.storage import repositories
from caseworker.storage.repositories import ConcurrentChangeError
from tests.ui.conftest import key, settle
from ui.main_window import Desk, MainWindow

SHARED_COPY = Path(__file__).parent.parent / "shared_cases"


def _draft(desk: Desk) -> str:
    """Shared case 01 (three relatives, all may accompany), saved as a draft."""
    case: dict[str, Any] = json.loads(
        (SHARED_COPY / "01-jinan2017-master-degree-optimized.json").read_text(encoding="utf-8")
    )
    case.pop("expect")
    case.pop("case")
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": n} for n in ("李四", "张小", "张幺")],
    }
    return desk.apps.create_draft(desk.login.actor, case).number


def _open(qtbot: QtBot, window: MainWindow, number: str) -> None:
    window.open_number(number)
    settle(qtbot, window.desk.runner)
    assert window.intake.number == number
    assert window.intake.decision is not None, window.intake.panel.heading.text()


def test_f2_shows_nothing_of_the_previous_application(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _open(qtbot, window, _draft(desk))
    intake = window.intake
    assert "泉城路街道" in intake.place_info.text()
    assert intake.panel.family.text() and intake.relative_list.count() == 3
    intake.panel.set_seen({"户口簿"})
    intake.card_name = "张三丰"
    key(Qt.Key.Key_F2)
    settle(qtbot, desk.runner)
    assert intake.number is None
    assert intake.place_info.text() == ""  # no place line of the previous case
    assert intake.decision is None and intake.panel.decision is None
    assert intake.panel.route_statuses() == {}
    assert intake.panel.family.text() == ""  # no verdicts of the previous relatives
    assert intake.relative_list.count() == 0
    assert intake.panel._seen == set()  # no document ticked for the previous case
    assert intake.card_name == ""  # the next name is not compared with the last card


def test_the_relatives_list_says_what_the_decision_panel_says(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _open(qtbot, window, _draft(desk))
    decision = window.intake.decision
    assert decision is not None and len(decision.family) == 3
    for verdict in decision.family:
        line = window.intake.relative_list.item(verdict.index).text()
        assert verdict.reason_zh in line, (line, verdict.reason_zh)
        assert verdict.reason_zh in window.intake.panel.family.text()


def test_an_edit_on_a_stale_version_is_refused(desk: Desk) -> None:
    actor = desk.login.actor
    number = _draft(desk)
    seen = desk.apps.get(number)
    data = {**seen.case, "records": {"applicant": {"name": "张三丰"}}}
    desk.apps.edit(actor, number, data, version=seen.version)  # the first edit goes in
    with pytest.raises(StaleVersionError) as refused:
        desk.apps.edit(actor, number, data, version=seen.version)  # made on what was seen
    assert refused.value.code == "application.stale_version"
    assert desk.apps.get(number).version == seen.version + 1  # the second changed nothing


def test_the_desk_sends_the_version_it_shows(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "ui.errors.QMessageBox.warning",
        lambda _parent, title, text: shown.append((title, text)),
    )
    number = _draft(desk)
    _open(qtbot, window, number)
    # someone else edits it meanwhile (another desk, the same store)
    other = ApplicationService(ServiceContext(desk.apps.store, evaluation=desk.evaluation))
    current = other.get(number)
    other.edit(desk.login.actor, number, {**current.case, "records": {}})
    window.intake.destination_address.setText("经十路 1 号")
    window.save()
    settle(qtbot, desk.runner)
    assert shown, "the stale edit was saved over the other one"
    title, text = shown[0]
    assert title == "申请已被他人修改"
    assert "程序出错" not in title and "重新打开" in text
    assert desk.apps.get(number).destination_address == ""


def test_a_concurrent_change_is_worded_for_the_clerk(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "ui.errors.QMessageBox.warning",
        lambda _parent, title, text: shown.append((title, text)),
    )
    number = _draft(desk)
    _open(qtbot, window, number)

    def changed_meanwhile(*_args: Any, **_kwargs: Any) -> None:
        # what the store says when the row's version moved between reading and writing
        raise ConcurrentChangeError("the application was changed by someone else meanwhile")

    monkeypatch.setattr(repositories, "update_application", changed_meanwhile)
    window.step(Action.ACCEPT)
    settle(qtbot, desk.runner)
    assert shown
    title, text = shown[0]
    assert title == "申请已被他人修改" and "程序出错" not in text
    assert "重新打开" in text and "ConcurrentChangeError" not in text
