"""What the desk shows agrees with the store and with itself: nothing of the previous
application stays on screen after F2, the relatives list says what the decision panel
says, an edit made on a version someone else has changed is refused, and a concurrent
change is worded for the clerk, never shown as a program error."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from caseworker.models.workflow import Action
from caseworker.services.applications import ApplicationService
from caseworker.services.base import StaleVersionError
from caseworker.services.context import ServiceContext
from caseworker.services.id_reader import CardData
from caseworker.storage import repositories
from caseworker.storage.repositories import ConcurrentChangeError
from tests.ui.conftest import key, settle, type_text
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
    panel = window.intake.panel.family.text().splitlines()[1:]
    words = {"yes": "可随迁", "no": "不可随迁", "unknown": "尚待确认"}
    for verdict in decision.family:
        line = window.intake.relative_list.item(verdict.index).text()
        assert line == panel[verdict.index]  # one state, one line, drawn twice
        assert words[verdict.verdict] in line, (line, verdict.verdict)


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


def _every_view(window: MainWindow) -> dict[str, str]:
    """Every text a view of the application page shows, by where it is shown."""
    page, intake = window.application, window.intake
    screen = window.applicant_screen
    return {
        "place line": intake.place_info.text(),
        "county": intake.county.text(),
        "street": intake.street.text(),
        "address": intake.destination_address.text(),
        "id status": intake.id_status.text(),
        "book mismatch": intake.mismatch.text(),
        "relatives": "\n".join(
            intake.relative_list.item(i).text() for i in range(intake.relative_list.count())
        ),
        "decision heading": intake.panel.heading.text(),
        "decision family": intake.panel.family.text(),
        "routes": str(intake.panel.route_statuses()),
        "questions": str(sorted(intake._editors)),
        "receipt": page.receipt_label.text() if page.receipt_label.isVisible() else "",
        "card": page.card_view.note.text(),
        "accept reason": page.accept_reason.text() if page.accept_reason.isVisible() else "",
        "applicant screen": "\n".join(
            label.text()
            for label in (screen.people, screen.destination, screen.decision, screen.missing)
        ),
    }


def test_f2_after_a_decided_accepted_case_leaves_nothing_of_it(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number_a = _draft(desk)
    _open(qtbot, window, number_a)
    page, intake = window.application, window.intake
    window.step(Action.ACCEPT)
    settle(qtbot, desk.runner)
    assert page.receipt_label.isVisible() and "SL-" in page.receipt_label.text()
    receipt_a = page.receipt_label.text().split("：")[-1]
    intake.panel.set_seen({"户口簿"})
    page.card_view.show_card(
        CardData(
            id_number=intake.id_number.text(),
            name="张三丰",
            sex="F",
            birth_date=date(1974, 2, 11),
            valid_until=date(2030, 1, 1),
        )
    )
    intake.pending_scans.append(("a.png", b"png", "image/png", {}))
    intake.mismatch.setText("姓名不一致：户口簿 张三丰，身份证 张三")
    window.applicant_screen.set_active(True)
    scroll = intake.findChild(QScrollArea)
    assert scroll is not None
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    before = _every_view(window)
    assert "张三丰" in before["applicant screen"] and "李四" in before["relatives"]

    key(Qt.Key.Key_F2)
    settle(qtbot, desk.runner)
    after = _every_view(window)
    assert intake.number is None and intake.pending_scans == []
    for place in ("place line", "county", "street", "address", "relatives", "decision family"):
        assert after[place] == "", (place, after[place])
    assert after["routes"] == "{}" and after["questions"] == "[]"
    assert after["id status"] in {"", "0/18"}
    assert after["book mismatch"] == "" and after["card"] == "" and after["receipt"] == ""
    assert not page.print_receipt.isVisible()
    assert page.state_label.text() == "新申请（未保存）"
    assert page.step_buttons["save"].isEnabled()
    for step in ("accept", "decide", "approve", "issue", "refuse", "void", "print"):
        assert not page.step_buttons[step].isEnabled(), step
    leftovers = [
        (view, text)
        for view, text in after.items()
        for old in ("张三丰", "李四", "泉城路", "历下", receipt_a, "2030-01-01")
        if old in text
    ]
    assert not leftovers
    assert intake.panel._seen == set()
    assert scroll.verticalScrollBar().value() == 0  # the new form starts at its top

    # case B from the queue: nothing of A remains
    case_b: dict[str, Any] = json.loads(
        (SHARED_COPY / "08-zaozhuang2021-residence-close-relatives.json").read_text(
            encoding="utf-8"
        )
    )
    case_b.pop("expect")
    case_b.pop("case")
    case_b["records"] = {
        "applicant": {"name": "王小明"},
        "family": [{"name": f"王{n}"} for n in "一二三四五"[: len(case_b.get("family", []))]],
    }
    number_b = desk.apps.create_draft(desk.login.actor, case_b).number
    window.back()
    settle(qtbot, desk.runner)
    key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text("wxm")
    key(Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    key(Qt.Key.Key_Return)
    settle(qtbot, desk.runner)
    assert intake.number == number_b
    shown_b = _every_view(window)
    leftovers = [
        (view, text)
        for view, text in shown_b.items()
        for old in ("张三丰", "李四", "泉城路", "历下", receipt_a, "2030-01-01", "户口簿已核")
        if old in text
    ]
    assert not leftovers
    assert intake.panel._seen == set()
    assert "王小明" in shown_b["applicant screen"]
    assert scroll.verticalScrollBar().value() == 0
