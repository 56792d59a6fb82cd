"""Reading again what the detector missed (issue 22): a label with a character not seen,
a cell the detector found nothing in read by the recogniser alone, a value not found or
failing its check read again where the layout says it stands, the crops handed to the
recogniser, and a seal's text taken out of a value. The recogniser is canned here
(``recognise``), so each rule is tested alone; the crops are cut from drawn pixels."""

from __future__ import annotations

import numpy as np
import pytest

from caseworker.scanning.checks import Status, parse_place
from caseworker.scanning.fields import Recognise, extract
from caseworker.scanning.lists import CLOSED
from caseworker.scanning.ocr import OcrLine, _text_lines
from caseworker.scanning.seal import moved_in_shape, without_seal
from caseworker.scanning.table import read_empty_cells, read_table

Box = tuple[int, int, int, int]


def line(text: str, x: int, y: int, score: float = 0.99) -> OcrLine:
    return OcrLine(text, score, (x, y, x + 30 * len(text), y + 32))


#: a 户主页's first two rows: 户别 | value | 户主姓名 | value, then 户号 | value | 住址 | value
PAGE_CELLS: list[Box] = [
    (0, 0, 100, 60),
    (100, 0, 300, 60),
    (300, 0, 420, 60),
    (420, 0, 700, 60),
    (0, 60, 100, 120),
    (100, 60, 300, 120),
    (300, 60, 420, 120),
    (420, 60, 700, 120),
]
PAGE_LAYOUT = (
    ("household_kind", "户别"),
    ("head_name", "户主姓名"),
    ("household_number", "户号"),
    ("address", "住址"),
)


def canned(readings: dict[Box, tuple[str, float]]) -> tuple[list[list[Box]], Recognise]:
    """A recogniser that reads the given regions so and nothing elsewhere; it records the
    regions it was asked about."""
    asked: list[list[Box]] = []

    def recognise(boxes: list[Box]) -> list[tuple[str, float]]:
        asked.append(list(boxes))
        return [readings.get(box, ("", 0.0)) for box in boxes]

    return asked, recognise


# --- labels with a character not seen ---------------------------------------------------------


def test_a_label_with_a_character_not_seen_still_names_its_field() -> None:
    """户 alone is 户号 where 户别 stands read in its own cell; 址 alone is 住址."""
    lines = [
        line("户别", 10, 10),
        line("家庭户", 110, 10),
        line("户主姓名", 305, 10),
        line("王芳", 430, 10),
        line("户", 10, 70),  # 号 not seen
        line("27690082", 110, 70),
        line("址", 305, 70),  # 住 not seen
        line("山东省临沂市费县", 430, 70),
    ]
    table = read_table(PAGE_LAYOUT, {}, lines, PAGE_CELLS)
    got = {name: value.text if value else None for name, value in table.items()}
    assert got == {
        "household_kind": "家庭户",
        "head_name": "王芳",
        "household_number": "27690082",
        "address": "山东省临沂市费县",
    }


def test_two_cells_read_alike_take_the_labels_in_the_order_the_page_prints_them() -> None:
    """户 and 户 (户　别 and 户　号, spaced across their cells, each read as 户 alone): the
    户主页 prints 户别 in its first row and 户号 in its second."""
    lines = [
        line("户", 10, 10),
        line("家庭户", 110, 10),
        line("户", 10, 70),
        line("27690082", 110, 70),
    ]
    table = read_table(PAGE_LAYOUT, {}, lines, PAGE_CELLS)
    assert table["household_kind"] is not None
    assert table["household_kind"].text == "家庭户"
    assert table["household_number"] is not None
    assert table["household_number"].text == "27690082"


CARD_CELLS: list[Box] = [(0, 0, 100, 60), (100, 0, 300, 60), (300, 0, 400, 60), (400, 0, 600, 60)]
CARD_LAYOUT = (("marital_status", "婚姻状况"), ("military_service", "兵役状况"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("娜状况", "兵役状况"),  # 婚 not seen and 姻 misread: two slips in a long label
        ("婚耀状况", "兵投状况"),  # one slip each; 婚耀状况 is two from 兵役状况, one from 婚姻状况
    ],
)
def test_a_long_label_misread_goes_to_the_nearest_label(first: str, second: str) -> None:
    lines = [
        line(first, 5, 10),
        line("已婚", 105, 10),
        line(second, 305, 10),
        line("未服兵役", 405, 10),
    ]
    table = read_table(CARD_LAYOUT, {}, lines, CARD_CELLS)
    got = {name: value.text if value else None for name, value in table.items()}
    assert got == {"marital_status": "已婚", "military_service": "未服兵役"}


