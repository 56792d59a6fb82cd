"""The desk's composition root: the one place that builds services and hands them to
widgets. Start-up: set up the office on first run, open the store (checking it first),
log in, then the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from caseworker import logs
from caseworker.rules.packs import PackError
from caseworker.services.applications import ApplicationService
from caseworker.services.evaluation import EvaluationService
from caseworker.services.id_reader import IdCardReader, SimulatedReader
from caseworker.services.store import (
    SETTINGS_FILE,
    DamagedStoreError,
    SetupError,
    Store,
    StoreError,
    data_dir,
    restore,
)
from caseworker.services.users import UserService
from ui.login import LoginDialog, SetupDialog
from ui.main_window import Desk, MainWindow
from ui.tasks import TaskRunner

TITLE = "落户受理台 Settlement counter desk"


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="caseworker-desk")
    parser.add_argument("--data-dir", type=Path, help="the store's folder (else CASEWORKER_DATA)")
    parser.add_argument(
        "--card-file",
        type=Path,
        default=os.environ.get("CASEWORKER_CARD_FILE"),
        help="the simulated ID card reader reads this JSON file (training, tests)",
    )
    known, _qt = parser.parse_known_args(argv[1:])
    return known


def open_store(folder: Path) -> tuple[Store, bool] | None:
    """The store, checked; a damaged one offers its newest good backup or read-only use.
    None when the clerk chose to stop."""
    try:
        return Store.open(folder, verify=True), False
    except DamagedStoreError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, "存储已损坏 The store is damaged", str(exc))
        restore_button = None
        if exc.backup is not None:
            restore_button = box.addButton(
                "恢复最近的备份 Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole
            )
        read_only = box.addButton("只读打开 Open read-only", QMessageBox.ButtonRole.ActionRole)
        box.addButton("退出 Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if restore_button is not None and box.clickedButton() is restore_button:
            assert exc.backup is not None
            restore(folder, exc.backup)
            return Store.open(folder, verify=True), False
        if box.clickedButton() is read_only:
            return Store.open(folder, read_only=True), True
        return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    folder = data_dir(args.data_dir)
    logs.setup(folder / "logs")
    try:
        evaluation = EvaluationService.from_resources()
    except PackError as exc:
        QMessageBox.critical(
            None,
            "规则包有误 Rule pack refused",
            f"程序的规则包无法使用，请联系管理员。\nThe program's rule packs cannot be used; "
            f"call the office IT person.\n\n{exc}",
        )
        return 2
    if not (folder / SETTINGS_FILE).exists():
        setup = SetupDialog(folder)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.store is None:
            return 1
        setup.store.close()
    try:
        opened = open_store(folder)
    except (SetupError, StoreError) as exc:
        QMessageBox.critical(None, "无法打开存储 The store cannot be opened", str(exc))
        return 2
    if opened is None:
        return 1
    store, read_only = opened
    runner = TaskRunner()
    users = UserService(store)
    login = LoginDialog(users, runner, store.office().station_name)
    if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
        store.close()
        return 1
    reader: IdCardReader | None = SimulatedReader(args.card_file) if args.card_file else None
    desk = Desk(
        evaluation=evaluation,
        apps=ApplicationService(store, evaluation),
        users=users,
        login=login.session,
        runner=runner,
        reader=reader,
        read_only=read_only,
    )
    window = MainWindow(desk)
    window.show()
    try:
        return app.exec()
    finally:
        runner.wait()
        users.logout(login.session)
        store.close()


if __name__ == "__main__":
    sys.exit(main())
