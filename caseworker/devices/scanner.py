"""A flatbed scanner through the system's scanner interface: SANE's ``scanimage`` on
Linux and macOS (the page comes back as a PNG for the scan dialog to read). On Windows,
WIA is not done yet: the clerk scans with the scanner's own program and opens the file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass

from caseworker.devices.errors import DeviceError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ScannerError(DeviceError):
    """The scanner could not be found or did not scan; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Scanner:
    device: str  # SANE's name, e.g. "epson2:libusb:001:004"
    vendor: str
    model: str


def _scanimage() -> str:
    if sys.platform == "win32":
        raise ScannerError(
            "scanning from the desk is not available on Windows yet; scan with the "
            "scanner's own program and open the file"
        )
    tool = shutil.which("scanimage")
    if tool is None:
        raise ScannerError(
            "SANE's scanimage is missing; install it (Debian: apt install sane-utils)"
        )
    return tool


def scanners(*, timeout: float = 60.0) -> list[Scanner]:
    """The scanners SANE finds (network ones too, which can take a while)."""
    done = subprocess.run(
        [_scanimage(), "--formatted-device-list=%d\t%v\t%m%n"],
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    found = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0]:
            found.append(Scanner(*parts))
    return found


def scan(
    device: str, *, resolution: int = 300, colour: bool = True, timeout: float = 180.0
) -> bytes:
    """One page from the scanner's glass, as PNG bytes."""
    if not 50 <= resolution <= 1200:
        raise ScannerError(f"a resolution of {resolution} dpi is not sensible; use 150-600")
    command = [
        _scanimage(),
        "--device-name",
        device,
        "--format=png",
        "--resolution",
        str(resolution),
        "--mode",
        "Color" if colour else "Gray",
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ScannerError(
            f"the scanner {device} did not finish in {timeout:.0f} s; check it and try again"
        ) from None
    if done.returncode != 0 or not done.stdout.startswith(PNG_SIGNATURE):
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ScannerError(
            f"the scanner {device} did not scan ({detail[-1] if detail else 'no image'}); "
            "check that it is on and connected, and choose it from `caseworker scanner list`"
        )
    return done.stdout