def test_a_shortened_label_that_could_be_two_labels_names_none() -> None:
    """户 alone is 户别 or 户号 when neither is read elsewhere and no second 户 says which
    row is which: no guess."""
    lines = [line("户", 10, 70), line("27690082", 110, 70)]
    table = read_table(PAGE_LAYOUT, {}, lines, PAGE_CELLS)
    assert table["household_kind"] is None
    assert table["household_number"] is None


def test_a_value_no_other_field_can_hold_is_found_without_its_label() -> None:
    """家庭户 is only ever a 户别: its cell is the field's even with the label unread."""
    lines = [line("家庭户", 110, 10), line("户主姓名", 305, 10), line("王芳", 430, 10)]
    result = extract("household-page", lines, cells=PAGE_CELLS)
    kind = result.fields["household_kind"]
    assert (kind.value, kind.status) == ("家庭户", Status.CHECKED)
    # a name is no such value: without its label it stays not found
    named = extract("household-page", [line("王芳", 430, 10)], cells=PAGE_CELLS)
    assert named.fields["head_name"].status is Status.MISSING


# --- cells the detector found nothing in --------------------------------------------------------


def test_an_empty_cell_is_read_by_the_recogniser_alone() -> None:
    lines = [
        line("户别", 10, 10),
        line("户主姓名", 305, 10),
        line("王芳", 430, 10),
        line("户号", 10, 70),
        line("27690082", 110, 70),
    ]
    asked, recognise = canned(
        {
            PAGE_CELLS[1]: ("家庭户", 0.98),  # the value the detector missed
            PAGE_CELLS[6]: ("住址", 0.97),  # its label too
            PAGE_CELLS[7]: ("一", 0.95),  # a ruled line's piece: no text
        }
    )
    extra = read_empty_cells(lines, PAGE_CELLS, recognise)
    # only the cells without any text were asked about
    assert asked == [[PAGE_CELLS[1], PAGE_CELLS[6], PAGE_CELLS[7]]]
    assert sorted(x.text for x in extra) == ["住址", "家庭户"]
    result = extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    assert result.fields["household_kind"].value == "家庭户"
    assert result.fields["household_kind"].status is Status.CHECKED
    assert result.fields["address"].status is Status.MISSING  # 一 is no value


def test_an_unsure_reading_of_an_empty_cell_is_not_taken() -> None:
    lines = [line("户别", 10, 10)]
    _asked, recognise = canned({PAGE_CELLS[1]: ("家庭户", 0.6)})
    assert read_empty_cells(lines, PAGE_CELLS, recognise) == []


# --- a value read again where it stands -------------------------------------------------------


def test_a_value_failing_its_list_is_replaced_by_a_second_reading_the_list_confirms() -> None:
    lines = [line("户别", 10, 10), line("2", 110, 10, 0.97), line("户号", 10, 70)]
    lines.append(line("27690082", 110, 70))
    before = extract("household-page", lines, cells=PAGE_CELLS)
    assert before.fields["household_kind"].status is Status.DOUBTFUL
    _asked, recognise = canned({PAGE_CELLS[1]: ("家庭户", 0.95)})
    after = extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    kind = after.fields["household_kind"]
    assert (kind.value, kind.status) == ("家庭户", Status.CHECKED)


def test_two_free_readings_that_differ_keep_the_first() -> None:
    """Nothing checks a name: a second reading is no better evidence than the first."""
    lines = [line("户主姓名", 305, 10), line("王芳", 430, 10, 0.8)]
    _asked, recognise = canned({PAGE_CELLS[3]: ("王劳", 0.99)})
    result = extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    head = result.fields["head_name"]
    assert (head.value, head.status) == ("王芳", Status.DOUBTFUL)


