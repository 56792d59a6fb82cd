"""Sync against the real server on a real PostgreSQL: enrolment, exactly-once pushes,
the person index, conflicts, rule packs, revocations, accounts, the audit head."""

from __future__ import annotations

import copy
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from caseworker.central import schema as central_tables
from caseworker.central.base import CentralError
from caseworker.central.service import Central
from caseworker.resources import resource_path
from caseworker.services.base import DuplicateError, ServiceError
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import PULLED_RULES, EvaluationService
from caseworker.services.printing import DocumentKind, PrintingService
from caseworker.services.sync import RoundSummary, SyncService, days_without_sync
from caseworker.services.users import UserService
from caseworker.storage import schema as tables
from caseworker.storage import sync as sync_repo
from caseworker.storage.database import transaction
from caseworker.sync import protocol
from caseworker.sync.client import CentralClient
from tests.stores import application, see_materials
from tests.sync.conftest import ADMIN, CLERK, OTHER_SUPERVISOR, SUPERVISOR, Desk, Server
from tests.sync.proxy import FAULTS, FaultProxy


def settle(desk: Desk, data: dict[str, Any]) -> str:
    """Take an application from draft to settled at one desk; its number."""
    view = desk.apps.apply(CLERK, data)
    desk.apps.approve(SUPERVISOR, view.number)
    see_materials(desk.apps, view.number)
    desk.apps.issue_permit(CLERK, view.number)
    desk.apps.mark_settled(CLERK, view.number)
    return view.number


def outbox(desk: Desk) -> dict[str, str]:
    with desk.store.sessions() as session:
        return dict(
            session.execute(
                select(tables.OutboxEntry.idempotency_key, tables.OutboxEntry.status)
            ).all()
        )


def central_ops(central: Central) -> dict[str, str]:
    with central.sessions() as session:
        return dict(
            session.execute(
                select(central_tables.Operation.idempotency_key, central_tables.Operation.status)
            ).all()
        )


def test_a_round_sends_every_operation_once_and_confirms_it(desks: Any, central: Central) -> None:
    desk = desks()
    settle(desk, application())
    waiting = outbox(desk)
    # six steps of the application, and the three accounts the desk was set up with
    assert len(waiting) == 9 and set(waiting.values()) == {"pending"}
    summary = desk.sync.sync()
    assert summary.ok, summary.error
    assert (summary.sent, summary.applied, summary.replayed) == (9, 9, 0)
    assert set(outbox(desk).values()) == {"confirmed"}
    assert set(central_ops(central)) == set(waiting)
    again = desk.sync.sync()
    assert again.ok and again.sent == 0
    status = desk.sync.status()
    assert status.enrolled and status.waiting == 0 and status.last_success_at is not None
    with central.sessions() as session:
        row = session.get(
            central_tables.CentralApplication, (desk.office_code, summary_number(central))
        )
        assert row is not None and row.state == "settled"
        assert (
            session.scalar(select(func.count()).select_from(central_tables.Settlement)) == 2
        )  # with the spouse


def summary_number(central: Central) -> str:
    with central.sessions() as session:
        return str(session.scalar(select(central_tables.CentralApplication.number)))


