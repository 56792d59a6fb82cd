"""The refusals of impossible input and of the workflow's roles read in Chinese and in
English on the desk, naming a relative as the list shows them; the command line keeps
its English sentence."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from caseworker.services.base import CODES, ServiceError
from ui import i18n
from ui.errors import describe
from ui.errors_input import INPUT_WORDING

CJK = re.compile(r"[\u3400-\u9fff]")
#: as ``application_checks`` gives them (``who``: the English the command line shows)
RELATIVE: dict[str, Any] = {
    "position": 2,
    "relation": "spouse",
    "relation_zh": "配偶",
    "name": "Li Si",
    "who": "family member 2 (spouse) Li Si",
}
SAMPLES: dict[str, dict[str, Any]] = {
    "application.date_in_future": {"on": "9999-12-31", "today": "2024-03-01"},
    "application.date_before_policies": {"on": "1990-01-01", "first": "2017-01-01"},
    "application.exists_here": {},
    "application.exists_elsewhere": {},
    "application.materials_missing": {
        "number": "A-1",
        "missing": ["ID card", "lease"],
        "listed": "ID card, lease",
    },
    "relative.is_applicant": RELATIVE,
    "relative.listed_twice": {**RELATIVE, "first": 1},
    "relative.not_younger": {
        **RELATIVE,
        "relation": "child",
        "born": "1950-01-01",
        "applicant_born": "1991-01-01",
        "years": 14,
    },
    "relative.not_older": {
        **RELATIVE,
        "relation": "parent",
        "born": "1995-01-01",
        "applicant_born": "1991-01-01",
        "years": 14,
    },
    "relative.spouse_of_unmarried": {**RELATIVE, "status": "unmarried"},
    "relative.spouse_not_married": {**RELATIVE, "status": "divorced"},
    "relative.second_spouse": RELATIVE,
    "application.maker_checker_accepted_refuse": {"username": "zhao", "number": "A-1"},
    "application.maker_checker_facts_refuse": {"username": "zhao", "number": "A-1"},
}


def test_every_new_code_is_sampled_and_known() -> None:
    assert set(SAMPLES) == set(INPUT_WORDING)
    assert set(SAMPLES) <= set(CODES)


@pytest.mark.parametrize("code", list(SAMPLES))
def test_a_refusal_reads_in_chinese_and_in_english(code: str, qapp: QApplication) -> None:
    error = ServiceError(code=code, **SAMPLES[code])
    english_cli = str(error)
    assert "{" not in english_cli and not CJK.search(english_cli.replace("户籍窗口", ""))
    title, text = describe(error)
    assert CJK.search(title) and CJK.search(text), (title, text)
    assert "{" not in text and english_cli not in text
    for word in ("spouse", "child", "unmarried", "family[", "relative."):
        assert word not in text, (code, text)
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        title, text = describe(error)
    finally:
        i18n.install(qapp, i18n.CHINESE)
    assert title and not CJK.search(title), title
    assert "{" not in text and not CJK.search(text), text


def test_the_relative_is_named_as_the_list_shows_them(qapp: QApplication) -> None:
    error = ServiceError(
        code="relative.spouse_of_unmarried",
        **{
            **RELATIVE,
            "name": "李四",
            "who": "family member 2 (spouse) 李四",
            "status": "unmarried",
        },
    )
    assert describe(error) == (
        "随迁人员有误",
        "第 2 位随迁人员（配偶）李四：申请人的婚姻状况是“未婚”，不会有配偶随迁；"
        "请核对申请人的婚姻状况或此人的关系。",
    )
    assert str(error).startswith("family member 2 (spouse) 李四: the applicant's marital")
