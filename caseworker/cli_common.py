"""What the store's commands share: their options, and writing a file safely."""

from __future__ import annotations

import argparse
from pathlib import Path

from caseworker.services.base import ServiceError


def with_store(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options every command on the store takes: where it is, and who logs in."""
    parser.add_argument("--data-dir", type=Path, help="the store's folder (else CASEWORKER_DATA)")
    parser.add_argument(
        "--as",
        dest="user",
        help="log in as this user (else CASEWORKER_USER); the password is asked on the "
        "terminal, or read from CASEWORKER_PASSWORD_FILE or CASEWORKER_PASSWORD",
    )
    parser.add_argument("--otp", help="the 6-digit code (动态口令) where a second factor is on")
    return parser


def is_text(value: str) -> bool:
    """Whether a command-line argument or variable is real text (bytes that were not UTF-8
    arrive as lone surrogates, which nothing downstream can encode)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def write_atomically(path: Path, data: bytes) -> Path:
    """Write beside the target, then move into place: a reader never sees half a file."""
    out = path.resolve()
    temporary = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ServiceError(f"cannot write {out}: {exc.strerror}; choose another place") from None
    return out
