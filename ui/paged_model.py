"""A table of frozen rows loaded page by page on the database worker, as a view scrolls.

The queue and the audit trail share it: a reset starts a new generation (pages of an
older one that arrive late are dropped) and counts as loading, so a view that asks for
more inside the reset cannot fetch a page twice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.i18n import tr
from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Frozen rows under fixed columns: subclasses say what a cell shows (``cell``)."""

    #: column headers in Chinese (QT_TRANSLATE_NOOP), translated when drawn
    COLUMNS: tuple[object, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def item(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.COLUMNS):
            return None
        item = self.item(index.row())
        return None if item is None else self.cell(item, index.column(), role)

    def cell(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class PagedTableModel(RowsTableModel):
    loaded = Signal(int)  # rows so far
    failed = Signal(object)  # the exception, for the page to word

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self._pending = False
        self._more = True
        self._page = 0

    # --- what a subclass says ----------------------------------------------------------

    def fetch_page(self, page: int, last: Any | None) -> tuple[list[Any], bool]:
        """On the database worker: page ``page`` (from 1), after the row ``last``; the
        rows and whether more follow."""
        raise NotImplementedError

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows, self._more, self._page = [], True, 0
        self._generation += 1
        self._pending = True  # see the module's docstring
        self.endResetModel()
        self._request()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request()

    def _request(self) -> None:
        self._pending = True
        generation, page = self._generation, self._page + 1
        last = self._rows[-1] if self._rows else None
        self._runner.store(
            lambda: self.fetch_page(page, last),
            lambda result: self._arrived(generation, page, result),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, page: int, result: tuple[list[Any], bool]) -> None:
        if generation != self._generation:
            return  # a newer filter replaced this one
        rows, more = result
        self._pending, self._more, self._page = False, more, page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._pending, self._more = False, False
        self.failed.emit(exc)
