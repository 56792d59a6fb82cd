"""What every service shares: who is acting, and the errors a request can meet."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """A request that cannot be done; ``str()`` is one line saying why and what to do."""


class NotFoundError(ServiceError):
    pass


class DuplicateError(ServiceError):
    pass


class PermissionDeniedError(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str


def mask_id(number: str | None) -> str:
    """An ID number as logs and audit details may show it."""
    if not number:
        return ""
    return f"{number[:6]}********{number[14:]}" if len(number) == 18 else "****"
