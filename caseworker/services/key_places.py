"""Where a key-file store keeps its audit key, device signing key and high-water mark
(``caseworker init --key-file … --audit-key-file …`` or ``--audit-key-in-keyring``): away
from the store key, so that whoever is given the store key file (to repair a store, say)
does not get the keys that make the audit trail and the permits trustworthy with it."""

from __future__ import annotations

from pathlib import Path

from caseworker.security import secrets as keys


class KeyPlaceError(Exception):
    """The chosen place cannot keep the audit key; the message says why and what to do."""


def audit_key_place(
    *,
    folder: Path,
    key_file: Path | None,
    audit_key_file: Path | None,
    audit_key_in_keyring: bool,
) -> tuple[str, str | None]:
    """``(audit_key_source, audit_key_file)`` for the store's settings."""
    if audit_key_file is None and not audit_key_in_keyring:
        return "", None
    if audit_key_file is not None and audit_key_in_keyring:
        raise KeyPlaceError("give either --audit-key-file or --audit-key-in-keyring, not both")
    if key_file is None:
        raise KeyPlaceError(
            "the store key is in the keyring, and the audit key is kept there apart from "
            "it already; --audit-key-file and --audit-key-in-keyring go with --key-file"
        )
    if audit_key_in_keyring:
        if not keys.keyring_usable():
            raise KeyPlaceError(
                "this machine has no usable keyring; keep the audit key in a file with "
                "--audit-key-file FILE instead (not in the store key's folder)"
            )
        return "keyring", None
    assert audit_key_file is not None
    chosen = audit_key_file.resolve()
    for near, what in (
        (key_file.resolve().parent, "the store key"),
        (folder.resolve(), "the store"),
    ):
        if chosen.parent == near or near in chosen.parents:
            raise KeyPlaceError(
                f"--audit-key-file {audit_key_file}: it must not be in the folder of {what} "
                f"({near}); whoever gets that folder would get both. Choose a place only the "
                "office IT person and this Windows/Linux user can reach (another drive, a "
                "protected folder)"
            )
    return "file", str(chosen)
