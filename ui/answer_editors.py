"""The editor each question's fact type calls for, as a clerk answers it.

- a choice (an enumeration, and 是/否) is a list in the desk's language, chosen by typing
  its 汉字, its pinyin or their initials, or its number (1, 2 …; 是/否 also by Y/N);
- a count of months or years is a spin box showing its unit;
- a date is typed as 20190315 or 2019-03-15, its day of the week shown beside it
  (for "since when" questions 否 — or N — says "never");
- the awards are listed in words and added in a small dialog (``ui.awards_editor``);
- the rest (a county code, text) stays a line of text.

Every editor has one shape (``AnswerEditor``): ``answer()`` the value or None when empty
(ValueError, in the desk's language, when what is typed cannot be read), ``set_answer``,
``pending``/``restore`` for what is typed and not yet taken, ``mark`` for a refusal; its
``committed`` signal is Enter (answer and move on), ``left`` is the focus leaving it."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from caseworker.models.enum_labels import LABELS, UNITS, WEEKDAYS, YES_NO
from caseworker.models.names import pinyin_keys
from caseworker.rules.facts import FactSpec
from caseworker.services.intake import NO, parse_answer
from ui.i18n import term, tr

# how long the keys typed into a choice list count as one search
TYPE_AHEAD_MS = 1200
_MARK = "border: 1px solid #c62828"


class AnswerEditor(Protocol):
    committed: Any
    left: Any

    def answer(self) -> Any: ...
    def set_answer(self, value: Any) -> None: ...
    def pending(self) -> Any: ...
    def restore(self, pending: Any) -> None: ...
    def mark(self, message: str | None) -> None: ...


def options(spec: FactSpec) -> list[tuple[Any, str, str]]:
    """(value, Chinese, English) for every choice a fact offers; empty for no choice list."""
    if spec.kind == "bool":
        return list(YES_NO)
    if spec.enum is not None and spec.kind == "enum":
        return enum_choices(spec.enum)
    return []


def unit(spec: FactSpec) -> tuple[str, str] | None:
    """The unit of a count, (Chinese, English), from the fact's name."""
    if spec.kind != "int":
        return None
    for ending, measure in UNITS.items():
        if spec.name.endswith(ending):
            return measure
    return None


def make_editor(spec: FactSpec, parent: QWidget) -> QWidget:
    """The editor for ``spec``, named ``fact:NAME`` (what the tests and the tab order see)."""
    editor: QWidget
    if spec.kind == "awards":
        # the awards dialog is built from this module's editors: imported here, not above
        from ui.awards_editor import AwardsEditor  # noqa: PLC0415

        editor = AwardsEditor(spec, parent)
    elif options(spec):
        editor = ChoiceEditor(spec, parent)
    elif unit(spec) is not None or spec.kind == "int":
        editor = CountEditor(spec, parent)
    elif spec.kind in {"date", "date_or_false"}:
        editor = DateEditor(spec, parent)
    else:
        editor = TextEditor(spec, parent)
    editor.setObjectName(f"fact:{spec.name}")
    return editor


def enum_choices(enum: type[StrEnum]) -> list[tuple[Any, str, str]]:
    """(value, Chinese, English) for every value of an enumeration."""
    labels = LABELS[enum]
    return [(m.value, *labels[m.value]) for m in enum]


def keys_for(spec: FactSpec, value: Any) -> str:
    """What a clerk types for ``value`` in the editor of ``spec`` (then Enter): a choice's
    number, a count's digits, a date's eight digits, 否 as N; the README's walkthrough and
    the tests type these."""
    choices = options(spec)
    if choices:
        values = [v for v, _, _ in choices]
        if spec.kind == "bool":
            return "y" if value else "n"
        return str(values.index(value) + 1)
    if spec.kind in {"date", "date_or_false"}:
        return "n" if value is False else str(value).replace("-", "")
    if spec.kind == "awards":  # Enter on the empty line; awards are added in its dialog
        return ""
    return str(value)


