"""The long fuzzing run of the central API (the tests run a bounded one): the same
schemathesis tests as ``tests/sync/test_central_fuzz.py``, with many more examples per
route and mode, and random (not fixed) examples each run.

    python bench/fuzz_central.py [--examples 1000]

Prints pytest's summary; any failure shows the request that reproduces it (a curl line).
Needs the ``central`` extra, schemathesis (the ``dev`` extra) and PostgreSQL's Debian
packages (as `.ci/run` installs)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="per route and mode")
    args = parser.parse_args()
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(ROOT / "tests" / "sync" / "test_central_fuzz.py"),
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "CASEWORKER_FUZZ_EXAMPLES": str(args.examples),
        },
        check=False,
    )
    print(f"{args.examples} examples per route and mode in {time.perf_counter() - started:.0f} s")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
