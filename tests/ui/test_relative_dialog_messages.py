"""The relative dialog words every refusal in the desk's language (issue 25): the field
named as labelled, what to do, wrapped; never a field path or an English sentence."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.relative_dialog import RelativeDialog

ENGLISH_WORDS = re.compile(r"[A-Za-z]{3,}")
FIELD_PATH = re.compile(r"\w+\[\d\]|\w+\.\w+")


@pytest.mark.parametrize(
    ("relative", "label"),
    [
        ({"relation": "spouse", "id_number": "370102198001011235"}, "身份证号"),
        ({"relation": "spouse", "id_number": "37010219800101"}, "身份证号"),
        ({"relation": "child", "birth_date": "2015-13-01", "sex": "M"}, "出生日期"),
        ({"relation": "child", "birth_date": "1 June 2015", "sex": "F"}, "出生日期"),
        ({"relation": "child", "sex": "M"}, "身份证号"),
    ],
)
def test_a_refusal_is_in_chinese_naming_the_field(
    qtbot: QtBot, relative: dict[str, str], label: str
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = RelativeDialog(host, relative)
    qtbot.addWidget(dialog)
    dialog._check()
    message = dialog.error.text()
    assert message, "the dialog refused nothing"
    assert dialog.result() != RelativeDialog.DialogCode.Accepted
    assert label in message, message
    assert not ENGLISH_WORDS.search(message), message
    assert not FIELD_PATH.search(message), message
    assert dialog.error.wordWrap()


def test_a_long_refusal_is_shown_whole(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = RelativeDialog(host, {"relation": "spouse", "id_number": "370102198001011235"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._check()
    qtbot.wait(50)
    label = dialog.error
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed, (label.height(), needed)  # no line cut off
    assert label.geometry().bottom() <= dialog.rect().bottom()
