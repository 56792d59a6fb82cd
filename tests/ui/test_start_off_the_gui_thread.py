"""While the login window is up, the store is read only on a worker: opening it, the
office's name for the window and the accounts service are made there, never on the GUI
thread the clerk is typing on."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

import ui.app
from caseworker.services.store import Store
from tests.ui.conftest import PASSWORD
from tests.ui.test_app import _store
from ui.login import LoginDialog


def test_the_login_window_reads_no_store_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    _store(folder)  # an office, closed
    phase = {"now": "login"}
    on_gui_thread: list[str] = []
    office = Store.office

    def read_office(store: Store) -> Any:
        if phase["now"] == "login" and threading.current_thread() is threading.main_thread():
            on_gui_thread.append("office")
        return office(store)

    def exec_login(dialog: LoginDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_login()
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
        phase["now"] = "desk"
        return int(QDialog.DialogCode.Accepted)

    def run_desk(_app: QApplication) -> int:
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            window.dirty = False  # type: ignore[attr-defined]
            window.close()
        return 0

    monkeypatch.setattr(Store, "office", read_office)
    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(QApplication, "exec", run_desk)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 0
    assert on_gui_thread == []
