"""A scanned field's value as the desk holds it: the ``Field`` with how it was
established, the layouts of the three documents (their fields and printed labels), and
what every value goes through before it is judged (``normalise``: full-width forms, a
rule's piece, traditional characters). Pure: text in, text out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from caseworker.scanning.checks import Status
from caseworker.scanning.lists import CLOSED, ETHNIC_GROUPS

Box = tuple[int, int, int, int]
#: fields holding a person's name, whose first character is a surname
NAME_FIELDS = ("name", "head_name", "former_name")

#: kind -> (field name, printed label, Chinese name); longer labels first where one
#: starts another (出生日期 before 出生)
LAYOUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "id-card": (
        ("name", "姓名"),
        ("sex", "性别"),
        ("ethnicity", "民族"),
        ("birth_date", "出生"),
        ("address", "住址"),
        ("id_number", "公民身份号码"),
    ),
    "household-page": (
        ("household_kind", "户别"),
        ("head_name", "户主姓名"),
        ("household_number", "户号"),
        ("address", "住址"),
    ),
    "registration-card": (
        ("name", "姓名"),
        ("relation_to_head", "户主或与户主关系"),
        ("former_name", "曾用名"),
        ("sex", "性别"),
        ("ethnicity", "民族"),
        ("birth_date", "出生日期"),
        ("birthplace", "出生地"),
        ("native_place", "籍贯"),
        ("id_number", "公民身份证件编号"),
        ("education", "文化程度"),
        ("marital_status", "婚姻状况"),
        ("military_service", "兵役状况"),
        ("workplace", "服务处所"),
        ("occupation", "职业"),
        ("moved_in_from", "何时由何地迁来本址"),
    ),
}
KINDS = tuple(LAYOUTS)
#: other labels printed for the same field: older 常住人口登记卡 print the ID card's label
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "registration-card": {"id_number": ("公民身份号码",)},
}
#: fields whose values are of a list no other field shares, of two characters or more:
#: a cell reading one belongs to the field even where its label was not read
TELLING: dict[str, tuple[str, ...]] = {
    name: tuple(v for v in CLOSED[name] if len(v) >= 2)
    for name in ("household_kind", "education", "marital_status", "military_service")
}
#: fields whose value may run on to the next lines
MULTILINE = {"address"}
_DATE = re.compile(r"(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})")
#: marks a smudge, a ruled line or a stamp's edge leaves at either end of a short field
_STRAY = "“”\"'‘’、，,。.·・-—_|:：;；()（）[]【】"


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    score: float
    box: tuple[int, int, int, int] | None  # where it was read, to show beside the image
    #: how the value was established (``caseworker.scanning.checks``): only ``checked``
    #: needs no look from the clerk
    status: Status = Status.UNCHECKED
    reason: str = ""
    read: str = ""  # what the recogniser read, when the value shown differs
    #: found by its place on the form, its label not read: never shown as checked
    placed: bool = False

    @property
    def doubtful(self) -> bool:
        """Doubtful or not found: the clerk must look closely."""
        return self.status in (Status.DOUBTFUL, Status.MISSING)

    @property
    def needs_look(self) -> bool:
        """Anything but read-and-checked: the clerk must confirm it before accepting."""
        return self.status is not Status.CHECKED


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


#: full-width digits and Latin letters (０-９, Ｘ) as the recogniser sometimes gives them
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


#: what a ruled line's piece or a cell's edge is read as, alone in an empty cell
_RULE_PIECES = frozenset("1lI|丨一")


def _normalise(name: str, text: str) -> str:
    text = text.translate(_FULL_WIDTH).strip(_STRAY)
    if len(text) <= 2 and set(text) <= _RULE_PIECES:
        return ""  # no field's value is a stroke or two (一, 1, 11): a rule's piece
    if name not in NAME_FIELDS:
        text = simplified(text)
    if name == "sex":
        # only 男 or 女 is printed there: a stroke beside it is a smudge
        both = [c for c in text if c in "男女"]
        return both[0] if len(both) == 1 else text
    if name == "ethnicity":
        # a closed list: a stroke or a stamp's edge beside the name is not part of it
        named = [g for g in ETHNIC_GROUPS if g in text]
        if named:
            return max(named, key=len)
    if name == "id_number":
        return text.upper().replace("O", "0").replace("Ｘ", "X")
    if name == "birth_date":
        match = _DATE.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return text


@cache
def _to_simplified() -> Callable[[str], str]:
    try:
        import opencc  # noqa: PLC0415 - comes with the OCR (caseworker[scan])
    except ImportError:
        return str
    converter = opencc.OpenCC("t2s")
    return lambda text: str(converter.convert(text))


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def simplified(text: str) -> str:
    """The text with each traditional-only character in its simplified form: the book and
    the card print simplified characters, and the recogniser sometimes gives a
    character's traditional form (商貿, 峄城區, 山東省). A character simplified writing
    uses too (GB 2312) is never changed: 乾县 is not 干县, 於家庄 not 于家庄. Never applied
    to a name either."""
    convert = _to_simplified()
    return "".join(char if _in_gb2312(char) else convert(char) for char in text)
