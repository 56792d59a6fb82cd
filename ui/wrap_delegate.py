"""Rows of a tree view that wrap their text to the column's width.

``QTreeView.setWordWrap`` alone draws wrapped text only within the row height the
delegate asked for, and the stock delegate asks for one line: a long reason (不符合：…)
was cut off with an ellipsis. This delegate asks for as many lines as the text needs at
the column's present width, and the rows are laid out again when a column is resized."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return hint
        width = self._tree.columnWidth(index.column())
        if index.column() == 0:  # the branch lines take the indentation of each level
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._tree.indentation() * (depth + 1)
        decorations = hint.width() - option.fontMetrics.horizontalAdvance(text)
        margin = self._tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) * 2
        width -= max(0, min(decorations, 60)) + margin
        if width <= 40:
            return hint
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))
