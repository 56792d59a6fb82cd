"""Resident ID numbers (GB 11643) and ages in 周岁."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker.models.calendar import add_months, age_on, anniversary
from caseworker.models.enums import Sex
from caseworker.models.resident_id import ResidentIdError, check_digit, parse_resident_id
from tests.helpers import make_id


def test_reads_birth_date_sex_and_birthplace() -> None:
    rid = parse_resident_id("371502197205200038")
    assert rid.birth_date == date(1972, 5, 20)
    assert rid.sex == Sex.M
    assert rid.birthplace_code == "371502"
    assert parse_resident_id("371502197402110146").sex == Sex.F


def test_x_check_digit_and_lower_case() -> None:
    first17 = next(
        f"37010219900101{n:03d}"
        for n in range(1000)
        if check_digit(f"37010219900101{n:03d}") == "X"
    )
    assert parse_resident_id(first17 + "x").number == first17 + "X"


def test_masked_hides_birth_date() -> None:
    assert parse_resident_id("371502197205200038").masked == "371502********0038"


def _with_check(first17: str) -> str:
    return first17 + check_digit(first17)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("37150219720520003", "18 characters"),
        ("3715021972052000388", "18 characters"),
        ("37150219720520003A", "17 digits"),
        ("3715021972052A0038", "17 digits"),
        ("371502197205200039", "check digit is 9 but should be 8"),
        (_with_check("37150219721320003"), "not a date"),
        (_with_check("37150219730229003"), "not a date"),
        (_with_check("37150218800101003"), "impossible"),
    ],
)
def test_refuses_bad_numbers(number: str, message: str) -> None:
    with pytest.raises(ResidentIdError, match=message):
        parse_resident_id(number)


def test_check_digit_catches_every_single_substitution_and_adjacent_swap() -> None:
    """Exhaustive over a sample of real-shaped numbers: the check digit must catch 100 %."""
    for n in range(40):
        number = make_id(date(1950 + n, 1 + n % 12, 1 + n % 28), "M" if n % 2 else "F")
        for i in range(17):
            for d in "0123456789":
                if d != number[i]:
                    typo = number[:i] + d + number[i + 1 :]
                    with pytest.raises(ResidentIdError):
                        parse_resident_id(typo)
        for i in range(17):
            if number[i] != number[i + 1]:
                swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
                with pytest.raises(ResidentIdError):
                    parse_resident_id(swapped)


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1970, 6, 15), date(2020, 6, 14), 49),
        (date(1970, 6, 15), date(2020, 6, 15), 50),
        (date(1964, 2, 29), date(2019, 2, 28), 54),
        (date(1964, 2, 29), date(2019, 3, 1), 55),
        (date(1964, 2, 29), date(2020, 2, 28), 55),
        (date(1964, 2, 29), date(2024, 2, 29), 60),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
    ],
)
def test_age_in_zhousui(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_anniversary_and_months() -> None:
    assert anniversary(date(1964, 2, 29), 55) == date(2019, 3, 1)
    assert anniversary(date(1964, 2, 29), 56) == date(2020, 2, 29)
    assert add_months(date(2022, 9, 1), -6) == date(2022, 3, 1)
    assert add_months(date(2021, 8, 31), 6) == date(2022, 3, 1)
    assert add_months(date(2020, 1, 31), 1) == date(2020, 3, 1)
    assert add_months(date(2020, 12, 15), 1) == date(2021, 1, 15)


def test_a_compatibility_ideograph_in_a_name_is_kept_as_written() -> None:
    from caseworker.models.records import check_name  # noqa: PLC0415

    # found by the property tests: NFC turned 丽 U+2F800 into 丽 U+4E3D
    assert check_name("王\U0002f800") == "王\U0002f800"
    assert check_name("王\uf900") == "王\uf900"
    assert check_name(" 阿依古丽·买买提 ") == "阿依古丽·买买提"
