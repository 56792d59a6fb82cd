"""What the Linux bundle leaves out (installer/trim.py): libraries pruned by what links to
what, and ICU's data cut to what Qt reads, checked against the stock ICU's answers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import PySide6
import pytest

from installer import trim
from tests.conftest import ROOT

QT = Path(PySide6.__file__).parent / "Qt"
QT_LIB = QT / "lib"
ICU_DATA = next(QT_LIB.glob("libicudata.so.*"))  # the version follows the PySide6 pin
ICU_TOOLS = tuple(trim.TOOL_PACKAGES)


def _needs(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    packages = sorted({trim.TOOL_PACKAGES[tool] for tool in missing})
    message = f"{', '.join(missing)} missing (apt-get install {' '.join(packages)})"
    if os.environ.get("CI"):
        pytest.fail(f"required in CI: {message}")
    pytest.skip(message)


def test_a_missing_tool_names_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(trim.shutil, "which", lambda name: None)
    with pytest.raises(
        SystemExit, match=r"^nm is needed to trim the bundle: apt-get install binutils$"
    ):
        trim.trim_icu(ICU_DATA, tmp_path)
    with pytest.raises(SystemExit, match=r"^objdump is needed .*: apt-get install binutils$"):
        trim.needed(str(QT_LIB / "libQt6Core.so.6"))


# --- pruning -------------------------------------------------------------------------------

#: a small bundle: what each file links to, by soname
LINKS = {
    "/src/QtCore.abi3.so": ["libQt6Core.so.6", "libc.so.6"],
    "/src/libQt6Core.so.6": ["libicuuc.so.73", "libglib-2.0.so.0", "libstdc++.so.6"],
    "/src/libicuuc.so.73": ["libicudata.so.73"],
    "/src/libicudata.so.73": [],
    "/src/libglib-2.0.so.0": ["libpcre2-8.so.0"],  # a host library ...
    "/src/libpcre2-8.so.0": [],  # ... and what only it needs
    "/src/libstdc++.so.6": [],
    "/src/_lzma.so": ["liblzma.so.5"],
    "/src/libsystemd.so.0": ["liblzma.so.5", "libgcrypt.so.20"],  # reached by nothing
    "/src/liblzma.so.5": [],  # reached by _lzma too: stays
    "/src/libgcrypt.so.20": [],
    "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libX11.so.6"],
    "/src/libQt6XcbQpa.so.6": ["libQt6Core.so.6"],
    "/src/libX11.so.6": ["libxcb.so.1"],
    "/src/libxcb.so.1": ["libXau.so.6"],
    "/src/libXau.so.6": [],
    "/src/libpdfium.so": [],
    "/src/libpython3.11.so.1.0": [],
    "/src/libQt6EglFsKmsSupport.so.6": ["libQt6Core.so.6"],  # its plugin was filtered out
}
BINARIES = [
    ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
    ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
    ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
    ("PySide6/Qt/lib/libicudata.so.73", "/src/libicudata.so.73", "BINARY"),
    ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
    ("libpcre2-8.so.0", "/src/libpcre2-8.so.0", "BINARY"),
    ("libstdc++.so.6", "/src/libstdc++.so.6", "BINARY"),
    ("python3.11/lib-dynload/_lzma.so", "/src/_lzma.so", "EXTENSION"),
    ("libsystemd.so.0", "/src/libsystemd.so.0", "BINARY"),
    ("liblzma.so.5", "/src/liblzma.so.5", "BINARY"),
    ("libgcrypt.so.20", "/src/libgcrypt.so.20", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
    ("libX11.so.6", "/src/libX11.so.6", "BINARY"),
    ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
    ("libXau.so.6", "/src/libXau.so.6", "BINARY"),
    ("pypdfium2_raw/libpdfium.so", "/src/libpdfium.so", "BINARY"),
    ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "/src/libQt6EglFsKmsSupport.so.6", "BINARY"),
]
DATAS = [
    ("resources/rules/jinan-2017.yaml", "/src/jinan-2017.yaml", "DATA"),
    ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ("libQt6EglFsKmsSupport.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "SYMLINK"),
    ("PySide6/Qt/lib/libX11.so.6", "../../../libX11.so.6", "SYMLINK"),
]


def test_prune_keeps_what_the_roots_reach_and_drops_the_host_and_the_orphans() -> None:
    binaries, datas, dropped = trim.prune(BINARIES, DATAS, links=LINKS.__getitem__)
    assert [entry[0] for entry in binaries] == [
        "PySide6/QtCore.abi3.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
        "PySide6/Qt/lib/libicudata.so.73",
        "python3.11/lib-dynload/_lzma.so",
        "liblzma.so.5",  # shared by a kept extension and an orphan: kept
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "pypdfium2_raw/libpdfium.so",  # opened by ctypes: a root
        "libpython3.11.so.1.0",  # opened by the bootloader: a root
    ]
    assert dropped == sorted(
        [
            "libglib-2.0.so.0",  # host
            "libpcre2-8.so.0",  # only the host's glib needs it
            "libstdc++.so.6",  # host
            "libsystemd.so.0",  # nothing links to it
            "libgcrypt.so.20",
            "libX11.so.6",  # host, and what only it needs:
            "libxcb.so.1",
            "libXau.so.6",
            "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",  # its plugin went before
        ]
    )
    assert [entry[0] for entry in datas] == [
        "resources/rules/jinan-2017.yaml",
        "libQt6Core.so.6",  # a symlink to a kept library stays
    ]


def test_needed_lists_direct_links_only() -> None:
    """ldd would list ICU under QtWidgets too (QtCore links it): the NEEDED entries don't."""
    _needs("objdump")
    links = trim.needed(str(QT_LIB / "libQt6Widgets.so.6"))
    assert "libQt6Gui.so.6" in links and "libQt6Core.so.6" in links
    assert not any(name.startswith("libicu") for name in links)
    assert any(name.startswith("libicuuc") for name in trim.needed(str(QT_LIB / "libQt6Core.so.6")))


