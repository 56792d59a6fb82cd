"""On-device OCR (文字识别) with RapidOCR on ONNX Runtime: the PP-OCRv4 detector that
ships inside the ``rapidocr-onnxruntime`` wheel finds the lines, and the PP-OCRv6 small
recogniser (``resources/ocr``, from the ``rapidocr`` 3.10.0 wheel; its character list is
in the model) reads them: it knows the rare surnames (亓, 禚, 綦, 逄, 郗) the v4 recogniser
misreads. Nothing is downloaded and no image leaves the counter PC. The engine loads once
per process, on first use."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseworker.resources import resource_path
from caseworker.scanning.page import find_cells, find_document, turn

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
    #: each character (or run of digits) with its confidence and box, where the engine
    #: gives them: a line the recogniser ran across two table cells is split by these
    chars: tuple[tuple[str, float, tuple[int, int, int, int]], ...] = ()

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
            _engine = RapidOCR(rec_model_path=str(recogniser_model()))
        return _engine


#: the recogniser's model file, under the program's resources
RECOGNISER = ("ocr", "PP-OCRv6_rec_small.onnx")


def recogniser_model() -> Path:
    """The recogniser's model; a ScanError when the installation lacks it."""
    model = resource_path(*RECOGNISER)
    if not model.is_file():
        raise ScanError(NOT_INSTALLED)
    return model


def decode(image: bytes) -> Any:
    """The image's pixels (BGR), or a ScanError saying what to do."""
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
    return pixels


@dataclass(frozen=True, slots=True)
class Reading:
    """The lines read, in the pixels of ``image``: the document cut out of the photo and
    squared up when its outline was found, turned level when its lines slanted, else the
    image as it came. ``rectified``: squared up or turned (``image`` is then a PNG)."""

    lines: list[OcrLine]
    image: bytes
    rectified: bool
    cells: list[tuple[int, int, int, int]]  # a ruled table's cells, if the page has one
    #: the ink the OCR read (``inks``' first, of the squared-up document), for reading one
    #: region again (``recognise``)
    ink: Any = None
    #: the height of a line of ink on the page, in its pixels
    text_height: float = 0.0

    def recognise(self, boxes: list[tuple[int, int, int, int]]) -> list[tuple[str, float]]:
        """The text in regions of the document, read by the recogniser alone (no
        detector): what the detector missed, a single character or faint print, is read
        where the layout says a value stands."""
        if self.ink is None:
            return [("", 0.0)] * len(boxes)
        return recognise(self.ink, boxes, text_height=self.text_height)

    def first_choices(self, box: tuple[int, int, int, int]) -> Choices:
        """The region's first line of text read by the recogniser alone, with what else
        its first character could be (``first_choices``)."""
        if self.ink is None:
            return Choices("", 0.0, {})
        return first_choices(self.ink, box, text_height=self.text_height)


def read_document(image: bytes, *, rectify: bool = True) -> Reading:
    """Find the card or the page in the photo, square it up, turn its lines of text level,
    and read them. Rows are told apart by height alone (``lines.same_row``, the table's
    cells), so a page left slanting would put a value beside the label of the row above:
    a scan laid askew, or a photo whose outline was not found, is turned by the slant of
    the detector's lines."""
    import cv2  # noqa: PLC0415

    pixels = decode(image)
    squared = find_document(pixels) if rectify else None
    if squared is not None:
        pixels = squared
    plain, soft = inks(pixels)
    detection = _detect(plain)
    slant = detection.slant() if rectify else 0.0
    turned = abs(slant) >= TURN_FROM
    if turned:
        pixels = turn(pixels, slant)
        plain, soft = inks(pixels)
        detection = _detect(plain)
    lines = without_seal_lines(pixels, _read_ink(plain, soft, detection))
    changed = squared is not None or turned
    ok, png = cv2.imencode(".png", pixels)
    shown = png.tobytes() if ok and changed else image
    return Reading(lines, shown, changed, find_cells(pixels), plain, text_height(lines))


