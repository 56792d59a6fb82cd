"""The print preview's print button hands the PDF to CUPS at true size (the desk's own
print path, up to a real cups-pdf printer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from caseworker.devices import settings as device_settings
from caseworker.printing.documents import render
from caseworker.printing.model import DocumentKind
from tests.devices import cups
from tests.helpers import sample_permit
from ui.print_preview import PrintPreview

MM = 72 / 25.4


def test_print_button_sends_the_pdf_at_true_size(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = cups.ensure_queue()
    monkeypatch.setenv(device_settings.SETTINGS_ENV, str(tmp_path / "devices.json"))
    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrinterName(queue)
    assert printer.printerName() == queue
    before = cups.existing_output()
    dialog.print_to(printer)
    try:
        printed = cups.wait_for_output(before)
        page = PdfReader(printed).pages[0]
        assert abs(float(page.mediabox.width) / MM - 210) <= 0.5
        assert abs(float(page.mediabox.height) / MM - 297) <= 0.5
    finally:
        cups.remove_output(before)


def test_a_printer_that_refuses_gets_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(device_settings.SETTINGS_ENV, str(tmp_path / "devices.json"))
    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    monkeypatch.setattr("shutil.which", lambda name: None)  # no CUPS on this computer
    dialog.print_to(QPrinter(QPrinter.PrinterMode.HighResolution))
    box = dialog.cannot_print_box
    # the clerk reads what to do in Chinese; the print system's English stays in the details
    assert "打印机没有响应" in box.text() and "请检查打印机" in box.text()
    assert not any("a" <= ch.lower() <= "z" for ch in box.text().replace("devices.json", ""))
    assert "install CUPS" in box.detailedText()
    box.close()


def test_the_print_dialog_opens_on_the_printer_of_the_settings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`printer` in devices.json is the printer the print button's dialog starts on (with
    two printers and no default, Qt alone would offer the first)."""
    offered: list[str] = []

    class Dialog:  # the system's print dialog, as a clerk would cancel it
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            offered.append(printer.printerName())

        def exec(self) -> int:
            return 0

    monkeypatch.setattr("ui.print_preview.QPrintDialog", Dialog)
    settings = tmp_path / "devices.json"
    monkeypatch.setenv(device_settings.SETTINGS_ENV, str(settings))
    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    with cups.another_queue() as second:
        assert QPrinterInfo.availablePrinterNames()[0] != second
        device_settings.save(device_settings.DeviceSettings(printer=second), settings)
        dialog.print_button.click()
        device_settings.save(device_settings.DeviceSettings(printer="no-such-printer"), settings)
        dialog.print_button.click()
    assert offered[0] == second and offered[1] != "no-such-printer"


def test_damaged_device_settings_are_said_as_such(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "the printer does not respond": the settings are what needs mending."""
    settings = tmp_path / "devices.json"
    settings.write_text("{damaged", encoding="utf-8")
    monkeypatch.setenv(device_settings.SETTINGS_ENV, str(settings))
    pdf = render(DocumentKind.PERMIT, sample_permit(), counterfoil=False)
    dialog = PrintPreview(pdf, "准予迁入证明 ZQ-1")
    qtbot.addWidget(dialog)
    dialog.print_to(QPrinter(QPrinter.PrinterMode.HighResolution))
    box = dialog.cannot_print_box
    assert "外设设置" in box.text() and "打印机没有响应" not in box.text()
    assert box.detailedText()  # what is wrong with the file, for the IT person
    box.close()
