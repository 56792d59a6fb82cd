"""The rules that mend what the recogniser got wrong, each on canned lines or values (no
OCR engine, no image files): an ID number found under a label misread beyond knowing, a
name label whose character was lost, an address under a stray stroke, a seal's text and
a seal's lines taken out, a surname read again, free text read a second time, traditional
characters simplified, a ruled page's labels and a place's name one character off."""

from __future__ import annotations

import numpy as np
import pytest

from caseworker.models.resident_id import check_digit
from caseworker.scanning.checks import Status, judge
from caseworker.scanning.fields import Field, _better_free_text, extract
from caseworker.scanning.ocr import Choices, OcrLine, without_seal_lines
from caseworker.scanning.places import named_place
from caseworker.scanning.seal import moved_in_shape, without_seal
from caseworker.scanning.table import _near
from caseworker.scanning.values import _normalise, simplified


def make_id(born: str, sex: str, region: str) -> str:
    first17 = f"{region}{born.replace('-', '')}{'001' if sex == 'M' else '002'}"
    return first17 + check_digit(first17)


def line(text: str, x: int, y: int, score: float = 0.99) -> OcrLine:
    return OcrLine(text, score, (x, y, x + 30 * len(text), y + 32))


def boxed(y: int, *runs: tuple[int, str], height: int = 40) -> OcrLine:
    """A line with a box for each character: each run's characters 30 pixels apart from
    its left edge ``x``, as the engine gives them."""
    chars = tuple(
        (char, 0.99, (x + 30 * n, y, x + 30 * n + 26, y + height))
        for x, text in runs
        for n, char in enumerate(text)
    )
    box = (chars[0][2][0], y, chars[-1][2][2], y + height)
    return OcrLine("".join(c[0] for c in chars), 0.99, box, chars)


# --- the ID number under a label misread beyond knowing --------------------------------------

NUMBER = make_id("1957-03-07", "M", "370702")


def test_an_id_number_after_a_garbled_label_and_a_space_is_found() -> None:
    lines = [OcrLine(f"公民期价)呼6 {NUMBER}", 0.95, (50, 470, 700, 510))]
    found = extract("id-card", lines).fields["id_number"]
    assert (found.value, found.status) == (NUMBER, Status.CHECKED)


def test_a_run_of_digits_failing_its_check_digit_is_no_id_number() -> None:
    wrong = NUMBER[:-1] + ("1" if NUMBER[-1] != "1" else "2")
    lines = [OcrLine(f"公民期价)呼6 {wrong}", 0.95, (50, 470, 700, 510))]
    assert extract("id-card", lines).fields["id_number"].value == ""


# --- the card's labels and values in their columns -------------------------------------------

#: rows whose labels are read exactly: they give the labels' column (x 80) and the values'
#: column (x 230)
COLUMNS = [
    boxed(200, (80, "出生"), (230, "1957年3月7日")),
    boxed(300, (80, "住址"), (230, "山东省潍坊市昌乐县")),
]


def test_a_name_label_missing_its_second_character_ends_at_the_values_column() -> None:
    lines = [boxed(50, (80, "姓"), (230, "朱斌")), *COLUMNS]  # 姓名朱斌, its 名 lost
    assert extract("id-card", lines).fields["name"].value == "朱斌"


def test_a_line_starting_with_the_name_labels_second_character_is_that_label() -> None:
    # 姓名逢琼岚, its 姓 lost; 名 within a line's height of the labels' column (see report:
    # at x 150 with lines 40 high the rule does not take it)
    lines = [boxed(50, (110, "名"), (230, "逢琼岚")), *COLUMNS]
    assert extract("id-card", lines).fields["name"].value == "逢琼岚"


def test_a_stroke_read_with_the_address_label_gives_way_to_the_line_over_it() -> None:
    lines = [
        boxed(300, (78, "住址"), (230, "L")),  # 住址L: x 78..256, the L at 230
        OcrLine("山东省潍坊市昌乐县东李镇", 0.98, (228, 298, 600, 340)),
        OcrLine("建设路263号", 0.98, (230, 350, 420, 390)),
    ]
    address = extract("id-card", lines).fields["address"]
    assert address.value == "山东省潍坊市昌乐县东李镇建设路263号"


