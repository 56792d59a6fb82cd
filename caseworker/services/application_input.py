"""What a front end hands the service to save an application: the answers, and for an
edit the application's number and the version the edit was made on.

The version is the one the clerk saw (the desk shows it, ``caseworker show`` prints it):
if someone saved the application since, ``ApplicationService.save`` refuses the edit
(``StaleVersionError``) instead of writing over their change. ``version=None`` on an
edit means "not checked" (the command line's ``edit`` without ``--version``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ApplicationInput:
    """``number`` None: a new draft. Otherwise an edit of that application, made on
    ``version``."""

    answers: dict[str, Any]
    number: str | None = None
    version: int | None = None

    @property
    def is_new(self) -> bool:
        return self.number is None
