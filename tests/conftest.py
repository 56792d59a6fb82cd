"""Test set-up: offscreen Qt, the loaded engine once per session, ID numbers on demand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

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
