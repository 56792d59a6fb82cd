"""Password hashing (argon2id) and the store key's keeping."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.security import secrets as keys
from caseworker.security.passwords import (
    PasswordRuleError,
    check_rules,
    hash_password,
    verify_password,
)


def test_argon2id_with_at_least_19_mib_and_2_iterations() -> None:
    hashed = hash_password("counter-2024")
    assert hashed.startswith("$argon2id$")
    params = dict(part.split("=") for part in hashed.split("$")[3].split(","))
    assert int(params["m"]) >= 19 * 1024 and int(params["t"]) >= 2
    assert verify_password(hashed, "counter-2024")
    assert not verify_password(hashed, "counter-2025")
    assert not verify_password("not a hash", "counter-2024")


@pytest.mark.parametrize("weak", ["short1", "onlyletters", "1234567890"])
def test_password_rules(weak: str) -> None:
    with pytest.raises(PasswordRuleError):
        check_rules(weak)


def test_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "k" / "store.key"
    key = keys.new_store_key()
    keys.write_key_file(path, key)
    assert path.stat().st_mode & 0o777 == 0o600
    assert keys.read_key_file(path) == key
    with pytest.raises(keys.KeyUnavailableError, match="never overwritten"):
        keys.write_key_file(path, keys.new_store_key())
    path.write_text("short\n", encoding="ascii")
    with pytest.raises(keys.KeyUnavailableError, match="does not hold a store key"):
        keys.read_key_file(path)
    with pytest.raises(keys.KeyUnavailableError, match="is missing"):
        keys.read_key_file(tmp_path / "nope.key")


def test_keyring_round_trip_and_a_missing_key() -> None:
    key = keys.new_store_key()
    keys.save_in_keyring("s1", key)
    assert keys.load_from_keyring("s1") == key
    keys.delete_from_keyring("s1")
    with pytest.raises(keys.KeyUnavailableError, match="not in this user's keyring"):
        keys.load_from_keyring("s1")
