"""A collective admission is a step too (issue 21's follow-up, finding 1): an application
set to approved in SQL is not admitted into a collective household."""

from __future__ import annotations

import pytest

from caseworker.services.applications import ApplicationService
from caseworker.services.base import ServiceError
from caseworker.services.collectives import CollectiveService
from caseworker.services.store import STORE_FILE, Store
from caseworker.storage.database import connect_raw
from tests.services.test_collectives import WANG, ZAOZHUANG, collective, desk  # noqa: F401
from tests.stores import CLERK, application


def test_an_application_set_to_approved_in_sql_is_not_admitted(
    store: Store,
    apps: ApplicationService,
    desk: CollectiveService,  # noqa: F811
) -> None:
    home = collective(desk)
    data = application(
        destination={**ZAOZHUANG, "household": "community_collective"},
        on="2022-03-15",
        family=[],
    )
    number = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)  # eligible, waiting for a supervisor's approval
    conn = connect_raw(store.folder / STORE_FILE, store.settings.key())
    conn.execute(f"UPDATE applications SET state = 'approved' WHERE number = '{number}'")
    conn.commit()
    conn.close()
    with pytest.raises(ServiceError) as refused:
        desk.admit(WANG, home.code, number)
    assert refused.value.code == "application.tampered"
    assert desk.get(WANG, home.code).members == 0
