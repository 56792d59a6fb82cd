"""The queue tab: applications found by ID number, name (汉字, pinyin or initials) or
number, filtered by state and date, opened with Enter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.models.workflow import OPEN_STATES, State
from ui.i18n import tr
from ui.operations import Changes
from ui.queue_model import ApplicationQueueModel, QueueFilter, state_name


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
        number = self.model.data(index.siblingAtColumn(0), Qt.ItemDataRole.UserRole)
        return str(number) if number is not None else None

    def changed(self, changes: Changes) -> None:
        """A change record: the list is read again when an application changed."""
        if changes.queue:
            self.model.refresh()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None
