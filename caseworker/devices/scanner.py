"""A flatbed scanner through the system's scanner interface; the page comes back as PNG
bytes for the scan dialog to read.

- ``sane`` (Linux, macOS): SANE's ``scanimage``.
- ``wia`` (Windows): WIA 2.0 through its COM automation (``WIA.DeviceManager``), driven by
  a small PowerShell script so that no new dependency is needed: it lists the scanners,
  or connects to one, sets the resolution and colour on its first item, transfers the page
  as PNG (BMP converted when the driver gives no PNG), writes it to a temporary file and
  prints one line of JSON. Tested here only against a stand-in ``powershell``, never
  against a real WIA driver.

Every failure is a ``ScannerError`` whose ``reason`` says which kind it is, so that the
desk can word it in its own language: ``no-tool`` (the interface itself is missing),
``no-scanner`` (none found, or not the one named), ``timeout``, ``failed``."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseworker.devices.errors import DeviceError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BACKENDS = ("sane", "wia")
#: the scanner setting that means "the first one the interface lists"
AUTO = "auto"


class ScannerError(DeviceError):
    """The scanner could not be found or did not scan; the message says what to do."""

    def __init__(self, message: str, *, reason: str = "failed", detail: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Scanner:
    device: str  # SANE's name ("epson2:libusb:001:004") or WIA's DeviceID
    vendor: str
    model: str


def default_backend() -> str:
    return "wia" if sys.platform == "win32" else "sane"


def _backend(backend: str | None) -> str:
    chosen = backend or default_backend()
    if chosen not in BACKENDS:
        raise ScannerError(
            f"unknown scanner interface {chosen!r}; one of: " + ", ".join(BACKENDS),
            reason="no-tool",
        )
    return chosen


def scanners(*, timeout: float = 60.0, backend: str | None = None) -> list[Scanner]:
    """The scanners the system's interface finds (SANE's network ones too, which can take
    a while)."""
    if _backend(backend) == "wia":
        return _wia_scanners(timeout=timeout)
    try:
        done = subprocess.run(
            [_scanimage(), "--formatted-device-list=%d\t%v\t%m%n"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ScannerError(
            f"SANE did not list its scanners in {timeout:.0f} s; check the scanners and "
            "the network and try again",
            reason="timeout",
        ) from None
    found = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0]:
            found.append(Scanner(*parts))
    return found


def scan(
    device: str,
    *,
    resolution: int = 300,
    colour: bool = True,
    timeout: float = 180.0,
    backend: str | None = None,
) -> bytes:
    """One page from the scanner's glass, as PNG bytes."""
    if not 50 <= resolution <= 1200:
        raise ScannerError(f"a resolution of {resolution} dpi is not sensible; use 150-600")
    if _backend(backend) == "wia":
        return _wia_scan(device, resolution=resolution, colour=colour, timeout=timeout)
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
            f"the scanner {device} did not finish in {timeout:.0f} s; check it and try again",
            reason="timeout",
        ) from None
    if done.returncode != 0 or not done.stdout.startswith(PNG_SIGNATURE):
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = lines[-1] if lines else "no image"
        raise ScannerError(
            f"the scanner {device} did not scan ({detail}); "
            "check that it is on and connected, and choose it from `caseworker scanner list`",
            detail=detail,
        )
    return done.stdout


def scan_page(
    *,
    device: str = AUTO,
    resolution: int = 300,
    colour: bool = True,
    timeout: float = 180.0,
    backend: str | None = None,
) -> tuple[str, bytes]:
    """One page from the scanner the settings name (``auto``: the first one listed): the
    device used and the PNG. Slow (seconds to minutes): never on a GUI thread."""
    chosen = device.strip() or AUTO
    if chosen == AUTO:
        found = scanners(backend=backend, timeout=min(timeout, 60.0))
        if not found:
            raise ScannerError(
                "no scanner was found; check that it is on and connected by its cable, or "
                "scan with the scanner's own program and open the file",
                reason="no-scanner",
            )
        chosen = found[0].device
    return chosen, scan(
        chosen, resolution=resolution, colour=colour, timeout=timeout, backend=backend
    )


