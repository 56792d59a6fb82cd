"""The desk's composition root: the one place that builds services and hands them to
widgets.

Start-up shows the login window first and opens the store (checking every page) and
loads the rules behind it, on a worker: the clerk types while that happens, and the
login goes ahead once the store is open. A damaged store is said so, with its newest
good backup offered; first run on a machine sets up the office instead."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from caseworker import logs
from caseworker.locations import SETTINGS_FILE, data_dir
from ui import i18n
from ui.i18n import tr
from ui.login import LoginDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from caseworker.services.evaluation import EvaluationService
    from caseworker.services.store import DamagedStoreError, Store


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


def _prepare(folder: Path) -> tuple[Store, EvaluationService]:
    """On a worker: the store, verified, and the rules, validated."""
    from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415

    store = Store.open(folder, verify=True)
    try:
        return store, EvaluationService.from_resources()
    except Exception:
        store.close()
        raise


def _damaged(folder: Path, exc: DamagedStoreError) -> tuple[Store, bool] | None:
    """The damaged store's choices: the newest good backup, read-only, or stop."""
    from caseworker.services.store import Store, restore  # noqa: PLC0415

    box = QMessageBox(QMessageBox.Icon.Critical, tr("存储已损坏"), str(exc))
    restore_button = None
    if exc.backup is not None:
        restore_button = box.addButton(tr("恢复最近的备份"), QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton(tr("只读打开"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore_button is not None and box.clickedButton() is restore_button:
        assert exc.backup is not None
        restore(folder, exc.backup)
        return Store.open(folder, verify=True), False
    if box.clickedButton() is read_only:
        return Store.open(folder, read_only=True), True
    return None


def _first_run(folder: Path) -> bool:
    from ui.login import SetupDialog  # noqa: PLC0415

    setup = SetupDialog(folder)
    if setup.exec() != QDialog.DialogCode.Accepted or setup.store is None:
        return False
    setup.store.close()
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    folder = data_dir(args.data_dir)
    logs.setup(folder / "logs")
    i18n.install(app, i18n.preferred(folder))
    if not (folder / SETTINGS_FILE).exists() and not _first_run(folder):
        return 1
    runner = TaskRunner()
    login = LoginDialog(runner)
    opened: dict[str, Any] = {}

    def ready(result: tuple[Store, EvaluationService]) -> None:
        from caseworker.services.users import UserService  # noqa: PLC0415

        store, evaluation = result
        opened.update(store=store, evaluation=evaluation, read_only=False)
        login.set_ready(UserService(store), store.office().station_name)

    def failed(exc: Exception) -> None:
        opened["error"] = exc
        login.reject()

    login.show()
    app.processEvents()  # on screen first; the heavy loading must not compete with it
    runner.compute(lambda: _prepare(folder), ready, failed)
    accepted = login.exec() == QDialog.DialogCode.Accepted
    runner.wait()
    if "error" in opened:
        outcome = _after_failure(folder, opened["error"])
        if outcome is None:
            return 2
        opened.update(outcome)
        if not accepted:  # log in on the store now open
            from caseworker.services.users import UserService  # noqa: PLC0415

            login = LoginDialog(
                runner, UserService(opened["store"]), opened["store"].office().station_name
            )
            accepted = login.exec() == QDialog.DialogCode.Accepted
    store = opened.get("store")
    if not accepted or login.session is None or store is None:
        if store is not None:
            store.close()
        return 1
    return _run_desk(app, runner, login, opened, args)


def _after_failure(folder: Path, exc: Exception) -> dict[str, Any] | None:
    from caseworker.rules.packs import PackError  # noqa: PLC0415
    from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415
    from caseworker.services.store import DamagedStoreError  # noqa: PLC0415

    if isinstance(exc, PackError):
        QMessageBox.critical(
            None,
            tr("规则包有误"),
            tr("程序的规则包无法使用，请联系管理员。\n\n{error}").format(error=exc),
        )
        return None
    if isinstance(exc, DamagedStoreError):
        chosen = _damaged(folder, exc)
        if chosen is None:
            return None
        store, read_only = chosen
        return {
            "store": store,
            "read_only": read_only,
            "evaluation": EvaluationService.from_resources(),
        }
    QMessageBox.critical(None, tr("无法打开存储"), str(exc))
    return None


def _run_desk(
    app: QApplication,
    runner: TaskRunner,
    login: LoginDialog,
    opened: dict[str, Any],
    args: argparse.Namespace,
) -> int:
    from caseworker.services.applications import ApplicationService  # noqa: PLC0415
    from caseworker.services.id_reader import SimulatedReader  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from ui.main_window import Desk, MainWindow  # noqa: PLC0415

    store, evaluation = opened["store"], opened["evaluation"]
    session = login.session
    assert session is not None
    users = UserService(store)
    if session.must_change_password:
        from ui.login import ChangePasswordDialog  # noqa: PLC0415

        if ChangePasswordDialog(users, session).exec() != QDialog.DialogCode.Accepted:
            users.logout(session, reason="password not changed")
            store.close()
            return 1
    desk = Desk(
        evaluation=evaluation,
        apps=ApplicationService(store, evaluation),
        users=users,
        login=session,
        runner=runner,
        reader=SimulatedReader(args.card_file) if args.card_file else None,
        read_only=opened.get("read_only", False),
    )
    window = MainWindow(desk)
    window.show()
    try:
        return app.exec()
    finally:
        runner.wait()
        users.logout(session)
        store.close()


if __name__ == "__main__":
    sys.exit(main())
