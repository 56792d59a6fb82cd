"""The desk's speed: process start to the login window shown, against a bare PySide6
window measured in the same run; closing the window to the end of the process; and the
queue at a large store (first page, scrolling page by page, search as the clerk types)
against the bare service call it wraps.

    python bench/bench_desk.py [--runs 5] [--keep /tmp/bench-full] [--json]

``--keep`` reuses (or generates, with bench_store's generator) a store of 300,000
applications; without it only the start-up is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from caseworker.services.context import ServiceContext

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget()
w.setWindowTitle("bare")
w.show()
app.processEvents()
print("shown", flush=True)
"""

DESK = """
import sys
from PySide6.QtWidgets import QApplication
import ui.login

def shown(self):
    self.show()
    QApplication.processEvents()
    print("shown", flush=True)
    return 0

ui.login.LoginDialog.exec = shown
import ui.app
sys.exit(ui.app.main(["caseworker-desk", "--data-dir", sys.argv[1]]))
"""


def _start_time(code: str, *args: str) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError("the window was never shown")
    child.wait(timeout=60)
    return elapsed


def bench_start(runs: int) -> dict[str, Any]:
    from caseworker.services.store import Store  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="caseworker-desk-bench-")) / "data"
    Store.init(
        folder,
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password="bench-pass-1",
        key_file=folder.parent / "store.key",
    ).close()
    bare, desk = [], []
    for _ in range(runs):  # interleaved, so a busy moment hits both alike
        bare.append(_start_time(BARE))
        desk.append(_start_time(DESK, str(folder)))
    b, d = statistics.median(bare), statistics.median(desk)
    return {"bare_s": round(b, 3), "desk_s": round(d, 3), "ratio": round(d / b, 2)}


def _exit_time() -> float:
    """Seconds from closing the window to the end of the process, by the installer's
    self-test (log in, twelve searches on the database worker, quit the desk's way): the
    closing it reports itself, then from its last line to the process's end (its
    throw-away folder is removed in between, which the desk does not do)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "ui.app", "--self-test"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    said = time.perf_counter()
    child.wait(timeout=60)
    ended = time.perf_counter()
    if "self-test: ok" not in line:
        raise RuntimeError(f"the self-test failed: {line.strip()}")
    closing = float(line.split("closed in ")[1].split(" s")[0])
    return closing + (ended - said)


def bench_exit(runs: int) -> dict[str, Any]:
    times = [_exit_time() for _ in range(runs)]
    return {"exit_s_median": round(statistics.median(times), 2), "exit_s_max": round(max(times), 2)}


def bench_queue(folder: Path, queries: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from bench.bench_store import generate  # noqa: PLC0415
    from caseworker.services.applications import Actor, ApplicationService  # noqa: PLC0415
    from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415
    from caseworker.storage.database import connect_raw  # noqa: PLC0415
    from ui.queue_model import ApplicationQueueModel, QueueFilter  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    data = folder / "data"
    store = (
        Store.open(data)
        if (data / "settings.json").exists()
        else generate(data, 1_000_000, 300_000)
    )
    evaluation = EvaluationService.from_resources()
    apps = ApplicationService(ServiceContext(store, evaluation=evaluation))
    clerk = Actor("bench", "clerk")
    runner = TaskRunner()
    model = ApplicationQueueModel(apps, clerk, runner, evaluation.divisions)

    def until_loaded(action: Any) -> float:
        done: list[int] = []
        model.loaded.connect(done.append)
        started = time.perf_counter()
        action()
        while not done:
            app.processEvents()
        model.loaded.disconnect(done.append)
        return (time.perf_counter() - started) * 1000

    first_page = until_loaded(model.refresh)
    scroll = [until_loaded(model.fetchMore) for _ in range(20)]
    raw = connect_raw(store.path, store.settings.key())
    names = [
        row[0]
        for row in raw.execute(
            "SELECT name FROM persons WHERE id IN (SELECT applicant_id FROM applications "
            "ORDER BY random() LIMIT ?)",
            (queries,),
        )
    ]
    raw.close()
    typed, bare = [], []
    for name in names:
        typed.append(until_loaded(lambda n=name: model.set_filter(QueueFilter(text=n))))

        def bare_call(n: str = name) -> float:  # on the same database worker
            started = time.perf_counter()
            apps.search(clerk, n, page_size=model.PAGE_SIZE)
            return (time.perf_counter() - started) * 1000

        got: list[float] = []
        runner.store(bare_call, got.append, lambda _exc, g=got: g.append(float("nan")))
        while not got:
            app.processEvents()
        bare.append(got[0])
    runner.wait()
    rows = model.rowCount()
    store.close()

    def p95(samples: list[float]) -> float:
        return round(sorted(samples)[int(len(samples) * 0.95) - 1], 2)

    return {
        "first_page_ms": round(first_page, 2),
        "scroll_page_p95_ms": p95(scroll),
        "search_p95_ms": p95(typed),
        "bare_search_p95_ms": p95(bare),
        "search_ratio": round(p95(typed) / p95(bare), 2),
        "rows_after_last_search": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a large store's folder (bench_store --keep)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, Any] = {"start": bench_start(args.runs), "exit": bench_exit(args.runs)}
    if args.keep:
        report["queue"] = bench_queue(args.keep, args.queries)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    start = report["start"]
    print(
        f"start to login window: desk {start['desk_s']} s, bare PySide6 window "
        f"{start['bare_s']} s, ratio {start['ratio']} (target <= 1.5)"
    )
    print(
        f"window closed to process ended: median {report['exit']['exit_s_median']} s, "
        f"slowest {report['exit']['exit_s_max']} s (target < 1 s)"
    )
    if "queue" in report:
        q = report["queue"]
        print(
            f"queue: first page {q['first_page_ms']} ms; a further page p95 "
            f"{q['scroll_page_p95_ms']} ms; search p95 {q['search_p95_ms']} ms vs the bare "
            f"service call {q['bare_search_p95_ms']} ms (ratio {q['search_ratio']})"
        )


if __name__ == "__main__":
    main()