# --- SANE -------------------------------------------------------------------------------


def _scanimage() -> str:
    tool = shutil.which("scanimage")
    if tool is None:
        raise ScannerError(
            "SANE's scanimage is missing; install it (Debian: apt install sane-utils)",
            reason="no-tool",
            detail="scanimage",
        )
    return tool


# --- WIA (Windows) ----------------------------------------------------------------------

WIA_FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
WIA_FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"
#: WIA item properties: the intent (1 colour, 2 greyscale), horizontal and vertical dpi
WIA_IPS_CUR_INTENT, WIA_IPS_XRES, WIA_IPS_YRES = 6146, 6147, 6148
#: WIA's own error codes (WiaDef.h) a clerk can do something about
WIA_ERRORS = {
    "0x80210002": "the paper is jammed",
    "0x80210003": "there is no paper in the feeder",
    "0x80210005": "the scanner is off or disconnected",
    "0x80210006": "the scanner is busy",
    "0x80210007": "the scanner is warming up",
    "0x8021000A": "the PC cannot talk to the scanner",
    "0x80210015": "no scanner is available",
    "0x80210016": "the scanner's cover is open",
    "0x80210017": "the scanner's lamp is off",
}
#: the environment variables that carry the request to the script (never quoted into it)
WIA_ENV_DEVICE, WIA_ENV_OUT = "CASEWORKER_WIA_DEVICE", "CASEWORKER_WIA_OUT"
WIA_ENV_DPI, WIA_ENV_INTENT = "CASEWORKER_WIA_DPI", "CASEWORKER_WIA_INTENT"

_WIA_PRELUDE = r"""
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
function Say($value) {
  [Console]::Out.WriteLine((ConvertTo-Json -Compress -Depth 4 -InputObject $value))
}
# PowerShell wraps a COM method's error: WIA's own code is the innermost exception's
function Inner($err) {
  $e = $err.Exception
  while ($e.InnerException) { $e = $e.InnerException }
  $e
}
function Code($err) { '0x{0:X8}' -f (Inner $err).HResult }
try { $manager = New-Object -ComObject WIA.DeviceManager }
catch { Say @{ error = 'no-wia'; hresult = (Code $_); message = (Inner $_).Message }; exit 2 }
"""

WIA_LIST_SCRIPT = (
    _WIA_PRELUDE
    + r"""
function Prop($properties, $name) {
  foreach ($p in $properties) { if ($p.Name -eq $name) { return [string]$p.Value } }
  return ''
}
$found = @()
foreach ($info in $manager.DeviceInfos) {
  if ($info.Type -eq 1) {  # ScannerDeviceType
    $found += @{ device = [string]$info.DeviceID; vendor = (Prop $info.Properties 'Manufacturer');
                 model = (Prop $info.Properties 'Name') }
  }
}
Say @{ scanners = @($found) }
"""
)

WIA_SCAN_SCRIPT = (
    _WIA_PRELUDE
    + rf"""
$png = '{WIA_FORMAT_PNG}'
$bmp = '{WIA_FORMAT_BMP}'
$info = $null
foreach ($candidate in $manager.DeviceInfos) {{
  if ($candidate.DeviceID -eq $env:{WIA_ENV_DEVICE}) {{ $info = $candidate }}
}}
if ($null -eq $info) {{ Say @{{ error = 'no-device' }}; exit 3 }}
try {{
  $device = $info.Connect()
  $item = $device.Items.Item(1)
  $refused = @()
  foreach ($p in $item.Properties) {{
    try {{
      if ($p.PropertyID -eq {WIA_IPS_CUR_INTENT}) {{ $p.Value = [int]$env:{WIA_ENV_INTENT} }}
      if ($p.PropertyID -eq {WIA_IPS_XRES}) {{ $p.Value = [int]$env:{WIA_ENV_DPI} }}
      if ($p.PropertyID -eq {WIA_IPS_YRES}) {{ $p.Value = [int]$env:{WIA_ENV_DPI} }}
    }} catch {{ $refused += $p.PropertyID }}
  }}
  try {{ $image = $item.Transfer($png) }} catch {{ $image = $item.Transfer($bmp) }}
  if ($image.FormatID -ne $png) {{
    $process = New-Object -ComObject WIA.ImageProcess
    $process.Filters.Add($process.FilterInfos.Item('Convert').FilterID)
    $process.Filters.Item(1).Properties.Item('FormatID').Value = $png
    $image = $process.Apply($image)
  }}
  $image.SaveFile($env:{WIA_ENV_OUT})
  Say @{{ file = $env:{WIA_ENV_OUT}; width = $image.Width; height = $image.Height;
          refused = @($refused) }}
}} catch {{
  Say @{{ error = 'failed'; hresult = (Code $_); message = (Inner $_).Message }}
  exit 4
}}
"""
)


