"""An application the store refuses as invalid is worded wholly in the desk's language
(issue 25): each field as labelled and what to do, never the case model's English."""

from __future__ import annotations

import re
from typing import Any

import pytest

from caseworker.models.facts import CaseError, case_from_dict
from caseworker.services.boundary import InvalidCaseError
from ui.errors import describe

ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _refusal(case: dict[str, Any]) -> str:
    with pytest.raises(CaseError) as bad:
        case_from_dict(case)
    return describe(InvalidCaseError(bad.value))[1]


@pytest.mark.parametrize(
    ("case", "said"),
    [
        (  # what the walk saw: an empty county and a number one digit short
            {
                "on": "2024-01-01",
                "destination": {"county": ""},
                "applicant": {"id_number": "11010519491231002"},
            },
            ["区县：", "身份证号：", "18 位"],
        ),
        (
            {
                "on": "2024-13-01",
                "destination": {"county": "370102"},
                "applicant": {"id_number": "11010519491231002X"},
            },
            ["申请日期：", "2019-03-15"],
        ),
        (
            {
                "on": "2024-01-01",
                "destination": {"county": "370102"},
                "applicant": {"id_number": "110105194912310021"},
            },
            ["身份证号：", "校验位应为"],
        ),
        (
            {
                "on": "2024-01-01",
                "destination": {"county": "370102"},
                "applicant": {"id_number": "11010519491231002X", "degree": "phd"},
            },
            ["最高学位：", "列表"],
        ),
    ],
)
def test_an_invalid_case_is_worded_in_chinese(case: dict[str, Any], said: list[str]) -> None:
    text = _refusal(case)
    assert not ENGLISH.search(text), text
    for words in said:
        assert words in text, text
