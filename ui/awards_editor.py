"""The awards question (表彰和职业技能竞赛获奖 commendations and contest prizes) as a
clerk answers it: a line that shows the awards in words (没有 for none) and a small
dialog that takes them one by one: the kind from a list in the desk's language, the
place won (名次) where there is one, and the date. Nothing is typed or shown as data.

In the line: Enter answers (no award when none is listed), Space, Y or a double click
opens the dialog, Delete empties the list. In the dialog: choose the kind (initials,
pinyin or number), Tab to the place and the date, Enter adds the award; Enter on an
empty kind, or OK, takes the list."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QWidget,
)

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import AwardKind
from caseworker.rules.facts import FactSpec
from ui.answer_editors import ChoiceEditor, enum_choices, read_date
from ui.i18n import term, tr

_MARK = "border: 1px solid #c62828"
ERROR_STYLE = "color: #c62828"


def award_text(award: dict[str, Any]) -> str:
    """One award in words: 国家级一类职业技能竞赛获奖 第1名 2019-05-01."""
    labels = LABELS[AwardKind].get(str(award.get("kind")))
    kind = term(*labels) if labels else tr("其他奖项")
    rank = award.get("rank")
    place = tr("第{rank}名").format(rank=rank) if rank else ""
    return " ".join(p for p in (kind, place, str(award.get("date") or "")) if p)


def awards_text(awards: list[dict[str, Any]]) -> str:
    return "；".join(award_text(a) for a in awards) if awards else tr("没有")


class AwardsDialog(QDialog):
    """The awards, added one by one and listed in words; ``awards`` once accepted."""

    def __init__(self, parent: QWidget | None, awards: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("表彰和职业技能竞赛获奖"))
        self.setMinimumWidth(480)
        self.awards = [dict(a) for a in awards]
        form = QFormLayout(self)
        self.kind = ChoiceEditor(None, self, choices=enum_choices(AwardKind))
        self.kind.setObjectName("awardKind")
        self.rank = QSpinBox(self)
        self.rank.setObjectName("awardRank")
        self.rank.setRange(0, 99)
        self.rank.setSpecialValueText(tr("不分名次"))
        self.rank.setPrefix(tr("第 "))
        self.rank.setSuffix(tr(" 名"))
        self.day = QLineEdit(self)
        self.day.setObjectName("awardDate")
        self.day.setPlaceholderText(tr("获奖日期，如 20190501"))
        self.error = QLabel(self)
        self.error.setObjectName("awardError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.listed = QStringListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("awardList")
        self.view.setModel(self.listed)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        form.addRow(tr("类别"), self.kind)
        form.addRow(tr("名次"), self.rank)
        form.addRow(tr("获奖日期"), self.day)
        form.addRow(self.error)
        form.addRow(QLabel(tr("已填的获奖（选中后按 Delete 删除）："), self))
        form.addRow(self.view)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in buttons.buttons():  # Enter adds an award; it never closes
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.committed.connect(self._kind_done)
        self.day.returnPressed.connect(self.add)
        self._show()

    def _show(self) -> None:
        self.listed.setStringList([f"{n}. {award_text(a)}" for n, a in enumerate(self.awards, 1)])

    def _kind_done(self) -> None:
        """Enter in the list of kinds: on to the place; with no kind chosen, done."""
        if self.kind.answer() is None:
            self.accept()
        else:
            self.rank.setFocus(Qt.FocusReason.TabFocusReason)

    def add(self) -> bool:
        """The award in the fields added to the list; False (and why) when incomplete."""
        kind = self.kind.answer()
        if kind is None:
            return self._refuse(tr("请选择“类别”（输入拼音首字母或序号）。"), self.kind)
        try:
            day = read_date(self.day.text(), never=False)
        except ValueError:
            day = None
        if not isinstance(day, date):
            said = tr("“获奖日期”无法识别：请按 20190501 或 2019-05-01 填写。")
            return self._refuse(said, self.day)
        if day > date.today():
            return self._refuse(tr("“获奖日期”不能晚于今天，请核对。"), self.day)
        award: dict[str, Any] = {"kind": kind, "date": day.isoformat()}
        if self.rank.value() > 0:
            award["rank"] = self.rank.value()
        self.awards.append(award)
        self._show()
        self.error.clear()
        self.kind.set_answer(None)
        self.rank.setValue(0)
        self.day.clear()
        self.kind.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _refuse(self, message: str, field: QWidget) -> bool:
        self.error.setText(message)
        self.adjustSize()  # the wrapped message shown whole, never cut off
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.view.hasFocus():
            row = self.view.currentIndex().row()
            if 0 <= row < len(self.awards):
                del self.awards[row]
                self._show()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        """What is typed and not yet added is added first (or the dialog says why not)."""
        if (self.kind.answer() is not None or self.day.text().strip()) and not self.add():
            return
        super().accept()


class AwardsEditor(QLineEdit):
    """The answer to the awards question: the awards in words, edited in ``AwardsDialog``."""

    committed = Signal()
    left = Signal()

    def __init__(self, spec: FactSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self._awards: list[dict[str, Any]] = []
        self._editing = False
        self.dialog: AwardsDialog | None = None
        self.setReadOnly(True)
        self.setPlaceholderText(tr("没有按回车，有按空格"))

    def edit(self) -> None:
        """The dialog, window-modal (the form stays responsive); its list answers."""
        self._editing = True
        dialog = AwardsDialog(self.window(), self._awards)
        self.dialog = dialog

        def taken() -> None:
            self.set_answer(dialog.awards)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.committed.emit()

        def closed() -> None:
            self._editing = False
            dialog.deleteLater()
            if not dialog.result():
                self.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.accepted.connect(taken)
        dialog.finished.connect(lambda _r: closed())
        dialog.open()
        dialog.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self.committed.emit()
        elif key in {Qt.Key.Key_Space, Qt.Key.Key_Y}:
            self.edit()
        elif key in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}:
            self.set_answer([])
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.edit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self._editing and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()

    def answer(self) -> Any:
        return [dict(a) for a in self._awards]

    def set_answer(self, value: Any) -> None:
        self._awards = [dict(a) for a in value] if isinstance(value, list) else []
        self.setText(awards_text(self._awards) if self._awards else "")
        self.setToolTip(awards_text(self._awards))

    def pending(self) -> Any:
        return self.answer() if self._awards else None

    def restore(self, pending: Any) -> None:
        self.set_answer(pending)

    def mark(self, message: str | None) -> None:
        self.setStyleSheet(_MARK if message else "")
        self.setToolTip(message or awards_text(self._awards))
