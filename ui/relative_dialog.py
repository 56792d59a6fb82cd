"""One accompanying relative (随迁人员), typed in a dialog: relation, ID number (or birth
date and sex for a child without one), marital status, living together, name."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseworker.models.enum_labels import YES_NO
from caseworker.models.enums import MaritalStatus, Relation, Sex
from caseworker.models.facts import CaseError, case_from_dict
from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from ui.answer_editors import ChoiceEditor, enum_choices, read_date
from ui.errors import id_problem
from ui.i18n import tr
from ui.intake_sections import tab_path

log = logging.getLogger(__name__)
# a valid applicant's number, so that checking a relative alone refuses nothing else
PROBE_ID = "11010519491231002X"

ERROR_STYLE = "color: #c62828"


def line_edit(name: str, parent: QWidget, placeholder: str = "") -> QLineEdit:
    """A named line edit (tests and the keyboard find fields by their object name)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


_line = line_edit


def _choice(name: str, parent: QWidget, choices: list[tuple[Any, str, str]]) -> ChoiceEditor:
    choice = ChoiceEditor(None, parent, choices=choices)
    choice.setObjectName(name)
    return choice


def _one_key(choice: ChoiceEditor, text: str) -> bool:
    """Whether ``text`` alone picks a choice: a number in a list of at most nine, or Y/N
    (and 1/2) in a 是/否 list."""
    values = [choice.itemData(i) for i in range(choice.count())]
    if values == [True, False] and text.lower() in {"y", "n", "1", "2"}:
        return True
    return len(text) == 1 and text.isdigit() and 1 <= int(text) <= choice.count() <= 9


class RelativeDialog(QDialog):
    """One accompanying relative (随迁人员): relation, ID number (or birth date and sex
    for a child without one), marital status, living together. Keyboard only."""

    def __init__(self, parent: QWidget | None, relative: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("随迁人员"))
        self.setMinimumWidth(440)  # a message wraps within it
        relative = relative or {}
        form = QFormLayout(self)
        # the lists in the desk's language, chosen by pinyin, initials or number
        self.relation = _choice("relation", self, enum_choices(Relation))
        self.id_number = _line("relativeId", self, tr("18 位身份证号"))
        self.born = _line("relativeBorn", self, tr("无身份证时 2015-06-01"))
        self.sex = _choice("relativeSex", self, enum_choices(Sex))
        self.marital = _choice("relativeMarital", self, enum_choices(MaritalStatus))
        self.co_residing = _choice("relativeCoResiding", self, list(YES_NO))
        for choice in (self.relation, self.sex, self.marital, self.co_residing):
            choice.committed.connect(self._check)  # Enter in a list: as in a line, OK
        self.name = _line("relativeName", self, tr("姓名"))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        # the clerk's order: relation, name, ID number, (birth date and sex only without
        # one: the number gives them), marital status, living together, OK
        for label, widget in (
            (tr("关系"), self.relation),
            (tr("姓名"), self.name),
            (tr("身份证号"), self.id_number),
            (tr("出生日期"), self.born),
            (tr("性别"), self.sex),
            (tr("婚姻状况"), self.marital),
            (tr("共同居住"), self.co_residing),
        ):
            form.addRow(label, widget)
            widget.setMinimumWidth(widget.fontMetrics().horizontalAdvance("0" * 22))
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        chain: list[QWidget] = [
            self.relation,
            self.name,
            self.id_number,
            self.born,
            self.sex,
            self.marital,
            self.co_residing,
            buttons.button(QDialogButtonBox.StandardButton.Ok),
        ]
        tab_path(chain)
        for choice in (self.relation, self.sex, self.marital, self.co_residing):
            choice.installEventFilter(self)
        self.id_number.textChanged.connect(self._number_gives_birth)
        self.relation.set_answer(relative.get("relation"))
        self.id_number.setText(relative.get("id_number") or "")
        self.born.setText(relative.get("birth_date") or "")
        self.sex.set_answer(relative.get("sex"))
        self.marital.set_answer(relative.get("marital_status"))
        self.co_residing.set_answer(relative.get("co_residing"))
        self.name.setText(relative.get("name", ""))
        self.value: dict[str, Any] = {}
        self._number_gives_birth()

    def _number_gives_birth(self) -> None:
        """With an ID number, the birth date and sex come from it: those two fields are
        greyed and out of the Tab path; without one (a child not yet given one) they are
        asked."""
        without = not self.id_number.text().strip()
        # a value already there stays editable, to be corrected or taken out
        self.born.setEnabled(without or bool(self.born.text().strip()))
        self.sex.setEnabled(without or self.sex.currentIndex() >= 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A list chosen by one key (its number, or Y/N for 是/否) moves on to the next
        field at once: nothing else could be meant, so no Tab is needed."""
        if (
            isinstance(watched, ChoiceEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and _one_key(watched, event.text())
        ):
            watched.keyPressEvent(event)
            if watched.currentIndex() >= 0:
                self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.relation.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _check(self) -> None:
        value: dict[str, Any] = {"relation": self.relation.answer() or ""}
        if self.id_number.text().strip():
            value["id_number"] = self.id_number.text().strip().upper()
        if self.born.text().strip():
            value["birth_date"] = self.born.text().strip()
        if self.sex.answer() is not None:
            value["sex"] = self.sex.answer()
        if self.marital.answer() is not None:
            value["marital_status"] = self.marital.answer()
        if self.co_residing.answer() is not None:
            value["co_residing"] = self.co_residing.answer()
        problem = self._problem(value)
        if problem is not None:
            message, field = problem
            self.error.setText(message)
            self.adjustSize()  # the wrapped message shown whole, never cut off
            field.setFocus()
            return
        self.value = {**value, "name": self.name.text().strip()}
        self.accept()

    def _problem(self, value: dict[str, Any]) -> tuple[str, QWidget] | None:
        """What is wrong with the relative as typed, in the desk's language, naming the
        field as labelled and saying what to do; with the field to put the focus in."""
        if not value["relation"]:
            return tr("请选择“关系”（输入拼音首字母或序号）"), self.relation
        if "id_number" in value:
            try:
                parse_resident_id(value["id_number"])
            except ResidentIdError as exc:
                said = tr("“身份证号”有误：{problem}").format(problem=id_problem(exc))
                return said, self.id_number
        if "birth_date" in value:
            try:
                born = read_date(value["birth_date"], never=False)
            except ValueError:
                born = None
            if not isinstance(born, date):
                said = tr("“出生日期”无法识别：请按 20150601 或 2015-06-01 填写。")
                return said, self.born
            value["birth_date"] = born.isoformat()
        if "id_number" not in value and ("birth_date" not in value or "sex" not in value):
            said = tr("请填“身份证号”；还没有身份证的孩子，填“出生日期”并选“性别”。")
            return said, self.id_number
        probe = {
            "on": "2024-01-01",
            "destination": {"county": "370102"},
            "applicant": {"id_number": PROBE_ID},
        }
        try:
            case_from_dict({**probe, "family": [value]})
        except CaseError as exc:  # the checks above word each field; this is the rest
            log.warning("relative refused: %s", exc)
            return tr("随迁人员的信息不完整或有误，请逐项核对后再确定。"), self.relation
        return None
