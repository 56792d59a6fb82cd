"""The terminal the commands write to: always UTF-8.

A Chinese Windows console redirected to a file (or a pipe) makes Python write in the
ANSI code page, cp936 (GBK), which has no Extension-B characters: a name like 𠈌明,
exactly the kind this system promises to keep, would end the command with a
UnicodeEncodeError. The bundle runs in Python's UTF-8 mode (installer/caseworker.spec);
the entry points also call :func:`use_utf8` so that ``pip install``-ed commands and
``python -m caseworker`` behave the same, whatever ``PYTHONIOENCODING`` or the locale say.
An interactive Windows console is not affected: Python writes to it in UTF-16."""

from __future__ import annotations

import io
import sys


def use_utf8() -> None:
    """Switch stdout and stderr to UTF-8 (stderr keeps ``backslashreplace``, so even a
    broken stream never hides the error itself). Streams that are not text files
    (a test's capture, say) are left alone."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in {
            "utf-8",
            "utf8",
        }:
            stream.reconfigure(encoding="utf-8", errors=errors)
