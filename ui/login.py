"""Logging in, setting up a new office, and the screen lock.

Light on purpose: the login window is shown before the store and the rules are loaded
(they load behind it, on a worker), so this module imports the services only when used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.tasks import TaskRunner

log = logging.getLogger("caseworker.desk")

if TYPE_CHECKING:
    from caseworker.services.store import Store
    from caseworker.services.users import LoginSession, UserService


def _describe(exc: Exception) -> str:
    from ui.errors import describe  # noqa: PLC0415 - loaded after the window is up

    return describe(exc)[1]


ERROR_STYLE = "color: #c62828"


class LoginDialog(QDialog):
    """User name, password, and the TOTP code when the account has a second factor.
    The check runs on the database worker; a refusal keeps what was typed."""

    def __init__(
        self,
        runner: TaskRunner,
        users: UserService | None = None,
        station: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("登录 — 落户受理台"))
        self._users, self._runner = users, runner
        self._pending = False
        form = QFormLayout(self)
        self.station = QLabel(f"<b>{station}</b>" if station else tr("正在打开存储…"))
        self.station.setObjectName("station")
        form.addRow(self.station)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code = QLineEdit(self)
        self.code.setObjectName("totp")
        self.code.setPlaceholderText(tr("6 位动态口令"))
        self.code_label = QLabel(tr("动态口令"), self)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        form.addRow(self.code_label, self.code)
        self.code.hide()
        self.code_label.hide()
        form.addRow(self.error)
        # two plain buttons: a QDialogButtonBox costs ~45 ms to build (its standard icons),
        # a third of what this window may add to start-up (bench/bench_desk.py)
        self.ok = QPushButton(tr("登录"), self)
        self.ok.setObjectName("loginButton")
        self.ok.setDefault(True)
        cancel = QPushButton(tr("取消"), self)
        self.ok.clicked.connect(self.try_login)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        form.addRow(row)
        self.session: LoginSession | None = None
        self.setMinimumWidth(380)

    def _say(self, text: str) -> None:
        """The message under the fields, wrapped, the window grown to hold all of it."""
        self.error.setText(text)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()

    def set_ready(self, users: UserService, station: str) -> None:
        """The store is open: logging in can go ahead (at once, if OK was pressed)."""
        self._users = users
        self.station.setText(f"<b>{station}</b>")
        if self._pending:
            self._pending = False
            self.try_login()

    def try_login(self) -> None:
        if self._users is None:
            self._pending = True
            self._say(tr("正在打开存储，请稍候…"))
            return
        users = self._users
        username, password = self.username.text(), self.password.text()
        code = self.code.text().strip() or None
        self.ok.setEnabled(False)
        self._say(tr("正在核对…"))
        self._runner.store(
            lambda: users.login(username, password, totp_code=code),
            self._done,
            self._failed,
        )

    def _done(self, session: LoginSession) -> None:
        self.ok.setEnabled(True)
        self.session = session
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from caseworker.services.users import SecondFactorRequiredError  # noqa: PLC0415

        self.ok.setEnabled(True)
        if isinstance(exc, SecondFactorRequiredError):
            self.code.show()
            self.code_label.show()
            self.code.setFocus()
        else:
            self.password.clear()
            self.password.setFocus()
        self._say(_describe(exc))


class SetupDialog(QDialog):
    """First run on this machine: the office, its first administrator, and where the
    store key is kept — the keyring, or where this machine has none, a key file the
    administrator names (the desk then warns of it in its status bar)."""

    def __init__(self, folder: Path, parent: QWidget | None = None, *, runner: TaskRunner) -> None:
        from caseworker.services.store import keyring_usable  # noqa: PLC0415 - first run only

        super().__init__(parent)
        self.setWindowTitle(tr("初次设置"))
        self.folder = folder
        # the store is made (key derived, password hashed, schema) on the database worker
        self._runner = runner
        form = QFormLayout(self)
        form.addRow(QLabel(tr("数据目录：{folder}").format(folder=folder)))
        self.office = QLineEdit(self)
        self.office.setObjectName("officeCode")
        self.office.setPlaceholderText("370102001")
        self.station = QLineEdit(self)
        self.station.setObjectName("stationName")
        self.jurisdiction = QLineEdit(self)
        self.jurisdiction.setObjectName("jurisdiction")
        self.jurisdiction.setPlaceholderText(tr("例如：泉城路街道"))
        self.admin = QLineEdit("admin", self)
        self.admin.setObjectName("adminName")
        self.password = QLineEdit(self)
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("adminPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_file = QLineEdit(self)
        self.key_file.setObjectName("keyFile")
        self.key_note = QLabel(self)
        self.key_note.setWordWrap(True)
        self.key_note.setObjectName("keyNote")
        self.error = QLabel(self)
        self.error.setObjectName("setupError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(tr("派出所代码"), self.office)
        form.addRow(tr("派出所名称"), self.station)
        form.addRow(tr("辖区"), self.jurisdiction)
        form.addRow(tr("管理员"), self.admin)
        form.addRow(tr("密码"), self.password)
        form.addRow(tr("再次输入"), self.again)
        form.addRow(self.key_note)
        form.addRow(tr("密钥文件"), self.key_file)
        self.has_keyring = keyring_usable()
        if self.has_keyring:
            self.key_note.setText(tr("存储密钥将保存在本机的系统钥匙串中。"))
            self.key_file.setPlaceholderText(tr("留空：使用系统钥匙串"))
        else:
            self.key_note.setText(
                tr(
                    "本机没有可用的系统钥匙串（keyring）。存储密钥将保存在下面指定的文件中，"
                    "只有当前用户可读；不要放在共享盘或移动盘上，并请另行备份。"
                )
            )
            self.key_note.setStyleSheet(ERROR_STYLE)
            self.key_file.setText(str(folder.parent / "caseworker-store.key"))
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_setup)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.store: Store | None = None

    def try_setup(self) -> None:
        from caseworker.services.store import Store  # noqa: PLC0415 - first run only

        problem = self._problem()
        if problem:
            self.error.setText(problem)
            self.adjustSize()  # the wrapped message shown whole
            return
        key_file = self.key_file.text().strip()
        if not key_file and not self.has_keyring:
            self.error.setText(tr("本机没有系统钥匙串：请指定密钥文件的位置。"))
            self.key_file.setFocus()
            return
        folder, office = self.folder, self.office.text().strip()
        station, jurisdiction = self.station.text().strip(), self.jurisdiction.text().strip()
        admin, password = self.admin.text().strip() or "admin", self.password.text()
        named = Path(key_file).expanduser() if key_file else None

        def work() -> Store:
            return Store.init(
                folder,
                office_code=office,
                police_station_name=station,
                jurisdiction=jurisdiction,
                admin_username=admin,
                admin_password=password,
                key_file=named,
            )

        def made(store: Store) -> None:
            self.store = store
            self.error.clear()
            self.accept()

        def failed(exc: Exception) -> None:  # worded for the administrator, never a traceback
            from ui.errors import describe  # noqa: PLC0415 - first run only

            self._ok.setEnabled(True)
            self.error.setText(describe(exc)[1])
            self.adjustSize()

        self._ok.setEnabled(False)  # one set-up at a time (a second or two)
        self.error.clear()
        self._runner.store(work, made, failed)

    def _problem(self) -> str:
        """What the first run cannot take, in the desk's language, naming the field."""
        from caseworker.services.base import ServiceError  # noqa: PLC0415
        from caseworker.services.store import SETTINGS_FILE, STORE_FILE  # noqa: PLC0415
        from caseworker.services.users import check_password  # noqa: PLC0415

        office = self.office.text().strip()
        if not office.isdigit() or not 6 <= len(office) <= 12:
            self.office.setFocus()
            return tr("“派出所代码”应为 6 到 12 位数字，如 370102001。")
        if not self.station.text().strip():
            self.station.setFocus()
            return tr("请填写“派出所名称”。")
        if self.password.text() != self.again.text():
            return tr("两次输入的密码不一致")
        try:
            check_password(self.password.text(), username=self.admin.text().strip() or "admin")
        except ServiceError as exc:
            self.password.setFocus()
            return tr("“密码”不能用：{reason}").format(reason=_describe(exc))
        if (self.folder / SETTINGS_FILE).exists() or (self.folder / STORE_FILE).exists():
            return tr("{folder} 中已有存储，没有改动它；请换一个数据目录，或从备份恢复。").format(
                folder=self.folder
            )
        return ""


