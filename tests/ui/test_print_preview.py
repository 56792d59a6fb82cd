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


def test_the_preview_fits_the_screen(qtbot: QtBot) -> None:
    """Its 打印 and 另存为 PDF buttons on screen: the window no taller or wider than the
    screen's free area (a tester saw a 900×1000 preview on a 1366×768 screen)."""
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    room = screen.availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
