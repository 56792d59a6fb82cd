"""A value never crosses into another row or field (issue 22, item 2): a page laid askew is
turned level before it is read; a value's cell that runs down beside two labels (the rule
between their rows not seen) gives each label only its own row's characters; a region the
ruled lines did not close is no cell; on a page read line by line a value line goes to the
label whose row it stands nearer; and a value stops at the next label on its row."""

from __future__ import annotations

import random

import numpy as np
import pytest

from caseworker.scanning.checks import Status, judge
from caseworker.scanning.ocr import Detection, OcrLine
from caseworker.scanning.table import read_table
from caseworker.scanning.values import LAYOUTS

cv2 = pytest.importorskip("cv2")


def chars_line(text: str, x: int, y: int, *, height: int = 30, step: int = 30) -> OcrLine:
    """A line with a box for each character, ``step`` pixels apart."""
    chars = tuple(
        (char, 0.99, (x + step * n, y, x + step * n + step - 4, y + height))
        for n, char in enumerate(text)
    )
    return OcrLine(text, 0.99, (x, y, x + step * len(text), y + height), chars)


def values(
    layout: tuple[tuple[str, str], ...],
    lines: list[OcrLine],
    cells: list[tuple[int, int, int, int]],
) -> dict[str, str | None]:
    """Each field's value as the table reads it; None where its label was not found."""
    return {name: v.text if v else None for name, v in read_table(layout, {}, lines, cells).items()}


# --- a value's cell beside two labels ----------------------------------------------------------


def test_a_value_cell_beside_two_labels_gives_each_its_own_rows_characters() -> None:
    # 民族 and 出生日期 each in a cell of their own; the rule between their values lost, so
    # one cell stands beside both
    cells = [
        (0, 0, 130, 50),  # 民族
        (130, 0, 520, 100),  # 回 above, the birth date below
        (0, 50, 130, 100),  # 出生日期
    ]
    lines = [
        chars_line("民族", 10, 10),
        chars_line("回", 140, 12),
        chars_line("出生日期", 4, 60, height=28),
        chars_line("1941年10月09日", 140, 62),
    ]
    layout = (("ethnicity", "民族"), ("birth_date", "出生日期"))
    assert values(layout, lines, cells) == {"ethnicity": "回", "birth_date": "1941年10月09日"}


def test_a_value_cell_as_high_as_its_label_keeps_all_its_lines() -> None:
    # a wrapped address: two lines in one cell as high as its label's
    cells = [(0, 0, 100, 100), (100, 0, 400, 100)]
    lines = [
        chars_line("住址", 10, 35),
        chars_line("山东省济南市", 110, 10),
        chars_line("历下区", 110, 55),
    ]
    assert values((("address", "住址"),), lines, cells) == {"address": "山东省济南市历下区"}


# --- a region the ruled lines did not close ----------------------------------------------------


def grid(rules_missing: list[tuple[str, int, int, int]]) -> np.ndarray:
    """A white page with a 3 × 3 ruled table, 200 × 100 pixel cells, from (50, 50); each
    missing rule as (direction, at, start, end) is painted out again."""
    page = np.full((460, 760, 3), 255, np.uint8)
    for n in range(4):
        cv2.line(page, (50, 50 + 100 * n), (650, 50 + 100 * n), (0, 0, 0), 2)
        cv2.line(page, (50 + 200 * n, 50), (50 + 200 * n, 350), (0, 0, 0), 2)
    for direction, at, start, end in rules_missing:
        if direction == "across":
            cv2.line(page, (start, at), (end, at), (255, 255, 255), 6)
        else:
            cv2.line(page, (at, start), (at, end), (255, 255, 255), 6)
    return page


def test_a_region_the_rules_do_not_close_is_no_cell() -> None:
    from caseworker.scanning.page import find_cells  # noqa: PLC0415

    whole = find_cells(grid([]))
    assert len(whole) == 9
    # the rules right of and under the top-left cell fade: it runs round into an L whose
    # box would hold the middle cell
    faded = find_cells(grid([("down", 250, 54, 146), ("across", 150, 54, 246)]))
    middle = next(c for c in whole if c[0] > 240 and 140 < c[1] < 160)
    assert any(abs(c[0] - middle[0]) <= 3 and abs(c[1] - middle[1]) <= 3 for c in faded)
    for cell in faded:
        assert not (cell[0] < 350 < cell[2] and cell[1] < 200 < cell[3] and cell[2] - cell[0] > 250)


# --- rows on a page read line by line ----------------------------------------------------------


def test_a_value_line_on_two_labels_rows_goes_to_the_nearer_label() -> None:
    from caseworker.scanning.card import _read_fields  # noqa: PLC0415

    # a tall value line (a slanted photo) whose middle lies within both labels' rows
    lines = [
        OcrLine("曾用名", 1.0, (400, 980, 540, 1050)),
        OcrLine("山东省菏泽市郓城县", 0.99, (580, 1020, 880, 1120)),
        OcrLine("出生地", 1.0, (430, 1060, 570, 1130)),
    ]
    found, _regions = _read_fields("registration-card", lines)
    assert found["former_name"].value == ""
    assert found["birthplace"].value == "山东省菏泽市郓城县"


