"""Test set-up: offscreen Qt, the loaded engine once per session, ID numbers on demand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from caseworker import logs
from caseworker.services.evaluation import EvaluationService

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def service() -> EvaluationService:
    return EvaluationService.from_resources()


@pytest.fixture
def rules_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the shipped rule packs that a test may break."""
    target = tmp_path / "rules"
    target.mkdir()
    for pack in (ROOT / "resources" / "rules").glob("*.yaml"):
        (target / pack.name).write_text(pack.read_text(encoding="utf-8"), encoding="utf-8")
    yield target


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring for tests: nothing touches the machine's own keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def close_logs() -> Iterator[None]:
    yield
    logs.shutdown()
