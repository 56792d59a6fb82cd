"""The Windows build, trusted without a Windows machine: every exclusion rule of the spec
matches files of the pinned win_amd64 PySide6-Essentials wheel (downloaded once into a
cache: CASEWORKER_WHEEL_CACHE or ~/.cache/caseworker-wheels), the Windows bundle would
hold no opengl32sw.dll and no Qt module the desk does not use, the README states the
size this computes, and the version resource comes from the one version."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from caseworker import __version__
from installer import bundle_rules, windows_version, windows_wheel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheels() -> list[Path]:
    try:
        return windows_wheel.download()
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        pytest.skip(f"the win_amd64 wheels could not be downloaded: {exc}")


@pytest.fixture(scope="module")
def kept(wheels: list[Path]) -> dict[str, int]:
    return windows_wheel.collected(wheels)


def _rules(platform: str) -> list[str]:
    """Each rule's label, as unwanted_because() names it, for one platform."""
    rules = []
    rules += [f"Qt {m}" for m, where in bundle_rules.UNWANTED_QT.items() if platform in where]
    rules += [f for f, where in bundle_rules.UNWANTED_FILES.items() if platform in where]
    rules += [
        f"plugins {f}/"
        for f, where in bundle_rules.UNWANTED_PLUGIN_FOLDERS.items()
        if platform in where
    ]
    rules += [
        f"plugin {p}" for p, where in bundle_rules.UNWANTED_PLUGINS.items() if platform in where
    ]
    return rules


def test_every_windows_rule_matches_files_of_the_wheel(wheels: list[Path]) -> None:
    matched = {bundle_rules.unwanted_because(p) for p in windows_wheel.wheel_files(wheels)}
    missing = [rule for rule in _rules(bundle_rules.WINDOWS) if rule not in matched]
    assert not missing, f"rules that match nothing in the Windows wheel: {missing}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux wheel's names")
def test_every_linux_rule_matches_files_of_the_installed_wheel() -> None:
    import PySide6  # noqa: PLC0415

    site = Path(PySide6.__file__).resolve().parent.parent
    files = [str(p.relative_to(site)) for p in (site / "PySide6").rglob("*") if p.is_file()]
    matched = {bundle_rules.unwanted_because(p) for p in files}
    missing = [rule for rule in _rules(bundle_rules.LINUX) if rule not in matched]
    assert not missing, f"rules that match nothing in the Linux wheel: {missing}"


def test_the_windows_bundle_has_only_what_the_desk_uses(kept: dict[str, int]) -> None:
    names = {Path(p).name for p in kept}
    assert "opengl32sw.dll" not in names
    assert windows_wheel.qt_modules(kept) == windows_wheel.ALLOWED_QT
    # what the desk needs is still there: the Windows platform, its style, JPEG, Chinese
    for needed in (
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/translations/qtbase_zh_CN.qm",
        "PySide6/Qt6PrintSupport.dll",
    ):
        assert needed in kept, needed
    assert not any("/plugins/imageformats/qgif" in p or "qdirect2d" in p for p in kept)


def test_the_readme_states_the_windows_size(kept: dict[str, int]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"Qt part of the Windows bundle: ([\d.]+) MB", readme)
    assert stated, "the README states no Windows size"
    assert float(stated.group(1)) == round(sum(kept.values()) / 1e6, 1)


def _evaluate(text: str) -> Any:
    """The version file as PyInstaller reads it: an expression of its classes."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    return eval(text, {n: record(n) for n in names})


def test_the_version_resource_comes_from_the_one_version() -> None:
    text = windows_version.version_info(__version__, name="caseworker", description="cli")
    info = _evaluate(text)
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == windows_version.numeric(__version__)
    strings = dict(s[1] for s in info[2]["kids"][0][1][0][0][1][1])
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "caseworker.exe"
    assert windows_version.numeric("1.2.3rc1") == (1, 2, 3, 1)


def test_the_inno_script_pins_its_compiler_and_cleans_the_path() -> None:
    script = (ROOT / "installer" / "windows" / "caseworker.iss").read_text(encoding="utf-8")
    assert not script.startswith("\ufeff")
    assert "#if VER < EncodeVer(6, 3, 0)" in script
    assert (
        'Root: HKLM; Subkey: "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"'
        in (script)
    )
    assert "Check: IsAdminInstallMode and NeedsAddPath" in script
    assert "usPostUninstall" in script and "RemovePath(ExpandConstant('{app}'))" in script
    assert "LicenseFile=" in script
    assert __version__ not in script  # the version comes from caseworker/__init__.py
