"""What the Linux bundle leaves out, worked out from the binaries themselves.

``installer/caseworker.spec`` calls two things here after PyInstaller's analysis:

- ``prune``: drops the libraries a Linux desktop always has (``HOST_LIBRARIES``), then every
  bundled library that nothing left in the bundle links to. PyInstaller collects a
  plugin's libraries before the spec drops the plugin (the GTK theme brought GTK's cairo,
  pango and atk; eglfs its KMS support), and a host library's own dependencies (CUPS
  brought GnuTLS and Kerberos) are the host's business too.
- ``trim_icu``: rebuilds ``libicudata`` with only the ICU data Qt reads. QtCore is ICU's
  one caller here and calls four services (case mapping, calendars and time-zone names,
  codecs, collation); the stock library carries 32 MB of data for every language and
  service ICU has. ICU's own tools (``icupkg``, ``genccode``: Debian's ``icu-devtools``)
  and gcc do the work, as ICU's ``pkgdata`` would.

Both are Linux-only: on Windows PyInstaller already leaves the system's DLLs out and the
PySide6 wheel brings no ICU.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

#: Libraries taken from the machine, never bundled, each with its reason. The first group
#: is the AppImage project's exclude list (libraries present on every desktop Linux, some
#: of which break when bundled); the second is what the README already asks a counter PC
#: to have for Qt's window, fonts and printing (Debian packages named beside each).
HOST_LIBRARIES: dict[str, str] = {
    # AppImage's excludelist: the C++ runtime, X11 and xcb, GL, fonts, base libraries
    "libstdc++.so.6": "AppImage excludelist: the host's is as new or newer",
    "libgcc_s.so.1": "AppImage excludelist: part of the base system",
    "libX11.so.6": "AppImage excludelist: must match the host's libxcb",
    "libX11-xcb.so.1": "AppImage excludelist",
    "libxcb.so.1": "AppImage excludelist: must match the host's X server libraries",
    "libxcb-dri2.so.0": "AppImage excludelist",
    "libxcb-dri3.so.0": "AppImage excludelist",
    "libGL.so.1": "AppImage excludelist: the graphics driver's",
    "libEGL.so.1": "AppImage excludelist: the graphics driver's",
    "libGLX.so.0": "AppImage excludelist: the graphics driver's",
    "libGLdispatch.so.0": "AppImage excludelist: the graphics driver's",
    "libOpenGL.so.0": "AppImage excludelist: the graphics driver's",
    "libdrm.so.2": "AppImage excludelist: the graphics driver's",
    "libgbm.so.1": "AppImage excludelist: the graphics driver's",
    "libwayland-client.so.0": "AppImage excludelist: must match the host's Mesa",
    "libfontconfig.so.1": "AppImage excludelist: must read the host's font configuration",
    "libfreetype.so.6": "AppImage excludelist",
    "libharfbuzz.so.0": "AppImage excludelist",
    "libfribidi.so.0": "AppImage excludelist",
    "libexpat.so.1": "AppImage excludelist: part of the base system",
    "libz.so.1": "AppImage excludelist: part of the base system",
    "libuuid.so.1": "AppImage excludelist: part of the base system",
    "libcom_err.so.2": "AppImage excludelist: part of the base system",
    "libgpg-error.so.0": "AppImage excludelist: part of the base system",
    "libgmp.so.10": "AppImage excludelist: coreutils needs it",
    "libICE.so.6": "AppImage excludelist",
    "libSM.so.6": "AppImage excludelist",
    # the README's packages for a counter PC
    "libglib-2.0.so.0": "libglib2.0-0: QtCore's event loop; every Linux desktop has it",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3: the session bus the keyring (Secret Service) needs too",
    "libxkbcommon.so.0": "libxkbcommon0: the keyboard, with the host's layouts",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0: as Qt's xcb platform asks",
    "libxcb-cursor.so.0": "libxcb-cursor0: as Qt's xcb platform asks",
    "libxcb-icccm.so.4": "libxcb-icccm4: as Qt's xcb platform asks",
    "libxcb-image.so.0": "libxcb-image0: as Qt's xcb platform asks",
    "libxcb-keysyms.so.1": "libxcb-keysyms1: as Qt's xcb platform asks",
    "libxcb-randr.so.0": "libxcb1 family: as Qt's xcb platform asks",
    "libxcb-render.so.0": "libxcb1 family: as Qt's xcb platform asks",
    "libxcb-render-util.so.0": "libxcb-render-util0: as Qt's xcb platform asks",
    "libxcb-shape.so.0": "libxcb-shape0: as Qt's xcb platform asks",
    "libxcb-shm.so.0": "libxcb1 family: as Qt's xcb platform asks",
    "libxcb-sync.so.1": "libxcb1 family: as Qt's xcb platform asks",
    "libxcb-util.so.1": "libxcb-util1: as Qt's xcb platform asks",
    "libxcb-xfixes.so.0": "libxcb1 family: as Qt's xcb platform asks",
    "libxcb-xkb.so.1": "libxcb-xkb1: as Qt's xcb platform asks",
    "libwayland-cursor.so.0": "libwayland-cursor0: with the host's wayland-client",
    "libwayland-egl.so.1": "libwayland-egl1: with the host's wayland-client and Mesa",
    "libcups.so.2": "libcups2: printing goes through the host's CUPS, or there is none",
}

#: Libraries loaded by name at run time (no binary lists them as NEEDED): pypdfium2 opens
#: PDFium through ctypes, the bootloader opens libpython.
DLOPENED = ("libpdfium.so", "libpython")

Needed = Callable[[str], Iterable[str]]
Entry = tuple[str, str, str]  # PyInstaller's TOC: (destination, source, typecode)


def needed(path: str) -> list[str]:
    """The libraries ``path`` links to directly (its ELF NEEDED entries). ``ldd`` would
    list them transitively, which hides what a host library's exclusion orphans."""
    shown = _run(_tool("objdump"), "-p", path)
    return re.findall(r"^\s*NEEDED\s+(\S+)", shown, flags=re.MULTILINE)


