"""The workflow's roles: maker-checker holds for a refusal as for an approval; refusing
an application the engine found eligible overrides its decision, said so in the audit
trail and on the notice (the supervisor's reasons alone); a collective-hukou
administrator learns nothing about an application they may not see."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.base import Actor, DuplicateError, NotFoundError, PermissionDeniedError
from caseworker.services.context import OfficeContext
from caseworker.services.printing import PrintingService
from caseworker.services.store import Store
from caseworker.services.users import UserService
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from tests.stores import CLERK, OTHER_SUPERVISOR, PASSWORD, SUPERVISOR, application

WANG = Actor("wang", "collective_administrator")


def _eligible(apps: ApplicationService, maker: Actor, accepter: Actor) -> str:
    number = apps.create_draft(maker, application()).number
    apps.accept(accepter, number)
    assert apps.decide(accepter, number).decision is not None
    assert apps.get(number).decision.decision == "eligible"  # type: ignore[union-attr]
    return number


# --- 3. maker-checker on refusal ------------------------------------------------------


def test_a_supervisor_may_not_refuse_what_they_created_and_accepted(
    apps: ApplicationService,
) -> None:
    number = _eligible(apps, SUPERVISOR, SUPERVISOR)
    with pytest.raises(PermissionDeniedError) as refused:
        apps.refuse(SUPERVISOR, number, "不同意 disagree")
    assert refused.value.code == "application.maker_checker_accepted_refuse"
    assert "cannot refuse it either; another supervisor must decide it" in str(refused.value)
    assert apps.get(number).state == "decided"


def test_a_supervisor_who_changed_the_facts_may_not_refuse(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application()).number
    apps.mark_document_seen(SUPERVISOR, number, "居民户口簿")
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    with pytest.raises(PermissionDeniedError) as refused:
        apps.refuse(SUPERVISOR, number, "不同意 disagree")
    assert refused.value.code == "application.maker_checker_facts_refuse"
    assert apps.get(number).state == "decided"


def test_refusing_an_eligible_application_is_recorded_as_overriding_the_engine(
    apps: ApplicationService,
) -> None:
    number = _eligible(apps, CLERK, CLERK)
    refused = apps.refuse(OTHER_SUPERVISOR, number, "材料系伪造 forged papers")
    assert refused.state == "refused"
    event = apps.history(number)[-1]
    assert event.action == "application.refuse"
    assert event.detail["overrides_decision"] == "eligible"
    assert event.detail["reason"] == "材料系伪造 forged papers"
    with pytest.raises(Exception) as no_reason:
        apps.refuse(OTHER_SUPERVISOR, _eligible(apps, CLERK, CLERK), "  ")
    assert getattr(no_reason.value, "code", "") == "application.reason_needed"


def test_refusing_an_ineligible_application_overrides_nothing(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application(applicant={"degree": "none"})).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.refuse(OTHER_SUPERVISOR, number, "无符合条件的落户途径")
    assert "overrides_decision" not in apps.history(number)[-1].detail


def test_the_notice_of_an_overridden_eligible_decision_prints_the_reasons_alone(
    apps: ApplicationService,
) -> None:
    number = _eligible(apps, CLERK, CLERK)
    apps.refuse(OTHER_SUPERVISOR, number, "材料系伪造")
    pdf = PrintingService(apps.context).print_document(CLERK, number, DocumentKind.REFUSAL).pdf
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "材料系伪造" in text
    assert "依据 jinan-2017:" not in text  # no route that failed is given as a ground


# --- 4. what a collective-hukou administrator may not see ---------------------------------


@pytest.fixture
def wang(store: Store) -> Actor:
    UserService(OfficeContext(store)).add(
        Actor("admin", "admin"), username="wang", role="collective_administrator", password=PASSWORD
    )
    return WANG


def test_a_duplicate_a_collective_administrator_may_not_see_is_not_named(
    apps: ApplicationService, wang: Actor
) -> None:
    data = application()
    other = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, other)
    apps.decide(CLERK, other)
    again = application()
    again["applicant"]["id_number"] = data["applicant"]["id_number"]
    again["records"] = data["records"]  # the same person, under the same name
    with pytest.raises(DuplicateError) as refused:
        apps.apply(wang, again)
    assert refused.value.code == "application.exists_here"
    said = str(refused.value)
    assert other not in said and "decided" not in said
    assert "already has an application at this office; ask the counter" in said
    # the counter is still told the number
    with pytest.raises(DuplicateError) as counter:
        apps.apply(CLERK, again)
    assert counter.value.code == "application.open_already" and other in str(counter.value)


def test_a_flag_a_collective_administrator_may_not_see_is_not_named(
    apps: ApplicationService, wang: Actor
) -> None:
    data = application(names=["王五", "李四"])
    other = apps.create_draft(CLERK, data).number
    mine = application(
        family=[{"relation": "parent", "born": "1950-01-01"}], names=["王六", "王五"]
    )
    mine["family"][0]["id_number"] = data["applicant"]["id_number"]
    mine["family"][0]["relation"] = "sibling"
    number = apps.create_draft(wang, mine).number
    flags = apps.flags(number, actor=wang)
    assert flags and all(other not in f and "draft" not in f for f in flags), flags
    assert any("is also in an application at this office; ask the counter" in f for f in flags)
    assert any(other in f for f in apps.flags(number, actor=CLERK))
    with pytest.raises(NotFoundError):
        apps.flags(other, actor=wang)  # one they may not see is not there for them


def test_an_application_at_another_office_is_not_named_to_a_collective_administrator(
    apps: ApplicationService, wang: Actor
) -> None:
    data = application()
    with transaction(apps.store.sessions) as session:
        sync_repo.put_person(
            session,
            office_code="370103002",
            number="370103002-B1C2-000007",
            id_number=data["applicant"]["id_number"],
            state="accepted",
            at=datetime(2024, 2, 1),
        )
    mine = apps.create_draft(wang, data).number
    with pytest.raises(DuplicateError) as refused:
        apps.accept(wang, mine)
    assert refused.value.code == "application.exists_elsewhere"
    said = str(refused.value)
    assert "370103002" not in said and "accepted" not in said
    flags = apps.flags(mine, actor=wang)
    assert flags and all("370103002" not in f for f in flags), flags
    with pytest.raises(DuplicateError) as counter:  # the counter is told which
        apps.accept(CLERK, mine)
    assert counter.value.code == "application.indexed_elsewhere"
    assert "370103002-B1C2-000007" in str(counter.value)