# --- the seal ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "kept"),
    [
        ("日专用草", ""),  # the seal's text alone, misread
        ("V", ""),  # a speck in an empty cell
        ("户国专量", ""),
        ("1983年11月02日由菏泽市迁来", "1983年11月02日由菏泽市迁来"),
        ("1982", "1982"),  # digits without the shape: left for the clerk
    ],
)
def test_a_moved_in_value_is_cut_to_its_printed_shape(read: str, kept: str) -> None:
    assert moved_in_shape(read) == kept


BLACK = (0, 0, 0)
RED = (40, 40, 220)  # BGR
INKED = OcrLine("离婚", 0.99, (10, 10, 110, 40))
SEALED = OcrLine("角", 0.99, (10, 60, 110, 90))


def strokes(pixels: np.ndarray, box: tuple[int, int, int, int], colour: tuple[int, ...]) -> None:
    """Text-like ink in the box: upright bars 4 pixels wide, 6 apart, the box's height."""
    left, top, right, bottom = box
    for x in range(left + 5, right - 5, 10):
        pixels[top + 5 : bottom - 5, x : x + 4] = colour


def test_a_line_of_red_ink_alone_is_dropped_and_a_black_one_kept() -> None:
    pixels = np.full((100, 120, 3), 255, dtype=np.uint8)
    strokes(pixels, INKED.box, BLACK)
    strokes(pixels, SEALED.box, RED)
    assert without_seal_lines(pixels, [INKED, SEALED]) == [INKED]


def test_a_grey_image_keeps_every_line() -> None:
    pixels = np.full((100, 120, 3), 255, dtype=np.uint8)
    strokes(pixels, INKED.box, BLACK)
    strokes(pixels, SEALED.box, RED)
    grey = np.repeat(pixels.mean(axis=2, keepdims=True), 3, axis=2).astype(np.uint8)
    assert without_seal_lines(grey, [INKED, SEALED]) == [INKED, SEALED]


def test_black_text_under_a_seal_is_kept() -> None:
    pixels = np.full((100, 120, 3), 255, dtype=np.uint8)
    strokes(pixels, INKED.box, BLACK)
    left, top, _right, bottom = INKED.box
    pixels[top + 5 : bottom - 5, left : left + 60] = RED  # the seal over its first half
    assert without_seal_lines(pixels, [INKED]) == [INKED]


# --- a name whose first character is no surname, read again ----------------------------------


def reads_again(text: str, first: dict[str, float], calls: list | None = None):
    """A stand-in for ``Reading.first_choices``: the same second reading for any box."""

    def choices(box: tuple[int, int, int, int]) -> Choices:
        if calls is not None:
            calls.append(box)
        return Choices(text, 0.95, first)

    return choices


def test_a_second_reading_starting_with_a_surname_is_taken() -> None:
    lines = [line("姓名益福庆", 50, 50)]
    name = extract("id-card", lines, choices=reads_again("盖福庆", {"盖": 0.7})).fields["name"]
    assert (name.value, name.read, name.reason) == ("盖福庆", "益福庆", "surname-corrected")
    assert name.status in (Status.CORRECTED, Status.DOUBTFUL)


def test_a_registration_cards_name_is_read_again_in_its_cell() -> None:
    cells = [(0, 0, 100, 60), (100, 0, 300, 60)]
    lines = [line("姓名", 5, 10), line("益福庆", 110, 12)]
    calls: list = []
    result = extract(
        "registration-card", lines, cells=cells, choices=reads_again("盖福庆", {}, calls)
    )
    assert (result.fields["name"].value, result.fields["name"].read) == ("盖福庆", "益福庆")
    assert calls == [(110, 12, 200, 44)]  # the name as read on the page


