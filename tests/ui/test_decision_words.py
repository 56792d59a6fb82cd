"""What the clerk reads about a decision (issue 25): the policy by its title, the zone by
its name, clauses as the document numbers them beside the policy, never an internal id;
the relatives numbered from 1, each with its verdict in plain words, the list and the
decision panel saying the same thing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from ui import i18n
from ui.main_window import Desk, MainWindow

SHARED = Path(__file__).parent.parent / "shared_cases"
#: a policy id (jinan-2017), a route key (jinan-2017:2.1.1.2) or a zone key (…/optimized)
INTERNAL_ID = re.compile(r"\b[a-z]+-\d{4}(-[a-z]+)?\b|/[a-z_]+\b|\b[a-z]+_[a-z_]+\b")
VERDICT_WORDS = ("可随迁", "不可随迁", "尚待确认")


@pytest.fixture
def english_catalogue(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> QApplication:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm built afresh
    return qapp


def _case(name: str) -> dict[str, Any]:
    case: dict[str, Any] = json.loads((SHARED / name).read_text(encoding="utf-8"))
    case.pop("expect")
    case.pop("case")
    return case


def _open(qtbot: QtBot, window: MainWindow, desk: Desk, case: dict[str, Any]) -> None:
    names = ("李四", "张小", "张幺", "王五")
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": names[i]} for i in range(len(case.get("family", [])))],
    }
    number = desk.apps.create_draft(desk.login.actor, case).number
    window.open_number(number)
    settle(qtbot, window.desk.runner)
    assert window.intake.decision is not None, window.intake.panel.heading.text()


def _panel_texts(window: MainWindow) -> list[str]:
    panel = window.intake.panel
    texts = [panel.heading.text(), panel.family.text(), window.intake.place_info.text()]
    stack = [panel.model.item(r, c) for r in range(panel.model.rowCount()) for c in (0, 1)]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        texts.append(item.text())
        stack += [item.child(r, c) for r in range(item.rowCount()) for c in (0, 1)]
    intake = window.intake
    texts += [intake.relative_list.item(i).text() for i in range(intake.relative_list.count())]
    return [t for t in texts if t]


def test_the_header_names_the_policy_and_the_zone_in_words(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _open(qtbot, window, desk, _case("01-jinan2017-master-degree-optimized.json"))
    heading = window.intake.panel.heading.text()
    assert "济南市人民政府关于进一步深化户籍制度改革的实施意见" in heading
    assert "优化落户区域" in heading
    assert "优化落户区域" in window.intake.place_info.text()
    found = [t for t in _panel_texts(window) if INTERNAL_ID.search(t)]
    assert not found, found


def test_unmet_conditions_are_worded_in_chinese(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _open(qtbot, window, desk, _case("12-jinan2017-pension-not-asked-yet.json"))
    texts = _panel_texts(window)
    unmet = [t for t in texts if t.startswith("不符合：")]
    assert unmet, texts
    # no English word, enumeration code or field path (the clause's own text aside)
    found = [t for t in unmet if re.search(r"[A-Za-z]{3,}|[a-z]+[._][a-z]+", t)]
    assert not found, found
    assert any("最高学位" in t and "硕士" in t and "学士" in t for t in unmet), unmet
    assert any("是否持有本市居住证" in t for t in unmet), unmet


def test_clauses_beside_a_question_are_cited_not_keyed(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = _case("01-jinan2017-master-degree-optimized.json")
    del case["applicant"]["degree"]
    _open(qtbot, window, desk, case)
    labels = window.intake.facts_box.findChildren(QLabel)
    texts = [re.sub(r"<[^>]+>", " ", w.text()) for w in labels if w.isVisibleTo(window)]
    cited = [t for t in texts if "2.1.1" in t]
    assert cited, texts
    assert not [t for t in texts if INTERNAL_ID.search(t)], texts


def test_relatives_numbered_from_one_with_the_panels_verdict(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    _open(qtbot, window, desk, _case("01-jinan2017-master-degree-optimized.json"))
    intake = window.intake
    decision = intake.decision
    assert decision is not None and len(decision.family) == 3
    family = intake.panel.family.text().splitlines()[1:]
    assert len(family) == 3
    for row in range(intake.relative_list.count()):
        line = intake.relative_list.item(row).text()
        assert line.startswith(f"{row + 1}. "), line
        assert not line.startswith("[0]")
        words = [w for w in VERDICT_WORDS if w in line]
        assert words, line  # every relative has a verdict in plain words
        said = [w for w in VERDICT_WORDS if w in family[row]]
        assert said == words, (line, family[row])  # the list says what the panel says
        assert family[row].startswith(f"{row + 1}. ")
    assert "配偶" in intake.relative_list.item(0).text()


def test_the_english_interface_names_them_in_english(
    qtbot: QtBot, window: MainWindow, desk: Desk, english_catalogue: QApplication
) -> None:
    qapp = english_catalogue
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    try:
        _open(qtbot, window, desk, _case("01-jinan2017-master-degree-optimized.json"))
        heading = window.intake.panel.heading.text()
        assert "Jinan opinions on deepening the hukou reform (2017)" in heading, heading
        assert "optimized settlement zone" in heading
        assert "济南市" not in heading and "jinan-2017" not in heading
        line = window.intake.relative_list.item(0).text()
        assert line.startswith("1. spouse") and "may accompany" in line, line
        panel = window.intake.panel
        titles = [panel.model.item(r, 0).text() for r in range(panel.model.rowCount())]
        assert "2.1.1.2  Talent: doctor's or master's degree" in " ".join(titles), titles
        assert not [t for t in titles if re.search(r"[\u3400-\u9fff]", t)], titles
    finally:
        i18n.install(qapp, i18n.CHINESE)


def test_a_relative_added_gets_no_old_verdict_and_then_its_own(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    case = _case("01-jinan2017-master-degree-optimized.json")
    child = case["family"].pop()  # the third relative, added on the desk below
    _open(qtbot, window, desk, case)
    intake = window.intake
    assert intake.relative_list.count() == 2
    intake.add_relative_value({**child, "name": "张幺"})
    # at once: three lines in both views, none with a verdict of the decision made for two
    lines = [intake.relative_list.item(i).text() for i in range(3)]
    assert lines == intake.panel.family.text().splitlines()[1:]
    assert all("正在审查" in line and not any(w in line for w in VERDICT_WORDS) for line in lines)
    settle(qtbot, desk.runner)
    lines = [intake.relative_list.item(i).text() for i in range(3)]
    assert lines == intake.panel.family.text().splitlines()[1:]
    assert all("可随迁" in line for line in lines), lines  # the child too


def test_a_manual_check_is_named_never_keyed(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    case = _case("01-jinan2017-master-degree-optimized.json")
    case["applicant"]["purchased_under_old_policy"] = True  # the transitional clause, by hand
    _open(qtbot, window, desk, case)
    texts = _panel_texts(window)
    asked = [t for t in texts if t.startswith("待了解：")]
    assert any("人工核查" in t for t in asked), asked
    assert not [t for t in texts if "manual" in t or "former_purchase" in t]
