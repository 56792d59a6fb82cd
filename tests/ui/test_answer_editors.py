"""Answers as a clerk gives them (issue 25, item 1): each question's editor suits its fact
type, in the desk's language; no enumeration code is ever shown on the Chinese intake."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import Relation
from caseworker.rules.facts import FACT_BY_NAME, FACTS
from tests.ui.conftest import settle, type_text
from ui.answer_editors import (
    ChoiceEditor,
    CountEditor,
    DateEditor,
    TextEditor,
    keys_for,
    make_editor,
)
from ui.awards_editor import AwardsEditor
from ui.main_window import MainWindow
from ui.relative_dialog import RelativeDialog

SHARED = Path(__file__).parent.parent / "shared_cases"
WALKED = [
    "01-jinan2017-master-degree-optimized.json",
    "03-jinan2017-mother-joins-adult-child.json",
    "06-liaocheng2020-registered-rental.json",
    "08-zaozhuang2021-residence-close-relatives.json",
    "13-zaozhuang2021-graduate-talent-collective.json",
]


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _focused(qtbot: QtBot, editor: QWidget) -> None:
    editor.show()
    editor.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(editor.hasFocus)


def test_every_enumeration_value_a_question_offers_has_both_labels() -> None:
    for spec in FACTS:
        if spec.enum is None:
            continue
        labels = LABELS[spec.enum]
        assert set(labels) == {m.value for m in spec.enum}, spec.name
        for zh, en in labels.values():
            assert re.search(r"[\u4e00-\u9fff]", zh) and en.isascii(), (spec.name, zh, en)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("硕", "master"),
        ("shuoshi", "master"),
        ("ss", "master"),
        ("3", "master"),
        ("bs", "doctor"),
        ("xs", "bachelor"),
        ("1", "none"),
    ],
)
def test_a_choice_is_found_by_hanzi_pinyin_initials_or_number(
    qtbot: QtBot, host: QWidget, typed: str, value: str
) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.degree"], host)
    assert isinstance(editor, ChoiceEditor)
    _focused(qtbot, editor)
    assert editor.answer() is None  # nothing chosen until the clerk chooses
    type_text(typed)
    assert editor.answer() == value
    assert keys_for(editor.spec, value) and editor.search(keys_for(editor.spec, value)) >= 0


def test_a_pause_starts_a_new_search(qtbot: QtBot, host: QWidget) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.marital_status"], host)
    assert isinstance(editor, ChoiceEditor)
    _focused(qtbot, editor)
    type_text("yh")  # 已婚
    assert editor.answer() == "married"
    editor._timer.setInterval(1)
    editor._timer.start()
    qtbot.wait(20)
    type_text("l")  # 离婚, not "yhl"
    assert editor.answer() == "divorced"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("y", True), ("n", False), ("1", True), ("2", False), ("是", True), ("否", False)],
)
def test_yes_or_no_by_one_key(qtbot: QtBot, host: QWidget, typed: str, value: bool) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.full_time"], host)
    assert isinstance(editor, ChoiceEditor)
    _focused(qtbot, editor)
    type_text(typed)
    assert editor.answer() is value
    committed: list[bool] = []
    editor.committed.connect(lambda: committed.append(True))
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert committed == [True]


def test_a_count_is_a_spin_box_with_its_unit(qtbot: QtBot, host: QWidget) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.pension_months"], host)
    assert isinstance(editor, CountEditor)
    assert editor.suffix() == " 个月"
    _focused(qtbot, editor)
    assert editor.answer() is None
    type_text("24")
    assert editor.answer() == 24
    assert editor.text() == "24 个月"


@pytest.mark.parametrize("typed", ["20190315", "2019-03-15", "2019-3-15"])
def test_a_date_is_typed_either_way_with_its_weekday(
    qtbot: QtBot, host: QWidget, typed: str
) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.joins.married_on"], host)
    assert isinstance(editor, DateEditor)
    _focused(qtbot, editor)
    type_text(typed)
    assert editor.answer() == "2019-03-15"
    assert editor.day.text() == "2019-03-15 星期五"


def test_a_date_that_is_no_date_is_refused_in_chinese(qtbot: QtBot, host: QWidget) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.hukou_since"], host)
    assert isinstance(editor, DateEditor)
    _focused(qtbot, editor)
    type_text("20191345")
    with pytest.raises(ValueError, match="请填日期，如 20190315") as refused:
        editor.answer()
    assert "N" in str(refused.value)  # "since when" may be answered never
    editor.setText("n")
    assert editor.answer() is False
    assert editor.day.text() == "没有"


def test_a_wrong_date_in_the_intake_is_marked_named_and_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    case = json.loads((SHARED / WALKED[0]).read_text(encoding="utf-8"))
    case.pop("expect", None)
    case.pop("case", None)
    window.intake.load_data(case, number=None, state="draft", version=0)
    settle(qtbot, window.desk.runner)
    editor = window.intake._editors["applicant.hukou_since"]
    assert isinstance(editor, DateEditor)
    editor.setFocus(Qt.FocusReason.TabFocusReason)
    editor.setText("2019-02-30")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert "border" in editor.styleSheet()
    assert editor.text() == "2019-02-30"
    heading = window.intake.panel.heading.text()
    assert heading.startswith("何时迁入现户口所在地：请填日期"), heading


def _codes() -> tuple[re.Pattern[str], set[str]]:
    """Every enumeration code: words of two letters or more as a pattern; the one-letter
    ones (A, M, F) as whole texts (A类人才 is how the catalogue names a class)."""
    codes = {value for labels in LABELS.values() for value in labels}
    long = sorted((c for c in codes if len(c) > 1), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, long)) + r")\b"), codes - set(long)


def _count(count: Any, parent: QModelIndex) -> int:
    """A model's rows or columns (a list model's count takes no parent from Python)."""
    try:
        return int(count(parent))
    except TypeError:
        pass
    if parent.isValid():
        return 0  # a list has no children
    try:
        return int(count())
    except TypeError:
        return 1  # a list's one column


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every cell's text and tooltip of an item view's model, its header and its children."""
    parent = parent if parent is not None else QModelIndex()
    texts: list[str] = []
    rows, columns = _count(model.rowCount, parent), _count(model.columnCount, parent)
    if not parent.isValid():
        for column in range(columns):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(str(model.data(index, role) or ""))
            if column == 0:
                texts += _model_texts(model, index)
    return [t for t in texts if t]


