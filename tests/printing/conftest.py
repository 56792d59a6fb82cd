"""The store fixtures serve the printing tests too."""

from tests.stores import apps, store

__all__ = ["apps", "store"]
