"""The desk reads a card from the SAM reader (the simulator on a pseudo-terminal) with
F5, as a clerk does: the number, its check and the 民族 come into the form."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.devices.sam_simulator import SamSimulator, text_block_from_card
from caseworker.devices.settings import DeviceSettings
from caseworker.services.context import OfficeContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.id_reader import reader_from_settings
from caseworker.services.store import Store
from caseworker.services.users import UserService
from tests.ui.conftest import PASSWORD, focused, key, settle
from ui.app import compose_desk
from ui.main_window import Desk, MainWindow
from ui.tasks import TaskRunner

CARD = {
    "id_number": "371502197205200038",
    "name": "张三丰",
    "ethnicity": "回",
    "address": "山东省聊城市东昌府区古楼街道1号",
    "issued_by": "聊城市公安局东昌府分局",
    "valid_from": "2016-03-01",
    "valid_until": "2036-03-01",
}


@pytest.fixture
def simulator() -> Iterator[tuple[str, SamSimulator]]:
    master, slave = os.openpty()
    tty.setraw(slave)
    serving = SamSimulator(master, text=text_block_from_card(CARD)).start()
    try:
        yield os.ttyname(slave), serving
    finally:
        serving.stop()
        os.close(master)
        os.close(slave)


@pytest.fixture
def desk(
    office: Store,
    service: EvaluationService,
    runner: TaskRunner,
    simulator: tuple[str, SamSimulator],
) -> Desk:
    users = UserService(OfficeContext(office))
    port, _ = simulator
    return compose_desk(
        store=office,
        evaluation=service,
        users=users,
        login=users.login("li", PASSWORD),
        runner=runner,
        reader=reader_from_settings(
            DeviceSettings(reader="sam", reader_port=port), today=lambda: date(2026, 12, 6)
        ),
    )


def test_f5_reads_the_card_from_the_sam_reader(
    qtbot: QtBot, window: MainWindow, simulator: tuple[str, SamSimulator]
) -> None:
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert window.intake.id_number.text() == CARD["id_number"]
    assert "1972-05-20" in window.intake.id_status.text()
    assert window.intake.applicant_name.text() == "张三丰"
    assert window.intake.records["ethnicity"].text() == "回"
    assert focused().objectName() == "applicantName"
    assert simulator[1].behaviour.seen[-3:] == [(0x20, 0x01), (0x20, 0x02), (0x30, 0x01)]


def test_no_card_on_the_sam_reader_says_so(
    qtbot: QtBot,
    window: MainWindow,
    simulator: tuple[str, SamSimulator],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    simulator[1].behaviour.card_present = False
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.errors.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert shown and "没有读到身份证" in shown[0] and "place the card" in shown[0]
    assert window.intake.id_number.text() == ""
