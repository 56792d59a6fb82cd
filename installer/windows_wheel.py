"""The Windows bundle's Qt part, worked out on Linux from the pinned win_amd64 wheels.

PyInstaller's PySide6 hooks collect, for each Qt module the program imports, that
module's extension, the plugin folders Qt loads for it, Qt's translations and, on
Windows, ``opengl32sw.dll``; then every DLL those link to that the wheel holds. This
module does the same over the wheel's files (reading the PE import tables with
``objdump -p``, from binutils), applies installer/bundle_rules.py, and sums the sizes.

    python installer/windows_wheel.py     # downloads into the cache once, prints the estimate
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installer.bundle_rules import wanted  # noqa: E402

#: the Qt modules the desk imports (ui/), as PyInstaller sees them; QtNetwork's one
#: optional import (ui/sync_panel.py) is excluded by the spec
USED_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
#: plugin folders PyInstaller's Qt hook collects for those modules
#: (PyInstaller.utils.hooks.qt: QtGui's, QtWidgets' styles, QtPrintSupport's printsupport)
PLUGIN_FOLDERS = (
    "accessiblebridge",
    "egldeviceintegrations",
    "generic",
    "iconengines",
    "imageformats",
    "platforms",
    "platforminputcontexts",
    "platformthemes",
    "xcbglintegrations",
    "styles",
    "printsupport",
)
#: what the Qt part may hold: the libraries of the used modules and nothing more
ALLOWED_QT = {"Core", "Gui", "Widgets", "PrintSupport"}


def cache_dir() -> Path:
    return Path(
        os.environ.get("CASEWORKER_WHEEL_CACHE") or Path.home() / ".cache" / "caseworker-wheels"
    )


def pinned(name: str) -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        project_name, _, version = str(requirement).partition("==")
        if project_name.strip().lower() == name.lower():
            return version.strip()
    raise KeyError(name)


def download(names: Iterable[str] = ("PySide6-Essentials", "shiboken6")) -> list[Path]:
    """The pinned win_amd64 wheels, from the cache or PyPI (``pip download``)."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    wheels = []
    for name in names:
        version = pinned("PySide6-Essentials") if name == "shiboken6" else pinned(name)
        pattern = f"{name.lower().replace('-', '_')}-{version}-*win_amd64.whl"
        found = sorted(folder.glob(pattern))
        if not found:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--only-binary=:all:",
                    "--platform",
                    "win_amd64",
                    "--python-version",
                    "3.11",
                    "--no-deps",
                    f"{name}=={version}",
                    "-d",
                    str(folder),
                ],
                check=True,
                timeout=600,
            )
            found = sorted(folder.glob(pattern))
        if not found:
            raise FileNotFoundError(f"no {pattern} in {folder} after pip download")
        wheels.append(found[-1])
    return wheels


def wheel_files(wheels: Iterable[Path]) -> dict[str, int]:
    """Every file of the wheels (their install paths) with its size."""
    files: dict[str, int] = {}
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for info in archive.infolist():
                if not info.is_dir() and ".dist-info/" not in info.filename:
                    files[info.filename] = info.file_size
    return files


def _imports(wheels: Iterable[Path], names: Iterable[str]) -> dict[str, list[str]]:
    """The DLL names each PE file imports (objdump -p)."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise FileNotFoundError("objdump is missing: apt-get install binutils")
    wanted_names = set(names)
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as archive:
                members = [n for n in archive.namelist() if n in wanted_names]
                archive.extractall(temporary, members)
        for name in wanted_names:
            shown = subprocess.run(
                [objdump, "-p", str(Path(temporary) / name)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            found[name] = re.findall(r"DLL Name: (\S+)", shown)
    return found


def collected(wheels: list[Path]) -> dict[str, int]:
    """What the Windows bundle takes from the wheels, after the spec's rules."""
    files = wheel_files(wheels)
    by_name = {PurePosixPath(path).name.lower(): path for path in files}
    start = {f"PySide6/{module}.pyd" for module in USED_MODULES} | {
        path for path in files if path.startswith("shiboken6/") and path.endswith(".pyd")
    }
    start |= {
        path
        for path in files
        if len(PurePosixPath(path).parts) == 4
        and PurePosixPath(path).parts[1] == "plugins"
        and PurePosixPath(path).parts[2] in PLUGIN_FOLDERS
    }
    start |= {p for p in files if p.startswith("PySide6/translations/") and p.endswith(".qm")}
    start |= {p for p in files if PurePosixPath(p).name == "opengl32sw.dll"}
    kept: set[str] = set()
    todo = [p for p in start if wanted(p)]
    while todo:
        batch = [p for p in todo if p not in kept]
        kept.update(batch)
        portable = [p for p in batch if p.endswith((".dll", ".pyd"))]
        todo = []
        for dlls in _imports(wheels, portable).values():
            for dll in dlls:
                path = by_name.get(dll.lower())
                if path is not None and path not in kept and wanted(path):
                    todo.append(path)
    return {path: files[path] for path in sorted(kept)}


def qt_modules(paths: Iterable[str]) -> set[str]:
    from installer.bundle_rules import qt_module  # noqa: PLC0415

    return {m for p in paths if (m := qt_module(PurePosixPath(p).name)) is not None}


if __name__ == "__main__":
    wheels = download()
    every = wheel_files(wheels)
    kept = collected(wheels)
    print(f"wheels: {sum(every.values()) / 1e6:.1f} MB unpacked, {len(every)} files")
    print(f"Qt part of the Windows bundle: {sum(kept.values()) / 1e6:.1f} MB, {len(kept)} files")
    print(f"Qt modules: {', '.join(sorted(qt_modules(kept)))}")
    for path, size in sorted(kept.items(), key=lambda item: -item[1])[:15]:
        print(f"  {size / 1e6:6.2f} MB  {path}")