#: the system libraries of glibc itself: on every Linux, never bundled by PyInstaller
GLIBC = {"libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libpthread.so.0", "libdl.so.2"}


def test_what_qt_needs_from_outside_its_wheel_is_a_host_library_but_zstd() -> None:
    """Every library the desk's Qt parts link to and the PySide6 wheel lacks is either
    left to the machine with a reason, or taken from the build machine knowingly (zstd,
    which QtCore uses for compressed resources and no desktop is sure to have). A new
    PySide6 pin that needs something else fails here before it fails on a counter PC."""
    _needs("objdump")
    parts = [
        *(QT_LIB / f"libQt6{name}.so.6" for name in ("Core", "Gui", "Widgets", "DBus")),
        *(QT_LIB / f"libQt6{name}.so.6" for name in ("XcbQpa", "WaylandClient", "PrintSupport")),
        *(QT / "plugins" / "platforms").glob("*.so"),
        *(QT / "plugins" / "printsupport").glob("*.so"),
    ]
    outside = {
        name
        for part in parts
        for name in trim.needed(str(part))
        if not (QT_LIB / name).exists() and name not in GLIBC
    }
    assert {"libxcb-cursor.so.0", "libglib-2.0.so.0", "libcups.so.2"} <= outside
    assert outside - set(trim.HOST_LIBRARIES) == {"libzstd.so.1"}
    assert all(".so." in name and reason for name, reason in trim.HOST_LIBRARIES.items())


# --- ICU -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/zh.res", True),
        ("coll/zh_Hant_TW.res", True),
        ("coll/ucadata.icu", True),
        ("coll/root.res", True),
        ("coll/ja.res", False),
        ("zone/en_GB.res", True),
        ("zone/tzdbNames.res", True),
        ("zone/pool.res", True),
        ("zone/fr.res", False),
        ("brkitr/cjdict.dict", False),
        ("translit/root.res", False),
        ("curr/zh.res", False),
        ("lang/en.res", False),
        ("zh_Hans_CN.res", True),
        ("en_US_POSIX.res", True),
        ("yue.res", False),
        ("fr.res", False),
        ("res_index.res", True),
        ("pool.res", True),
        ("root.res", True),
        ("supplementalData.res", True),
        ("zoneinfo64.res", True),
        ("cnvalias.icu", True),
        ("gb18030.cnv", True),
        ("ibm-1375_P100-2008.cnv", True),
        ("ibm-37_P100-1995.cnv", False),
        ("nfkc.nrm", True),
        ("rfc3491.spp", False),
        ("unames.icu", False),
    ],
)
def test_icu_items_kept(item: str, kept: bool) -> None:
    assert trim.icu_item_kept(item) is kept


def _probe(env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "icu_probe.py")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers: dict[str, Any] = json.loads(done.stdout)
    return answers


def test_the_trimmed_icu_answers_every_call_qt_makes_as_the_stock_one(tmp_path: Path) -> None:
    _needs(*ICU_TOOLS)
    stock_library = ICU_DATA
    trimmed, removed = trim.trim_icu(stock_library, tmp_path)
    assert trimmed.stat().st_size < stock_library.stat().st_size / 5
    assert removed > 3000

    stock = _probe({})
    cut = _probe({"LD_LIBRARY_PATH": str(tmp_path)})
    # each run used the library it was meant to (Qt's RUNPATH comes after LD_LIBRARY_PATH)
    assert stock.pop("libicudata") == str(stock_library)
    assert cut.pop("libicudata") == str(trimmed)
    # fewer codecs are on offer, the Chinese ones and the Windows code pages among them
    stock_codecs, cut_codecs = set(stock.pop("available_codecs")), set(cut.pop("available_codecs"))
    assert cut_codecs < stock_codecs
    assert {"GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS", "windows-1252"} <= cut_codecs
    # and every answer the desk can get is the same
    for service in ("collation", "case_mapping", "zone_names", "codecs"):
        assert cut[service] == stock[service], service
    # (and they are real answers: pinyin order, the zone's Chinese name)
    assert stock["collation"]["zh_CN"]["plain"][2:5] == ["阿依古丽", "单田芳", "李四"]
    assert stock["zone_names"]["Asia/Shanghai zh_CN"][0] == "中国标准时间"
