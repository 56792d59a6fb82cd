"""A collective household changed by someone else between reading and writing it is a
refusal with its own code, not an unexpected error (issue 20: storage errors become
``ServiceError`` data at the service boundary); the collectives' refusals carry codes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from caseworker.services.applications import ApplicationService
from caseworker.services.base import ChangedMeanwhileError, ServiceError, StepNotAllowedError
from caseworker.services.collectives import CollectiveService
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import UserService
from caseworker.storage import collectives as collective_rows
from tests.services.test_collectives import ADMIN, collective
from tests.stores import PASSWORD, SUPERVISOR


@pytest.fixture
def desk(store: Store, apps: ApplicationService) -> CollectiveService:
    UserService(OfficeContext(store)).add(
        ADMIN, username="wang", role="collective_administrator", password=PASSWORD
    )
    return CollectiveService(apps.context)


def test_a_collective_changed_meanwhile_is_refused_as_data(
    desk: CollectiveService, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = collective(desk)
    read = collective_rows.collective

    def read_before_someone_saved(session: object, code: str) -> object:
        found = read(session, code)  # type: ignore[arg-type]
        return None if found is None else replace(found, version=found.version - 1)

    monkeypatch.setattr(collective_rows, "collective", read_before_someone_saved)
    with pytest.raises(ChangedMeanwhileError) as refused:
        desk.edit(SUPERVISOR, home.code, address="中心街2号")
    assert refused.value.code == "collective.changed_meanwhile"
    assert "collective was changed by someone else meanwhile" in str(refused.value)


def test_a_closed_collective_is_refused_with_its_code(desk: CollectiveService) -> None:
    home = collective(desk)
    desk.close(SUPERVISOR, home.code, reason="单位撤销")
    with pytest.raises(StepNotAllowedError) as closed:
        desk.close(SUPERVISOR, home.code, reason="单位撤销")
    assert closed.value.code == "collective.closed_already"
    assert closed.value.params == {"collective": home.code}
    with pytest.raises(ServiceError) as editing:
        desk.edit(SUPERVISOR, home.code, address="x")
    assert editing.value.code == "collective.closed"
