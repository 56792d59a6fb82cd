"""Refusals as data: every ``ServiceError`` code has a Chinese wording on the desk, its
English in the desk's catalogue and an English sentence for the command line; no clerk
message shows a dotted field path."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from caseworker.models.facts import CaseError, case_from_dict
from caseworker.services.base import (
    CODES,
    ENGLISH,
    PermissionDeniedError,
    ServiceError,
    render_english,
)
from caseworker.services.boundary import InvalidCaseError
from tests.services.refusal_scan import codes_in_source
from tests.ui.test_stale_state import _draft
from ui.errors import WORDING, describe
from ui.main_window import Desk

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "desk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff]")
DOTTED = re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+")


def _unworded(codes: set[str]) -> list[str]:
    """What each code lacks: its Chinese title and sentence on the desk, their English in
    the desk's catalogue, its English sentence for the command line."""
    english = {
        m.findtext("source"): m.findtext("translation") for m in ET.parse(CATALOGUE).iter("message")
    }
    lacking = []
    for code in sorted(codes):
        if code not in WORDING:
            lacking.append(f"{code}: no wording on the desk")
            continue
        title, sentence = (str(text) for text in WORDING[code])
        if not (CJK.search(title) and english.get(title)):
            lacking.append(f"{code}: no Chinese title with its English ({title!r})")
        if sentence != "{detail}" and not (CJK.search(sentence) and english.get(sentence)):
            lacking.append(f"{code}: no Chinese sentence with its English ({sentence!r})")
        if not ENGLISH.get(code):
            lacking.append(f"{code}: no English sentence for the command line")
    return lacking


def test_every_code_has_chinese_and_english() -> None:
    """The codes are found in the services' source (every ``code=`` a refusal names, every
    class's own), not taken from a list kept by hand."""
    codes = codes_in_source()
    assert len(codes) > 100
    assert not _unworded(codes | set(CODES)), "\n".join(_unworded(codes | set(CODES)))


def test_the_walk_notices_a_code_without_its_wording() -> None:
    assert _unworded({"collective.has_members"}) == []
    assert _unworded({"collective.is_on_fire"}) == ["collective.is_on_fire: no wording on the desk"]


def test_the_command_line_gets_english_with_the_chinese_term_once() -> None:
    stale = render_english("application.stale_version", {"number": "N-1", "seen": 3, "current": 4})
    assert "N-1" in stale and "you saw version 3, it is now 4" in stale
    missing = ServiceError(
        code="application.names_missing", number="N-1", fields="records.applicant.name"
    )
    assert str(missing).count("户口簿") == 1 and "cannot accept N-1" in str(missing)


@pytest.mark.parametrize(
    "error",
    [
        ServiceError(
            code="application.names_missing",
            field="records.applicant.name",
            number="N-1",
            fields="records.applicant.name, records.family[0].name",
            applicant=True,
            relatives=[1],
        ),
        ServiceError("records.family has 2 entries but family has 1; give one per relative"),
    ],
)
def test_no_dotted_path_reaches_the_clerk(error: ServiceError) -> None:
    title, text = describe(error)
    assert not DOTTED.search(text), text
    assert CJK.search(title)


def test_an_invalid_case_names_the_fields_as_the_form_labels_them() -> None:
    with pytest.raises(CaseError) as bad:
        case_from_dict(
            {
                "on": "2024-01-01",
                "destination": {"county": "3701"},
                "applicant": {"id_number": "370102199001010019"},
                "family": [{"relation": "spouse", "id_number": "1"}],
            }
        )
    title, text = describe(InvalidCaseError(bad.value))
    assert title == "信息有误"
    assert "身份证号：" in text and "区县：" in text and "随迁人员第 1 人身份证号：" in text
    assert not DOTTED.search(text), text


def test_a_role_refusal_names_the_role_and_the_step_as_the_desk_says_them(desk: Desk) -> None:
    number = _draft(desk)
    with pytest.raises(PermissionDeniedError) as refused:
        desk.apps.approve(desk.login.actor, number)  # li is a clerk
    assert refused.value.code == "application.role_may_not"
    assert "may not approve" in str(refused.value)  # the command line's English
    title, text = describe(refused.value)
    assert title == "无权操作"
    assert "李" not in text and "li（经办）不能批准" in text and "审核" in text
    assert "clerk" not in text and "approve" not in text
