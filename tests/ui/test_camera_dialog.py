"""The document camera's dialog with a video file as the camera: the page that holds
still is taken by itself; a camera that does not open says so."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.devices.test_camera import EMPTY, MOVING_IN, STILL, _video  # skips without cv2
from ui.camera_dialog import CameraDialog


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
    assert "高拍仪无法使用" in dialog.status.text() and "cannot be opened" in dialog.status.text()
    dialog.reject()
    assert dialog.captured is None
