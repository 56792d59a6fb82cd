"""The minimal desk window, offscreen: it opens, shows a decision, and refuses a bad file
with a message instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caseworker.services.evaluation import EvaluationService
from ui.main_window import MainWindow

SHARED_COPY = Path(__file__).parent.parent / "shared_cases"


def test_window_shows_a_decision(qtbot: QtBot, service: EvaluationService) -> None:
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    assert "jinan-2017" in window.statusBar().currentMessage()
    assert window.show_case(SHARED_COPY / "02-jinan2017-encouraged-rental.json")
    text = window.decision_view.toPlainText()
    assert "决定 Decision: 符合 eligible" in text and "jinan-2017:2.2" in text


def test_bad_case_file_gets_a_message_and_keeps_the_view(
    qtbot: QtBot, service: EvaluationService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show_case(SHARED_COPY / "01-jinan2017-master-degree-optimized.json")
    before = window.decision_view.toPlainText()
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.main_window.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"on": "2020-01-01"}', encoding="utf-8")
    assert not window.show_case(bad)
    assert shown and "destination: required field is missing" in shown[0]
    assert window.decision_view.toPlainText() == before
