"""The store's commands: init, apply, list, show, search, the steps, backup, restore, db."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from caseworker.cli import main
from caseworker.services.store import Store
from caseworker.storage import repositories as repo
from caseworker.storage.repositories import ApplicationView
from tests.stores import PASSWORD, application


@pytest.fixture
def data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    assert (
        main(
            [
                "init",
                "--data-dir",
                str(folder),
                "--office",
                "370102001",
                "--station",
                "泉城路派出所",
                "--admin-password-file",
                str(secret),
            ]
        )
        == 0
    )
    assert "store set up in" in capsys.readouterr().out
    return folder


def _apply(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], **spec: object) -> str:
    path = tmp_path / "app.json"
    path.write_text(json.dumps(application(**spec), ensure_ascii=False), encoding="utf-8")
    assert main(["apply", "--data-dir", str(folder), str(path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "决定 decision: eligible" in "\n".join(out)
    return out[-1]


def test_apply_then_every_reading_command(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _apply(data, tmp_path, capsys, names=["张三丰", "李四"])
    assert number.startswith("370102001-")
    assert main(["list", "--data-dir", str(data)]) == 0
    assert number in capsys.readouterr().out
    assert main(["search", "--data-dir", str(data), "zsf"]) == 0
    out = capsys.readouterr().out
    id_number = application_id_number(data, number)
    assert number in out and "张三丰" in out and id_number in out  # an administrator
    secret = tmp_path / "li"
    secret.write_text(PASSWORD, encoding="utf-8")
    add = ["users", "add", "li", "--role", "clerk", "--password-file", str(secret)]
    assert main([*add, "--data-dir", str(data)]) == 0
    assert main(["search", "--data-dir", str(data), "--as", "li", "zsf"]) == 0
    out = capsys.readouterr().out
    assert f"{id_number[:6]}********{id_number[14:]}" in out and id_number not in out
    assert main(["show", "--data-dir", str(data), number]) == 0
    out = capsys.readouterr().out
    assert "已审查" in out and "application.decide" in out and "next steps" in out
    assert main(["show", "--data-dir", str(data), "--json", number]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "decided"


def application_id_number(folder: Path, number: str) -> str:
    store = Store.open(folder)
    try:
        found = store_view(store, number).applicant.id_number
    finally:
        store.close()
    assert found is not None
    return found


def store_view(store: Store, number: str) -> ApplicationView:
    with store.sessions() as session:
        view = repo.load(session, number)
    assert view is not None
    return view


def test_steps_from_the_command_line(
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = _apply(data, tmp_path, capsys)
    secret = tmp_path / "zhao"
    secret.write_text("river-moon-17", encoding="utf-8")
    assert (
        main(
            [
                "user",
                "add",
                "zhao",
                "--role",
                "supervisor",
                "--password-file",
                str(secret),
                "--data-dir",
                str(data),
            ]
        )
        == 0
    )
    assert main(["approve", "--data-dir", str(data), number]) == 2
    assert "maker-checker" in capsys.readouterr().err
    monkeypatch.delenv("CASEWORKER_PASSWORD")
    monkeypatch.setenv("CASEWORKER_PASSWORD_FILE", str(secret))
    as_zhao = ["--data-dir", str(data), "--as", "zhao", number]
    assert main(["approve", *as_zhao]) == 0
    assert main(["issue-permit", *as_zhao]) == 2  # no material seen yet
    assert "not every material of the route" in capsys.readouterr().err
    store = Store.open(data)
    try:
        view = store_view(store, number)
    finally:
        store.close()
    assert view.decision is not None
    documents = view.decision.result["routes"][0]["documents"]
    assert main(["seen", *as_zhao, *documents]) == 0
    assert "materials seen: " + "、".join(documents) in capsys.readouterr().out
    for step in ("issue-permit", "settle"):
        assert main([step, *as_zhao]) == 0
    assert "settled (已落户)" in capsys.readouterr().out
    assert main(["void", "--data-dir", str(data), "--as", "zhao", number, "--reason", "x"]) == 2
    assert "closed" in capsys.readouterr().err


def test_bad_input_exits_2_and_changes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"on": ', encoding="utf-8")
    assert main(["apply", "--data-dir", str(data), str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["show", "--data-dir", str(data), "NOPE-1"]) == 2
    assert "no application 'NOPE-1'" in capsys.readouterr().err
    assert main(["list", "--data-dir", str(data)]) == 0
    assert "no applications found" in capsys.readouterr().out
    assert main(["list", "--data-dir", str(tmp_path / "elsewhere")]) == 2
    assert "caseworker init" in capsys.readouterr().err


def test_init_needs_a_keyring_or_a_key_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(fail.Keyring())
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    args = [
        "init",
        "--data-dir",
        str(tmp_path / "d"),
        "--office",
        "370102001",
        "--station",
        "站",
        "--admin-password-file",
        str(secret),
    ]
    assert main(args) == 2
    assert "--key-file FILE" in capsys.readouterr().err
    assert main([*args, "--key-file", str(tmp_path / "k" / "store.key")]) == 0
    assert "key kept in a key file" in capsys.readouterr().out
    assert main(args) == 2
    assert "already holds a store" in capsys.readouterr().err


def test_init_without_a_terminal_or_password_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["init", "--data-dir", str(tmp_path / "d"), "--office", "370102001", "--station", "站"]
        )
        == 2
    )
    assert "--admin-password-file" in capsys.readouterr().err


def test_backup_restore_and_check(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEWORKER_DATA", str(data))
    first = _apply(data, tmp_path, capsys)
    backup = tmp_path / "backup.db"
    assert main(["backup", str(backup)]) == 0
    assert "verified" in capsys.readouterr().out
    _apply(data, tmp_path, capsys)
    assert main(["restore", str(backup)]) == 0
    assert "the replaced store is kept" in capsys.readouterr().out
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert first in out and out.count("370102001-") == 1
    assert main(["db", "check"]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    assert main(["restore", str(junk)]) == 2
    assert "cannot be opened with this key" in capsys.readouterr().err


def test_logs_never_hold_full_id_numbers(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = application()
    case["applicant"]["education"] = "masters"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["apply", "--data-dir", str(data), str(path)]) == 2
    capsys.readouterr()
    assert main(["search", "--data-dir", str(data), case["applicant"]["id_number"]]) == 0
    log = (data / "logs" / "caseworker.log").read_text(encoding="utf-8")
    assert "refused" in log
    assert case["applicant"]["id_number"] not in log


def test_init_asks_for_the_password_twice_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([PASSWORD, "something-else-1"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    args = ["init", "--data-dir", str(tmp_path / "d"), "--office", "370102001", "--station", "站"]
    assert main(args) == 2
    assert "the two passwords differ" in capsys.readouterr().err
    assert not (tmp_path / "d" / "store.db").exists()
    answers = iter([PASSWORD, PASSWORD])
    assert main(args) == 0
    assert "store set up" in capsys.readouterr().out


def test_print_verify_and_void_from_the_command_line(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _apply(data, tmp_path, capsys)
    out = tmp_path / "receipt.pdf"
    assert main(["print", "receipt", number, "--out", str(out), "--data-dir", str(data)]) == 0
    printed = capsys.readouterr().out
    assert "受理回执 SL-370102001-" in printed and out.stat().st_size > 1000
    document = printed.split()[1]
    assert main(["verify", str(out), "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("valid for ")
    assert main(["print", "receipt", number, "--out", str(out), "--data-dir", str(data)]) == 2
    assert "use reprint" in capsys.readouterr().err
    assert main(["print", "permit", number, "--out", str(out), "--data-dir", str(data)]) == 2
    assert "not printed for an application that is decided" in capsys.readouterr().err
    assert main(["verify", "CW1|XXXX|SL-1|0|AAAA|abc", "--data-dir", str(data)]) == 1
    assert capsys.readouterr().out.startswith("unknown:")
    assert main(["void-print", document, "--reason", "打印错误", "--data-dir", str(data)]) == 0
    assert main(["verify", str(out), "--data-dir", str(data)]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith("void:")
