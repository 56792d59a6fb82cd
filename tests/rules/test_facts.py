"""The fact model: every field validated, errors in one line naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from caseworker.models.facts import CaseError, parse_case
from tests.helpers import make_id

GOOD_ID = make_id("1990-01-01", "M")


def _case(**changes: Any) -> str:
    case: dict[str, Any] = {
        "on": "2021-03-15",
        "destination": {"county": "370105", "street": "大桥街道", "area": "urban"},
        "applicant": {"id_number": GOOD_ID},
        "family": [],
    }
    for path, value in changes.items():
        target = case
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return json.dumps(case, ensure_ascii=False)


def _error(text: str) -> str:
    with pytest.raises(CaseError) as info:
        parse_case(text)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_minimal_case_is_valid_and_unasked_is_none() -> None:
    case = parse_case(_case())
    assert case.applicant.pension_months is None
    assert case.applicant.joins is None
    assert case.applicant_age == 31


def test_case_and_expect_keys_are_ignored() -> None:
    assert parse_case(_case(case="x", expect={"decision": "eligible"})).case == "x"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"applicant__education": "masters"}, 'applicant.education: "masters" is not allowed'),
        ({"applicant__foo": 1}, "applicant.foo: unknown field"),
        ({"destination__colour": "red"}, "destination.colour: unknown field"),
        (
            {"applicant__pension_months": "14"},
            "applicant.pension_months: input should be a valid integer",
        ),
        (
            {"applicant__pension_months": -1},
            "applicant.pension_months: Input should be greater than or equal to 0",
        ),
        ({"applicant__full_time": "yes"}, "applicant.full_time: input should be a valid boolean"),
        (
            {"applicant__business_license_since": "2020-13-01"},
            "applicant.business_license_since: expected a date",
        ),
        ({"applicant__business_license_since": True}, "true says nothing"),
        ({"destination__county": 370105}, "destination.county: expected a 6-digit county code"),
        ({"on": "15/03/2021"}, "on: expected a date as YYYY-MM-DD"),
        (
            {"applicant__joins": {"relative": "aunt"}},
            'applicant.joins.relative: "aunt" is not allowed',
        ),
        (
            {"applicant__awards": [{"kind": "nobel", "date": "2020-01-01"}]},
            "applicant.awards[0].kind",
        ),
        (
            {"family": [{"relation": "cousin", "birth_date": "2019-01-01", "sex": "F"}]},
            "family[0].relation",
        ),
        (
            {"family": [{"relation": "child"}]},
            "family[0]: give either id_number, or birth_date and sex",
        ),
        (
            {"family": [{"relation": "child", "birth_date": "2022-01-01", "sex": "F"}]},
            "family[0]: birth date 2022-01-01 is after",
        ),
        (
            {"on": "1989-12-31"},
            "applicant.id_number: birth date 1990-01-01 is after the application date",
        ),
        (
            {"applicant__id_number": GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")},
            "applicant.id_number: check digit",
        ),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, Any], expected: str) -> None:
    assert expected in _error(_case(**changes))


def test_relative_id_must_agree_with_birth_date_and_sex() -> None:
    child = make_id("2015-06-01", "F")
    msg = _error(_case(family=[{"relation": "child", "id_number": child, "sex": "M"}]))
    assert "family[0]: sex M differs from F in id_number" in msg


def test_required_fields_and_several_problems_in_one_line() -> None:
    msg = _error(json.dumps({"on": "2021-01-01"}))
    assert msg.startswith("destination: required field is missing; applicant: required field")


def test_malformed_json() -> None:
    assert _error('{"on": ').startswith("not valid JSON:")
