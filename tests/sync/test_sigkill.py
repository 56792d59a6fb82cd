"""`caseworker sync` killed with SIGKILL mid-round 20 times, against the real server on
PostgreSQL behind a slow proxy: the next round completes, and the centre holds every
operation exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from caseworker.central import schema as central_tables
from caseworker.central.service import Central
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.storage import schema as tables
from tests.conftest import ROOT
from tests.stores import application
from tests.sync.conftest import CLERK, PASSWORD, make_desk
from tests.sync.proxy import FaultProxy

KILLS = 20
APPLICATIONS = 120


def _statuses(folder_store: Any) -> dict[str, str]:
    with folder_store.sessions() as session:
        return dict(
            session.execute(
                select(tables.OutboxEntry.idempotency_key, tables.OutboxEntry.status)
            ).all()
        )


def _requests(proxy: FaultProxy) -> int:
    """How many connections the proxy has taken so far."""
    return sum(list(proxy.seen.values()))


def test_sigkill_mid_sync_loses_and_duplicates_nothing(
    tmp_path: Path, central: Central, proxy: FaultProxy, service: EvaluationService
) -> None:
    folder = tmp_path / "desk"
    desk = make_desk(folder, central, proxy.url, service, key_file=tmp_path / "store.key")
    for _ in range(APPLICATIONS):
        desk.apps.apply(CLERK, application())
    keys = set(_statuses(desk.store))
    assert len(keys) == APPLICATIONS * 3 + 3
    desk.close()

    proxy.latency = 0.25  # every answer a little slow, so a kill lands mid-round
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CASEWORKER_USER": "admin",
        "CASEWORKER_PASSWORD": PASSWORD,
        "CASEWORKER_SYNC_BATCH": "25",
    }
    command = [sys.executable, "-c", "from caseworker.cli import run; run()"]
    command += ["sync", "--data-dir", str(folder)]
    rng = random.Random(20261125)
    partial = 0
    for _ in range(KILLS):
        before = _requests(proxy)
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # the clock starts at the round's first request, not at the process's start: how
        # long the imports take differs by machine (seconds where no .pyc may be written)
        deadline = time.monotonic() + 60
        while _requests(proxy) == before and child.poll() is None:
            assert time.monotonic() < deadline, "caseworker sync never reached the centre"
            time.sleep(0.02)
        time.sleep(rng.uniform(0.2, 3.0))
        finished = child.poll() is not None
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert finished or child.returncode == -signal.SIGKILL
        reopened = Store.open(folder)
        try:
            statuses = _statuses(reopened)
        finally:
            reopened.close()
        confirmed = sum(1 for s in statuses.values() if s == "confirmed")
        if 0 < confirmed < len(keys):
            partial += 1
        assert set(statuses) == keys  # nothing lost on the device, whenever it died
    assert partial >= 2, "some kills should land in the middle of a push"

    proxy.latency = 0.0
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    reopened = Store.open(folder)
    try:
        assert set(_statuses(reopened).values()) == {"confirmed"}
    finally:
        reopened.close()
    with central.sessions() as session:
        held = set(session.scalars(select(central_tables.Operation.idempotency_key)))
        assert held == keys
        assert (
            session.scalar(select(func.count()).select_from(central_tables.CentralApplication))
            == APPLICATIONS
        )
        claims = session.scalar(select(func.count()).select_from(central_tables.PersonClaim))
        assert claims == APPLICATIONS * 2  # applicant and spouse, once each
        persons = session.scalar(
            select(func.count())
            .select_from(central_tables.Change)
            .where(central_tables.Change.stream == "persons")
        )
        # draft, accepted, decided: three index changes per person, never a repeated one
        assert persons == APPLICATIONS * 2 * 3
