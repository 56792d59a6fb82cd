"""The audit trail for supervisors: events newest first, filtered by user, action or
application, paged as the view scrolls; and the chain verified on demand.

Each action is shown by its name (受理, 登录失败, 打印准予迁入证明) and an event's details
as 字段：值 lines (``caseworker.services.audit_names``); the action filter takes a name
in either language, or the start of a code."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
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
from caseworker.services.audit_names import action_name, actions_named, detail_lines
from caseworker.services.base import Actor
from ui.audit_words import finding_text
from ui.errors import describe
from ui.i18n import english, term, tr
from ui.paged_model import PagedTableModel
from ui.tasks import TaskRunner


class AuditModel(PagedTableModel):
    PAGE = 200
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "序号"),
        QT_TRANSLATE_NOOP("", "时间"),
        QT_TRANSLATE_NOOP("", "用户"),
        QT_TRANSLATE_NOOP("", "操作"),
        QT_TRANSLATE_NOOP("", "内容"),
    )

    def __init__(
        self, trail: AuditService, actor: Actor, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._trail, self._actor = trail, actor
        self._filters: dict[str, Any] = {}

    def set_filters(self, **filters: Any) -> None:
        """``action`` is a name as the view shows it (or the start of a code)."""
        self._filters = {k: v for k, v in filters.items() if v}
        named = self._filters.pop("action", None)
        if named:
            self._filters["actions"] = actions_named(str(named))
        self.refresh()

    def fetch_page(self, page: int, last: Any | None) -> tuple[list[Any], bool]:
        before = last.id if last is not None else None  # keyset paging: newest first
        rows = self._trail.events(self._actor, limit=self.PAGE, before_id=before, **self._filters)
        return rows, len(rows) == self.PAGE

    def cell(self, item: EventView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return item.action  # the code, for whoever reads the log files beside it
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            str(item.seq or "—"),
            f"{item.at:%Y-%m-%d %H:%M:%S}",
            item.actor,
            term(*action_name(item.action, item.detail)),
            "\n".join(detail_lines(item.detail, zh=not english())),
        )[column]


class AuditDialog(QDialog):
    def __init__(
        self,
        trail: AuditService,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("审计日志"))
        self.resize(1000, 600)
        self._trail, self._actor, self._runner = trail, actor, runner
        self.model = AuditModel(trail, actor, runner, self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(tr("用户"))
        self.action = QLineEdit(self)
        self.action.setPlaceholderText(tr("操作，例如 登录、受理、打印"))
        self.application = QLineEdit(self)
        self.application.setPlaceholderText(tr("申请编号"))
        self.verify_button = QPushButton(tr("校验链条"), self)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("auditResult")
        self.verdict.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.user, self.action, self.application, self.verify_button):
            bar.addWidget(widget)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        self.model.rowsInserted.connect(lambda *_: self.table.resizeRowsToContents())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.verdict)
        for edit in (self.user, self.action, self.application):
            edit.returnPressed.connect(self.apply_filters)
        self.verify_button.clicked.connect(self.verify)
        self.model.failed.connect(lambda exc: self.verdict.setText(describe(exc)[1]))
        self.apply_filters()

    def apply_filters(self) -> None:
        self.model.set_filters(
            user=self.user.text().strip(),
            action=self.action.text().strip(),
            application=self.application.text().strip(),
        )

    def verify(self) -> None:
        self.verdict.setText(tr("正在校验…"))
        self._runner.store(
            lambda: self._trail.verify(self._actor),
            self._verified,
            lambda exc: self.verdict.setText(describe(exc)[1]),
        )

    def _verified(self, report: Any) -> None:
        if report.ok:
            self.verdict.setText(
                tr("完好：共 {events} 条，链条完整。").format(events=report.events)
            )
            return
        lines = [finding_text(f.kind, f.seq) for f in report.findings[:20]]
        self.verdict.setText(
            tr("<b>不完整</b>：{problems} 处问题").format(problems=len(report.findings))
            + "<br>"
            + "<br>".join(lines)
        )
