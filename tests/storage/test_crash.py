"""Kill a process that is saving applications, at random moments, 50 times: the store
must stay whole and hold every application whose save had returned."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from caseworker.services.store import Store
from caseworker.storage.database import connect_raw
from tests.conftest import ROOT
from tests.stores import PASSWORD

KILLS = 50


def test_sigkill_never_loses_an_acknowledged_application(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store.init(
        folder,
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password=PASSWORD,
        key_file=tmp_path / "store.key",
    )
    key = store.settings.key()
    store.close()
    rng = random.Random(20261124)
    acknowledged: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_child", str(folder), str(kill * 300)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout is not None
        # wait until the child is saving (its first number), then kill it at a random
        # moment of the following saves
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready, "the child never saved an application"
        first = child.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        acknowledged += [line for line in [first, *out.splitlines()] if line.strip()]

        conn = connect_raw(folder / "store.db", key)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for number in acknowledged:
                row = conn.execute(
                    "SELECT id, state, receipt_number, decision FROM applications WHERE number = ?",
                    (number,),
                ).fetchone()
                assert row is not None, f"after kill {kill}: {number} is lost"
                app_id, state, receipt, decision = row
                assert (state, decision) == ("decided", "eligible") and receipt, number
                counts = [
                    conn.execute(
                        f"SELECT count(*) FROM {table} WHERE application_id = ?", (app_id,)
                    ).fetchone()[0]
                    for table in ("relatives", "decisions", "audit_events")
                ]
                assert counts == [1, 1, 3], (number, counts)
        finally:
            conn.close()
    conn = connect_raw(folder / "store.db", key)
    try:
        stored = conn.execute("SELECT count(*) FROM applications").fetchone()[0]
        partial = conn.execute(
            "SELECT count(*) FROM applications WHERE state != 'decided'"
        ).fetchone()[0]
    finally:
        conn.close()
    # the test is only worth something if saves were acknowledged and others were cut short
    assert len(acknowledged) >= KILLS
    assert partial > 0 and stored > len(acknowledged)
