"""What an issued paper says never changes (issue 25's tester, items 1-6): the register
keeps, at print time, everyone the paper names, its destination and its validity, and
`verify` answers from that; another application cannot rename the holder; a reprint keeps
the validity; a voided copy stays void; a settled permit is used."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.base import Actor, DuplicateError, PermissionDeniedError, ServiceError
from caseworker.services.printing import PERMIT_VALID_DAYS, PrintingService
from caseworker.storage import repositories as repo
from caseworker.storage import schema
from tests.printing.test_printing import _permit_ready, _text
from tests.stores import CLERK, SUPERVISOR, Clock, application


@pytest.fixture
def printing(apps: ApplicationService) -> PrintingService:
    return PrintingService(apps.context)


def _spouse_with(id_number: str, name: str) -> dict[str, Any]:
    data = application(names=["赵某某", name])
    data["family"][0]["id_number"] = id_number
    return data


def test_another_application_cannot_rename_the_holder_of_an_issued_permit(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    holder_id = apps.get(number).applicant.id_number
    assert holder_id
    events_before = len(apps.history(number))
    with pytest.raises(DuplicateError) as caught:
        apps.create_draft(CLERK, _spouse_with(holder_id, "李四"))
    assert caught.value.code == "application.person_named_otherwise"
    said = str(caught.value)
    assert number in said and "张三丰" in said and "李四" in said
    assert apps.get(number).applicant.name == "张三丰"
    assert len(apps.history(number)) == events_before
    verdict = printing.verify(printed.record.payload)
    assert verdict.status == "valid" and verdict.holder == "张三丰"


def test_the_same_name_again_is_the_same_person(apps: ApplicationService) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    holder_id = apps.get(number).applicant.id_number
    assert holder_id
    other = apps.create_draft(CLERK, _spouse_with(holder_id, "张三丰"))
    assert other.relatives[0].person.name == "张三丰"


def test_a_collective_administrator_is_refused_without_seeing_the_other_application(
    apps: ApplicationService,
) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    holder_id = apps.get(number).applicant.id_number
    assert holder_id
    admin = Actor("jt", "collective_administrator")
    with pytest.raises(DuplicateError) as caught:
        apps.create_draft(admin, _spouse_with(holder_id, "李四"))
    said = str(caught.value)
    assert caught.value.code == "application.person_named_elsewhere"
    assert number not in said and "张三丰" not in said
    assert apps.get(number).applicant.name == "张三丰"


def test_verify_answers_from_the_register_not_the_live_record(
    apps: ApplicationService, printing: PrintingService
) -> None:
    """Even a rename that got into the store (say an older program's) does not change
    what the paper is said to show."""
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    with apps.store.sessions() as session, session.begin():
        view = repo.load(session, number)
        assert view is not None
        person = session.get(schema.Person, view.applicant.id)
        assert person is not None
        person.name = "李四"
    verdict = printing.verify(printed.record.payload)
    assert verdict.holder == "张三丰" and "李四" not in verdict.message


def test_verify_lists_everyone_on_the_permit(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    view = apps.get(number)
    verdict = printing.verify(printed.record.payload)
    assert [(p.relation, p.name) for p in verdict.people] == [
        ("本人", "张三丰"),
        ("配偶", "李秀英"),
    ]
    spouse_id = view.relatives[0].person.id_number
    assert spouse_id and verdict.people[1].id_masked == f"{spouse_id[:6]}********{spouse_id[14:]}"
    assert "李秀英" in verdict.message and "配偶" in verdict.message


def test_a_reprint_of_an_expired_permit_keeps_its_validity(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    first = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    clock = apps.clock
    assert isinstance(clock, Clock)
    clock.now += timedelta(days=PERMIT_VALID_DAYS + 30)
    assert printing.verify(first.record.payload).status == "expired"
    again = printing.print_document(CLERK, number, DocumentKind.PERMIT, reprint=True)
    verdict = printing.verify(again.record.payload)
    assert verdict.status == "expired"
    original = (first.record.printed_at + timedelta(days=PERMIT_VALID_DAYS)).date()
    assert original.isoformat() in verdict.message


def test_a_voided_copy_is_not_undone_by_printing_again(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    first = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    printing.void_printed(SUPERVISOR, first.record.number, "遗失")
    with pytest.raises(ServiceError) as plain:
        printing.print_document(CLERK, number, DocumentKind.PERMIT)
    assert plain.value.code == "print.voided_needs_reprint"
    assert first.record.number in str(plain.value) and "遗失" in str(plain.value)
    with pytest.raises(PermissionDeniedError) as clerk:
        printing.print_document(CLERK, number, DocumentKind.PERMIT, reprint=True)
    assert clerk.value.code == "print.reprint_after_void"
    again = printing.print_document(SUPERVISOR, number, DocumentKind.PERMIT, reprint=True)
    assert again.record.number == first.record.number and again.record.copy == 1
    assert printing.verify(first.record.payload).status == "void"
    assert printing.verify(again.record.payload).status == "valid"
    assert "（补打）" in _text(again.pdf)


def test_a_settled_permit_is_used(apps: ApplicationService, printing: PrintingService) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    apps.mark_settled(CLERK, number)
    verdict = printing.verify(printed.record.payload)
    assert verdict.status == "used"
    assert "已办理落户" in verdict.message and "2024-03-01" in verdict.message


def test_a_changed_name_in_the_register_shows_as_tampered(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    with apps.store.sessions() as session, session.begin():
        row = session.get(schema.PrintedDocument, printed.record.id)
        assert row is not None and "张三丰" in row.facts
        row.facts = row.facts.replace("张三丰", "李四")
    assert printing.verify(printed.record.payload).status == "tampered"
