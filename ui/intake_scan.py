"""The intake's scanning part: the scan dialog opened from the form, and what the clerk
accepts from it put into the form's fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from ui.tasks import TaskRunner


class IntakeScans:
    """Mixed into ``IntakePage`` (which builds the fields and owns the state)."""

    _runner: TaskRunner
    id_number: QLineEdit
    applicant_name: QLineEdit
    book_birth: QLineEdit
    records: dict[str, QLineEdit]
    card_name: str
    pending_scans: list[tuple[str, bytes, str, dict[str, dict[str, str]]]]
    changed: Any
    scan_dialog: Any

    if TYPE_CHECKING:  # given by the page

        def _dialog_closed(self, dialog: QDialog) -> None: ...
        def _check_id_as_typed(self, text: str) -> None: ...
        def _check_book(self) -> None: ...
        def schedule(self) -> None: ...

    def scan(self, kind: str = "id-card") -> None:
        """The scan dialog, window-modal; what the clerk accepts fills the form."""
        from ui.scan_dialog import ScanDialog  # noqa: PLC0415 - the OCR loads when first used

        known = {
            "id_number": self.id_number.text().strip().upper(),
            "name": self.applicant_name.text().strip(),
        }
        assert isinstance(self, QWidget)  # the page
        dialog = ScanDialog(self._runner, self, kind=kind, known=known)
        dialog.accepted.connect(lambda: self.apply_scan(dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.scan_dialog = dialog
        dialog.open()

    def apply_scan(self, dialog: Any) -> None:
        values, kind = dialog.values, str(dialog.kind.currentData())
        if kind == "household-page":
            for key in ("household_kind", "head_name", "household_number", "address"):
                if values.get(key):
                    self.records[key].setText(values[key])
        else:
            if values.get("id_number"):
                self.id_number.setText(values["id_number"])
                self._check_id_as_typed(values["id_number"])
            if values.get("name"):
                if kind == "id-card":
                    self.card_name = values["name"]
                if kind == "registration-card" or not self.applicant_name.text().strip():
                    self.applicant_name.setText(values["name"])
            if values.get("ethnicity"):
                self.records["ethnicity"].setText(values["ethnicity"])
            if kind == "registration-card":
                if values.get("relation_to_head"):
                    self.records["relation_to_head"].setText(values["relation_to_head"])
                if values.get("birth_date"):
                    self.book_birth.setText(values["birth_date"])
        self.pending_scans.append(
            (dialog.filename, dialog.image, dialog.media_type, dialog.provenance)
        )
        self._check_book()
        self.changed.emit()
        self.schedule()
