"""A review of the mends (commits 0fb149c..bc7cecf): each test shows a way a new rule
gave a value the clerk would not look at closely enough, changed a value without saying
so, took a value from the wrong place, or harmed a legitimate name or place. All failed
against the code as reviewed, and pass since the mends; canned lines and values only (no
OCR engine)."""

from __future__ import annotations

import numpy as np
import pytest

from caseworker.models.resident_id import check_digit
from caseworker.scanning.checks import Status, _moved_in
from caseworker.scanning.fields import extract
from caseworker.scanning.ocr import Choices, OcrLine, without_seal_lines
from caseworker.scanning.values import _normalise

Box = tuple[int, int, int, int]


def make_id(born: str, sex: str, region: str, sequence: str = "") -> str:
    first17 = f"{region}{born.replace('-', '')}{sequence or ('001' if sex == 'M' else '002')}"
    return first17 + check_digit(first17)


def line(text: str, x: int, y: int, score: float = 0.99) -> OcrLine:
    return OcrLine(text, score, (x, y, x + 30 * len(text), y + 32))


def reads_again(text: str, first: dict[str, float]):
    """A stand-in for ``Reading.first_choices``: the same second reading for any box."""

    def choices(_box: Box) -> Choices:
        return Choices(text, 0.95, first)

    return choices


# --- (f) OpenCC turns valid simplified characters into others, and says nothing -------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("birthplace", "陕西省咸阳市乾县"),  # 乾县 is a county: t2s makes it 干县
        ("native_place", "吉林省松原市乾安县"),  # 乾安县 → 干安县
        ("address", "山东省潍坊市昌乐县乾河村"),  # a village's 乾 → 干, in the unchecked rest
        ("workplace", "於家庄村委会"),  # 於 (a surname, so a village's name) → 于
    ],
)
def test_simplifying_keeps_characters_that_are_already_simplified(name: str, value: str) -> None:
    assert _normalise(name, value) == value


def test_a_birthplace_in_qian_county_is_not_shown_as_another_reading() -> None:
    # the card reads 陕西省咸阳市乾县 exactly; the desk must not show 干县 as what was read
    cells = [(0, 0, 100, 60), (100, 0, 400, 60)]
    lines = [line("出生地", 5, 10), line("陕西省咸阳市乾县", 110, 12)]
    birthplace = extract("registration-card", lines, cells=cells).fields["birthplace"]
    assert "乾县" in birthplace.value or birthplace.read == "陕西省咸阳市乾县"


# --- (e) a surname missing from the list is "corrected" into one on it ------------------------


@pytest.mark.parametrize(
    ("read", "first"),
    [
        ("迟浩田", {"迟": 0.97, "池": 0.02}),  # 迟: common in Shandong's east
        ("曲波", {"曲": 0.96, "田": 0.01}),  # 曲: common in Shandong's east
        ("颜丽", {"颜": 0.98, "顾": 0.01}),  # 颜: Qufu's 颜 family
        ("章明", {"章": 0.97, "童": 0.02}),
        ("於明", {"於": 0.97, "于": 0.03}),  # 於: the desk's own example of a surname
    ],
)
def test_a_name_read_right_whose_surname_is_not_listed_is_kept(
    read: str, first: dict[str, float]
) -> None:
    choices = reads_again(read, first)
    name = extract("id-card", [line(f"姓名{read}", 50, 50)], choices=choices).fields["name"]
    assert (name.value, name.read) == (read, "")


# --- (b) a surname correction changes more than the surname -----------------------------------


def test_a_surname_correction_changes_only_the_first_character() -> None:
    # the second reading starts with a surname but reads the third character otherwise:
    # shown as "surname corrected" (首字…已改为相近姓氏) while 庆 became 应 unmarked
    choices = reads_again("盖福应", {"盖": 0.7})
    name = extract("id-card", [line("姓名益福庆", 50, 50)], choices=choices).fields["name"]
    # either only the surname changed, or the whole second reading is shown as such:
    # doubtful, saying it was read again, with the first reading kept
    assert name.value[1:] == "福庆" or (
        name.status is Status.DOUBTFUL and name.reason == "name-read-again"
    )
    assert name.read == "益福庆"


