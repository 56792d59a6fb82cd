"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: at least 19 MiB and 2 iterations (OWASP's floor for argon2id); a login takes ~50 ms
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 8


class PasswordRuleError(ValueError):
    pass


def check_rules(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordRuleError(f"a password needs at least {MIN_LENGTH} characters")
    if password.isdigit() or password.isalpha():
        raise PasswordRuleError("a password needs both letters and digits or other signs")


def hash_password(password: str) -> str:
    check_rules(password)
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
