"""The installed program: its size unpacked, and its cold start to the login window,
against a bare PySide6 window bundled the same way (installer/caseworker.spec, BARE=1)
and measured in the same run.

    python bench/bench_bundle.py [--runs 5] [--no-build] [--json]

Cold means the page cache dropped before each start (``/proc/sys/vm/drop_caches``, which
needs root); where that is refused the report says so and gives warm starts only.
Targets (issue 9): under 150 MB unpacked; start ratio at most 1.5.
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

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def _build(bare: bool) -> None:
    env = {**os.environ, "BARE": "1" if bare else "0", "PYTHON": sys.executable}
    subprocess.run([str(ROOT / "installer" / "build.sh")], check=True, env=env, cwd=ROOT)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _start(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command[0]} never showed its window")
    child.kill()
    child.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="measure what dist/ holds")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        _build(bare=False)
        _build(bare=True)
    desk, bare = DIST / "caseworker-desk", DIST / "bare-window"
    work = Path(tempfile.mkdtemp(prefix="caseworker-bundle-bench-"))
    (work / "pw").write_text("bench-pass-1\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(work)}
    subprocess.run(
        [
            str(desk / "caseworker"),
            "init",
            "--data-dir",
            str(work / "data"),
            "--office",
            "370102001",
            "--station",
            "泉城路派出所",
            "--admin-password-file",
            str(work / "pw"),
            "--key-file",
            str(work / "store.key"),
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    desk_command = [str(desk / "caseworker-desk"), "--data-dir", str(work / "data")]
    desk_env = {**env, "CASEWORKER_REPORT_SHOWN": "1"}
    cold = _drop_caches()
    times: dict[str, list[float]] = {"desk": [], "bare": []}
    for _ in range(args.runs):  # interleaved: a busy moment hits both alike
        for name, command, run_env in (
            ("bare", [str(bare / "bare-window")], env),
            ("desk", desk_command, desk_env),
        ):
            if cold:
                _drop_caches()
            times[name].append(_start(command, run_env))
    d, b = statistics.median(times["desk"]), statistics.median(times["bare"])
    report: dict[str, Any] = {
        "desk_unpacked_mb": round(_size(desk) / 1e6, 1),
        "bare_unpacked_mb": round(_size(bare) / 1e6, 1),
        "size_ratio": round(_size(desk) / _size(bare), 2),
        "start": "cold (page cache dropped before each)" if cold else "warm (cannot drop caches)",
        "desk_start_s": round(d, 3),
        "bare_start_s": round(b, 3),
        "start_ratio": round(d / b, 2),
        "targets_met": {
            "under_150_mb": _size(desk) < 150e6,
            "start_ratio<=1.5": d <= 1.5 * b,
        },
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(f"{key:<20} {value}")


if __name__ == "__main__":
    main()
