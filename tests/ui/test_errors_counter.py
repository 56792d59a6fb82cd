"""The refusals a clerk meets most at the counter (issue 20): each is a coded
``ServiceError`` with its own Chinese wording, its English in the desk's catalogue, and the
command line's English sentence as it was."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from caseworker.services.base import CODES, Actor, NotFoundError, ServiceError, render_english
from caseworker.services.users import LoginError
from tests.ui.conftest import PASSWORD
from ui import i18n
from ui.desk import Desk
from ui.errors import COUNTER_CODES, WORDING, describe

CJK = re.compile(r"[\u3400-\u9fff]")

#: params as the services give them (ASCII names, so the English rendering has no CJK)
SAMPLES: dict[str, dict[str, Any]] = {
    "application.not_found": {"number": "A-1"},
    "application.maker_checker_accepted": {"username": "wang", "number": "A-1"},
    "application.maker_checker_facts": {"username": "wang", "number": "A-1"},
    "application.person_settled": {
        "number": "A-1",
        "who": "family[0]",
        "name": "Zhang",
        "other": "A-0",
    },
    "application.not_eligible": {"number": "A-1", "decision": "ineligible"},
    "application.documents_closed": {"number": "A-1", "state": "settled"},
    "application.document_name_needed": {},
    "application.reason_needed": {"action": "refuse", "action_zh": "不予受理"},
    "application.indexed_elsewhere": {"other": "B-1", "state": "accepted", "office": "370102001"},
    "application.open_already": {"other": "A-0", "state": "draft"},
    "application.settled_already": {"other": "A-0"},
    "scan.empty": {"filename": "a.jpg"},
    "scan.too_large": {"filename": "a.jpg", "megabytes": 30, "limit": 20},
    "print.not_in_state": {"kind": "permit", "title": "准予迁入证明", "state": "draft"},
    "print.nothing_to_reprint": {"kind": "receipt", "number": "A-1"},
    "print.printed_already": {"kind": "receipt", "number": "A-1", "document": "R-1"},
    "print.void_reason_needed": {},
    "print.may_not_print": {"username": "wang", "role": "collective_administrator"},
    "print.may_not_void": {"username": "li", "role": "clerk"},
    "login.totp_not_enrolled": {"username": "li", "role": "clerk"},
    "print.no_live_document": {"document": "R-1"},
    "login.wrong": {},
    "login.code_needed": {},
    "login.code_wrong": {},
    "user.disabled": {},
    "user.password_wrong": {},
    "user.password_same": {},
    "user.password_rule": {
        "problem": "a password needs at least 8 characters",
        "part": "length",
        "least": 8,
    },
}


def test_every_counter_code_has_its_own_wording() -> None:
    assert set(SAMPLES) == {*COUNTER_CODES, "user.password_rule"}
    for code in SAMPLES:
        assert code in CODES, code
        _title, sentence = WORDING[code]
        assert sentence != "{detail}", code  # not the English sentence under a Chinese title
        assert CJK.search(str(sentence)), code


@pytest.mark.parametrize("code", list(SAMPLES))
def test_a_counter_refusal_reads_in_chinese_and_in_english(code: str, qapp: QApplication) -> None:
    error = ServiceError(code=code, **SAMPLES[code])
    english_cli = str(error)
    assert "{" not in english_cli
    title, text = describe(error)
    assert CJK.search(title) and CJK.search(text), (title, text)
    assert "{" not in text and "detail" not in text, text
    assert english_cli not in text  # its own Chinese wording, not the English sentence
    for word in ("draft", "accepted", "permit", "receipt", "refuse", "family["):
        assert word not in text, (code, text)
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        title, text = describe(error)
    finally:
        i18n.install(qapp, i18n.CHINESE)
    assert title and not CJK.search(title), title
    assert "{" not in text, text
    if code != "print.not_in_state":  # the document's title stays beside its English name
        assert not CJK.search(text.replace("不予受理", "")), text


def test_the_command_line_keeps_its_english_sentences() -> None:
    assert render_english("application.not_found", {"number": "A-1"}) == (
        "no application 'A-1' in this store; `caseworker search` finds one by name or ID number"
    )
    assert render_english(
        "print.printed_already", {"kind": "receipt", "number": "A-1", "document": "R-1"}
    ) == ("the receipt of A-1 was printed as R-1; use reprint (补打), which keeps its number")
    assert render_english(
        "application.reason_needed", {"action": "refuse", "action_zh": "不予受理"}
    ) == ("refuse (不予受理) needs a reason; it is kept and printed")


def test_an_unknown_number_is_a_coded_refusal(desk: Desk) -> None:
    with pytest.raises(NotFoundError) as missing:
        desk.apps.get("NO-SUCH-1")
    assert missing.value.code == "application.not_found"
    assert "no application 'NO-SUCH-1' in this store" in str(missing.value)
    title, text = describe(missing.value)
    assert title == "没有找到" and "本机没有申请 NO-SUCH-1" in text


def test_a_void_without_reason_and_a_wrong_password_are_coded(desk: Desk) -> None:
    with pytest.raises(ServiceError) as void:
        desk.printing().void_printed(Actor("zhao", "supervisor"), "R-1", "  ")
    assert void.value.code == "print.void_reason_needed"
    assert describe(void.value)[1] == "作废已打印的文书需要填写理由；理由会保存。"
    with pytest.raises(LoginError) as wrong:
        desk.users.change_password(desk.login.actor, "not-" + PASSWORD, "n3w-password!")
    assert wrong.value.code == "user.password_wrong"
    assert str(wrong.value) == "the current password is wrong; nothing was changed"
    assert describe(wrong.value) == ("密码错误", "当前密码错误；没有做任何修改。")
    with pytest.raises(LoginError) as refused:
        desk.users.login("li", "not-" + PASSWORD)
    assert refused.value.code == "login.wrong"
    assert describe(refused.value)[1].startswith("用户名或密码错误")


def test_a_password_the_rule_refuses_says_which_part_in_the_desks_language(desk: Desk) -> None:
    with pytest.raises(ServiceError) as short:
        desk.users.change_password(desk.login.actor, PASSWORD, "ab1")
    assert short.value.code == "user.password_rule"
    assert str(short.value) == "password: a password needs at least 8 characters"
    assert describe(short.value) == ("密码不符合要求", "新密码不符合要求：至少需要 8 个字符。")
    with pytest.raises(ServiceError) as guessed:
        desk.users.change_password(desk.login.actor, PASSWORD, "password1")
    assert describe(guessed.value)[1] == (
        "新密码不符合要求：这是猜密码的人最先尝试的密码之一，请换一个。"
    )
