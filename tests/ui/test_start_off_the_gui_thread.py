"""While the login window is up, the store is read only on a worker: opening it, the
office's name for the window and the accounts service are made there, never on the GUI
thread the clerk is typing on. After the login, the desk is composed (the office, the
password policy, every service that reads the store when it is made) on the database
worker too: no SQL runs on the GUI thread before the window's event loop (issue 20 §2)."""

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
from caseworker.services.store import Store
from tests.ui.conftest import PASSWORD
from tests.ui.test_app import _store
from ui.login import LoginDialog


def _start_the_desk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phase: dict[str, str]
) -> int:
    """Start the desk on an office, log in, and close the window once it runs; ``phase``
    says where the start is: "login", "desk" (logged in, composing) or "running"."""
    folder = tmp_path / "data"
    _store(folder)  # an office, closed
    phase["now"] = "login"

    def exec_login(dialog: LoginDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_login()
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
        phase["now"] = "desk"
        return int(QDialog.DialogCode.Accepted)

    def run_desk(_app: QApplication) -> int:
        phase["now"] = "running"
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            window.dirty = False  # type: ignore[attr-defined]
            window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(QApplication, "exec", run_desk)
    return ui.app.main(["caseworker-desk", "--data-dir", str(folder)])


def _on_the_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_the_login_window_reads_no_store_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phase: dict[str, str] = {}
    on_gui_thread: list[str] = []
    office = Store.office

    def read_office(store: Store) -> Any:
        if phase.get("now") == "login" and _on_the_gui_thread():
            on_gui_thread.append("office")
        return office(store)

    monkeypatch.setattr(Store, "office", read_office)
    assert _start_the_desk(qtbot, tmp_path, monkeypatch, phase) == 0
    assert on_gui_thread == []


def test_the_desk_is_composed_with_no_store_read_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phase: dict[str, str] = {}
    on_gui_thread: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        if phase.get("now") == "desk" and _on_the_gui_thread():
            on_gui_thread.append(sql.split("\n", maxsplit=1)[0][:80])

    event.listen(Engine, "before_cursor_execute", statement)
    try:
        assert _start_the_desk(qtbot, tmp_path, monkeypatch, phase) == 0
    finally:
        event.remove(Engine, "before_cursor_execute", statement)
    assert phase["now"] == "running", "the desk's window ran"
    assert on_gui_thread == []
