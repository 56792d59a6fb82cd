"""After the login, the desk is composed (the office, the password policy, every service
that reads the store when it is made) on the database worker: no SQL runs on the GUI
thread between the login and the window's event loop (issue 20 §2)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

import ui.app
from tests.ui.conftest import PASSWORD
from tests.ui.test_app import _store
from ui.login import LoginDialog


def test_the_desk_is_composed_with_no_store_read_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    _store(folder)  # an office, closed
    phase = {"now": "login"}
    on_gui_thread: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        if phase["now"] == "desk" and threading.current_thread() is threading.main_thread():
            on_gui_thread.append(sql.split("\n", maxsplit=1)[0][:80])

    def exec_login(dialog: LoginDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_login()
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
        phase["now"] = "desk"  # from here to the event loop: composing the desk
        return int(QDialog.DialogCode.Accepted)

    def run_desk(_app: QApplication) -> int:
        phase["now"] = "running"
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert any(w.windowTitle() for w in windows), "the desk's window is shown"
        for window in windows:
            window.dirty = False  # type: ignore[attr-defined]
            window.close()
        return 0

    event.listen(Engine, "before_cursor_execute", statement)
    try:
        monkeypatch.setattr(LoginDialog, "exec", exec_login)
        monkeypatch.setattr(QApplication, "exec", run_desk)
        assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 0
    finally:
        event.remove(Engine, "before_cursor_execute", statement)
    assert phase["now"] == "running"
    assert on_gui_thread == []
