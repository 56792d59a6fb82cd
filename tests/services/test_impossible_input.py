"""Input that parses but cannot be true is refused by the application service, with a code,
the field and the relative as the clerk sees it: an application date after today, a
relative who is the applicant, listed twice, a "child" older than the applicant, a spouse
of an unmarried applicant. A date long past is kept, flagged and recorded. Names are kept
as the 户口簿 prints them, and a save that changes nothing writes nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from caseworker.services.applications import ApplicationService
from caseworker.services.base import InvalidInputError, ServiceError
from caseworker.services.context import ServiceContext
from caseworker.storage import repositories as repo
from caseworker.storage import schema as tables
from tests.stores import CLERK, OTHER_SUPERVISOR, SUPERVISOR, application


def _refused(apps: ApplicationService, data: dict[str, Any]) -> ServiceError:
    with pytest.raises(InvalidInputError) as refused:
        apps.create_draft(CLERK, data)
    return refused.value


def _rows(apps: ApplicationService) -> int:
    with apps.store.sessions() as session:
        return len(session.query(tables.Application).all())


# --- 1. the application date ----------------------------------------------------------


@pytest.mark.parametrize("on", ["9999-12-31", "2099-01-01", "2024-03-02"])
def test_an_application_date_after_today_is_refused(apps: ApplicationService, on: str) -> None:
    """The tests' clock says 2024-03-01: the day after is already refused."""
    error = _refused(apps, application(on=on))
    assert error.code == "application.date_in_future"
    assert error.field == "on"
    assert error.params["on"] == on and error.params["today"] == "2024-03-01"
    assert f"the application date {on} is after today (2024-03-01)" in str(error)
    assert _rows(apps) == 0


