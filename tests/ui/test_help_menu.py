"""帮助 (Help): the About dialog's versions, the diagnostics bundle (no personal data),
and the first-run offer of the key recovery file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import keyring
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from caseworker import __version__, logs
from caseworker.security.recovery import unwrap
from caseworker.services.applications import Actor
from caseworker.services.key_recovery import import_keys
from caseworker.services.store import Store
from tests.conftest import MemoryKeyring
from tests.stores import application
from tests.ui.conftest import settle
from ui import diagnostics
from ui.about import AboutDialog, facts
from ui.key_recovery import RecoveryOfferDialog
from ui.main_window import Desk, MainWindow
from ui.tasks import TaskRunner

PASSPHRASE = "correct horse battery staple"


def test_the_help_menu_and_the_about_dialog(window: MainWindow, desk: Desk, qtbot: QtBot) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert "帮助(&H)" in menus
    assert set(window.help_actions) == {"about", "diagnostics"}
    dialog = AboutDialog(facts(desk))
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    shown = {
        dialog.packs.topLevelItem(i).text(0): dialog.packs.topLevelItem(i).text(1)
        for i in range(dialog.packs.topLevelItemCount())
    }
    assert shown == {p.policy: str(p.version) for p in desk.evaluation.book.packs}
    names = {dialog.data.topLevelItem(i).text(0) for i in range(dialog.data.topLevelItemCount())}
    assert {"divisions", "font", "Qt", "SQLCipher", "OpenSSL", "PySide6-Essentials"} <= names
    assert dialog.notices.toPlainText()  # the notices, or where they are in a build


def test_the_diagnostics_bundle_holds_no_personal_data(
    window: MainWindow, desk: Desk, qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    folder = desk.apps.store.folder
    logs.setup(folder / "logs", program="desk")
    case = application(names=["𠈌明", "李四"])
    id_number = case["applicant"]["id_number"]
    view = desk.apps.apply(Actor("li", "clerk"), case)
    logs.audit_event(actor="li", action="test", application_id=None, detail={})
    import logging  # noqa: PLC0415

    # a refusal quoting what a clerk typed: a name and a full ID number
    logging.getLogger("caseworker.desk").warning("refused: no one named 𠈌明 %s", id_number)
    shown: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QMessageBox, "information", lambda *a: shown.append(a[2])
    )
    target = tmp_path / "bundle.zip"
    diagnostics.export(window, desk, target)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    with zipfile.ZipFile(target) as bundle:
        names = bundle.namelist()
        about = json.loads(bundle.read("about.json"))
        check = json.loads(bundle.read("store-check.json"))
        everything = "\n".join(bundle.read(n).decode("utf-8") for n in names)
    assert about["version"] == __version__ and about["rule_packs"]
    assert check["ok"] is True and check["key_kept_in"] == "keyring"
    assert "logs/caseworker.log" in names
    assert view.number in everything  # the log is there, with its numbers
    for personal in (id_number, "𠈌明", "李四", "张"):
        assert personal not in everything
    assert not any(n.endswith(".db") for n in names)
    assert desk.apps.store.settings.key() not in everything


def test_first_run_offers_the_recovery_file(
    office: Store, qtbot: QtBot, tmp_path: Path, runner: TaskRunner
) -> None:
    dialog = RecoveryOfferDialog(office, "admin", tmp_path / "safe", runner=runner)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    dialog.make_files()
    assert dialog.error.text() == "两次输入的口令不一致" and not dialog.written
    dialog.again.setText(PASSPHRASE)
    dialog.make_files()
    settle(qtbot, runner)  # made on the database worker
    key_file, sheet = dialog.written
    assert sheet.read_bytes().startswith(b"%PDF-")
    text = key_file.read_text(encoding="utf-8")
    assert unwrap(text, PASSPHRASE).store_key == office.settings.key()
    fresh = MemoryKeyring()
    keyring.set_keyring(fresh)
    done = import_keys(tmp_path / "new-pc", text, passphrase=PASSPHRASE)
    assert done.settings_written and fresh.secrets


def test_no_offer_where_the_key_is_in_a_file(tmp_path: Path, runner: TaskRunner) -> None:
    store = Store.init(
        tmp_path / "data",
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password="s3cret-pass",
        key_file=tmp_path / "keys" / "store.key",
    )
    try:
        from ui import key_recovery  # noqa: PLC0415

        assert key_recovery.offer(store, "admin", runner=runner) == []  # at once, no dialog
    finally:
        store.close()
