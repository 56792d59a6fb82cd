"""Key-file mode (issue 21's follow-up, finding 2): the audit key and the device signing
key sat beside the store key file with the same permissions, so whoever was given the
store key had all three. `init --key-file` can now keep them, with the audit trail's
high-water mark, in a file the IT person chooses away from it, or in the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.printing.model import DocumentKind
from caseworker.security import secrets as keys
from caseworker.services.applications import ApplicationService
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.printing import PrintingService
from caseworker.services.store import SetupError, Store
from caseworker.services.users import UserService
from tests.conftest import MemoryKeyring
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, PASSWORD, Clock


def _init(folder: Path, **where: object) -> Store:
    store = Store.init(
        folder,
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password=PASSWORD,
        **where,  # type: ignore[arg-type]
    )
    users = UserService(OfficeContext(store))
    admin = users.login("admin", PASSWORD).actor
    for name, role in (("li", "clerk"), ("zhao", "supervisor")):
        users.add(admin, username=name, role=role, password=PASSWORD)
    return store


def _use(store: Store, service: EvaluationService) -> None:
    """A permit printed (the device key made) and the store reopened (the mark read)."""
    apps = ApplicationService(ServiceContext(store, Clock(), evaluation=service))
    PrintingService(apps.context).print_document(CLERK, _permit_ready(apps), DocumentKind.PERMIT)
    folder = store.folder
    store.close()
    again = Store.open(folder, verify=True)
    try:
        assert again.audit_report is not None and again.audit_report.ok, again.audit_report
    finally:
        again.close()


def test_the_audit_key_device_key_and_mark_can_live_away_from_the_store_key(
    tmp_path: Path, service: EvaluationService
) -> None:
    key_file = tmp_path / "repair" / "store.key"
    audit_file = tmp_path / "it-only" / "audit.key"
    store = _init(tmp_path / "data", key_file=key_file, audit_key_file=audit_file)
    _use(store, service)
    beside = sorted(p.name for p in key_file.parent.iterdir())
    assert beside == ["store.key"], beside  # the store key alone: nothing else to pick up
    assert audit_file.is_file()
    assert Path(f"{audit_file}.device").is_file()
    assert keys.mark_file(audit_file).is_file()


def test_or_in_the_keyring(
    tmp_path: Path, service: EvaluationService, memory_keyring: MemoryKeyring
) -> None:
    key_file = tmp_path / "repair" / "store.key"
    store = _init(tmp_path / "data", key_file=key_file, audit_key_in_keyring=True)
    store_id = store.settings.store_id
    _use(store, service)
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["store.key"]
    entries = {name for _, name in memory_keyring.secrets}
    assert {f"audit-key:{store_id}", f"device-key:{store_id}", f"audit-mark:{store_id}"} <= (
        entries
    )
    assert f"store-key:{store_id}" not in entries


@pytest.mark.parametrize("place", ["beside the store key", "in the store's folder"])
def test_an_audit_key_file_next_to_what_it_guards_is_refused(tmp_path: Path, place: str) -> None:
    key_file = tmp_path / "keys" / "store.key"
    audit_file = (
        key_file.parent / "audit.key"
        if place == "beside the store key"
        else tmp_path / "data" / "a.key"
    )
    with pytest.raises(SetupError, match="must not be in the folder"):
        _init(tmp_path / "data", key_file=key_file, audit_key_file=audit_file)
    assert not key_file.exists()


def test_the_default_key_file_mode_is_unchanged(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "store.key"
    store = _init(tmp_path / "data", key_file=key_file)
    store.close()
    assert keys.audit_key_file(key_file).is_file()  # beside it: the README says what that means
