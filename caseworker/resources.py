"""One helper that finds the shipped resources, wherever the program runs from.

Three layouts exist: a PyInstaller bundle (``sys._MEIPASS/resources``), an
installed wheel (``caseworker/_resources``, mapped there at build time) and a
source checkout or editable install (``resources/`` beside the package).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    override = os.environ.get("CASEWORKER_RESOURCES")
    candidates = []
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir / "_resources", package_dir.parent / "resources"]
    for candidate in candidates:
        if (candidate / "rules").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"the program's resources folder is missing (looked in {tried})")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