def _texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        texts = [widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QComboBox):
            texts += [widget.placeholderText(), widget.currentText()]
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())  # the decision's routes, the relatives
        out += [(name, t) for t in texts if t]
    return out


@pytest.mark.parametrize("name", WALKED)
def test_no_enumeration_code_on_the_chinese_intake(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    case = json.loads((SHARED / name).read_text(encoding="utf-8"))
    case.pop("expect", None)
    case.pop("case", None)
    window.intake.load_data(case, number=None, state="draft", version=0)
    settle(qtbot, window.desk.runner)
    editors = window.intake._editors
    assert editors, "the case shows its answers and questions"
    kinds = {type(e) for e in editors.values()}
    assert ChoiceEditor in kinds
    assert all(
        isinstance(e, ChoiceEditor | CountEditor | DateEditor | TextEditor | AwardsEditor)
        for e in editors.values()
    )
    long, short = _codes()
    found = [
        (widget, text)
        for widget, text in _texts(window.intake)
        if long.search(text) or text.strip() in short
    ]
    assert not found


@pytest.mark.parametrize("name", WALKED)
def test_no_enumeration_code_in_the_relative_dialog(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    case = json.loads((SHARED / name).read_text(encoding="utf-8"))
    long, short = _codes()
    for relative in case.get("family", []):
        dialog = RelativeDialog(window, relative)
        qtbot.addWidget(dialog)
        assert dialog.relation.answer() == relative["relation"]  # shown in Chinese
        assert dialog.relation.currentText().split(" ", 1)[1] in {
            zh for zh, _ in LABELS[Relation].values()
        }
        found = [(w, t) for w, t in _texts(dialog) if long.search(t) or t.strip() in short]
        assert not found


def test_an_awards_answer_shown_again_reads_back_the_same(qtbot: QtBot, host: QWidget) -> None:
    editor = make_editor(FACT_BY_NAME["applicant.awards"], host)
    assert isinstance(editor, AwardsEditor)
    awards = [{"kind": "national_class1", "date": "2019-05-01"}]
    editor.set_answer(awards)
    assert editor.answer() == awards
    editor.set_answer([])
    assert editor.answer() == []  # none: Enter on the empty line
