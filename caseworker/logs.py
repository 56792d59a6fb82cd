"""Logging for the program: to ``logs/caseworker.log`` in the data folder, never with a
full ID number or a key in it (a filter masks them whatever the message).

What an IT person finds there: every login, logout, failed or refused login, save,
workflow step, print, export and administrator action (each audit event the store
commits, with its safe details only: no names, no free text), every sync round, every
refusal the clerk or the command line saw, and every error with its traceback. Each
line names the program and its process id.

The desk and the command line (a scheduled backup, the IT person's shell) write the same
file at the same time. The stdlib's RotatingFileHandler renames the file at rotation:
on Windows that fails while another process holds it open, and on Linux the other
process goes on writing into the renamed file. ``concurrent-log-handler`` takes a lock
file around each write and rotation, and with ``keep_file_open=False`` no process holds
the file between writes, so rotation works on Windows too
(tests/it/test_logs.py rotates with two processes writing)."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from concurrent_log_handler import ConcurrentRotatingFileHandler

LOG_FILE = "caseworker.log"
MAX_BYTES = 2_000_000
BACKUPS = 5

_ID = re.compile(r"\b(\d{6})(\d{8})(\d{3}[\dXx])\b")
_KEY = re.compile(r"\b[0-9a-fA-F]{64}\b")

#: the audit details that may go to the log: codes, numbers, states and counts; never a
#: person's name, an address or free text (a reason may name someone)
SAFE_DETAIL = frozenset(
    {
        "source",
        "attempt",
        "locked",
        "until",
        "role",
        "username",
        "number",
        "state",
        "kind",
        "copy",
        "document",
        "decision",
        "format",
        "count",
        "operations",
        "office_code",
        "device_code",
        "policy",
        "version",
    }
)


def mask(text: str) -> str:
    text = _KEY.sub("[key]", text)
    return _ID.sub(lambda m: f"{m.group(1)}********{m.group(3)}", text)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
        return True


class _Program(logging.Filter):
    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program

    def filter(self, record: logging.LogRecord) -> bool:
        record.program = self.program
        return True


class _Handler(ConcurrentRotatingFileHandler):
    """Ours, to tell it apart from a handler a test or a host program added."""


def _handlers() -> list[_Handler]:
    return [h for h in logging.getLogger("caseworker").handlers if isinstance(h, _Handler)]


def setup(
    folder: Path,
    *,
    program: str = "caseworker",
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> Path:
    """Log to ``folder/caseworker.log``; a second call for another folder moves the log.
    Returns the log file."""
    target = (folder / LOG_FILE).resolve()
    root = logging.getLogger("caseworker")
    root.setLevel(logging.INFO)
    for old in _handlers():
        if Path(old.baseFilename) == target:
            return target
        root.removeHandler(old)
        old.close()
    folder.mkdir(parents=True, exist_ok=True)
    handler = _Handler(
        str(target),
        maxBytes=max_bytes,
        backupCount=backups,
        encoding="utf-8",
        keep_file_open=False,
    )
    handler.addFilter(MaskingFilter())
    handler.addFilter(_Program(program))
    handler.setFormatter(
        logging.Formatter(
            "%(asctime)s %(levelname)s [%(program)s %(process)d] %(name)s: %(message)s"
        )
    )
    root.addHandler(handler)
    _log_uncaught()
    return target


def shutdown() -> None:
    root = logging.getLogger("caseworker")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


def log_file() -> Path | None:
    """Where this process logs, once :func:`setup` ran."""
    found = _handlers()
    return Path(found[0].baseFilename) if found else None


def audit_event(
    *, actor: str, action: str, application_id: int | None, detail: dict[str, Any]
) -> None:
    """One committed audit event, as a log line with its safe details only."""
    shown = " ".join(
        f"{k}={v}"
        for k, v in sorted(detail.items())
        if k in SAFE_DETAIL and isinstance(v, str | int | float | bool)
    )
    subject = f" application#{application_id}" if application_id is not None else ""
    line = f"{action} by {actor}{subject}" + (f" {shown}" if shown else "")
    logging.getLogger("caseworker.audit").info("%s", line)


def sync_round(*, ok: bool, lines: list[str]) -> None:
    """One sync round's summary: INFO when it completed, WARNING when it did not."""
    level = logging.INFO if ok else logging.WARNING
    logging.getLogger("caseworker.sync").log(level, "sync round: %s", "; ".join(lines))


_previous_hook = sys.excepthook


def _log_uncaught() -> None:
    """An error nothing caught still reaches the log, then Python's own report."""
    if getattr(sys.excepthook, "_caseworker", False):
        return

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger("caseworker").critical(
                "uncaught error (pid %d)", os.getpid(), exc_info=(kind, value, tb)
            )
        _previous_hook(kind, value, tb)

    hook._caseworker = True  # type: ignore[attr-defined]
    sys.excepthook = hook