def test_the_surname_seen_behind_the_first_character_is_taken() -> None:
    choices = reads_again("逢宁", {"逢": 0.94, "逄": 0.06})
    name = extract("id-card", [line("姓名逢宁", 50, 50)], choices=choices).fields["name"]
    assert (name.value, name.read) == ("逄宁", "逢宁")


def test_a_first_character_read_beyond_doubt_is_kept() -> None:
    choices = reads_again("阿依古丽", {"阿": 0.999, "何": 0.006})
    name = extract("id-card", [line("姓名阿依古丽", 50, 50)], choices=choices).fields["name"]
    assert (name.value, name.read) == ("阿依古丽", "")


def test_a_name_starting_with_a_surname_is_not_read_again() -> None:
    calls: list = []
    choices = reads_again("玉芳", {"玉": 0.9}, calls)
    name = extract("id-card", [line("姓名王芳", 50, 50)], choices=choices).fields["name"]
    assert (name.value, calls) == ("王芳", [])


# --- free text read twice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "better"),
    [
        (("聊城泰山机械", 0.91), ("聊城泰山机械厂", 0.89), True),  # a character left out
        (("滨州泰山第中学", 0.91), ("滨州泰山第一中学", 0.997), True),
        (("郭城鲁信第一中学", 0.91), ("郓城鲁信第一中学", 0.98), True),  # as long, surer
        (("郭城鲁信第一中学", 0.95), ("郓城鲁信第一中学", 0.93), False),  # as long, less sure
        (("聊城泰山机械", 0.91), ("聊城泰山机械厂", 0.84), False),  # too unsure to take
        (("聊城泰山机械厂", 0.91), ("聊城泰山机械", 0.99), False),  # shorter
    ],
)
def test_the_second_reading_of_free_text_is_taken_only_when_better(
    first: tuple[str, float], second: tuple[str, float], better: bool
) -> None:
    assert _better_free_text(Field(*first, None), Field(*second, None)) is better


# --- traditional characters -------------------------------------------------------------------


def test_traditional_characters_are_simplified() -> None:
    assert simplified("聊城齐魯商貿有限公司") == "聊城齐鲁商贸有限公司"
    assert _normalise("workplace", "聊城齐魯商貿有限公司") == "聊城齐鲁商贸有限公司"


def test_a_name_keeps_its_characters() -> None:
    assert _normalise("name", "於明") == "於明"  # 於 is a surname of its own
    assert _normalise("name", "區明") == "區明"  # names are never converted
    assert simplified("區明") == "区明"  # what the name would become


# --- a ruled page's labels and places one character off ---------------------------------------


@pytest.mark.parametrize(
    ("read", "label", "near"),
    [
        ("同时由间地迁東本址", "何时由何地迁来本址", True),  # 3 slips in 9
        ("婚耀状况", "婚姻状况", True),
        ("职应", "职业", True),  # a short label: one slip
        ("取应", "职业", False),  # two are too many
    ],
)
def test_a_label_is_known_with_slips_in_proportion_to_its_length(
    read: str, label: str, near: bool
) -> None:
    assert _near(read, label) is near


@pytest.mark.parametrize(
    ("read", "place", "guessed"),
    [
        # 同江市 (Heilongjiang) is one away too: Shandong's is taken, as a guess
        ("同泽市", "菏泽市", True),
        ("青岛审", "青岛市", False),
    ],
)
def test_a_place_one_character_off_is_corrected(read: str, place: str, guessed: bool) -> None:
    assert named_place(read) == (place, True, guessed)


# --- mends found on a second set of seeds (2001-2240) ------------------------------------------


@pytest.mark.parametrize("read", ["1", "11", "一", "|"])
def test_a_rule_piece_alone_in_a_cell_is_no_value(read: str) -> None:
    assert _normalise("moved_in_from", read) == ""
    assert _normalise("former_name", read) == ""


