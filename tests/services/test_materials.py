"""A permit (准予迁入证明) is issued only once every material (材料) of the route it is
issued under is recorded as seen: case-format.md, "documents lists the materials the clerk
must see for an eligible route"."""

from __future__ import annotations

import pytest

from caseworker.services.applications import ApplicationService
from caseworker.services.base import StepNotAllowedError
from tests.stores import CLERK, SUPERVISOR, application, see_materials


def _approved(apps: ApplicationService) -> str:
    number = apps.create_draft(CLERK, application()).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    return number


def test_a_permit_with_no_material_seen_is_refused_listing_them(
    apps: ApplicationService,
) -> None:
    number = _approved(apps)
    route = apps.get(number).decision.result["routes"][0]  # type: ignore[union-attr]
    assert route["status"] == "eligible" and route["documents"]
    with pytest.raises(StepNotAllowedError) as refused:
        apps.issue_permit(CLERK, number)
    assert refused.value.code == "application.materials_missing"
    assert refused.value.params["missing"] == route["documents"]
    assert "居民户口簿" in str(refused.value) and "caseworker seen" in str(refused.value)
    view = apps.get(number)
    assert view.state == "approved" and view.permit_number is None


def test_one_material_missing_is_named_and_all_seen_lets_the_permit_through(
    apps: ApplicationService,
) -> None:
    number = _approved(apps)
    documents = apps.get(number).decision.result["routes"][0]["documents"]  # type: ignore[union-attr]
    for name in documents[:-1]:
        apps.mark_document_seen(CLERK, number, name)
    with pytest.raises(StepNotAllowedError) as refused:
        apps.issue_permit(CLERK, number)
    assert refused.value.params["missing"] == documents[-1:]
    see_materials(apps, number)
    issued = apps.issue_permit(CLERK, number)
    assert issued.state == "permit_issued" and issued.permit_number
