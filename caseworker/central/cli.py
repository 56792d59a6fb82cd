"""``caseworker-central``: run the central system, and the administrator's tasks.

    caseworker-central --database URL [--host 127.0.0.1] [--port 8470] [--workers N]   serve
    caseworker-central code --database URL --office CODE                 an enrolment code
    caseworker-central publish-pack --database URL FILE                  sign and publish
    caseworker-central revoke --database URL PERMIT --reason TEXT
    caseworker-central account --database URL USERNAME --role ROLE ...
    caseworker-central import-bundle --database URL FILE [--out RETURN]   a township's bundle

The database is migrated at every start. ``--key-file`` is the centre's Ed25519 signing
key, by default ``central-signing.key`` in the centre's data folder (created, readable by
its owner only, on first start; a key file others can read is refused)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from caseworker import __version__
from caseworker.console import use_utf8

COMMANDS = ("serve", "code", "publish-pack", "revoke", "account", "import-bundle")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caseworker-central", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"caseworker-central {__version__}")
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        default=os.environ.get("CASEWORKER_CENTRAL_DATABASE"),
        help="postgresql://user@host/db (production) or a file path (an SQLite trial); "
        "or set CASEWORKER_CENTRAL_DATABASE",
    )
    common.add_argument(
        "--key-file",
        type=Path,
        default=None,
        help="the centre's signing key (default: central-signing.key in the centre's data "
        "folder, CASEWORKER_CENTRAL_DATA or the platform's; or set CASEWORKER_CENTRAL_KEY)",
    )
    serve = sub.add_parser("serve", parents=[common], help="run the HTTP server (the default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes (uvicorn workers; default 1)"
    )
    code = sub.add_parser("code", parents=[common], help="a one-time enrolment code for an office")
    code.add_argument("--office", required=True)
    code.add_argument("--hours", type=int, default=72)
    pack = sub.add_parser(
        "publish-pack", parents=[common], help="validate, sign and publish a rule pack"
    )
    pack.add_argument("file", type=Path)
    revoke = sub.add_parser("revoke", parents=[common], help="revoke a permit at every office")
    revoke.add_argument("permit")
    revoke.add_argument("--reason", required=True)
    account = sub.add_parser("account", parents=[common], help="create or change a user account")
    account.add_argument("username")
    account.add_argument("--name", default="")
    account.add_argument(
        "--role",
        required=True,
        choices=["clerk", "supervisor", "collective_administrator", "admin"],
    )
    account.add_argument(
        "--office", default="", help="the office it belongs to (default: every office)"
    )
    account.add_argument("--disable", action="store_true")
    carried = sub.add_parser(
        "import-bundle", parents=[common], help="apply a township's bundle; write the return"
    )
    carried.add_argument("file", type=Path)
    carried.add_argument("--out", type=Path, help="the return bundle (default FILE.return)")
    return parser


def run(argv: list[str] | None = None) -> int:
    use_utf8()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "serve")
    args = _parser().parse_args(args_list)
    if not args.database:
        print(
            "caseworker-central: --database is required (or CASEWORKER_CENTRAL_DATABASE)",
            file=sys.stderr,
        )
        return 2
    # the extra's imports only here
    from caseworker.central.base import CentralError  # noqa: PLC0415
    from caseworker.central.database import (  # noqa: PLC0415
        data_folder,
        load_signing_key,
        migrate,
        open_database,
    )
    from caseworker.central.service import Central  # noqa: PLC0415

    key_file = args.key_file or Path(
        os.environ.get("CASEWORKER_CENTRAL_KEY") or data_folder() / "central-signing.key"
    )
    try:
        signing_key = load_signing_key(key_file)
    except (CentralError, OSError) as exc:
        print(f"caseworker-central: {exc}", file=sys.stderr)
        return 1
    try:
        engine = open_database(args.database)
        migrate(engine)
        central = Central(engine, signing_key)
    except Exception as exc:
        print(
            f"caseworker-central: cannot open the database: {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return 1
    try:
        if args.command == "serve":
            import uvicorn  # noqa: PLC0415

            from caseworker.central.app import create_app  # noqa: PLC0415

            print(
                f"caseworker-central {__version__} on http://{args.host}:{args.port} "
                f"(key {central.public_key[:16]}…)",
                flush=True,
            )
            if args.workers > 1:
                # each worker builds its own centre (its own connection pool) from these
                os.environ["CASEWORKER_CENTRAL_DATABASE"] = args.database
                os.environ["CASEWORKER_CENTRAL_KEY"] = str(key_file.resolve())
                uvicorn.run(
                    "caseworker.central.cli:worker_app",
                    factory=True,
                    workers=args.workers,
                    host=args.host,
                    port=args.port,
                    log_level="warning",
                )
            else:
                uvicorn.run(
                    create_app(central), host=args.host, port=args.port, log_level="warning"
                )
        elif args.command == "code":
            print(central.issue_code(args.office, hours=args.hours))
        elif args.command == "publish-pack":
            return _publish(central, args.file)
        elif args.command == "import-bundle":
            try:
                data = args.file.read_bytes()
            except OSError as exc:
                print(
                    f"caseworker-central: cannot read {args.file}: {exc.strerror}", file=sys.stderr
                )
                return 1
            answer = central.import_bundle(data)
            out = args.out or args.file.with_name(args.file.name + ".return")
            out.write_bytes(answer)
            print(f"applied; return bundle written to {out}")
        elif args.command == "revoke":
            central.revoke(args.permit, args.reason)
            print(f"revoked {args.permit}")
        elif args.command == "account":
            from caseworker.security.passwords import PasswordRuleError, hash_password  # noqa: PLC0415

            password = os.environ.get("CASEWORKER_CENTRAL_PASSWORD") or getpass.getpass(
                f"password for {args.username}: "
            )
            try:
                hashed = hash_password(password)
            except PasswordRuleError as exc:
                print(f"caseworker-central: password: {exc}", file=sys.stderr)
                return 2
            central.put_account(
                username=args.username,
                display_name=args.name or args.username,
                role=args.role,
                password_hash=hashed,
                office_code=args.office,
                active=not args.disable,
            )
            print(f"account {args.username} saved")
    except CentralError as exc:
        print(f"caseworker-central: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def worker_app() -> Any:
    """What each worker of ``serve --workers N`` serves: the centre over
    ``CASEWORKER_CENTRAL_DATABASE`` with the key in ``CASEWORKER_CENTRAL_KEY`` (the command
    has opened both, and migrated the database, before it starts the workers)."""
    from caseworker.central.app import create_app  # noqa: PLC0415
    from caseworker.central.database import load_signing_key, open_database  # noqa: PLC0415
    from caseworker.central.service import Central  # noqa: PLC0415

    engine = open_database(os.environ["CASEWORKER_CENTRAL_DATABASE"])
    key = load_signing_key(Path(os.environ["CASEWORKER_CENTRAL_KEY"]))
    return create_app(Central(engine, key))


def _publish(central: object, path: Path) -> int:
    """Validate the pack exactly as a desk will before it is signed."""
    from caseworker.central.service import Central  # noqa: PLC0415
    from caseworker.models.divisions import Divisions  # noqa: PLC0415
    from caseworker.resources import resource_path  # noqa: PLC0415
    from caseworker.rules.pack_loader import load_pack  # noqa: PLC0415
    from caseworker.rules.packs import PackError  # noqa: PLC0415

    assert isinstance(central, Central)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"caseworker-central: cannot read {path}: {exc}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        copy.write_text(text, encoding="utf-8")
        try:
            pack = load_pack(
                copy,
                policies_dir=resource_path("policies"),
                divisions=Divisions.load(resource_path("divisions")),
            )
        except PackError as exc:
            print(f"caseworker-central: the pack is refused: {exc}", file=sys.stderr)
            return 1
    central.publish_pack(text, policy=pack.policy, version=pack.version)
    print(f"published {pack.policy} {pack.version} ({pack.sha256[:12]})")
    return 0