# --- a value stops at the next label on its row -----------------------------------------------


def test_the_next_label_and_its_value_read_on_are_cut_away_and_marked() -> None:
    verdict = judge({"workplace": "成武黄河商贸有限公司职业无业"})["workplace"]
    assert (verdict.value, verdict.status, verdict.reason) == (
        "成武黄河商贸有限公司",
        Status.CORRECTED,
        "label-removed",
    )


def test_what_stands_before_a_label_is_not_taken_when_it_fails_its_own_check() -> None:
    # 家庭户 is the 户别's value, not a 户号: the whole stays, doubtful, never 家庭户 alone
    for read in ("家庭户户主姓名邹宜军", "家庭户住址山东省滨州市"):
        verdict = judge({"household_number": read})["household_number"]
        assert (verdict.value, verdict.status, verdict.reason) == (
            read,
            Status.DOUBTFUL,
            "label-fragment",
        )
    # the number before the next label on its row is the 户号's, marked
    verdict = judge({"household_number": "64957474住址山东省滨州市"})["household_number"]
    assert (verdict.value, verdict.status) == ("64957474", Status.CORRECTED)


# --- a page laid askew -------------------------------------------------------------------------


def askew(seed: int, degrees: float) -> tuple[bytes, dict[str, str]]:
    """A 常住人口登记卡 from the realistic set's renderer, laid askew on a scanner's pale lid
    (no outline to find), as PNG, with the truth."""
    from tests.scanning import realistic  # noqa: PLC0415
    from tests.scanning.images import CARD_FIELDS  # noqa: PLC0415

    rng = random.Random(f"askew-{seed}")
    person = realistic.person(rng)
    page = np.asarray(realistic.draw_registration_card(person, "长子", 200, rng), np.uint8)
    page = page[:, :, ::-1].copy()
    height, width = page.shape[:2]
    pad = max(height, width) // 10
    lid = np.full((height + 2 * pad, width + 2 * pad, 3), 240, np.uint8)
    lid[pad : pad + height, pad : pad + width] = page
    matrix = cv2.getRotationMatrix2D((lid.shape[1] / 2, lid.shape[0] / 2), degrees, 1)
    image = cv2.warpAffine(lid, matrix, (lid.shape[1], lid.shape[0]), borderValue=(240, 240, 240))
    ok, png = cv2.imencode(".png", image)
    assert ok
    return png.tobytes(), {k: person[k] for k in CARD_FIELDS} | {"relation_to_head": "长子"}


