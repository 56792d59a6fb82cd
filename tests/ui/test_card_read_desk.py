"""A card read on the desk: another person's data in the form is replaced only after
the clerk says so; a card past its 有效期限 is flagged (read from the SAM simulator on a
pseudo-terminal); the photo is shown when the reader decoded one."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.devices.sam_simulator import SamSimulator, text_block_from_card
from caseworker.devices.settings import DeviceSettings
from caseworker.services.context import OfficeContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.id_reader import CardData, IdCardReader, reader_from_settings
from caseworker.services.store import Store
from caseworker.services.users import UserService
from tests.ui.applicant_screen_helpers import enter_and_save
from tests.ui.conftest import PASSWORD, key, settle
from ui.app import compose_desk
from ui.main_window import Desk, MainWindow
from ui.tasks import TaskRunner

EXPIRED = {
    "id_number": "371502197205200038",
    "name": "张三丰",
    "ethnicity": "回",
    "address": "山东省聊城市东昌府区古楼街道1号",
    "issued_by": "聊城市公安局东昌府分局",
    "valid_from": "2000-03-01",
    "valid_until": "2020-03-01",
}
OTHER = "370102198807150029"  # not the applicant of shared case 01


def _png() -> bytes:
    image = QImage(102, 126, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


@dataclass
class FakeReader:
    """A reader whose card the test sets (the vendor library's decoded photo included)."""

    card: CardData
    name: str = "fake"
    reads: list[str] = field(default_factory=list)

    def read(self) -> CardData:
        self.reads.append(self.card.id_number)
        return self.card


def _card(number: str, name: str, *, photo: bytes = b"") -> CardData:
    return CardData(
        id_number=number,
        name=name,
        sex="F",
        birth_date=date(1988, 7, 15),
        valid_until=date(2036, 1, 1),
        photo_image=photo,
    )


@pytest.fixture
def reader(request: pytest.FixtureRequest) -> Iterator[IdCardReader]:
    if getattr(request, "param", "fake") == "sam":
        master, slave = os.openpty()
        tty.setraw(slave)
        serving = SamSimulator(master, text=text_block_from_card(EXPIRED)).start()
        try:
            sam = reader_from_settings(
                DeviceSettings(reader="sam", reader_port=os.ttyname(slave)),
                today=lambda: date(2026, 12, 6),
            )
            assert sam is not None
            yield sam
        finally:
            serving.stop()
            os.close(master)
            os.close(slave)
    else:
        yield FakeReader(_card(OTHER, "王芳", photo=_png()))


@pytest.fixture
def desk(
    office: Store, service: EvaluationService, runner: TaskRunner, reader: IdCardReader
) -> Desk:
    users = UserService(OfficeContext(office))
    return compose_desk(
        store=office,
        evaluation=service,
        users=users,
        login=users.login("li", PASSWORD),
        runner=runner,
        reader=reader,
    )


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr("ui.card_read.QMessageBox.question", question)
    return asked


def test_a_card_of_another_person_asks_and_no_keeps_the_form(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = enter_and_save(qtbot, window)
    asked = _answer(monkeypatch, yes=False)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert len(asked) == 1 and number in asked[0] and "370102********0029" in asked[0]
    assert window.intake.id_number.text() == "371502197205200038"
    assert window.intake.applicant_name.text() == "张三丰"
    assert not window.dirty


def test_a_card_of_another_person_replaces_when_the_clerk_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter_and_save(qtbot, window)
    asked = _answer(monkeypatch, yes=True)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert len(asked) == 1
    assert window.intake.id_number.text() == OTHER
    assert window.intake.applicant_name.text() == "王芳"  # not the previous person's name
    assert window.dirty
    assert window.application.card_view.photo.isVisible()  # the decoded photo, shown
    assert window.application.card_view.photo.pixmap().height() == 96
    assert "2036-01-01" in window.application.card_view.note.text()


def test_a_new_form_is_filled_without_asking(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, yes=False)
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert asked == [] and window.intake.id_number.text() == OTHER


@pytest.mark.parametrize("reader", ["sam"], indirect=True)
def test_an_expired_card_is_flagged(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, yes=False)
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, window.desk.runner)
    assert asked == []
    assert window.intake.id_number.text() == EXPIRED["id_number"]
    note = window.application.card_view.note
    assert note.isVisible() and "已过有效期限" in note.text() and "2020-03-01" in note.text()
    assert not window.application.card_view.photo.isVisible()  # no vendor decoder here
