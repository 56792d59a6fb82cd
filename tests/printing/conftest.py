"""The store fixtures serve the printing tests too."""

from tests.store.conftest import apps, store

__all__ = ["apps", "store"]
