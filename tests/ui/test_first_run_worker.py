"""First-run set-up creates the store (the key derived, the administrator's password
hashed with argon2, the schema made) on the database worker, never on the GUI thread:
the window stays drawn while it works, and a refusal still reaches the dialog."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from caseworker.services import store as store_module
from tests.ui.conftest import PASSWORD, settle
from ui.login import SetupDialog
from ui.tasks import TaskRunner


def _set_up(qtbot: QtBot, folder: Path, runner: TaskRunner) -> SetupDialog:
    """The first-run dialog filled in and confirmed, its work on the worker done."""
    dialog = SetupDialog(folder, runner=runner)
    qtbot.addWidget(dialog)
    dialog.office.setText("370102001")
    dialog.station.setText("泉城路派出所")
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.try_setup()
    settle(qtbot, runner)
    return dialog


def test_the_store_is_created_on_the_database_worker(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    made = store_module.Store.init

    def init(*args: Any, **kwargs: Any) -> store_module.Store:
        threads.append(threading.current_thread())
        return made(*args, **kwargs)

    monkeypatch.setattr(store_module.Store, "init", init)
    dialog = _set_up(qtbot, tmp_path / "data", runner)
    assert dialog.store is not None, dialog.error.text()
    try:
        assert threads and threads[0] is not threading.main_thread()
        assert dialog.result() == SetupDialog.DialogCode.Accepted
    finally:
        dialog.store.close()


def test_a_refusal_from_the_worker_is_shown_in_the_dialog(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: Any, **_kwargs: Any) -> store_module.Store:
        raise store_module.SetupError(code="setup.exists", folder=str(tmp_path))

    monkeypatch.setattr(store_module.Store, "init", refused)
    dialog = _set_up(qtbot, tmp_path / "data", runner)
    assert dialog.store is None and dialog.error.text()
    assert "SetupError" not in dialog.error.text()
    assert dialog.result() != SetupDialog.DialogCode.Accepted


def test_the_recovery_file_is_made_on_the_database_worker(
    qtbot: QtBot,
    office: store_module.Store,
    tmp_path: Path,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The recovery file (the passphrase stretched, the export audited in the store) is
    made off the GUI thread too."""
    from ui import key_recovery  # noqa: PLC0415

    threads: list[threading.Thread] = []
    from caseworker.services.key_recovery import export_keys as exported  # noqa: PLC0415

    def export(*args: Any, **kwargs: Any) -> str:
        threads.append(threading.current_thread())
        return exported(*args, **kwargs)

    monkeypatch.setattr("ui.key_recovery.export_keys", export)
    dialog = key_recovery.RecoveryOfferDialog(office, "admin", tmp_path / "safe", runner=runner)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("a-long-recovery-passphrase-1")
    dialog.again.setText("a-long-recovery-passphrase-1")
    dialog.make_files()
    settle(qtbot, runner)
    assert len(dialog.written) == 2 and all(path.is_file() for path in dialog.written)
    assert threads and threads[0] is not threading.main_thread()