def test_the_same_batch_replayed_three_times_changes_nothing(
    desks: Any, central: Central, live: Server
) -> None:
    desk = desks()
    settle(desk, application())
    with desk.store.sessions() as session:
        batch = [
            {"key": i.key, "kind": i.kind, "payload": i.payload} for i in sync_repo.pending(session)
        ]
        link = sync_repo.link(session)
    assert link is not None
    signer = desk.sync._signer()

    def snapshot() -> list[Any]:
        with central.engine.connect() as conn:
            return [
                conn.execute(text(f"SELECT * FROM {name} ORDER BY 1")).all()
                for name in (
                    "operations",
                    "applications",
                    "person_claims",
                    "settlements",
                    "changes",
                    "conflicts",
                )
            ]

    with CentralClient(live.url) as client:
        first = client.push(link.device_id, signer.sign, batch, None)
        assert {o.status for o in first.outcomes} == {protocol.APPLIED}
        before = snapshot()
        for _ in range(3):
            reply = client.push(link.device_id, signer.sign, batch, None)
            assert {o.status for o in reply.outcomes} == {protocol.REPLAYED}
            assert [o.result.get("original") for o in reply.outcomes] == [protocol.APPLIED] * len(
                batch
            )
            assert snapshot() == before


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_on_the_way_loses_nothing_and_applies_nothing_twice(
    fault: str, desks: Any, central: Central, proxy: FaultProxy, service: EvaluationService
) -> None:
    # Only the faulted round is impatient (1 s against an answer held 2.5 s); enrolment and
    # the recovery round wait as long as a loaded CI machine may need, so a slow answer
    # there is never mistaken for the fault.
    proxy.delay_seconds = 2.5
    desk = desks(url=proxy.url, timeout=30.0)
    settle(desk, application())
    keys = set(outbox(desk))
    impatient = SyncService(ServiceContext(desk.store, evaluation=service), timeout=1.0)
    # the challenge, the token, the rule packs pull, then the push meets the fault
    proxy.fail_next("pass", "pass", "pass", fault)
    failed = impatient.sync()
    assert not failed.ok and failed.error
    status = desk.sync.status()
    assert status.last_error and status.next_attempt_at is not None  # backoff set
    assert set(outbox(desk).values()) == {"pending"}  # nothing confirmed without an answer
    committed = set(central_ops(central))
    assert committed in (set(), keys)  # the batch is one transaction
    done = desk.sync.sync()
    assert done.ok, done.error
    assert set(outbox(desk).values()) == {"confirmed"}
    assert set(central_ops(central)) == keys
    if fault in ("drop_response", "truncate", "delay"):
        assert done.replayed == len(keys)  # the server had committed: answered from storage
    with central.sessions() as session:
        assert session.scalar(select(func.count()).select_from(central_tables.Settlement)) == 2
    assert desk.sync.status().next_attempt_at is None


def test_two_offices_offline_accept_the_same_person_the_second_is_flagged_one_settlement(
    desks: Any, central: Central
) -> None:
    first, second = desks(), desks()
    data = application()
    number_a = settle(first, copy.deepcopy(data))
    number_b = settle(second, copy.deepcopy(data))  # offline: neither knew of the other
    assert first.sync.sync().ok
    summary = second.sync.sync()
    assert summary.ok and summary.conflicts > 0
    queue = second.sync.conflicts(SUPERVISOR)
    kinds = {q.kind for q in queue}
    assert kinds == {"person_elsewhere", "settlement_taken"}
    assert all(q.subject == number_b for q in queue)
    assert any(number_a in q.message for q in queue)
    assert not first.sync.conflicts(SUPERVISOR)
    with central.sessions() as session:
        held = session.scalars(select(central_tables.Settlement)).all()
        assert {(s.office_code, s.number) for s in held} == {(first.office_code, number_a)}
        assert len(held) == 2  # applicant and spouse, once each
        flagged = session.get(central_tables.CentralApplication, (second.office_code, number_b))
        assert flagged is not None and "already settled" in flagged.flagged
    # the supervisor resolves it; the resolution is audited
    second.sync.resolve(SUPERVISOR, queue[0].id, "called office A; ours voided")
    assert len(second.sync.conflicts(SUPERVISOR)) == 1
    with pytest.raises(ServiceError):
        second.sync.conflicts(CLERK)


def test_the_person_index_flags_a_person_before_acceptance(desks: Any) -> None:
    first, second = desks(), desks()
    data = application()
    taken = first.apps.apply(CLERK, copy.deepcopy(data))
    assert first.sync.sync().ok
    assert second.sync.sync().ok  # pulls the person index
    draft = second.apps.create_draft(CLERK, copy.deepcopy(data))
    flags = second.apps.flags(draft.number)
    assert any(first.office_code in f and "applicant" in f for f in flags)
    with pytest.raises(DuplicateError, match=first.office_code):
        second.apps.accept(CLERK, draft.number)
    # once withdrawn there and synced, the index lets it through
    first.apps.withdraw(CLERK, taken.number, "moved elsewhere")
    assert first.sync.sync().ok and second.sync.sync().ok
    assert second.apps.accept(CLERK, draft.number).state == "accepted"


def test_a_rejected_operation_is_set_aside_and_never_blocks_the_rest(
    desks: Any, central: Central
) -> None:
    desk = desks()
    desk.apps.apply(CLERK, application())
    with transaction(desk.store.sessions) as session:
        session.add(
            tables.OutboxEntry(
                idempotency_key="bad-one",
                kind="application.teleport",
                payload={"office_code": desk.office_code},
                created_at=datetime.now(),
            )
        )
    desk.apps.apply(CLERK, application())
    summary = desk.sync.sync()
    assert summary.ok and summary.set_aside == 1 and summary.applied == 3 + 3 + 3
    statuses = outbox(desk)
    assert statuses.pop("bad-one") == "set_aside"
    assert set(statuses.values()) == {"confirmed"}
    queue = desk.sync.conflicts(SUPERVISOR)
    assert [q.kind for q in queue] == ["rejected"] and "lacks 'application'" in queue[0].message
    assert desk.sync.status().set_aside == 1
    # the next round does not send it again; a supervisor may, once mended
    assert desk.sync.sync().sent == 0
    desk.sync.resolve(SUPERVISOR, queue[0].id, "sent again", resend=True)
    again = desk.sync.sync()
    assert again.sent == 1 and again.replayed == 1 and again.set_aside == 1  # the stored answer


