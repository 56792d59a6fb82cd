"""One typed input for a save: the answers, and for an edit the application's number and
the version the edit was made on; an edit on a stale version is refused (issue 20 §3)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from caseworker.services.application_input import ApplicationInput
from caseworker.services.applications import ApplicationService, ApplicationView
from caseworker.services.base import StaleVersionError
from tests.stores import CLERK, application


def _edit(
    apps: ApplicationService, data: dict[str, Any], number: str, version: int, address: str
) -> ApplicationView:
    """An edit of ``number`` made on ``version``: the destination address changed."""
    changed = copy.deepcopy(data)
    changed["records"]["destination_address"] = address
    return apps.save(CLERK, ApplicationInput(answers=changed, number=number, version=version))


def test_a_save_without_a_number_makes_a_draft(apps: ApplicationService) -> None:
    view = apps.save(CLERK, ApplicationInput(answers=application()))
    assert view.state == "draft"
    assert view.number
    assert view.version >= 1


def test_an_edit_on_the_current_version_is_written(apps: ApplicationService) -> None:
    data = application()
    draft = apps.save(CLERK, ApplicationInput(answers=data))
    edited = _edit(apps, data, draft.number, draft.version, "济南市历下区泉城路2号")
    assert edited.number == draft.number
    assert edited.version > draft.version
    assert edited.destination_address == "济南市历下区泉城路2号"


def test_an_edit_on_a_stale_version_is_refused_and_changes_nothing(
    apps: ApplicationService,
) -> None:
    data = application()
    draft = apps.save(CLERK, ApplicationInput(answers=data))
    # someone else saves it after this clerk opened it at draft.version
    theirs = _edit(apps, data, draft.number, draft.version, "济南市历下区泉城路3号")
    with pytest.raises(StaleVersionError) as refused:
        _edit(apps, data, draft.number, draft.version, "济南市历下区泉城路4号")
    assert refused.value.code == "application.stale_version"
    assert refused.value.params == {
        "number": draft.number,
        "seen": draft.version,
        "current": theirs.version,
    }
    assert "open it again" in str(refused.value)
    now = apps.open_record(CLERK, draft.number)
    assert now.version == theirs.version
    assert now.destination_address == "济南市历下区泉城路3号"


def test_the_input_is_frozen() -> None:
    given = ApplicationInput(answers={}, number="X", version=1)
    with pytest.raises(AttributeError):
        given.version = 2  # type: ignore[misc]
