"""The login window (shown before the store is open), first-run set-up, and a wrong
password: a message, the user name kept, nothing else lost."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import UserService
from tests.ui.conftest import PASSWORD, key, settle, type_text
from ui.login import ChangePasswordDialog, LoginDialog, SetupDialog
from ui.tasks import TaskRunner


def test_logging_in_waits_for_the_store_then_goes_ahead(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    dialog = LoginDialog(runner)  # the store is still being opened behind it
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.username.setFocus()
    qtbot.waitUntil(dialog.username.hasFocus)
    type_text("li")
    key(Qt.Key.Key_Tab)
    type_text(PASSWORD)
    key(Qt.Key.Key_Return)
    assert "正在打开存储" in dialog.error.text() and dialog.session is None
    dialog.set_ready(UserService(OfficeContext(office)), "泉城路派出所")
    settle(qtbot, runner)
    assert dialog.session is not None and dialog.session.actor.username == "li"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_wrong_password_keeps_the_name_and_says_why(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    dialog = LoginDialog(runner, UserService(OfficeContext(office)), "泉城路派出所")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("li")
    dialog.password.setText("wrong-pass-1")
    dialog.try_login()
    settle(qtbot, runner)
    # the refusal in the desk's language (login.wrong), the English in the English desk
    assert "用户名或密码错误" in dialog.error.text()
    assert dialog.username.text() == "li" and dialog.password.text() == ""
    assert dialog.session is None


def test_first_run_sets_up_the_office(qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    dialog = SetupDialog(tmp_path / "new", runner=runner)
    qtbot.addWidget(dialog)
    dialog.office.setText("370102001")
    dialog.station.setText("泉城路派出所")
    dialog.password.setText(PASSWORD)
    dialog.again.setText("something-else-1")
    dialog.try_setup()
    assert "不一致" in dialog.error.text() and dialog.store is None
    dialog.again.setText(PASSWORD)
    dialog.office.setText("abc")
    dialog.try_setup()
    # each refusal in the desk's language, naming the field as labelled (was English)
    assert "“派出所代码”应为 6 到 12 位数字" in dialog.error.text() and dialog.store is None
    dialog.office.setText("370102001")
    dialog.station.setText(" ")
    dialog.try_setup()
    assert "请填写“派出所名称”" in dialog.error.text() and dialog.store is None
    dialog.station.setText("泉城路派出所")
    dialog.password.setText("short")
    dialog.again.setText("short")
    dialog.try_setup()
    assert "“密码”不能用：" in dialog.error.text() and "至少需要 8 个字符" in dialog.error.text()
    assert not re.search(r"[A-Za-z]{3,}", dialog.error.text()) and dialog.store is None
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.try_setup()
    settle(qtbot, runner)  # the store is made on the database worker
    assert dialog.store is not None
    dialog.store.close()
    assert (tmp_path / "new" / "settings.json").is_file()


def test_the_new_password_is_set_on_the_database_worker(
    qtbot: QtBot, office: Store, runner: TaskRunner
) -> None:
    users = UserService(OfficeContext(office))
    users.reset_password(Actor("admin", "admin"), "li", "temp-pass-1")
    session = users.login("li", "temp-pass-1")
    dialog = ChangePasswordDialog(users, session, runner=runner)
    qtbot.addWidget(dialog)
    dialog.current.setText("temp-pass-1")
    dialog.new.setText("short")
    dialog.again.setText("short")
    dialog.try_change()
    assert dialog.error.text() == ""  # not refused yet: the worker has it
    # user.password_rule, in Chinese
    qtbot.waitUntil(lambda: "至少需要 8 个字符" in dialog.error.text())
    dialog.new.setText("my-own-pass-2")
    dialog.again.setText("my-own-pass-2")
    dialog.try_change()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert not users.login("li", "my-own-pass-2").must_change_password


def test_the_refusal_is_shown_whole(qtbot: QtBot, office: Store, runner: TaskRunner) -> None:
    """The message wraps and the window grows to hold it (a tester saw it clipped to two
    half-lines), in both languages' lengths."""
    dialog = LoginDialog(runner, UserService(OfficeContext(office)), "泉城路派出所")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.username.setText("li")
    dialog.password.setText("wrong-pass-1")
    dialog.try_login()
    settle(qtbot, runner)
    refusal = dialog.error.text()
    for text in (refusal, refusal * 4):  # the real one, and one as long as a lockout's
        if text != refusal:
            dialog._say(text)
        qtbot.waitUntil(
            lambda: dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
        )
        assert dialog.error.geometry().bottom() <= dialog.height()