def test_a_pull_never_overwrites_an_account_with_unsent_local_changes(
    desks: Any, central: Central
) -> None:
    desk = desks()
    users = UserService(OfficeContext(desk.store))
    assert desk.sync.sync().ok
    central.put_account(
        username="li",
        display_name="李（中心）",
        role="supervisor",
        password_hash="x" * 40,
        office_code=desk.office_code,
    )
    users.disable(ADMIN, "li", reason="left")  # local, not yet sent
    with desk.store.sessions() as session:
        waiting = sync_repo.pending_accounts(session)
    assert "li" in waiting
    with desk.store.sessions() as session:
        link = sync_repo.link(session)
    assert link is not None
    # pull the accounts alone, the local change still unsent (a round pushes first)
    with CentralClient(link.central_url) as client:
        signer = desk.sync._signer()
        client.authenticate(link.device_id, signer.sign)
        desk.sync._pull(client, link, signer, RoundSummary(), (protocol.ACCOUNTS,))
    with desk.store.sessions() as session:
        li = session.scalars(select(tables.User).where(tables.User.username == "li")).one()
        assert (li.active, li.role) == (False, "clerk")
    assert [q.kind for q in desk.sync.conflicts(SUPERVISOR)] == ["pull_skipped"]
    # a full round sends the local change first; the centre then holds it
    assert desk.sync.sync().ok
    with central.sessions() as session:
        account = session.get(central_tables.Account, (desk.office_code, "li"))
        assert account is not None and account.active is False and account.role == "clerk"


def test_accounts_are_pulled_for_their_office_only(desks: Any, central: Central) -> None:
    mine, other = desks(), desks()
    central.put_account(
        username="wang",
        display_name="王",
        role="clerk",
        password_hash="y" * 40,
        office_code=mine.office_code,
    )
    central.put_account(
        username="county", display_name="县局", role="supervisor", password_hash="z" * 40
    )
    assert mine.sync.sync().ok and other.sync.sync().ok
    with mine.store.sessions() as session:
        assert {"wang", "county"} <= {u for u in session.scalars(select(tables.User.username))}
    with other.store.sessions() as session:
        names = set(session.scalars(select(tables.User.username)))
        assert "county" in names and "wang" not in names


def _pack_text(policy: str, version: str) -> str:
    original = (resource_path("rules") / f"{policy}.yaml").read_text(encoding="utf-8")
    lines = original.splitlines()
    out = [f'version: "{version}"' if ln.startswith("version:") else ln for ln in lines]
    assert out != lines
    return "\n".join(out) + "\n"


def test_a_signed_rule_pack_is_pulled_validated_and_used(
    desks: Any, central: Central, tmp_path: Path
) -> None:
    desk = desks()
    evaluation = EvaluationService.from_resources(pulled=desk.store.folder / PULLED_RULES)
    desk.sync.evaluation = evaluation
    new = _pack_text("jinan-2017", "2099.1")
    central.publish_pack(new, policy="jinan-2017", version="2099.1")
    summary = desk.sync.sync()
    assert summary.ok and summary.packs == ["jinan-2017 2099.1"]
    assert (desk.store.folder / PULLED_RULES / "jinan-2017.yaml").read_text(encoding="utf-8") == new
    assert evaluation.book.pack("jinan-2017").version == "2099.1"
    # a fresh start of the desk uses it too
    assert (
        EvaluationService.from_resources(pulled=desk.store.folder / PULLED_RULES)
        .book.pack("jinan-2017")
        .version
        == "2099.1"
    )


