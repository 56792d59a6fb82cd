"""The desk's main window, a thin frame: the home tabs (queue, collectives, statistics),
the application page, the menus and status bar, the screen lock, and moving between them.

Store calls go through the task runner's database worker; evaluation through its
background worker. The window holds frozen views only, never rows."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from caseworker import __version__
from caseworker.models.workflow import Action
from caseworker.services.applications import ApplicationView
from caseworker.services.evaluation import CaseFileError
from caseworker.services.explain import render_text
from caseworker.services.permissions import SUPERVISING
from caseworker.services.statistics import VIEWING as VIEWING_STATISTICS
from caseworker.services.users import ROLE_ZH, IdleLock
from ui import i18n
from ui.about import install_help_menu
from ui.applicant_screen import ApplicantScreen, applicant_screen_for
from ui.application_page import ApplicationPage
from ui.audit_view import AuditDialog
from ui.collectives_page import CollectivesPage
from ui.desk import Desk as Desk  # noqa: PLC0414 - where the tests and tools found it
from ui.errors import show_error
from ui.i18n import term, tr
from ui.login import LockPage
from ui.operations import ChangeBus, Operations
from ui.print_preview import fitted_size
from ui.queue_model import ApplicationQueueModel
from ui.queue_page import QueuePage
from ui.statistics_page import StatisticsPage
from ui.sync_panel import ConflictsDialog, SyncController

log = logging.getLogger(__name__)


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
        self.bus = ChangeBus(self)
        self.operations = Operations(desk, self.bus)
        office = desk.office
        program = tr("落户受理台")  # its own call: lupdate finds no text inside an f-string
        self.setWindowTitle(f"{program} {__version__} — {office.police_station_name}")
        self.resize(fitted_size(None, QSize(1280, 820)))  # a 1366×768 screen's free area
        self.queue_model = ApplicationQueueModel(
            desk.apps, self.actor, desk.runner, desk.evaluation.divisions, self
        )
        self.queue_model.failed.connect(lambda exc: show_error(self, exc))
        self.queue = QueuePage(self.queue_model, self)
        self.bus.changed.connect(self.queue.changed)
        self.collectives = CollectivesPage(
            desk.collectives,
            self.actor,
            desk.runner,
            self,
            read_only=desk.read_only,
            operations=self.operations,
        )
        self.bus.changed.connect(self.collectives.changed)
        self.home = QTabWidget(self)
        self.home.setObjectName("home")
        self.home.addTab(self.queue, tr("申请", "tab"))
        self.home.addTab(self.collectives, tr("集体户"))
        self.statistics: StatisticsPage | None = None
        self.statistics_scroll: QScrollArea | None = None
        if self.actor.role in VIEWING_STATISTICS:
            self.statistics = StatisticsPage(desk.statistics, self.actor, desk.runner, self)
            self.statistics.open_application.connect(self.open_number)
            self.bus.changed.connect(self.statistics.changed)
            # its tables and charts need more width than a 150 % screen has: it scrolls,
            # and the window (the intake above all) still fits 1366×768
            self.statistics_scroll = QScrollArea(self)
            self.statistics_scroll.setWidgetResizable(True)
            self.statistics_scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.statistics_scroll.setWidget(self.statistics)
            self.home.addTab(self.statistics_scroll, tr("统计"))
        self.home.currentChanged.connect(self._home_tab_changed)
        self.application = ApplicationPage(
            desk, self.operations, self.bus, locked=self._locked, parent=self
        )
        self.application.message.connect(self.statusBar().showMessage)
        self.application.step_buttons["back"].clicked.connect(self.back)
        # the page's parts, by the names the tests and tools use
        self.intake = self.application.intake
        self.intake_page = self.application
        self.step_buttons = self.application.step_buttons
        self.state_label = self.application.state_label
        self.case_view = QPlainTextEdit(self)  # a case file opened for training or checking
        self.case_view.setReadOnly(True)
        self.case_view.setObjectName("decisionView")
        self.idle = IdleLock(desk.idle_minutes)
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

        self.stack = QStackedWidget(self)
        for widget in (self.home, self.intake_page, self.case_view, self.lock_page):
            self.stack.addWidget(widget)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status(office.police_station_name, office.office_code)
        for keys in ("Return", "Enter"):  # Enter opens the application under the cursor
            opener = QShortcut(QKeySequence(keys), self.queue.table)
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
            opener.activated.connect(self.open_selected)
        self.queue.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._queue_seen: tuple[int, str] | None = None
        self._idle_check = QTimer(self)
        self._idle_check.setInterval(5_000)
        self._idle_check.timeout.connect(self.check_idle)
        self._idle_check.start()
        self.queue.apply_filter()
        # the applicant's screen (双屏核对): shown at once when a second screen faces them
        self.applicant_screen = ApplicantScreen(self.application, self.bus, self.operations)
        self.stack.currentChanged.connect(
            lambda _i: self.applicant_screen.set_active(
                self.stack.currentWidget() is self.intake_page
            )
        )
        if applicant_screen_for(self.screen()) is not None:
            self.applicant_screen.show_facing_applicant(self.screen())

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
        self.next_question_action = add(work, tr("下一个待答问题"), "F4", self.focus_next_question)
        self.collectives_action = add(work, tr("集体户"), "F3", self.show_collectives)
        self.applicant_screen_action = add(
            work, tr("申请人屏幕（双屏核对）"), "F11", self.show_applicant_screen
        )
        self.applicant_confirmed_action = add(
            work, tr("申请人已确认"), "F12", self.applicant_confirmed
        )
        work.addSeparator()
        self.open_action = add(
            work, tr("打开案例文件…"), QKeySequence.StandardKey.Open, self._choose_case
        )
        self.lock_action = add(work, tr("锁屏"), "Ctrl+L", self.lock_screen)
        self.audit_action = add(work, tr("审计日志…"), None, self.show_audit)
        self.audit_action.setEnabled(self.actor.role in SUPERVISING)
        work.addSeparator()
        self.sync_action = add(work, tr("立即同步"), "F9", self.sync_now)
        self.conflicts_action = add(work, tr("同步冲突…"), None, self.show_conflicts)
        self.export_bundle_action = add(work, tr("导出同步包…"), None, self.export_bundle)
        self.import_bundle_action = add(work, tr("导入同步包…"), None, self.import_bundle)
        for action in (self.export_bundle_action, self.import_bundle_action):
            action.setEnabled(self.desk.sync is not None)
        self.sync_action.setEnabled(self.desk.sync is not None)
        self.conflicts_action.setEnabled(
            self.desk.sync is not None and self.actor.role in SUPERVISING
        )
        add(work, tr("退出"), QKeySequence.StandardKey.Quit, self.close)
        # the workflow's steps, each with its key (Ctrl+1 … in the order they come) and a
        # mnemonic; a step not open to this application now is greyed out, as its button
        steps = self.menuBar().addMenu(tr("办理(&W)"))
        self.step_actions: dict[str, QAction] = {}
        for key, text, keys in (
            ("accept", tr("受理(&A)", "workflow step"), "Ctrl+1"),
            ("decide", tr("审查(&D)"), "Ctrl+2"),
            ("approve", tr("批准(&V)"), "Ctrl+3"),
            ("issue", tr("开具准迁证(&I)"), "Ctrl+4"),
            ("refuse", tr("不予受理/批准(&R)"), "Ctrl+5"),
            ("void", tr("作废(&X)"), "Ctrl+6"),
            ("print", tr("打印(&P)…"), None),
        ):
            button = self.step_buttons[key]
            action = add(steps, text, keys, lambda *_a, b=button: self._take_step(b))
            if keys is not None:  # the button says its key (受理 keeps it for when it may)
                shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                button.setProperty("keys", shown)
                button.setToolTip(shown)
            else:  # its key is the 受理 menu's 打印 (one action per key): said here too
                printing = self.print_action.shortcut()
                action.setText(
                    f"{text}\t{printing.toString(QKeySequence.SequenceFormat.NativeText)}"
                )
            self.step_actions[key] = action
        steps.aboutToShow.connect(self._steps_open_now)
        settings = self.menuBar().addMenu(tr("设置(&S)"))
        languages = settings.addMenu(tr("界面语言"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = add(languages, name, None, lambda *_a, c=code: self.choose_language(c))
            action.setCheckable(True)
            action.setChecked(code == i18n.preferred(self.desk.data_folder))
            group.addAction(action)
            self.language_actions[code] = action
        self.help_actions = install_help_menu(self, self.desk)  # 帮助: 关于, 导出诊断包

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
        key_file = self.desk.key_file
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
                self.desk.sync, self.desk.runner, self.sync_label, self, bus=self.bus
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
        ConflictsDialog(self.desk.sync, self.actor, self.desk.runner, self).exec()
        if self.sync_controller is not None:
            self.sync_controller.refresh()

    @property
    def dirty(self) -> bool:
        """Unsaved work on the application page."""
        return self.application.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.application.dirty = value

    def save(self, *, quiet: bool = False) -> None:
        if self.stack.currentWidget() is self.intake_page:
            self.application.save(quiet=quiet)

    def step(self, action: Action) -> None:
        self.application.step(action)

    def choose_print(self) -> None:
        self.application.choose_print()

    def show_applicant_screen(self) -> None:
        """On the second screen, or as a window when there is only one (training)."""
        self.applicant_screen.show_facing_applicant(self.screen())

    def applicant_confirmed(self) -> None:
        """The clerk asked; the applicant said the screen is right."""
        if not self._locked() and self.stack.currentWidget() is self.intake_page:
            self.applicant_screen.confirm(via="clerk")

    def read_card(self) -> None:
        self.application.read_card()

    def focus_next_question(self) -> None:
        """F4: back to the questions, at the next one still open (a relative added may
        have opened one again), from anywhere on the application page."""
        if not self._locked() and self.stack.currentWidget() is self.intake_page:
            self.intake.focus_next_question()

    def choose_language(self, language: str) -> None:
        """Kept for this machine and applied at the next start: the window in use is not
        rebuilt under the clerk's hands."""
        try:
            i18n.set_preferred(self.desk.data_folder, language)
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, tr("无法保存设置"), "", parent=self)
            box.setText(
                tr(
                    "界面语言没有保存，下次启动仍是现在的语言。请检查本机数据文件夹能否写入，或请管理员处理。"
                )
            )
            box.setDetailedText(str(exc))  # the system's own words, for the IT person
            box.exec()
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
        if tab is self.statistics and self.statistics_scroll is not None:
            tab = self.statistics_scroll  # the page sits in its scroll area
        self.home.setCurrentWidget(tab)

    def show_collectives(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.show_home(self.collectives)
        self.collectives.table.setFocus()

    def _home_tab_changed(self, index: int) -> None:
        if self.home.widget(index) is self.collectives:
            self.collectives.refresh()
        elif self.statistics is not None and self.home.widget(index) is self.statistics_scroll:
            self.statistics.refresh()

    def _locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_page

    # --- the queue ------------------------------------------------------------------

    def _steps_open_now(self) -> None:
        on_page = self.stack.currentWidget() is self.intake_page
        for key, action in self.step_actions.items():
            action.setEnabled(on_page and self.step_buttons[key].isEnabled())

    def _take_step(self, button: QPushButton) -> None:
        """A step from the menu or its key: as its button, when its button may be pressed."""
        if self.stack.currentWidget() is self.intake_page and button.isEnabled():
            button.click()

    def open_selected(self) -> None:
        table = self.queue.table
        if not table.currentIndex().isValid() and self.queue_model.rowCount():
            # Enter with no row chosen yet opens the first, where the cursor would be,
            # at once: not one Enter to choose it and another to open it
            table.setCurrentIndex(self.queue_model.index(0, 0))
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
        self.application.show_view(view)
        self.stack.setCurrentWidget(self.intake_page)
        self.intake.id_number.setFocus()

    def new_application(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.application.new()
        self.stack.setCurrentWidget(self.intake_page)
        self.intake.id_number.setFocus()

    def back(self) -> None:
        if self._locked() or not self._may_leave():
            return
        self.show_home(self.queue)  # the list is current: change records refreshed it
        self.queue.search.setFocus()

    # --- the audit trail (supervisors) -------------------------------------------------

    def show_audit(self) -> None:
        if self._locked():
            return
        self.audit = AuditDialog(self.desk.audit, self.actor, self.desk.runner, self)
        self.audit.show()

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
        self.application.new()  # a new form: nothing of the one before stays
        self.intake.load_data(data, number=None, state="", version=0)
        self.application.show_state()
        self.stack.setCurrentWidget(self.intake_page)

    # --- the screen lock -------------------------------------------------------------------

    def check_idle(self) -> None:
        if not self._locked() and self.idle.locked:
            self.lock_screen()
        self.watch_queue()

    def watch_queue(self) -> None:
        """Changes made behind the desk's back (the command line, another desk on this
        store, a sync round) reach the queue within one tick of the idle timer: the
        store's fingerprint is read on the database worker while the queue is shown."""
        watch = self.desk.queue_watch
        if watch is None or self._locked() or self.stack.currentWidget() is not self.home:
            return
        actor = self.actor

        def compare(seen: tuple[int, str]) -> None:
            if self._queue_seen is not None and seen != self._queue_seen:
                self.queue_model.refresh()
            self._queue_seen = seen

        self.desk.runner.store(
            lambda: watch.fingerprint(actor),
            compare,
            lambda exc: log.warning("the queue's watch could not read the store: %s", exc),
        )

    def lock_screen(self) -> None:
        if self._locked():
            return
        self._before_lock = self.stack.currentWidget()
        self.idle.lock()
        self.stack.setCurrentWidget(self.lock_page)
        self.applicant_screen.hide()  # nobody's data faces the counter while locked
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
        self.applicant_screen.close()
        event.accept()
