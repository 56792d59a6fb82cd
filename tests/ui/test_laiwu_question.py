"""jinan-2017 二(四): for an applicant born in 莱芜 with a 长清 hukou under 2 years, the desk
asks laiwu_hukou_since, labelled in Chinese, and in English under the English interface."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case
from tests.ui.conftest import settle
from tests.ui.test_translation import english  # noqa: F401 - the English interface fixture
from ui.main_window import MainWindow

FACT = "applicant.laiwu_hukou_since"


def _label_of_question(qtbot: QtBot, window: MainWindow) -> str:
    case = build_case(
        {
            "birthplace": "371202",
            "applicant": {
                "degree": "master",
                "hukou_county": "370113",
                "hukou_since": "2018-06-01",
            },
        },
        JINAN_OPTIMIZED_WORKER,
    )
    case.pop("case")
    window.intake.load_data(case, number=None, state="draft", version=0)
    settle(qtbot, window.desk.runner)
    editor = window.intake._editors.get(FACT)
    assert editor is not None, sorted(window.intake._editors)
    return window.intake.question_text(FACT)


def test_the_question_is_labelled_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    text = _label_of_question(qtbot, window)
    assert text.startswith(
        "户口由原莱芜市直接迁来的，何时在莱芜落户（自出生即在莱芜填“否”；非直接迁来的不填）"
    )
    assert "2.1.1.2" in text and "jinan-2017" not in text  # cited, not keyed


@pytest.mark.usefixtures("english")
def test_the_question_is_labelled_in_english(qtbot: QtBot, window: MainWindow) -> None:
    text = _label_of_question(qtbot, window)
    assert text.startswith(
        "hukou came straight from former Laiwu: registered there since "
        "(there since birth: no; not straight from there: leave empty)"
    )
