"""A long reason in the decision panel wraps to the column's width instead of being cut
off with an ellipsis (issue 25 item 5: the clerk must be able to read what is not met)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from caseworker.models.facts import case_from_dict
from caseworker.services.evaluation import EvaluationService
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case
from ui.decision_panel import DecisionPanel


def test_a_long_reason_is_shown_whole(qtbot: QtBot, service: EvaluationService) -> None:
    applicant = {"degree": "bachelor", "title": "junior", "skill": "none"}
    decision = service.decide(
        case_from_dict(build_case({"applicant": applicant}, JINAN_OPTIMIZED_WORKER))
    )
    panel = DecisionPanel()
    qtbot.addWidget(panel)
    panel.resize(680, 700)
    panel.show()
    panel.show_decision(decision)
    panel.tree.setColumnWidth(0, 420)
    route = next(
        row
        for row in range(panel.model.rowCount())
        if panel.model.item(row, 0).data(Qt.ItemDataRole.UserRole + 2) == "jinan-2017:2.1.1.2"
    )
    title = panel.model.index(route, 0)
    panel.tree.expand(title)
    qtbot.wait(50)
    reason = next(
        panel.model.index(r, 0, title)
        for r in range(panel.model.rowCount(title))
        if str(panel.model.index(r, 0, title).data()).startswith("不符合：")
    )
    text = str(reason.data())
    metrics = panel.tree.fontMetrics()
    assert metrics.horizontalAdvance(text) > 2 * 420  # too long for one line
    height = panel.tree.visualRect(reason).height()
    lines_needed = metrics.horizontalAdvance(text) // 420
    assert height >= lines_needed * metrics.height(), (height, metrics.height())
