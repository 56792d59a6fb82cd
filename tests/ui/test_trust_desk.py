"""The desk's side of issue 21: a tampered audit trail is said at start, in one line naming
the first bad event; the damaged store's "restore the newest backup" needs an
administrator's login."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

import ui.app
from caseworker.services.context import OfficeContext
from caseworker.services.store import STORE_FILE, Store
from caseworker.storage.database import connect_raw
from caseworker.storage.maintenance import backup_store
from tests.ui.conftest import PASSWORD
from ui.login import LoginDialog


def _store(folder: Path) -> None:
    Store.init(
        folder, office_code="370102001", police_station_name="泉城路派出所", admin_password=PASSWORD
    ).close()


def _log_in(qtbot: QtBot, dialog: LoginDialog, username: str = "admin") -> int:
    qtbot.waitUntil(lambda: dialog._users is not None, timeout=20_000)
    dialog.username.setText(username)
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.session is not None or dialog.ok.isEnabled(), timeout=20_000)
    return int(
        QDialog.DialogCode.Accepted if dialog.session is not None else QDialog.DialogCode.Rejected
    )


def test_a_tampered_trail_is_said_at_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    _store(folder)
    store = Store.open(folder)
    key = store.settings.key()
    store.close()
    conn = connect_raw(folder / STORE_FILE, key)
    conn.execute("UPDATE audit_events SET actor = 'zhao' WHERE seq = 1")
    conn.commit()
    conn.close()
    warned: list[str] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> int:
        warned.append(text)
        return 0

    def run_desk(app: QApplication) -> int:
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            window.dirty = False  # type: ignore[attr-defined]
            window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: _log_in(qtbot, dialog))
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QApplication, "exec", run_desk)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 0
    assert len(warned) == 1
    line = warned[0].splitlines()[-1]
    assert line.startswith("audit trail NOT intact: event 1 ")


def test_the_desk_restores_a_backup_only_for_an_administrator(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseworker.services.base import Actor  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415

    folder = tmp_path / "data"
    _store(folder)
    store = Store.open(folder)
    UserService(OfficeContext(store)).add(
        Actor("admin", "admin"), username="li", role="clerk", password=PASSWORD
    )
    backup_store(store.path, store.settings.key(), folder / "backups" / "nightly.db")
    store.close()
    path = folder / STORE_FILE
    data = bytearray(path.read_bytes())
    data[-4096:] = bytes(4096)
    damaged = bytes(data)
    path.write_bytes(damaged)
    logins: list[str] = []
    warned: list[str] = []

    def exec_login(dialog: LoginDialog) -> int:
        if "恢复备份" not in dialog.windowTitle():  # the start's login: the check fails behind it
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
            return int(dialog.result())
        logins.append("li")
        return _log_in(qtbot, dialog, "li")

    def exec_box(box: QMessageBox) -> int:
        next(b for b in box.buttons() if "恢复最近的备份" in b.text()).click()
        return 0

    def warning(parent: Any, title: str, text: str, *args: Any) -> int:
        warned.append(text)
        return 0

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 2
    assert logins == ["li"]
    # the refusal in the desk's words: who, as which role, and who may
    assert warned and "li（经办）无权进行这项操作" in warned[0] and "管理员" in warned[0]
    assert "may not" not in warned[0]
    assert path.read_bytes() == damaged  # the damaged store was put back, not replaced
