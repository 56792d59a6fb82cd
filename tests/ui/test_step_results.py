"""After each step the clerk sees its result (issue 25, item 6): after 受理 the receipt
number large on the page with 打印回执 focused, so one key prints it; the save-as dialog
in the desk's language, in the documents folder, named after the document and number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import key, settle
from tests.ui.test_desk import SHARED_COPY
from ui.main_window import Desk, MainWindow
from ui.print_preview import PrintPreview, documents_folder, save_as_dialog


def _accepted(qtbot: QtBot, window: MainWindow, desk: Desk) -> str:
    case = json.loads((SHARED_COPY / "02-jinan2017-encouraged-rental.json").read_text("utf-8"))
    case.pop("expect")
    case.pop("case")
    case["records"] = {
        "applicant": {"name": "王小明"},
        "family": [{"name": n} for n in ("李四", "王小", "王幺")][: len(case["family"])],
    }
    view = desk.apps.create_draft(desk.login.actor, case)
    window._show_application(desk.apps.get(view.number))
    settle(qtbot, desk.runner)
    page = window.application
    assert not page.receipt_label.isVisible()  # a draft has no receipt yet
    assert window.step_buttons["accept"].isEnabled()
    window.step_buttons["accept"].click()
    settle(qtbot, desk.runner)
    return view.number


def test_after_acceptance_the_receipt_number_is_large_and_printing_it_is_one_key(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    number = _accepted(qtbot, window, desk)
    page = window.application
    receipt = desk.apps.get(number).receipt_number
    assert receipt
    assert page.receipt_label.isVisible()
    assert page.receipt_label.text() == f"受理回执编号：{receipt}"
    assert page.receipt_label.font().pointSizeF() > page.state_label.font().pointSizeF() * 1.5
    assert QApplication.focusWidget() is page.print_receipt
    key(Qt.Key.Key_Space)  # the focused button: print the receipt
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    assert page.preview.windowTitle().startswith("打印预览 — 受理回执")
    assert page.preview.suggested_path() == documents_folder() / f"受理回执-{number}.pdf"
    page.preview.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # a new application starts without the last one's receipt
    key(Qt.Key.Key_F2)
    assert not page.receipt_label.isVisible() and not page.print_receipt.isVisible()


def test_save_as_opens_in_the_documents_folder_with_a_name_and_in_chinese(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    name = "受理回执-370102001-A5E4-000001.pdf"
    preview = PrintPreview(_a_pdf(), "受理回执 SL-1", file_name=name)
    qtbot.addWidget(preview)
    seen: list[QFileDialog] = []
    opened_in: list[Path] = []

    def chosen(dialog: QFileDialog) -> int:  # what the clerk sees, then "save" to tmp
        seen.append(dialog)
        opened_in.append(Path(dialog.directory().absolutePath()))
        dialog.selectFile(str(tmp_path / "saved.pdf"))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", chosen)
    preview.save_button.click()
    [dialog] = seen
    assert dialog.windowTitle() == "另存为 PDF"
    assert dialog.nameFilters() == ["PDF 文件 (*.pdf)"]
    assert opened_in == [documents_folder()]
    labels = QFileDialog.DialogLabel
    assert [dialog.labelText(label) for label in labels] == [
        "查找范围：",
        "文件名：",
        "文件类型：",
        "保存(&S)",
        "取消",
    ]
    assert (tmp_path / "saved.pdf").read_bytes() == preview.pdf


def test_the_save_dialog_suggests_the_name(qtbot: QtBot) -> None:
    name = "受理回执-370102001-A5E4-000001.pdf"
    preview = PrintPreview(_a_pdf(), "受理回执 SL-1", file_name=name)
    qtbot.addWidget(preview)
    dialog = save_as_dialog(preview, path=preview.suggested_path())
    qtbot.addWidget(dialog)
    [selected] = dialog.selectedFiles()
    assert Path(selected) == documents_folder() / name


def _a_pdf() -> bytes:
    import io  # noqa: PLC0415

    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "receipt")
    canvas.save()
    return out.getvalue()
