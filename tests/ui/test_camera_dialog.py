"""The document camera's dialog with a video file as the camera: the page that holds
still is taken by itself; a camera that does not open says so."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.devices.test_camera import EMPTY, MOVING_IN, STILL, _video  # skips without cv2
from ui.camera_dialog import CameraDialog
from ui.tasks import TaskRunner


def test_the_still_page_is_taken_and_handed_back(qtbot: QtBot, tmp_path: Path) -> None:
    video = _video(tmp_path / "page.avi", [*EMPTY, *MOVING_IN, *STILL])
    dialog = CameraDialog(str(video))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.show()
    assert dialog.captured is not None and dialog.captured.startswith(b"\x89PNG")
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()


def test_a_camera_that_does_not_open_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CameraDialog(str(tmp_path / "no-camera.avi"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.take_button.isEnabled(), timeout=5000)
    # what to do, in Chinese; the camera's own (English) words only in the tooltip
    assert "高拍仪无法使用" in dialog.status.text() and "连接线" in dialog.status.text()
    assert "cannot be opened" not in dialog.status.text()
    assert "cannot be opened" in dialog.status.toolTip()
    dialog.reject()
    assert dialog.captured is None


def test_the_scan_dialog_reads_what_the_camera_takes(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner
) -> None:
    """高拍仪拍摄 in the scan dialog: the page taken by the camera is the image read and kept."""
    from ui.scan_dialog import ScanDialog  # noqa: PLC0415 - loads the OCR

    video = _video(tmp_path / "page.avi", [*EMPTY, *MOVING_IN, *STILL])
    dialog = ScanDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.take_with_camera(str(video))
    camera = dialog.camera_dialog
    assert camera is not None
    qtbot.waitUntil(lambda: dialog.filename == "camera.png", timeout=60000)
    assert camera.captured is not None and dialog.image == camera.captured
