"""The counter's devices end to end, as issue 27 asks: the card read from the simulated
SAM reader (a pseudo-terminal speaking the protocol) → the form filled → the applicant's
screen shows it, masked → the applicant confirms (audited) → accepted → the 受理回执
(acceptance receipt) printed through the desk's own print path to a real CUPS cups-pdf
printer, and the printed PDF read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caseworker.devices import settings as device_settings
from caseworker.devices.sam_simulator import SamSimulator
from caseworker.printing.model import DocumentKind
from caseworker.services.applicant_screen import CONFIRMED
from caseworker.services.base import Actor
from tests.devices import cups
from tests.ui.applicant_screen_helpers import case_01, editable_or_focusable
from tests.ui.conftest import key, settle
from tests.ui.test_sam_reader_desk import CARD
from tests.ui.test_sam_reader_desk import desk as desk  # noqa: PLC0414 - the SAM desk
from tests.ui.test_sam_reader_desk import simulator as simulator  # noqa: PLC0414
from ui.main_window import Desk, MainWindow

MM = 72 / 25.4


def test_card_to_applicant_screen_to_printed_receipt(
    qtbot: QtBot,
    window: MainWindow,
    simulator: tuple[str, SamSimulator],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    queue = cups.ensure_queue()
    desk: Desk = window.desk
    monkeypatch.setenv(device_settings.SETTINGS_ENV, str(tmp_path / "devices.json"))
    # the card, read from the SAM reader into a new form
    key(Qt.Key.Key_F2)
    key(Qt.Key.Key_F5)
    settle(qtbot, desk.runner)
    intake = window.intake
    assert simulator[1].behaviour.seen[-1] == (0x30, 0x01)  # read base information
    assert intake.id_number.text() == CARD["id_number"] and intake.applicant_name.text() == "张三丰"
    # the rest of the form (shared case 01, whose applicant this card is), kept as read
    data = case_01()
    assert data["applicant"]["id_number"] == intake.id_number.text()
    data["records"]["applicant"] = {
        "name": intake.applicant_name.text(),
        "ethnicity": intake.records["ethnicity"].text(),
    }
    intake.load_data(data, number=None, state="", version=0)
    window.application.mark_dirty()
    settle(qtbot, desk.runner)
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk.runner)
    number = intake.number
    assert number is not None and not window.dirty
    # the applicant's screen shows it, masked, and nothing on it can be edited
    key(Qt.Key.Key_F11)
    screen = window.applicant_screen
    qtbot.waitUntil(screen.isVisible)
    assert "张三丰" in screen.people.text() and "371502********0038" in screen.people.text()
    assert CARD["id_number"] not in screen.people.text()
    assert "符合落户条件" in screen.decision.text()
    assert editable_or_focusable(screen) == []
    # the applicant confirms on their screen
    screen.confirm_button.click()
    settle(qtbot, desk.runner)
    assert screen.content is not None
    supervisor = Actor("zhao", "supervisor")
    events = desk.audit.events(supervisor, action=CONFIRMED, application=number)
    assert [e.detail["shown_sha256"] for e in events] == [screen.content.digest()]
    # accepted: the receipt number; the receipt printed to CUPS and read back
    window.step_buttons["accept"].click()
    settle(qtbot, desk.runner)
    view = desk.apps.get(number)
    assert view.state == "accepted" and view.receipt_number
    window.application.print_document(DocumentKind.RECEIPT)
    settle(qtbot, desk.runner)
    preview = window.application.preview
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrinterName(queue)
    before = cups.existing_output()
    preview.print_to(printer)
    try:
        printed = PdfReader(cups.wait_for_output(before))
        page = printed.pages[0]
        assert abs(float(page.mediabox.width) / MM - 210) <= 0.5
        assert abs(float(page.mediabox.height) / MM - 297) <= 0.5
        text = "".join(p.extract_text() for p in printed.pages)
        assert view.receipt_number in text and number in text
    finally:
        cups.remove_output(before)
        preview.close()
