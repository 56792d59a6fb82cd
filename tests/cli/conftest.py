"""Fixtures shared with the other store-backed test folders (tests/stores.py)."""

from tests.stores import apps, store  # noqa: F401 - fixtures
