"""The desk's composition root: the one place that builds services and hands them to
widgets.

Start-up shows the login window first and opens the store (checking every page) and
loads the rules behind it, on a worker: the clerk types while that happens, and the
login goes ahead once the store is open. A damaged store is said so, with its newest
good backup offered; first run on a machine sets up the office instead."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from caseworker import logs
from caseworker.exit_codes import ExitCode
from caseworker.locations import SETTINGS_FILE, data_dir
from caseworker.resources import resource_path
from ui import i18n, key_recovery, system_libraries
from ui.fonts import install_font_stack
from ui.i18n import tr
from ui.login import LoginDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from caseworker.services.base import Actor
    from caseworker.services.evaluation import EvaluationService
    from caseworker.services.id_reader import IdCardReader
    from caseworker.services.store import DamagedStoreError, Store
    from caseworker.services.users import LoginSession, UserService
    from ui.desk import Desk

_T = TypeVar("_T")


def compose_desk(
    *,
    store: Store,
    evaluation: EvaluationService,
    login: LoginSession,
    runner: TaskRunner,
    users: UserService | None = None,
    reader: IdCardReader | None = None,
    read_only: bool = False,
    with_sync: bool = False,
) -> Desk:
    """Every service the desk uses, built once, here: the desk, its ``--self-test``, the
    tests and the installer's screenshots all come through this one function."""
    from functools import cache  # noqa: PLC0415

    from caseworker.services.applicant_screen import ApplicantConfirmations  # noqa: PLC0415
    from caseworker.services.applications import ApplicationService  # noqa: PLC0415
    from caseworker.services.audit import AuditService  # noqa: PLC0415
    from caseworker.services.collectives import CollectiveService  # noqa: PLC0415
    from caseworker.services.context import ServiceContext  # noqa: PLC0415
    from caseworker.services.printing import PrintingService  # noqa: PLC0415
    from caseworker.services.queue_watch import QueueWatch  # noqa: PLC0415
    from caseworker.services.statistics import StatisticsService  # noqa: PLC0415
    from caseworker.services.sync import SyncService  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from ui.desk import Desk  # noqa: PLC0415

    context = ServiceContext(store, evaluation=evaluation)  # the one every service shares
    apps = ApplicationService(context)
    users = users or UserService(context)

    @cache
    def printing() -> PrintingService:
        return PrintingService(context)

    return Desk(
        evaluation=evaluation,
        apps=apps,
        users=users,
        login=login,
        runner=runner,
        collectives=CollectiveService(context),
        statistics=StatisticsService(context),
        audit=AuditService(context),
        printing=printing,
        office=context.office,
        idle_minutes=users.policy().idle_minutes,
        data_folder=store.folder,
        key_file=store.settings.key_file,
        reader=reader,
        read_only=read_only,
        sync=SyncService(context) if with_sync and not read_only else None,
        confirmations=None if read_only else ApplicantConfirmations(context),
        queue_watch=QueueWatch(context),
    )


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="caseworker-desk")
    parser.add_argument("--data-dir", type=Path, help="the store's folder (else CASEWORKER_DATA)")
    parser.add_argument(
        "--card-file",
        type=Path,
        default=os.environ.get("CASEWORKER_CARD_FILE"),
        help="the simulated ID card reader reads this JSON file (training, tests)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open a throw-away office, log in, show and close the main window, and say how "
        "long each took (the installer's smoke test; touches nothing of this machine's office)",
    )
    known, _qt = parser.parse_known_args(argv[1:])
    return known


def _prepare(folder: Path) -> tuple[Store, EvaluationService, UserService, str]:
    """On a worker: the store, verified, the rules, validated, and what the login window
    needs of the store (the accounts, the police station's name)."""
    from caseworker.services.evaluation import PULLED_RULES, EvaluationService  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415

    store = Store.open(folder, verify=True)
    try:
        evaluation = EvaluationService.from_resources(pulled=store.folder / PULLED_RULES)
        return (store, evaluation, *_accounts(store))
    except Exception:
        store.close()
        raise


def _accounts(store: Store) -> tuple[UserService, str]:
    """On a worker: what the login window needs of the store, the accounts and the
    police station's name."""
    from caseworker.services.context import OfficeContext  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415

    users = UserService(OfficeContext(store))
    return users, users.context.office.police_station_name


