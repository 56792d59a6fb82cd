"""On-device OCR (文字识别) with RapidOCR: the PP-OCRv4 Chinese models ship inside the
``rapidocr-onnxruntime`` wheel and run on ONNX Runtime, so nothing is downloaded and no
image leaves the counter PC. The engine loads once per process, on first use."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

NOT_INSTALLED = (
    "scanning is not installed with this program (pip install 'caseworker[scan]'); "
    "type the fields from the document instead"
)


class ScanError(ValueError):
    """An image that cannot be read; the message says what to do."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of text found: its text, the model's confidence, and its box as
    (left, top, right, bottom) in the image's pixels."""

    text: str
    score: float
    box: tuple[int, int, int, int]

    @property
    def middle(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


_engine: Any = None
_lock = threading.Lock()


def _ocr() -> Any:
    global _engine  # noqa: PLW0603 - one engine per process: its models take a second to load
    with _lock:
        if _engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415
            except ImportError:
                raise ScanError(NOT_INSTALLED) from None
            _engine = RapidOCR()
        return _engine


def read_lines(image: bytes) -> list[OcrLine]:
    """The lines of text in an image (PNG, JPEG, …), top to bottom."""
    try:
        import cv2  # noqa: PLC0415 - comes with the OCR engine
        import numpy as np  # noqa: PLC0415
    except ImportError:
        raise ScanError(NOT_INSTALLED) from None
    if not image:
        raise ScanError("the image is empty; scan it again")
    pixels = cv2.imdecode(np.frombuffer(image, dtype=np.uint8), cv2.IMREAD_COLOR)
    if pixels is None:
        raise ScanError("this is not an image the scanner reads (PNG or JPEG); scan it again")
    # Red stamps (公章) over the text vanish in the red channel, where black and blue ink
    # stay dark: read that channel only.
    red = pixels[:, :, 2]
    found, _elapsed = _ocr()(cv2.merge([red, red, red]))
    lines = []
    for box, text, score in found or []:
        xs = [int(point[0]) for point in box]
        ys = [int(point[1]) for point in box]
        lines.append(OcrLine(str(text), float(score), (min(xs), min(ys), max(xs), max(ys))))
    return sorted(lines, key=lambda line: (line.middle, line.box[0]))
