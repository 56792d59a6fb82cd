"""Key recovery: a backup restored on a "new PC" (a fresh keyring, an empty data folder)
from the recovery file alone (or the QR code of its printed sheet) and the passphrase."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pypdfium2
import pytest
import zxingcpp

from caseworker.cli import main
from caseworker.security import recovery
from tests.conftest import MemoryKeyring
from tests.stores import PASSWORD, application

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def old_pc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Path | str]]:
    folder = tmp_path / "old-pc"
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    phrase = tmp_path / "phrase"
    phrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_RECOVERY_PASSPHRASE_FILE", str(phrase))
    base = ["--data-dir", str(folder)]
    init = ["init", *base, "--office", "370102001", "--station", "泉城路派出所"]
    assert main([*init, "--admin-password-file", str(secret)]) == 0
    path = tmp_path / "app.json"
    path.write_text(json.dumps(application(names=["𠈌明", "李四"]), ensure_ascii=False), "utf-8")
    assert main(["apply", *base, str(path)]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1]
    backup = tmp_path / "usb" / "backup.db"
    assert main(["backup", *base, str(backup)]) == 0
    rec, sheet = tmp_path / "safe" / "office.cwkey", tmp_path / "safe" / "sheet.pdf"
    assert main(["key", "export", *base, "--out", str(rec), "--sheet", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "recovery file written" in out and "recovery sheet written" in out
    yield {"folder": folder, "number": number, "backup": backup, "rec": rec, "sheet": sheet}


def _new_pc(tmp_path: Path, name: str) -> tuple[Path, MemoryKeyring]:
    fresh = MemoryKeyring()  # another user profile, another machine: nothing in it
    keyring.set_keyring(fresh)
    return tmp_path / name, fresh


def _restore_and_read(
    folder: Path, old_pc: dict[str, Path | str], capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(folder)]
    assert main(["restore", *base, str(old_pc["backup"])]) == 0
    capsys.readouterr()
    assert main(["show", *base, str(old_pc["number"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["applicant"]["name"] == "𠈌明"
    assert main(["audit", "verify", *base]) == 0
    assert "audit trail intact" in capsys.readouterr().out


def test_a_new_pc_restores_from_the_recovery_file_alone(
    old_pc: dict[str, Path | str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, fresh = _new_pc(tmp_path, "new-pc")
    base = ["--data-dir", str(folder)]
    # without the keys the backup cannot be restored
    assert main(["restore", *base, str(old_pc["backup"])]) == 2
    assert main(["key", "import", *base, str(old_pc["rec"])]) == 0
    assert "caseworker restore" in capsys.readouterr().out
    assert any(entry.startswith("store-key:") for _s, entry in fresh.secrets)
    assert any(entry.startswith("audit-key:") for _s, entry in fresh.secrets)
    _restore_and_read(folder, old_pc, capsys)


def test_the_printed_sheet_s_qr_code_is_enough(
    old_pc: dict[str, Path | str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = pypdfium2.PdfDocument(Path(old_pc["sheet"]).read_bytes())
    image = pdf[0].render(scale=3).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert len(codes) == 1
    scanned = tmp_path / "scanned.txt"
    scanned.write_text(codes[0].text, encoding="utf-8")
    folder, _fresh = _new_pc(tmp_path, "new-pc-from-paper")
    assert main(["key", "import", "--data-dir", str(folder), str(scanned)]) == 0
    _restore_and_read(folder, old_pc, capsys)


def test_a_wrong_passphrase_or_a_changed_file_imports_nothing(
    old_pc: dict[str, Path | str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, fresh = _new_pc(tmp_path, "new-pc")
    wrong = tmp_path / "wrong"
    wrong.write_text("correct horse battery stapler", encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_RECOVERY_PASSPHRASE_FILE", str(wrong))
    assert main(["key", "import", "--data-dir", str(folder), str(old_pc["rec"])]) == 2
    assert "passphrase is wrong" in capsys.readouterr().err
    monkeypatch.setenv("CASEWORKER_RECOVERY_PASSPHRASE_FILE", str(tmp_path / "phrase"))
    data = json.loads(Path(old_pc["rec"]).read_text(encoding="utf-8"))
    data["store_id"] = "someone-else"  # the header is authenticated with the keys
    changed = tmp_path / "changed.cwkey"
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert main(["key", "import", "--data-dir", str(folder), str(changed)]) == 2
    assert not fresh.secrets and not (folder / "settings.json").exists()


def test_only_an_administrator_exports_and_the_file_holds_no_key_in_clear(
    old_pc: dict[str, Path | str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(old_pc["folder"])]
    pw = tmp_path / "li"
    pw.write_text(PASSWORD, encoding="utf-8")
    add = ["users", "add", "li", "--role", "clerk", "--password-file", str(pw), *base]
    assert main(add) == 0
    out = tmp_path / "li.cwkey"
    assert main(["key", "export", *base, "--as", "li", "--out", str(out)]) == 2
    assert "may not" in capsys.readouterr().err and not out.exists()
    text = Path(old_pc["rec"]).read_text(encoding="utf-8")
    key = keyring.get_password("caseworker-desk", f"store-key:{json.loads(text)['store_id']}")
    assert key and key not in text
    header = recovery.read_header(text)
    assert header["kdf"]["name"] == "argon2id" and header["kdf"]["memory_kib"] >= 65536
    log = (Path(old_pc["folder"]) / "logs" / "caseworker.log").read_text(encoding="utf-8")
    assert "key.export by admin" in log


def test_a_short_passphrase_is_refused() -> None:
    with pytest.raises(recovery.RecoveryError, match="at least 12"):
        recovery.check_passphrase("short")


def test_two_custodians_each_hold_half(
    old_pc: dict[str, Path | str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = ["--data-dir", str(old_pc["folder"])]
    phrases = tmp_path / "two-phrases"
    phrases.write_text("first custodian phrase\nsecond custodian phrase\n", encoding="utf-8")
    monkeypatch.setenv("CASEWORKER_RECOVERY_PASSPHRASE_FILE", str(phrases))
    out, sheet = tmp_path / "split" / "office.cwkey", tmp_path / "split" / "sheet.pdf"
    export = ["key", "export", *base, "--out", str(out), "--sheet", str(sheet)]
    assert main([*export, "--custodians", "2"]) == 0
    one = tmp_path / "split" / "office-custodian1.cwkey"
    two = tmp_path / "split" / "office-custodian2.cwkey"
    assert (tmp_path / "split" / "sheet-custodian2.pdf").read_bytes().startswith(b"%PDF-")
    capsys.readouterr()
    folder, fresh = _new_pc(tmp_path, "new-pc")
    new = ["--data-dir", str(folder)]
    # one custodian alone restores nothing, even with the right passphrase
    assert main(["key", "import", *new, str(one)]) == 2
    assert "both custodians" in capsys.readouterr().err
    with pytest.raises(recovery.RecoveryError, match="both custodians"):
        recovery.unwrap(one.read_text(encoding="utf-8"), "first custodian phrase")
    assert not fresh.secrets
    # together, in either order, each with its own passphrase
    assert main(["key", "import", *new, str(two), str(one)]) == 0
    _restore_and_read(folder, old_pc, capsys)


def test_a_share_reveals_nothing_without_the_other() -> None:
    from datetime import datetime  # noqa: PLC0415

    fast = {"time_cost": 1, "memory_kib": 8192, "parallelism": 1}
    texts = recovery.wrap_split(
        store_id="s",
        office_code="370102001",
        police_station_name="x",
        store_key="ab" * 32,
        audit_key="cd" * 32,
        passphrases=("first custodian phrase", "second custodian phrase"),
        now=datetime(2026, 12, 6),
        kdf=fast,
    )
    again = recovery.wrap_split(
        store_id="s",
        office_code="370102001",
        police_station_name="x",
        store_key="ab" * 32,
        audit_key="cd" * 32,
        passphrases=("first custodian phrase", "second custodian phrase"),
        now=datetime(2026, 12, 6),
        kdf=fast,
    )
    phrases = ["first custodian phrase", "second custodian phrase"]
    assert recovery.unwrap_split(list(texts), phrases).store_key == "ab" * 32
    # a share of one export does not combine with a share of another
    with pytest.raises(recovery.RecoveryError, match="not shares of the same export"):
        recovery.unwrap_split([texts[0], again[1]], phrases)
    with pytest.raises(recovery.RecoveryError, match="passphrase is wrong"):
        recovery.unwrap_split(list(texts), [phrases[1], phrases[0]])
    with pytest.raises(recovery.RecoveryError, match="two different passphrases"):
        recovery.wrap_split(
            store_id="s",
            office_code="c",
            police_station_name="x",
            store_key="ab" * 32,
            audit_key=None,
            passphrases=("same passphrase here", "same passphrase here"),
            now=datetime(2026, 12, 6),
            kdf=fast,
        )
