"""The caseworker desk's core: facts, rules, services. Never imports Qt."""

from __future__ import annotations

__version__ = "0.1.0"
