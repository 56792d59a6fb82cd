"""扫描仪扫描 in the scan dialog (F6): the flatbed of the PC's device settings, SANE's own
`test` backend standing in for it. The scan runs on a worker thread; the page it returns
is read and kept as an opened image; no scanner, or one that fails, is said in Chinese
with what to do."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from caseworker.devices import scanner
from tests.devices.fake_powershell import DEVICE_ID
from tests.devices.test_scanner import sane_test_backend  # noqa: F401 - a fixture
from tests.devices.test_wia import fake_wia  # noqa: F401 - a fixture
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.scan_dialog import ScanDialog

pytest.importorskip("cv2")


@pytest.fixture
def scan_dialog(qtbot: QtBot, runner: TaskRunner) -> ScanDialog:
    from ui.scan_dialog import ScanDialog  # noqa: PLC0415 - loads the OCR

    dialog = ScanDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    path = tmp_path / "devices.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_DEVICES", str(path))


@pytest.mark.usefixtures("sane_test_backend")
def test_the_flatbed_page_is_read_and_kept(
    qtbot: QtBot, scan_dialog: ScanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settings(tmp_path, monkeypatch, scanner="auto")
    threads: list[threading.Thread] = []
    pages: list[bytes] = []
    real = scanner.scan_page

    def watched(**kwargs: object) -> tuple[str, bytes]:
        threads.append(threading.current_thread())
        device, png = real(**kwargs)  # type: ignore[arg-type]  # as the dialog passes them
        pages.append(png)
        return device, png

    monkeypatch.setattr(scanner, "scan_page", watched)
    QTest.mouseClick(scan_dialog.scanner_button, Qt.MouseButton.LeftButton)
    # the click has returned while the scanner works: the GUI thread was not held
    assert not scan_dialog.scanner_button.isEnabled()
    assert "正在扫描" in scan_dialog.status.text()
    qtbot.waitUntil(lambda: scan_dialog.filename == "scanner.png", timeout=60000)
    assert threads and threads[0] is not threading.main_thread()
    assert scan_dialog.scanned_from == "test:0"  # auto: the first SANE lists
    assert scan_dialog.image == pages[0] and scan_dialog.media_type == "image/png"
    assert scan_dialog.scanner_button.isEnabled()


@pytest.mark.usefixtures("sane_test_backend")
def test_a_scanner_that_fails_is_said_with_what_to_do(
    qtbot: QtBot, scan_dialog: ScanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settings(tmp_path, monkeypatch, scanner="caseworker-no-such-scanner")
    QTest.keyClick(scan_dialog, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(scan_dialog.scanner_button.isEnabled, timeout=30000)
    said = scan_dialog.status.text()
    assert "扫描仪没有扫描成功" in said and "数据线" in said and "自带的程序" in said
    assert "caseworker-no-such-scanner" in scan_dialog.status.toolTip()  # for the IT person
    assert scan_dialog.filename == "" and not scan_dialog.accept_button.isEnabled()


def test_no_scanner_at_all_is_said(
    qtbot: QtBot, scan_dialog: ScanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("scanimage") is None:
        pytest.skip("SANE's scanimage is missing")
    (tmp_path / "dll.conf").write_text("", encoding="utf-8")  # SANE with no backend
    monkeypatch.setenv("SANE_CONFIG_DIR", str(tmp_path))
    _settings(tmp_path, monkeypatch)  # the default: auto
    QTest.mouseClick(scan_dialog.scanner_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(scan_dialog.scanner_button.isEnabled, timeout=30000)
    said = scan_dialog.status.text()
    assert "没有找到扫描仪" in said and "电源" in said and "打开图片" in said


def test_damaged_settings_are_said(
    scan_dialog: ScanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "devices.json"
    path.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_DEVICES", str(path))
    scan_dialog.scan_with_scanner()
    assert "外设设置（devices.json）无法使用" in scan_dialog.status.text()
    assert "not JSON" in scan_dialog.status.toolTip()
    assert scan_dialog.scanner_button.isEnabled()


def test_a_dialog_closed_while_the_scanner_works_is_left_alone(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clerk cancels while the scanner is still scanning (the intake deletes the dialog
    when it closes): the page that arrives later goes nowhere, and nothing fails."""
    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    from ui.scan_dialog import ScanDialog  # noqa: PLC0415

    release = threading.Event()
    arrived: list[bool] = []

    def slow(**_kwargs: object) -> tuple[str, bytes]:
        release.wait(10)
        arrived.append(True)
        return "test:0", b"\x89PNG\r\n\x1a\n"

    monkeypatch.setattr(scanner, "scan_page", slow)
    dialog = ScanDialog(runner)
    dialog.show()
    dialog.scan_with_scanner("test:0")
    dialog.reject()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: bool(arrived) and not runner.busy, timeout=10000)


@pytest.mark.parametrize("outcome", ["read", "not read"])
def test_a_dialog_closed_while_the_page_is_read_is_left_alone(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, outcome: str
) -> None:
    """The same for the reading (OCR) of a page, whichever way it came."""
    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    import ui.scan_dialog as module  # noqa: PLC0415

    release = threading.Event()
    arrived: list[bool] = []

    def slow(image: bytes) -> object:
        release.wait(10)
        arrived.append(True)
        if outcome == "not read":
            raise ValueError("not a document")
        return object()  # never looked at: the dialog is gone

    monkeypatch.setattr(module, "read_scan", slow)
    dialog = module.ScanDialog(runner)
    dialog.show()
    dialog.read_image(b"\x89PNG\r\n\x1a\n", "scanner.png")
    dialog.reject()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: bool(arrived) and not runner.busy, timeout=10000)


@pytest.mark.usefixtures("fake_wia")
def test_the_dialog_scans_through_wia_on_windows(
    qtbot: QtBot, scan_dialog: ScanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same button on Windows: WIA through the stand-in ``powershell`` (never a real
    WIA driver here)."""
    monkeypatch.setattr(scanner, "default_backend", lambda: "wia")
    _settings(tmp_path, monkeypatch, scanner="auto")
    scan_dialog.scan_with_scanner()
    qtbot.waitUntil(lambda: scan_dialog.filename == "scanner.png", timeout=60000)
    assert scan_dialog.scanned_from == DEVICE_ID
    assert scan_dialog.image.startswith(b"\x89PNG")
    monkeypatch.setenv("FAKE_WIA", "busy")
    scan_dialog.scan_with_scanner()
    qtbot.waitUntil(scan_dialog.scanner_button.isEnabled, timeout=30000)
    assert "扫描仪没有扫描成功" in scan_dialog.status.text()
    assert "the scanner is busy" in scan_dialog.status.toolTip()
