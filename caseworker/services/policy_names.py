"""The names a rule book gives its policies and zones, in Chinese and English, for a
screen that must never show an id (the desk's decision panel, its place line)."""

from __future__ import annotations

from caseworker.rules.packs import RuleBook


def policy_title(book: RuleBook, *, policy: str) -> tuple[str, str] | None:
    """(Chinese title, English title or "") of ``policy``; None for a policy not in the book."""
    for pack in book.packs:
        if pack.policy == policy:
            return pack.title, pack.title_en
    return None


def zone_name(book: RuleBook, *, policy: str, zone: str) -> tuple[str, str] | None:
    """(Chinese name, English name or "") of ``zone`` of ``policy``; None when unknown."""
    for pack in book.packs:
        if pack.policy == policy:
            for candidate in pack.zones:
                if candidate.id == zone:
                    return candidate.name, candidate.name_en
    return None
