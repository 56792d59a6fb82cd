"""The composition root end to end: the login window comes up before the store is open,
the login goes ahead once it is, and the desk is built on what was opened; a damaged
store is caught at start with its backup offered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

import ui.app
from caseworker.services.store import STORE_FILE, Store
from caseworker.storage.maintenance import backup_store
from tests.ui.conftest import PASSWORD
from ui.login import LoginDialog


def _store(folder: Path) -> None:
    Store.init(
        folder, office_code="370102001", police_station_name="泉城路派出所", admin_password=PASSWORD
    ).close()


def test_start_login_and_the_desk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    _store(folder)
    seen: dict[str, Any] = {}

    def exec_login(dialog: LoginDialog) -> int:
        seen["ready_at_show"] = dialog._users is not None
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_login()  # pressed before the store is open: it waits, then goes ahead
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
        return int(QDialog.DialogCode.Accepted)

    def run_desk(app: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["title"] = " ".join(w.windowTitle() for w in windows)
        for window in windows:
            window.dirty = False  # type: ignore[attr-defined]
            window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(QApplication, "exec", run_desk)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 0
    assert seen["ready_at_show"] is False  # the window came before the store
    assert "泉城路派出所" in seen["title"]


def test_a_damaged_store_at_start_offers_its_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    _store(folder)
    store = Store.open(folder)
    backup = backup_store(store.path, store.settings.key(), folder / "backups" / "nightly.db")
    store.close()
    path = folder / STORE_FILE
    data = bytearray(path.read_bytes())
    data[-4096:] = bytes(4096)
    path.write_bytes(bytes(data))
    shown: list[str] = []

    def exec_login(dialog: LoginDialog) -> int:
        # the check fails behind the login window, which is closed to say so
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        return int(dialog.result())

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text())
        shown.extend(button.text() for button in box.buttons())
        next(b for b in box.buttons() if "退出" in b.text()).click()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 2
    # in the desk's language, the backup named (the checks' English, for the IT person,
    # is in the box's details, not in what the clerk reads)
    assert "存储已损坏" in shown[0] and str(backup) in shown[0]
    assert "the store is damaged" not in shown[0] and "caseworker restore" not in shown[0]
    assert any("恢复最近的备份" in text for text in shown)
