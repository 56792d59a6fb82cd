"""One application's page: the intake with its decision, the state line, and the step
buttons (save, accept, decide, approve, issue the permit, refuse, void, print).

Every write goes through a named operation (``ui.operations``); the page redraws its
state line and buttons from the change record the operation announces, never by hand."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.models.workflow import Action, State, allowed_actions
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.services.applications import ApplicationInput, ApplicationView
from caseworker.services.base import Actor
from caseworker.services.id_reader import CardData
from caseworker.services.permissions import SUPERVISING, may_take
from caseworker.services.printing import Printed
from caseworker.services.sync import SyncStatus
from ui.card_read import CardView, may_replace
from ui.desk import Desk
from ui.errors import describe, show_error
from ui.flow_layout import FlowLayout
from ui.i18n import term, tr
from ui.intake import IntakePage
from ui.login import CountersignDialog
from ui.operations import ChangeBus, Changes, Operations
from ui.print_preview import PrintPreview, safe_file_name
from ui.queue_model import state_name

AUTOSAVE_MS = 30_000
STEPS = (
    ("save", Action.EDIT),
    ("accept", Action.ACCEPT),
    ("decide", Action.DECIDE),
    ("approve", Action.APPROVE),
    ("issue", Action.ISSUE_PERMIT),
    ("refuse", Action.REFUSE),
    ("void", Action.VOID),
)

log = logging.getLogger("caseworker.desk")


class ApplicationPage(QWidget):
    """The intake, the state of the application and what can be done with it now."""

    message = Signal(str, int)  # a line for the status bar, and how long it stays (ms)

    def __init__(
        self,
        desk: Desk,
        operations: Operations,
        bus: ChangeBus,
        *,
        locked: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor = desk.login.actor
        self.operations = operations
        self._locked = locked
        self.dirty = False
        # which form is on the page: a new one (F2) or an application opened counts on,
        # so a save's answer that comes back after it is not taken for the next form's
        self._form = 0
        self.intake = IntakePage(desk.evaluation, desk.runner, self)
        self.intake.changed.connect(self.mark_dirty)
        self.intake.read_card.clicked.connect(self.read_card)
        self.intake.panel.document_ticked.connect(self._document_ticked)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("applicationState")
        header = QHBoxLayout()
        header.addWidget(self.state_label, 1)
        self.card_view = CardView(self)  # the card last read: expired? its photo
        header.addWidget(self.card_view, 1)
        page.addLayout(header)
        page.addWidget(self.intake, 1)
        # the result of 受理: the receipt number, large, and the button that prints it
        result = QHBoxLayout()
        self.receipt_label = QLabel(self)
        self.receipt_label.setObjectName("receiptNumber")
        font = self.receipt_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.receipt_label.setFont(font)
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_receipt = QPushButton(tr("打印回执(&R)"), self)
        self.print_receipt.setObjectName("printReceipt")
        self.print_receipt.clicked.connect(lambda: self.print_document(DocumentKind.RECEIPT))
        self.print_receipt.setMinimumWidth(self.print_receipt.sizeHint().width())
        # focused after 受理: Enter prints it (a button outside a dialog takes only Space
        # unless it is an auto-default one)
        self.print_receipt.setAutoDefault(True)
        result.addWidget(self.receipt_label, 1)
        result.addWidget(self.print_receipt)
        result.setContentsMargins(6, 0, 6, 0)
        page.addLayout(result)
        self._show_receipt(None)
        # the steps wrap onto a second line when the window is narrow (English, 150 %)
        bar_box = QWidget(self)
        bar_box.setObjectName("stepBar")
        bar = FlowLayout(bar_box)
        bar.setContentsMargins(6, 2, 6, 2)
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
            button = QPushButton(text, bar_box)
            button.setObjectName(f"step:{key}")
            button.setAutoDefault(True)  # Enter on a focused step takes it, as Space does
            bar.addWidget(button)
            self.step_buttons[key] = button
        page.addWidget(bar_box)
        # why 受理 cannot be taken yet, shown beside the disabled button
        self.accept_reason = QLabel(self)
        self.accept_reason.setObjectName("acceptReason")
        self.accept_reason.setWordWrap(True)
        self.accept_reason.setStyleSheet("color: #8a4b00")
        self.accept_reason.hide()
        page.addWidget(self.accept_reason)
        self.intake.changed.connect(self.show_state)
        self.step_buttons["save"].clicked.connect(self.save)
        for key, action in STEPS[1:]:
            self.step_buttons[key].clicked.connect(lambda _c=False, a=action: self.step(a))
        self.step_buttons["print"].clicked.connect(self.choose_print)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save(quiet=True))
        bus.changed.connect(self._changed)

    # --- what is shown --------------------------------------------------------------

    def _show_receipt(self, number: str | None) -> None:
        """The receipt number (受理回执编号) of the application shown, large, once it has one."""
        self.receipt_label.setText(
            tr("受理回执编号：{number}").format(number=number) if number else ""
        )
        self.receipt_label.setVisible(bool(number))
        self.print_receipt.setVisible(bool(number))

    def show_view(self, view: ApplicationView) -> None:
        """An application opened from the store."""
        self._form += 1
        self._show_receipt(view.receipt_number)
        self.intake.load_view(view)
        self.intake.panel.set_seen(set())
        self.card_view.clear()
        self.dirty = False
        self.show_state()

    def new(self) -> None:
        self._form += 1
        self._show_receipt(None)
        self.intake.clear()
        self.card_view.clear()
        self.dirty = False
        self.show_state()

    def mark_dirty(self) -> None:
        self.dirty = True
        self._autosave.start()

    def _changed(self, changes: Changes) -> None:
        """A change record: the application shown, as it now stands in the store."""
        if changes.applications:
            self._read_again()
            return
        view = changes.view
        if view is None or changes.application != self.intake.number:
            return
        self.intake.number, self.intake.state = view.number, view.state
        self.intake.version = view.version
        self._show_receipt(view.receipt_number)
        self.show_state()

    def _read_again(self) -> None:
        """Any application may have changed (a sync round, a bundle): the one shown is
        read again. Unedited, a newer version is shown; with the clerk's edits on screen
        the form stays as it is, on the version it was opened at, so their save is
        refused as made on a stale version rather than written over the change."""
        number, form = self.intake.number, self._form
        if number is None:
            return

        def read(view: ApplicationView) -> None:
            if form != self._form or view.version == self.intake.version:
                return  # another form meanwhile, or nothing new for this one
            if self.dirty:
                said = tr("申请 {number} 已在同步中更新；您的修改尚未保存，保存时会提示重新打开。")
                self.message.emit(said.format(number=number), 8000)
                return
            self.show_view(view)

        self.desk.runner.store(
            lambda: self.desk.apps.get(number),
            read,
            lambda exc: log.warning("the application shown could not be read again: %s", exc),
        )

    def show_state(self) -> None:
        number = self.intake.number
        if number is None:
            self.state_label.setText(tr("新申请（未保存）"))
        else:
            state = State(self.intake.state)
            self.state_label.setText(
                tr("申请 {number}：{state}").format(number=number, state=state_name(state))
            )
        allowed = (
            {
                a.value
                for a in allowed_actions(State(self.intake.state))
                if may_take(self.actor, a)  # a clerk's 批准 is not offered, only refused
            }
            if number
            else set()
        )
        writable = not self.desk.read_only
        self.step_buttons["save"].setEnabled(writable and (number is None or "edit" in allowed))
        for key in ("accept", "decide", "approve", "refuse", "void"):
            self.step_buttons[key].setEnabled(writable and key in allowed)
        self.step_buttons["issue"].setEnabled(writable and Action.ISSUE_PERMIT.value in allowed)
        missing = self.intake.acceptance_missing() if "accept" in allowed and writable else ""
        accept = self.step_buttons["accept"]
        accept.setEnabled(accept.isEnabled() and not missing)
        accept.setToolTip(missing or str(accept.property("keys") or ""))
        self.accept_reason.setText(missing)
        self.accept_reason.setVisible(bool(missing))
        self.step_buttons["print"].setEnabled(number is not None)

    # --- saving and the steps --------------------------------------------------------

    def save(self, *, quiet: bool = False) -> None:
        if self._locked() or not self.isVisible():
            return
        if self.desk.read_only:
            if not quiet:
                QMessageBox.information(self, tr("只读"), tr("存储已损坏，只能查看。"))
            return

        form = self._form

        def done(view: ApplicationView) -> None:
            when = datetime.now().strftime("%H:%M:%S")
            said = tr("已自动保存 {number} {time}") if quiet else tr("已保存 {number} {time}")
            self.message.emit(said.format(number=view.number, time=when), 8000)
            if form != self._form:  # F2 or another application meanwhile: not this form's
                return
            if self.intake.number is None:  # a new draft: from now on the page shows it
                self.intake.number = view.number
                self._changed(Changes("save", application=view.number, view=view))
            self.dirty = False
            self._attach_scans(view.number)

        def failed(exc: Exception) -> None:
            if quiet:  # an autosave of a form not complete yet: try again later
                _title, reason = describe(exc)
                self.message.emit(tr("未自动保存：{reason}").format(reason=reason), 8000)
            else:
                show_error(self, exc)

        given = ApplicationInput(
            answers=self.intake.application_data(),
            number=self.intake.number,
            version=self.intake.version,  # the version shown: a stale one is refused
        )
        self.operations.save(self.actor, given, done=done, failed=failed)

    def _attach_scans(self, number: str) -> None:
        """The images the clerk accepted from the scanner, kept with the application now
        that it is saved (never before: nothing unconfirmed is stored)."""
        scans, self.intake.pending_scans = self.intake.pending_scans, []
        for filename, content, media_type, fields in scans:
            self.operations.attach_scan(
                self.actor,
                number=number,
                filename=filename,
                content=content,
                media_type=media_type,
                fields=fields,
                done=lambda _a: None,
                failed=lambda exc: show_error(self, exc),
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
        reason = ""
        if action in {Action.REFUSE, Action.VOID}:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                tr("理由"),
                tr("请写明理由（将打印在告知书上）："),
            )
            if not ok or not reason.strip():
                return
        sync = self.desk.sync
        if (
            action == Action.ISSUE_PERMIT
            and sync is not None
            and self.actor.role not in SUPERVISING
        ):
            # past the days without sync allowed, a supervisor countersigns: the sync
            # status is read on the database worker, never here
            self.desk.runner.store(
                sync.status, self._permit_status, lambda exc: show_error(self, exc)
            )
            return
        self._step_as(self.actor, action, number=number, reason=reason)

    def _step_as(self, actor: Actor, action: Action, *, number: str, reason: str = "") -> None:
        def stepped(view: ApplicationView) -> None:
            self.message.emit(f"{view.number}: {state_name(State(view.state))}", 8000)
            if action == Action.ACCEPT and view.receipt_number:
                # the clerk sees the step's result and prints it with one key
                self._show_receipt(view.receipt_number)
                self.print_receipt.setFocus(Qt.FocusReason.OtherFocusReason)

        self.operations.step(
            actor,
            action,
            number=number,
            reason=reason,
            done=stepped,
            failed=lambda exc: show_error(self, exc),
        )

    def _permit_status(self, status: SyncStatus) -> None:
        """Past the days without sync allowed, a clerk's permit is issued by a supervisor
        who signs in here for it (audited as their login); the dialog is window-modal and
        the login (argon2) runs on the database worker."""
        number = self.intake.number
        if number is None:
            return
        if not status.stale:
            self._step_as(self.actor, Action.ISSUE_PERMIT, number=number)
            return
        dialog = CountersignDialog(
            tr("本机已 {days:.0f} 天未同步。开具准迁证需审核人员登录确认。").format(
                days=status.days_without_sync or 0
            ),
            self,
        )
        dialog.accepted.connect(lambda: self._countersign(dialog, number))
        self.countersign_dialog = dialog
        dialog.open()

    def _countersign(self, dialog: CountersignDialog, number: str) -> None:
        users = self.desk.users
        username, password = dialog.username.text(), dialog.password.text()

        def work() -> Actor:
            login = users.login(username, password, source="countersign")
            users.logout(login, reason="permit countersigned")
            return login.actor

        def signed(actor: Actor) -> None:
            if actor.role not in SUPERVISING:
                dialog.error.setText(tr("需要审核人员（supervisor）的账号"))
                dialog.open()
                return
            self._step_as(actor, Action.ISSUE_PERMIT, number=number)

        def refused(exc: Exception) -> None:
            dialog.error.setText(describe(exc)[1])
            dialog.open()

        self.desk.runner.store(work, signed, refused)

    def _document_ticked(self, name: str, ticked: bool) -> None:
        number = self.intake.number
        if not ticked or number is None:
            return
        self.operations.mark_document_seen(
            self.actor,
            number=number,
            name=name,
            done=lambda _r: self.message.emit(tr("已核验材料：{name}").format(name=name), 5000),
            failed=lambda exc: show_error(self, exc),
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

        def printed(done: Printed) -> None:
            title = term(TITLES[kind], kind.value.replace("_", " "))
            self.preview = PrintPreview(
                done.pdf,
                f"{title} {done.record.number}",
                self,
                file_name=f"{safe_file_name(title)}-{number}.pdf",
            )
            self.preview.show()

        self.operations.print_document(
            self.actor,
            number=number,
            kind=kind,
            reprint=reprint,
            done=printed,
            failed=lambda exc: show_error(self, exc),
        )

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

    def _card_read(self, card: CardData) -> None:
        intake = self.intake
        # another person's data in the form: asked first, and replaced only if confirmed
        if not may_replace(self, card=card, number=intake.number, current=intake.id_number.text()):
            return
        if intake.id_number.text().strip().upper() != card.id_number:
            intake.applicant_name.clear()
            intake.records["ethnicity"].clear()
        self.card_view.show_card(card)
        self.intake.id_number.setText(card.id_number)
        self.intake._check_id_as_typed(card.id_number)
        self.intake.card_name = card.name
        if not self.intake.applicant_name.text().strip():
            self.intake.applicant_name.setText(card.name)
        if card.ethnicity and not self.intake.records["ethnicity"].text():
            self.intake.records["ethnicity"].setText(card.ethnicity)
        self.mark_dirty()
        self.intake.schedule()
        self.intake.applicant_name.setFocus()
