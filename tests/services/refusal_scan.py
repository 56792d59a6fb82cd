"""Find refusals in the services' source: every place a ``ServiceError`` (or a subclass) is
made, with the code it names (a ``code=`` argument, or its class's own code). The tests
walk what this finds, so a new refusal cannot slip past them by not being on a list."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import caseworker.services
from caseworker.services.base import ServiceError

SERVICES = Path(caseworker.services.__path__[0])
#: the codes that only say which family a refusal is of; its words are then its English
#: sentence, not data a front end can word
GENERIC = frozenset(
    {"refused", "not_found", "duplicate", "permission_denied", "invalid_input", "step_not_allowed"}
)


@dataclass(frozen=True, slots=True)
class Refusal:
    where: str  # path:line
    kind: str  # the class made
    codes: tuple[str, ...]  # the codes it may carry (two for ``a if x else b``)


def error_classes() -> dict[str, type[ServiceError]]:
    """Every ``ServiceError`` class the services define, by name."""
    for info in pkgutil.iter_modules(caseworker.services.__path__):
        importlib.import_module(f"caseworker.services.{info.name}")
    found: dict[str, type[ServiceError]] = {"ServiceError": ServiceError}
    todo: list[type[ServiceError]] = [ServiceError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found[sub.__name__] = sub
            todo.append(sub)
    return found


def refusals(folder: Path = SERVICES) -> list[Refusal]:
    classes = error_classes()
    out = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if name not in classes:
                continue
            given = [k.value for k in node.keywords if k.arg == "code"]
            codes = _literal_codes(given[0]) if given else (classes[name].code,)
            out.append(Refusal(f"{path.relative_to(folder)}:{node.lineno}", name, codes))
    return out


def _literal_codes(node: ast.expr) -> tuple[str, ...]:
    """The codes a ``code=`` argument names: a literal, or ``"a" if x else "b"``; anything
    else names none (and is reported as a refusal without a code)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.IfExp):
        return _literal_codes(node.body) + _literal_codes(node.orelse)
    return ()


def codes_in_source() -> set[str]:
    """Every code a refusal in the services can carry, and every class's own."""
    found = {code for refusal in refusals() for code in refusal.codes}
    return found | {kind.code for kind in error_classes().values()}
