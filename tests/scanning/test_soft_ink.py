"""Blurred small print read again from the soft ink (ocr._read_ink): a line the recogniser
read unsurely from the ink is read again where it stands in the same ink with the strokes'
pale edges kept, and the surer reading is kept.

The photos are from the realistic set (tests/scanning/realistic.py) at seeds no rule was
worked out on (5001–): ID cards at 150 dpi with motion blur of 4–5 pixels."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np
import pytest

from caseworker.scanning import ocr
from caseworker.scanning.fields import extract
from caseworker.scanning.page import find_document
from tests.scanning.realistic import Sample, cached

BLURRED = (5043, 5058, 5061)


def test_the_soft_ink_keeps_a_pale_stroke_the_ink_turns_to_paper() -> None:
    page = np.full((60, 60, 3), 230, np.uint8)
    page[20:40, 28:32] = 0  # a sharp stroke
    page[20:40, 10:12] = int(230 * 0.9)  # a blurred stroke's pale edge: 0.9 of the paper
    hard, soft = ocr.inks(page)
    assert hard[30, 30] == soft[30, 30] == 0
    assert hard[30, 11] == 255  # paper
    assert soft[30, 11] < 255  # still ink
    assert hard[5, 5] == soft[5, 5] == 255


@cache
def _lines(seed: int, soft: bool) -> tuple[Sample, list[ocr.OcrLine]]:
    made = cached("id-card", seed)
    pixels = find_document(ocr.decode(made.image))
    assert pixels is not None, made.how
    plain, soft_ink = ocr.inks(pixels)
    second = soft_ink if soft else plain
    return made, ocr.without_seal_lines(pixels, ocr._read_ink(plain, second))


def _exact(seed: int, soft: bool) -> int:
    made, lines = _lines(seed, soft)
    result = extract("id-card", lines)
    return sum(result.fields[name].value == truth for name, truth in made.fields.items())


def test_blurred_photos_read_more_fields_exactly_with_the_soft_ink() -> None:
    for seed in BLURRED:
        assert "150dpi" in cached("id-card", seed).how
    with_soft = sum(_exact(seed, soft=True) for seed in BLURRED)
    without = sum(_exact(seed, soft=False) for seed in BLURRED)
    assert with_soft > without


@pytest.mark.parametrize("seed", BLURRED)
def test_a_sure_line_keeps_its_reading_and_an_unsure_one_may_change(seed: int) -> None:
    _made, hard = _lines(seed, soft=False)
    _made, soft = _lines(seed, soft=True)
    kept = {line.box: line for line in soft}
    for first in hard:
        assert first.box in kept  # the detector's boxes are the same for both inks
        if first.score >= ocr.READ_SOFT_BELOW:
            assert kept[first.box] == first  # its reading and its characters' boxes
    assert any(kept[first.box].text != first.text for first in hard)


@pytest.mark.parametrize("seed", BLURRED)
def test_a_line_read_again_has_its_own_characters_boxes(seed: int) -> None:
    """The characters' boxes belong to the reading kept, each inside its line."""
    _made, soft = _lines(seed, soft=True)
    for line in soft:
        read = "".join(char for char, _score, _box in line.chars)
        assert read.replace(" ", "") == line.text.replace(" ", "")
        left, top, right, bottom = line.box
        for _char, _score, (c_left, c_top, c_right, c_bottom) in line.chars:
            assert left - 3 <= c_left <= c_right <= right + 3
            assert top - 3 <= c_top <= c_bottom <= bottom + 3


def test_without_a_second_reading_the_lines_are_the_engines_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_read_ink`` calls the engine's steps one by one: with no line read again, it
    gives what the engine's own call gives (its angle classifier left out)."""
    made = cached("id-card", BLURRED[0])
    pixels = find_document(ocr.decode(made.image))
    assert pixels is not None
    plain, _soft = ocr.inks(pixels)
    monkeypatch.setattr(ocr, "READ_SOFT_BELOW", 0.0)
    ours = ocr._read_ink(plain, plain)
    found, _elapsed = ocr._ocr()(
        cv2.merge([plain, plain, plain]), use_cls=False, return_word_box=True
    )
    engines = sorted(
        (
            ocr.OcrLine(
                str(text),
                float(score),
                ocr._bounds(box),
                tuple(
                    (str(w), float(ws), ocr._bounds(wb)) for wb, w, ws in zip(*words, strict=True)
                ),
            )
            for box, text, score, *words in found
        ),
        key=lambda line: (line.middle, line.box[0]),
    )
    assert ours == engines
    assert len(ours) > 5
