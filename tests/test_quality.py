"""The house rules, checked by their tools as part of the tests: ruff, mypy strict on the
core, import-linter's layer contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts() -> None:
    lint_imports = shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or shutil.which(
        "lint-imports"
    )
    if lint_imports is None:
        pytest.fail("lint-imports is not installed; pip install -e '.[dev]'")
    result = _run(lint_imports)
    assert result.returncode == 0, result.stdout + result.stderr