def _administrator(runner: TaskRunner, store: Store) -> Actor:
    """An administrator logs in (on the backup being put back) before a restore."""
    from caseworker.services.base import PermissionDeniedError  # noqa: PLC0415

    users, station = _on_the_worker(runner, lambda: _accounts(store))
    dialog = LoginDialog(runner, users, station)
    dialog.setWindowTitle(tr("管理员登录 — 恢复备份"))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        raise PermissionDeniedError(tr("恢复备份需要管理员登录；没有恢复任何内容。"))
    users.logout(dialog.session)
    return dialog.session.actor


def _damaged(folder: Path, exc: DamagedStoreError, runner: TaskRunner) -> tuple[Store, bool] | None:
    """The damaged store's choices: the newest good backup (an administrator logs in),
    read-only, or stop."""
    from caseworker.services.base import ServiceError  # noqa: PLC0415
    from caseworker.services.store import SetupError, Store, StoreError, restore  # noqa: PLC0415
    from ui.errors import describe  # noqa: PLC0415

    if exc.backup is not None:
        said = tr(
            "本机存储已损坏：未通过完整性检查。最近一份完好的备份：{backup}\n"
            "可以恢复这份备份（需管理员登录），或只读打开查看。"
        ).format(backup=exc.backup)
    else:
        said = tr(
            "本机存储已损坏：未通过完整性检查，也没有找到完好的备份。可以只读打开查看；请联系管理员。"
        )
    box = QMessageBox(QMessageBox.Icon.Critical, tr("存储已损坏"), said)
    box.setDetailedText(str(exc))  # the checks' own words, for the office's IT person
    restore_button = None
    if exc.backup is not None:
        restore_button = box.addButton(tr("恢复最近的备份"), QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton(tr("只读打开"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore_button is not None and box.clickedButton() is restore_button:
        assert exc.backup is not None
        try:
            restore(folder, exc.backup, authenticate=lambda store: _administrator(runner, store))
        except (ServiceError, StoreError, SetupError) as refused:
            said = describe(refused)[1] if isinstance(refused, ServiceError) else str(refused)
            QMessageBox.warning(
                None, tr("没有恢复备份"), tr("备份没有恢复：{error}").format(error=said)
            )
            return None
        return Store.open(folder, verify=True), False
    if box.clickedButton() is read_only:
        return Store.open(folder, read_only=True), True
    return None


def _first_run(folder: Path, runner: TaskRunner) -> bool:
    from ui.login import SetupDialog  # noqa: PLC0415

    setup = SetupDialog(folder, runner=runner)
    if setup.exec() != QDialog.DialogCode.Accepted or setup.store is None:
        return False
    key_recovery.offer(setup.store, setup.admin.text().strip(), runner=runner)  # keyring only
    setup.store.close()
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv)
    if QApplication.instance() is None and (lacking := system_libraries.problem()):
        print(lacking, file=sys.stderr)  # Qt would abort naming the wrong library
        return ExitCode.MISSING_LIBRARY
    atexit.register(gc.freeze)  # a quick exit, whichever way the desk ends (_shut_down)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon(str(resource_path("icons", "caseworker.png"))))
    if args.self_test:
        return _self_test(app)
    folder = data_dir(args.data_dir)
    logs.setup(folder / "logs", program="desk")
    i18n.install(app, i18n.preferred(folder))
    runner = TaskRunner()
    if not (folder / SETTINGS_FILE).exists() and not _first_run(folder, runner):
        return 1
    login = LoginDialog(runner)
    opened: dict[str, Any] = {}

    def ready(result: tuple[Store, EvaluationService, UserService, str]) -> None:
        store, evaluation, users, station = result
        opened.update(store=store, evaluation=evaluation, read_only=False)
        login.set_ready(users, station)

    def failed(exc: Exception) -> None:
        opened["error"] = exc
        login.reject()

    login.show()
    app.processEvents()  # on screen first; the heavy loading must not compete with it
    install_font_stack(app)  # rare characters of names drawn, never a box (~0.1 s)
    if os.environ.get("CASEWORKER_REPORT_SHOWN"):  # bench/bench_bundle.py times this line
        print("shown", flush=True)
    runner.compute(lambda: _prepare(folder), ready, failed)
    accepted = login.exec() == QDialog.DialogCode.Accepted
    runner.wait()
    if "error" in opened:
        outcome = _after_failure(folder, opened["error"], runner)
        if outcome is None:
            return 2
        opened.update(outcome)
        if not accepted:  # log in on the store now open
            now_open = opened["store"]
            users, station = _on_the_worker(runner, lambda: _accounts(now_open))
            login = LoginDialog(runner, users, station)
            accepted = login.exec() == QDialog.DialogCode.Accepted
    store = opened.get("store")
    if not accepted or login.session is None or store is None:
        if store is not None:
            store.close()
        return 1
    return _run_desk(app, runner, login, opened, args)


def _after_failure(folder: Path, exc: Exception, runner: TaskRunner) -> dict[str, Any] | None:
    from caseworker.services.base import ServiceError  # noqa: PLC0415
    from caseworker.services.evaluation import EvaluationService, PackError  # noqa: PLC0415
    from caseworker.services.store import DamagedStoreError, MigrationError  # noqa: PLC0415
    from ui.errors import describe  # noqa: PLC0415

    if isinstance(exc, PackError):
        QMessageBox.critical(
            None,
            tr("规则包有误"),
            tr("程序的规则包无法使用，请联系管理员。\n\n{error}").format(error=exc),
        )
        return None
    if isinstance(exc, DamagedStoreError):
        chosen = _damaged(folder, exc, runner)
        if chosen is None:
            return None
        store, read_only = chosen
        return {
            "store": store,
            "read_only": read_only,
            "evaluation": EvaluationService.from_resources(),
        }
    if isinstance(exc, MigrationError):
        QMessageBox.critical(
            None,
            tr("存储升级未完成"),
            tr(
                "新版本需要升级本机的存储，升级没有成功；存储已恢复为升级前的样子，数据没有丢失。"
                "请联系管理员。\n\n{error}"
            ).format(error=exc),
        )
        return None
    if isinstance(exc, ServiceError):  # its key cannot be read, its file is gone, …
        title, said = describe(exc)
        QMessageBox.critical(None, title, said)
        return None
    QMessageBox.critical(
        None,
        tr("无法打开存储"),
        tr("本机存储无法打开，请联系管理员。\n\n{error}").format(error=exc),
    )
    return None


def _run_desk(
    app: QApplication,
    runner: TaskRunner,
    login: LoginDialog,
    opened: dict[str, Any],
    args: argparse.Namespace,
) -> int:
    from caseworker.services.context import OfficeContext  # noqa: PLC0415
    from caseworker.services.id_reader import desk_reader  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    store, evaluation = opened["store"], opened["evaluation"]
    session = login.session
    assert session is not None
    # the office is read to make the accounts service: on the database worker
    users = _on_the_worker(runner, lambda: UserService(OfficeContext(store)))
    if session.must_change_password:
        from ui.login import ChangePasswordDialog  # noqa: PLC0415

        changing = ChangePasswordDialog(users, session, runner=runner)
        if changing.exec() != QDialog.DialogCode.Accepted:
            users.logout(session, reason="password not changed")
            store.close()
            return 1
    report = store.audit_report
    if report is not None and not report.ok:  # said at every start until it is looked into
        from caseworker.services.audit import summary  # noqa: PLC0415

        QMessageBox.warning(
            None,
            tr("审计记录不完整"),
            tr("审计记录被人改动过，请立即告知管理员。\n\n{summary}").format(
                summary=summary(report)
            ),
        )
    reader = desk_reader(args.card_file)
    desk = _on_the_worker(  # the services read the office and the password policy
        runner,
        lambda: compose_desk(
            store=store,
            evaluation=evaluation,
            login=session,
            runner=runner,
            users=users,
            reader=reader,
            read_only=opened.get("read_only", False),
            with_sync=True,
        ),
    )
    window = MainWindow(desk)
    window.show()
    if store.last_migration_backup is not None:
        window.statusBar().showMessage(
            tr("本机存储已升级到新版本；升级前的备份：{file}").format(
                file=store.last_migration_backup
            )
        )
    try:
        return app.exec()
    finally:
        _shut_down(runner, store, logout=lambda: users.logout(session))


def _on_the_worker(runner: TaskRunner, work: Callable[[], _T]) -> _T:
    """``work`` (a store read) on the database worker; the GUI thread keeps its event loop
    meanwhile and gets the result, or the error raised again, when it is done."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome["error"] = exc
        loop.quit()

    runner.store(work, done, failed)
    if not outcome:  # the answer arrives through this thread's event loop
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    result: _T = outcome["result"]
    return result


def _shut_down(runner: TaskRunner, store: Store, *, logout: Callable[[], None]) -> None:
    """Quit in order: the workers finish their jobs, the user is logged out, then the
    store closes, the services giving back their connections before its pool is closed,
    so no pooled connection is left to be reset on a closed database at exit.

    At the interpreter's exit every object is then frozen out of the garbage collector
    (``atexit`` runs before its last collections): those walked all the objects the desk
    ever made, 1.8 s of the 2 s from closing the window to the process's end on a busy
    machine (bench/bench_desk.py); everything that must be closed is closed by now, and
    what they would free is the process's memory, which the OS takes back. Only at exit,
    so the tests that run the desk inside pytest's process go on collecting as before
    (``main`` asks for it, for every way out)."""
    runner.wait()
    logout()
    store.close()


def _search_on_the_worker(app: QApplication, runner: TaskRunner, desk: Desk) -> None:
    """Search as a clerk typing does, each keystroke a job on the database worker."""
    # 张, 张三 and 王 by code point: search terms typed, not text shown (tests/ui/test_translation)
    zhang, zhang_san, wang = chr(0x5F20), chr(0x5F20) + chr(0x4E09), chr(0x738B)
    for text in ("z", "zh", "zha", "zhang", zhang, zhang_san, "zs", "w", "wang", wang, "l", "li"):
        done: list[object] = []

        def search(typed: str = text) -> object:
            return desk.apps.search(desk.login.actor, typed)

        runner.store(search, done.append, done.append)
        while not done:
            app.processEvents()
        if isinstance(done[0], Exception):
            raise done[0]


def _self_test(app: QApplication) -> int:
    """The installer's smoke test of a bundle: a throw-away office in a temporary folder
    (its key in a file there, never the keyring), the login window, a login, the main
    window shown and closed. Prints the times; exit 0 when all of it worked."""
    import secrets  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    import time  # noqa: PLC0415

    from caseworker.services.context import OfficeContext  # noqa: PLC0415
    from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="caseworker-self-test-"))
    try:
        password = secrets.token_urlsafe(12) + "a1"
        store = Store.init(
            folder / "data",
            office_code="370000000",
            police_station_name="self-test",
            admin_password=password,
            key_file=folder / "store.key",
        )
        runner = TaskRunner()
        users = UserService(OfficeContext(store))
        login = LoginDialog(runner, users, store.office().police_station_name)
        login.show()
        app.processEvents()
        login_shown = time.perf_counter() - started
        login.username.setText("admin")
        login.password.setText(password)
        login.try_login()
        deadline = time.monotonic() + 30
        while login.session is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        if login.session is None:
            raise RuntimeError(f"the login did not go through: {login.error.text()}")
        evaluation = EvaluationService.from_resources()
        desk = compose_desk(
            store=store, evaluation=evaluation, login=login.session, runner=runner, users=users
        )
        window = MainWindow(desk)
        window.show()
        app.processEvents()
        window_shown = time.perf_counter() - started
        about = _self_test_about(window, desk)
        _search_on_the_worker(app, runner, desk)
        closing = time.perf_counter()
        window.close()
        session = login.session
        _shut_down(runner, store, logout=lambda: users.logout(session))
        closed = time.perf_counter() - closing
    except Exception as exc:  # said plainly: this is what the IT person reads
        print(f"self-test: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"self-test: ok (login window after {login_shown:.2f} s, "
        f"main window after {window_shown:.2f} s, closed in {closed:.2f} s)",
        flush=True,
    )
    print(about, flush=True)
    return 0


def _self_test_about(window: Any, desk: Any) -> str:
    """The About dialog opened and closed; its versions as one line for smoke.sh."""
    from ui.about import AboutDialog, facts  # noqa: PLC0415

    shown = facts(desk)
    AboutDialog(shown, window).close()
    packs = " ".join(f"{p['policy']}=v{p['version']}" for p in shown["rule_packs"])
    notices = "yes" if shown["notices"] else "no"
    return f"about: version {shown['version']}; rule packs {packs}; notices {notices}"


if __name__ == "__main__":
    sys.exit(main())
