"""The workflow's trust boundaries (issue 21): whoever changed the facts a decision rests
on may not approve it (6); `caseworker apply` cut short is continued by its retry, and the
command line can edit an open application (15); a collective-hukou administrator sees only
the applications of their own collectives (16)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.services.applications import ApplicationService, PermissionDeniedError
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.store import Store
from tests.stores import CLERK, OTHER_SUPERVISOR, PASSWORD, SUPERVISOR, application

# --- 6: maker-checker -------------------------------------------------------------------------


def test_a_supervisor_who_edited_the_facts_may_not_approve(apps: ApplicationService) -> None:
    data = application()
    number = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    # the supervisor changes an answer the decision rests on, decides again, approves
    changed = copy.deepcopy(data)
    changed["applicant"]["degree"] = "doctor"
    apps.edit(SUPERVISOR, number, changed)
    assert apps.decide(SUPERVISOR, number).decision is not None
    with pytest.raises(PermissionDeniedError, match="maker-checker"):
        apps.approve(SUPERVISOR, number)
    assert apps.approve(OTHER_SUPERVISOR, number).state == "approved"


def test_a_supervisor_who_created_the_application_may_not_approve(
    apps: ApplicationService,
) -> None:
    number = apps.create_draft(SUPERVISOR, application()).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    with pytest.raises(PermissionDeniedError, match="entered or changed facts"):
        apps.approve(SUPERVISOR, number)


# --- 15: apply cut short, and edit ------------------------------------------------------------


@pytest.fixture
def data(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    folder = store.folder
    store.close()
    monkeypatch.setenv("CASEWORKER_DATA", str(folder))
    monkeypatch.setenv("CASEWORKER_USER", "li")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    return folder


def _write(path: Path, case: dict[str, object]) -> Path:
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_refused_apply_is_continued_by_the_corrected_retry(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = application()
    nameless = copy.deepcopy(case)
    nameless["records"]["applicant"]["name"] = ""
    assert main(["apply", str(_write(tmp_path / "a.json", nameless))]) == 2
    err = capsys.readouterr().err
    assert "cannot accept" in err and "records." not in err
    assert main(["apply", str(_write(tmp_path / "a.json", case))]) == 0
    out = capsys.readouterr().out
    number = out.strip().splitlines()[-1]
    assert "决定 decision: eligible" in out
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert listed.count("370102001-") == 1 and number in listed  # one application, not two


def test_a_killed_apply_is_continued_by_its_retry(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the kill came after the acceptance, before the decision
    case = application()
    store = Store.open(data)
    try:
        from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415

        apps = ApplicationService(
            ServiceContext(store, evaluation=EvaluationService.from_resources())
        )
        number = apps.create_draft(CLERK, case).number
        apps.accept(CLERK, number)
    finally:
        store.close()
    assert main(["apply", str(_write(tmp_path / "a.json", case))]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == number


def test_the_command_line_edits_an_open_application(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = application()
    assert main(["apply", str(_write(tmp_path / "a.json", case))]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    case["applicant"]["degree"] = "doctor"
    assert main(["edit", number, str(_write(tmp_path / "b.json", case))]) == 0
    assert "accepted" in capsys.readouterr().out
    assert main(["show", number, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["state"] == "accepted"
    # someone else's open application for the same person is still a duplicate to apply
    assert main(["apply", "--as", "admin", str(_write(tmp_path / "c.json", case))]) == 2
    assert f"caseworker edit {number} FILE" in capsys.readouterr().err


# --- 16: a collective-hukou administrator sees only their own --------------------------------


def test_a_collective_administrator_lists_and_opens_only_their_own(
    store: Store, apps: ApplicationService
) -> None:
    from caseworker.services.base import NotFoundError  # noqa: PLC0415
    from caseworker.services.collectives import CollectiveService  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from tests.services.test_collectives import ADMIN, WANG, approved, collective  # noqa: PLC0415

    UserService(OfficeContext(store)).add(
        ADMIN, username="wang", role="collective_administrator", password=PASSWORD
    )
    desk = CollectiveService(apps.context)
    home = collective(desk, "unit", administrator="wang")
    admitted = approved(apps, "unit_collective")
    desk.admit(WANG, home.code, admitted)
    other = apps.create_draft(CLERK, application()).number
    own = apps.create_draft(WANG, application()).number
    listed = {item.number for item in apps.search(WANG, "").items}
    assert listed == {admitted, own}
    assert other in {item.number for item in apps.search(CLERK, "").items}
    person = apps.get(other).applicant.id_number
    assert person is not None
    assert apps.search(WANG, person).items == ()  # not by its ID number either
    assert apps.open_record(WANG, admitted).number == admitted
    for call in (
        lambda: apps.open_record(WANG, other),
        lambda: apps.accept(WANG, other),
        lambda: apps.edit(WANG, other, application()),
    ):
        with pytest.raises(NotFoundError, match="no application"):
            call()


def test_show_json_refuses_a_collective_administrator_anothers_application(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = application()
    assert main(["apply", str(_write(tmp_path / "a.json", case))]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    add = ["users", "add", "wang", "--role", "collective_administrator"]
    assert main([*add, "--password-file", str(secret), "--as", "admin"]) == 0
    capsys.readouterr()
    assert main(["show", number, "--json", "--as", "wang"]) == 2
    err = capsys.readouterr().err
    assert "no application" in err and case["applicant"]["id_number"] not in err
    assert main(["list", "--as", "wang"]) == 0
    assert number not in capsys.readouterr().out


def test_a_collective_administrator_prints_only_their_own(
    store: Store, apps: ApplicationService
) -> None:
    # beyond the list: printing a receipt shows the full ID numbers too
    from caseworker.printing.model import DocumentKind  # noqa: PLC0415
    from caseworker.services.base import ServiceError  # noqa: PLC0415
    from caseworker.services.printing import PrintingService  # noqa: PLC0415
    from tests.services.test_collectives import WANG  # noqa: PLC0415

    other = apps.create_draft(CLERK, application()).number
    apps.accept(CLERK, other)
    own = apps.create_draft(WANG, application()).number
    apps.accept(CLERK, own)
    printing = PrintingService(apps.context)
    with pytest.raises(ServiceError, match="no application"):
        printing.print_document(WANG, other, DocumentKind.RECEIPT)
    assert printing.print_document(WANG, own, DocumentKind.RECEIPT).pdf.startswith(b"%PDF")