def _is_root(entry: Entry) -> bool:
    destination, _, typecode = entry
    name = PurePosixPath(destination).name
    return (
        typecode == "EXTENSION"
        or "/plugins/" in f"/{destination}"
        or any(name.startswith(prefix) for prefix in DLOPENED)
    )


def prune(
    binaries: list[Entry], datas: list[Entry], *, links: Needed = needed
) -> tuple[list[Entry], list[Entry], list[str]]:
    """``binaries`` without the host's libraries and without those nothing kept links to,
    ``datas`` without the symlinks to what went, and the destinations dropped (for the
    build log). Roots are the Python extension modules, Qt's plugins and the libraries
    opened by name; a library is kept when a root reaches it through NEEDED entries that
    do not pass through a host library."""
    by_name: dict[str, Entry] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0]).name, entry)
    kept: set[str] = set()
    stack = [entry for entry in binaries if _is_root(entry)]
    while stack:
        entry = stack.pop()
        if entry[0] in kept or PurePosixPath(entry[0]).name in HOST_LIBRARIES:
            continue
        kept.add(entry[0])
        stack.extend(by_name[name] for name in links(entry[1]) if name in by_name)
    dropped = sorted(entry[0] for entry in binaries if entry[0] not in kept)
    gone = set(dropped)
    kept_binaries = [entry for entry in binaries if entry[0] in kept]
    kept_datas = [e for e in datas if e[2] != "SYMLINK" or _symlink_target(e) not in gone]
    return kept_binaries, kept_datas, dropped


def _symlink_target(entry: Entry) -> str:
    """A SYMLINK entry's target as a bundle destination (PyInstaller gives it relative to
    the link's folder)."""
    return posixpath.normpath(PurePosixPath(entry[0]).parent / entry[1])


# --- ICU ---------------------------------------------------------------------------------

#: the locales whose data is kept: the desk's two languages and ICU's root
LOCALES = ("root", "zh", "en")
#: per-locale trees kept (collation, time-zone names, the region names zone names use);
#: break iteration, transliteration, currencies, units, spelled-out numbers and language
#: names are services Qt does not call
LOCALE_TREES = ("coll", "zone", "region")
#: converters kept: the Chinese codecs (GB18030, GBK, GB2312, Big5, Big5-HKSCS in its 2001
#: and 2008 tables, and what they are built on) and the Windows code pages; UTF-*, ASCII
#: and Latin-1 need no data
CONVERTERS = (
    "gb18030.cnv",
    "windows-936-2000.cnv",
    "ibm-1383_P110-1999.cnv",
    "ibm-1386_P100-2001.cnv",
    "windows-950-2000.cnv",
    "ibm-950_P110-1999.cnv",
    "ibm-1373_P100-2002.cnv",
    "ibm-5471_P100-2006.cnv",
    "ibm-1375_P100-2008.cnv",
    *(f"ibm-{n}_P100-{y}.cnv" for n, y in ((5346, 1998), (5347, 1998), (5348, 1997))),
    *(f"ibm-{n}_P100-1998.cnv" for n in range(5349, 5355)),
)
#: top-level items for services Qt does not call (IDNA/stringprep profiles, spoof checks,
#: character names)
DROPPED_ITEMS = ("confusables.cfu", "unames.icu")
_LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")


