"""Supervisors browse and verify the audit trail in the desk; its model passes
qtmodeltester; a clerk is refused by the service, not only by a greyed menu."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from caseworker.services.audit import AuditService
from caseworker.services.context import OfficeContext
from caseworker.storage.database import connect_raw
from tests.stores import application
from tests.ui.conftest import settle
from ui.audit_view import AuditDialog, AuditModel
from ui.main_window import Desk

SUPERVISOR = Actor("zhao", "supervisor")


def test_the_trail_pages_filters_and_verifies(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    for _ in range(3):
        desk.apps.create_draft(desk.login.actor, application(family=[]))
    trail = AuditService(OfficeContext(desk.apps.store))
    dialog = AuditDialog(trail, SUPERVISOR, desk.runner)
    qtbot.addWidget(dialog)
    settle(qtbot, desk.runner)
    model = dialog.model
    assert model.rowCount() >= 6  # set-up, users, login, three drafts
    assert model.data(model.index(0, 3)) == "新建申请"  # newest first
    qtmodeltester.check(model)
    dialog.user.setText("li")
    dialog.apply_filters()
    settle(qtbot, desk.runner)
    assert {model.data(model.index(r, 2)) for r in range(model.rowCount())} == {"li"}
    dialog.verify()
    settle(qtbot, desk.runner)
    assert "完好" in dialog.verdict.text()
    conn = connect_raw(desk.apps.store.path, desk.apps.store.settings.key())
    conn.execute("UPDATE audit_events SET actor = 'qian' WHERE seq = 2")
    conn.commit()
    conn.close()
    dialog.verify()
    settle(qtbot, desk.runner)
    verdict = dialog.verdict.text()  # each finding in words, never the storage's English
    assert "不完整" in verdict and "第 2 条记录写入后被改动过" in verdict, verdict
    assert "edited" not in verdict


def test_a_clerk_cannot_read_the_trail(qtbot: QtBot, desk: Desk) -> None:
    model = AuditModel(AuditService(OfficeContext(desk.apps.store)), desk.login.actor, desk.runner)
    errors: list[Exception] = []
    model.failed.connect(errors.append)
    model.set_filters()
    settle(qtbot, desk.runner)
    assert model.rowCount() == 0 and errors and "audit" in str(errors[0])
