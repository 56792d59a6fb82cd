"""Which core modules the desk (``ui/``) may import, as a list that is kept true: the
services (its use cases, refusals and views) and the few plain-data modules it shows or
asks about. Anything else (the store, the OCR engine, the rule-pack loader, security,
sync) is reached through a service; a new core import by the desk is a decision, made by
adding it here and to the comment over the ui contract in ``pyproject.toml``."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

#: a module or package the ui may import (a package: it and everything under it)
MAY_IMPORT = (
    "caseworker.services",  # the use cases, their refusals and views
    "caseworker.models",  # the shared vocabulary
    "caseworker.rules.decision",  # the decision it shows
    "caseworker.rules.facts",  # the facts it asks
    "caseworker.rules.plain",  # a rule in plain words
    "caseworker.printing.model",  # the document kinds
    "caseworker.printing.fonts",  # a glyph the font lacks
    "caseworker.printing.recovery_sheet",  # the key recovery sheet, rendered at first run
    "caseworker.scanning.fields",  # a scanned field and how it was established
    "caseworker.scanning.checks",  # a field checked against what it can be
    "caseworker.devices",  # the counter's devices
    "caseworker.locations",
    "caseworker.resources",
    "caseworker.logs",
    "caseworker.exit_codes",
    "caseworker.diagnostics",  # the diagnostics bundle
    "caseworker.about",  # the versions, packs and notices the About dialog shows
)
#: standing exceptions, as in pyproject.toml's ignore_imports: none (the scan dialog reads
#: through caseworker.services.scanning)
EXCEPTIONS: set[tuple[str, str]] = set()


def core_imports(folder: Path) -> list[tuple[str, str]]:
    """(file, module) for every import of a ``caseworker`` module under ``folder``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        where = str(path.relative_to(folder.parent))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
                if node.module == "caseworker":  # from caseworker import x: x is a module?
                    names = [f"caseworker.{alias.name}" for alias in node.names]
            else:
                continue
            found += [(where, n) for n in names if n.split(".")[0] == "caseworker"]
    return found


def not_allowed(folder: Path) -> list[str]:
    return [
        f"{where}: {module}"
        for where, module in core_imports(folder)
        if (where, module) not in EXCEPTIONS
        and module != "caseworker.__version__"
        and not any(module == m or module.startswith(m + ".") for m in MAY_IMPORT)
    ]


def test_the_ui_imports_only_the_core_modules_listed() -> None:
    offenders = not_allowed(ROOT / "ui")
    assert offenders == [], "\n".join(offenders)


def test_the_check_sees_an_import_not_listed(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "late.py").write_text(
        "from caseworker.storage import repositories\n"
        "from caseworker import __version__, security\n"
        "import caseworker.services.users\n",
        encoding="utf-8",
    )
    assert not_allowed(tmp_path / "ui") == [
        "ui/late.py: caseworker.storage",
        "ui/late.py: caseworker.security",
    ]