def test_the_next_fields_label_read_after_a_value_is_taken_away_and_marked() -> None:
    marital = judge({"marital_status": "未婚兵役状况"})["marital_status"]
    assert (marital.value, marital.status, marital.reason) == (
        "未婚",
        Status.CORRECTED,  # in the list, but never shown as checked
        "label-removed",
    )
    # a label inside the value is still a neighbour's text: doubtful, as read
    inside = judge({"marital_status": "兵役状况未婚"})["marital_status"]
    assert (inside.value, inside.status) == ("兵役状况未婚", Status.DOUBTFUL)


@pytest.mark.parametrize(
    ("read", "kept"),
    [
        ("章丘泰山第一中学", "章丘泰山第一中学"),  # 章丘: a district of 济南, no seal's 章
        ("山东省章丘县", "山东省章丘县"),
        ("章离婚", "离婚"),  # the seal's 章 before a value
    ],
)
def test_a_places_seal_character_at_the_start_is_kept(read: str, kept: str) -> None:
    assert without_seal(read) == kept


def test_a_wrapped_values_second_line_comes_after_the_first() -> None:
    # the second line (3号) starts inside the first line's tall box, but its middle lies
    # below the first's: it is the next line, not a piece beside it on the same row
    cells = [(0, 0, 100, 80), (100, 0, 600, 80)]
    lines = [
        line("住址", 10, 20),
        OcrLine("山东省东营市垦利区孙王乡东风路8", 0.95, (108, 2, 590, 58)),
        OcrLine("3号", 0.99, (104, 37, 160, 76)),
    ]
    address = extract("household-page", lines, cells=cells).fields["address"]
    assert address.value == "山东省东营市垦利区孙王乡东风路83号"


@pytest.mark.parametrize(
    ("read", "shown", "status"),
    [
        ("郭城黄河机械厂", "郓城黄河机械厂", Status.CORRECTED),  # 郓 read 郭
        ("峰城黄河第一中学", "峄城黄河第一中学", Status.CORRECTED),
        ("郓城黄河机械厂", "郓城黄河机械厂", Status.UNCHECKED),  # a place already
        ("郭氏机械厂", "郭氏机械厂", Status.UNCHECKED),  # no place a confusion away
    ],
)
def test_a_workplace_named_after_its_county_has_the_countys_name_mended(
    read: str, shown: str, status: Status
) -> None:
    verdict = judge({"workplace": read})["workplace"]
    assert (verdict.value, verdict.status) == (shown, status)


@pytest.mark.parametrize(
    ("read", "shown", "reason"),
    [
        (
            "山东省青岛市平度市西刘多南南村209号",
            "山东省青岛市平度市西刘乡南南村209号",
            "township-corrected",
        ),
        (
            "山东省东营市垦利区孙王多东风路83号",
            "山东省东营市垦利区孙王乡东风路83号",
            "township-corrected",
        ),
        # 多 starting a township's name, and a 乡 read right, stay
        (
            "山东省青岛市平度市多宝镇南村1号",
            "山东省青岛市平度市多宝镇南村1号",
            "place-rest-unchecked",
        ),
        (
            "山东省青岛市平度市西刘乡南南村209号",
            "山东省青岛市平度市西刘乡南南村209号",
            "place-rest-unchecked",
        ),
    ],
)
def test_a_townships_xiang_read_as_duo_is_mended(read: str, shown: str, reason: str) -> None:
    verdict = judge({"address": read})["address"]
    assert (verdict.value, verdict.reason) == (shown, reason)


@pytest.mark.parametrize(
    ("read", "shown", "reason"),
    [
        ("济宁泰山商贸有限公司公", "济宁泰山商贸有限公司", "workplace-trimmed"),
        ("菏泽泰山机械厂公安", "菏泽泰山机械厂", "workplace-trimmed"),  # the seal's 公安
        ("济宁齐鲁人民医院A", "济宁齐鲁人民医院", "workplace-trimmed"),
        # an organisation's name that goes on as such names do stays as read
        ("某某有限公司济南分公司", "某某有限公司济南分公司", "free-text"),
        ("济南市公安局", "济南市公安局", "free-text"),
        ("聊城泰山机械", "聊城泰山机械", "free-text"),  # a character lost: nothing to add
    ],
)
def test_traces_after_the_end_of_a_workplaces_name_are_taken_away_and_marked(
    read: str, shown: str, reason: str
) -> None:
    verdict = judge({"workplace": read})["workplace"]
    assert (verdict.value, verdict.reason) == (shown, reason)
    assert verdict.status is (Status.UNCHECKED if shown == read else Status.CORRECTED)


