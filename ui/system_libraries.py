"""Before Qt starts on Linux: the system libraries its X11 (xcb) window needs.

Without one of them Qt aborts the process with "Could not load the Qt platform plugin
'xcb'" and names libxcb-cursor0 whatever is missing (QT_DEBUG_PLUGINS=1 tells the
truth). The desk asks ``ldd`` about the platform plugin first and, when something is
missing, says which Debian/Ubuntu packages to install, then exits with
ExitCode.MISSING_LIBRARY. Nothing here imports Qt's modules: only the plugin's path is
found, so this runs before any QApplication exists."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: the libraries the xcb plugin (and libQt6XcbQpa) link to, with their Debian packages;
#: found by ``readelf -d`` on both and ``dpkg -S`` (PySide6 6.11, Debian 12). The same
#: list is in the README's set-up and `.ci/run`'s packages for a real window.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}


def xcb_plugin() -> Path | None:
    """The xcb platform plugin this process would load: in the bundle, or in PySide6."""
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6" / "Qt" / "plugins")
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        roots.append(Path(spec.origin).parent / "Qt" / "plugins")
    for root in roots:
        plugin = root / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def wants_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt would open an X11 window here (not offscreen, not a Wayland session)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def missing(plugin: Path) -> list[str]:
    """The libraries ``ldd`` cannot find for ``plugin``; empty when it cannot ask."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        shown = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split()[0] for line in shown.splitlines() if "not found" in line})


def problem() -> str | None:
    """The message for the IT person when the window cannot open, else None."""
    if not wants_xcb():
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    lacking = missing(plugin)
    if not lacking:
        return None
    packages = sorted({PACKAGES.get(name, "?") for name in lacking} - {"?"})
    unknown = [name for name in lacking if name not in PACKAGES]
    lines = [
        # in English, as the command line speaks: Qt and its translation are not loaded yet
        "caseworker-desk: this machine lacks system libraries the window needs:",
        *(f"  {name}" for name in lacking),
    ]
    if packages:
        lines.append(
            f"install them (Debian, Ubuntu, UOS, Kylin): apt-get install {' '.join(packages)}"
        )
    if unknown:
        lines.append(f"and find the packages that provide: {' '.join(unknown)}")
    lines.append("(README: For the office's IT, Linux set-up)")
    return "\n".join(lines)
