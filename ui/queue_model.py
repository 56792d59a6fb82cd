"""The queue: applications as a lazily loading table model over frozen summaries.

Pages come from ``ApplicationService.search`` on the database worker; the view asks for
more as it scrolls (``canFetchMore``/``fetchMore``), so 300,000 applications cost what
the rows on screen cost. A change of filter starts a new generation: pages of an older
one that arrive late are dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from caseworker.models.divisions import Divisions
from caseworker.models.workflow import STATE_ZH, State
from caseworker.rules.decision import STATUS_ZH
from caseworker.services.applications import ApplicationService, ApplicationSummary, SearchPage
from caseworker.services.base import Actor
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("申请编号 Number", "number"),
    ("状态 State", "state"),
    ("申请人 Applicant", "applicant_name"),
    ("身份证号 ID number", "applicant_id_number"),
    ("申请日期 Date", "on"),
    ("拟落户地 Destination", "destination"),
    ("审查结果 Decision", "decision"),
)

#: status colours, light enough to read black text on
STATE_COLOURS = {
    State.DRAFT: "#f2f2f2",
    State.ACCEPTED: "#e3f0ff",
    State.DECIDED: "#fff5d6",
    State.APPROVED: "#e2f6e2",
    State.PERMIT_ISSUED: "#d3f0d3",
    State.SETTLED: "#c8e6c9",
    State.REFUSED: "#fde2e2",
    State.WITHDRAWN: "#eeeeee",
    State.VOIDED: "#e0e0e0",
}


@dataclass(frozen=True, slots=True)
class QueueFilter:
    text: str = ""
    states: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


@dataclass(slots=True)
class _Loading:
    generation: int = 0
    pending: bool = False
    more: bool = True
    page: int = 0
    rows: list[ApplicationSummary] = field(default_factory=list)


class ApplicationQueueModel(QAbstractTableModel):
    PAGE_SIZE = 200
    loaded = Signal(int)  # rows so far
    failed = Signal(object)  # the exception, for the page to word

    def __init__(
        self,
        apps: ApplicationService,
        actor: Actor,
        runner: TaskRunner,
        divisions: Divisions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._apps = apps
        self._actor = actor
        self._runner = runner
        self._divisions = divisions
        self._filter = QueueFilter()
        self._state = _Loading()
        self._county_names: dict[str, str] = {}

    # --- loading -------------------------------------------------------------------

    def set_filter(self, new: QueueFilter) -> None:
        self._filter = new
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._state = _Loading(generation=self._state.generation + 1, pending=True)
        self.endResetModel()
        self._request()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._state.more and not self._state.pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request()

    def _request(self) -> None:
        state = self._state
        state.pending = True
        flt, page, generation = self._filter, state.page + 1, state.generation

        def work() -> SearchPage:
            return self._apps.search(
                self._actor,
                flt.text,
                states=flt.states,
                date_from=flt.date_from,
                date_to=flt.date_to,
                page=page,
                page_size=self.PAGE_SIZE,
            )

        self._runner.store(work, lambda result: self._arrived(generation, result), self._failed)

    def _arrived(self, generation: int, result: SearchPage) -> None:
        state = self._state
        if generation != state.generation:
            return  # a newer filter replaced this one
        state.pending = False
        state.page = result.page
        state.more = result.has_more
        if result.items:
            first = len(state.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(result.items) - 1)
            state.rows.extend(result.items)
            self.endInsertRows()
        self.loaded.emit(len(state.rows))

    def _failed(self, exc: Exception) -> None:
        self._state.pending = False
        self._state.more = False
        self.failed.emit(exc)

    # --- the table -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._state.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def summary(self, row: int) -> ApplicationSummary | None:
        rows = self._state.rows
        return rows[row] if 0 <= row < len(rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.summary(index.row())
        if item is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATE_COLOURS.get(State(item.state))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "state":
            return item.state
        if role == Qt.ItemDataRole.UserRole:
            return item.number
        return None

    def _display(self, item: ApplicationSummary, key: str) -> str:
        if key == "state":
            return f"{STATE_ZH[State(item.state)]} {item.state}"
        if key == "on":
            return item.on.isoformat()
        if key == "destination":
            return f"{self._county(item.destination_county)} {item.destination_street}".strip()
        if key == "decision":
            return STATUS_ZH.get(item.decision, item.decision) if item.decision else ""
        if key == "applicant_name":
            return item.applicant_name or "（未填姓名）"
        return str(getattr(item, key) or "")

    def _county(self, code: str) -> str:
        name = self._county_names.get(code)
        if name is None:
            try:
                name = self._divisions.county_name(code)
            except Exception:  # an unknown old code: show the code itself
                name = code
            self._county_names[code] = name
        return name
