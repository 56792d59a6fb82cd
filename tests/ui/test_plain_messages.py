"""Plain messages (issue 25, item 5): the ID check in the desk's language, messages that
wrap instead of widening the form, and 受理 disabled with its reason until the names
acceptance needs are there."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.models.resident_id import ResidentIdError, check_digit, parse_resident_id
from tests.ui.conftest import focused, key, settle, type_text
from tests.ui.test_desk import SHARED_COPY
from ui.errors import describe, id_problem
from ui.main_window import Desk, MainWindow

GOOD = "371502197205200038"  # shared case 01: its check digit is 8
WRONG = GOOD[:-1] + "9"


def test_the_check_digit_refusal_is_data_and_english_for_the_command_line() -> None:
    with pytest.raises(ResidentIdError) as refused:
        parse_resident_id(WRONG)
    assert refused.value.code == "id.check_digit"
    assert refused.value.params == {"expected": "8", "typed": "9"}
    assert str(refused.value).startswith("check digit is 9 but should be 8")
    assert id_problem(refused.value).startswith("校验位应为 8（输入的是 9）")
    title, said = describe(refused.value)
    assert title == "身份证号码有误" and said.startswith("校验位应为 8（输入的是 9）")


@pytest.mark.parametrize(
    ("number", "said"),
    [
        ("3715021972052000", "身份证号码应为 18 位（输入的是 16 位）"),
        ("37150219720520003A", "身份证号码应为 17 位数字加一位数字或 X"),
        (
            "37150219721320003" + check_digit("37150219721320003"),
            "号码中的出生日期 1972-13-20 不是有效日期",
        ),
    ],
)
def test_every_id_refusal_is_worded_in_chinese(number: str, said: str) -> None:
    with pytest.raises(ResidentIdError) as refused:
        parse_resident_id(number)
    assert id_problem(refused.value).startswith(said)


def test_a_wrong_check_digit_is_said_in_chinese_and_wraps_without_widening_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    key(Qt.Key.Key_F2)
    assert focused().objectName() == "idNumber"
    status = window.intake.id_status
    before = window.intake.minimumSizeHint().width()
    type_text(WRONG)
    assert status.text() == "✘ 校验位应为 8（输入的是 9）；请对照证件重新核对号码，可能输错了一位"
    assert status.wordWrap()
    assert window.intake.minimumSizeHint().width() <= before
    assert not any(word in status.text() for word in ("check", "digit", "should"))


def test_a_draft_without_a_name_cannot_be_accepted_and_says_why(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = json.loads((SHARED_COPY / "02-jinan2017-encouraged-rental.json").read_text("utf-8"))
    case.pop("expect")
    case.pop("case")
    case.pop("family")
    view = desk.apps.create_draft(desk.login.actor, case)  # no name as the book shows it
    window._show_application(desk.apps.get(view.number))
    settle(qtbot, desk.runner)
    accept = window.step_buttons["accept"]
    reason = window.findChild(type(window.intake.id_status), "acceptReason")
    assert reason is not None
    assert not accept.isEnabled()
    assert reason.isVisible()
    assert reason.text() == "受理前请填写申请人姓名（与户口簿一致），保存后即可受理。"
    assert accept.toolTip() == reason.text()
    window.intake.applicant_name.setFocus()
    type_text("王小明")
    assert reason.isHidden()
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk.runner)
    assert accept.isEnabled()


def test_a_relative_without_a_name_is_named_in_the_reason(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = json.loads((SHARED_COPY / "02-jinan2017-encouraged-rental.json").read_text("utf-8"))
    case.pop("expect")
    case.pop("case")
    case["records"] = {"applicant": {"name": "王小明"}, "family": [{"name": "李四"}]}
    view = desk.apps.create_draft(desk.login.actor, case)
    window._show_application(desk.apps.get(view.number))
    settle(qtbot, desk.runner)
    assert not window.step_buttons["accept"].isEnabled()
    assert window.step_buttons["accept"].toolTip() == (
        "受理前请填写随迁人员第 2 人的姓名、随迁人员第 3 人的姓名（与户口簿一致），保存后即可受理。"
    )
