"""WIA (Windows) on Linux: a stand-in ``powershell`` first on PATH receives exactly the
command line and script the desk would give Windows PowerShell, checks the script holds
what WIA needs, and answers as a scanner would. The orchestration, the timeout, the
errors and the parsing are real; WIA itself is not (never tested against a real driver)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from caseworker.devices.scanner import ScannerError, scan, scan_page, scanners
from tests.devices.fake_powershell import DEVICE_ID

FAKE = Path(__file__).with_name("fake_powershell.py")


@pytest.fixture
def fake_wia(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in as ``powershell`` alone on PATH; returns the log of its scripts."""
    folder = tmp_path / "bin"
    folder.mkdir()
    tool = folder / "powershell"
    tool.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n', encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(folder))
    log = tmp_path / "scripts.log"
    monkeypatch.setenv("FAKE_WIA_LOG", str(log))
    monkeypatch.delenv("FAKE_WIA", raising=False)
    return log


def _dimensions(png: bytes) -> tuple[int, int, int]:
    """Width, height and colour type from the PNG's header."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"), png[25]


def test_the_scanners_are_listed(fake_wia: Path) -> None:
    found = scanners(backend="wia")
    assert [(s.device, s.vendor, s.model) for s in found] == [
        (DEVICE_ID, "佳能 Canon", "CanoScan LiDE 300")  # UTF-8 from PowerShell, kept
    ]


def test_auto_scans_the_first_scanner_at_the_resolution_asked(fake_wia: Path) -> None:
    device, png = scan_page(device="auto", resolution=150, backend="wia")
    assert device == DEVICE_ID
    assert _dimensions(png) == (472, 591, 2)  # 80 x 100 mm at 150 dpi, colour
    _, grey = scan_page(device=DEVICE_ID, resolution=100, colour=False, backend="wia")
    assert _dimensions(grey) == (315, 394, 0)
    scripts = fake_wia.read_text(encoding="utf-8").split("\n---\n")
    # the device reached the script through the environment, never quoted into it
    assert not any(DEVICE_ID in script for script in scripts)


def test_no_scanner_and_an_unknown_one_are_said(
    fake_wia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ScannerError, match="caseworker scanner list") as unknown:
        scan("{00000000-0000-0000-0000-000000000000}\\0009", backend="wia")
    assert unknown.value.reason == "no-scanner"
    monkeypatch.setenv("FAKE_WIA", "none")
    assert scanners(backend="wia") == []
    with pytest.raises(ScannerError, match="no scanner was found") as none:
        scan_page(backend="wia")
    assert none.value.reason == "no-scanner"


def test_a_busy_scanner_is_said_in_words(fake_wia: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WIA", "busy")
    with pytest.raises(ScannerError, match="the scanner is busy") as busy:
        scan(DEVICE_ID, backend="wia")
    assert busy.value.reason == "failed" and "0x80210006" in busy.value.detail


def test_a_scanner_that_never_answers_times_out(
    fake_wia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_WIA", "slow")
    with pytest.raises(ScannerError, match="did not scan in 1 s") as slow:
        scan(DEVICE_ID, backend="wia", timeout=1)
    assert slow.value.reason == "timeout"


def test_an_answer_that_is_not_json_is_a_failure(
    fake_wia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_WIA", "garbage")
    with pytest.raises(ScannerError, match="WIA did not scan") as garbage:
        scan(DEVICE_ID, backend="wia")
    assert garbage.value.reason == "failed" and "Connect" in garbage.value.detail


def test_a_pc_without_wia_or_powershell(
    fake_wia: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FAKE_WIA", "no-wia")
    with pytest.raises(ScannerError, match=r"WIA.*not available") as no_wia:
        scanners(backend="wia")
    assert no_wia.value.reason == "no-tool"
    monkeypatch.setenv("PATH", str(tmp_path))  # no powershell anywhere
    with pytest.raises(ScannerError, match="PowerShell is missing") as no_tool:
        scan_page(backend="wia")
    assert no_tool.value.reason == "no-tool"


def test_a_script_without_what_wia_needs_is_refused_by_the_stand_in(
    fake_wia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stand-in's checks are real: a script that forgets the resolution is refused."""
    from caseworker.devices import scanner  # noqa: PLC0415

    monkeypatch.setattr(scanner, "WIA_SCAN_SCRIPT", scanner.WIA_SCAN_SCRIPT.replace("6148", "6149"))
    with pytest.raises(ScannerError, match="lacks") as refused:
        scan(DEVICE_ID, backend="wia")
    assert "6148" in refused.value.detail


def test_the_scripts_are_well_formed_as_far_as_can_be_told_here() -> None:
    """No PowerShell here to parse them: at least every bracket is closed in order (the
    scan script is built as a Python f-string, where a doubled brace is easily missed),
    and every environment variable the scan script reads is one the desk sets."""
    import re  # noqa: PLC0415

    from caseworker.devices import scanner  # noqa: PLC0415

    pairs = {")": "(", "}": "{", "]": "["}
    for script in (scanner.WIA_LIST_SCRIPT, scanner.WIA_SCAN_SCRIPT):
        code = re.sub(r"'[^']*'|#[^\n]*", "", script)  # literals and comments aside
        stack: list[str] = []
        for char in code:
            if char in "({[":
                stack.append(char)
            elif char in pairs:
                assert stack and stack.pop() == pairs[char], script
        assert stack == []
    read = set(re.findall(r"\$env:(\w+)", scanner.WIA_SCAN_SCRIPT))
    assert read == {
        scanner.WIA_ENV_DEVICE,
        scanner.WIA_ENV_OUT,
        scanner.WIA_ENV_DPI,
        scanner.WIA_ENV_INTENT,
    }
