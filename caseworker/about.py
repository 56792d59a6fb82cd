"""What the program is: its version, the rule packs and data editions it decides with,
the versions of the libraries it runs on, and where its third-party notices are. The
About dialog (帮助 → 关于), the diagnostics bundle and ``caseworker about`` show this."""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from caseworker import __version__
from caseworker.resources import resource_path

#: the notices file the build writes (installer/notices.py) into the bundle's resources
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"

#: the distributions whose versions support asks about first
KEY_DISTRIBUTIONS = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLAlchemy",
    "sqlcipher3",
    "alembic",
    "reportlab",
    "cryptography",
    "keyring",
    "pydantic",
    "httpx",
)


def rule_packs(rules: Any | None = None) -> list[dict[str, str]]:
    """Each shipped (or pulled) pack: policy, version, document and the first 12 hex
    characters of its file's SHA-256. ``rules`` is a RuleBook; else the shipped ones."""
    if rules is None:
        from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415

        rules = EvaluationService.from_resources().book
    return [
        {
            "policy": pack.policy,
            "version": str(pack.version),
            "document": pack.document,
            "sha256": pack.sha256[:12],
        }
        for pack in rules.packs
    ]


def data_editions() -> dict[str, str]:
    """The editions of the data shipped with the program: divisions and the font."""
    editions: dict[str, str] = {}
    try:
        source = json.loads(resource_path("divisions", "divisions.json").read_text("utf-8"))
        editions["divisions"] = f"{source['source']['edition']}; {source['source']['package']}"
    except (OSError, KeyError, ValueError) as exc:
        editions["divisions"] = f"unreadable ({type(exc).__name__})"
    editions["font"] = "AR PL UMing CN (fonts-arphic-uming 0.2.20080216.2), cut"
    return editions


def library_versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in KEY_DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    try:
        import sqlcipher3  # noqa: PLC0415

        connection = sqlcipher3.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
            found["SQLCipher"] = str(row[0]) if row else "?"
            found["SQLite"] = str(connection.execute("select sqlite_version()").fetchone()[0])
        finally:
            connection.close()
    except Exception as exc:  # a version line must never stop the About dialog
        found["SQLCipher"] = f"unknown ({type(exc).__name__})"
    try:
        from cryptography.hazmat.backends.openssl.backend import backend  # noqa: PLC0415

        found["OpenSSL"] = backend.openssl_version_text()
    except Exception as exc:
        found["OpenSSL"] = f"unknown ({type(exc).__name__})"
    return found


def notices_path() -> Path | None:
    """The third-party notices shipped with this copy, or None in a source checkout
    where the build has not written them."""
    path = resource_path(NOTICES_FILE)
    return path if path.exists() else None


def facts(*, rules: Any | None = None, qt: str | None = None) -> dict[str, Any]:
    """Everything the About dialog and the diagnostics bundle show; no personal data."""
    libraries = library_versions()
    if qt is not None:
        libraries["Qt"] = qt
    notices = notices_path()
    return {
        "program": "落户受理台 caseworker desk",
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "rule_packs": rule_packs(rules),
        "data": data_editions(),
        "libraries": libraries,
        "notices": str(notices) if notices else None,
    }