def test_a_pack_with_a_wrong_signature_or_broken_content_is_refused_whole(
    desks: Any, central: Central
) -> None:
    desk = desks()
    evaluation = EvaluationService.from_resources(pulled=desk.store.folder / PULLED_RULES)
    desk.sync.evaluation = evaluation
    good = _pack_text("jinan-2020", "2099.2")
    central.publish_pack(good, policy="jinan-2020", version="2099.2")
    with central.sessions() as session, session.begin():  # tamper after signing
        row = session.scalars(
            select(central_tables.Change).where(central_tables.Change.stream == protocol.RULE_PACKS)
        ).one()
        row.body = {**row.body, "text": good.replace("2099.2", "2099.3")}
    broken = "policy: jinan-2021\nversion: x\n"
    central.publish_pack(broken, policy="jinan-2021", version="x")  # signed but invalid
    summary = desk.sync.sync()
    assert summary.ok and summary.packs == []
    refused = {q.subject: q.message for q in desk.sync.conflicts(SUPERVISOR)}
    assert "signature" in refused["jinan-2020"] and "validate" in refused["jinan-2021"]
    assert not (desk.store.folder / PULLED_RULES).exists()
    assert evaluation.book.pack("jinan-2020").version != "2099.2"


def test_a_decision_made_before_the_pack_changed_is_flagged_for_review(
    desks: Any, central: Central
) -> None:
    desk = desks()
    view = desk.apps.apply(CLERK, application())  # decided under the shipped jinan-2017
    used = view.decision.pack_versions if view.decision else {}
    assert "jinan-2017" in used
    central.publish_pack(_pack_text("jinan-2017", "2099.4"), policy="jinan-2017", version="2099.4")
    assert desk.sync.sync().ok
    queue = desk.sync.conflicts(SUPERVISOR)
    assert [(q.kind, q.subject) for q in queue] == [("pack_changed", view.number)]
    assert "decide it again" in queue[0].message


def test_a_revoked_permit_verifies_as_revoked(desks: Any, central: Central) -> None:
    desk = desks()
    view = desk.apps.apply(CLERK, application())
    desk.apps.approve(SUPERVISOR, view.number)
    see_materials(desk.apps, view.number)
    issued = desk.apps.issue_permit(CLERK, view.number)
    printing = PrintingService(desk.apps.context)
    printed = printing.print_document(CLERK, view.number, DocumentKind.PERMIT)
    assert printing.verify(printed.record.payload).status == "valid"
    central.revoke(str(issued.permit_number), "issued on a forged diploma")
    assert desk.sync.sync().ok
    verdict = printing.verify(printed.record.payload, actor=CLERK)
    assert verdict.status == "revoked" and "forged" in verdict.message
    anonymous = printing.verify(printed.record.payload)  # the reason is the office's
    assert anonymous.status == "revoked" and "forged" not in anonymous.message


def test_a_cut_short_audit_trail_shows_at_the_next_sync(desks: Any, central: Central) -> None:
    desk = desks()
    desk.apps.apply(CLERK, application())
    assert desk.sync.sync().ok
    with central.sessions() as session:
        device = session.scalars(select(central_tables.Device)).one()
        seen = device.audit_seq
    assert seen is not None
    # wipe the newest events and the head (what a cover-up would do), then add one
    with desk.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq > :s"), {"s": seen - 3})
        conn.execute(text("UPDATE audit_head SET seq = :s"), {"s": seen - 3})
    summary = desk.sync.sync()
    assert any("cut short" in w for w in summary.warnings)
    assert [q.kind for q in desk.sync.conflicts(SUPERVISOR)] == ["audit_trail"]
    with central.sessions() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(central_tables.Conflict)
                .where(central_tables.Conflict.kind == "audit_trail")
            )
            == 1
        )


def test_permits_need_a_supervisor_after_the_days_without_sync(desks: Any) -> None:
    desk = desks()
    assert desk.sync.sync().ok
    view = desk.apps.apply(CLERK, application())
    desk.apps.approve(SUPERVISOR, view.number)
    with transaction(desk.store.sessions) as session:
        sync_repo.update_link(
            session, last_success_at=datetime.now() - timedelta(days=3, minutes=1)
        )
    status = desk.sync.status()
    assert status.stale and 3 < (status.days_without_sync or 0) < 3.1
    see_materials(desk.apps, view.number)
    with pytest.raises(ServiceError, match="supervisor must issue permits"):
        desk.apps.issue_permit(CLERK, view.number)
    assert desk.apps.issue_permit(OTHER_SUPERVISOR, view.number).permit_number
    desk.sync.set_stale_days(ADMIN, 7)
    assert not desk.sync.status().stale


