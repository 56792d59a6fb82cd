"""The collective-hukou tab: its table models pass qtmodeltester; a collective-hukou
administrator sees only their own collectives; admitting, moving out, printing and
exporting the roster and the family booklet work from the page; errors are told."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.services.applications import Actor, ApplicationService
from caseworker.services.collectives import CollectiveService
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.services.users import UserService
from tests.stores import application
from tests.ui.conftest import PASSWORD, settle
from ui.collectives_page import BookletDialog, CollectiveModel, CollectivesPage, RosterModel
from ui.main_window import Desk, MainWindow
from ui.operations import ChangeBus, Changes, Operations
from ui.tasks import TaskRunner

ADMIN = Actor("admin", "admin")
CLERK = Actor("li", "clerk")
SUPERVISOR = Actor("zhao", "supervisor")
WANG = Actor("wang", "collective_administrator")
ZAOZHUANG = {"county": "370402", "street": "中心街街道", "household": "community_collective"}


@pytest.fixture
def desk_service(office: Store, service: EvaluationService) -> CollectiveService:
    UserService(OfficeContext(office)).add(
        ADMIN, username="wang", role="collective_administrator", password=PASSWORD
    )
    UserService(OfficeContext(office)).add(
        ADMIN, username="qian", role="supervisor", password=PASSWORD
    )
    return CollectiveService(ServiceContext(office, evaluation=service))


@pytest.fixture
def codes(desk_service: CollectiveService) -> dict[str, str]:
    mine = desk_service.create(
        SUPERVISOR,
        kind="community",
        name="中心街社区集体户",
        address="中心街1号",
        division_code="370402001",
        administrator="wang",
    )
    other = desk_service.create(
        SUPERVISOR,
        kind="unit",
        name="某公司集体户",
        address="矿区路2号",
        division_code="370402001",
    )
    return {"mine": mine.code, "other": other.code}


def approved(service: CollectiveService, family: list[dict[str, Any]] | None = None) -> str:
    apps = ApplicationService(service.context)
    data = application(destination=ZAOZHUANG, on="2022-03-15", family=family or [])
    number = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    return number


def page_for(
    qtbot: QtBot, service: CollectiveService, actor: Actor, desk: Desk
) -> tuple[CollectivesPage, list[Changes]]:
    """The page as the desk builds it: its writes are named operations, and it redraws
    from the change records they announce (returned beside it, as heard)."""
    bus = ChangeBus()
    page = CollectivesPage(service, actor, desk.runner, operations=Operations(desk, bus))
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    bus.changed.connect(page.changed)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot, desk.runner)
    return page, heard


def test_the_models_pass_qtmodeltester(
    qtbot: QtBot, qtmodeltester: Any, desk_service: CollectiveService, codes: dict[str, str]
) -> None:
    collectives = CollectiveModel()
    collectives.set_rows(desk_service.collectives(SUPERVISOR))
    qtmodeltester.check(collectives)
    desk_service.admit(
        WANG, codes["mine"], approved(desk_service, [{"relation": "spouse", "born": "1986-01-01"}])
    )
    roster = RosterModel()
    roster.set_rows(desk_service.roster(SUPERVISOR, codes["mine"], include_past=True))
    assert roster.rowCount() == 2
    qtmodeltester.check(roster)
    assert roster.data(roster.index(0, 2)) == "本人" and roster.data(roster.index(1, 2)) == "配偶"


def test_an_administrator_of_collectives_sees_only_theirs_and_admits(
    qtbot: QtBot,
    *,
    desk: Desk,
    desk_service: CollectiveService,
    codes: dict[str, str],
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, heard = page_for(qtbot, desk_service, WANG, desk)
    assert [r.code for r in page.model.rows] == [codes["mine"]]
    for key in ("create", "export", "close"):
        assert not page.buttons[key].isEnabled()
    number = approved(desk_service)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (number, True))
    page.buttons["admit"].click()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: page.roster.rowCount() == 1)
    # redrawn from the change record the admission announced (the queue and the
    # statistics hear it too), not by the page refreshing itself
    [admitted] = heard
    assert admitted.operation == "admit" and admitted.collective == codes["mine"]
    assert admitted.collectives and admitted.queue and admitted.statistics
    id_number = ApplicationService(desk_service.context).get(number).applicant.id_number or ""
    shown = page.roster.data(page.roster.index(0, 1))
    assert shown == f"{id_number[:6]}********{id_number[14:]}"  # masked for this role
    assert "在册 1 人" in page.heading.text()
    # moving out works from the masked roster: the row names the person
    page.members.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("聊城市东昌府区", True))
    page.buttons["move_out"].click()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: page.roster.rowCount() == 0)
    assert desk_service.history(SUPERVISOR, id_number)[0].destination == "聊城市东昌府区"


def test_a_refusal_is_told_and_nothing_changes(
    qtbot: QtBot,
    *,
    desk: Desk,
    desk_service: CollectiveService,
    codes: dict[str, str],
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, _heard = page_for(qtbot, desk_service, WANG, desk)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(f"{a[1]}: {a[2]}"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("SQ-NOPE", True))
    page.buttons["admit"].click()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: bool(told))
    # in the desk's words (it was the command line's English before the code had its own)
    assert told[0] == "没有找到: 本机没有申请 SQ-NOPE；可按姓名或身份证号查找。"
    assert desk_service.get(WANG, codes["mine"]).members == 0
    told.clear()
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    page.buttons["move_out"].click()  # nobody chosen
    assert told and "选择一名在册人员" in told[0]


def test_a_supervisor_prints_exports_and_creates(
    qtbot: QtBot,
    *,
    desk: Desk,
    desk_service: CollectiveService,
    codes: dict[str, str],
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk_service.admit(WANG, codes["mine"], approved(desk_service))
    page, _heard = page_for(qtbot, desk_service, SUPERVISOR, desk)
    assert {r.code for r in page.model.rows} == set(codes.values())
    page.table.selectRow([r.code for r in page.model.rows].index(codes["mine"]))
    settle(qtbot, runner)
    page.buttons["print"].click()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None)
    assert page.preview.pages and codes["mine"] in page.preview.windowTitle()
    page.preview.close()
    out = tmp_path / "roster.csv"
    page.export_to(out)
    settle(qtbot, runner)
    qtbot.waitUntil(out.exists)
    assert out.read_bytes().startswith("\ufeff".encode()) and "集体户户号" in out.read_text(
        encoding="utf-8-sig"
    )
    # a new collective through its dialog
    from ui import collectives_page  # noqa: PLC0415

    def filled(dialog: collectives_page.CollectiveDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("school"))
        dialog.name.setText("枣庄某学校集体户")
        dialog.address.setText("学院路3号")
        dialog.division.setText("370402001")
        return 1

    monkeypatch.setattr(collectives_page.CollectiveDialog, "exec", filled)
    page.buttons["create"].click()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: len(page.model.rows) == 3)
    assert page.selected() is not None and page.selected().kind == "school"  # type: ignore[union-attr]


def test_the_family_booklet_from_the_page(
    qtbot: QtBot,
    desk: Desk,
    desk_service: CollectiveService,
    codes: dict[str, str],
    runner: TaskRunner,
) -> None:
    number = approved(desk_service, [{"relation": "spouse", "born": "1986-01-01"}])
    desk_service.admit(WANG, codes["mine"], number)
    page, _heard = page_for(qtbot, desk_service, WANG, desk)
    dialog = BookletDialog(page, page.model.rows[0])
    qtbot.addWidget(dialog)
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.people.rowCount() == 2)
    for row in range(2):
        dialog.people.item(row, 0).setCheckState(Qt.CheckState.Checked)
    spouse = dialog.people.cellWidget(1, 2)
    spouse.setCurrentIndex(spouse.findData("spouse"))  # type: ignore[attr-defined]
    dialog.apply()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1)
    booklet = dialog.list.item(0, 0).text()
    assert dialog.list.item(0, 1).text() == "applied"
    decided = desk_service.decide_booklet(SUPERVISOR, booklet)
    assert decided.state == "issued" and len(decided.members) == 1


def test_the_desk_has_the_tab_and_f3_opens_it(
    qtbot: QtBot, window: MainWindow, codes: dict[str, str]
) -> None:
    assert window.home.tabText(1) == "集体户"
    window.collectives_action.trigger()
    settle(qtbot, window.desk.runner)
    assert window.stack.currentWidget() is window.home
    assert window.home.currentWidget() is window.collectives
    qtbot.waitUntil(lambda: len(window.collectives.model.rows) == 2)  # a clerk sees all
    window.focus_search()
    assert window.home.currentWidget() is window.queue
