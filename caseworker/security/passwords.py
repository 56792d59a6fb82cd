"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: at least 19 MiB and 2 iterations (OWASP's floor for argon2id); a login takes ~50 ms
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 8


class PasswordRuleError(ValueError):
    pass


MIN_DISTINCT = 5
#: passwords every guesser tries first (compared without case); the rule's other parts
#: already refuse the all-digit, all-letter and all-sign ones
COMMON = frozenset(
    {
        "password1",
        "password!",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "qwerty123",
        "qwer1234",
        "1qaz2wsx",
        "abc12345",
        "abcd1234",
        "a1234567",
        "a12345678",
        "1234abcd",
        "12345abc",
        "admin123",
        "admin1234",
        "iloveyou1",
        "woaini1314",
        "test1234",
        "welcome1",
    }
)
RULE = (
    f"at least {MIN_DISTINCT} different characters among {MIN_LENGTH} or more, with letters and "
    "digits or signs, not only spaces, and none of the passwords every guesser tries first "
    "(such as password1 or abcd1234)"
)


def check_rules(password: str) -> None:
    """The rule the README states (``RULE``); the message says which part failed."""
    if len(password) < MIN_LENGTH:
        raise PasswordRuleError(f"a password needs at least {MIN_LENGTH} characters")
    if not password.strip():
        raise PasswordRuleError("a password cannot be only spaces or tabs")
    letters = any(c.isalpha() for c in password)
    others = any(not c.isalpha() and not c.isspace() for c in password)
    if not (letters and others):
        raise PasswordRuleError("a password needs both letters and digits or other signs")
    if len(set(password)) < MIN_DISTINCT:
        raise PasswordRuleError(
            f"a password needs at least {MIN_DISTINCT} different characters, not one or two "
            "repeated"
        )
    if password.strip().lower() in COMMON:
        raise PasswordRuleError(
            "this password is among the first every guesser tries; choose another"
        )


def hash_password(password: str) -> str:
    check_rules(password)
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
