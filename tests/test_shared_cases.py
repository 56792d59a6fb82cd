"""The shared example cases: all pass, always; and our copy never drifts from ../shared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from caseworker.services.evaluation import EvaluationService
from tests.conftest import SHARED

COPY = Path(__file__).parent / "shared_cases"
CASES = sorted(COPY.glob("*.json"))


def test_the_copy_holds_cases() -> None:
    assert len(CASES) >= 14


@pytest.mark.skipif(not (SHARED / "cases").is_dir(), reason="no ../shared beside this clone")
def test_copy_is_identical_to_shared_cases() -> None:
    shared = {p.name: p.read_bytes() for p in (SHARED / "cases").glob("*.json")}
    ours = {p.name: p.read_bytes() for p in CASES}
    assert sorted(ours) == sorted(shared), (
        "files differ: copy ../shared/cases to tests/shared_cases"
    )
    changed = [name for name in shared if ours[name] != shared[name]]
    assert not changed, f"changed in ../shared/cases: {changed}; copy them again"


def _eligible(result: dict[str, object]) -> list[str]:
    routes = result["routes"]
    assert isinstance(routes, list)
    return sorted(f"{r['policy']}:{r['clause']}" for r in routes if r["status"] == "eligible")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_shared_case(path: Path, service: EvaluationService) -> None:
    expect = json.loads(path.read_text(encoding="utf-8"))["expect"]
    result = service.decide_file(path).to_json()
    assert result["decision"] == expect["decision"]
    assert _eligible(result) == sorted(expect["eligible"])
    assert [f["may_accompany"] for f in result["family"]] == expect["family"]


def test_cli_json_over_the_folder_matches_every_expect() -> None:
    """`caseworker evaluate --json DIR` as the issue states it, in a child process."""
    out = subprocess.run(
        [sys.executable, "-m", "caseworker.cli", "evaluate", "--json", str(COPY)],
        capture_output=True,
        text=True,
        check=True,
    )
    results = json.loads(out.stdout)
    assert len(results) == len(CASES)
    for path, result in zip(CASES, results, strict=True):
        expect = json.loads(path.read_text(encoding="utf-8"))["expect"]
        assert result["decision"] == expect["decision"], path.name
        assert _eligible(result) == sorted(expect["eligible"]), path.name
        assert [f["may_accompany"] for f in result["family"]] == expect["family"], path.name
