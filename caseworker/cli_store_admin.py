"""``caseworker`` commands that look after the store file itself: ``init``, ``db check``
and ``restore``. Moved out of ``cli_store``, which dispatches to them."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from caseworker.cli_accounts import _login, _read_secret
from caseworker.cli_json import emit
from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext
from caseworker.services.store import (
    STORE_FILE,
    Settings,
    SetupError,
    Store,
    newest_good_backup,
    restore,
)
from caseworker.services.users import UserService
from caseworker.storage.maintenance import check_file, damage


def _init(args: argparse.Namespace, folder: Path) -> int:
    if args.admin_password_file is not None:
        password = _read_secret(args.admin_password_file)
    else:
        if not sys.stdin.isatty():
            raise SetupError(
                "no terminal to ask the administrator's password on; use --admin-password-file FILE"
            )
        password = getpass.getpass("administrator password / 管理员密码: ")
        if getpass.getpass("again / 再次输入: ") != password:
            raise SetupError("the two passwords differ; nothing was set up")
    store = Store.init(
        folder,
        office_code=args.office,
        police_station_name=args.station,
        jurisdiction=args.jurisdiction,
        admin_username=args.admin,
        admin_password=password,
        key_file=args.key_file,
        audit_key_file=args.audit_key_file,
        audit_key_in_keyring=args.audit_key_in_keyring,
    )
    office = store.office()
    store.close()
    where = "a key file " + str(args.key_file) if args.key_file else "the system keyring"
    audit_path = store.settings.audit_key_path
    if args.key_file:
        where += "; the audit and device keys in " + (
            str(audit_path) if audit_path else "the system keyring"
        )
        if store.settings.audit_key_source == "":
            where += " (beside the store key: whoever gets that folder gets all three)"
    print(
        f"store set up in {folder} for {office.police_station_name} ({office.office_code}), "
        f"device {office.device_code}; key kept in {where}"
    )
    return 0


def _db_check(folder: Path, *, as_json: bool = False) -> int:
    """The whole file: page authentication, structure, schema version; the newest backup
    that still verifies is named when the store does not."""
    settings = Settings.load(folder)
    key = settings.key()
    problems = damage(folder / STORE_FILE, key)
    if as_json:
        found = {"ok": not problems, "problems": [str(p) for p in problems]}
        if problems:
            found["newest_good_backup"] = newest_good_backup(folder)
        else:
            health = check_file(folder / STORE_FILE, key)
            found.update(ok=health.ok, schema=health.revision, newest_schema=health.head)
            found["tables"] = health.tables
        emit(found)
        return 0 if found["ok"] else 1
    if problems:
        print(f"the store is damaged 存储已损坏: {len(problems)} problems")
        for problem in problems[:20]:
            print(f"  {problem}")
        backup = newest_good_backup(folder)
        if backup is not None:
            print(f"newest verified backup: {backup}; `caseworker restore {backup}` puts it back")
        else:
            print("no verified backup found; call the office IT person")
        return 1
    health = check_file(folder / STORE_FILE, key)
    print("integrity: ok (every page authenticated, structure sound)")
    print(f"schema: {health.revision} (newest {health.head})")
    print(f"tables: {health.tables}")
    return 0 if health.ok else 1


def _restore(args: argparse.Namespace, folder: Path) -> int:
    kept = restore(
        folder, args.file.resolve(), authenticate=lambda store: _authenticate(args, store)
    )
    kept_note = f"; the replaced store is kept as {kept}" if kept else ""
    print(f"restored from {args.file}{kept_note}")
    return 0


def _authenticate(args: argparse.Namespace, store: Store) -> Actor:
    """Log in on ``store`` (for a restore) and say who it was."""
    users = UserService(OfficeContext(store))
    login = _login(args, users)
    users.logout(login)
    return login.actor
