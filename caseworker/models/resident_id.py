"""The 18-character resident ID number (公民身份号码 id_number, GB 11643).

The check digit comes from python-stdnum; birth date, sex and birthplace code
are read here, because stdnum's own region table refuses real numbers whose
county code has changed since birth and accepts future birth dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric

from caseworker.models.enums import Sex

_SHAPE = re.compile(r"^\d{17}[\dX]$")
EARLIEST_BIRTH = date(1890, 1, 1)


class ResidentIdError(ValueError):
    """A number that cannot be a resident ID: a refusal as data (``code``, ``params``) that
    the desk words in its language; ``str()`` is the English sentence the command line
    prints, saying what is wrong and how to fix it."""

    def __init__(self, message: str, *, code: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class ResidentId:
    number: str
    birth_date: date
    sex: Sex
    birthplace_code: str

    @property
    def masked(self) -> str:
        """The number with the birth date and sequence hidden, for logs and screens."""
        return f"{self.number[:6]}********{self.number[14:]}"


def check_digit(first17: str) -> str:
    """The GB 11643 check digit for the first 17 digits."""
    return str(ric.calc_check_digit(first17 + "0"))


def parse_resident_id(raw: str) -> ResidentId:
    number = raw.strip().upper()
    if len(number) != 18:
        raise ResidentIdError(
            f"must have 18 characters, has {len(number)}; 15-digit numbers are no longer valid",
            code="id.length",
            length=len(number),
        )
    if not _SHAPE.match(number):
        raise ResidentIdError("must be 17 digits followed by a digit or X", code="id.shape")
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise ResidentIdError(
            f"check digit is {number[17]} but should be {expected}; "
            "re-read the number from the card, a digit is probably mistyped",
            code="id.check_digit",
            expected=expected,
            typed=number[17],
        )
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
        raise ResidentIdError(
            f"birth date {born} in the number is not a date", code="id.birth_date", born=born
        ) from None
    if birth < EARLIEST_BIRTH:
        raise ResidentIdError(
            f"birth date {birth.isoformat()} in the number is impossible",
            code="id.birth_date",
            born=birth.isoformat(),
        )
    sex = Sex.M if int(number[16]) % 2 else Sex.F
    return ResidentId(number=number, birth_date=birth, sex=sex, birthplace_code=number[:6])
