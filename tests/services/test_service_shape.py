"""Services of one shape (issue 20): each is built from a context (``OfficeContext``, or
``ServiceContext`` with the rules), never from a bare store nor on another service; and
no service, command or composition root reaches into another service's store, clock or
rules."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import get_type_hints

import caseworker.services
from caseworker.services.context import OfficeContext

ROOT = Path(__file__).resolve().parents[2]
#: the services: every class of ``caseworker.services`` that does the use cases
SERVICES = (
    "ApplicationService",
    "ApplicantConfirmations",
    "AuditService",
    "CollectiveService",
    "PrintingService",
    "StatisticsService",
    "SyncService",
    "UserService",
)
REACHING = re.compile(r"\b(?:apps|applications|service)\.(?:store|clock|evaluation)\b")


def _service_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(caseworker.services.__path__):
        module = importlib.import_module(f"caseworker.services.{info.name}")
        for name, value in vars(module).items():
            if name in SERVICES and inspect.isclass(value):
                found[name] = value
    return found


def test_every_service_is_built_from_a_context() -> None:
    classes = _service_classes()
    assert set(classes) == set(SERVICES)
    for name, kind in classes.items():
        _self, first, *_rest = inspect.signature(kind.__init__).parameters
        built_from = get_type_hints(kind.__init__)[first]
        assert inspect.isclass(built_from), name
        assert issubclass(built_from, OfficeContext), (name, built_from)


def test_nothing_reaches_into_another_services_store_clock_or_rules() -> None:
    places = [
        *(ROOT / "caseworker").rglob("*.py"),
        ROOT / "ui" / "app.py",
        ROOT / "installer" / "screenshots.py",
    ]
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in places
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if REACHING.search(line)
    ]
    assert offenders == []
