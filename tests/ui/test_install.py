"""What the installed program adds to the desk: first-run setup with the jurisdiction and,
on a machine without a keyring, a key file the administrator names (warned of in the
status bar ever after); a failed upgrade told plainly with the store put back; the
self-test the installer's smoke script runs."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import ui.app
from caseworker.services import store as store_module
from caseworker.services.context import OfficeContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import MigrationError, Store
from caseworker.services.users import UserService
from tests.ui.conftest import PASSWORD, settle
from ui.app import compose_desk
from ui.login import LoginDialog, SetupDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def _fill(dialog: SetupDialog) -> None:
    dialog.office.setText("370102001")
    dialog.station.setText("泉城路派出所")
    dialog.jurisdiction.setText("泉城路街道")
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)


def test_setup_keeps_the_jurisdiction_and_the_key_in_the_keyring(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner
) -> None:
    dialog = SetupDialog(tmp_path / "data", runner=runner)
    qtbot.addWidget(dialog)
    assert dialog.has_keyring and dialog.key_file.text() == ""
    _fill(dialog)
    dialog.try_setup()
    settle(qtbot, runner)  # the store is made on the database worker
    assert dialog.store is not None, dialog.error.text()
    try:
        assert dialog.store.office().jurisdiction == "泉城路街道"
        assert dialog.store.settings.key_file in (None, "")
    finally:
        dialog.store.close()


def test_without_a_keyring_the_key_goes_to_the_file_named_and_the_desk_warns(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    service: EvaluationService,
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    runner = TaskRunner()
    dialog = SetupDialog(tmp_path / "data", runner=runner)
    qtbot.addWidget(dialog)
    assert not dialog.has_keyring and "没有可用的系统钥匙串" in dialog.key_note.text()
    _fill(dialog)
    dialog.key_file.clear()
    dialog.try_setup()
    assert dialog.store is None and "密钥文件" in dialog.error.text()
    named = tmp_path / "keys" / "office.key"
    named.parent.mkdir()
    dialog.key_file.setText(str(named))
    dialog.try_setup()
    settle(qtbot, runner)  # the store is made on the database worker
    assert dialog.store is not None, dialog.error.text()
    store = dialog.store
    try:
        assert named.is_file() and named.stat().st_mode & 0o077 == 0  # only the user reads it
        users = UserService(OfficeContext(store))
        window = MainWindow(
            compose_desk(
                store=store,
                evaluation=service,
                users=users,
                login=users.login("admin", PASSWORD),
                runner=runner,
            )
        )
        qtbot.addWidget(window)
        assert str(named) in window.key_label.text() and window.key_label.isVisibleTo(window)
    finally:
        runner.wait()
        store.close()


def test_a_failed_upgrade_is_told_and_the_desk_does_not_open(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    Store.init(
        folder, office_code="370102001", police_station_name="泉城路派出所", admin_password=PASSWORD
    ).close()

    def failing_open(*_args: object, **_kwargs: object) -> Store:
        raise MigrationError(
            "updating the store from schema 0004 to 0005 failed (disk full); the store was "
            "restored from the backup taken just before"
        )

    monkeypatch.setattr(store_module.Store, "open", failing_open)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: told.append(f"{a[1]}|{a[2]}"))

    def exec_login(dialog: LoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 2
    assert told and told[0].startswith("存储升级未完成")
    assert "已恢复为升级前的样子" in told[0] and "disk full" in told[0]


def test_the_self_test_opens_and_closes_the_desk_without_touching_this_office(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CASEWORKER_DATA", str(tmp_path / "office"))
    assert ui.app.main(["caseworker-desk", "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "self-test: ok" in out and "main window after" in out
    assert not (tmp_path / "office").exists()  # nothing of this machine's office was made


def test_the_login_window_says_when_it_is_shown_for_the_benchmark(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "data"
    Store.init(
        folder, office_code="370102001", police_station_name="泉城路派出所", admin_password=PASSWORD
    ).close()
    monkeypatch.setenv("CASEWORKER_REPORT_SHOWN", "1")
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: 0)  # the clerk closes it
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "shown"
