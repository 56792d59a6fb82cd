"""The document camera's auto-capture, with a video file as the capture source: a page
slides in, holds still, slides out, the next one comes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

cv2 = pytest.importorskip("cv2")  # the scan extra; in CI it is installed
np = pytest.importorskip("numpy")

from caseworker.devices.camera import (  # noqa: E402
    CameraError,
    DocumentCamera,
    StillnessDetector,
)

SIZE = (320, 240)
PAGE = (120, 160)  # a page's height and width in the picture


def _frame(x: int | None, *, noise: Any = None) -> Any:
    frame = np.full((SIZE[1], SIZE[0], 3), 40, np.uint8)  # the dark desk
    if x is not None:
        left = max(x, 0)
        frame[40 : 40 + PAGE[0], left : max(x + PAGE[1], 0)] = 235  # the white page
        cv2.putText(frame, "HUKOU", (x + 20, 110), cv2.FONT_HERSHEY_SIMPLEX, 1, (0, 0, 0), 2)
    if noise is not None:
        frame = cv2.add(frame, noise.integers(0, 4, frame.shape, dtype=np.uint8))
    return frame


def _video(path: Path, positions: list[int | None]) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, SIZE)
    assert writer.isOpened()
    noise = np.random.default_rng(7)  # sensor noise: still frames are never identical
    for x in positions:
        writer.write(_frame(x, noise=noise))
    writer.release()
    return path


EMPTY: list[int | None] = [None] * 12  # the camera starts on the empty desk
MOVING_IN: list[int | None] = list(range(-150, 80, 12))  # 20 frames sliding in from the left
STILL: list[int | None] = [80] * 15
MOVING_OUT: list[int | None] = list(range(80, 330, 12))


def test_a_page_that_holds_still_is_captured_once(tmp_path: Path) -> None:
    video = _video(tmp_path / "page.avi", [*EMPTY, *MOVING_IN, *STILL, *STILL])
    camera = DocumentCamera(str(video))
    capture = camera.auto_capture(detector=StillnessDetector(threshold=3.0, hold_frames=8))
    assert capture is not None
    # not the empty desk, not before the page stopped and held 8 frames
    stopped = len(EMPTY) + len(MOVING_IN)
    assert stopped + 7 <= capture.index < stopped + len(STILL)
    assert len(list(camera.captures())) == 1  # the page lying there is taken once
    # the page in the captured frame is where it came to rest
    grey = cv2.cvtColor(capture.frame, cv2.COLOR_BGR2GRAY)
    columns = np.where(grey[100] > 180)[0]
    assert abs(int(columns.min()) - 80) <= 2 and abs(int(columns.max()) - 239) <= 2
    assert capture.png().startswith(b"\x89PNG")


def test_a_page_that_never_stops_is_not_captured(tmp_path: Path) -> None:
    video = _video(tmp_path / "moving.avi", [*EMPTY, *(list(range(0, 160, 8)) * 2)])
    assert DocumentCamera(str(video)).auto_capture() is None


def test_the_empty_desk_is_never_taken(tmp_path: Path) -> None:
    video = _video(tmp_path / "empty.avi", [*EMPTY, *EMPTY, *MOVING_IN, *MOVING_OUT, *EMPTY])
    assert list(DocumentCamera(str(video)).captures()) == []


def test_a_page_lying_there_from_the_start_is_taken_with_a_known_background(
    tmp_path: Path,
) -> None:
    video = _video(tmp_path / "lying.avi", [*STILL, *STILL])
    assert DocumentCamera(str(video)).auto_capture() is None  # taken for the desk
    detector = StillnessDetector(background=_frame(None))
    capture = DocumentCamera(str(video)).auto_capture(detector=detector)
    assert capture is not None and capture.index == 8


def test_each_page_of_a_stack_is_captured_once(tmp_path: Path) -> None:
    # the next page comes to rest a little further right (and so is another picture)
    next_in: list[int | None] = list(range(-150, 140, 15))
    next_still: list[int | None] = [140] * 15
    positions = [*EMPTY, *MOVING_IN, *STILL, *MOVING_OUT, *EMPTY, *next_in, *next_still]
    video = _video(tmp_path / "stack.avi", positions)
    captures = list(DocumentCamera(str(video)).captures())
    assert len(captures) == 2  # the desk between the pages is not taken
    first = len(EMPTY) + len(MOVING_IN)
    second = first + len(STILL) + len(MOVING_OUT) + len(EMPTY) + len(next_in)
    assert first <= captures[0].index < first + len(STILL)
    assert second <= captures[1].index < second + len(next_still)


def test_the_same_page_put_back_is_not_taken_again(tmp_path: Path) -> None:
    lifted: list[int | None] = [None] * 6
    video = _video(tmp_path / "again.avi", [*EMPTY, *MOVING_IN, *STILL, *lifted, *STILL])
    assert len(list(DocumentCamera(str(video)).captures())) == 1


def test_a_camera_that_does_not_open_says_what_to_check(tmp_path: Path) -> None:
    with pytest.raises(CameraError, match="cannot be opened"):
        DocumentCamera(str(tmp_path / "no-camera.avi")).auto_capture()


def test_cli_capture_writes_the_still_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from caseworker.cli import main  # noqa: PLC0415

    video = _video(tmp_path / "page.avi", [*EMPTY, *MOVING_IN, *STILL])
    out = tmp_path / "page.png"
    devices = str(tmp_path / "devices.json")
    argv = ["camera", "capture", str(out), "--source", str(video), "--json"]
    assert main([*argv, "--devices", devices]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["width"], result["height"]) == SIZE
    assert cv2.imread(str(out)).shape == (SIZE[1], SIZE[0], 3)
    still = _video(tmp_path / "moving.avi", [*EMPTY, *MOVING_IN])
    argv = ["camera", "capture", str(out), "--source", str(still), "--devices", devices]
    assert main(argv) == 1
    assert "no page held still" in capsys.readouterr().err
