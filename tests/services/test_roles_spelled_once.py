"""The roles are named once, by the ``Role`` enum beside the grants in
``services/permissions.py`` (issue 20): no service compares a role with a string of its
own or spells a set of roles again (a set spelled twice drifts, as the "supervisor or
admin" sets once did in seven places)."""

from __future__ import annotations

import ast
from pathlib import Path

from caseworker.services.permissions import Role

ROOT = Path(__file__).resolve().parents[2]
NAMES = {role.value for role in Role}


def spelled(folder: Path) -> list[str]:
    """Each place under ``folder`` (``permissions.py`` aside) that compares with a role's
    name as a string, or lists two or more roles' names in a literal."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path.name == "permissions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(s, ast.Constant) and s.value in NAMES for s in sides):
                    found.append(f"{path.name}:{node.lineno}: compares with a role's name")
            elif isinstance(node, ast.Set | ast.Tuple | ast.List):
                named = [e for e in node.elts if isinstance(e, ast.Constant) and e.value in NAMES]
                if len(named) >= 2:
                    found.append(f"{path.name}:{node.lineno}: spells a set of roles")
    return found


def test_no_service_spells_a_role_of_its_own() -> None:
    offenders = spelled(ROOT / "caseworker" / "services")
    assert offenders == [], "\n".join(offenders)


def test_the_scan_sees_a_role_spelled_as_a_string(tmp_path: Path) -> None:
    (tmp_path / "late.py").write_text(
        'SEEING = frozenset({"clerk", "admin"})\n'
        'def f(actor):\n    return actor.role == "supervisor"\n',
        encoding="utf-8",
    )
    assert spelled(tmp_path) == [
        "late.py:1: spells a set of roles",
        "late.py:3: compares with a role's name",
    ]
