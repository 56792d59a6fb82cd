"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: at least 19 MiB and 2 iterations (OWASP's floor for argon2id); a login takes ~50 ms
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 8


class PasswordRuleError(ValueError):
    """A password the rule refuses; ``part`` names the part that failed (``length``,
    ``blank``, ``mix``, ``distinct``, ``common``, ``pattern``, ``username``) so a screen
    can say it in its language."""

    def __init__(self, message: str, *, part: str) -> None:
        super().__init__(message)
        self.part = part


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
#: words a guesser puts before a run of digits (Admin@123, zhangsan123, woaini520)
COMMON_WORDS = frozenset(
    {
        "admin",
        "administrator",
        "password",
        "passwd",
        "pass",
        "root",
        "user",
        "test",
        "welcome",
        "iloveyou",
        "woaini",
        "zhangsan",
        "lisi",
        "wangwu",
        "qwerty",
        "abc",
    }
)
#: keyboard rows and the alphabet, walked either way (qwertyuiop, asdf, zyxw)
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "0123456789")
RULE = (
    f"at least {MIN_DISTINCT} different characters among {MIN_LENGTH} or more, with letters and "
    "digits or signs, not only spaces, none of the passwords every guesser tries first (such "
    "as password1 or abcd1234), not a common word or a run of letters (abcd, qwerty) with a "
    "run of digits (123), and not containing the user name"
)


def _is_run(text: str) -> bool:
    """A piece of a keyboard row, the alphabet or the digits, either way round, or one
    character repeated; one or two characters count as a run (nothing to guess)."""
    if len(text) <= 2 or len(set(text)) == 1:
        return True
    return any(text in run or text in run[::-1] for run in _RUNS)


def _guessable(password: str) -> bool:
    """Letters and digits that are each a run or a common word: a1b2c3d4, abcdefg1,
    qwertyuiop1, Admin@123, li123456, 0123456789a (signs and case do not help)."""
    letters = "".join(c for c in password if c.isalpha())
    digits = "".join(c for c in password if c.isdigit())
    if not digits:
        return False
    words_ok = _is_run(letters) or letters in COMMON_WORDS
    return words_ok and _is_run(digits)


def check_rules(password: str, *, username: str = "") -> None:
    """The rule the README states (``RULE``); the message says which part failed. Full-width
    characters count as their plain forms (１２３ is 123)."""
    password = unicodedata.normalize("NFKC", password)
    if len(password) < MIN_LENGTH:
        raise PasswordRuleError(f"a password needs at least {MIN_LENGTH} characters", part="length")
    if not password.strip():
        raise PasswordRuleError("a password cannot be only spaces or tabs", part="blank")
    letters = any(c.isalpha() for c in password)
    others = any(not c.isalpha() and not c.isspace() for c in password)
    if not (letters and others):
        raise PasswordRuleError(
            "a password needs both letters and digits or other signs", part="mix"
        )
    if len(set(password)) < MIN_DISTINCT:
        raise PasswordRuleError(
            f"a password needs at least {MIN_DISTINCT} different characters, not one or two "
            "repeated",
            part="distinct",
        )
    lowered = password.strip().lower()
    if lowered in COMMON:
        raise PasswordRuleError(
            "this password is among the first every guesser tries; choose another",
            part="common",
        )
    if _guessable(lowered):
        raise PasswordRuleError(
            "a common word or a run of letters with a run of digits is guessed at once; "
            "choose another",
            part="pattern",
        )
    if len(username) >= 3 and username.lower() in lowered:  # li in "olive" is no clue
        raise PasswordRuleError("a password cannot contain the user name", part="username")


def hash_password(password: str) -> str:
    check_rules(password)
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
