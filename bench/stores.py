"""A fresh office store for a benchmark, its key in a file beside it (no keyring)."""

from __future__ import annotations

from pathlib import Path

from caseworker.services.store import Store


def bench_store(tmp: Path) -> Store:
    """The store in ``tmp/data``, keyed by ``tmp/store.key``."""
    return Store.init(
        tmp / "data",
        office_code="370102001",
        police_station_name="bench",
        admin_password="s3cret-pass",
        key_file=tmp / "store.key",
    )
