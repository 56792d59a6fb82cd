"""The desk's main window: the queue, one application's intake with its decision, the
steps of the workflow, printing, and the screen lock.

Store calls go through the task runner's database worker; evaluation through its
background worker. The window holds frozen views only, never rows."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker import __version__
from caseworker.models.workflow import OPEN_STATES, Action, State, allowed_actions
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.services.applications import ApplicationService, ApplicationView
from caseworker.services.audit import AuditService
from caseworker.services.base import Actor, ServiceError
from caseworker.services.collectives import CollectiveService
from caseworker.services.evaluation import CaseFileError, EvaluationService
from caseworker.services.explain import render_text
from caseworker.services.id_reader import IdCardReader
from caseworker.services.printing import PrintingService
from caseworker.services.statistics import VIEWING as VIEWING_STATISTICS
from caseworker.services.statistics import StatisticsService
from caseworker.services.sync import SyncService
from caseworker.services.users import ROLE_ZH, IdleLock, LoginSession, UserService
from ui import i18n
from ui.audit_view import AuditDialog
from ui.collectives_page import CollectivesPage
from ui.errors import show_error
from ui.i18n import term, tr
from ui.intake import IntakePage
from ui.login import CountersignDialog, LockPage
from ui.print_preview import PrintPreview
from ui.queue_model import ApplicationQueueModel, QueueFilter, state_name
from ui.statistics_page import StatisticsPage
from ui.sync_panel import ConflictsDialog, SyncController
from ui.tasks import TaskRunner

AUTOSAVE_MS = 30_000


@dataclass(frozen=True, slots=True)
class Desk:
    """What the window works with, built by ``ui.app`` (the composition root)."""

    evaluation: EvaluationService
    apps: ApplicationService
    users: UserService
    login: LoginSession
    runner: TaskRunner
    reader: IdCardReader | None = None
    read_only: bool = False
    sync: SyncService | None = None


class QueuePage(QWidget):
    def __init__(self, model: ApplicationQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("查找：身份证号、姓名、拼音或首字母、申请编号 (Ctrl+F)"))
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        self.state.addItem(tr("全部"), "")
        self.state.addItem(tr("办理中"), "open")
        for state in State:
            self.state.addItem(state_name(state), state.value)
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText(tr("从 2024-03-01"))
        self.date_from.setObjectName("dateFrom")
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText(tr("到 2024-03-31"))
        self.date_to.setObjectName("dateTo")
        self.count = QLabel(self)
        self.count.setObjectName("queueCount")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.date_from, 1)
        bar.addWidget(self.date_to, 1)
        bar.addWidget(self.count)
        self.table = QTableView(self)
        self.table.setObjectName("queue")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # fixed widths, not ResizeToContents: that would measure every row of every page
        for column, width in enumerate((200, 130, 110, 180, 100, 220)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._focus_table)
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.date_from.editingFinished.connect(self.apply_filter)
        self.date_to.editingFinished.connect(self.apply_filter)
        model.loaded.connect(lambda n: self.count.setText(tr("{count} 件").format(count=n)))

    def _focus_table(self) -> None:
        self.apply_filter()
        self.table.setFocus()
        self.model.loaded.connect(self._select_first, Qt.ConnectionType.SingleShotConnection)

    def _select_first(self, _rows: int) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def apply_filter(self) -> None:
        chosen = self.state.currentData()
        states: tuple[str, ...] = ()
        if chosen == "open":
            states = tuple(sorted(s.value for s in OPEN_STATES))
        elif chosen:
            states = (chosen,)
        self.model.set_filter(
            QueueFilter(
                text=self.search.text().strip(),
                states=states,
                date_from=_date(self.date_from.text()),
                date_to=_date(self.date_to.text()),
            )
        )

    def selected_number(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index.siblingAtColumn(0), Qt.ItemDataRole.UserRole)


class _Activity(QObject):
    """Every key press and click anywhere in the program counts as activity."""

    def __init__(self, lock: IdleLock) -> None:
        super().__init__()
        self.lock = lock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress}:
            self.lock.touch()
        return False


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.actor = desk.login.actor
        office = desk.apps.store.office()
        self.setWindowTitle(f"{tr('落户受理台')} {__version__} — {office.station_name}")
        self.resize(1280, 820)
        self.dirty = False
        self.queue_model = ApplicationQueueModel(
            desk.apps, self.actor, desk.runner, desk.evaluation.divisions, self
        )
        self.queue_model.failed.connect(lambda exc: show_error(self, exc))
        self.queue = QueuePage(self.queue_model, self)
        self.collectives = CollectivesPage(
            CollectiveService(desk.apps), self.actor, desk.runner, self, read_only=desk.read_only
        )
        self.home = QTabWidget(self)
        self.home.setObjectName("home")
        self.home.addTab(self.queue, tr("申请", "tab"))
        self.home.addTab(self.collectives, tr("集体户"))
        self.statistics: StatisticsPage | None = None
        if self.actor.role in VIEWING_STATISTICS:
            self.statistics = StatisticsPage(
                StatisticsService(desk.apps), self.actor, desk.runner, self
            )
            self.statistics.open_application.connect(self.open_number)
            self.home.addTab(self.statistics, tr("统计"))
        self.home.currentChanged.connect(self._home_tab_changed)
        self.intake = IntakePage(desk.evaluation, desk.runner, self)
        self.intake.changed.connect(self._mark_dirty)
        self.intake.read_card.clicked.connect(self.read_card)
        self.intake.panel.document_ticked.connect(self._document_ticked)
        self.case_view = QPlainTextEdit(self)  # a case file opened for training or checking
        self.case_view.setReadOnly(True)
        self.case_view.setObjectName("decisionView")
        policy = desk.users.policy()
        self.idle = IdleLock(policy.idle_minutes)
        self._activity = _Activity(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
        self.lock_page = LockPage(
            lambda pw: desk.users.unlock_screen(desk.login, pw),
            desk.runner,
            desk.login.display_name,
            self,
        )
        self.lock_page.unlocked.connect(self._unlocked)

        self.intake_page = QWidget(self)
        page = QVBoxLayout(self.intake_page)
        page.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self.intake_page)
        self.state_label.setObjectName("applicationState")
        page.addWidget(self.state_label)
        page.addWidget(self.intake, 1)
        bar = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("save", tr("保存 (Ctrl+S)")),
            ("accept", tr("受理", "accept an application")),
            ("decide", tr("审查")),
            ("approve", tr("批准")),
            ("issue", tr("开具准迁证")),
            ("refuse", tr("不予受理/批准")),
            ("void", tr("作废")),
            ("print", tr("打印 (Ctrl+P)")),
            ("back", tr("返回 (Esc)")),
        ):
            button = QPushButton(text, self.intake_page)
            button.setObjectName(f"step:{key}")
            bar.addWidget(button)
            self.step_buttons[key] = button
        page.addLayout(bar)
        self.step_buttons["save"].clicked.connect(self.save)
        self.step_buttons["accept"].clicked.connect(lambda: self.step(Action.ACCEPT))
        self.step_buttons["decide"].clicked.connect(lambda: self.step(Action.DECIDE))
        self.step_buttons["approve"].clicked.connect(lambda: self.step(Action.APPROVE))
        self.step_buttons["issue"].clicked.connect(lambda: self.step(Action.ISSUE_PERMIT))
        self.step_buttons["refuse"].clicked.connect(lambda: self.step(Action.REFUSE))
        self.step_buttons["void"].clicked.connect(lambda: self.step(Action.VOID))
        self.step_buttons["print"].clicked.connect(self.choose_print)
        self.step_buttons["back"].clicked.connect(self.back)

        self.stack = QStackedWidget(self)
        for widget in (self.home, self.intake_page, self.case_view, self.lock_page):
            self.stack.addWidget(widget)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status(office.station_name, office.office_code)
        for keys in ("Return", "Enter"):  # Enter opens the application under the cursor
            opener = QShortcut(QKeySequence(keys), self.queue.table)
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
            opener.activated.connect(self.open_selected)
        self.queue.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save(quiet=True))
        self._idle_check = QTimer(self)
        self._idle_check.setInterval(5_000)
        self._idle_check.timeout.connect(self.check_idle)
        self._idle_check.start()
        self.queue.apply_filter()

    # --- frame ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        def add(
            menu: Any,
            text: str,
            keys: str | QKeySequence.StandardKey | None,
            slot: Callable[[], Any],
        ) -> QAction:
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        work = self.menuBar().addMenu(tr("受理(&A)", "menu"))
        self.new_action = add(work, tr("新申请"), "F2", self.new_application)
        self.save_action = add(work, tr("保存"), QKeySequence.StandardKey.Save, self.save)
        self.print_action = add(
            work, tr("打印…"), QKeySequence.StandardKey.Print, self.choose_print
        )
        self.find_action = add(work, tr("查找"), QKeySequence.StandardKey.Find, self.focus_search)
        self.back_action = add(work, tr("返回队列"), "Esc", self.back)
        self.read_action = add(work, tr("读卡"), "F5", self.read_card)
        self.collectives_action = add(work, tr("集体户"), "F3", self.show_collectives)
        work.addSeparator()
        self.open_action = add(
            work, tr("打开案例文件…"), QKeySequence.StandardKey.Open, self._choose_case
        )
        self.lock_action = add(work, tr("锁屏"), "Ctrl+L", self.lock_screen)
        self.audit_action = add(work, tr("审计日志…"), None, self.show_audit)
        self.audit_action.setEnabled(self.actor.role in {"supervisor", "admin"})
        work.addSeparator()
        self.sync_action = add(work, tr("立即同步"), "F9", self.sync_now)
        self.conflicts_action = add(work, tr("同步冲突…"), None, self.show_conflicts)
        self.export_bundle_action = add(work, tr("导出同步包…"), None, self.export_bundle)
        self.import_bundle_action = add(work, tr("导入同步包…"), None, self.import_bundle)
        for action in (self.export_bundle_action, self.import_bundle_action):
            action.setEnabled(self.desk.sync is not None)
        self.sync_action.setEnabled(self.desk.sync is not None)
        self.conflicts_action.setEnabled(
            self.desk.sync is not None and self.actor.role in {"supervisor", "admin"}
        )
        add(work, tr("退出"), QKeySequence.StandardKey.Quit, self.close)
        settings = self.menuBar().addMenu(tr("设置(&S)"))
        languages = settings.addMenu(tr("界面语言"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = add(languages, name, None, lambda *_a, c=code: self.choose_language(c))
            action.setCheckable(True)
            action.setChecked(code == i18n.preferred(self.desk.apps.store.folder))
            group.addAction(action)
            self.language_actions[code] = action

    def _build_status(self, station: str, office_code: str) -> None:
        role = term(ROLE_ZH.get(self.actor.role, self.actor.role), self.actor.role)
        self.user_label = QLabel(
            tr("用户 {user}（{role}）").format(user=self.desk.login.display_name, role=role)
        )
        self.office_label = QLabel(f"{station} {office_code}")
        store_state = tr("只读（已损坏）") if self.desk.read_only else tr("正常")
        self.store_label = QLabel(tr("本地存储：{state}").format(state=store_state))
        self.sync_label = QLabel(tr("同步：未连接"))
        labels = [self.user_label, self.office_label, self.store_label, self.sync_label]
        key_file = self.desk.apps.store.settings.key_file
        if key_file:
            # a standing warning: the key beside the data is weaker than the keyring
            self.key_label = QLabel(tr("⚠ 存储密钥在文件中：{file}").format(file=key_file))
            self.key_label.setObjectName("keyFileWarning")
            self.key_label.setStyleSheet("color: #b26a00")
            self.key_label.setToolTip(
                tr(
                    "本机没有系统钥匙串，存储密钥保存在这个文件中。请确保只有本用户可读，并另行备份。"
                )
            )
            labels.insert(0, self.key_label)
        for label in labels:
            self.statusBar().addPermanentWidget(label)
        self.sync_controller: SyncController | None = None
        if self.desk.sync is not None:
            self.sync_label.setObjectName("syncStatus")
            self.sync_controller = SyncController(
                self.desk.sync, self.desk.runner, self.sync_label, self
            )

    def sync_now(self) -> None:
        if self.sync_controller is not None:
            self.sync_controller.run_now()

    def export_bundle(self) -> None:
        """For an office without a network: the outbox onto a removable drive."""
        if self.sync_controller is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("导出同步包"), "sync.cwb", tr("同步包 (*.cwb)")
        )
        if name:
            self.sync_controller.export_bundle(self.actor, Path(name))

    def import_bundle(self) -> None:
        if self.sync_controller is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, tr("导入同步包"), "", tr("同步包 (*.cwb *.return)")
        )
        if not name:
            return

        def ask_return(suggested: Path) -> Path | None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("保存回执包"), str(suggested), tr("回执包 (*.return)")
            )
            return Path(chosen) if chosen else None

        self.sync_controller.import_bundle(self.actor, Path(name), ask_return)

    def show_conflicts(self) -> None:
        if self.desk.sync is None:
            return
        try:
            ConflictsDialog(self.desk.sync, self.actor, self).exec()
        except ServiceError as exc:
            QMessageBox.warning(self, tr("同步冲突"), str(exc))
        if self.sync_controller is not None:
            self.sync_controller.refresh()

    def _mark_dirty(self) -> None:
        self.dirty = True
        self._autosave.start()

    def choose_language(self, language: str) -> None:
        """Kept for this machine and applied at the next start: the window in use is not
        rebuilt under the clerk's hands."""
        try:
            i18n.set_preferred(self.desk.apps.store.folder, language)
        except OSError as exc:
            QMessageBox.warning(self, tr("无法保存设置"), str(exc))
            return
        if language == i18n.current():
            self.statusBar().showMessage(
                tr("界面语言：{language}").format(language=i18n.LANGUAGES[language]), 5000
            )
            return
        QMessageBox.information(
            self,
            tr("界面语言"),
            # both languages: the clerk who chose one may not read the other
            (
                f"界面语言将在下次启动时改为 {i18n.LANGUAGES[language]}。\n"
                f"The desk will be in {i18n.LANGUAGES[language]} from the next start."
            ),
        )

    def focus_search(self) -> None:
        if self._locked():
            return
        self.show_home(self.queue)
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def show_home(self, tab: QWidget) -> None:
        self.stack.setCurrentWidget(self.home)
        self.home.setCurrentWidget(tab)

    def show_collectives(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.show_home(self.collectives)
        self.collectives.table.setFocus()

    def _home_tab_changed(self, index: int) -> None:
        if self.home.widget(index) is self.collectives:
            self.collectives.refresh()
        elif self.statistics is not None and self.home.widget(index) is self.statistics:
            self.statistics.refresh()

    def _locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_page

    # --- the queue ------------------------------------------------------------------

    def open_selected(self) -> None:
        number = self.queue.selected_number()
        if number is not None:
            self.open_number(number)

    def open_number(self, number: str) -> None:
        """Open one application in full (audited), from the queue or a statistics row."""
        if self._locked() or not self._may_leave():
            return
        self.desk.runner.store(
            lambda: self.desk.apps.open_record(self.actor, number),
            self._show_application,
            lambda exc: show_error(self, exc),
        )

    def _show_application(self, view: ApplicationView) -> None:
        self.intake.load_view(view)
        self.intake.panel.set_seen(set())
        self.dirty = False
        self._show_state()
        self.stack.setCurrentWidget(self.intake_page)
        self.intake.id_number.setFocus()

    def new_application(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.intake.clear()
        self.dirty = False
        self._show_state()
        self.stack.setCurrentWidget(self.intake_page)
        self.intake.id_number.setFocus()

    def back(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.show_home(self.queue)
        self.queue_model.refresh()
        self.queue.search.setFocus()

    def _show_state(self) -> None:
        number = self.intake.number
        if number is None:
            self.state_label.setText(tr("新申请（未保存）"))
        else:
            state = State(self.intake.state)
            self.state_label.setText(
                tr("申请 {number}：{state}").format(number=number, state=state_name(state))
            )
        allowed = {a.value for a in allowed_actions(State(self.intake.state))} if number else set()
        writable = not self.desk.read_only
        self.step_buttons["save"].setEnabled(writable and (number is None or "edit" in allowed))
        for key in ("accept", "decide", "approve", "refuse", "void"):
            self.step_buttons[key].setEnabled(writable and key in allowed)
        self.step_buttons["issue"].setEnabled(writable and Action.ISSUE_PERMIT.value in allowed)
        self.step_buttons["print"].setEnabled(number is not None)

    # --- saving and the steps --------------------------------------------------------

    def save(self, *, quiet: bool = False) -> None:
        if self._locked() or self.stack.currentWidget() is not self.intake_page:
            return
        if self.desk.read_only:
            if not quiet:
                QMessageBox.information(self, tr("只读"), tr("存储已损坏，只能查看。"))
            return
        data = self.intake.application_data()
        number = self.intake.number
        apps, actor = self.desk.apps, self.actor

        def work() -> ApplicationView:
            if number is None:
                return apps.create_draft(actor, data)
            return apps.edit(actor, number, data)

        def done(view: ApplicationView) -> None:
            self.intake.number, self.intake.state = view.number, view.state
            self.dirty = False
            self._show_state()
            self._attach_scans(view.number)
            when = datetime.now().strftime("%H:%M:%S")
            self.statusBar().showMessage(
                (
                    tr("已自动保存 {number} {time}") if quiet else tr("已保存 {number} {time}")
                ).format(number=view.number, time=when),
                8000,
            )

        def failed(exc: Exception) -> None:
            if quiet:  # an autosave of a form not complete yet: try again later
                self.statusBar().showMessage(tr("未自动保存：{reason}").format(reason=exc), 8000)
            else:
                show_error(self, exc)

        self.desk.runner.store(work, done, failed)

    def _attach_scans(self, number: str) -> None:
        """The images the clerk accepted from the scanner, kept with the application now
        that it is saved (never before: nothing unconfirmed is stored)."""
        scans, self.intake.pending_scans = self.intake.pending_scans, []
        apps, actor = self.desk.apps, self.actor
        for filename, content, media_type, fields in scans:
            self.desk.runner.store(
                lambda f=filename, c=content, m=media_type, p=fields: apps.attach_scan(
                    actor, number, filename=f, content=c, media_type=m, fields=p
                ),
                lambda _a: None,
                lambda exc: show_error(self, exc),
            )

    def step(self, action: Action) -> None:
        number = self.intake.number
        if number is None or self._locked():
            return
        if self.dirty:
            QMessageBox.information(
                self,
                tr("请先保存"),
                tr("有未保存的修改，请先保存 (Ctrl+S)。"),
            )
            return
        apps, actor = self.desk.apps, self.actor
        reason = ""
        if action == Action.ISSUE_PERMIT:
            countersigner = self._countersigner()
            if countersigner is False:
                return
            if countersigner is not None:
                actor = countersigner
        if action in {Action.REFUSE, Action.VOID}:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                tr("理由"),
                tr("请写明理由（将打印在告知书上）："),
            )
            if not ok or not reason.strip():
                return
        calls: dict[Action, Callable[[], ApplicationView]] = {
            Action.ACCEPT: lambda: apps.accept(actor, number),
            Action.DECIDE: lambda: apps.decide(actor, number),
            Action.APPROVE: lambda: apps.approve(actor, number),
            Action.ISSUE_PERMIT: lambda: apps.issue_permit(actor, number),
            Action.REFUSE: lambda: apps.refuse(actor, number, reason),
            Action.VOID: lambda: apps.void(actor, number, reason),
        }
        self.desk.runner.store(calls[action], self._stepped, lambda exc: show_error(self, exc))

    def _countersigner(self) -> Actor | bool | None:
        """Past the days without sync allowed, a clerk's permit is issued by a supervisor
        who signs in here for it (audited as their login). None: no one else is needed;
        False: the clerk gave up."""
        if self.desk.sync is None or self.actor.role in {"supervisor", "admin"}:
            return None
        status = self.desk.sync.status()
        if not status.stale:
            return None
        dialog = CountersignDialog(
            tr("本机已 {days:.0f} 天未同步。开具准迁证需审核人员登录确认。").format(
                days=status.days_without_sync or 0
            ),
            self,
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                login = self.desk.users.login(
                    dialog.username.text(), dialog.password.text(), source="countersign"
                )
            except ServiceError as exc:
                dialog.error.setText(str(exc))
                continue
            self.desk.users.logout(login, reason="permit countersigned")
            if login.actor.role not in {"supervisor", "admin"}:
                dialog.error.setText(tr("需要审核人员（supervisor）的账号"))
                continue
            return login.actor
        return False

    def _stepped(self, view: ApplicationView) -> None:
        self.intake.number, self.intake.state, self.intake.version = (
            view.number,
            view.state,
            view.version,
        )
        self._show_state()
        self.statusBar().showMessage(f"{view.number}: {state_name(State(view.state))}", 8000)

    def _document_ticked(self, name: str, ticked: bool) -> None:
        number = self.intake.number
        if not ticked or number is None:
            return
        self.desk.runner.store(
            lambda: self.desk.apps.mark_document_seen(self.actor, number, name),
            lambda _r: self.statusBar().showMessage(
                tr("已核验材料：{name}").format(name=name), 5000
            ),
            lambda exc: show_error(self, exc),
        )

    # --- printing --------------------------------------------------------------------

    def choose_print(self) -> None:
        if self.intake.number is None or self._locked():
            return
        kinds = {term(TITLES[k], k.value): k for k in DocumentKind}
        choice, ok = QInputDialog.getItem(self, tr("打印"), tr("文书："), list(kinds), 0, False)
        if ok:
            self.print_document(kinds[choice])

    def print_document(self, kind: DocumentKind, *, reprint: bool = False) -> None:
        number = self.intake.number
        if number is None:
            return
        printing = PrintingService(self.desk.apps)
        self.desk.runner.store(
            lambda: printing.print_document(self.actor, number, kind, reprint=reprint),
            lambda printed: self._preview(printed.pdf, f"{TITLES[kind]} {printed.record.number}"),
            lambda exc: show_error(self, exc),
        )

    def _preview(self, pdf: bytes, title: str) -> None:
        self.preview = PrintPreview(pdf, title, self)
        self.preview.show()

    # --- the audit trail (supervisors) -------------------------------------------------

    def show_audit(self) -> None:
        if self._locked():
            return
        self.audit = AuditDialog(
            AuditService(self.desk.apps.store), self.actor, self.desk.runner, self
        )
        self.audit.show()

    # --- the card reader -----------------------------------------------------------------

    def read_card(self) -> None:
        reader = self.desk.reader
        if reader is None:
            QMessageBox.information(
                self,
                tr("没有读卡器"),
                tr("未配置读卡器，请手工输入身份证号。"),
            )
            self.intake.id_number.setFocus()
            return
        self.desk.runner.compute(reader.read, self._card_read, lambda exc: show_error(self, exc))

    def _card_read(self, card: Any) -> None:
        self.intake.id_number.setText(card.id_number)
        self.intake._check_id_as_typed(card.id_number)
        self.intake.card_name = card.name
        if not self.intake.applicant_name.text().strip():
            self.intake.applicant_name.setText(card.name)
        if card.ethnicity and not self.intake.records["ethnicity"].text():
            self.intake.records["ethnicity"].setText(card.ethnicity)
        self._mark_dirty()
        self.intake.schedule()
        self.intake.applicant_name.setFocus()

    # --- a case file (training, checking a file by hand) ---------------------------------

    def _choose_case(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("打开案例"), "", tr("案例文件 (*.json)"))
        if name:
            self.show_case(Path(name))

    def show_case(self, path: Path) -> bool:
        """Decide one case file and show the explanation; a bad file gets a clear message."""
        try:
            decision = self.desk.evaluation.decide_file(path)
        except CaseFileError as exc:
            QMessageBox.warning(
                self,
                tr("案例文件有误"),
                tr("{problem}\n\n文件：{file}").format(problem=exc.message, file=exc.path),
            )
            return False
        out = io.StringIO()
        render_text(decision, path, out)
        self.case_view.setPlainText(out.getvalue())
        self.stack.setCurrentWidget(self.case_view)
        return True

    def load_case_into_intake(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("expect", None)
        data.pop("case", None)
        self.intake.load_data(data, number=None, state="", version=0)
        self._show_state()
        self.stack.setCurrentWidget(self.intake_page)

    # --- the screen lock -------------------------------------------------------------------

    def check_idle(self) -> None:
        if not self._locked() and self.idle.locked:
            self.lock_screen()

    def lock_screen(self) -> None:
        if self._locked():
            return
        self._before_lock = self.stack.currentWidget()
        self.idle.lock()
        self.stack.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        self.lock_page.password.setFocus()

    def _unlocked(self) -> None:
        self.idle.unlocked()
        self.menuBar().setEnabled(True)
        self.stack.setCurrentWidget(getattr(self, "_before_lock", self.home))

    # --- leaving --------------------------------------------------------------------------

    def _may_leave(self) -> bool:
        """Unsaved changes: save, discard, or stay."""
        if not self.dirty or self.stack.currentWidget() is not self.intake_page:
            return True
        answer = QMessageBox.question(
            self,
            tr("未保存的修改"),
            tr("这份申请有未保存的修改，要保存吗？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            self.desk.runner.wait()
            QApplication.processEvents()
            return not self.dirty
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._locked() or not self._may_leave():
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._activity)
        self.desk.runner.wait()
        event.accept()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None
