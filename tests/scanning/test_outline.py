"""The page's outline in a photo where a shadow falls across the page: the bright part
alone is page-shaped too, and was taken for the page (the top rows cut off)."""

from __future__ import annotations

import pytest

from caseworker.scanning.ocr import decode, read_lines
from caseworker.scanning.page import find_document
from tests.scanning import realistic


@pytest.mark.parametrize("seed", [48, 69])
def test_a_shadowed_page_is_found_whole(seed: int) -> None:
    sample = realistic.cached("registration-card", seed)
    squared = find_document(decode(sample.image))
    assert squared is not None
    height, width = squared.shape[:2]
    assert abs(width / height / (105 / 143) - 1) < 0.1  # the page's shape, not a part's
    texts = "".join(line.text for line in read_lines(sample.image))
    assert "登记卡" in texts  # the title, above the shadow's edge
    assert sample.fields["name"] in texts
