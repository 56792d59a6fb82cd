"""A store that cannot be opened at start for a reason the services name (its key cannot
be read, its file is gone) is told in the desk's language through ``ui.errors``, never
as the command line's English sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import ui.app
from caseworker.services import store as store_module
from caseworker.services.store import SetupError, Store
from tests.ui.test_app import _store
from ui.login import LoginDialog


@pytest.mark.parametrize(
    ("refusal", "english"),
    [
        (SetupError(code="key.unreadable", problem="no keyring entry"), "cannot be read"),
        (SetupError(code="store.file_missing", path="/x/store.db"), "missing"),
    ],
)
def test_a_store_the_services_refuse_to_open_is_told_in_the_desks_words(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    refusal: SetupError,
    english: str,
) -> None:
    folder = tmp_path / "data"
    _store(folder)  # an office, closed

    def refused(*_args: object, **_kwargs: object) -> Store:
        raise refusal

    monkeypatch.setattr(store_module.Store, "open", refused)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: told.append((title, text)))

    def exec_login(dialog: LoginDialog) -> int:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", exec_login)
    assert ui.app.main(["caseworker-desk", "--data-dir", str(folder)]) == 2
    assert english in str(refusal)  # the command line's sentence, which the clerk must not get
    [(title, text)] = told
    assert re.search(r"[\u4e00-\u9fff]", title) and re.search(r"[\u4e00-\u9fff]", text), text
    assert str(refusal) not in text