class ChoiceEditor(QComboBox):
    """A list in the desk's language, chosen by typing (汉字, pinyin, initials, number)."""

    committed = Signal()
    left = Signal()

    def __init__(
        self,
        spec: FactSpec | None,
        parent: QWidget,
        *,
        choices: list[tuple[Any, str, str]] | None = None,
    ) -> None:
        """The choices of ``spec``'s fact, or ``choices`` (value, Chinese, English) for a
        list that answers no fact (a relative's relation, sex, marital status)."""
        super().__init__(parent)
        self.spec = spec
        self._keys: list[list[str]] = []
        listed = options(spec) if spec is not None else list(choices or [])
        yes_no = [v for v, _, _ in listed] == [True, False]
        for number, (value, zh, en) in enumerate(listed, start=1):
            shown = term(zh, en)
            self.addItem(f"{number} {shown}", value)
            full, initials = pinyin_keys(zh)
            keys = [zh, full, initials, en.lower(), str(number)]
            if yes_no:
                keys.append("y" if value else "n")
            self._keys.append(keys)
        self.setCurrentIndex(-1)
        self.setPlaceholderText(tr("按 Y 或 N（1 或 2）") if yes_no else tr("输入拼音首字母或序号"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self._typed = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_AHEAD_MS)
        self._timer.timeout.connect(self._forget)
        # a choice picked with the mouse from the open list is taken as Tab would take it
        self.activated.connect(lambda _index: self.left.emit())

    def _forget(self) -> None:
        self._typed = ""

    def search(self, typed: str) -> int:
        """The first choice ``typed`` names: its number, else a key it begins, else a key
        it is inside of (for 汉字); -1 for none."""
        typed = typed.strip().lower()
        if not typed:
            return -1
        if typed.isdigit():
            index = int(typed) - 1
            return index if 0 <= index < self.count() else -1
        for index, item in enumerate(self._keys):
            if any(k.startswith(typed) for k in item):
                return index
        for index, item in enumerate(self._keys):
            if any(typed in k for k in item[:1]):
                return index
        return -1

    def _type(self, text: str) -> None:
        candidate = self._typed + text.lower()
        index = self.search(candidate)
        if index < 0 and self._typed:  # a new search, not a longer one
            candidate = text.lower()
            index = self.search(candidate)
        self._typed = candidate if index >= 0 else ""
        if index >= 0:
            self.setCurrentIndex(index)
        self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self._typed = ""
            self.committed.emit()
            return
        if event.key() in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}:
            self._typed = ""
            self.setCurrentIndex(-1)
            return
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and text and text.isprintable() and not text.isspace():
            self._type(text)
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():
            self._type(event.commitString())
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the form, never the answer: an answer the pointer passed
        over would otherwise change on screen without the clerk knowing."""
        event.ignore()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()

    def answer(self) -> Any:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_answer(self, value: Any) -> None:
        self.setCurrentIndex(self.findData(value) if value is not None else -1)

    def pending(self) -> Any:
        return self.currentIndex() if self.currentIndex() >= 0 else None

    def restore(self, pending: Any) -> None:
        self.setCurrentIndex(int(pending))

    def mark(self, message: str | None) -> None:
        self.setStyleSheet(_MARK if message else "")
        self.setToolTip(message or "")


class _LineAnswer(QLineEdit):
    """A line of text that answers on Enter (moving on) and when the focus leaves."""

    committed = Signal()
    left = Signal()

    def __init__(self, spec: FactSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.returnPressed.connect(self.committed.emit)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()

    def pending(self) -> Any:
        return self.text() if self.text().strip() else None

    def restore(self, pending: Any) -> None:
        self.setText(str(pending))

    def mark(self, message: str | None) -> None:
        self.setStyleSheet(_MARK if message else "")
        self.setToolTip(message or "")


class TextEditor(_LineAnswer):
    """A county code, a line of text."""

    def __init__(self, spec: FactSpec, parent: QWidget) -> None:
        super().__init__(spec, parent)
        if spec.kind == "county":
            self.setPlaceholderText(tr("六位区县代码，如 370102"))
            self.setMaxLength(6)

    def answer(self) -> Any:
        raw = self.text().strip()
        if not raw:
            return None
        try:
            return parse_answer(self.spec.name, raw)
        except ValueError:
            if self.spec.kind == "county":
                raise ValueError(tr("请填六位区县代码，如 370102")) from None
            raise ValueError(tr("无法读取，请按提示填写")) from None

    def set_answer(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


_DATE = re.compile(r"^(\d{4})-?(\d{1,2})-?(\d{1,2})$")


def read_date(text: str, *, never: bool) -> date | bool | None:
    """A typed date (20190315, 2019-03-15, 2019-3-5); False for 否/N where ``never`` is
    allowed; None for nothing typed; ValueError when it is no date."""
    raw = text.strip()
    if not raw:
        return None
    if never and raw.lower() in NO:
        return False
    match = _DATE.match(raw.replace("/", "-").replace(".", "-"))
    if match is None:
        raise ValueError("format")
    year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)


def weekday(day: date) -> str:
    return term(*WEEKDAYS[day.weekday()])


class DateEditor(_LineAnswer):
    """A date typed in digits, its day of the week shown at the right inside the line."""

    def __init__(self, spec: FactSpec, parent: QWidget) -> None:
        super().__init__(spec, parent)
        self.never = spec.kind == "date_or_false"
        self.setPlaceholderText(tr("如 20190315；没有填 N") if self.never else tr("如 20190315"))
        self.day = QLabel(self)
        self.day.setObjectName("weekday")
        self.day.setStyleSheet("color: #555")
        self.day.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.textChanged.connect(self._show_day)

    def _show_day(self) -> None:
        try:
            value = read_date(self.text(), never=self.never)
        except ValueError:
            value = None
        if isinstance(value, date):
            self.day.setText(f"{value.isoformat()} {weekday(value)}")
        elif value is False:
            self.day.setText(tr("没有"))
        else:
            self.day.setText("")
        self.day.adjustSize()
        self._place_day()

    def _place_day(self) -> None:
        width = self.day.sizeHint().width() if self.day.text() else 0
        self.setTextMargins(0, 0, width + 6, 0)
        self.day.move(self.width() - width - 4, (self.height() - self.day.height()) // 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_day()

    def answer(self) -> Any:
        try:
            value = read_date(self.text(), never=self.never)
        except ValueError:
            hint = tr("请填日期，如 20190315 或 2019-03-15")
            raise ValueError(hint + (tr("；没有填 N") if self.never else "")) from None
        if isinstance(value, date):
            return value.isoformat()
        return value

    def set_answer(self, value: Any) -> None:
        if value is False:
            self.setText(tr("否"))
        else:
            self.setText("" if value is None else str(value))


class CountEditor(QSpinBox):
    """A whole number with its unit; empty (not yet answered) until a number is typed."""

    committed = Signal()
    left = Signal()

    def __init__(self, spec: FactSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setRange(-1, 9999)
        self.setSpecialValueText(" ")  # -1: not answered
        self.setValue(-1)
        measure = unit(spec)
        if measure is not None:
            self.setSuffix(" " + term(*measure))
        self.setAccelerated(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self.interpretText()
            self.committed.emit()
            return
        if self.value() < 0 and event.text().isdigit():
            # the first digit replaces "not answered" and the cursor stays after it
            self.setValue(int(event.text()))
            self.lineEdit().setCursorPosition(len(event.text()))
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the form, never the number (see ``ChoiceEditor``)."""
        event.ignore()

    def answer(self) -> Any:
        self.interpretText()
        return None if self.value() < 0 else self.value()

    def set_answer(self, value: Any) -> None:
        self.setValue(-1 if value is None else int(value))

    def pending(self) -> Any:
        return None if self.value() < 0 else self.value()

    def restore(self, pending: Any) -> None:
        self.setValue(int(pending))

    def mark(self, message: str | None) -> None:
        self.setStyleSheet(_MARK if message else "")
        self.setToolTip(message or "")
