"""The office IT person's commands:

caseworker key export --out FILE [--sheet FILE.pdf] [--custodians 2]   # administrator
caseworker key import FILE [FILE2] [--key-file K]     # a new PC or profile, before restore
caseworker key sheet FILE --out FILE.pdf              # print a recovery file's sheet again
caseworker diagnostics --out FILE.zip                 # logs, versions, store check
caseworker about [--json]                             # version, rule packs, data, libraries

The recovery passphrase is asked twice on the terminal, or read (scripts) from the file
CASEWORKER_RECOVERY_PASSPHRASE_FILE names. With ``--custodians 2`` the keys are split
into two files (``FILE-custodian1.cwkey``, ``…2``), each under its own passphrase (the
passphrase file then holds one a line); both are needed to import."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from caseworker import about, logs
from caseworker.cli_common import with_store, write_atomically
from caseworker.cli_json import add_json, emit
from caseworker.exit_codes import ExitCode
from caseworker.locations import data_dir
from caseworker.services.context import OfficeContext

COMMANDS = {"key", "diagnostics", "about"}


def register(sub: Any) -> None:
    key = sub.add_parser("key", help="export or import the store's keys (key recovery)")
    actions = key.add_subparsers(dest="key_action", required=True, metavar="ACTION")
    export = with_store(
        actions.add_parser("export", help="administrator: the keys, wrapped with a passphrase")
    )
    export.add_argument("--out", type=Path, required=True, help="the recovery file to write")
    export.add_argument("--sheet", type=Path, help="also the printable recovery sheet (PDF)")
    export.add_argument(
        "--custodians",
        type=int,
        choices=[1, 2],
        default=1,
        help="2: split the keys between two custodians, each with a file and a passphrase",
    )
    imported = actions.add_parser("import", help="put a recovery file's keys on this machine")
    imported.add_argument("file", type=Path, nargs="+", help="the file, or both custodians'")
    imported.add_argument("--data-dir", type=Path, help="the store's folder (else CASEWORKER_DATA)")
    imported.add_argument("--key-file", type=Path, help="keep the key in this file (no keyring)")
    sheet = actions.add_parser("sheet", help="the printable sheet of a recovery file")
    sheet.add_argument("file", type=Path)
    sheet.add_argument("--out", type=Path, required=True, help="the PDF to write")
    diagnostics = sub.add_parser("diagnostics", help="a diagnostics bundle for a support ticket")
    diagnostics.add_argument("--out", type=Path, required=True, help="the .zip to write")
    diagnostics.add_argument("--data-dir", type=Path, help="the store's folder")
    add_json(sub.add_parser("about", help="version, rule packs, data editions, libraries"))


def run(args: argparse.Namespace) -> int:
    from caseworker.services.base import ServiceError  # noqa: PLC0415
    from caseworker.services.store import SetupError, StoreError  # noqa: PLC0415

    try:
        if args.command == "about":
            return _about(as_json=args.json)
        if args.command == "diagnostics":
            return _diagnostics(args)
        if args.key_action == "sheet":
            return _sheet(args.file, args.out)
        folder = data_dir(args.data_dir)
        logs.setup(folder / "logs")
        if args.key_action == "import":
            return _import(args, folder)
        return _export(args, folder)
    except (SetupError, StoreError, ServiceError) as exc:
        logging.getLogger("caseworker.cli").warning("%s refused: %s", args.command, exc)
        print(f"caseworker: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT


def _passphrase(*, twice: bool, who: int = 0) -> str:
    """The passphrase (``who`` 1 or 2: that custodian's, the file's line ``who``)."""
    source = os.environ.get("CASEWORKER_RECOVERY_PASSPHRASE_FILE")
    if source:
        from caseworker.cli_accounts import _read_secret  # noqa: PLC0415
        from caseworker.services.base import ServiceError  # noqa: PLC0415

        lines = _read_secret(Path(source)).splitlines()
        index = max(who, 1) - 1
        if index >= len(lines) or not lines[index].strip():
            raise ServiceError(f"{source} holds no passphrase for custodian {who}: one a line")
        return lines[index].strip()
    if not sys.stdin.isatty():
        from caseworker.services.base import ServiceError  # noqa: PLC0415

        raise ServiceError(
            "no terminal to ask the recovery passphrase on; set "
            "CASEWORKER_RECOVERY_PASSPHRASE_FILE to a file only you can read"
        )
    whose = f"保管人 custodian {who} " if who else ""
    passphrase = getpass.getpass(f"{whose}恢复口令 recovery passphrase: ")
    if twice and getpass.getpass("again / 再次输入: ") != passphrase:
        from caseworker.services.base import ServiceError  # noqa: PLC0415

        raise ServiceError("the two passphrases differ; nothing was written")
    return passphrase


def _export(args: argparse.Namespace, folder: Path) -> int:
    from caseworker.cli_accounts import _login  # noqa: PLC0415
    from caseworker.services.key_recovery import export_shares  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415

    store = Store.open(folder)
    try:
        users = UserService(OfficeContext(store))
        login = _login(args, users)
        try:
            phrases: tuple[str, ...]
            if args.custodians == 2:
                phrases = (_passphrase(twice=True, who=1), _passphrase(twice=True, who=2))
            else:
                phrases = (_passphrase(twice=True),)
            texts = export_shares(store, login.actor, passphrases=phrases, now=datetime.now())
        finally:
            users.logout(login)
    finally:
        store.close()
    for number, text in enumerate(texts, 1):
        out, sheet = args.out, args.sheet
        if len(texts) > 1:
            out = out.with_name(f"{out.stem}-custodian{number}{out.suffix}")
            if sheet is not None:
                sheet = sheet.with_name(f"{sheet.stem}-custodian{number}{sheet.suffix}")
        written = write_atomically(out, text.encode("utf-8"))
        print(f"recovery file written to {written}")
        if sheet is not None:
            _sheet(written, sheet)
    if len(texts) > 1:
        print("give each custodian their own file, sheet and passphrase; both are needed")
    else:
        print(
            "keep it apart from the backups (the station's safe), and the passphrase apart "
            "from both (sealed, with a second custodian)"
        )
    return 0


def _import(args: argparse.Namespace, folder: Path) -> int:
    from caseworker.services.base import ServiceError  # noqa: PLC0415
    from caseworker.services.key_recovery import import_shares  # noqa: PLC0415

    if len(args.file) > 2:
        raise ServiceError("key import takes one recovery file, or both custodians' files")
    from caseworker.security.recovery import RecoveryError, read_header  # noqa: PLC0415

    texts = [_read_text(path) for path in args.file]
    try:
        shares = [int(read_header(text).get("share", 0)) for text in texts]
    except RecoveryError as exc:
        raise ServiceError(str(exc)) from None
    # each file's passphrase, asked (or read) as its custodian's, whatever the order given
    phrases = [_passphrase(twice=False, who=share if len(texts) > 1 else 0) for share in shares]
    done = import_shares(folder, texts, passphrases=phrases, key_file=args.key_file)
    print(
        f"keys of {done.police_station_name} ({done.office_code}), store {done.store_id}, "
        f"now kept in {done.kept_in} for this user"
    )
    if done.settings_written:
        print("now put the office's newest backup in place: caseworker restore BACKUP.db")
    return 0


def _sheet(source: Path, out: Path) -> int:
    from caseworker.printing.recovery_sheet import RecoverySheet, render  # noqa: PLC0415
    from caseworker.security.recovery import RecoveryError, read_header  # noqa: PLC0415
    from caseworker.services.base import ServiceError  # noqa: PLC0415

    text = _read_text(source)
    try:
        header = read_header(text)
    except RecoveryError as exc:
        raise ServiceError(f"{source}: {exc}") from None
    pdf = render(
        RecoverySheet(
            office_code=str(header["office_code"]),
            police_station_name=str(header.get("station_name", "")),
            store_id=str(header["store_id"]),
            created_at=str(header["created_at"]),
            recovery_text=text,
            custodian=f"{header['share']}/{header['of']}" if "of" in header else "",
        )
    )
    print(f"recovery sheet written to {write_atomically(out, pdf)}: print it, then delete it")
    return 0


def _read_text(path: Path) -> str:
    from caseworker.services.base import ServiceError  # noqa: PLC0415

    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(f"cannot read {path}: {exc}") from None


def _diagnostics(args: argparse.Namespace) -> int:
    from caseworker.diagnostics import build  # noqa: PLC0415

    written = write_atomically(args.out, build(data_dir(args.data_dir)))
    print(f"diagnostics bundle written to {written} (no personal data; attach it to the ticket)")
    return 0


def _about(*, as_json: bool) -> int:
    facts = about.facts()
    if as_json:
        emit(facts)
        return 0
    print(f"{facts['program']} {facts['version']} (Python {facts['python']})")
    for pack in facts["rule_packs"]:
        print(f"rule pack {pack['policy']} v{pack['version']} {pack['sha256']}  {pack['document']}")
    for name, edition in facts["data"].items():
        print(f"data {name}: {edition}")
    for name, version in facts["libraries"].items():
        print(f"{name} {version}")
    notices = facts["notices"] or "none in a source checkout (the build writes them)"
    print(f"third-party notices: {notices}")
    return 0
