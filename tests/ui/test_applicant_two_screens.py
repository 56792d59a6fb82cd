"""The applicant's screen with two virtual screens. Qt picks its platform once per
process, so the scenario (``two_screens_run.py``) runs in its own pytest process with
``QT_QPA_PLATFORM=offscreen:configfile=…``. The offscreen platform orders the screens by
name and makes the first the primary one, hence "1-clerk" and "2-applicant"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "1-clerk", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "2-applicant", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96},
    ]
}


def test_two_virtual_screens(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    here = Path(__file__).parent
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(here.parent.parent),
            str(here / "two_screens_run.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout
