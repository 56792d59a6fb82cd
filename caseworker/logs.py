"""Logging for the program: to a file in the data folder, never with a full ID number or
a key in it (a filter masks them whatever the message)."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

_ID = re.compile(r"\b(\d{6})(\d{8})(\d{3}[\dXx])\b")
_KEY = re.compile(r"\b[0-9a-fA-F]{64}\b")


def mask(text: str) -> str:
    text = _KEY.sub("[key]", text)
    return _ID.sub(lambda m: f"{m.group(1)}********{m.group(3)}", text)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = None
        return True


def setup(folder: Path) -> None:
    """Log to ``folder/caseworker.log``; a second call for another folder moves the log."""
    target = (folder / "caseworker.log").resolve()
    root = logging.getLogger("caseworker")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        if isinstance(old, RotatingFileHandler):
            if Path(old.baseFilename) == target:
                return
            root.removeHandler(old)
            old.close()
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.addFilter(MaskingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def shutdown() -> None:
    root = logging.getLogger("caseworker")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
