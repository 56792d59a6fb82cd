"""An account change is one ``record_change``: its audit event and its outbox entry for the
centre, under the name the centre knows it by (``account.changed``), with the office, the
device and the actor like every other change; a login is audited and never sent."""

from __future__ import annotations

from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import UserService
from caseworker.storage import audit
from caseworker.storage import sync as sync_repo
from tests.stores import PASSWORD

ADMIN = Actor("admin", "admin")


def test_an_account_change_is_audited_and_queued_for_the_centre(store: Store) -> None:
    users = UserService(OfficeContext(store))
    office = store.office()
    with store.sessions() as session:
        before = len(sync_repo.pending(session))
    users.add(ADMIN, username="sun", role="clerk", password=PASSWORD, display_name="孙")
    users.disable(ADMIN, "sun", reason="left")
    users.login("admin", PASSWORD)  # audited, not an account change
    with store.sessions() as session:
        queued = sync_repo.pending(session)[before:]
    assert [item.kind for item in queued] == ["account.changed", "account.changed"]
    added, disabled = (item.payload for item in queued)
    for payload in (added, disabled):
        assert payload["office_code"] == office.office_code
        assert payload["device_code"] == office.device_code
        assert payload["actor"] == "admin" and payload["username"] == "sun"
        assert payload["role"] == "clerk" and payload["password_hash"].startswith("$argon2")
    assert added["active"] is True and disabled["active"] is False
    with store.sessions() as session:
        actions = [e.action for e in reversed(audit.events(session, actor="admin"))]
    assert actions[-3:] == ["user.add", "user.disable", "login"]
