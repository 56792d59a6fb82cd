"""One accompanying relative (随迁人员), typed in a dialog: relation, ID number (or birth
date and sex for a child without one), marital status, living together, name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseworker.models.enums import Relation
from caseworker.models.facts import CaseError, case_from_dict
from caseworker.services.intake import (
    parse_answer,
)
from ui.i18n import tr

ERROR_STYLE = "color: #c62828"


def line_edit(name: str, parent: QWidget, placeholder: str = "") -> QLineEdit:
    """A named line edit (tests and the keyboard find fields by their object name)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


_line = line_edit


class RelativeDialog(QDialog):
    """One accompanying relative (随迁人员): relation, ID number (or birth date and sex
    for a child without one), marital status, living together. Keyboard only."""

    def __init__(self, parent: QWidget | None, relative: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("随迁人员"))
        relative = relative or {}
        form = QFormLayout(self)
        self.relation = _line("relation", self, "spouse / child / parent …")  # the value typed
        self.relation.setCompleter(QCompleter([r.value for r in Relation], self))
        self.id_number = _line("relativeId", self, tr("18 位身份证号"))
        self.born = _line("relativeBorn", self, tr("无身份证时 2015-06-01"))
        self.sex = _line("relativeSex", self, "M / F")
        self.marital = _line("relativeMarital", self, "married / unmarried …")
        self.co_residing = _line("relativeCoResiding", self, tr("是 / 否"))
        self.name = _line("relativeName", self, tr("姓名"))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        for label, widget in (
            (tr("关系"), self.relation),
            (tr("身份证号"), self.id_number),
            (tr("出生日期"), self.born),
            (tr("性别"), self.sex),
            (tr("婚姻状况"), self.marital),
            (tr("共同居住"), self.co_residing),
            (tr("姓名"), self.name),
        ):
            form.addRow(label, widget)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.relation.setText(relative.get("relation", ""))
        self.id_number.setText(relative.get("id_number") or "")
        self.born.setText(relative.get("birth_date") or "")
        self.sex.setText(relative.get("sex") or "")
        self.marital.setText(relative.get("marital_status") or "")
        if relative.get("co_residing") is not None:
            self.co_residing.setText(tr("是") if relative["co_residing"] else tr("否"))
        self.name.setText(relative.get("name", ""))
        self.value: dict[str, Any] = {}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.relation.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _check(self) -> None:
        value: dict[str, Any] = {"relation": self.relation.text().strip()}
        if self.id_number.text().strip():
            value["id_number"] = self.id_number.text().strip().upper()
        if self.born.text().strip():
            value["birth_date"] = self.born.text().strip()
        if self.sex.text().strip():
            value["sex"] = self.sex.text().strip().upper()
        if self.marital.text().strip():
            value["marital_status"] = self.marital.text().strip()
        co = self.co_residing.text().strip()
        if co:
            try:
                value["co_residing"] = parse_answer("applicant.rural_hukou", co)
            except ValueError as exc:
                self.error.setText(tr("共同居住：{problem}").format(problem=exc))
                return
        probe = {"on": "2024-01-01", "destination": {"county": "370102"}, "applicant": {}}
        try:
            case_from_dict({**probe, "family": [value]})
        except CaseError as exc:
            message = str(exc)
            if "family" in message:
                self.error.setText(message.replace("family[0].", ""))
                return
        self.value = {**value, "name": self.name.text().strip()}
        self.accept()
