"""Scanning in the desk: the fields read beside the image, each with its status and the
piece of the image it came from; every field not "read and checked" must be looked at
before accepting; the clerk's corrections taken, the cross-check against what the form
holds; nothing stored until the clerk accepts and saves, then the image is kept with the
application, with which fields came from the scan and which the clerk changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.scanning.checks import Status
from caseworker.scanning.ocr import OcrLine, Reading
from caseworker.services.scanning import ScannedDocument
from tests.scanning.images import sample
from tests.ui.conftest import settle
from ui.main_window import MainWindow
from ui.scan_dialog import ScanDialog


def _lines(*rows: tuple[str, int, int, float]) -> list[OcrLine]:
    return [OcrLine(t, s, (x, y, x + 30 * len(t), y + 32)) for t, x, y, s in rows]


CARD = _lines(
    ("姓名", 50, 50, 0.99),
    ("张三丰", 170, 48, 0.99),
    ("性别", 50, 120, 0.99),
    ("男", 170, 120, 0.99),
    ("民族", 300, 120, 0.99),
    ("汉", 420, 120, 0.55),  # doubtful
    ("出生", 50, 190, 0.99),
    ("1972年5月20日", 170, 190, 0.99),
    ("住址", 50, 260, 0.99),
    ("山东省聊城市东昌府区古楼街道1号", 170, 260, 0.99),
    ("公民身份号码", 50, 470, 0.99),
    ("371502197205200038", 300, 466, 0.99),
)


def _read_as(lines: list[OcrLine]) -> object:
    """A stand-in for the recogniser: these lines, whatever the image."""
    return lambda image: ScannedDocument(Reading(lines, image, False, []))


def _shown(dialog: ScanDialog) -> bool:
    return dialog.scan is not None and bool(dialog.edits)


def test_a_real_image_is_read_and_shown_beside_its_fields(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    made = sample("id-card", 3)
    image = tmp_path / "card.png"
    image.write_bytes(made.png)
    dialog = ScanDialog(window.desk.runner, window, kind="id-card")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.read_file(image)
    # the OCR on a shared machine may take longer than settle() waits for the store
    qtbot.waitUntil(lambda: _shown(dialog), timeout=60_000)
    settle(qtbot, window.desk.runner)
    assert {k: e.text() for k, e in dialog.edits.items()} == made.fields
    assert dialog.picture.pixmap() is not None and not dialog.picture.pixmap().isNull()
    # each field with the piece of the image it was read from
    assert all(not crop.pixmap().isNull() for crop in dialog.crops.values())


def test_accepting_fills_the_form_and_saving_keeps_the_image(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.scan_dialog.read_scan", _read_as(CARD))
    window.new_application()
    window.intake.scan()
    dialog = window.intake.scan_dialog
    png = sample("id-card", 5).png
    dialog.read_image(png, "card.png")
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: _shown(dialog))
    found = dialog.scan.fields if dialog.scan else {}
    # read with little confidence: doubtful, marked; the number checked by its check digit
    assert found["ethnicity"].status is Status.DOUBTFUL and dialog.edits["ethnicity"].styleSheet()
    assert dialog.badges["ethnicity"].text() == "存疑"
    assert found["id_number"].status is Status.CHECKED and dialog.looks["id_number"].isHidden()
    assert found["name"].status is Status.UNCHECKED  # nothing can check a name
    # not accepted until every field not read-and-checked has been looked at
    assert not dialog.accept_button.isEnabled()
    assert set(dialog.unlooked()) == {"name", "ethnicity", "address"}
    dialog.accept_button.click()
    assert dialog.isVisible() and dialog.values == {}
    dialog.edits["ethnicity"].setText("回")  # the clerk corrects it from the card
    dialog.edits["ethnicity"].textEdited.emit("回")
    assert dialog.looks["ethnicity"].isChecked()  # correcting is looking
    assert not dialog.accept_button.isEnabled()
    dialog.looks["name"].setChecked(True)
    dialog.looks["address"].setChecked(True)
    assert dialog.accept_button.isEnabled() and dialog.unlooked() == []
    dialog.accept_button.click()
    assert dialog.provenance["ethnicity"] == {"status": "doubtful", "by": "clerk-changed"}
    assert dialog.provenance["name"] == {"status": "unchecked", "by": "clerk-confirmed"}
    assert dialog.provenance["id_number"] == {"status": "checked", "by": "scan"}
    settle(qtbot, window.desk.runner)
    intake = window.intake
    assert intake.id_number.text() == "371502197205200038"
    assert intake.applicant_name.text() == "张三丰" and intake.card_name == "张三丰"
    assert intake.records["ethnicity"].text() == "回"
    assert window.desk.apps.search(window.actor, "371502197205200038").items == ()
    assert intake.pending_scans and intake.pending_scans[0][1] == png  # kept, not stored
    # the rest of the form, then Ctrl+S: the application is saved with its scan
    intake.on_date.setText("2019-03-15")
    intake.county.setText("370102")
    intake._county_done()
    window.save()
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: intake.number is not None)
    settle(qtbot, window.desk.runner)
    number = intake.number
    assert number is not None
    qtbot.waitUntil(lambda: len(window.desk.apps.scans(number)) == 1)
    kept = window.desk.apps.scans(number)[0]
    assert kept.filename == "card.png"
    assert window.desk.apps.scan_content(kept.id) == png
    assert intake.pending_scans == []
    # the application's history says which fields came from the scan and which the clerk
    # changed
    attached = [e for e in window.desk.apps.history(number) if e.action == "application.attach"]
    assert attached[0].detail["fields"]["ethnicity"]["by"] == "clerk-changed"
    assert attached[0].detail["fields"]["sex"] == {"status": "checked", "by": "scan"}


def test_cancelling_stores_nothing_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.scan_dialog.read_scan", _read_as(CARD))
    window.new_application()
    window.intake.scan()
    dialog = window.intake.scan_dialog
    dialog.read_image(b"png", "card.png")
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: _shown(dialog))
    dialog.reject()
    assert window.intake.id_number.text() == "" and window.intake.pending_scans == []


def test_the_clerks_typing_is_checked_and_compared(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.scan_dialog.read_scan", _read_as(CARD))
    dialog = ScanDialog(window.desk.runner, window, kind="id-card", known={"name": "张三峰"})
    qtbot.addWidget(dialog)
    dialog.read_image(b"png", "card.png")
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: _shown(dialog))
    assert "张三峰" in dialog.problems.text()  # the form's name against the card's
    dialog.edits["id_number"].setText("371502197205200039")
    dialog.edits["id_number"].textEdited.emit("371502197205200039")
    assert "check digit" in dialog.problems.text()


def test_the_first_field_has_the_focus_as_soon_as_the_fields_are_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.scan_dialog.read_scan", _read_as(CARD))
    dialog = ScanDialog(window.desk.runner, window, kind="id-card")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    at_once: list[object] = []
    build = dialog._reread

    def build_and_look() -> None:
        build()
        # before any other event runs: a key typed now must land in the first field
        at_once.append(QApplication.focusWidget())

    dialog._reread = build_and_look  # type: ignore[method-assign]
    dialog.read_image(b"png", "card.png")
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: _shown(dialog))
    first = next(iter(dialog.edits.values()))
    assert at_once == [first]


def test_an_unreadable_file_is_told(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = ScanDialog(window.desk.runner, window)
    qtbot.addWidget(dialog)
    (tmp_path / "note.png").write_bytes(b"not really")
    dialog.read_file(tmp_path / "note.png")
    settle(qtbot, window.desk.runner)
    qtbot.waitUntil(lambda: "not an image" in dialog.status.text())
    assert not dialog.accept_button.isEnabled()
    dialog.read_file(tmp_path / "missing.png")
    assert "无法读取" in dialog.status.text()


def test_every_reason_a_field_can_have_is_worded_for_the_clerk_in_both_languages() -> None:
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    from caseworker.resources import resource_path  # noqa: PLC0415
    from caseworker.scanning import checks  # noqa: PLC0415
    from ui import scan_dialog  # noqa: PLC0415

    reasons = {*checks.REASONS, "low-confidence"}  # the last one is fields._settled's
    assert reasons <= set(scan_dialog.REASONS), reasons - set(scan_dialog.REASONS)
    catalogue = ET.parse(resource_path("translations", "desk_en.ts"))
    english = {m.findtext("source"): m.find("translation") for m in catalogue.iter("message")}
    for reason in reasons:
        translation = english[scan_dialog.REASONS[reason]]
        assert translation is not None and translation.text, reason
        assert translation.get("type") != "unfinished", reason


def test_a_value_to_compare_is_never_squeezed_by_the_box_beside_it_in_english(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In English "Checked against the original" took the room, and an address showed only
    its last characters (东北村16号) in a box 67 pixels wide."""
    from ui import i18n  # noqa: PLC0415
    from ui.scan_dialog import EDIT_MIN_WIDTH  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415

    monkeypatch.setattr("ui.scan_dialog.read_scan", _read_as(CARD))
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        runner = TaskRunner()
        dialog = ScanDialog(runner)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 740)
        dialog.show()
        dialog.read_image(sample("id-card", 5).png, "card.png")
        qtbot.waitUntil(lambda: _shown(dialog), timeout=20_000)
        qtbot.waitUntil(lambda: not runner.busy)
        looked = [n for n, look in dialog.looks.items() if not look.isHidden()]
        assert looked  # fields with the confirmation box beside them
        narrow = {n: e.width() for n, e in dialog.edits.items() if e.width() < EDIT_MIN_WIDTH}
        assert narrow == {}
    finally:
        i18n.install(qapp, i18n.CHINESE)
