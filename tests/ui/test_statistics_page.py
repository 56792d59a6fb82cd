"""The statistics tab: its model passes qtmodeltester; the period's table, chart and
summary; a row drilled down to its applications, one of which opens in the desk; exports
for supervisors only; no tab for a collective-hukou administrator."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor, ApplicationService
from caseworker.services.statistics import StatisticsService
from tests.stores import application
from tests.ui.conftest import PASSWORD, settle
from ui.app import compose_desk
from ui.main_window import Desk, MainWindow
from ui.statistics_page import StatisticsModel, StatisticsPage

CLERK = Actor("li", "clerk")
SUPERVISOR = Actor("zhao", "supervisor")


def _taken(apps: ApplicationService, count: int) -> list[str]:
    numbers = []
    for n in range(count):
        number = apps.create_draft(CLERK, application(on=f"2021-03-{10 + n:02d}")).number
        apps.accept(CLERK, number)
        apps.decide(CLERK, number)
        numbers.append(number)
    return numbers


def _page(qtbot: QtBot, desk: Desk, actor: Actor) -> StatisticsPage:
    page = StatisticsPage(StatisticsService(desk.apps.context), actor, desk.runner)
    qtbot.addWidget(page)
    page.show()
    page.date_from.setDate(QDate(2021, 3, 1))
    page.date_to.setDate(QDate(2021, 3, 31))
    return page


def test_the_model_passes_qtmodeltester(qtmodeltester: Any, desk: Desk) -> None:
    _taken(desk.apps, 2)
    model = StatisticsModel()
    table = StatisticsService(desk.apps.context).table(
        SUPERVISOR, date_from=date(2021, 3, 1), date_to=date(2021, 3, 31), by="day"
    )
    model.set_table(table)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.data(model.index(2, 0)) == "合计"
    assert model.data(model.index(2, 1)) == "2"


def test_the_period_at_a_glance_and_its_drill_down(qtbot: QtBot, desk: Desk) -> None:
    numbers = _taken(desk.apps, 3)
    page = _page(qtbot, desk, SUPERVISOR)
    page.by.setCurrentIndex(page.by.findData("route"))
    page.refresh()
    settle(qtbot, desk.runner)
    qtbot.waitUntil(lambda: page.model.table is not None and page.model.table.by == "route")
    assert "受理 3 件" in page.summary.text()
    assert page.chart.bars and page.chart.bars[0][1] == 3
    page.drill(0)
    settle(qtbot, desk.runner)
    qtbot.waitUntil(lambda: getattr(page, "drill_dialog", None) is not None)
    listed = {page.drill_dialog.list.item(r, 0).text() for r in range(3)}
    assert listed == set(numbers)
    opened: list[str] = []
    page.open_application.connect(opened.append)
    page.drill_dialog._open(0)
    assert opened and opened[0] in numbers


def test_exports_are_a_supervisors(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    _taken(desk.apps, 1)
    clerk_page = _page(qtbot, desk, CLERK)
    assert not clerk_page.export_button.isEnabled()
    page = _page(qtbot, desk, SUPERVISOR)
    page.refresh()
    settle(qtbot, desk.runner)
    out = tmp_path / "route.csv"
    page.export_to(out, "csv")
    settle(qtbot, desk.runner)
    qtbot.waitUntil(out.exists)
    assert "受理" in out.read_text(encoding="utf-8-sig")
    pdf = tmp_path / "month.pdf"
    page.export_to(pdf, "pdf")
    settle(qtbot, desk.runner)
    qtbot.waitUntil(pdf.exists)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_tab_opens_an_application_behind_a_number(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    numbers = _taken(desk.apps, 1)
    assert window.statistics is not None
    assert window.home.tabText(2) == "统计"
    window.statistics.open_application.emit(numbers[0])
    settle(qtbot, desk.runner)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.intake_page)
    assert window.intake.number == numbers[0]


def test_no_statistics_tab_for_a_collective_administrator(qtbot: QtBot, desk: Desk) -> None:
    users = desk.users
    users.add(
        Actor("admin", "admin"), username="wang", role="collective_administrator", password=PASSWORD
    )
    window = MainWindow(
        compose_desk(
            store=desk.apps.store,
            evaluation=desk.evaluation,
            users=users,
            login=users.login("wang", PASSWORD),
            runner=desk.runner,
        )
    )
    qtbot.addWidget(window)
    assert window.statistics is None and window.home.count() == 2