def _powershell() -> str:
    for name in ("powershell", "pwsh"):
        tool = shutil.which(name)
        if tool is not None:
            return tool
    raise ScannerError(
        "Windows PowerShell is missing, which the desk drives WIA with; "
        "scan with the scanner's own program and open the file",
        reason="no-tool",
        detail="powershell",
    )


def _run_wia(script: str, *, env: dict[str, str], timeout: float, what: str) -> dict[str, Any]:
    """Run one script and return the JSON object it printed last."""
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    command = [_powershell(), "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise ScannerError(
            f"WIA did not {what} in {timeout:.0f} s; check the scanner and try again",
            reason="timeout",
        ) from None
    except OSError as exc:
        raise ScannerError(
            f"PowerShell could not be started ({exc.strerror})", reason="no-tool"
        ) from None
    lines = [line for line in done.stdout.decode("utf-8-sig", "replace").splitlines() if line]
    try:
        answer = json.loads(lines[-1]) if lines else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        errors = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = errors[-1] if errors else f"exit {done.returncode}, no answer"
        raise ScannerError(f"WIA did not {what} ({detail})", detail=detail)
    if answer.get("error") == "no-wia":
        raise ScannerError(
            "Windows' scanner interface (WIA) is not available on this PC "
            f"({answer.get('message', '')}); scan with the scanner's own program",
            reason="no-tool",
            detail=str(answer.get("hresult", "")),
        )
    return answer


def _wia_scanners(*, timeout: float) -> list[Scanner]:
    answer = _run_wia(WIA_LIST_SCRIPT, env={}, timeout=timeout, what="list its scanners")
    rows = answer.get("scanners")
    if not isinstance(rows, list):
        raise ScannerError("WIA's list of scanners was not understood", detail=str(answer))
    return [
        Scanner(str(row["device"]), str(row.get("vendor", "")), str(row.get("model", "")))
        for row in rows
        if isinstance(row, dict) and row.get("device")
    ]


def _wia_scan(device: str, *, resolution: int, colour: bool, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="caseworker-wia-") as folder:
        out = Path(folder) / "page.png"  # must not exist yet: SaveFile refuses to overwrite
        env = {
            WIA_ENV_DEVICE: device,
            WIA_ENV_OUT: str(out),
            WIA_ENV_DPI: str(resolution),
            WIA_ENV_INTENT: "1" if colour else "2",
        }
        answer = _run_wia(WIA_SCAN_SCRIPT, env=env, timeout=timeout, what="scan")
        if answer.get("error") == "no-device":
            raise ScannerError(
                f"WIA has no scanner {device}; check that it is on and connected, and choose "
                "it from `caseworker scanner list`",
                reason="no-scanner",
            )
        if answer.get("error"):
            code = str(answer.get("hresult", "")).upper().replace("0X", "0x")
            said = WIA_ERRORS.get(code) or str(answer.get("message", "")).strip() or code
            raise ScannerError(
                f"the scanner did not scan ({said}); check that it is on and connected "
                "and try again",
                detail=f"{code} {answer.get('message', '')}".strip(),
            )
        try:
            png = out.read_bytes()
        except OSError:
            png = b""
    if not png.startswith(PNG_SIGNATURE):
        raise ScannerError(
            "the scanner's page did not arrive as an image; try again",
            detail=json.dumps(answer),
        )
    return png