def test_a_failed_round_backs_off_and_the_timer_waits(desks: Any, tmp_path: Path) -> None:
    desk = desks()
    with transaction(desk.store.sessions) as session:
        sync_repo.update_link(session, central_url="http://127.0.0.1:9")  # nothing listens
    first = desk.sync.sync()
    assert not first.ok and "cannot be reached" in first.error
    assert not desk.sync.due()
    status = desk.sync.status()
    assert status.next_attempt_at is not None
    wait = status.next_attempt_at - (status.last_attempt_at or datetime.now())
    assert timedelta(seconds=14) < wait < timedelta(seconds=31)
    desk.sync.sync()
    status2 = desk.sync.status()
    assert status2.next_attempt_at is not None
    assert status2.next_attempt_at - (status2.last_attempt_at or datetime.now()) > timedelta(
        seconds=29
    )


def test_enrolment_codes_are_one_time_and_for_one_office(central: Central, live: Server) -> None:
    code = central.issue_code("370102099")
    key = "ab" * 32
    with CentralClient(live.url) as client:
        with pytest.raises(Exception, match="not 370102098"):
            client.enrol(code=code, office_code="370102098", device_code="X", public_key=key)
        client.enrol(
            code=code,
            office_code="370102099",
            device_code="X",
            public_key="3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        )
        with pytest.raises(Exception, match="unknown, used or expired"):
            client.enrol(code=code, office_code="370102099", device_code="X", public_key=key)
    with pytest.raises(CentralError):
        central.issue_code("12")


def test_a_token_needs_the_enrolled_key(desks: Any, live: Server) -> None:
    desk = desks()
    with desk.store.sessions() as session:
        link = sync_repo.link(session)
    assert link is not None
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: PLC0415

    stranger = Ed25519PrivateKey.generate()
    with (
        CentralClient(live.url) as client,
        pytest.raises(Exception, match="signature does not match"),
    ):
        client.authenticate(link.device_id, stranger.sign)
    response = httpx.post(live.url + "/v1/push", json={"operations": []})
    assert response.status_code == 401


def test_the_openapi_document_is_published(live: Server) -> None:
    spec = httpx.get(live.url + "/openapi.json").json()
    assert {"/v1/enrol", "/v1/challenge", "/v1/token", "/v1/push", "/v1/pull/{stream}"} <= set(
        spec["paths"]
    )


def test_paging_never_skips_a_transaction_that_commits_late(central: Central) -> None:
    """Two writers: A takes the lower sequence number but commits after B. A reader
    paging in between must see B only later, together with A, never skip A."""
    from caseworker.central import changes  # noqa: PLC0415

    at = datetime.now()
    a_wrote, b_done = threading.Event(), threading.Event()

    def writer_a() -> None:
        with central.sessions() as session, session.begin():
            changes.record(session, [(protocol.PERSONS, "", "a", {"who": "a"})], at)
            a_wrote.set()
            b_done.wait(10)

    thread = threading.Thread(target=writer_a)
    thread.start()
    assert a_wrote.wait(10)
    with central.sessions() as session, session.begin():
        changes.record(session, [(protocol.PERSONS, "", "b", {"who": "b"})], at)
    with central.sessions() as session:
        seen, cursor, _ = changes.page(
            session, protocol.PERSONS, protocol.START, scope="", limit=100
        )
    assert seen == []  # B is held back while the older A is still open
    b_done.set()
    thread.join()
    with central.sessions() as session:
        seen, cursor, _ = changes.page(session, protocol.PERSONS, cursor, scope="", limit=100)
    assert [s["who"] for s in seen] == ["a", "b"]
    with central.sessions() as session:
        assert changes.page(session, protocol.PERSONS, cursor, scope="", limit=100)[0] == []


def test_days_without_sync_counts_from_enrolment_until_the_first_success(desks: Any) -> None:
    desk = desks()
    with desk.store.sessions() as session:
        link = sync_repo.link(session)
    assert link is not None
    assert days_without_sync(link, link.enrolled_at + timedelta(days=2)) == pytest.approx(2)


def test_the_same_key_twice_in_one_batch_is_applied_once(
    desks: Any, central: Central, live: Server
) -> None:
    desk = desks()
    desk.apps.apply(CLERK, application())
    with desk.store.sessions() as session:
        first = sync_repo.pending(session)[-1]
        link = sync_repo.link(session)
    assert link is not None
    op = {"key": first.key, "kind": first.kind, "payload": first.payload}
    with CentralClient(live.url) as client:
        reply = client.push(link.device_id, desk.sync._signer().sign, [op, op], None)
    assert [o.status for o in reply.outcomes] == [protocol.APPLIED, protocol.REPLAYED]
    with central.sessions() as session:
        assert session.scalar(select(func.count()).select_from(central_tables.Operation)) == 1
