"""The refusals beyond the counter's own (collectives, accounts, search, statistics, sync,
bundles, the store key; issue 20): each code reads in Chinese on the desk, in English when
the desk is switched to English, and in English on the command line, with every placeholder
filled. The codes are those the services' source names; the params are made from each
template's own placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from caseworker.services.base import ENGLISH, Actor, ServiceError
from tests.services.refusal_scan import codes_in_source
from ui import i18n
from ui.desk import Desk
from ui.errors import describe
from ui.refusals import MORE_WORDING

CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")
#: params whose value the desk puts in its own words, as the services give them
AS_GIVEN: dict[str, Any] = {
    "state": "accepted",
    "action": "approve",
    "allowed": "decide, withdraw",
    "role": "clerk",
    "roles": "admin, supervisor",
    "wanted": "talent",
    "kind": "unit",
}
CODES = sorted(code for code in MORE_WORDING if code != "case.invalid")


@contextmanager
def _in_english(qapp: QApplication) -> Iterator[None]:
    """The desk switched to English for a while, then back to Chinese."""
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        yield
    finally:
        i18n.install(qapp, i18n.CHINESE)


def _params(code: str) -> dict[str, Any]:
    names = set(PLACEHOLDER.findall(ENGLISH[code])) | set(
        PLACEHOLDER.findall(str(MORE_WORDING[code][1]))
    )
    params: dict[str, Any] = {
        name: AS_GIVEN.get(name, f"v{n}") for n, name in enumerate(sorted(names - {"label"}))
    }
    if code == "booklet.decided_already":
        params["state"] = "issued"
    if code == "id_number.invalid":
        params |= {"id_problem": "id.check_digit", "id_params": {"expected": "7", "typed": "1"}}
    return params


def test_the_codes_worded_here_are_the_services_codes() -> None:
    assert set(CODES) <= codes_in_source()


@pytest.mark.parametrize("code", CODES)
def test_a_refusal_reads_in_chinese_and_in_english(code: str, qapp: QApplication) -> None:
    field = "reason" if "{label}" in str(MORE_WORDING[code][1]) else None
    error = ServiceError(code=code, field=field, **_params(code))
    english_cli = str(error)
    assert "{" not in english_cli and english_cli, english_cli
    title, text = describe(error)
    assert CJK.search(title) and CJK.search(text), (title, text)
    assert "{" not in text and "detail" not in text, text
    if ENGLISH[code] != "{problem}":  # a lower layer's own sentence is shown beside it
        assert english_cli not in text  # its own Chinese wording, not the English sentence
    for word in ("accepted", "approve", "clerk", "supervisor", "talent", "issued", "reason"):
        assert word not in text, (code, text)
    with _in_english(qapp):
        title, text = describe(error)
    assert title and not CJK.search(title), title
    assert "{" not in text and not CJK.search(text), text


def test_real_refusals_name_the_field_as_the_form_labels_it(desk: Desk) -> None:
    supervisor = Actor("zhao", "supervisor")
    with pytest.raises(ServiceError) as short:
        desk.collectives.create(
            supervisor, kind="unit", name="某公司集体户", address="经十路 1 号", division_code="37"
        )
    assert short.value.code == "collective.division_shape"
    assert "division_code '37': 6 digits for a county" in str(short.value)
    assert "区划代码“37”应为 6 位" in describe(short.value)[1]
    with pytest.raises(ServiceError) as blank:
        desk.collectives.create(
            supervisor, kind="unit", name="  ", address="经十路 1 号", division_code="370102"
        )
    assert (blank.value.code, blank.value.field) == ("text.required", "name")
    assert str(blank.value) == "name is required"
    assert describe(blank.value) == ("信息有误", "请填写名称。")
    with pytest.raises(ServiceError) as reversed_period:
        desk.statistics.table(
            supervisor, date_from=date(2024, 2, 1), date_to=date(2024, 1, 1), by="outcome"
        )
    assert reversed_period.value.code == "statistics.period_reversed"
    said = describe(reversed_period.value)[1]
    assert "统计期间的结束日期 2024-01-01 早于开始日期 2024-02-01" in said


def test_a_refused_step_names_the_state_and_what_can_be_done(desk: Desk) -> None:
    from tests.ui.test_stale_state import _draft  # noqa: PLC0415

    number = _draft(desk)
    with pytest.raises(ServiceError) as refused:
        desk.apps.approve(Actor("zhao", "supervisor"), number)
    assert refused.value.code == "workflow.step_refused"
    assert "cannot approve (批准) an application that is draft (草稿)" in str(refused.value)
    title, text = describe(refused.value)
    assert title == "当前状态不能这样办理"
    assert "申请处于“草稿”状态，不能批准；现在可以：" in text and "受理" in text
    assert "draft" not in text and "approve" not in text