def _locale_kept(item: str) -> bool:
    stem = item.removesuffix(".res")
    return stem in ("pool", "res_index", "tzdbNames") or stem.split("_")[0] in LOCALES


def icu_item_kept(item: str) -> bool:
    """Whether an item of ICU's data package (``coll/zh.res``, ``gb18030.cnv``) is kept."""
    folder, _, name = item.rpartition("/")
    if folder:
        return folder in LOCALE_TREES and (name == "ucadata.icu" or _locale_kept(name))
    if name.endswith(".cnv"):
        return name in CONVERTERS
    if name.endswith(".spp") or name in DROPPED_ITEMS:
        return False
    if _LOCALE_FILE.match(name):
        return _locale_kept(name)
    return True  # supplemental data, aliases, normalization and property files


#: the Debian package of each tool the trim runs
TOOL_PACKAGES = {
    "objdump": "binutils",
    "nm": "binutils",
    "readelf": "binutils",
    "gcc": "gcc",
    "icupkg": "icu-devtools",
    "genccode": "icu-devtools",
}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        package = TOOL_PACKAGES[name]
        raise SystemExit(f"{name} is needed to trim the bundle: apt-get install {package}")
    return found


def _run(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout + done.stderr


def _data_blob(library: Path, symbol: str) -> bytes:
    """The bytes of ``symbol`` (ICU's whole data package) inside ``library``."""
    symbols = _run(_tool("nm"), "-D", "-S", "--defined-only", str(library))
    found = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) \w {symbol}$", symbols, flags=re.MULTILINE)
    if found is None:
        raise SystemExit(f"{library} has no {symbol}: not the ICU data library expected")
    address, size = int(found[1], 16), int(found[2], 16)
    sections = _run(_tool("readelf"), "-S", "-W", str(library))
    # "[Nr] Name Type Address Off Size ...": where the section sits in memory and in the file
    header = re.compile(r"\s*\[\s*\d+\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)")
    for line in sections.splitlines():
        fields = header.match(line)
        if fields is None:
            continue
        start, offset, length = (int(fields[i], 16) for i in (1, 2, 3))
        if start <= address and address + size <= start + length:
            with library.open("rb") as handle:
                handle.seek(offset + address - start)
                return handle.read(size)
    raise SystemExit(f"{symbol} lies in no section of {library}")


def trim_icu(library: Path, workdir: Path) -> tuple[Path, int]:
    """A copy of ``library`` (``libicudata.so.NN``) holding only the items
    ``icu_item_kept`` keeps, built in ``workdir``; and how many items were removed."""
    version = library.name.rsplit(".", 1)[-1]
    package = f"icudt{version}l"  # ICU's little-endian data package
    workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir) as scratch:
        folder = Path(scratch)
        full = folder / "full" / f"{package}.dat"
        full.parent.mkdir()
        full.write_bytes(_data_blob(library, f"icudt{version}_dat"))
        listing = _run(_tool("icupkg"), "-l", str(full)).split()
        items = [line.removeprefix(f"{package}/") for line in listing if line.strip()]
        removed = [item for item in items if not icu_item_kept(item)]
        (folder / "remove.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
        trimmed = folder / package / f"{package}.dat"
        trimmed.parent.mkdir()
        # icupkg refuses to write a package whose items depend on a removed one
        report = _run(_tool("icupkg"), "-r", str(folder / "remove.txt"), str(full), str(trimmed))
        if "depends on missing" in report or not trimmed.is_file():
            raise SystemExit(f"trimming ICU's data left dependencies unmet:\n{report}")
        _run(
            _tool("genccode"),
            "-q",
            "-a",
            "gcc",
            "-e",
            f"icudt{version}",
            "-d",
            scratch,
            str(trimmed),
        )
        assembly = folder / f"{package}_dat.S"
        output = workdir / library.name
        _run(
            _tool("gcc"),
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{library.name}",
            "-Wl,-z,noexecstack",
            "-o",
            str(output),
            str(assembly),
        )
    return output, len(removed)
