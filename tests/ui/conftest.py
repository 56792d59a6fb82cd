"""A desk on a fresh store, logged in, offscreen; and keyboard-only helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.id_reader import SimulatedReader
from caseworker.services.store import Store
from caseworker.services.users import UserService
from ui.app import compose_desk
from ui.desk import Desk
from ui.fonts import install_font_stack
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

PASSWORD = "s3cret-pass"


@pytest.fixture(scope="session", autouse=True)
def desk_fonts(qapp: QApplication) -> None:
    """The font stack the desk installs at start (``ui/fonts.py``), for every desk test:
    what is measured and read here is laid out in the fonts a clerk sees, and the same
    whichever test ran first (one that starts the desk's ``main`` installs it too)."""
    install_font_stack(qapp)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = Store.init(
        tmp_path / "data",
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password=PASSWORD,
    )
    users = UserService(OfficeContext(store))
    admin = Actor("admin", "admin")
    users.add(admin, username="li", role="clerk", password=PASSWORD, display_name="李娜")
    users.add(admin, username="zhao", role="supervisor", password=PASSWORD)
    yield store
    store.close()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def desk_for(office: Store, service: EvaluationService, runner: TaskRunner, **options: Any) -> Desk:
    """A desk on ``office`` with li (a clerk) logged in; ``options`` go to compose_desk."""
    users = UserService(OfficeContext(office))
    return compose_desk(
        store=office,
        evaluation=service,
        users=users,
        login=users.login("li", PASSWORD),
        runner=runner,
        **options,
    )


@pytest.fixture
def desk(office: Store, service: EvaluationService, runner: TaskRunner, tmp_path: Path) -> Desk:
    return desk_for(office, service, runner, reader=SimulatedReader(tmp_path / "card.json"))


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> Iterator[MainWindow]:
    shown = MainWindow(desk)  # closed below, not by qtbot: that would come first
    shown.show()
    qtbot.waitExposed(shown)
    settle(qtbot, desk.runner)
    yield shown
    for dialog in shown.findChildren(QDialog):
        dialog.reject()
    shown.intake.changed.disconnect()  # focus leaving a field at teardown is not an edit
    shown.dirty = False  # closing at teardown must not ask about unsaved work
    shown.close()
    # focus leaving a field on closing schedules an evaluation: stopped, and whatever is
    # still on its way back delivered now, while the widgets it goes to are alive
    shown.intake._timer.stop()
    desk.runner.wait()
    QApplication.processEvents()
    shown.deleteLater()


def settle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until every queued store call and evaluation has come back."""
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    qtbot.wait(150)  # the intake's debounce, then its evaluation
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None:  # say where it went, for a failure seen once in CI
        active = QApplication.activeWindow()
        windows = [
            f"{w.__class__.__name__} visible={w.isVisible()} focus_child="
            f"{w.focusWidget().objectName() if w.focusWidget() is not None else None}"
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
        ]
        raise AssertionError(
            f"nothing has the keyboard focus; active window: {active!r}; "
            f"modal: {QApplication.activeModalWidget()!r}; "
            f"popup: {QApplication.activePopupWidget()!r}; windows: {windows}"
        )
    return widget


def type_text(text: str) -> None:
    """Keys to whatever has the focus, as a clerk types them: Latin letters and digits as
    key presses, Chinese characters as an input method commits them (拼音输入法)."""
    for char in text:
        widget = focused()
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def key(code: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), code, modifier)


def tab_to(name: str, limit: int = 80) -> None:
    """Press Tab until the widget named ``name`` has the focus."""
    for _ in range(limit):
        if focused().objectName() == name:
            return
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; stopped at {focused().objectName()!r}")