@pytest.mark.parametrize(("read", "shown"), [("未婚兵仪状况", "未婚"), ("离婚兵器林况", "离婚")])
def test_a_closed_value_followed_by_the_next_label_misread_is_that_value(
    read: str, shown: str
) -> None:
    verdict = judge({"marital_status": read})["marital_status"]
    assert (verdict.value, verdict.status, verdict.reason) == (
        shown,
        Status.CORRECTED,
        "label-removed",
    )


def test_an_empty_name_cell_read_again_as_a_name_is_shown_doubtful() -> None:
    cells = [(0, 0, 100, 60), (100, 0, 400, 60)]

    def recognise(boxes: list[tuple[int, int, int, int]]) -> list[tuple[str, float]]:
        return [("刘丽", 0.68)] * len(boxes)  # less sure than any empty cell is taken at

    name = extract(
        "registration-card", [line("姓名", 5, 10)], cells=cells, recognise=recognise
    ).fields["name"]
    assert (name.value, name.status) == ("刘丽", Status.DOUBTFUL)

    def speck(boxes: list[tuple[int, int, int, int]]) -> list[tuple[str, float]]:
        return [("一丨", 0.68)] * len(boxes)  # a ruled line's piece is no name

    empty = extract("registration-card", [line("姓名", 5, 10)], cells=cells, recognise=speck)
    assert empty.fields["name"].value == ""


@pytest.mark.parametrize(
    ("read", "shown", "status"),
    [
        ("2015年04月20日由淄博市迁表", "2015年04月20日由淄博市迁来", Status.CORRECTED),
        ("1990年11月08日由济南市来", "1990年11月08日由济南市迁来", Status.CORRECTED),
        ("2014年08月08日申德州市迁来", "2014年08月08日由德州市迁来", Status.CORRECTED),
        # no known place between the words: nothing is mended
        ("1988年03月02日由某某市迁费", "1988年03月02日由某某市迁费", Status.DOUBTFUL),
    ],
)
def test_the_moved_in_forms_own_words_are_mended_around_a_known_place(
    read: str, shown: str, status: Status
) -> None:
    verdict = judge({"moved_in_from": read})["moved_in_from"]
    assert (verdict.value, verdict.status) == (shown, status)


#: a 常住人口登记卡's row 服务处所 | value | 职业 | value, and the row above
ROW_CELLS = [(0, 0, 100, 60), (100, 0, 400, 60), (400, 0, 480, 60), (480, 0, 700, 60)]


def test_a_value_whose_label_was_not_read_is_found_by_its_place_in_the_row() -> None:
    # the detector saw neither 职 nor 业, spaced across their cell: the cell after the
    # workplace's value is the label's, the one after it the occupation's
    lines = [line("服务处所", 5, 15), line("济宁泰山机械厂", 110, 15), line("无业", 500, 15)]
    result = extract("registration-card", lines, cells=ROW_CELLS)
    occupation = result.fields["occupation"]
    assert (occupation.value, occupation.status, occupation.reason) == (
        "无业",
        Status.UNCHECKED,
        "by-position",
    )


def test_a_cell_of_text_after_the_value_is_no_label_to_place_by() -> None:
    # the cell after the workplace's value holds text of its own: no guess
    lines = [
        line("服务处所", 5, 15),
        line("济宁泰山机械厂", 110, 15),
        line("某某某", 405, 15),
        line("无业", 500, 15),
    ]
    result = extract("registration-card", lines, cells=ROW_CELLS)
    assert result.fields["occupation"].value == ""
