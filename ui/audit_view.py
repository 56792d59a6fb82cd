"""The audit trail for supervisors: events newest first, filtered by user, action or
application, paged as the view scrolls; and the chain verified on demand."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.audit import AuditService, EventView
from caseworker.services.base import Actor
from ui.errors import describe
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("序号 Seq", "时间 When", "用户 User", "操作 Action", "内容 Detail")


class AuditModel(QAbstractTableModel):
    PAGE = 200
    failed = Signal(object)

    def __init__(
        self, trail: AuditService, actor: Actor, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._trail, self._actor, self._runner = trail, actor, runner
        self._rows: list[EventView] = []
        self._filters: dict[str, Any] = {}
        self._more = True
        self._pending = False
        self._generation = 0

    def set_filters(self, **filters: Any) -> None:
        self._filters = {k: v for k, v in filters.items() if v}
        self.beginResetModel()
        # pending already: a view answers the reset by asking for more (see the queue)
        self._rows, self._more, self._pending = [], True, True
        self._generation += 1
        self.endResetModel()
        self._load()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load()

    def _load(self) -> None:
        self._pending = True
        before = self._rows[-1].id if self._rows else None
        generation, filters = self._generation, dict(self._filters)

        def work() -> list[EventView]:
            return self._trail.events(self._actor, limit=self.PAGE, before_id=before, **filters)

        self._runner.store(work, lambda rows: self._arrived(generation, rows), self._failed)

    def _arrived(self, generation: int, rows: list[EventView]) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._more = len(rows) == self.PAGE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _failed(self, exc: Exception) -> None:
        self._pending, self._more = False, False
        self.failed.emit(exc)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= index.column() < len(COLUMNS):
            return None
        event = self._rows[index.row()]
        return (
            str(event.seq or "—"),
            f"{event.at:%Y-%m-%d %H:%M:%S}",
            event.actor,
            event.action,
            json.dumps(event.detail, ensure_ascii=False, sort_keys=True),
        )[index.column()]


class AuditDialog(QDialog):
    def __init__(
        self,
        trail: AuditService,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("审计日志 Audit trail")
        self.resize(1000, 600)
        self._trail, self._actor, self._runner = trail, actor, runner
        self.model = AuditModel(trail, actor, runner, self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText("用户 user")
        self.action = QLineEdit(self)
        self.action.setPlaceholderText("操作 action, e.g. login / application.")
        self.application = QLineEdit(self)
        self.application.setPlaceholderText("申请编号 application number")
        self.verify_button = QPushButton("校验链条 Verify the chain", self)
        self.result = QLabel(self)
        self.result.setObjectName("auditResult")
        self.result.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.user, self.action, self.application, self.verify_button):
            bar.addWidget(widget)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.result)
        for edit in (self.user, self.action, self.application):
            edit.returnPressed.connect(self.apply_filters)
        self.verify_button.clicked.connect(self.verify)
        self.model.failed.connect(lambda exc: self.result.setText(describe(exc)[1]))
        self.apply_filters()

    def apply_filters(self) -> None:
        self.model.set_filters(
            user=self.user.text().strip(),
            action=self.action.text().strip(),
            application=self.application.text().strip(),
        )

    def verify(self) -> None:
        self.result.setText("正在校验 verifying…")
        self._runner.store(
            lambda: self._trail.verify(self._actor),
            self._verified,
            lambda exc: self.result.setText(describe(exc)[1]),
        )

    def _verified(self, report: Any) -> None:
        if report.ok:
            self.result.setText(f"完好 Intact: {report.events} events, the chain holds.")
            return
        lines = [f"{f.kind}: {f.message}" for f in report.findings[:20]]
        self.result.setText(
            f"<b>不完整 NOT intact</b>: {len(report.findings)} problems<br>" + "<br>".join(lines)
        )
