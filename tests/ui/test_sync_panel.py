"""The desk's sync: the status-bar label, a round on demand (here against nothing
listening, so it fails gently and backs off), and the supervisor's conflicts queue."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.sync import SyncService
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from caseworker.sync import bundle
from tests.stores import application
from tests.ui.conftest import PASSWORD, settle
from ui.main_window import Desk, MainWindow
from ui.sync_panel import ConflictsDialog, describe
from ui.tasks import TaskRunner

SUPERVISOR = Actor("zhao", "supervisor")


def _enrol_offline(store: Store) -> None:
    with transaction(store.sessions) as session:
        sync_repo.save_link(
            session,
            central_url="http://127.0.0.1:9",
            device_id="d",
            central_key="00" * 32,
            at=datetime.now(),
        )


def test_the_label_says_what_waits_and_a_failed_round_is_shown(qtbot: QtBot, desk: Desk) -> None:
    _enrol_offline(desk.apps.store)
    desk = replace(desk, sync=SyncService(OfficeContext(desk.apps.store), timeout=0.5))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.sync_controller is not None
    settle(qtbot, desk.runner)
    assert "待发 2" in window.sync_label.text()  # the two accounts the office was set up with
    window.sync_action.trigger()
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=10_000)  # type: ignore[union-attr]
    settle(qtbot, desk.runner)
    assert "连接失败" in window.sync_label.text()
    assert desk.sync is not None and not desk.sync.due()  # backing off
    assert not window.conflicts_action.isEnabled()  # a clerk has no conflicts queue


def test_a_supervisor_resolves_a_conflict_in_the_queue(
    qtbot: QtBot, office: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _enrol_offline(office)
    with transaction(office.sessions) as session:
        sync_repo.add_conflict(
            session,
            at=datetime.now(),
            kind="settlement_taken",
            subject="A-1",
            message="already settled by office 370102002",
            detail={},
        )
    sync = SyncService(OfficeContext(office))
    runner = TaskRunner()
    dialog = ConflictsDialog(sync, SUPERVISOR, runner)
    qtbot.addWidget(dialog)
    settle(qtbot, runner)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "此人已在他处落户"  # in words, never the code
    said = dialog.table.item(0, 3).text()
    assert "已在其他派出所落户" in said and "already" not in said  # the centre's English: logged
    dialog.table.selectRow(0)
    monkeypatch.setattr("ui.sync_panel.QInputDialog.getText", lambda *a, **k: ("called them", True))
    dialog.resolve_button.click()
    settle(qtbot, runner)
    assert dialog.table.rowCount() == 0
    assert sync.conflicts(SUPERVISOR, include_resolved=True)[0].resolution == "called them"
    assert "待处理" not in describe(sync.status())


def test_an_offline_office_exports_a_bundle_from_the_desk(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    centre = Ed25519PrivateKey.generate()
    with transaction(desk.apps.store.sessions) as session:
        sync_repo.save_link(
            session,
            central_url="http://127.0.0.1:9",
            device_id="d",
            central_key=centre.public_key().public_bytes_raw().hex(),
            central_box_key=bundle.box_public(centre),
            at=datetime.now(),
        )
    desk = replace(desk, sync=SyncService(OfficeContext(desk.apps.store), timeout=0.5))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.sync_controller is not None
    target = tmp_path / "stick" / "sync.cwb"
    target.parent.mkdir()
    window.sync_controller.export_bundle(Actor("li", "clerk"), target)
    qtbot.waitUntil(target.exists, timeout=10_000)
    settle(qtbot, desk.runner)
    settle(qtbot, desk.runner)  # the export, then the label's refresh
    header, body, _ = bundle.open_sealed(
        target.read_bytes(),
        sender_key=desk.sync._signer().public_hex,  # type: ignore[union-attr]
        recipient=bundle.box_key(centre),
    )
    assert header.seq == 1 and len(body["operations"]) == 2  # the office's two accounts
    assert "同步包" in window.sync_label.text() and "未回" in window.sync_label.text()


def test_a_stale_desk_asks_a_supervisor_to_sign_in_for_a_permit(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol_offline(desk.apps.store)
    with transaction(desk.apps.store.sessions) as session:
        sync_repo.update_link(session, enrolled_at=datetime.now() - timedelta(days=5))
    desk = replace(desk, sync=SyncService(OfficeContext(desk.apps.store), timeout=0.5))
    clerk = desk.apps.actor("li")
    view = desk.apps.apply(clerk, application())
    desk.apps.approve(SUPERVISOR, view.number)
    warned: list[str] = []
    monkeypatch.setattr("ui.sync_panel.QMessageBox.warning", lambda *a, **k: warned.append(a[1]))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    settle(qtbot, desk.runner)
    assert warned  # the stale warning, once
    window.open_number(view.number)
    settle(qtbot, desk.runner)
    assert window.step_buttons["issue"].isEnabled()
    typed = iter([("li", PASSWORD), ("zhao", "wrong"), ("zhao", PASSWORD)])
    errors: list[str] = []

    class Countersign(QObject):
        """The supervisor's sign-in, typed: opened window-modal, accepted each time."""

        accepted = Signal()

        def __init__(self, message: str, parent: object) -> None:
            super().__init__()
            assert "未同步" in message
            self.username, self.password, self.error = QLineEdit(), QLineEdit(), QLabel()

        def open(self) -> None:
            if self.error.text():
                errors.append(self.error.text())
            user, password = next(typed)
            self.username.setText(user)
            self.password.setText(password)
            QTimer.singleShot(0, self.accepted.emit)

    monkeypatch.setattr("ui.application_page.CountersignDialog", Countersign)
    window.step_buttons["issue"].click()
    # three sign-ins, each checked on the database worker in turn
    qtbot.waitUntil(lambda: desk.apps.get(view.number).state == "permit_issued", timeout=20_000)
    settle(qtbot, desk.runner)
    assert "supervisor" in errors[0] and errors[1]  # a clerk, then a wrong password
    issued = desk.apps.get(view.number)
    assert issued.state == "permit_issued" and issued.permit_number
    history = desk.apps.history(view.number)
    assert history[-1].actor == "zhao" and history[-1].action == "application.issue_permit"
