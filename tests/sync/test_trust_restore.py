"""Issue 21, finding 4: a restore is audited under the administrator's name and the centre
hears of it at the next sync (a `store.restored` operation it keeps)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from caseworker.central import schema as central_tables
from caseworker.central.service import Central
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store, restore
from caseworker.services.sync import SyncService
from caseworker.services.users import UserService
from caseworker.storage.maintenance import backup_store
from caseworker.sync import protocol
from tests.stores import PASSWORD, application
from tests.sync.conftest import CLERK


def test_a_restore_is_told_to_the_centre_at_the_next_sync(
    desks: Any, central: Central, service: EvaluationService
) -> None:
    desk = desks()
    desk.apps.apply(CLERK, application())
    assert desk.sync.sync().ok
    backup = backup_store(
        desk.store.path, desk.store.settings.key(), desk.store.folder / "backups" / "b.db"
    )
    desk.apps.apply(CLERK, application())
    assert desk.sync.sync().ok
    folder = desk.store.folder
    desk.store.close()
    restore(
        folder,
        backup,
        authenticate=lambda s: UserService(OfficeContext(s)).login("admin", PASSWORD).actor,
    )
    store = Store.open(folder)
    try:
        summary = SyncService(ServiceContext(store, evaluation=service)).sync()
        assert summary.sent >= 1
    finally:
        store.close()
    with central.sessions() as session:
        told = session.scalars(
            select(central_tables.Operation).where(
                central_tables.Operation.kind == "store.restored"
            )
        ).all()
    assert len(told) == 1
    assert told[0].status == protocol.APPLIED, told[0].error
    assert told[0].payload["by"] == "admin" and told[0].payload["backup"] == "b.db"