class LockPage(QWidget):
    """What the screen shows while locked: nobody's data, only the way back in."""

    unlocked = Signal()

    def __init__(
        self,
        unlock: Callable[[str], None],
        runner: TaskRunner,
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unlock, self._runner = unlock, runner
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(QLabel(tr("<h2>已锁定</h2><p>{who} 请输入密码继续</p>").format(who=who)))
        self.password = QLineEdit(self)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setObjectName("unlockError")
        button = QPushButton(tr("解锁"), self)
        layout.addWidget(self.password)
        layout.addWidget(button)
        layout.addWidget(self.error)
        layout.addStretch(2)
        button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)

    def try_unlock(self) -> None:
        password = self.password.text()
        self.password.clear()
        self._runner.store(lambda: self._unlock(password), lambda _r: self._ok(), self._failed)

    def _ok(self) -> None:
        self.error.clear()
        self.unlocked.emit()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(_describe(exc))


class ChangePasswordDialog(QDialog):
    """After a reset the user sets their own password before anything else."""

    def __init__(
        self,
        users: UserService,
        session: LoginSession,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("设置新密码"))
        self._users, self._session = users, session
        # the change (two argon2 hashes and a store write) runs on the database worker
        self._runner = runner
        form = QFormLayout(self)
        form.addRow(QLabel(tr("管理员重置了您的密码，请设置新密码。")))
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit, name in (
            (self.current, "currentPassword"),
            (self.new, "newPassword"),
            (self.again, "newPasswordAgain"),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(tr("当前密码"), self.current)
        form.addRow(tr("新密码"), self.new)
        form.addRow(tr("再次输入"), self.again)
        form.addRow(self.error)
        ok = QPushButton(tr("确定"), self)
        ok.setDefault(True)
        ok.clicked.connect(self.try_change)
        form.addRow(ok)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(tr("两次输入的密码不一致"))
            return
        users, actor = self._users, self._session.actor
        current, new = self.current.text(), self.new.text()

        def work() -> None:
            users.change_password(actor, current, new)

        def failed(exc: Exception) -> None:  # a service refusal, worded for the clerk
            self.error.setText(_describe(exc))
            self.adjustSize()  # the wrapped refusal shown whole

        self._runner.store(work, lambda _none: self.accept(), failed)


class CountersignDialog(QDialog):
    """A supervisor signs in to confirm one step for the clerk at the desk."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("审核人员确认"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(message, self))
        self.username = QLineEdit(self)
        self.username.setObjectName("countersignUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("countersignPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(tr("用户名"), self.username)
        layout.addRow(tr("密码"), self.password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
