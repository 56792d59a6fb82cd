"""The length and character class of every field the centre takes from a device, and the
checks of an operation's payload. The HTTP models (``app``) and the service both use
them, so that nothing reaches the database that PostgreSQL would refuse: a NUL byte, a
lone surrogate, a string longer than its column, a number beyond 64 bits, NaN."""

from __future__ import annotations

import math
import re
from typing import Any

OFFICE_CODE = r"^[0-9]{6,12}$"
DEVICE_CODE = r"^[A-Z0-9]{1,12}$"
DEVICE_ID = r"^[0-9a-f]{32}$"
ENROLMENT_CODE = r"^[A-Za-z0-9 -]{4,40}$"
HEX_KEY = r"^[0-9a-f]{64}$"
HEX_SIGNATURE = r"^[0-9a-f]{128}$"
# a nonce, or a token as the centre hands it out (secrets.token_urlsafe)
NONCE = r"^[0-9a-f]{64}$"
#: printable ASCII without spaces: a desk's keys are UUIDs in hex
IDEMPOTENCY_KEY = r"^[!-~]{1,64}$"
KIND = r"^[a-z][a-z_]{0,19}\.[a-z][a-z_]{0,18}$"
CURSOR = r"^[0-9]{1,19}:[0-9]{1,19}$"
AUDIT_HASH = r"^[!-~]{1,64}$"
USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,29}$")  # the desk's rule (services/users.py)
#: an application number: OFFICE-DEVICE-NNNNNN (services/applications.py)
APPLICATION_NUMBER = re.compile(r"^([0-9]{6,12})-([A-Z0-9]{1,12})-([0-9]{6,9})$")
ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")
#: an application's states (models/workflow.py State)
APPLICATION_STATES = (
    "draft",
    "accepted",
    "decided",
    "approved",
    "permit_issued",
    "settled",
    "refused",
    "withdrawn",
    "voided",
)

#: the roles an office may give its own users (the desk's four, services/store.py ROLES);
#: an office's "admin" administers that office only
OFFICE_ROLES = ("clerk", "supervisor", "collective_administrator", "admin")

BIGINT = 2**63 - 1
MAX_DEPTH = 32
#: one operation's payload, counted as its strings and scalars (the JSON is a little more)
MAX_PAYLOAD_BYTES = 256 << 10  # an application's decision is about 10 KB
MAX_TEXT = 500  # a display name, a password hash, a reason: none is longer


def text_problem(value: str) -> str:
    """Why a string cannot be stored as text, or "" when it can."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (a lone surrogate)"
    return ""


def payload_problem(payload: dict[str, Any]) -> str:
    """Why an operation's payload cannot be kept, or "" when it can: walked without
    recursion, so a payload nested 100,000 deep costs no stack."""
    size = 0
    stack: list[tuple[Any, int]] = [(payload, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"is nested more than {MAX_DEPTH} deep"
        if isinstance(value, dict):
            for key, item in value.items():
                problem = text_problem(str(key))
                if problem:
                    return f"has a key that {problem}"
                size += len(key) + 4
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
            size += 2
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem:
                return f"has a text that {problem}"
            size += len(value) + 2
        elif isinstance(value, bool) or value is None:
            size += 5
        elif isinstance(value, int):
            if not -BIGINT - 1 <= value <= BIGINT:
                return "has a whole number beyond 64 bits"
            size += 20
        elif isinstance(value, float):
            if not math.isfinite(value):
                return "has a number that is not finite (NaN or infinity)"
            size += 24
        else:
            return f"has a value of an unknown type ({type(value).__name__})"
        if size > MAX_PAYLOAD_BYTES:
            return f"is larger than {MAX_PAYLOAD_BYTES >> 10} KB"
    return ""


def plain_text(value: Any, what: str, *, longest: int = MAX_TEXT) -> str:
    """A payload's text field, or ValueError saying what is wrong with it."""
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text")
    problem = text_problem(value) or (
        f"is longer than {longest} characters" if len(value) > longest else ""
    )
    if problem:
        raise ValueError(f"{what} {problem}")
    return value


def storable(message: str, *, longest: int = 1000) -> str:
    """A message the centre keeps (an operation's error): one line, storable text."""
    cleaned = message.encode("utf-8", "replace").decode("utf-8").replace("\x00", "?")
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= longest else cleaned[: longest - 1] + "…"
