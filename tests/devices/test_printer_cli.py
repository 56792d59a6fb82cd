"""`caseworker printer …`: list, calibrate, test page, print a PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.cli import main
from caseworker.devices import settings as device_settings
from caseworker.devices.printer import calibration_page
from tests.devices import cups

MM = 72 / 25.4


def test_calibrate_keeps_the_offset_and_refuses_a_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    devices = tmp_path / "devices.json"
    argv = ["printer", "calibrate", "HP", "--x-mm", "1.5", "--y-mm", "-0.5"]
    assert main([*argv, "--devices", str(devices)]) == 0
    assert "HP: offset x +1.5 mm, y -0.5 mm kept" in capsys.readouterr().out
    kept = device_settings.load(devices).calibration_for("HP")
    assert (kept.offset_x_mm, kept.offset_y_mm) == (1.5, -0.5)
    assert main(["printer", "list", "--json", "--devices", str(devices)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"printer": "HP", "offset_x_mm": 1.5, "offset_y_mm": -0.5, "default": False} in rows
    assert main([*argv, "--json", "--devices", str(devices)]) == 0
    assert json.loads(capsys.readouterr().out)["offset_x_mm"] == 1.5
    bad = ["printer", "calibrate", "HP", "--x-mm", "25", "--y-mm", "0"]
    assert main([*bad, "--devices", str(devices)]) == 2
    assert "measuring mistake" in capsys.readouterr().err
    assert device_settings.load(devices).calibration_for("HP").offset_x_mm == 1.5


def test_print_refuses_what_is_not_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "note.txt"
    text.write_text("hello", encoding="utf-8")
    devices = str(tmp_path / "devices.json")
    assert main(["printer", "print", str(text), "--devices", devices]) == 2
    assert "is not a PDF" in capsys.readouterr().err
    assert main(["printer", "print", str(tmp_path / "gone.pdf"), "--devices", devices]) == 2


def test_the_calibration_page_is_a4_with_crosses_20_mm_in() -> None:
    page = PdfReader(io.BytesIO(calibration_page())).pages[0]
    assert abs(float(page.mediabox.width) / MM - 210) < 0.1
    assert abs(float(page.mediabox.height) / MM - 297) < 0.1


def test_test_page_reaches_cups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queue = cups.ensure_queue()
    before = cups.existing_output()
    devices = str(tmp_path / "devices.json")
    assert main(["printer", "test-page", queue, "--devices", devices]) == 0
    assert f"sent to {queue} at true size" in capsys.readouterr().out
    try:
        printed = cups.wait_for_output(before)
        assert abs(float(PdfReader(printed).pages[0].mediabox.width) / MM - 210) <= 0.5
    finally:
        cups.remove_output(before)