@pytest.mark.parametrize(("seed", "degrees"), [(1, 8.0), (2, -10.0)])
def test_a_page_laid_askew_is_turned_level_and_each_value_stays_in_its_field(
    seed: int, degrees: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    from caseworker.scanning import ocr  # noqa: PLC0415
    from caseworker.scanning.fields import extract  # noqa: PLC0415

    image, truth = askew(seed, degrees)

    def exact(turn_from: float) -> tuple[int, ocr.Reading, dict[str, str]]:
        monkeypatch.setattr(ocr, "TURN_FROM", turn_from)
        reading = ocr.read_document(image)
        found = extract(
            "registration-card",
            reading.lines,
            cells=reading.cells,
            recognise=reading.recognise,
            choices=reading.first_choices,
        ).values()
        return sum(found[k] == v for k, v in truth.items()), reading, found

    turned, reading, found = exact(ocr.TURN_FROM)
    assert reading.rectified  # the image shown is the one turned, where the boxes are
    assert abs(ocr._detect(reading.ink).slant()) < ocr.TURN_FROM
    assert turned >= len(truth) - 1
    for name, value in found.items():
        others = [v for k, v in truth.items() if k != name and len(v) >= 2 and v != truth[name]]
        assert not any(other in value for other in others), (name, value)
    left_askew, _reading, _found = exact(90.0)
    assert left_askew < turned - 2  # what the turn is for: read askew, rows mix


def test_the_layouts_fields_are_the_truths() -> None:
    # the askew page's truth names every field the registration card's layout reads
    _image, truth = askew(1, 0.0)
    assert set(truth) == {name for name, _label in LAYOUTS["registration-card"]}


def test_a_label_split_over_two_cells_keeps_its_value_whole() -> None:
    # 户主或与户主 in one cell and 关系 in the cell under it, the value beside both (its
    # middle beside 关系)
    cells = [(0, 0, 250, 50), (0, 50, 250, 100), (250, 0, 500, 100)]
    lines = [
        chars_line("户主或与户主", 5, 10),
        chars_line("关系", 5, 60),
        chars_line("长子", 300, 40),
    ]
    layout = (("relation_to_head", "户主或与户主关系"),)
    assert values(layout, lines, cells) == {"relation_to_head": "长子"}


def test_a_wrapped_value_in_a_cell_taller_than_its_labels_keeps_all_its_lines() -> None:
    # the value's cell twice its label's height, and no other label beside it
    cells = [(0, 0, 100, 50), (100, 0, 400, 100)]
    lines = [
        chars_line("住址", 10, 10),
        chars_line("山东省济南市", 110, 10),
        chars_line("历下区文化东路5号", 110, 60, step=25),
    ]
    assert values((("address", "住址"),), lines, cells) == {
        "address": "山东省济南市历下区文化东路5号"
    }


@pytest.mark.parametrize(
    "value_cell",
    [
        (110, 100, 240, 300),  # sharing all the label's height, as the next label's cell
        (110, 105, 240, 305),  # 5 pixels lower: a little less than the next label's cell
    ],
)
def test_of_two_cells_beside_a_label_sharing_about_its_height_the_nearer_is_its_value(
    value_cell: tuple[int, int, int, int],
) -> None:
    # a label's cell running over two rows (户别 and 户号 in one, a rule lost): the value
    # beside it and, further along, the next label's cell share (about) all its height;
    # the cells in any order (the label's cell found first is no reason)
    cells = [(0, 100, 100, 300), (250, 100, 340, 300), value_cell]
    lines = [
        chars_line("户号", 10, 140),
        chars_line("64957474", 115, 150, step=15),
        chars_line("住址", 260, 150),
    ]
    layout = (("household_number", "户号"), ("address", "住址"))
    assert values(layout, lines, cells)["household_number"] == "64957474"


@pytest.mark.parametrize(
    "value", ["济南职业学院", "云南民族大学", "成武县人民医院出生缺陷干预中心", "济南职业"]
)
def test_a_workplace_whose_name_holds_a_label_is_not_cut(value: str) -> None:
    verdict = judge({"workplace": value})["workplace"]
    assert (verdict.value, verdict.status, verdict.reason) == (
        value,
        Status.DOUBTFUL,
        "label-fragment",
    )


def test_a_label_on_a_value_lines_own_row_is_no_other_row() -> None:
    from caseworker.scanning.card import _read_fields  # noqa: PLC0415

    # 姓名 | 崔欣 | 户主或与户主关系 | 长子 on one row, 长子's middle nearer 姓名's than its
    # own label's
    lines = [
        OcrLine("姓名", 1.0, (60, 97, 160, 137)),
        OcrLine("崔欣", 1.0, (180, 96, 260, 134)),
        OcrLine("户主或与户主关系", 1.0, (450, 80, 700, 120)),
        OcrLine("长子", 1.0, (720, 98, 800, 138)),
    ]
    found, _regions = _read_fields("registration-card", lines)
    assert found["name"].value == "崔欣"
    assert found["relation_to_head"].value == "长子"


# --- the slant measured, and the page turned ----------------------------------------------------


def detection(*degrees: float) -> Detection:
    """A detection whose lines, 300 × 30 pixels, slant by ``degrees`` each."""
    import math  # noqa: PLC0415

    boxes = []
    for n, angle in enumerate(degrees):
        rad = math.radians(angle)
        x0, y0 = 50.0, 50.0 + 60 * n
        across = (300 * math.cos(rad), 300 * math.sin(rad))
        down = (-30 * math.sin(rad), 30 * math.cos(rad))
        boxes.append(
            [
                (x0, y0),
                (x0 + across[0], y0 + across[1]),
                (x0 + across[0] + down[0], y0 + across[1] + down[1]),
                (x0 + down[0], y0 + down[1]),
            ]
        )
    return Detection(None, None, {}, boxes)


@pytest.mark.parametrize(
    ("degrees", "slant"),
    [
        ((5.0, 5.2, 4.8, 5.1, 4.9), 5.0),  # a page laid askew
        ((-16.0, -14.0, -13.0, -12.0, -10.0), -13.0),  # perspective: the lines fan out
        ((0.2, 30.0), 0.0),  # too few lines to tell
        ((0.0, 0.0, 0.5, 25.0, 25.0, 30.0), 0.0),  # lines at odds: no one slant
    ],
)
def test_the_slant_is_the_median_of_lines_that_agree(
    degrees: tuple[float, ...], slant: float
) -> None:
    assert detection(*degrees).slant() == pytest.approx(slant, abs=0.05)


def test_a_page_is_turned_the_way_that_levels_its_lines() -> None:
    from caseworker.scanning.page import turn  # noqa: PLC0415

    page = np.full((400, 600, 3), 255, np.uint8)
    # a line falling 5 degrees to the right (image rows grow downwards)
    cv2.line(page, (100, 200), (500, 200 + round(400 * np.tan(np.radians(5)))), (0, 0, 0), 3)
    level = turn(page, 5.0)
    ink = np.argwhere(level[:, :, 0] < 128)
    left, right = ink[ink[:, 1].argmin()], ink[ink[:, 1].argmax()]
    drop = (right[0] - left[0]) / (right[1] - left[1])
    assert abs(np.degrees(np.arctan(drop))) < 0.5
    assert level.shape[1] >= page.shape[1]  # grown to hold it all, never cut