#: a page whose lines of text slant this much or more (degrees) is turned level before it
#: is read: a scan laid askew, or a photo whose outline was not found
TURN_FROM = 1.5


#: a line whose dark pixels are this share other than a seal's red, or less, is a red
#: seal's text
SEAL_LINE_BLACK = 0.10
#: a seal's red stands this much above green and blue
SEAL_RED = 30
#: and is at least this share of the paper's brightness in the red channel
SEAL_BRIGHT = 0.6


def without_seal_lines(pixels: Any, lines: list[OcrLine]) -> list[OcrLine]:
    """The lines without those read from a red seal's text alone (户口专用章, its 用 read as
    角 beside a value): printed and written ink is black, grey, blue or faded brown, a
    seal's is red.
    A value under a seal keeps its black ink and stays. A grey image keeps every line."""
    import numpy as np  # noqa: PLC0415

    kept = []
    for line in lines:
        left, top, right, bottom = line.box
        region = pixels[max(0, top) : max(0, bottom), max(0, left) : max(0, right)]
        if region.size == 0:
            kept.append(line)
            continue
        red = region[:, :, 2].astype(np.int16)
        green = region[:, :, 1].astype(np.int16)
        blue = region[:, :, 0].astype(np.int16)
        dark = green < np.percentile(green, 90) * 0.75
        count = int(dark.sum())
        # a seal's red: bright in the red channel, as the paper nearly, and well above
        # green and blue, which stay alike (ink faded brown is dark in red too; purple
        # has blue as red)
        bright = red >= SEAL_BRIGHT * np.percentile(red, 90)
        seal = (
            bright
            & (red - green >= SEAL_RED)
            & (red - blue >= SEAL_RED)
            & (abs(green - blue) < SEAL_RED)
        )
        black = int((dark & ~seal).sum())
        if count == 0 or black > SEAL_LINE_BLACK * count:
            kept.append(line)
    return kept


