"""A real CUPS with a cups-pdf virtual printer for the printing tests.

`.ci/run` installs cups and printer-driver-cups-pdf and starts cupsd; here the queue is
added (we are root in CI) and the printed PDF found where cups-pdf writes it. Without
CUPS a test is skipped on a developer's machine and FAILS in CI."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.devices.conftest import fail_or_skip

QUEUE = "caseworker-test-pdf"
#: the queue's A4 printable area, in points: margins like a laser printer's, so a print
#: "fitted to the printable area" would come out shrunk and fail the measurements
PRINTABLE_A4 = "18 36 577 806"
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPDS = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
)
CONFIG = Path("/etc/cups/cups-pdf.conf")


def _running() -> bool:
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return "is running" in done.stdout and "not running" not in done.stdout


def ensure_queue() -> str:
    """The cups-pdf queue's name, once cupsd runs and the queue exists."""
    for tool in ("lp", "lpstat", "lpadmin"):
        if shutil.which(tool) is None:
            fail_or_skip(f"CUPS's {tool} is missing (apt install cups)")
    ppd = next((p for p in PPDS if p.is_file()), None)
    if not BACKEND.exists() or ppd is None:
        fail_or_skip("the cups-pdf printer is missing (apt install printer-driver-cups-pdf)")
    assert ppd is not None
    if not _running():
        fail_or_skip("the CUPS scheduler is not running (`.ci/run` starts cupsd)")
    listed = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=False)
    if QUEUE not in listed.stdout.split():
        text = ppd.read_text(encoding="latin-1")
        text, count = re.subn(
            r'^\*ImageableArea A4/A4: "[^"]*"',
            f'*ImageableArea A4/A4: "{PRINTABLE_A4}"',
            text,
            flags=re.MULTILINE,
        )
        assert count == 1, "the cups-pdf PPD has no A4 printable area to set"
        with tempfile.TemporaryDirectory() as folder:
            margins = Path(folder) / "caseworker-margins.ppd"
            margins.write_text(text, encoding="latin-1")
            added = _add_queue(QUEUE, margins)
        if added.returncode != 0:
            fail_or_skip(f"cannot add the cups-pdf queue: {added.stderr.strip()}")
    return QUEUE


def _add_queue(name: str, ppd: Path) -> subprocess.CompletedProcess[str]:
    """A cups-pdf queue ``name`` with the printer description ``ppd``, enabled."""
    return subprocess.run(
        ["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-P", str(ppd)],
        capture_output=True,
        text=True,
        check=False,
    )


def output_dir() -> Path:
    """Where cups-pdf writes a job of the current user (its ``Out`` setting)."""
    out = "${HOME}/PDF"
    if CONFIG.is_file():
        for line in CONFIG.read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.match(r"\s*Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def wait_for_output(before: set[Path], *, timeout: float = 60.0) -> Path:
    """The PDF cups-pdf wrote since ``before`` was listed."""
    folder = output_dir()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = set(folder.glob("*.pdf")) - before if folder.is_dir() else set()
        for path in sorted(new):
            size = path.stat().st_size
            time.sleep(0.3)  # ghostscript may still be writing
            if size and path.stat().st_size == size:
                return path
        time.sleep(0.3)
    raise AssertionError(f"cups-pdf wrote nothing into {folder} in {timeout:.0f} s")


def existing_output() -> set[Path]:
    folder = output_dir()
    return set(folder.glob("*.pdf")) if folder.is_dir() else set()


def remove_output(before: set[Path]) -> None:
    """Delete what cups-pdf wrote since ``before`` (the tests leave no prints behind)."""
    for path in existing_output() - before:
        path.unlink(missing_ok=True)


@contextmanager
def another_queue(name: str = f"{QUEUE}-z") -> Iterator[str]:
    """A second cups-pdf queue for as long as a test needs one (named to sort after the
    first, which Qt takes when no default is set); removed after."""
    ensure_queue()
    ppd = next(p for p in PPDS if p.is_file())
    added = _add_queue(name, ppd)
    if added.returncode != 0:
        fail_or_skip(f"cannot add a second cups-pdf queue: {added.stderr.strip()}")
    try:
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True, check=False)