def test_a_value_not_found_is_filled_only_by_a_sure_second_reading() -> None:
    lines = [line("户主姓名", 305, 10), line("户号", 10, 70)]
    # the 户主姓名 value cell and the 户号 value cell hold no detected text
    sure = {PAGE_CELLS[3]: ("王芳", 0.97), PAGE_CELLS[5]: ("27690082", 0.5)}
    _asked, recognise = canned(sure)
    result = extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    assert result.fields["head_name"].value == "王芳"
    assert result.fields["head_name"].status is Status.UNCHECKED  # a name: still looked at
    assert result.fields["household_number"].status is Status.MISSING


def test_a_checked_value_is_not_read_again() -> None:
    lines = [line("户别", 10, 10), line("家庭户", 110, 10)]
    asked, recognise = canned({})
    extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    assert all(PAGE_CELLS[1] not in boxes for boxes in asked)


def test_a_value_read_but_unchecked_is_not_read_again() -> None:
    """A second reading could not confirm a name nothing checks: no time spent on it."""
    lines = [line("户主姓名", 305, 10), line("王芳", 430, 10)]
    asked, recognise = canned({})
    extract("household-page", lines, cells=PAGE_CELLS, recognise=recognise)
    assert all(PAGE_CELLS[3] not in boxes for boxes in asked)


# --- the crops handed to the recogniser ---------------------------------------------------------


def page(height: int = 120, width: int = 300) -> np.ndarray:
    return np.full((height, width), 255, np.uint8)


def test_a_cell_with_two_lines_of_text_is_cut_into_two() -> None:
    ink = page()
    ink[20:40, 20:200] = 0  # a line of text 20 pixels high
    ink[70:90, 20:120] = 0  # the next line, wrapped in the cell
    crops = _text_lines(ink, (0, 0, 300, 120), 20.0)
    assert len(crops) == 2
    assert crops[0].shape[1] > crops[1].shape[1]  # each cut to its own line


def test_a_character_in_two_parts_one_above_the_other_is_one_line() -> None:
    """男 is 田 over 力: two spans of ink no taller together than a line of text."""
    ink = page()
    ink[20:29, 20:40] = 0  # 田
    ink[31:40, 20:40] = 0  # 力
    assert len(_text_lines(ink, (0, 0, 300, 120), 20.0)) == 1


def test_faint_print_is_found_and_a_ruled_lines_piece_is_not() -> None:
    ink = page()
    ink[40:60, 30:150] = 175  # faint, blurred print: mid-grey
    ink[0:3, 0:300] = 0  # the rule along the cell's top edge
    crops = _text_lines(ink, (0, 0, 300, 120), 20.0)
    assert len(crops) == 1
    assert (
        crops[0].shape[0] <= 40
    )  # the print alone (20) and its margins, with its margin, not the rule


def test_an_empty_cell_gives_no_crop() -> None:
    ink = page()
    ink[50, 50] = 0  # a speck
    assert _text_lines(ink, (0, 0, 300, 120), 20.0) == []


def test_a_corrected_county_takes_its_name_of_today() -> None:
    """阳谷司 is one character from 阳谷县 and from the forms 阳谷区 / 阳谷市 the data keeps
    for renamed counties: the name of today is shown."""
    assert parse_place("山东省聊城市阳谷司").text == "山东省聊城市阳谷县"


# --- a seal's text read into a value -----------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "allowed", "shown"),
    [
        ("离婚公安厅户东", CLOSED["marital_status"], "离婚"),
        ("离婚监安厅", CLOSED["marital_status"], "离婚"),  # the seal's 公 misread as 监
        ("男用", CLOSED["sex"], "男"),
        ("男", CLOSED["sex"], "男"),  # nothing to take away
        ("济宁黄河第一中学用", (), "济宁黄河第一中学"),
        ("1988年02月28日由济宁市迁来户口专用章", (), "1988年02月28日由济宁市迁来"),
        ("用1986年09月15日由济南市迁来", (), "1986年09月15日由济南市迁来"),
        ("必安厅", (), ""),  # the seal's alone: one misread character left
        ("户口专用单", (), ""),
        ("山东省济南市公安局", (), "山东省济南市公安局"),  # no telling character: a value
        ("威海华宇商贸有限公司户", (), "威海华宇商贸有限公司户"),
    ],
)
def test_a_seals_text_at_a_values_end_or_start_is_taken_away(
    read: str, allowed: tuple[str, ...], shown: str
) -> None:
    assert without_seal(read, allowed=allowed) == shown


@pytest.mark.parametrize(
    ("read", "shown"),
    [
        # the seal's text misread past what TELLING knows (国, 量, 单, 丁 for 口专用章)
        ("2007年04月17日由德州市迁来丁户", "2007年04月17日由德州市迁来"),
        ("2017年03月04日由潍坊市迁来户国专用单", "2017年03月04日由潍坊市迁来"),
        ("公好工户2013年03月17日由枣庄市迁来", "2013年03月17日由枣庄市迁来"),
        ("东1992年09月22日由菏泽市迁来", "1992年09月22日由菏泽市迁来"),
        ("1982", "1982"),  # not the form's shape: left for the clerk as read
        # no date at all and a seal's telling character (专): an empty cell under the seal
        ("户国专量", ""),
    ],
)
def test_a_moved_in_value_is_cut_to_the_forms_shape(read: str, shown: str) -> None:
    assert moved_in_shape(read) == shown


def test_a_moved_in_value_cut_to_its_shape_is_marked() -> None:
    cells: list[Box] = [(0, 0, 300, 60), (300, 0, 900, 60)]
    lines = [line("何时由何地迁来本址", 5, 10), line("2007年04月17日由德州市迁来丁户", 305, 10)]
    found = extract("registration-card", lines, cells=cells).fields["moved_in_from"]
    assert found.value == "2007年04月17日由德州市迁来"
    assert found.status is not Status.CHECKED
    assert found.read == "2007年04月17日由德州市迁来丁户"  # the clerk sees what was read


REGISTRATION_CELLS: list[Box] = [(0, 0, 100, 60), (100, 0, 400, 60)]


def test_a_value_with_a_seals_text_taken_away_is_marked_never_checked() -> None:
    lines = [line("婚姻状况", 5, 10), line("离婚公安厅户", 105, 10)]
    result = extract("registration-card", lines, cells=REGISTRATION_CELLS)
    found = result.fields["marital_status"]
    assert (found.value, found.status, found.reason) == ("离婚", Status.CORRECTED, "seal-removed")
    assert found.read == "离婚公安厅户"
    assert found.needs_look


# --- the ID card's labels misread -----------------------------------------------------------


def test_an_id_card_label_with_one_character_misread_still_names_its_field() -> None:
    lines = [
        line("姓鲁朱斌", 50, 50),  # 姓名 with 名 misread
        line("性别男", 50, 120),
        line("民旗汉", 250, 120),  # 民族
        line("佳址山东省菏泽市单县店屯乡张", 50, 260),  # 住址
        line("杨村197号", 110, 300),
    ]
    values = extract("id-card", lines).values()
    assert values["name"] == "朱斌"
    assert values["ethnicity"] == "汉"
    assert values["address"] == "山东省菏泽市单县店屯乡张杨村197号"


def test_a_line_that_could_start_two_misread_labels_names_none() -> None:
    """姓别… is one character from 姓名 and from 性别: neither."""
    values = extract("id-card", [line("姓别男", 50, 120)]).values()
    assert values["name"] == ""
    assert values["sex"] == ""


def test_a_field_below_the_tables_found_cells_is_read_by_its_row_and_never_checked() -> None:
    # the ruled lines found only round the first row (the page curled at its foot)
    cells: list[Box] = [(0, 0, 150, 60), (150, 0, 600, 60)]
    lines = [
        line("婚姻状况", 5, 10),
        line("已婚", 155, 10),
        line("文化程度", 5, 200),
        line("小学", 200, 200),
    ]
    result = extract("registration-card", lines, cells=cells)
    marital, education = result.fields["marital_status"], result.fields["education"]
    assert (marital.value, marital.status) == ("已婚", Status.CHECKED)  # in its cell
    assert (education.value, education.status, education.reason) == (
        "小学",
        Status.UNCHECKED,
        "outside-table",
    )
    # a label the cells hold keeps its cell: an empty value is not filled from the row
    empty = extract("registration-card", lines[:1] + lines[2:], cells=cells)
    assert empty.fields["marital_status"].value == ""
