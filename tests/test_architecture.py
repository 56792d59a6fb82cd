"""Layer rules that import-linter cannot state before the modules exist, read from the
import statements themselves; and the purity of the rules engine (no clock, no files)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def _imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def _offenders(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {name}"
        for file, names in _imports(folder).items()
        for name in names
        if name == forbidden
        or name.startswith(forbidden)
        or any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


def test_core_never_imports_qt_or_ui() -> None:
    assert not _offenders(ROOT / "caseworker", ("PySide6", "shiboken6", "ui"))


def test_rules_import_no_storage_printing_sync_security_or_services() -> None:
    forbidden = tuple(
        f"caseworker.{name}"
        for name in ("storage", "printing", "sync", "security", "services", "cli")
    )
    assert not _offenders(ROOT / "caseworker" / "rules", (*forbidden, "sqlalchemy"))


def test_ui_never_imports_sql_or_storage() -> None:
    assert not _offenders(ROOT / "ui", ("sqlalchemy", "caseworker.storage"))


def test_rules_never_read_the_clock() -> None:
    """The date is an argument: no today(), now() or time() in the engine."""
    calls = []
    for path in (ROOT / "caseworker" / "rules").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"today", "now", "utcnow", "time"}:
                calls.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert not calls, calls


def test_top_level_holds_only_what_the_project_allows() -> None:
    allowed = {
        "pyproject.toml",
        "caseworker",
        "ui",
        "resources",
        "installer",
        "tests",
        "README.md",
        ".ci",
        "bench",
        ".gitignore",
        ".git",
    }
    present = {
        p.name
        for p in ROOT.iterdir()
        # tool output, ignored by git: the virtual environment, hypothesis' examples,
        # PyInstaller's work and dist folders (installer/build.sh)
        if p.name not in {".venv", ".hypothesis", "build", "dist"} and not p.name.endswith("_cache")
    }
    assert present <= allowed, present - allowed


def test_the_ui_never_reaches_the_store_engine_or_its_sessions() -> None:
    """The desk's widgets call services; a session or a connection is theirs alone."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "ui").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".engine" in line or ".sessions(" in line
    ]
    assert offenders == []


def test_the_ui_never_reaches_the_store_through_a_service() -> None:
    """What a widget needs of the store (its folder, its key file) the composition root
    reads once into the ``Desk``; no widget reaches ``apps.store`` or a service's context."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "ui").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".apps.store" in line or ".context.store" in line
    ]
    assert offenders == []


def test_only_the_composition_root_builds_services() -> None:
    """Every service is built once, in ``ui/app.py``'s ``compose_desk`` (and the store and
    the rules it opens); no widget builds one."""
    offenders = [
        f"{path.relative_to(ROOT)}: {node.func.id}"
        for path in (ROOT / "ui").rglob("*.py")
        if path.name != "app.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.endswith("Service")
    ]
    assert offenders == []
