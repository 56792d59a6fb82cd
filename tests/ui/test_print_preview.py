"""The print preview shows every page, prints to a printer and saves the same PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caseworker.printing.documents import render
from caseworker.printing.model import DocumentKind
from tests.helpers import sample_permit
from ui.print_preview import PrintPreview

PERMIT = sample_permit()


def test_preview_prints_and_saves(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = render(DocumentKind.PERMIT, PERMIT, counterfoil=True)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    assert len(dialog.pages) == 2 and dialog.pages[0].width() > 700
    saved = tmp_path / "copy.pdf"
    assert dialog.save_to(saved) and saved.read_bytes() == pdf
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    warned: list[str] = []
    monkeypatch.setattr("ui.print_preview.QMessageBox.warning", lambda *a: warned.append(a[2]))
    assert not dialog.save_to(tmp_path / "missing" / "x.pdf")
    assert warned and "请换一个位置" in warned[0]
