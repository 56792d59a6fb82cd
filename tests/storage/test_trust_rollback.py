"""Rollback (issue 21's follow-up, finding 3): the whole store folder copied back from a
snapshot taken before a supervisor voided a permit undid the void with no key at all,
and `audit verify` said intact. The newest event's number and MAC are now kept outside
the folder (the keyring, or beside the audit key file) and checked at every open."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from caseworker.printing.model import DocumentKind
from caseworker.security import secrets as keys
from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.printing import PrintingService
from caseworker.services.store import Store, restore
from caseworker.services.users import UserService
from caseworker.storage.maintenance import backup_store
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, PASSWORD, SUPERVISOR, Clock


def _setup(folder: Path, key_file: Path | None) -> Store:
    store = Store.init(
        folder,
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password=PASSWORD,
        key_file=key_file,
    )
    users = UserService(OfficeContext(store))
    admin = users.login("admin", PASSWORD).actor
    for name, role in (("li", "clerk"), ("zhao", "supervisor"), ("qian", "supervisor")):
        users.add(admin, username=name, role=role, password=PASSWORD)
    return store


@pytest.mark.parametrize("mode", ["keyring", "key file"])
def test_a_folder_put_back_from_before_a_void_is_found_rolled_back(
    tmp_path: Path, service: EvaluationService, mode: str
) -> None:
    folder = tmp_path / "data"
    key_file = tmp_path / "keys" / "store.key" if mode == "key file" else None
    store = _setup(folder, key_file)
    apps = ApplicationService(ServiceContext(store, Clock(), evaluation=service))
    printing = PrintingService(apps.context)
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    store.close()
    snapshot = tmp_path / "snapshot"
    shutil.copytree(folder, snapshot)  # taken before the void, no key needed
    store = Store.open(folder)
    apps = ApplicationService(ServiceContext(store, Clock(), evaluation=service))
    apps.void(SUPERVISOR, number, "材料系伪造")
    store.close()
    shutil.rmtree(folder)
    shutil.copytree(snapshot, folder)  # the void undone

    store = Store.open(folder, verify=True)
    try:
        assert store.audit_report is not None and not store.audit_report.ok
        kinds = [f.kind for f in store.audit_report.findings]
        assert "rolled back" in kinds, store.audit_report
        assert store.rolled_back is not None and "earlier copy" in store.rolled_back
        # the permit is not called valid by a store that was put back
        verdict = PrintingService(ServiceContext(store, evaluation=service)).verify(
            printed.record.payload
        )
        assert verdict.status == "unknown" and "rolled back" in verdict.message, verdict
    finally:
        store.close()
    # said in the chain for ever: every later open and `audit verify` still see it
    again = Store.open(folder, verify=True)
    try:
        assert again.rolled_back is None  # found once; the chain keeps it
        assert again.audit_report is not None and not again.audit_report.ok
        UserService(OfficeContext(again)).login("zhao", PASSWORD, source="cli")
        after = AuditService(OfficeContext(again)).verify(SUPERVISOR)
        assert any(f.kind == "rolled back" for f in after.findings), after
    finally:
        again.close()
    if key_file is not None:
        mark = keys.mark_file(keys.audit_key_file(key_file))
        assert mark.is_file() and mark.parent != folder
        if os.name == "posix":
            assert not mark.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def test_a_restore_through_caseworker_restore_is_no_rollback(
    store: Store, apps: ApplicationService
) -> None:
    _permit_ready(apps)
    backup = backup_store(store.path, store.settings.key(), store.folder / "backups" / "b.db")
    _permit_ready(apps)
    folder = store.folder
    store.close()
    restore(
        folder,
        backup,
        authenticate=lambda s: UserService(OfficeContext(s)).login("admin", PASSWORD).actor,
    )
    again = Store.open(folder, verify=True)
    try:
        assert again.rolled_back is None
        assert again.audit_report is not None and again.audit_report.ok, again.audit_report
    finally:
        again.close()


def test_an_untouched_store_is_not_rolled_back(store: Store, apps: ApplicationService) -> None:
    _permit_ready(apps)
    folder = store.folder
    store.close()
    for _ in range(2):
        again = Store.open(folder, verify=True)
        try:
            assert again.rolled_back is None
            assert again.audit_report is not None and again.audit_report.ok
        finally:
            again.close()
