"""``caseworker`` commands on the office's store: apply, list, show, search, the workflow
steps, print and verify, backup; it registers and dispatches the store's other commands too
(init, db check and restore in ``cli_store_admin``; users, audit and logging in in
``cli_accounts``)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DatabaseError

from caseworker import cli_collective, cli_report, cli_sync, logs
from caseworker.cli_accounts import _audit, _login, _users
from caseworker.cli_common import (
    with_store,
    write_atomically,
)
from caseworker.cli_json import add_json, emit, wants_json
from caseworker.cli_store_admin import _db_check, _init, _restore
from caseworker.cli_verify import verify_command
from caseworker.exit_codes import ExitCode
from caseworker.models.facts import CaseError
from caseworker.models.workflow import STATE_ZH, State, WorkflowError, allowed_actions
from caseworker.printing.fonts import MissingGlyphError
from caseworker.printing.model import TITLES, DocumentKind
from caseworker.services.applications import ApplicationInput, ApplicationService, snapshot
from caseworker.services.audit import AuditService
from caseworker.services.base import Actor, ServiceError, mask_id
from caseworker.services.collectives import CollectiveService
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import PULLED_RULES, EvaluationService
from caseworker.services.permissions import Permission, require
from caseworker.services.printing import PrintingService
from caseworker.services.statistics import StatisticsService
from caseworker.services.store import (
    ROLES,
    SetupError,
    Store,
    data_dir,
)
from caseworker.services.sync import SyncService
from caseworker.services.users import UserService
from caseworker.storage.audit import summary as audit_summary
from caseworker.storage.database import StoreError
from caseworker.storage.maintenance import backup_store
from caseworker.storage.repositories import ApplicationView, ConcurrentChangeError

log = logging.getLogger("caseworker.cli")
EXIT_BAD_INPUT = ExitCode.BAD_INPUT
USER_ACTIONS = [
    "add",
    "list",
    "disable",
    "enable",
    "reset-password",
    "unlock",
    "totp",
    "remove-totp",
    "passwd",
    "policy",
]
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
    init.add_argument(
        "--audit-key-file",
        type=Path,
        help="with --key-file: keep the audit key, device key and audit mark in this file, "
        "away from the store key's folder",
    )
    init.add_argument(
        "--audit-key-in-keyring",
        action="store_true",
        help="with --key-file: keep the audit key, device key and audit mark in the keyring",
    )

    apply = with_store(
        sub.add_parser("apply", help="create, accept and decide an application from a file")
    )
    apply.add_argument("file", type=Path, help='a case file, optionally with a "records" part')

    edit = with_store(
        sub.add_parser("edit", help="replace the answers of an open application from a file")
    )
    edit.add_argument("number", help="the application's number")
    edit.add_argument("file", type=Path, help="the corrected case file, as for apply")
    edit.add_argument(
        "--version",
        type=int,
        dest="seen_version",
        metavar="N",
        help="the version the edit was made on (`caseworker show` prints it): refused if "
        "the application was saved since",
    )

    listing = with_store(sub.add_parser("list", help="the newest applications"))
    listing.add_argument(
        "--state", action="append", default=[], help="only this state (repeatable)"
    )
    listing.add_argument("--page", type=int, default=1)
    add_json(listing)

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
    add_json(search)

    seen = with_store(
        sub.add_parser("seen", help="record materials (材料) seen for an application")
    )
    seen.add_argument("number")
    seen.add_argument("documents", nargs="+", help="each as the checklist names it")

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
    add_json(db)

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
    add_json(verify)

    users = with_store(
        sub.add_parser("users", aliases=["user"], help="user accounts (administrator)")
    )
    users.add_argument("action", choices=USER_ACTIONS, help=", ".join(USER_ACTIONS))
    users.add_argument("username", nargs="?", help="the account (not for list and policy)")
    users.add_argument("--role", choices=list(ROLES), help="add: the new user's role")
    users.add_argument("--name", default="", help="add: display name")
    users.add_argument(
        "--password-file", type=Path, help="add, reset-password: the new password, from a file"
    )
    users.add_argument("--reason", default="", help="disable: why")
    users.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="policy: lockout_attempts, lockout_minutes, idle_minutes, totp_roles "
        "(comma-separated roles)",
    )
    add_json(users)

    trail = with_store(sub.add_parser("audit", help="the audit trail (supervisor)"))
    trail.add_argument("action", choices=["verify", "show"])
    trail.add_argument("--user", dest="by_user", help="show: only this user's events")
    trail.add_argument("--action", dest="by_action", help="show: actions starting with this")
    trail.add_argument("--application", help="show: only this application's events")
    trail.add_argument("--limit", type=int, default=50)
    add_json(trail)

    cli_collective.register(sub)
    cli_report.register(sub)
    cli_sync.register(sub)


COMMANDS = {
    "init",
    "apply",
    "edit",
    "seen",
    "list",
    "show",
    "search",
    "backup",
    "restore",
    "db",
    "user",
    "users",
    "audit",
    "print",
    "void-print",
    "verify",
    "collective",
    "report",
    "enroll",
    "sync",
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
        if args.command == "db":  # before opening: a damaged store is never migrated
            return _db_check(folder, as_json=wants_json(args))
        # checked as the desk checks it at start: every page, and the audit trail
        store = Store.open(folder, verify=True)
        try:
            _warn_about_the_trail(store)
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
    except DatabaseError as exc:
        log.error("%s: the store failed: %s", args.command, exc.orig)
        print(
            f"caseworker: the store could not be read or written ({exc.orig}); it may be "
            "damaged. Nothing more was changed; run `caseworker db check`",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _warn_about_the_trail(store: Store) -> None:
    report = store.audit_report
    if report is not None and not report.ok:
        log.error("%s", audit_summary(report))
        print(f"caseworker: warning 警告: {audit_summary(report)}", file=sys.stderr)


def _with_store(args: argparse.Namespace, store: Store) -> int:
    evaluation = EvaluationService.from_resources(pulled=store.folder / PULLED_RULES)
    context = ServiceContext(store, evaluation=evaluation)  # the one every service shares
    service = ApplicationService(context)
    anonymous = not (args.user or os.environ.get("CASEWORKER_USER"))
    if args.command == "verify" and anonymous:  # anyone may check; a logged-in one is audited
        return _printing(args, PrintingService(context), None)
    users = UserService(context)
    login = _login(args, users)
    try:
        return _as_user(args, context, service, users, login.actor)
    finally:
        users.logout(login)


def _as_user(
    args: argparse.Namespace,
    context: ServiceContext,
    service: ApplicationService,
    users: UserService,
    actor: Actor,
) -> int:
    store = context.store
    if args.command == "backup":
        require(actor, Permission.BACKUP)
        written = backup_store(store.path, store.settings.key(), args.file.resolve())
        store.record(at=datetime.now(), actor=actor.username, action="store.backup", detail={})
        print(f"backup written and verified: {written}")
        return 0
    if args.command in {"print", "void-print", "verify"}:
        return _printing(args, PrintingService(context), actor)
    if args.command in {"user", "users"}:
        return _users(args, users, actor)
    if args.command == "audit":
        return _audit(args, AuditService(context), actor)
    if args.command == "collective":
        return cli_collective.run(args, CollectiveService(context), actor)
    if args.command == "report":
        return cli_report.run(args, StatisticsService(context), actor)
    if args.command in {"enroll", "sync"}:
        sync = SyncService(context, batch=cli_sync.batch_size())
        return cli_sync.run(args, sync, actor)
    if args.command == "apply":
        data = _read_json(args.file)
        view = service.apply(actor, data)
        _print_summary(service, view.number, actor)
        print(view.number)
        return 0
    if args.command == "edit":
        given = ApplicationInput(
            answers=_read_json(args.file), number=args.number, version=args.seen_version
        )
        view = service.save(actor, given)
        print(
            f"{view.number}: {view.state} ({STATE_ZH[State(view.state)]}), answers replaced "
            f"(now version {view.version})"
        )
        return 0
    if args.command == "seen":
        for document in args.documents:
            service.mark_document_seen(actor, args.number, document)
        names = "、".join(name for name, _, _ in service.documents_seen(args.number))
        print(f"{args.number}: 已查验材料 materials seen: {names}")
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
        return _show(service, actor, args.number, as_json=args.json)
    page = service.search(
        actor,
        getattr(args, "text", ""),
        states=tuple(args.state),
        date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None),
        county=getattr(args, "county", None),
        street=getattr(args, "street", None),
        page=args.page,
        page_size=getattr(args, "page_size", 50),
    )
    if wants_json(args):
        emit({"page": page.page, "has_more": page.has_more, "items": page.items})
        return 0
    for item in page.items:
        print(
            f"{item.number}  {item.state:<13} {item.applicant_name or '(no name)'}  "
            f"{item.applicant_id_number or ''}  {item.on}  "
            f"{item.destination_county} {item.destination_street}  {item.decision}"
        )
    if not page.items:
        print("no applications found")
    elif page.has_more:
        print(f"(more: --page {page.page + 1})")
    return 0


def _printing(args: argparse.Namespace, printing: PrintingService, actor: Actor | None) -> int:
    if args.command == "print":
        assert actor is not None
        printed = printing.print_document(
            actor,
            args.number,
            DocumentKind(args.kind),
            counterfoil=args.counterfoil,
            reprint=args.reprint,
        )
        out = write_atomically(args.out, printed.pdf)
        mark = "（补打）" if args.reprint else ""
        print(
            f"{TITLES[DocumentKind(args.kind)]}{mark} {printed.record.number} "
            f"copy {printed.record.copy} written to {out}"
        )
        return 0
    if args.command == "void-print":
        assert actor is not None
        record = printing.void_printed(actor, args.document, args.reason)
        print(f"{record.number}: void ({record.void_reason})")
        return 0
    return verify_command(args, printing, actor)


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(f"{path}: cannot read the file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise CaseError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 JSON"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"{path}: not valid JSON: {exc}") from None
    except RecursionError:
        raise CaseError(
            f"{path}: the JSON is nested too deeply to be a case file; check the file"
        ) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise CaseError(f"{path}: a value in the file cannot be read ({exc})") from None


def _print_summary(service: ApplicationService, number: str, actor: Actor) -> None:
    view = service.get(number)
    print(f"申请 application {view.number}  受理回执 receipt {view.receipt_number}")
    if view.decision is not None:
        eligible = [
            f"{r['policy']}:{r['clause']}"
            for r in view.decision.result["routes"]
            if r["status"] == "eligible"
        ]
        print(f"决定 decision: {view.decision.decision}  {', '.join(eligible)}")
    for flag in service.flags(number, actor=actor):
        print(f"注意 flag: {flag}")


def _show(service: ApplicationService, actor: Actor, number: str, *, as_json: bool) -> int:
    view = service.open_record(actor, number)
    if as_json:
        print(json.dumps(snapshot(view), ensure_ascii=False, indent=2, default=str))
        return 0
    state = State(view.state)
    print(f"申请 application {view.number}: {state.value} ({STATE_ZH[state]})")
    print(f"版本 version: {view.version} (give it to `caseworker edit --version`)")
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
    for flag in service.flags(number, actor=actor):
        print(f"注意 flag: {flag}")
    steps = ", ".join(a.value for a in allowed_actions(state)) or "none (closed)"
    print(f"下一步 next steps: {steps}")
    print("经过 history:")
    for event in service.history(number):
        print(f"  {event.at:%Y-%m-%d %H:%M:%S}  {event.actor:<10} {event.action}")
    return 0
