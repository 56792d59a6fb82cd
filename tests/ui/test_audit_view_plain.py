"""The audit view reads in Chinese (issue 25 item 5): each action by its name, details as
字段：值 lines without session ids, a Chinese placeholder, and filtering by a name."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from caseworker.services.audit import AuditService
from caseworker.services.base import Actor
from tests.stores import application
from tests.ui.conftest import settle
from ui.audit_view import AuditDialog
from ui.main_window import Desk

SUPERVISOR = Actor("zhao", "supervisor")
_ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _rows(dialog: AuditDialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [
        (model.data(model.index(r, 3)), model.data(model.index(r, 4)))
        for r in range(model.rowCount())
    ]


def test_actions_and_details_read_in_chinese(qtbot: QtBot, desk: Desk) -> None:
    number = desk.apps.create_draft(desk.login.actor, application(family=[])).number
    desk.apps.accept(desk.login.actor, number)
    dialog = AuditDialog(AuditService(desk.apps.store), SUPERVISOR, desk.runner)
    qtbot.addWidget(dialog)
    settle(qtbot, desk.runner)
    rows = _rows(dialog)
    actions = [action for action, _ in rows]
    assert actions[:2] == ["受理", "新建申请"]  # newest first
    assert "登录" in actions
    for action, detail in rows:
        assert not _ENGLISH.search(action), action
        assert "{" not in detail and "session" not in detail, detail
    accepted = rows[0][1].splitlines()
    assert f"申请编号：{number}" in accepted and "状态：已受理" in accepted
    assert "受理人：li" in accepted and not any(line.startswith("其他") for line in accepted)
    placeholder = dialog.action.placeholderText()
    assert not _ENGLISH.search(placeholder) and "登录" in placeholder

    dialog.action.setText("受理")
    dialog.apply_filters()
    settle(qtbot, desk.runner)
    assert [action for action, _ in _rows(dialog)] == ["受理"]
    dialog.action.setText("登录")
    dialog.apply_filters()
    settle(qtbot, desk.runner)
    shown = {action for action, _ in _rows(dialog)}
    assert shown and shown <= {"登录", "登录失败", "拒绝登录", "退出登录"}
    dialog.action.setText("没有这种操作")
    dialog.apply_filters()
    settle(qtbot, desk.runner)
    assert _rows(dialog) == []
