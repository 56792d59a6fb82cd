"""A hypothesis state machine: three desks take, advance and withdraw applications
(some for the same people), and sync through a proxy that injects faults. After every
step nothing entered is lost; once the faults stop and every desk has synced twice,
centre and desks agree, no operation was applied twice, and each person is settled at
most once at the centre."""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from caseworker.central import schema as central_tables
from caseworker.central.service import Central
from caseworker.models.workflow import WorkflowError
from caseworker.services.base import ServiceError
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.sync import SyncService
from caseworker.storage import schema as tables
from tests.stores import application
from tests.sync.conftest import CLERK, SUPERVISOR, Desk, empty, make_desk
from tests.sync.proxy import FAULTS, FaultProxy

DESKS = 3
PEOPLE = 4  # a small pool, so that offices meet the same person


def test_desks_and_centre_converge(
    tmp_path: Path, central: Central, proxy: FaultProxy, service: EvaluationService
) -> None:
    people = [application() for _ in range(PEOPLE)]
    examples = iter(range(10_000))
    proxy.delay_seconds = 1.5

    class Offices(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            empty(central.engine)
            n = next(examples)
            self.desks: list[Desk] = [
                make_desk(tmp_path / f"ex{n}" / f"d{i}", central, proxy.url, service, timeout=30.0)
                for i in range(DESKS)
            ]
            # A faulted round waits 1 s (against answers held 1.5 s); enrolment and the
            # converging rounds wait long enough that a loaded machine is never a fault.
            self.impatient = [
                SyncService(ServiceContext(d.store, evaluation=service), timeout=1.0)
                for d in self.desks
            ]
            self.created: list[set[str]] = [self._keys(d) for d in self.desks]
            self.numbers: list[list[str]] = [[] for _ in self.desks]

        @staticmethod
        def _keys(desk: Desk) -> set[str]:
            with desk.store.sessions() as session:
                return set(session.scalars(select(tables.OutboxEntry.idempotency_key)))

        def _note(self, i: int) -> None:
            self.created[i] |= self._keys(self.desks[i])

        @rule(i=st.integers(0, DESKS - 1), who=st.integers(0, PEOPLE - 1))
        def take(self, i: int, who: int) -> None:
            desk = self.desks[i]
            try:
                view = desk.apps.create_draft(CLERK, copy.deepcopy(people[who]))
                self.numbers[i].append(view.number)
                desk.apps.accept(CLERK, view.number)
                desk.apps.decide(CLERK, view.number)
            except (ServiceError, WorkflowError):
                pass  # the same person open here, or flagged by the person index
            self._note(i)

        @rule(i=st.integers(0, DESKS - 1), pick=st.integers(0, 50), steps=st.integers(1, 3))
        def advance(self, i: int, pick: int, steps: int) -> None:
            desk = self.desks[i]
            if not self.numbers[i]:
                return
            number = self.numbers[i][pick % len(self.numbers[i])]
            moves = [
                lambda: desk.apps.approve(SUPERVISOR, number),
                lambda: desk.apps.issue_permit(CLERK, number),
                lambda: desk.apps.mark_settled(CLERK, number),
            ]
            for move in moves[:steps]:
                with contextlib.suppress(ServiceError, WorkflowError):  # not in the state for it
                    move()
            self._note(i)

        @rule(i=st.integers(0, DESKS - 1), pick=st.integers(0, 50))
        def withdraw(self, i: int, pick: int) -> None:
            if not self.numbers[i]:
                return
            number = self.numbers[i][pick % len(self.numbers[i])]
            with contextlib.suppress(ServiceError, WorkflowError):
                self.desks[i].apps.withdraw(CLERK, number, "the applicant changed their mind")
            self._note(i)

        @rule(
            i=st.integers(0, DESKS - 1),
            fault=st.sampled_from(("pass", *FAULTS)),
            at=st.integers(0, 6),
        )
        def sync(self, i: int, fault: str, at: int) -> None:
            proxy.plan.clear()
            proxy.fail_next(*(["pass"] * at), fault)
            self.impatient[i].sync()
            proxy.plan.clear()

        @invariant()
        def nothing_entered_is_lost(self) -> None:
            for i, desk in enumerate(self.desks):
                assert self._keys(desk) == self.created[i]
            with central.sessions() as session:
                held = set(session.scalars(select(central_tables.Operation.idempotency_key)))
            assert held <= set().union(*self.created)

        def teardown(self) -> None:
            try:
                self._converge()
            finally:
                for desk in self.desks:
                    desk.close()

        def _converge(self) -> None:
            proxy.plan.clear()
            for _ in range(2):
                for desk in self.desks:
                    summary = desk.sync.sync()
                    assert summary.ok, summary.error
            everything = set().union(*self.created)
            with central.sessions() as session:
                ops = dict(
                    session.execute(
                        select(
                            central_tables.Operation.idempotency_key,
                            central_tables.Operation.device_id,
                        )
                    ).all()
                )
                apps = {
                    (a.office_code, a.number): a.state
                    for a in session.scalars(select(central_tables.CentralApplication))
                }
                settled = {
                    s.id_number: (s.office_code, s.number)
                    for s in session.scalars(select(central_tables.Settlement))
                }
                claims = {
                    (x.office_code, x.number, x.id_number): x.state
                    for x in session.scalars(select(central_tables.PersonClaim))
                }
            assert set(ops) == everything  # none lost, none extra
            for desk in self.desks:
                with desk.store.sessions() as session:
                    statuses = set(session.scalars(select(tables.OutboxEntry.status)))
                    local = {
                        (desk.office_code, a.number): a.state
                        for a in session.scalars(select(tables.Application))
                    }
                    index = {
                        (x.office_code, x.number, x.id_number): x.state
                        for x in session.scalars(select(tables.PersonIndexEntry))
                        if x.state != "removed"
                    }
                    taken = set(
                        session.scalars(
                            select(tables.SyncConflict.subject).where(
                                tables.SyncConflict.kind == "settlement_taken"
                            )
                        )
                    )
                assert statuses == {"confirmed"}
                for key, state in local.items():
                    assert apps[key] == state  # the centre agrees with the desk
                    if state == "settled" and key not in set(settled.values()):
                        assert key[1] in taken  # settled here, but another office was first
                assert index == claims  # every desk holds the centre's person index
            for office_number in settled.values():
                assert apps[office_number] == "settled"

    run_state_machine_as_test(
        Offices,
        settings=settings(
            max_examples=8,
            stateful_step_count=14,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
