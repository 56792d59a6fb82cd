"""What the walk of the Chinese desk found in English or as codes (issue 25): the sync
line of a desk not enrolled, the queue's state tooltip, the transitional clause's id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from caseworker.models.facts import CaseError, case_from_dict
from caseworker.services.boundary import InvalidCaseError
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.sync import SyncService
from tests.ui.conftest import settle
from ui import i18n
from ui.citations import clause_number
from ui.errors import describe
from ui.main_window import Desk, MainWindow
from ui.sync_panel import SyncController
from ui.tasks import TaskRunner

ENGLISH = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3400-\u9fff]")


def test_a_sync_round_on_a_desk_not_enrolled_says_so_in_chinese(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel(host)
    controller = SyncController(SyncService(OfficeContext(office)), runner, label, host)
    controller.run_now()
    settle(qtbot, runner)
    said = label.text()
    # the round's refusal, or the status line that follows it: both say it in Chinese
    assert "尚未登记" in said or "未注册" in said, said
    assert not ENGLISH.search(said), said


def test_the_queue_names_a_state_never_by_its_code(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    from tests.stores import application  # noqa: PLC0415

    desk.apps.create_draft(desk.login.actor, application())
    window.queue_model.refresh()
    settle(qtbot, desk.runner)
    model = window.queue_model
    assert model.rowCount() >= 1
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = model.data(model.index(0, column), role)
            assert shown not in {"draft", "accepted", "decided"}, (column, role, shown)


def test_the_transitional_clause_is_named_not_keyed() -> None:
    assert clause_number("transition") == "过渡条款"
    assert clause_number("2.1.1.2") == "2.1.1.2"


def test_the_english_interface_has_an_english_title_and_colons(
    qtbot: QtBot,
    desk: Desk,
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm built afresh
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        shown = MainWindow(desk)
        qtbot.addWidget(shown)
        title = shown.windowTitle()
        assert title.startswith("Caseworker desk "), title
        assert not CJK.search(title.split(" — ")[0]), title  # the station's name aside
        assert shown.statistics is not None
        combo = shown.statistics.department
        departments = [combo.itemText(i) for i in range(combo.count())]
        assert "For the Education department" in departments, departments
        assert not [d for d in departments if CJK.search(d)], departments
        with pytest.raises(CaseError) as bad:
            case_from_dict({"on": "2024-01-01", "destination": {"county": ""}, "applicant": {}})
        said = describe(InvalidCaseError(bad.value))[1]
        assert "：" not in said and ": " in said, said
    finally:
        i18n.install(qapp, i18n.CHINESE)


def test_a_case_the_engine_cannot_take_is_worded_in_chinese(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    intake = window.intake
    intake.id_number.setText("371502197205200038")
    intake.county.setText("370102")
    intake.on_date.setText("2019-13-01")  # no such month
    intake.schedule()
    settle(qtbot, desk.runner)
    heading = intake.panel.heading.text()
    assert heading.startswith("尚不能审查："), heading
    assert "申请日期" in heading and not ENGLISH.search(heading), heading
