"""The Windows print path (each page rendered at the printer's resolution and drawn at
its physical size from the paper's corner), run here against Qt's own PDF printer: the
ink lands where the document puts it. A real Windows printer driver is not tested."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caseworker.devices.settings import Calibration, DeviceSettings
from caseworker.printing.documents import render
from caseworker.printing.model import DocumentKind
from tests.helpers import sample_permit
from ui.print_preview import PrintPreview

np = pytest.importorskip("numpy")
DPI = 100


def _ink_box(pdf: bytes) -> tuple[float, float, float, float]:
    """The first page's inked area (left, top, right, bottom) in mm."""
    document = pdfium.PdfDocument(pdf)
    try:
        pixels = np.asarray(document[0].render(scale=DPI / 72).to_pil().convert("L"))
    finally:
        document.close()
    rows, columns = np.where(pixels < 128)
    mm = 25.4 / DPI
    return (columns.min() * mm, rows.min() * mm, columns.max() * mm, rows.max() * mm)


def _printed(qtbot: QtBot, tmp_path: Path, calibration: Calibration) -> bytes:
    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setResolution(300)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),  # a printable area smaller than the paper
            QPageLayout.Unit.Millimeter,
        )
    )
    settings = DeviceSettings().with_calibration(printer.printerName(), calibration)
    dialog._print_exact_size(printer, settings)
    return (tmp_path / "out.pdf").read_bytes()


def test_pages_land_at_their_physical_size(qtbot: QtBot, tmp_path: Path) -> None:
    original = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    printed = _printed(qtbot, tmp_path, Calibration())
    page = pdfium.PdfDocument(io.BytesIO(printed))[0]
    width, height = page.get_size()
    assert abs(width * 25.4 / 72 - 210) <= 0.5 and abs(height * 25.4 / 72 - 297) <= 0.5
    for a, b in zip(_ink_box(original), _ink_box(printed), strict=True):
        assert abs(a - b) <= 0.5, (_ink_box(original), _ink_box(printed))


def test_the_calibration_moves_the_ink(qtbot: QtBot, tmp_path: Path) -> None:
    original = _ink_box(render(DocumentKind.PERMIT, sample_permit(), counterfoil=False))
    moved = _ink_box(_printed(qtbot, tmp_path, Calibration(offset_x_mm=3, offset_y_mm=2)))
    assert abs(moved[0] - original[0] - 3) <= 0.5 and abs(moved[1] - original[1] - 2) <= 0.5
