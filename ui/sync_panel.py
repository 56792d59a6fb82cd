"""Sync in the desk: a round on a timer (when the backoff allows), on reconnect and on
demand (F9), off the GUI thread; the status bar's sync label; the stale-sync warning;
and the supervisor's queue of conflicts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.base import Actor
from caseworker.services.sync import (
    CONFLICT_ZH,
    ConflictView,
    RoundSummary,
    SyncService,
    SyncStatus,
)
from ui.errors import describe as describe_error
from ui.files import save_bytes
from ui.i18n import tr
from ui.operations import ChangeBus, Changes
from ui.tasks import TaskRunner

log = logging.getLogger("caseworker.desk")
TIMER_MS = 60_000


def describe(status: SyncStatus) -> str:
    if not status.enrolled:
        return tr("同步：未注册中心（待发 {n}）").format(n=status.waiting)
    last = f"{status.last_success_at:%m-%d %H:%M}" if status.last_success_at else tr("从未")
    text = tr("同步：{last} · 待发 {n}").format(last=last, n=status.waiting)
    problems = status.set_aside + status.conflicts
    if problems:
        text += tr(" · 待处理 {n}").format(n=problems)
    if status.last_error:
        text += tr(" · 连接失败")
    if status.last_bundle_at is not None:
        back = f"{status.last_return_at:%m-%d %H:%M}" if status.last_return_at else tr("未回")
        text += tr(" · 同步包 {left} 送出，{back} 回执").format(
            left=f"{status.last_bundle_at:%m-%d %H:%M}", back=back
        )
    return text


def _synced(operation: str) -> Changes:
    """What a sync round or a bundle may have changed: any application (states, flags,
    answers the centre returned), the collectives and the counts."""
    return Changes(operation, applications=True, queue=True, collectives=True, statistics=True)


def changed_anything(summary: RoundSummary) -> bool:
    return bool(
        summary.sent
        or summary.applied
        or summary.replayed
        or summary.conflicts
        or summary.set_aside
        or summary.packs
        or any(summary.pulled.values())
    )


class SyncController(QObject):
    """``bus``: where a round or a bundle that changed something announces it, so the
    queue and the application shown read the store again (not at the queue's next poll)."""

    def __init__(
        self,
        sync: SyncService,
        runner: TaskRunner,
        label: QLabel,
        parent: QWidget,
        *,
        bus: ChangeBus | None = None,
    ) -> None:
        super().__init__(parent)
        self.bus = bus
        self.sync = sync
        self.runner = runner
        self.label = label
        self.window = parent
        self.running = False
        self.warned_stale = False
        self.timer = QTimer(self)
        self.timer.setInterval(TIMER_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._watch_network()
        self.refresh()

    def _watch_network(self) -> None:
        """A round as soon as the network comes back, where Qt can tell."""
        try:
            from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        if reachability == QNetworkInformation.Reachability.Online:
            self.run_now()

    def refresh(self) -> None:
        """Read the sync state on the database worker, never on the GUI thread."""
        self.runner.store(self.sync.status, self._show, self._failed)

    def _show(self, status: SyncStatus) -> None:
        self.label.setText(describe(status))
        self.label.setToolTip(status.last_error or status.central_url)
        self.label.setStyleSheet("color: #b00020" if status.stale or status.last_error else "")
        if status.stale and not self.warned_stale:
            self.warned_stale = True
            QMessageBox.warning(
                self.window,
                tr("长时间未同步"),
                tr(
                    "本机已 {days:.0f} 天未与中心同步（允许 {allowed} 天）。"
                    "他处的落户信息可能未知；在同步之前，准迁证须由审核人员开具。"
                ).format(days=status.days_without_sync or 0, allowed=status.stale_days),
            )

    def tick(self) -> None:
        if not self.running:
            self.runner.store(self.sync.due, self._maybe_run, self._failed)

    def _maybe_run(self, due: bool) -> None:
        if due:
            self.run_now()

    def run_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.label.setText(tr("同步：进行中…"))
        self.runner.compute(self.sync.sync, self._done, self._failed)

    def export_bundle(self, actor: Actor, path: Path) -> None:
        """Write the outbox as a bundle onto the removable drive (off the GUI thread)."""

        def work() -> tuple[bytes, int]:
            return self.sync.export_bundle(actor)

        def done(result: tuple[bytes, int]) -> None:
            data, count = result
            if save_bytes(self.window, path, data):
                self.window.statusBar().showMessage(  # type: ignore[attr-defined]
                    tr("同步包已写入 {file}：{count} 项操作；回执带回前它们仍在待发队列中").format(
                        file=path, count=count
                    ),
                    10_000,
                )
            self.refresh()

        self.runner.compute(work, done, self._refused)

    def import_bundle(
        self, actor: Actor, path: Path, ask_return: Callable[[Path], Path | None]
    ) -> None:
        """A township's bundle is carried in (the return bundle saved where the clerk
        says); a return bundle for this desk is applied."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self.window, tr("无法读取"), f"{path}: {exc.strerror}")
            return

        def done(result: tuple[str, bytes | None, RoundSummary]) -> None:
            what, answer, summary = result
            self._announce("import_bundle", summary)
            if what == "relayed" and answer is not None:
                target = ask_return(path.with_name(path.name + ".return"))
                if target is not None and save_bytes(self.window, target, answer):
                    QMessageBox.information(
                        self.window,
                        tr("同步包"),
                        tr("已送交中心。回执包已写入 {file}，请带回乡镇办公室导入。").format(
                            file=target
                        ),
                    )
            else:
                QMessageBox.information(
                    self.window,
                    tr("同步包"),
                    tr(
                        "回执已导入：确认 {applied} 项，冲突 {conflicts} 项，搁置 {aside} 项。"
                    ).format(
                        applied=summary.applied + summary.replayed,
                        conflicts=summary.conflicts,
                        aside=summary.set_aside,
                    ),
                )
            self.refresh()

        self.runner.compute(lambda: self.sync.import_bundle(actor, data), done, self._refused)

    def _refused(self, exc: Exception) -> None:
        """A bundle refused: worded by ``ui.errors`` in the desk's language."""
        QMessageBox.warning(self.window, tr("同步包"), describe_error(exc)[1])
        self.refresh()

    def _announce(self, operation: str, summary: RoundSummary) -> None:
        if self.bus is not None and changed_anything(summary):
            self.bus.changed.emit(_synced(operation))

    def _done(self, summary: RoundSummary) -> None:
        self.running = False
        self._announce("sync", summary)  # a round stopped half-way may have applied some
        self.refresh()
        if not isinstance(self.window, QMainWindow):
            return
        if not summary.ok:
            # the reason is the transport's English (for the log and the command line)
            log.warning("sync round failed: %s", summary.error)
            self.window.statusBar().showMessage(
                tr("同步未完成：连接不上中心系统或中心拒绝了这次同步，稍后会自动重试。"), 8000
            )
        elif summary.conflicts or summary.set_aside or summary.warnings:
            self.window.statusBar().showMessage(tr("同步完成，有需审核人员处理的事项"), 8000)

    def _failed(self, exc: Exception) -> None:
        self.running = False
        self.label.setText(tr("同步：{error}").format(error=describe_error(exc)[1]))


# what each kind of conflict means for the supervisor, and what to do
CONFLICT_ADVICE: dict[str, object] = {
    "person_elsewhere": QT_TRANSLATE_NOOP(
        "", "其他派出所也有同一人的申请：请与对方联系，确认由哪一处办理。"
    ),
    "settlement_taken": QT_TRANSLATE_NOOP(
        "", "此人已在其他派出所落户：请与对方核实，必要时作废本处申请。"
    ),
    "pack_changed": QT_TRANSLATE_NOOP("", "规则包已更新：请重新审查这份申请。"),
    "rejected": QT_TRANSLATE_NOOP(
        "", "中心拒收了本机发出的一项操作：请核对后点“重新发送被拒收的操作”，或告知管理员。"
    ),
    "pull_skipped": QT_TRANSLATE_NOOP(
        "", "本机有尚未同步的修改，中心的更新暂未写入：下次同步后会再试。"
    ),
    "pack_refused": QT_TRANSLATE_NOOP(
        "", "中心发来的规则包未通过校验，仍使用原规则包：请告知管理员。"
    ),
    "audit_trail": QT_TRANSLATE_NOOP("", "审计链与中心记录不符：请立即告知管理员。"),
}


def conflict_advice(kind: str) -> str:
    """A conflict in the desk's language: what happened and what to do."""
    advice = CONFLICT_ADVICE.get(kind)
    return (
        tr(str(advice))
        if advice is not None
        else tr("同步时出现需要人工处理的情况：请告知管理员。")
    )


class ConflictsDialog(QDialog):
    """The supervisor's queue: what sync could not settle by itself."""

    def __init__(
        self,
        sync: SyncService,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sync = sync
        self.actor = actor
        self.runner = runner  # the conflicts are read and resolved on the database worker
        self.setWindowTitle(tr("同步冲突"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("时间"), tr("类别"), tr("对象"), tr("说明")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.resend = QCheckBox(tr("重新发送被拒收的操作"), self)
        layout.addWidget(self.resend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.resolve_button = buttons.addButton(
            tr("处理所选"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.resolve_button.clicked.connect(self.resolve_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rows: list[ConflictView] = []
        self.load()

    def load(self) -> None:
        self.runner.store(
            lambda: self.sync.conflicts(self.actor),
            self._show,
            lambda exc: self._warn(tr("同步冲突"), exc),
        )

    def _warn(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self, title, describe_error(exc)[1])

    def _show(self, rows: list[ConflictView]) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, conflict in enumerate(self.rows):
            kind = CONFLICT_ZH.get(conflict.kind) or tr("其他")
            said = conflict_advice(conflict.kind)
            for col, value in enumerate(
                (f"{conflict.at:%Y-%m-%d %H:%M}", kind, conflict.subject, said)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.ToolTipRole, said)
                self.table.setItem(r, col, item)
            # the centre's own words (English, for the IT person) stay in the log
            log.info("sync conflict %s %s: %s", conflict.kind, conflict.subject, conflict.message)

    def resolve_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            return
        note, ok = QInputDialog.getText(self, tr("处理冲突"), tr("处理情况（记入审计日志）："))
        if not ok:
            return
        chosen, resend = self.rows[row].id, self.resend.isChecked()
        self.runner.store(
            lambda: self.sync.resolve(self.actor, chosen, note, resend=resend),
            lambda _r: self.load(),
            lambda exc: self._warn(tr("无法处理"), exc),
        )
