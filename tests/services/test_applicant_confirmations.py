"""The applicant's confirmation of their screen (双屏核对), at the service: recorded with
the application in the audit trail, the hash of exactly what was shown; refused for an
unsaved or closed application or an unknown channel."""

from __future__ import annotations

from dataclasses import replace

import pytest

from caseworker.services.applicant_screen import (
    CONFIRMED,
    ApplicantConfirmations,
    ScreenContent,
    shown_person,
)
from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.base import NotFoundError, ServiceError
from caseworker.services.context import OfficeContext
from tests.stores import CLERK, SUPERVISOR, application


def _shown(number: str | None) -> ScreenContent:
    return ScreenContent(
        number=number,
        people=(shown_person(relation="", name="王一", id_number="371502197205200038"),),
        destination="山东省济南市历下区 泉城路街道",
        decision="符合落户条件",
        missing=("居民户口簿",),
    )


def test_the_confirmation_is_audited_with_the_hash_of_what_was_shown(
    apps: ApplicationService,
) -> None:
    number = apps.create_draft(CLERK, application()).number
    confirmations = ApplicantConfirmations(OfficeContext(apps.store, apps.clock))
    shown = _shown(number)
    digest = confirmations.confirm(CLERK, shown=shown, via="screen")
    assert digest == shown.digest() == _shown(number).digest()  # canonical: same text, same hash
    assert replace(shown, destination="山东省济南市市中区").digest() != digest
    events = AuditService(OfficeContext(apps.store)).events(
        SUPERVISOR, action=CONFIRMED, application=number
    )
    assert len(events) == 1 and events[0].actor == CLERK.username
    assert events[0].detail["shown_sha256"] == digest
    assert events[0].detail["people"] == ["371502********0038"]
    assert AuditService(OfficeContext(apps.store)).verify(SUPERVISOR).ok


def test_unsaved_closed_unknown_and_odd_channels_are_refused(apps: ApplicationService) -> None:
    confirmations = ApplicantConfirmations(OfficeContext(apps.store, apps.clock))
    with pytest.raises(ServiceError, match="save the application first"):
        confirmations.confirm(CLERK, shown=_shown(None), via="clerk")
    with pytest.raises(NotFoundError):
        confirmations.confirm(CLERK, shown=_shown("SL-NOPE"), via="clerk")
    number = apps.create_draft(CLERK, application()).number
    with pytest.raises(ServiceError, match="screen or the clerk"):
        confirmations.confirm(CLERK, shown=_shown(number), via="phone")
    apps.void(SUPERVISOR, number, "entered twice")
    with pytest.raises(ServiceError, match="closed"):
        confirmations.confirm(CLERK, shown=_shown(number), via="clerk")
