"""The document camera (高拍仪): frames from a UVC camera through OpenCV, and a capture
taken by itself when the page on it holds still.

Stillness is found by frame difference: each frame is shrunk and greyed, and the mean
absolute difference from the previous one measured; when it stays under a threshold for
a number of frames in a row, the picture is still. A still picture is taken when it is
not the empty desk (the background: the first still picture, so the camera starts
looking at the empty desk, or one given) and not the page taken last; so a page left
lying is taken once, and the desk after the page is lifted is not taken at all. OpenCV
comes with the ``scan`` extra."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from caseworker.devices.errors import DeviceError

#: frames are compared at this size: small enough to ignore sensor noise, fast on a PC
COMPARE_SIZE = (160, 120)


class CameraError(DeviceError):
    """The camera could not be opened or stopped giving frames."""


def _cv2() -> Any:
    try:
        import cv2  # noqa: PLC0415 - OpenCV is the scan extra's
    except ImportError:
        raise CameraError(
            "the document camera needs OpenCV, which comes with the scanning extra "
            "(pip install 'caseworker[scan]')"
        ) from None
    return cv2


class StillnessDetector:
    """Says when a new page has come to rest under the camera."""

    def __init__(
        self,
        *,
        threshold: float = 3.0,
        hold_frames: int = 8,
        presence: float = 12.0,
        background: Any = None,
    ) -> None:
        #: mean absolute grey-level difference (0-255) under which two frames are "the same"
        self.threshold = threshold
        #: how many frames in a row must be the same: at 15 frames/s, 8 is about half a second
        self.hold_frames = hold_frames
        #: how different from the empty desk (and from the last page) a still picture must
        #: be to be a (new) page
        self.presence = presence
        self._background = None if background is None else self._small(background)
        self._previous: Any = None
        self._last_taken: Any = None
        self._still = 0
        self.last_difference = 0.0

    @staticmethod
    def _small(frame: Any) -> Any:
        cv2 = _cv2()
        grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
        small = cv2.resize(grey, COMPARE_SIZE, interpolation=cv2.INTER_AREA)
        return cv2.GaussianBlur(small, (5, 5), 0)

    @staticmethod
    def _distance(a: Any, b: Any) -> float:
        return float(_cv2().absdiff(a, b).mean())

    def feed(self, frame: Any) -> bool:
        """True once, on the frame that completes a still run of a new page."""
        small = self._small(frame)
        previous, self._previous = self._previous, small
        self.last_difference = float("inf") if previous is None else self._distance(small, previous)
        if self.last_difference > self.threshold:
            self._still = 0
            return False
        self._still += 1
        if self._still != self.hold_frames:
            return False
        if self._background is None:  # the first still picture: the empty desk
            self._background = small
            return False
        if self._distance(small, self._background) <= self.presence:
            return False  # the desk is empty again
        if (
            self._last_taken is not None
            and self._distance(small, self._last_taken) <= self.presence
        ):
            return False  # the same page, lifted and put back
        self._last_taken = small
        return True


@dataclass(frozen=True, slots=True)
class Capture:
    frame: Any  # the BGR image as a numpy array
    index: int  # which frame of the source it was (counting from 0)

    def png(self) -> bytes:
        return encode_png(self.frame)


def encode_png(frame: Any) -> bytes:
    cv2 = _cv2()
    ok, data = cv2.imencode(".png", frame)
    if not ok:
        raise CameraError("the captured frame could not be encoded")
    return bytes(data.tobytes())


def parse_source(source: str) -> int | str:
    """A device index ("0", "1") or a file / URL (training, tests)."""
    return int(source) if source.strip().isdigit() else source


class DocumentCamera:
    """Frames from a camera (its index) or a video file, through ``cv2.VideoCapture``."""

    def __init__(
        self,
        source: str,
        *,
        width: int | None = None,
        height: int | None = None,
        open_capture: Callable[[int | str], Any] | None = None,
    ) -> None:
        self.source = parse_source(source)
        self.width = width
        self.height = height
        self._open = open_capture or (lambda s: _cv2().VideoCapture(s))

    def frames(self) -> Iterator[Any]:
        capture = self._open(self.source)
        if not capture.isOpened():
            raise CameraError(
                f"the document camera {self.source!r} cannot be opened; check its cable, "
                "or choose another camera in the device settings"
            )
        try:
            cv2 = _cv2()
            if self.width and self.height:  # document cameras give full resolution on ask
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            while True:
                ok, frame = capture.read()
                if not ok or frame is None:
                    return
                yield frame
        finally:
            capture.release()

    def auto_capture(
        self,
        *,
        detector: StillnessDetector | None = None,
        timeout: float | None = None,
        on_frame: Callable[[Any, float], None] | None = None,
    ) -> Capture | None:
        """The first frame where the page holds still; None when the source ends or the
        time is up. ``on_frame`` sees every frame and its difference (a live preview)."""
        detector = detector or StillnessDetector()
        deadline = None if timeout is None else time.monotonic() + timeout
        for index, frame in enumerate(self.frames()):
            still = detector.feed(frame)
            if on_frame is not None:
                on_frame(frame, detector.last_difference)
            if still:
                return Capture(frame, index)
            if deadline is not None and time.monotonic() > deadline:
                return None
        return None

    def captures(self, *, detector: StillnessDetector | None = None) -> Iterator[Capture]:
        """Every still page in turn, one per page (a stack turned page by page)."""
        detector = detector or StillnessDetector()
        for index, frame in enumerate(self.frames()):
            if detector.feed(frame):
                yield Capture(frame, index)
