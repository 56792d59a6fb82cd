"""A sync round or a bundle carried in that changed something announces it on the desk's
change bus: the queue reads the store again at once (not at its next poll), and the
application shown is read again, without writing over a clerk's unsaved edits (issue 20
review, §2's change records)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from caseworker.services.applications import ApplicationService
from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.services.sync import RoundSummary, SyncService
from tests.stores import application
from tests.ui.conftest import desk_for, settle
from tests.ui.test_stale_state import _draft, _open
from ui.main_window import Desk, MainWindow
from ui.operations import ChangeBus, Changes
from ui.sync_panel import SyncController
from ui.tasks import TaskRunner


def _controller(
    qtbot: QtBot, office: Store, runner: TaskRunner, summary: RoundSummary
) -> tuple[SyncController, list[Changes]]:
    host = QWidget()
    qtbot.addWidget(host)
    sync = SyncService(OfficeContext(office))
    sync.sync = lambda: summary  # type: ignore[method-assign]
    sync.import_bundle = lambda _actor, _data: ("applied", None, summary)  # type: ignore[method-assign]
    bus = ChangeBus(host)
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    controller = SyncController(sync, runner, QLabel(host), host, bus=bus)
    settle(qtbot, runner)
    return controller, heard


def test_a_round_that_changed_something_is_announced(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    controller, heard = _controller(qtbot, office, runner, RoundSummary(sent=2, applied=2))
    controller.run_now()
    settle(qtbot, runner)
    assert len(heard) == 1
    said = heard[0]
    assert said.operation == "sync"
    assert said.applications and said.queue and said.collectives and said.statistics


def test_a_round_that_changed_nothing_is_not(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    controller, heard = _controller(qtbot, office, runner, RoundSummary())
    controller.run_now()
    settle(qtbot, runner)
    assert heard == []


def test_a_bundle_carried_in_is_announced(
    qtbot: QtBot,
    office: Store,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: 0)
    controller, heard = _controller(qtbot, office, runner, RoundSummary(applied=1))
    bundle = tmp_path / "return.bundle"
    bundle.write_bytes(b"a return bundle")
    controller.import_bundle(Actor("admin", "admin"), bundle, lambda _path: None)
    settle(qtbot, runner)
    assert [c.operation for c in heard] == ["import_bundle"]
    assert heard[0].applications and heard[0].queue


def _changed_behind(desk: Desk, number: str, address: str) -> int:
    """Someone else's change (as a sync round writes it): the new version."""
    other = ApplicationService(ServiceContext(desk.apps.store, evaluation=desk.evaluation))
    current = other.get(number)
    return other.edit(
        desk.login.actor, number, {**current.case, "records": {"destination_address": address}}
    ).version


def test_the_application_shown_is_read_again(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    number = _draft(desk)
    _open(qtbot, window, number)
    newer = _changed_behind(desk, number, "纬二路")
    window.bus.changed.emit(Changes("sync", applications=True, queue=True))
    settle(qtbot, desk.runner)
    assert window.intake.version == newer
    assert window.intake.destination_address.text() == "纬二路"
    assert not window.application.dirty


def test_unsaved_edits_are_not_written_over_and_stay_stale(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = _draft(desk)
    _open(qtbot, window, number)
    opened_at = window.intake.version
    window.intake.destination_address.setText("经十路 1 号")
    window.application.mark_dirty()
    said: list[str] = []
    window.application.message.connect(lambda text, _ms: said.append(text))
    _changed_behind(desk, number, "纬二路")
    window.bus.changed.emit(Changes("sync", applications=True, queue=True))
    settle(qtbot, desk.runner)
    assert window.intake.destination_address.text() == "经十路 1 号"  # the clerk's edit
    assert window.intake.version == opened_at  # so its save is refused as stale
    assert any(number in text and "同步" in text for text in said), said


def test_the_desks_queue_shows_what_a_round_brought_at_once(
    qtbot: QtBot, office: Store, service: EvaluationService, runner: TaskRunner
) -> None:
    desk = desk_for(office, service, runner, with_sync=True)
    assert desk.sync is not None
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, runner)
    window._idle_check.stop()  # the queue is not polled in this test
    before = window.queue_model.rowCount()
    # what a round writes into the store (an application the centre returned, say)
    desk.apps.create_draft(desk.login.actor, application())
    desk.sync.sync = lambda: RoundSummary(pulled={"applications": 1})  # type: ignore[method-assign]
    window.sync_now()
    settle(qtbot, runner)
    assert window.queue_model.rowCount() == before + 1
    window.dirty = False
    window.close()
