"""``caseworker`` commands on the office's store: init, apply, list, show, search, the
workflow steps, backup, restore and db check."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from caseworker import logs
from caseworker.models.facts import CaseError
from caseworker.models.workflow import STATE_ZH, State, WorkflowError, allowed_actions
from caseworker.printing.fonts import MissingGlyphError
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.services.applications import (
    ApplicationService,
    ServiceError,
    mask_id,
    snapshot,
)
from caseworker.services.evaluation import EvaluationService
from caseworker.services.printing import PrintingService
from caseworker.services.store import STORE_FILE, Settings, SetupError, Store, data_dir
from caseworker.services.users import add_user
from caseworker.storage.database import StoreError
from caseworker.storage.maintenance import backup_store, check_file, restore_store
from caseworker.storage.repositories import ApplicationView, ConcurrentChangeError

log = logging.getLogger("caseworker.cli")
EXIT_BAD_INPUT = 2
STEPS = {
    "accept": "受理 accept a draft (the hukou book was seen); gives the receipt number",
    "decide": "审查 run the rules on the answers",
    "approve": "批准 approve an eligible decision (supervisor; not the one who accepted)",
    "issue-permit": "开具准迁证 issue the permit to move in",
    "settle": "办结 mark the move-in registration done",
    "refuse": "不予受理/不予批准 refuse, with --reason",
    "withdraw": "撤回 withdraw at the applicant's request",
    "void": "作废 void, with --reason (supervisor)",
}


def register(sub: Any) -> None:
    def with_store(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--data-dir", type=Path, help="the store's folder (else CASEWORKER_DATA)"
        )
        parser.add_argument(
            "--as", dest="user", help="act as this user (default: the administrator)"
        )
        return parser

    init = with_store(
        sub.add_parser("init", help="set up this office's store and its first administrator")
    )
    init.add_argument("--office", required=True, help="the police station's code, e.g. 370102001")
    init.add_argument("--station", required=True, help="the police station's name")
    init.add_argument("--jurisdiction", default="", help="the area the station serves")
    init.add_argument("--admin", default="admin", help="the first administrator's user name")
    init.add_argument(
        "--admin-password-file", type=Path, help="read the password from a file (scripts)"
    )
    init.add_argument("--key-file", type=Path, help="keep the store key in this file (no keyring)")

    apply = with_store(
        sub.add_parser("apply", help="create, accept and decide an application from a file")
    )
    apply.add_argument("file", type=Path, help='a case file, optionally with a "records" part')

    listing = with_store(sub.add_parser("list", help="the newest applications"))
    listing.add_argument(
        "--state", action="append", default=[], help="only this state (repeatable)"
    )
    listing.add_argument("--page", type=int, default=1)

    show = with_store(sub.add_parser("show", help="one application in full"))
    show.add_argument("number")
    show.add_argument("--json", action="store_true")

    search = with_store(sub.add_parser("search", help="find by ID number, name, pinyin or number"))
    search.add_argument("text", nargs="?", default="")
    search.add_argument("--state", action="append", default=[])
    search.add_argument(
        "--from", dest="date_from", type=date.fromisoformat, help="created on or after"
    )
    search.add_argument(
        "--to", dest="date_to", type=date.fromisoformat, help="created on or before"
    )
    search.add_argument("--county", help="destination county code")
    search.add_argument("--street", help="destination street")
    search.add_argument("--page", type=int, default=1)
    search.add_argument("--page-size", type=int, default=50)

    for name, text in STEPS.items():
        step = with_store(sub.add_parser(name, help=text))
        step.add_argument("number")
        if name in {"refuse", "withdraw", "void"}:
            step.add_argument("--reason", default="", required=name != "withdraw")

    backup = with_store(
        sub.add_parser("backup", help="write a verified, encrypted copy of the store")
    )
    backup.add_argument("file", type=Path)
    restore = with_store(sub.add_parser("restore", help="replace the store with a verified backup"))
    restore.add_argument("file", type=Path)
    db = with_store(sub.add_parser("db", help="store maintenance"))
    db.add_argument("action", choices=["check"])

    printing = with_store(sub.add_parser("print", help="print a document of an application"))
    printing.add_argument("kind", choices=[k.value for k in DocumentKind])
    printing.add_argument("number", help="the application's number")
    printing.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    printing.add_argument("--counterfoil", action="store_true", help="add the office's 存根")
    printing.add_argument("--reprint", action="store_true", help="补打: same number, marked")
    void_print = with_store(sub.add_parser("void-print", help="void a printed document"))
    void_print.add_argument("document", help="the printed document's number")
    void_print.add_argument("--reason", required=True)
    verify = with_store(sub.add_parser("verify", help="check a document's QR code or PDF"))
    verify.add_argument("code", help="the code read from the QR, or a PDF file")

    users = with_store(sub.add_parser("user", help="user accounts (administrator)"))
    users.add_argument("action", choices=["add"])
    users.add_argument("username")
    users.add_argument(
        "--role",
        required=True,
        choices=["clerk", "supervisor", "collective_administrator", "admin"],
    )
    users.add_argument("--name", default="", help="display name")
    users.add_argument("--password-file", type=Path, required=True)


COMMANDS = {
    "init",
    "apply",
    "list",
    "show",
    "search",
    "backup",
    "restore",
    "db",
    "user",
    "print",
    "void-print",
    "verify",
    *STEPS,
}


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    logs.setup(folder / "logs")
    try:
        if args.command == "init":
            return _init(args, folder)
        if args.command == "restore":
            return _restore(args, folder)
        store = Store.open(folder)
        try:
            if store.last_migration_backup is not None:
                print(f"the store was updated; backup taken first: {store.last_migration_backup}")
            return _with_store(args, store)
        finally:
            store.close()
    except (
        SetupError,
        StoreError,
        ServiceError,
        WorkflowError,
        CaseError,
        ConcurrentChangeError,
        MissingGlyphError,
    ) as exc:
        log.warning("%s refused: %s", args.command, exc)
        print(f"caseworker: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _with_store(args: argparse.Namespace, store: Store) -> int:
    if args.command == "backup":
        written = backup_store(store.path, store.settings.key(), args.file.resolve())
        print(f"backup written and verified: {written}")
        return 0
    if args.command == "db":
        health = check_file(store.path, store.settings.key())
        print(f"integrity: {health.integrity}")
        print(f"schema: {health.revision} (newest {health.head})")
        print(f"tables: {health.tables}")
        return 0 if health.ok else 1
    service = ApplicationService(store, EvaluationService.from_resources())
    actor = service.actor(args.user) if args.user else service.default_actor()
    if args.command in {"print", "void-print", "verify"}:
        return _printing(args, PrintingService(service), actor)
    if args.command == "user":
        password = _read_secret(args.password_file)
        add_user(
            store,
            actor,
            username=args.username,
            role=args.role,
            password=password,
            display_name=args.name,
        )
        print(f"user {args.username} ({args.role}) added")
        return 0
    if args.command == "apply":
        data = _read_json(args.file)
        view = service.apply(actor, data)
        _print_summary(service, view.number)
        print(view.number)
        return 0
    if args.command in STEPS:
        number = args.number
        method: dict[str, Callable[[], ApplicationView]] = {
            "accept": lambda: service.accept(actor, number),
            "decide": lambda: service.decide(actor, number),
            "approve": lambda: service.approve(actor, number),
            "issue-permit": lambda: service.issue_permit(actor, number),
            "settle": lambda: service.mark_settled(actor, number),
            "refuse": lambda: service.refuse(actor, number, args.reason),
            "withdraw": lambda: service.withdraw(actor, number, args.reason),
            "void": lambda: service.void(actor, number, args.reason),
        }
        view = method[args.command]()
        print(f"{view.number}: {view.state} ({STATE_ZH[State(view.state)]})")
        return 0
    if args.command == "show":
        return _show(service, args.number, as_json=args.json)
    page = service.search(
        getattr(args, "text", ""),
        states=tuple(args.state),
        date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None),
        county=getattr(args, "county", None),
        street=getattr(args, "street", None),
        page=args.page,
        page_size=getattr(args, "page_size", 50),
    )
    for item in page.items:
        print(
            f"{item.number}  {item.state:<13} {item.applicant_name or '(no name)'}  "
            f"{mask_id(item.applicant_id_number)}  {item.on}  "
            f"{item.destination_county} {item.destination_street}  {item.decision}"
        )
    if not page.items:
        print("no applications found")
    elif page.has_more:
        print(f"(more: --page {page.page + 1})")
    return 0


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
        station_name=args.station,
        jurisdiction=args.jurisdiction,
        admin_username=args.admin,
        admin_password=password,
        key_file=args.key_file,
    )
    office = store.office()
    store.close()
    where = "a key file " + str(args.key_file) if args.key_file else "the system keyring"
    print(
        f"store set up in {folder} for {office.station_name} ({office.office_code}), "
        f"device {office.device_code}; key kept in {where}"
    )
    return 0


def _printing(args: argparse.Namespace, printing: PrintingService, actor: Any) -> int:
    if args.command == "print":
        printed = printing.print_document(
            actor,
            args.number,
            DocumentKind(args.kind),
            counterfoil=args.counterfoil,
            reprint=args.reprint,
        )
        out = args.out.resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(out.name + ".partial")
        temporary.write_bytes(printed.pdf)
        temporary.replace(out)
        mark = "（补打）" if args.reprint else ""
        print(
            f"{TITLES[DocumentKind(args.kind)]}{mark} {printed.record.number} "
            f"copy {printed.record.copy} written to {out}"
        )
        return 0
    if args.command == "void-print":
        record = printing.void_printed(actor, args.document, args.reason)
        print(f"{record.number}: void ({record.void_reason})")
        return 0
    code = args.code
    path = Path(code)
    if code.lower().endswith(".pdf") and path.is_file():
        code = path.read_bytes().decode("latin-1")
    verdict = printing.verify(code)
    print(f"{verdict.status}: {verdict.message}")
    return 0 if verdict.status == "valid" else 1


def _read_secret(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SetupError(f"cannot read {path}: {exc.strerror}") from None


def _restore(args: argparse.Namespace, folder: Path) -> int:
    settings = Settings.load(folder)
    kept = restore_store(args.file.resolve(), folder / STORE_FILE, settings.key())
    kept_note = f"; the replaced store is kept as {kept}" if kept else ""
    print(f"restored from {args.file}{kept_note}")
    return 0


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(f"{path}: cannot read the file ({exc.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"{path}: not valid JSON: {exc}") from None


def _print_summary(service: ApplicationService, number: str) -> None:
    view = service.get(number)
    print(f"申请 application {view.number}  受理回执 receipt {view.receipt_number}")
    if view.decision is not None:
        eligible = [
            f"{r['policy']}:{r['clause']}"
            for r in view.decision.result["routes"]
            if r["status"] == "eligible"
        ]
        print(f"决定 decision: {view.decision.decision}  {', '.join(eligible)}")
    for flag in service.flags(number):
        print(f"注意 flag: {flag}")


def _show(service: ApplicationService, number: str, *, as_json: bool) -> int:
    view = service.get(number)
    if as_json:
        print(json.dumps(snapshot(view), ensure_ascii=False, indent=2, default=str))
        return 0
    state = State(view.state)
    print(f"申请 application {view.number}: {state.value} ({STATE_ZH[state]})")
    name = view.applicant.name or "(no name yet)"
    print(f"申请人 applicant: {name}  {mask_id(view.applicant.id_number)}")
    print(
        f"申请日期 on: {view.on}   拟落户地 destination: {view.destination_county} "
        f"{view.destination_street} {view.destination_address}"
    )
    if view.receipt_number:
        print(f"受理回执 receipt: {view.receipt_number}")
    if view.permit_number:
        print(f"准迁证 permit: {view.permit_number}")
    for rel in view.relatives:
        print(
            f"随迁 [{rel.position}] {rel.relation} {rel.person.name or '(no name)'} "
            f"{mask_id(rel.person.id_number)} {rel.verdict}"
        )
    if view.decision is not None:
        print(
            f"决定 decision: {view.decision.decision} ({view.decision.decided_by}, "
            f"{view.decision.decided_at:%Y-%m-%d %H:%M})"
        )
    if view.reason:
        print(f"理由 reason: {view.reason}")
    for flag in service.flags(number):
        print(f"注意 flag: {flag}")
    steps = ", ".join(a.value for a in allowed_actions(state)) or "none (closed)"
    print(f"下一步 next steps: {steps}")
    print("经过 history:")
    for event in service.history(number):
        print(f"  {event.at:%Y-%m-%d %H:%M:%S}  {event.actor:<10} {event.action}")
    return 0