def test_a_stray_mark_before_the_name_is_no_surname_added_to_it() -> None:
    # the second crop starts with a ruled line's stub read as 一, behind which 丁 is seen:
    # the name gains a character (丁益福庆) under "surname corrected"
    choices = reads_again("一益福庆", {"一": 0.7, "丁": 0.3})
    name = extract("id-card", [line("姓名益福庆", 50, 50)], choices=choices).fields["name"]
    assert len(name.value) == len("益福庆")


# --- (a) an ID number found anywhere on a ruled page is shown checked -------------------------

#: a 常住人口登记卡's rows: 性别 | value, 出生日期 | value, 公民身份证件编号 | value, and a
#: 变更更正记事 cell at the foot
CARD_CELLS: list[Box] = [
    (0, 0, 150, 60),
    (150, 0, 500, 60),
    (0, 60, 150, 120),
    (150, 60, 500, 120),
    (0, 120, 150, 180),
    (150, 120, 500, 180),
    (0, 300, 500, 360),
]


def test_an_id_number_outside_its_cell_is_never_checked() -> None:
    # the number's own cell read nothing (a seal over it); another number of the same
    # birth date and sex stands in the change record at the foot (an earlier number, or
    # another person's on a page photographed with it): taken, and shown CHECKED
    other = make_id("1957-03-07", "M", "370702", "015")
    lines = [
        line("性别", 5, 10),
        line("男", 160, 12),
        line("出生日期", 5, 70),
        line("1957年3月7日", 160, 72),
        line("公民身份证件编号", 2, 130),
        line(other, 10, 310),
    ]
    found = extract("registration-card", lines, cells=CARD_CELLS).fields["id_number"]
    assert found.status is not Status.CHECKED


# --- (c) beside a label's cell: the next field's label misread is read on through -------------


def test_a_value_beside_its_label_stops_at_the_next_label_misread() -> None:
    # 曾用名 (read 曾用) in its cell, the rest of the row's rules lost; the former name is
    # empty, then 性别 misread 牲别 and its value 男: the former name must not be 牲别男
    cells = [(0, 0, 100, 60), (0, 60, 100, 120), (100, 60, 400, 120)]
    lines = [line("曾用", 10, 15), line("牲别", 300, 15), line("男", 400, 15)]
    former = extract("registration-card", lines, cells=cells).fields["former_name"]
    assert "男" not in former.value or former.status is Status.DOUBTFUL


# --- (b) the Shandong tie-break is a guess, not the one place a character away ----------------


def test_a_moved_in_place_chosen_by_the_home_province_is_doubtful() -> None:
    # 同泽市 is one character from 菏泽市 and from 同江市 (Heilongjiang): choosing Shandong's
    # is a guess; "corrected" tells the clerk it was the only division one character away
    verdict = _moved_in("1983年11月02日由同泽市迁来")
    assert verdict.status is Status.DOUBTFUL


# --- (d) seal lines by colour: old handwriting faded to brown is taken for the seal ----------


def test_handwriting_faded_to_brown_is_no_seal_line() -> None:
    # blue-black ink of an entry made decades ago has turned brown; nothing of it is
    # black, so the whole line is dropped as a seal's (the field then comes out missing)
    written = OcrLine("1983年由菏泽市迁来", 0.99, (10, 10, 110, 40))
    pixels = np.full((60, 120, 3), 255, dtype=np.uint8)
    for x in range(15, 105, 10):
        pixels[15:35, x : x + 4] = (20, 50, 110)  # BGR: dark brown
    assert without_seal_lines(pixels, [written]) == [written]
