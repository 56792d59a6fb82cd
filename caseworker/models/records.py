"""What the 户口簿 (hukou_book) says beyond the facts the rules read: the 户主页
(household_page) and each person's 常住人口登记卡 (registration_card)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from caseworker.models.facts import CaseError, details_of, one_line, problems_of
from caseworker.models.problems import refusal

_NAME_MARKS = frozenset("·•・-. ")


#: CJK compatibility ideographs: NFC maps each to a different, unified character (丽
#: U+2F800 becomes 丽 U+4E3D), but a name is registered with the one it was written in
_COMPATIBILITY = re.compile(r"([\uF900-\uFAFF\U0002F800-\U0002FA1F]+)")


def _nfc_keeping_compatibility_ideographs(text: str) -> str:
    """NFC (one form for accented Latin letters), except for compatibility ideographs."""
    parts = _COMPATIBILITY.split(text)
    return "".join(
        part if i % 2 else unicodedata.normalize("NFC", part) for i, part in enumerate(parts)
    )


def check_name(name: str) -> str:
    """A person's name: Chinese characters of any plane (rare name characters of
    Extension B and beyond are real), Latin letters, and the middle dot of minority and
    foreign names. Anything else (emoji, control characters, digits) is refused."""
    name = _nfc_keeping_compatibility_ideographs(name.strip())
    if name and all(char in _NAME_MARKS for char in name):
        raise refusal("name.no_letter", f"{name!r} has no letter or character of a name")
    for char in name:
        if char in _NAME_MARKS or ("a" <= char.lower() <= "z"):
            continue
        if unicodedata.category(char) == "Lo" and "CJK" in unicodedata.name(char, ""):
            continue
        raise refusal(
            "name.character",
            f"{char!r} (U+{ord(char):04X}) cannot be part of a name; type the name exactly "
            "as the 户口簿 shows it",
            char=char,
            digit=char.isdigit(),
        )
    return name


class _Record(BaseModel):
    """Every text field has the length its column holds (``storage.schema``): a longer
    one is refused with its name, never cut short or stored beyond its column. Control
    characters (a scanner's or a damaged file's) are refused, not kept invisibly."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _printable(cls, value: Any) -> Any:
        if isinstance(value, str):
            for char in value:
                if unicodedata.category(char) == "Cc":
                    raise refusal(
                        "text.control_character",
                        f"holds the control character U+{ord(char):04X}; type the text again",
                    )
        return value


class HouseholdPage(_Record):
    household_kind: str = Field(default="", max_length=20)  # 户别
    household_number: str = Field(default="", max_length=30)  # 户号
    head_name: str = Field(default="", max_length=50)  # 户主姓名
    address: str = Field(default="", max_length=200)  # 住址


class RegistrationCard(_Record):
    name: str = Field(default="", max_length=50)  # 姓名
    relation_to_head: str = Field(default="", max_length=20)  # 与户主关系
    former_name: str = Field(default="", max_length=50)  # 曾用名
    ethnicity: str = Field(default="", max_length=20)  # 民族
    native_place: str = Field(default="", max_length=50)  # 籍贯
    birthplace: str = Field(default="", max_length=100)  # 出生地
    education: str = Field(default="", max_length=30)  # 文化程度
    marital_status: str = Field(default="", max_length=20)  # 婚姻状况
    military_service: str = Field(default="", max_length=20)  # 兵役状况
    workplace: str = Field(default="", max_length=100)  # 服务处所
    occupation: str = Field(default="", max_length=50)  # 职业
    moved_in_from: str = Field(default="", max_length=200)  # 何时由何地迁来

    @field_validator("name", "former_name")
    @classmethod
    def _name(cls, value: str) -> str:
        return check_name(value) if value else value


class Records(_Record):
    household: HouseholdPage = HouseholdPage()
    applicant: RegistrationCard = RegistrationCard()
    family: list[RegistrationCard] = Field(default_factory=list)
    destination_address: str = Field(default="", max_length=200)


def parse_records(data: Any) -> Records:
    """Validate the records part of an application; CaseError with one line if bad."""
    try:
        return Records.model_validate(data or {})
    except ValidationError as exc:
        raise CaseError(
            one_line(exc, prefix="records."),
            problems_of(exc, prefix="records."),
            details_of(exc, prefix="records."),
        ) from None
