"""Parts of the intake's layout: a form that wraps its rows when narrow, and the 户口簿
(hukou book) section, folded by default and out of the main Tab path (Ctrl+B opens it)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

RECORD_FIELDS = (
    ("head_name", QT_TRANSLATE_NOOP("", "户主姓名")),
    ("household_number", QT_TRANSLATE_NOOP("", "户号")),
    ("household_kind", QT_TRANSLATE_NOOP("", "户别")),
    ("address", QT_TRANSLATE_NOOP("", "住址")),
)
CARD_FIELDS = (
    ("relation_to_head", QT_TRANSLATE_NOOP("", "与户主关系")),
    ("ethnicity", QT_TRANSLATE_NOOP("", "民族")),
)


def line_edit(name: str, parent: QWidget, placeholder: str = "") -> QLineEdit:
    """A named line edit (tests and the keyboard find fields by their object name)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def tab_path(chain: Sequence[QWidget]) -> None:
    """The Tab key goes through ``chain`` in its order (a hidden or disabled widget in it
    is passed over)."""
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)


def wrapping_form(parent: QWidget) -> QFormLayout:
    """A form whose rows wrap under their labels when the column is narrow (150 %
    scaling, English), instead of cutting the fields."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class BookSection(QWidget):
    """The 户口簿 details (户主页, 常住人口登记卡): a heading that says how many are filled,
    and the fields, shown only when opened. Folded, the fields are hidden and so out of
    the Tab path; each application starts folded (``fold``)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("bookToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+B reaches it
        self.toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.box = QGroupBox(tr("户口簿（户主页、常住人口登记卡）"), self)
        self.box.setObjectName("bookSection")
        form = wrapping_form(self.box)
        self.records: dict[str, QLineEdit] = {}
        for key, label in (*RECORD_FIELDS, *CARD_FIELDS):
            self.records[key] = line_edit(key, self.box)
            form.addRow(tr(label), self.records[key])
        self.birth = line_edit("bookBirthDate", self.box, tr("户口簿上的出生日期 2000-01-31"))
        form.addRow(tr("出生日期（户口簿）"), self.birth)
        column.addWidget(self.toggle)
        column.addWidget(self.box)
        for edit in self.fields():
            edit.textChanged.connect(lambda _text: self._heading())
        self.toggle.toggled.connect(self._show)
        self._show(False)

    def fields(self) -> list[QLineEdit]:
        """In their Tab order."""
        return [*self.records.values(), self.birth]

    def fold(self) -> None:
        self.toggle.setChecked(False)

    def _show(self, shown: bool) -> None:
        self.box.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._heading()

    def _heading(self) -> None:
        filled = sum(1 for edit in self.fields() if edit.text().strip())
        heading = tr("户口簿详情 (Ctrl+B)")
        if filled:
            heading += " " + tr("已填 {n} 项").format(n=filled)
        self.toggle.setText(heading)

    def open_or_fold(self, focus: QWidget | None, back_to: QWidget) -> None:
        """Ctrl+B: opened with the focus in its first field; or, when open with the focus
        in it, folded with the focus back on ``back_to``."""
        if self.box.isVisible() and focus is not None and self.box.isAncestorOf(focus):
            self.fold()
            back_to.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.toggle.setChecked(True)
        self.fields()[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
