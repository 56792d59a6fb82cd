"""Deciding cases: rule packs and division data loaded once, then any number of decisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caseworker.models.divisions import Divisions
from caseworker.models.facts import Case, CaseError, parse_case
from caseworker.resources import resource_path
from caseworker.rules.decision import Decision
from caseworker.rules.engine import evaluate
from caseworker.rules.pack_loader import load_pack, load_rulebook
from caseworker.rules.packs import PackError, RuleBook, RulePack

# PackError is handed on: the desk catches a broken rule pack without reaching into rules
__all__ = ["PULLED_RULES", "CaseFileError", "EvaluationService", "PackError"]

#: the folder, inside a store's folder, of the rule packs pulled from the centre
PULLED_RULES = "rules"


@dataclass(frozen=True, slots=True)
class CaseFileError(Exception):
    """A case file that cannot be decided; ``str()`` is one line naming the file."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class EvaluationService:
    """Holds the loaded rule book and division data; thread-safe once built (read-only)."""

    def __init__(self, book: RuleBook, divisions: Divisions) -> None:
        self.book = book
        self.divisions = divisions
        self.rules_dir: Path | None = None
        self.pulled: Path | None = None

    @classmethod
    def from_resources(
        cls, *, rules_dir: Path | None = None, pulled: Path | None = None
    ) -> EvaluationService:
        """Load and fully validate the packs (schema, facts, places, quotes against the
        policy texts); raises PackError, naming file and line, if any pack is broken.
        ``pulled`` is a store's folder of packs pulled from the centre (``PULLED_RULES``
        under the store): they replace the shipped ones."""
        divisions = Divisions.load(resource_path("divisions"))
        service = cls(RuleBook(()), divisions)
        service.rules_dir, service.pulled = rules_dir, pulled
        service.reload()
        return service

    def reload(self) -> None:
        """Read the packs again (after a sync brought new ones). Decisions running now
        finish with the book they started with."""
        self.book = load_rulebook(
            self.rules_dir or resource_path("rules"),
            policies_dir=resource_path("policies"),
            divisions=self.divisions,
            newer=self.pulled,
        )

    def check_pack(self, path: Path) -> RulePack:
        """Validate one pack exactly as loading the book would (PackError if broken)."""
        return load_pack(path, policies_dir=resource_path("policies"), divisions=self.divisions)

    def decide(self, case: Case) -> Decision:
        return evaluate(case, self.book, self.divisions)

    def decide_text(self, text: str | bytes) -> Decision:
        return self.decide(parse_case(text))

    def decide_file(self, path: Path) -> Decision:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CaseFileError(path, f"cannot read the file ({exc.strerror})") from None
        try:
            return self.decide_text(data)
        except CaseError as exc:
            raise CaseFileError(path, str(exc)) from None


def case_files(path: Path) -> list[Path]:
    """A file, or every ``*.json`` in a folder in file-name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".json" and p.is_file())
    return [path]
