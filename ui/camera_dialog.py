"""The document camera's dialog (高拍仪): a live picture of the desk; the page is taken by
itself when it holds still (or with the button), and handed back as a PNG for the scan
dialog to read: the scan dialog's 高拍仪拍摄 (Ctrl+K) opens it with the camera of the
PC's device settings and reads what it ``captured``."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.devices.camera import DocumentCamera, StillnessDetector, encode_png
from caseworker.devices.errors import DeviceError
from ui.i18n import tr

PREVIEW_WIDTH = 640


class CameraWorker(QThread):
    """Reads the camera on its own thread: ``VideoCapture.read`` blocks for a frame's
    time, which the GUI thread must never wait for."""

    frame = Signal(QImage, float)
    captured = Signal(bytes)
    failed = Signal(str)

    def __init__(self, camera: DocumentCamera, detector: StillnessDetector) -> None:
        super().__init__()
        self.camera = camera
        self.detector = detector
        self.auto = True
        self._stop = threading.Event()
        self._take = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def take_now(self) -> None:
        self._take.set()

    def run(self) -> None:
        try:
            for frame in self.camera.frames():
                if self._stop.is_set():
                    return
                still = self.detector.feed(frame)
                self.frame.emit(_image(frame), self.detector.last_difference)
                if self._take.is_set() or (self.auto and still):
                    self.captured.emit(encode_png(frame))
                    return
        except DeviceError as exc:
            self.failed.emit(str(exc))


def _image(frame: Any) -> QImage:
    height, width = frame.shape[:2]
    rgb = frame[:, :, ::-1].copy()  # OpenCV's BGR to Qt's RGB
    image = QImage(rgb.data, width, height, width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels before the array goes


class CameraDialog(QDialog):
    def __init__(
        self,
        source: str,
        parent: QWidget | None = None,
        *,
        detector: StillnessDetector | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("高拍仪"))
        self.captured: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 3 // 4)
        self.status = QLabel(tr("请把材料放在高拍仪下，放稳后自动拍摄。"), self)
        self.status.setWordWrap(True)
        self.auto = QCheckBox(tr("放稳后自动拍摄(&A)"), self)
        self.auto.setChecked(True)
        self.take_button = QPushButton(tr("拍摄(&T)"), self)
        close_button = QPushButton(tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.auto)
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.worker = CameraWorker(DocumentCamera(source), detector or StillnessDetector())
        self.worker.frame.connect(self._show)
        self.worker.captured.connect(self._captured)
        self.worker.failed.connect(self._failed)
        self.auto.toggled.connect(self._set_auto)
        self.take_button.clicked.connect(self.worker.take_now)
        close_button.clicked.connect(self.reject)
        self.take_button.setDefault(True)
        self.worker.start()

    @Slot(bool)
    def _set_auto(self, on: bool) -> None:
        self.worker.auto = on

    @Slot(QImage, float)
    def _show(self, image: QImage, difference: float) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image.scaledToWidth(PREVIEW_WIDTH)))
        moving = difference > self.worker.detector.threshold
        self.status.setText(tr("画面在动，请放稳。") if moving else tr("画面已稳定。"))

    @Slot(bytes)
    def _captured(self, png: bytes) -> None:
        self.captured = png
        self.accept()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.status.setText(
            tr(
                "高拍仪无法使用。请检查高拍仪的连接线和电源，或请信息员在外设设置中选择"
                "正确的高拍仪；也可以关闭此窗口，用扫描仪扫描或打开图片文件。"
            )
        )
        self.status.setToolTip(message)  # the camera's own words, for the IT person
        self.take_button.setEnabled(False)

    def done(self, result: int) -> None:
        self.worker.stop()
        self.worker.wait(3000)
        super().done(result)