def text_height(lines: list[OcrLine]) -> float:
    """The typical height of the ink of a line: the detector's boxes stand a margin of
    about a fifth of it above and below."""
    heights = sorted(line.height for line in lines)
    return heights[len(heights) // 2] / 1.4 if heights else 0.0


def read_lines(image: bytes, *, rectify: bool = True) -> list[OcrLine]:
    """The lines of text in an image (PNG, JPEG, …), top to bottom; with ``rectify`` the
    document is first found and squared up, and the boxes are in its pixels."""
    pixels = decode(image)
    if rectify:
        squared = find_document(pixels)
        if squared is not None:
            pixels = squared
    return _read_pixels(pixels)


def _read_pixels(pixels: Any) -> list[OcrLine]:
    return _read_ink(*inks(pixels))


#: a line the recogniser read less surely than this is read again from the soft ink
READ_SOFT_BELOW = 0.95


@dataclass(frozen=True, slots=True)
class Detection:
    """The detector's lines of an ink (``_detect``), in the engine's own terms."""

    engine: Any
    image: Any  # the ink as the engine scaled it
    steps: dict[str, Any]
    boxes: Any  # each line's four corners, clockwise from its top left; None for none

    def slant(self) -> float:
        """The angle of the lines of text, in degrees (positive: falling to the right):
        the median over the lines at least ``LONG_LINE`` times as long as high (a short
        one's angle says little); 0 where fewer than ``SLANT_LINES`` such lines are found,
        or fewer than half of them lie within ``SLANT_AGREE`` of the median (a seal's
        arc, a page bent or lines at odds: no one slant to undo)."""
        import math  # noqa: PLC0415
        import statistics  # noqa: PLC0415

        angles = []
        for box in self.boxes if self.boxes is not None else []:
            (x0, y0), (x1, y1), _br, (x3, y3) = box[:4]
            length, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
            if length >= LONG_LINE * height:
                angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
        if len(angles) < SLANT_LINES:
            return 0.0
        middle = float(statistics.median(angles))
        agreeing = sum(abs(angle - middle) <= SLANT_AGREE for angle in angles)
        return middle if 2 * agreeing >= len(angles) else 0.0


#: a detected line this many times as long as it is high tells the page's slant
LONG_LINE = 2.5
#: the fewest such lines a slant is measured on
SLANT_LINES = 3
#: degrees from the median within which half the lines must lie for the slant to count
SLANT_AGREE = 3.0


def _detect(plain: Any) -> Detection:
    """The detector's lines in ``plain``, with the engine's thresholds set as its own call
    sets them."""
    import cv2  # noqa: PLC0415

    engine = _ocr()
    # what the engine's call with keyword arguments sets each time (its defaults)
    engine.text_det.postprocess_op.box_thresh = 0.5
    engine.text_det.postprocess_op.unclip_ratio = 1.6
    engine.text_score = 0.5
    image, ratio_h, ratio_w = engine.preprocess(cv2.merge([plain, plain, plain]))
    steps: dict[str, Any] = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
    image, steps = engine.maybe_add_letterbox(image, steps)
    boxes, _elapsed = engine.auto_text_det(image)
    return Detection(engine, image, steps, boxes)


def _read_ink(plain: Any, soft: Any, detection: Detection | None = None) -> list[OcrLine]:
    """The lines the detector finds in ``plain``, each read by the recogniser; a line read
    unsurely is read again where it stands in ``soft`` (the same ink with its pale edges
    kept) and the surer reading kept. Motion blur on small print spreads a stroke into
    grey that ``plain`` turns to paper, and the recogniser loses the character (W鑫 for
    鞠鑫); sharp print keeps its first reading, as the soft ink lets a card's pattern and
    a seal's edge in. The unsure line is read again from ``plain`` too, in the same batch
    shape as from ``soft``: the recogniser pads a batch to its widest line, which moves a
    score a little, and the two readings are compared under the same padding.

    The engine's own steps (RapidOCR 1.4.4's ``__call__`` with ``return_word_box``), with
    the second reading between its recogniser and its character boxes; its angle
    classifier is not run: the page is squared up, so no line stands upside down, and
    the classifier turned lines standing right over (亦造 for 职业). A page lying upside
    down is not read either way: its labels would stand right of their values."""
    import cv2  # noqa: PLC0415

    if soft.shape != plain.shape:
        raise ValueError("the soft ink must be the same image as the ink")
    found = detection or _detect(plain)
    engine, image, steps, boxes = found.engine, found.image, found.steps, found.boxes
    if boxes is None:
        return []
    raw_height, raw_width = plain.shape[:2]
    crops = engine.get_crop_img_list(image, boxes)
    readings, _elapsed = engine.text_rec(crops, True)
    readings = list(readings)
    unsure = [n for n, reading in enumerate(readings) if reading[1] < READ_SOFT_BELOW]
    if unsure:
        again, _ratio_h, _ratio_w = engine.preprocess(cv2.merge([soft, soft, soft]))
        again, _steps = engine.maybe_add_letterbox(again, {"preprocess": {}})
        first, _elapsed = engine.text_rec([crops[n] for n in unsure], True)
        second, _elapsed = engine.text_rec(
            engine.get_crop_img_list(again, [boxes[n] for n in unsure]), True
        )
        for n, before, reading in zip(unsure, first, second, strict=True):
            if reading[1] > before[1]:
                readings[n] = reading
    readings = engine.cal_rec_boxes(crops, boxes, readings)
    for reading in readings:
        if reading[2]:
            reading[2] = (
                engine._get_origin_points(reading[2], steps, raw_height, raw_width)
                .astype("int32")
                .tolist()
            )
    boxes = engine._get_origin_points(boxes, steps, raw_height, raw_width)
    found, _elapsed = engine.get_final_res(boxes, None, readings, 0.0, 0.0, 0.0)
    lines = []
    for box, text, score, *words in found or []:
        chars = []
        if len(words) == 3 and len(words[0]) == len(words[1]) == len(words[2]):
            chars = [
                (str(word), float(word_score), _bounds(word_box))
                for word_box, word, word_score in zip(*words, strict=True)
            ]
        lines.append(OcrLine(str(text), float(score), _bounds(box), tuple(chars)))
    return sorted(lines, key=lambda line: (line.middle, line.box[0]))


#: the recogniser's input height (PP-OCR rec models read lines 48 pixels high)
REC_HEIGHT = 48


def recognise(
    ink: Any, boxes: list[tuple[int, int, int, int]], *, text_height: float = 0.0
) -> list[tuple[str, float]]:
    """Each region of ``ink`` (``inks``' first grey) read by the recogniser alone: cut out,
    trimmed to its ink with a margin, split into its lines of text (a value wrapped in its
    cell), each brought to the recogniser's height; the lines' texts joined, with the
    lowest confidence. A region without ink reads as ("", 0.0)."""
    import cv2  # noqa: PLC0415

    crops: list[Any] = []
    owner: list[int] = []
    for n, box in enumerate(boxes):
        for crop in _text_lines(ink, box, text_height):
            crops.append(cv2.merge([crop, crop, crop]))
            owner.append(n)
    texts: list[list[str]] = [[] for _ in boxes]
    scores: list[list[float]] = [[] for _ in boxes]
    if crops:
        found, _elapsed = _ocr().text_rec(crops)
        for n, (text, score) in zip(owner, found, strict=True):
            texts[n].append(str(text).strip())
            scores[n].append(float(score))
    return [
        ("".join(t), min(s)) if "".join(t) else ("", 0.0)
        for t, s in zip(texts, scores, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class Choices:
    """A line read with the characters its first one could be: each with the recogniser's
    highest probability for it where it read that character (``text[0]`` among them)."""

    text: str
    score: float
    first: dict[str, float]


#: characters the recogniser gave this probability or more count as what it could be
CHOICE_FLOOR = 0.005
#: candidates looked at for each position of a line
CHOICE_COUNT = 8


def first_choices(ink: Any, box: tuple[int, int, int, int], *, text_height: float = 0.0) -> Choices:
    """The region's first line of ink read by the recogniser alone (as ``recognise``),
    with the candidates for its first character: the recogniser's output is read frame by
    frame (CTC), not only its most likely character, so 逄 is seen behind 逢 and 盖 behind
    益."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    crops = _text_lines(ink, box, text_height)
    if not crops:
        return Choices("", 0.0, {})
    recogniser = _ocr().text_rec
    image = cv2.merge([crops[0], crops[0], crops[0]])
    height, width = image.shape[:2]
    normal = recogniser.resize_norm_img(image, max(width / height, 320 / REC_HEIGHT))
    frames = recogniser.session(normal[np.newaxis].astype(np.float32))[0][0]
    alphabet = recogniser.postprocess_op.character
    best = frames.argmax(axis=1)
    text: list[str] = []
    scores: list[float] = []
    first: dict[str, float] = {}
    previous = 0
    for frame, index in zip(frames, best, strict=True):
        if index and index != previous:
            text.append(alphabet[index])
            scores.append(float(frame[index]))
        if index and len(text) == 1:
            for k in np.argsort(-frame)[:CHOICE_COUNT]:
                if k and frame[k] >= CHOICE_FLOOR:
                    char = alphabet[k]
                    first[char] = max(first.get(char, 0.0), float(frame[k]))
        previous = index
    return Choices("".join(text).strip(), min(scores, default=0.0), first)


def _text_lines(ink: Any, box: tuple[int, int, int, int], text_height: float) -> list[Any]:
    """The region's lines of ink, each cut to its text with a margin of half its height
    (specks, and a ruled line's piece at the region's edge, do not count). Spans of ink
    one above the other are one line while together they are no taller than a line of
    text (``text_height``, the page's; 男 is 田 over 力)."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    height, width = ink.shape[:2]
    left, top = max(0, box[0]), max(0, box[1])
    right, bottom = min(width, box[2]), min(height, box[3])
    if right - left < 4 or bottom - top < 4:
        return []
    region = ink[top:bottom, left:right]
    rh, rw = region.shape
    # faint or blurred print is mid-grey: ink is what stands clearly darker than the
    # region's paper (its median), never paper a little shaded
    paper = float(np.median(region))
    dark = (region < min(215.0, paper - 30)).astype(np.uint8)
    count, _labels, stats, _c = cv2.connectedComponentsWithStats(dark, connectivity=8)
    keep = [
        s
        for s in stats[1:count]
        if s[4] >= 6 and max(s[2], s[3]) >= 0.12 * min(rh, 80) and not _rule_stub(s, rw, rh)
    ]
    # lines: the components' vertical spans that overlap, joined
    bands: list[list[int]] = []
    for s in sorted(keep, key=lambda s: s[1]):
        y0, y1 = int(s[1]), int(s[1] + s[3])
        if bands and y0 < bands[-1][1] - 1:
            bands[-1][1] = max(bands[-1][1], y1)
            bands[-1][2:] = [min(bands[-1][2], int(s[0])), max(bands[-1][3], int(s[0] + s[2]))]
        else:
            bands.append([y0, y1, int(s[0]), int(s[0] + s[2])])
    joined: list[list[int]] = []
    for band in bands:
        if joined and band[1] - joined[-1][0] <= 1.5 * text_height:
            last = joined[-1]
            joined[-1] = [last[0], band[1], min(last[2], band[2]), max(last[3], band[3])]
        else:
            joined.append(band)
    bands = joined
    if not bands:
        return []
    tallest = max(b[1] - b[0] for b in bands)
    crops = []
    for y0, y1, x0, x1 in bands:
        if y1 - y0 < 0.4 * tallest:
            continue  # a dot, a comma's line, a stroke's stub
        margin = max(2, (y1 - y0) // 2)
        crop = region[y0:y1, x0:x1]
        pad = np.full((crop.shape[0] + 2 * margin, crop.shape[1] + 2 * margin), 255, np.uint8)
        pad[margin : margin + crop.shape[0], margin : margin + crop.shape[1]] = crop
        crops.append(pad)
    return crops


def _rule_stub(stat: Any, width: int, height: int) -> bool:
    """A thin run of ink touching the region's edge: a ruled line's piece, not text."""
    x, y, w, h = (int(v) for v in stat[:4])
    touches = x == 0 or y == 0 or x + w >= width or y + h >= height
    return touches and (w >= 6 * h or h >= 6 * w)


#: lighter than this share of the paper around it is no ink: a stamp, glare, a pattern
PAPER = 0.84
#: darker than this share of the paper is full black (faint print under glare is lifted)
INK = 0.25
#: the soft ink's paper: blurred strokes' pale edges stay (``_read_ink``)
SOFT_PAPER = 0.95


def inks(pixels: Any) -> tuple[Any, Any]:
    """The document in grey with only its ink left, and the same ink soft. Red stamps (公章)
    fade in the red channel, where black and blue ink stay dark; what is left of a stamp,
    the card's pale security pattern and the light falling unevenly go when each pixel is
    measured against the paper around it. Text under a stamp stays darker than the stamp.
    Lighter than ``PAPER`` of the paper around it is paper; in the soft ink, lighter than
    ``SOFT_PAPER`` (a blurred stroke's pale edges stay). The paper is measured once."""
    ratio = _against_paper(pixels)
    return _stretched(ratio, PAPER), _stretched(ratio, SOFT_PAPER)


def _against_paper(pixels: Any) -> Any:
    """Each pixel of the red channel as a share of the paper's brightness around it."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    red = pixels[:, :, 2]
    size = max(15, round(max(red.shape) / 60)) | 1
    paper = cv2.GaussianBlur(cv2.dilate(red, np.ones((size, size), np.uint8)), (size, size), 0)
    return red.astype(np.float32) / np.maximum(paper.astype(np.float32), 1)


def _stretched(ratio: Any, paper_share: float) -> Any:
    import numpy as np  # noqa: PLC0415

    return np.clip((ratio - INK) / (paper_share - INK) * 255, 0, 255).astype(np.uint8)


def _bounds(points: Any) -> tuple[int, int, int, int]:
    xs = [int(point[0]) for point in points]
    ys = [int(point[1]) for point in points]
    return (min(xs), min(ys), max(xs), max(ys))
