"""Where the office's store lives on this machine. Kept apart, and light, so the desk can
show its login window before it loads the store and the rules."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

STORE_FILE = "store.db"
SETTINGS_FILE = "settings.json"


def data_dir(override: Path | None = None) -> Path:
    """``--data-dir``, else ``CASEWORKER_DATA``, else the platform's user data folder."""
    if override is not None:
        return override
    env = os.environ.get("CASEWORKER_DATA")
    if env:
        return Path(env)
    return platformdirs.user_data_path("caseworker-desk", appauthor=False)
