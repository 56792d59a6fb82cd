"""A sync bundle the desk refuses (unreadable, for another centre, …) is told in the
desk's language through ``ui.errors``, like every other refusal: never the command
line's English sentence of the code."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.sync import SyncService
from tests.ui.conftest import settle
from tests.ui.test_sync_panel import _enrol_offline
from ui.main_window import Desk, MainWindow


def test_an_unreadable_bundle_is_told_in_the_desks_words(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrol_offline(desk.apps.store)
    desk = replace(desk, sync=SyncService(OfficeContext(desk.apps.store), timeout=0.5))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.sync_controller is not None
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: told.append((title, text)))
    stick = tmp_path / "sync.cwb"
    stick.write_bytes(b"not a bundle at all")
    window.sync_controller.import_bundle(Actor("li", "clerk"), stick, lambda _p: None)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    settle(qtbot, desk.runner)
    title, text = told[0]
    assert title == "同步包"
    assert re.search(r"[\u4e00-\u9fff]", text), text  # the desk's language
    assert not re.search(r"[A-Za-z]{4,}", text.split("（")[0]), text  # not the English sentence
