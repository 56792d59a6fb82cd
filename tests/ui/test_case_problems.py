"""Every validation problem the fact model and the records can raise, as the desk words it
(issue 25 item 5): in the Chinese desk no English word, no dotted field path, no code;
the field named as the screen labels it; in the English desk no Chinese sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from caseworker.models.facts import CaseError, case_from_dict, parse_case
from caseworker.models.problems import CODES, Problem
from caseworker.models.records import parse_records
from caseworker.models.resident_id import check_digit
from caseworker.services.applications import ApplicationService
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from tests.stores import CLERK, Clock, application
from ui import i18n
from ui.case_problems import ID_CODES, WORDING
from ui.errors import describe

ID = "370102198001011237"  # a valid number (check digit 7)
BAD_BIRTH = "37010219801301123" + check_digit("37010219801301123")  # month 13
CHILD = {"relation": "child", "birth_date": "2015-06-01", "sex": "M"}


@pytest.fixture
def apps(office: Store, service: EvaluationService) -> ApplicationService:
    return ApplicationService(ServiceContext(office, Clock(), evaluation=service))


def _case(**changes: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "on": "2026-12-06",
        "destination": {"county": "370102"},
        "applicant": {"id_number": ID},
        "family": [],
    }
    for key, value in changes.items():
        where = case
        *path, last = key.split("__")
        for part in path:
            where = where[part]
        where[last] = value
    return case


#: one input for each kind of problem: (expected code, what raises it)
INPUTS: list[tuple[str, Callable[[], object]]] = [
    ("date.format", lambda: case_from_dict(_case(on="2026-12-06lxq"))),
    ("date.true", lambda: case_from_dict(_case(applicant__hukou_since=True))),
    ("county.format", lambda: case_from_dict(_case(destination__county=""))),
    ("county.format", lambda: case_from_dict(_case(destination__county="3701"))),
    ("id.length", lambda: case_from_dict(_case(applicant__id_number="3701021980"))),
    ("id.shape", lambda: case_from_dict(_case(applicant__id_number="37010219800101123Y"))),
    ("id.check_digit", lambda: case_from_dict(_case(applicant__id_number=ID[:17] + "9"))),
    ("id.birth_date", lambda: case_from_dict(_case(applicant__id_number=BAD_BIRTH))),
    ("relative.identity_missing", lambda: case_from_dict(_case(family=[{"relation": "child"}]))),
    (
        "relative.birth_date_differs",
        lambda: case_from_dict(
            _case(family=[{"relation": "spouse", "id_number": ID, "birth_date": "1980-01-02"}])
        ),
    ),
    (
        "relative.sex_differs",
        lambda: case_from_dict(_case(family=[{"relation": "spouse", "id_number": ID, "sex": "F"}])),
    ),
    ("case.born_after_on", lambda: case_from_dict(_case(on="1979-01-01"))),
    (
        "case.relative_born_after_on",
        lambda: case_from_dict(_case(on="2015-01-01", family=[CHILD])),
    ),
    ("name.no_letter", lambda: parse_records({"applicant": {"name": "··"}})),
    ("name.character", lambda: parse_records({"applicant": {"name": "张😀"}})),
    ("name.character", lambda: parse_records({"applicant": {"name": "张3"}})),
    ("name.character", lambda: parse_records({"family": [{"name": "李\u200b四"}]})),
    ("text.control_character", lambda: parse_records({"household": {"address": "济南\x07"}})),
    ("string_too_long", lambda: parse_records({"applicant": {"name": "张" * 51}})),
    ("string_type", lambda: parse_records({"applicant": {"name": 3}})),
    ("extra_forbidden", lambda: parse_records({"applicant": {"nickname": "小张"}})),
    ("missing", lambda: case_from_dict({"on": "2026-12-06", "applicant": {"id_number": ID}})),
    ("enum", lambda: case_from_dict(_case(applicant__degree="masters"))),
    ("bool_type", lambda: case_from_dict(_case(applicant__veteran="yes"))),
    ("int_type", lambda: case_from_dict(_case(applicant__pension_months="12"))),
    ("greater_than_equal", lambda: case_from_dict(_case(applicant__pension_months=-1))),
    ("less_than_equal", lambda: case_from_dict(_case(applicant__pension_months=5000))),
    ("list_type", lambda: case_from_dict(_case(family={"relation": "child"}))),
    ("model_type", lambda: case_from_dict(_case(destination="370102"))),
    ("json_invalid", lambda: parse_case("{not json")),
]
_ENGLISH = re.compile(r"[A-Za-z]{3,}")
_PATH = re.compile(r"[a-z_]+\.[a-z_]+|[a-z]+_[a-z]+|\[\d+\]")
CJK = re.compile(r"[\u3400-\u9fff]")


def _raised(make: Callable[[], object]) -> CaseError:
    with pytest.raises(CaseError) as caught:
        make()
    return caught.value


def _place_problems(service: EvaluationService) -> Iterator[CaseError]:
    for destination in (
        {"county": "379999"},
        {"county": "370102", "street": "不存在街道"},
        {"county": "370102", "street": "泉城"},  # near 泉城路街道: a suggestion
        {"county": "370102", "community": "某社区"},
        {"county": "370102", "street": "泉城路街道", "community": "某某社区"},
        {"county": "370176"},  # a functional zone: its street says which county
    ):
        case = case_from_dict(_case(destination=destination))
        yield _raised(lambda case=case: service.decide(case))  # type: ignore[misc]


def _all_problems(service: EvaluationService, apps: ApplicationService) -> list[CaseError]:
    found = [_raised(make) for _code, make in INPUTS]
    found += list(_place_problems(service))
    data = application(names=["张三"])
    data["records"]["family"] = [{"name": "李四"}, {"name": "王五"}]  # one without a relative
    for bad in (data, ["not", "an", "object"]):
        with pytest.raises(CaseError) as caught:
            apps.create_draft(CLERK, bad)  # type: ignore[arg-type]
        found.append(caught.value)
    return found


def test_each_input_raises_its_code() -> None:
    for code, make in INPUTS:
        assert code in {p.code for p in _raised(make).details}, code


def test_every_problem_in_the_chinese_desk_is_chinese_and_names_its_field(
    qapp: QApplication, service: EvaluationService, apps: ApplicationService
) -> None:
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE
    seen: set[str] = set()
    for exc in _all_problems(service, apps):
        assert exc.details, exc
        for problem in exc.details:
            seen.add(problem.code)
            assert problem.code in WORDING or problem.code in ID_CODES, problem
        _title, message = describe(exc)
        assert not _ENGLISH.search(message), (str(exc), message)
        assert not _PATH.search(message), (str(exc), message)
        assert re.search("请|不能|应为", message), message  # says what to do
    assert set(CODES) <= seen, set(CODES) - seen  # every code of ours was fed in


def test_the_tester_s_messages(qapp: QApplication) -> None:
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE
    bad = _raised(lambda: case_from_dict(_case(on="2026-12-06lxq", destination__county="")))
    assert describe(bad)[1] == "申请日期：请按 20190315 或 2019-03-15 填写日期\n区县：请选择区县"
    emoji = describe(_raised(lambda: parse_records({"applicant": {"name": "张😀"}})))[1]
    assert emoji.startswith("姓名：不能含“😀”") and "请按户口簿填写" in emoji
    check = describe(_raised(lambda: case_from_dict(_case(applicant__id_number=ID[:17] + "9"))))
    assert check[1].startswith("身份证号：校验位应为 7（输入的是 9）")


def test_every_problem_in_the_english_desk_is_english(
    qapp: QApplication, service: EvaluationService, apps: ApplicationService
) -> None:
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        for exc in _all_problems(service, apps):
            _title, message = describe(exc)
            # a Chinese street or name the clerk typed may be quoted back
            quoted = re.sub(r"[“\"'][^”\"']*[”\"']", "", message)
            assert not CJK.search(quoted), message
    finally:
        i18n.install(qapp, i18n.CHINESE)


def test_a_problem_without_a_wording_still_reads_in_the_desk_s_language(
    qapp: QApplication,
) -> None:
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE
    odd = CaseError("on: something new went wrong", details=(Problem("on", "new.kind", "x"),))
    assert describe(odd)[1] == "申请日期：填写有误，请核对后重新填写"