def test_apply_of_a_case_dated_in_the_future_is_refused_not_decided(
    apps: ApplicationService,
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        apps.apply(CLERK, application(on="2099-01-01"))
    assert refused.value.code == "application.date_in_future"
    assert _rows(apps) == 0


def test_a_draft_dated_in_the_future_is_neither_accepted_nor_decided(
    apps: ApplicationService,
) -> None:
    """A draft saved before the check (or on a PC whose clock ran ahead) is refused at
    acceptance and at the decision."""
    # saved on a PC whose clock ran years ahead (an edit of the row in SQL would be
    # refused as tampering: tests/storage/test_trust_rows.py)
    ahead = ServiceContext(
        apps.store, lambda: datetime(2031, 1, 1, 9, 0), evaluation=apps.context.evaluation
    )
    view = ApplicationService(ahead).create_draft(CLERK, application(on="2030-06-01"))
    with pytest.raises(InvalidInputError) as accepting:
        apps.accept(CLERK, view.number)
    assert accepting.value.code == "application.date_in_future"
    assert apps.get(view.number).receipt_number is None


def test_a_date_before_the_first_policy_is_refused(apps: ApplicationService) -> None:
    error = _refused(apps, application(on="1995-01-01", born="1970-01-01"))
    assert error.code == "application.date_before_policies"
    assert error.field == "on"


def test_a_date_more_than_a_year_back_is_kept_flagged_and_recorded(
    apps: ApplicationService,
) -> None:
    """A paper application entered late is legitimate: kept, but said so."""
    late = apps.create_draft(CLERK, application(on="2019-03-15"))
    flags = apps.flags(late.number)
    assert any("2019-03-15 is 1813 days before it was entered (2024-03-01)" in f for f in flags)
    created = [e for e in apps.history(late.number) if e.action == "application.create"]
    assert created[0].detail["days_late"] == 1813
    recent = apps.create_draft(CLERK, application(on="2023-06-01"))
    assert not any("before it was entered" in f for f in apps.flags(recent.number))
    created = [e for e in apps.history(recent.number) if e.action == "application.create"]
    assert "days_late" not in created[0].detail


# --- 2. impossible relatives ------------------------------------------------------------


def test_the_applicant_as_their_own_spouse_is_refused(apps: ApplicationService) -> None:
    data = application(names=["王五", "李四"])
    data["family"][0]["id_number"] = data["applicant"]["id_number"]
    error = _refused(apps, data)
    assert error.code == "relative.is_applicant"
    assert error.field == "family[0].id_number"
    assert (error.params["position"], error.params["relation"], error.params["name"]) == (
        1,
        "spouse",
        "李四",
    )
    assert str(error).startswith("family member 1 (spouse) 李四 has the applicant's own ID")


def test_a_child_older_than_the_applicant_is_refused(apps: ApplicationService) -> None:
    data = application(
        born="1991-05-01",
        family=[
            {"relation": "spouse", "born": "1990-01-01"},
            {"relation": "child", "born": "1950-01-01"},
        ],
        names=["王五", "李四", "王小"],
    )
    error = _refused(apps, data)
    assert error.code == "relative.not_younger"
    assert error.field == "family[1].birth_date"
    assert error.params["position"] == 2 and error.params["name"] == "王小"
    assert error.params["years"] == 14


def test_a_child_born_fewer_than_14_years_after_the_applicant_is_refused_at_13_years_only(
    apps: ApplicationService,
) -> None:
    young = application(born="1991-05-01", family=[{"relation": "child", "born": "2005-04-30"}])
    assert _refused(apps, young).code == "relative.not_younger"
    old_enough = application(
        born="1991-05-01", family=[{"relation": "child", "born": "2005-05-01"}]
    )
    assert apps.create_draft(CLERK, old_enough).relatives[0].relation == "child"


def test_a_parent_younger_than_the_applicant_is_refused(apps: ApplicationService) -> None:
    data = application(born="1980-01-01", family=[{"relation": "parent", "born": "1985-01-01"}])
    error = _refused(apps, data)
    assert error.code == "relative.not_older"
    assert error.field == "family[0].birth_date"


def test_a_spouse_of_an_unmarried_applicant_is_refused(apps: ApplicationService) -> None:
    data = application(applicant={"degree": "master", "marital_status": "unmarried"})
    error = _refused(apps, data)
    assert error.code == "relative.spouse_of_unmarried"
    assert error.field == "applicant.marital_status"
    assert error.params["status"] == "unmarried"


def test_a_spouse_who_is_unmarried_and_a_second_spouse_are_refused(
    apps: ApplicationService,
) -> None:
    single = application(
        family=[{"relation": "spouse", "born": "1986-01-01", "marital_status": "unmarried"}]
    )
    assert _refused(apps, single).code == "relative.spouse_not_married"
    two = application(
        family=[
            {"relation": "spouse", "born": "1986-01-01"},
            {"relation": "spouse", "born": "1987-01-01"},
        ]
    )
    error = _refused(apps, two)
    assert error.code == "relative.second_spouse" and error.params["position"] == 2


def test_the_same_person_twice_among_the_relatives_is_refused(apps: ApplicationService) -> None:
    data = application(
        family=[
            {"relation": "child", "born": "2015-01-01"},
            {"relation": "child", "born": "2016-01-01"},
        ],
        names=["王五", "王大", "王二"],
    )
    data["family"][1]["id_number"] = data["family"][0]["id_number"]
    error = _refused(apps, data)
    assert error.code == "relative.listed_twice"
    assert error.params["position"] == 2 and error.params["first"] == 1
    assert "family member 2 (child) 王二 is the same person as family member 1" in str(error)


def test_an_edit_to_an_impossible_relative_is_refused_too(apps: ApplicationService) -> None:
    view = apps.create_draft(CLERK, application(names=["王五", "李四"]))
    data = application(names=["王五", "李四"])
    data["applicant"]["id_number"] = view.applicant.id_number
    data["family"][0]["id_number"] = view.applicant.id_number
    with pytest.raises(InvalidInputError) as refused:
        apps.edit(CLERK, view.number, data)
    assert refused.value.code == "relative.is_applicant"


# --- 5. names and saves that change nothing -----------------------------------------------


def test_spaces_pasted_into_a_chinese_name_are_dropped_and_the_middle_dot_kept(
    apps: ApplicationService,
) -> None:
    data = application(names=[" 周 九 ", "阿卜杜拉\u3000·\u00a0买买提"])
    data["records"]["household"]["head_name"] = "周\u3000九"
    view = apps.create_draft(CLERK, data)
    assert view.applicant.name == "周九"
    assert view.relatives[0].person.name == "阿卜杜拉·买买提"
    assert view.applicant.household["head_name"] == "周九"
    latin = application(names=["  John   Smith ", "李四"])
    assert apps.create_draft(CLERK, latin).applicant.name == "John Smith"


def _as_saved(apps: ApplicationService, number: str) -> dict[str, Any]:
    """What the desk sends back when it saves an application it shows unchanged."""
    view = apps.get(number)
    data = dict(view.case)
    data["records"] = {
        "household": view.applicant.household,
        "applicant": view.applicant.card,
        "family": [r.person.card for r in view.relatives],
        "destination_address": view.destination_address,
    }
    return data


def test_a_save_that_changes_nothing_writes_nothing(apps: ApplicationService) -> None:
    view = apps.create_draft(CLERK, application())
    apps.accept(CLERK, view.number)
    decided = apps.decide(CLERK, view.number)
    with apps.store.sessions() as session:
        events = len(repo.audit_of(session, view.number))
    again = apps.edit(
        SUPERVISOR, view.number, _as_saved(apps, view.number), version=decided.version
    )
    assert again.version == decided.version and again.state == "decided"
    with apps.store.sessions() as session:
        assert len(repo.audit_of(session, view.number)) == events
    # and the supervisor who pressed Ctrl+S is no maker: they may approve
    assert apps.approve(SUPERVISOR, view.number).state == "approved"


def test_a_save_that_changes_something_is_still_an_edit(apps: ApplicationService) -> None:
    view = apps.create_draft(CLERK, application())
    data = _as_saved(apps, view.number)
    data["records"]["applicant"] = {**data["records"]["applicant"], "ethnicity": "回"}
    edited = apps.edit(OTHER_SUPERVISOR, view.number, data)
    assert edited.version == view.version + 1
    assert [e.action for e in apps.history(view.number)][-1] == "application.edit"


def test_a_parent_in_law_younger_than_the_applicant_is_taken(apps: ApplicationService) -> None:
    """A spouse's parent may be younger than an applicant who married a much younger
    spouse: nothing to refuse."""
    data = application(
        born="1960-01-01",
        family=[
            {"relation": "spouse", "born": "1995-01-01"},
            {"relation": "parent_in_law", "born": "1970-01-01"},
        ],
    )
    assert [r.relation for r in apps.create_draft(CLERK, data).relatives] == [
        "spouse",
        "parent_in_law",
    ]


def test_a_parent_exactly_14_years_older_is_taken(apps: ApplicationService) -> None:
    data = application(born="1990-06-01", family=[{"relation": "parent", "born": "1976-06-01"}])
    assert apps.create_draft(CLERK, data).relatives[0].relation == "parent"
    data = application(born="1990-06-01", family=[{"relation": "parent", "born": "1976-06-02"}])
    assert _refused(apps, data).code == "relative.not_older"
