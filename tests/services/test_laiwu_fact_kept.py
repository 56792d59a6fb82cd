"""The store keeps laiwu_hukou_since with the case, as case-format.md gives it."""

from __future__ import annotations

from caseworker.services.applications import ApplicationService
from tests.stores import CLERK, application


def test_the_store_keeps_the_laiwu_date(apps: ApplicationService) -> None:
    data = application(
        birthplace="371202",
        applicant={
            "degree": "master",
            "hukou_county": "370113",
            "hukou_since": "2018-06-01",
            "laiwu_hukou_since": "2017-03-15",
        },
    )
    number = apps.create_draft(CLERK, data).number
    view = apps.get(number)
    assert view.case["applicant"]["laiwu_hukou_since"] == "2017-03-15"
    born_there = application(
        birthplace="371202",
        applicant={"degree": "master", "hukou_county": "370113", "laiwu_hukou_since": False},
    )
    number = apps.create_draft(CLERK, born_there).number
    assert apps.get(number).case["applicant"]["laiwu_hukou_since"] is False
