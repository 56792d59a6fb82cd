"""The statistics tab (统计): the week (or any period) at a glance — a bar chart and the
table behind it, grouped by period, route, zone, street, outcome or the relatives' relation
and age band — with a drill-down to the applications behind a row and, for supervisors,
the exports for the departments. Numbers only: no names on this page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.base import Actor
from caseworker.services.permissions import SUPERVISING
from caseworker.services.statistics import (
    BY,
    BY_ZH,
    DEPARTMENTS,
    TOTAL,
    StatisticsService,
    Table,
)
from ui.errors import show_error
from ui.files import save_bytes
from ui.i18n import term, tr
from ui.operations import Changes
from ui.tasks import TaskRunner

Index = QModelIndex | Any
#: the core's headings and group names (caseworker.services.statistics), listed for
#: lupdate and translated when drawn
CORE_TEXTS = (
    QT_TRANSLATE_NOOP("", "分组"),
    QT_TRANSLATE_NOOP("", "受理"),
    QT_TRANSLATE_NOOP("", "审查符合"),
    QT_TRANSLATE_NOOP("", "不予批准"),
    QT_TRANSLATE_NOOP("", "办理中"),
    QT_TRANSLATE_NOOP("", "已落户"),
    QT_TRANSLATE_NOOP("", "随迁人员"),
    QT_TRANSLATE_NOOP("", "其中已落户"),
    QT_TRANSLATE_NOOP("", "合计"),
    QT_TRANSLATE_NOOP("", "按日"),
    QT_TRANSLATE_NOOP("", "按周"),
    QT_TRANSLATE_NOOP("", "按月"),
    QT_TRANSLATE_NOOP("", "按落户途径"),
    QT_TRANSLATE_NOOP("", "按政策"),
    QT_TRANSLATE_NOOP("", "按片区"),
    QT_TRANSLATE_NOOP("", "按街道"),
    QT_TRANSLATE_NOOP("", "按办理结果"),
    QT_TRANSLATE_NOOP("", "随迁人员按关系"),
    QT_TRANSLATE_NOOP("", "随迁人员按年龄段"),
)
FORMATS = {"CSV (*.csv)": "csv", "Excel (*.xlsx)": "xlsx", "PDF (*.pdf)": "pdf"}


# the departments' names in the English interface (the service names them in Chinese)
DEPARTMENT_EN = {
    "development": "Development and Reform",
    "housing": "Housing and Urban-Rural Development",
    "education": "Education",
    "civil_affairs": "Civil Affairs",
    "human_resources": "Human Resources and Social Security",
    "health": "Health",
}


class StatisticsModel(QAbstractTableModel):
    """One aggregate table and its totals row, read only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rows(self) -> Sequence[tuple[Any, ...]]:
        if self.table is None:
            return ()
        return (*self.table.rows, self.table.totals)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self.table is None
            or role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or not 0 <= section < len(self.table.columns)
        ):
            return None
        return tr(self.table.columns[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.rows()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        row = rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()]
            return tr(TOTAL) if value == TOTAL else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BarChart(QWidget):
    """Horizontal bars, one a group: received in blue, settled over it in green — readable
    at a glance without a charting module (PySide6-Essentials has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsChart")
        self.setMinimumHeight(160)
        self.bars: list[tuple[str, int, int]] = []

    def set_table(self, table: Table) -> None:
        self.bars = [
            (str(r[0]), int(r[1]), int(r[5]) if len(r) > 5 else int(r[2])) for r in table.rows
        ]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("这段时间没有申请"))
            return
        shown = self.bars[:24]
        label_width = min(260, self.width() // 3)
        top, step = 6.0, min(34.0, max(12.0, (self.height() - 12) / len(shown)))
        peak = max([1, *(total for _l, total, _s in shown)])
        width = self.width() - label_width - 60
        for n, (label, total, settled) in enumerate(shown):
            y = top + n * step
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(0, y, label_width - 6, step),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            bar = QRectF(label_width, y + step * 0.15, width * total / peak, step * 0.7)
            painter.fillRect(bar, QColor("#90b8e0"))
            painter.fillRect(
                QRectF(bar.x(), bar.y(), width * settled / peak, bar.height()), QColor("#2e7d32")
            )
            painter.drawText(
                QRectF(bar.right() + 4, y, 56, step),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{settled}/{total}",
            )


class StatisticsPage(QWidget):
    open_application = Signal(str)

    def __init__(
        self,
        service: StatisticsService,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.actor, self.runner = service, actor, runner
        today = date.today()
        self.date_from = _date_edit(self, today - timedelta(days=6), "statFrom")
        self.date_to = _date_edit(self, today, "statTo")
        self.by = QComboBox(self)
        self.by.setObjectName("statBy")
        for key in BY:
            self.by.addItem(tr(BY_ZH[key]), key)
        week = QPushButton(tr("最近7天"), self)
        month = QPushButton(tr("本月"), self)
        self.export_button = QPushButton(tr("导出…"), self)
        self.export_button.setEnabled(actor.role in SUPERVISING)
        self.department = QComboBox(self)
        self.department.addItem(tr("当前表"), "")
        for key, (name, _tables) in DEPARTMENTS.items():
            shown = term(name, DEPARTMENT_EN.get(key, key.replace("_", " ")))
            self.department.addItem(tr("送{name}部门").format(name=shown), key)
        self.department.setEnabled(self.export_button.isEnabled())
        bar = QHBoxLayout()
        for widget in (
            QLabel(tr("从"), self),
            self.date_from,
            QLabel(tr("到"), self),
            self.date_to,
            week,
            month,
            self.by,
            self.department,
            self.export_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.model = StatisticsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("statisticsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setVisible(False)
        self.chart = BarChart(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("statisticsSummary")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        week.clicked.connect(lambda: self._period(today - timedelta(days=6), today))
        month.clicked.connect(lambda: self._period(today.replace(day=1), today))
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.refresh)
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.view.doubleClicked.connect(lambda index: self.drill(index.row()))
        for keys in ("Return", "Enter"):
            opener = QShortcut(QKeySequence(keys), self.view)
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
            opener.activated.connect(lambda: self.drill(self.view.currentIndex().row()))

    # --- reading --------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return start, end

    def current_by(self) -> str:
        return str(self.by.currentData())

    def changed(self, changes: Changes) -> None:
        """A change record: the figures are read again when this page is on screen (the
        tab reads them again whenever it is shown)."""
        if changes.statistics and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        start, end = self.period()
        by = self.current_by()
        self.runner.store(
            lambda: self.service.table(self.actor, date_from=start, date_to=end, by=by),
            self._show,
            lambda exc: show_error(self, exc),
        )

    def _show(self, table: Table) -> None:
        self.model.set_table(table)
        self.chart.set_table(table)
        start, end = self.period()
        totals = table.totals
        if len(totals) > 5:
            self.summary.setText(
                tr(
                    "{start} 至 {end}：受理 {received} 件，已落户 {settled} 件，随迁 {relatives} 人"
                ).format(
                    start=start.isoformat(),
                    end=end.isoformat(),
                    received=totals[1],
                    settled=totals[5],
                    relatives=totals[6],
                )
            )
        else:
            self.summary.setText(
                tr("{start} 至 {end}：随迁人员 {relatives} 人").format(
                    start=start.isoformat(), end=end.isoformat(), relatives=totals[1]
                )
            )

    def _period(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.refresh()

    # --- drilling down ----------------------------------------------------------------------

    def drill(self, row: int) -> None:
        """The applications behind a row (not the totals, not the relatives' tables)."""
        table = self.model.table
        if table is None or not 0 <= row < len(table.rows) or table.by not in BY[:8]:
            return
        start, end = self.period()
        by, key = table.by, table.keys[row]  # the table on screen already knows its groups
        self.runner.store(
            lambda: self.service.behind(self.actor, date_from=start, date_to=end, by=by, key=key),
            lambda found: self._behind(str(table.rows[row][0]), found),
            lambda exc: show_error(self, exc),
        )

    def _behind(self, label: str, found: list[tuple[Any, ...]]) -> None:
        self.drill_dialog = BehindDialog(self, label, found)
        self.drill_dialog.chosen.connect(self.open_application)
        self.drill_dialog.show()

    # --- exports ------------------------------------------------------------------------------

    def export(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(self, tr("导出统计"), "", ";;".join(FORMATS))
        if name:
            self.export_to(Path(name), FORMATS.get(chosen) or Path(name).suffix.lstrip("."))

    def export_to(self, path: Path, file_format: str) -> None:
        start, end = self.period()
        department = str(self.department.currentData()) or None
        by: tuple[str, ...] = (self.current_by(),) if department is None else ()
        if file_format == "pdf" and department is None:
            by = ("month", "route", "zone", "street", "outcome", "relation", "age_band")

        def written(data: bytes) -> None:
            if not save_bytes(self, path, data):
                return
            self.summary.setText(tr("已导出到 {file}").format(file=path))

        self.runner.store(
            lambda: self.service.export(
                self.actor,
                date_from=start,
                date_to=end,
                by=by,
                file_format=file_format,
                department=department,
            ),
            written,
            lambda exc: show_error(self, exc),
        )


class BehindDialog(QDialog):
    """The applications counted in one row; Enter (or a double click) opens one."""

    chosen = Signal(str)
    HEADINGS = (
        QT_TRANSLATE_NOOP("", "申请编号"),
        QT_TRANSLATE_NOOP("", "状态"),
        QT_TRANSLATE_NOOP("", "申请日期"),
        QT_TRANSLATE_NOOP("", "区县"),
        QT_TRANSLATE_NOOP("", "街道"),
        QT_TRANSLATE_NOOP("", "审查结果"),
    )

    def __init__(self, parent: QWidget, label: str, found: list[tuple[Any, ...]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            tr("{group} 的申请（{count} 件）").format(group=label, count=len(found))
        )
        self.resize(760, 420)
        self.list = QTableWidget(len(found), len(self.HEADINGS), self)
        self.list.setObjectName("behind")
        self.list.setHorizontalHeaderLabels([tr(h) for h in self.HEADINGS])
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for n, row in enumerate(found):
            for column, value in enumerate(row):
                self.list.setItem(n, column, QTableWidgetItem(str(value)))
        self.list.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(lambda item: self._open(item.row()))
        self.list.doubleClicked.connect(lambda index: self._open(index.row()))

    def _open(self, row: int) -> None:
        item = self.list.item(row, 0)
        if item is not None:
            self.chosen.emit(item.text())
            self.accept()


def _date_edit(parent: QWidget, value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit
