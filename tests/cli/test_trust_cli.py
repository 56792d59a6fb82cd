"""Trust boundaries on the command line (issue 21): backup and restore need an
administrator (4), a damaged store is never written to (9), a reset password must be
changed first (11), a refused login says nothing about which names exist (12), the
password rule (13), inputs that used to end in an internal error (14), and the audit
trail's check at start."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.security.passwords import PasswordRuleError, check_rules
from caseworker.services.store import STORE_FILE, Store
from caseworker.storage import sync as outbox
from caseworker.storage.audit import events
from caseworker.storage.database import connect_raw
from tests.stores import PASSWORD, application


@pytest.fixture
def data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path / "data"
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    init = ["init", "--data-dir", str(folder), "--office", "370102001", "--station", "泉城路派出所"]
    assert main([*init, "--admin-password-file", str(secret)]) == 0
    monkeypatch.setenv("CASEWORKER_DATA", str(folder))
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    add = ["users", "add", "li", "--role", "clerk", "--password-file", str(secret)]
    assert main(add) == 0
    capsys.readouterr()
    return folder


def _apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "app.json"
    path.write_text(json.dumps(application(), ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(path)]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def _actions(folder: Path, prefix: str) -> list[tuple[str, str, dict[str, object]]]:
    store = Store.open(folder)
    try:
        with store.sessions() as session:
            found = events(session, action_prefix=prefix)
    finally:
        store.close()
    return [(e.actor, e.action, e.detail) for e in found]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 4: backup and restore need an administrator ----------------------------------------------


def test_backup_needs_an_administrator(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.db"
    monkeypatch.delenv("CASEWORKER_USER")
    assert main(["backup", str(target)]) == 2
    assert "--as USER" in capsys.readouterr().err and not target.exists()
    assert main(["backup", "--as", "li", str(target)]) == 2
    assert "may not back up" in capsys.readouterr().err and not target.exists()
    assert main(["backup", "--as", "admin", str(target)]) == 0
    assert target.is_file()
    assert [a[:2] for a in _actions(data, "store.backup")] == [("admin", "store.backup")]


def test_restore_needs_an_administrator_is_audited_and_queued_for_the_centre(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _apply(tmp_path, capsys)
    backup = tmp_path / "b.db"
    assert main(["backup", str(backup)]) == 0
    later = _apply(tmp_path, capsys)
    monkeypatch.delenv("CASEWORKER_USER")
    assert main(["restore", str(backup)]) == 2
    assert "--as USER" in capsys.readouterr().err
    assert main(["restore", "--as", "li", str(backup)]) == 2
    assert "may not back up or restore" in capsys.readouterr().err
    assert main(["list", "--as", "admin"]) == 0
    assert later in capsys.readouterr().out  # nothing was replaced
    assert main(["restore", "--as", "admin", str(backup)]) == 0
    capsys.readouterr()
    assert main(["list", "--as", "admin"]) == 0
    assert later not in capsys.readouterr().out
    restored = _actions(data, "store.restore")
    assert [r[:2] for r in restored] == [("admin", "store.restore")]
    store = Store.open(data)
    try:
        with store.sessions() as session:
            queued = outbox.pending(session, after=0, limit=100)
    finally:
        store.close()
    told = [i for i in queued if i.kind == "store.restored"]
    assert len(told) == 1 and told[0].payload["by"] == "admin"
    assert told[0].payload["office_code"] == "370102001"


def test_restoring_a_damaged_store_logs_in_on_the_backup(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.db"
    assert main(["backup", str(backup)]) == 0
    (data / STORE_FILE).write_bytes(b"")
    assert main(["restore", "--as", "li", str(backup)]) == 2
    assert (data / STORE_FILE).read_bytes() == b""  # put back as it was
    assert main(["restore", str(backup)]) == 0
    assert main(["list"]) == 0


# --- 9: a damaged store is never written to -----------------------------------------------------


def test_an_emptied_store_is_refused_not_rebuilt(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", str(data / "backups" / "b.db")]) == 0
    capsys.readouterr()
    (data / STORE_FILE).write_bytes(b"")
    for command in (["list"], ["search", "x"], ["audit", "verify"], ["users", "list"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert "damaged" in err and "caseworker restore" in err and "b.db" in err, err
        assert (data / STORE_FILE).read_bytes() == b""


def test_a_store_with_a_flipped_byte_is_never_written(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _apply(tmp_path, capsys)
    path = data / STORE_FILE
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    before = _digest(path)
    case = tmp_path / "c.json"
    case.write_text(json.dumps(application(), ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(case)]) == 2
    assert "damaged" in capsys.readouterr().err
    assert _digest(path) == before


# --- 11: a reset password must be changed first -------------------------------------------------


def test_a_reset_password_must_be_changed_before_anything_else(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.write_text("Temp-pass-77", encoding="utf-8")
    assert main(["users", "reset-password", "li", "--password-file", str(temporary)]) == 0
    monkeypatch.setenv("CASEWORKER_PASSWORD", "Temp-pass-77")
    assert main(["list", "--as", "li"]) == 2
    assert "users passwd li" in capsys.readouterr().err
    new = tmp_path / "new"
    new.write_text("Own-choice-42", encoding="utf-8")
    assert main(["users", "passwd", "li", "--as", "li", "--password-file", str(new)]) == 0
    monkeypatch.setenv("CASEWORKER_PASSWORD", "Own-choice-42")
    assert main(["list", "--as", "li"]) == 0


# --- 12: a refused login tells nothing about which names exist ----------------------------------


def test_a_refused_login_reads_the_same_for_a_real_and_an_unknown_name(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEWORKER_PASSWORD", "wrong-pass-1")
    answers: dict[str, list[str]] = {}
    for name in ("li", "nobody"):
        for _ in range(6):  # past the lockout for the real one
            assert main(["list", "--as", name]) == 2
            answers.setdefault(name, []).append(capsys.readouterr().err)
    assert answers["li"] == answers["nobody"]
    assert all("li" not in line.replace("list", "") for line in answers["li"])


# --- 13: the password rule --------------------------------------------------------------------


@pytest.mark.parametrize(
    "weak",
    [
        *[" " * 8, "\t" * 8, "!!!!!!!!", "12345678!", "aaaaaaa1", "abab1212", "Password1"],
        "abcd1234",
        # accepted until tried as a guesser would (a word or a run of letters with digits)
        *["Admin@123", "zhangsan123", "li123456", "abcdefg1", "a1b2c3d4", "0123456789a"],
        "qwertyuiop1",
        "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff41",  # full-width 1234567a
    ],
)
def test_weak_passwords_are_refused(
    weak: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PasswordRuleError):
        check_rules(weak)
    secret = tmp_path / "weak"
    secret.write_bytes(weak.encode("utf-8"))
    add = ["users", "add", "wang", "--role", "clerk"]
    # a password file is read stripped; one holding only spaces is refused as too short
    assert main([*add, "--password-file", str(secret)]) == 2
    assert "password" in capsys.readouterr().err


@pytest.mark.parametrize("good", ["s3cret-pass", "护照号码2024年", "Tiger-lily 7", "Own-choice-42"])
def test_reasonable_passwords_pass(good: str) -> None:
    check_rules(good)


def test_a_password_holding_the_user_name_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PasswordRuleError) as refused:
        check_rules("wangfang-Moon7", username="wangfang")
    assert refused.value.part == "username"
    check_rules("wangfang-Moon7", username="li")
    secret = tmp_path / "own-name"
    secret.write_text("Xwangfang-9", encoding="utf-8")
    assert (
        main(["users", "add", "wangfang", "--role", "clerk", "--password-file", str(secret)]) == 2
    )
    assert "user name" in capsys.readouterr().err


# --- 14: inputs that ended in an internal error ---------------------------------------------


def test_five_inputs_get_a_clear_refusal_not_an_internal_error(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync", "resolve", "1", "--note", "x"]) == 2
    assert "internal error" not in capsys.readouterr().err
    huge = tmp_path / "huge.json"
    huge.write_text('{"on": ' + "9" * 5000 + "}", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for path in (huge, deep):
        assert main(["apply", str(path)]) == 2
        err = capsys.readouterr().err
        assert "internal error" not in err and path.name in err, err
    for command in (["list", "--page", str(10**20)], ["search", "x", "--page", str(10**20)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "the page is 1 to 1,000,000" in err and "internal error" not in err


# --- the audit trail at start ---------------------------------------------------------------


def test_every_command_says_in_one_line_when_the_trail_was_tampered_with(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _apply(tmp_path, capsys)
    store = Store.open(data)
    key = store.settings.key()
    store.close()
    conn = connect_raw(data / STORE_FILE, key)
    conn.execute("UPDATE audit_events SET actor = 'zhao' WHERE seq = 3")
    conn.commit()
    conn.close()
    assert main(["list"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "NOT intact" in line]
    assert len(warnings) == 1 and "event 3 " in warnings[0]
    assert main(["audit", "verify"]) == 1
    assert "event 3 " in capsys.readouterr().out


def test_dates_at_the_end_of_the_calendar_get_no_internal_error(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # beyond the list: the same class of fault next door (date + a day, date + ten years)
    assert main(["search", "--to", "9999-12-31"]) == 0
    case = application()
    case["on"] = "9999-12-31"
    path = tmp_path / "far.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", str(path)]) in {0, 2}
    assert "internal error" not in capsys.readouterr().err


def test_bytes_that_are_not_utf8_get_a_clear_refusal(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # beyond the list: an argument or a password variable that is not UTF-8 (it arrives as
    # lone surrogates) ended in an internal error
    bad = b"\xff\xfe".decode("utf-8", "surrogateescape")
    assert main(["audit", "show", "--user", bad]) == 2
    assert "'\\xff\\xfe' is not valid UTF-8" in capsys.readouterr().err
    monkeypatch.setenv("CASEWORKER_PASSWORD", bad)
    assert main(["list"]) == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_a_scripted_first_login_changes_the_password_through_the_password_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`users passwd` reads the current password as the login does (CASEWORKER_PASSWORD_FILE
    included): without a terminal it ended in an internal error (EOFError, exit 3)."""
    temporary = tmp_path / "tmp"
    temporary.write_text("Temp-pass-77", encoding="utf-8")
    assert main(["users", "reset-password", "li", "--password-file", str(temporary)]) == 0
    monkeypatch.delenv("CASEWORKER_PASSWORD", raising=False)
    monkeypatch.setenv("CASEWORKER_PASSWORD_FILE", str(temporary))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal
    new = tmp_path / "new"
    new.write_text("Own-choice-42", encoding="utf-8")
    assert main(["users", "passwd", "li", "--as", "li", "--password-file", str(new)]) == 0
    monkeypatch.setenv("CASEWORKER_PASSWORD_FILE", str(new))
    assert main(["list", "--as", "li"]) == 0
