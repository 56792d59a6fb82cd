"""``caseworker collective``: collective households (集体户) from the command line.

caseworker collective list [--all]
caseworker collective show CODE [--past]
caseworker collective create --kind KIND --name NAME --address ADDR --division CODE ...
caseworker collective edit CODE [--name …] [--address …] [--sponsor …] [--administrator …]
caseworker collective close CODE --reason TEXT
caseworker collective admit CODE APPLICATION [--applicant-only]
caseworker collective move-out CODE ID_NUMBER --to PLACE [--reason TEXT]
caseworker collective transfer CODE ID_NUMBER (--to-collective CODE | --to-family TEXT)
caseworker collective history ID_NUMBER
caseworker collective roster CODE (--out FILE.pdf | --csv FILE.csv)
caseworker collective evidence APPLICATION --kind KIND --date DATE --address ADDR ...
caseworker collective booklet apply CODE --head ID --member ID:RELATION[:apart] ...
caseworker collective booklet decide|show|print NUMBER [--out FILE.pdf]
"""

from __future__ import annotations

import argparse
import mimetypes
from datetime import date
from pathlib import Path
from typing import Any

from caseworker.cli_common import with_store, write_atomically
from caseworker.cli_json import add_json, emit, wants_json
from caseworker.models.collectives import KIND_ZH, MOVEMENT_ZH, CollectiveKind, Movement
from caseworker.services.base import Actor, ServiceError
from caseworker.services.collectives import (
    BookletView,
    CollectiveService,
    CollectiveView,
    MemberView,
)

ACTIONS = (
    "list",
    "show",
    "create",
    "edit",
    "close",
    "admit",
    "move-out",
    "transfer",
    "history",
    "roster",
    "evidence",
    "booklet",
)


def register(sub: Any) -> None:
    parser = sub.add_parser("collective", help="collective households (集体户)")
    actions = parser.add_subparsers(dest="collective_action", required=True, metavar="ACTION")
    listing = with_store(actions.add_parser("list", help="the collectives you may see"))
    listing.add_argument("--all", action="store_true", help="closed ones too")
    add_json(listing)
    show = with_store(actions.add_parser("show", help="one collective and its roster"))
    show.add_argument("code")
    show.add_argument("--past", action="store_true", help="members who left, too")
    add_json(show)
    create = with_store(actions.add_parser("create", help="a new collective (supervisor)"))
    create.add_argument("--kind", required=True, choices=[k.value for k in CollectiveKind])
    create.add_argument("--name", required=True)
    create.add_argument("--address", required=True)
    create.add_argument(
        "--division", required=True, help="county (6), street (9) or community (12 digits)"
    )
    create.add_argument("--sponsor", default="", help="the unit or centre behind it")
    create.add_argument("--administrator", default="", help="a collective_administrator user")
    edit = with_store(actions.add_parser("edit", help="change a collective's details"))
    edit.add_argument("code")
    for name in ("name", "address", "sponsor", "administrator"):
        edit.add_argument(f"--{name}")
    edit.add_argument("--division", dest="division_code")
    close = with_store(actions.add_parser("close", help="close an empty collective (supervisor)"))
    close.add_argument("code")
    close.add_argument("--reason", required=True)
    admit = with_store(actions.add_parser("admit", help="register an approved application"))
    admit.add_argument("code")
    admit.add_argument("application")
    admit.add_argument(
        "--applicant-only", action="store_true", help="not the relatives who may accompany"
    )
    move = with_store(actions.add_parser("move-out", help="迁出: a member leaves"))
    move.add_argument("code")
    move.add_argument("id_number")
    move.add_argument("--to", required=True, dest="destination", help="where to")
    move.add_argument("--reason", default="")
    transfer = with_store(actions.add_parser("transfer", help="to another collective or a family"))
    transfer.add_argument("code")
    transfer.add_argument("id_number")
    transfer.add_argument("--to-collective")
    transfer.add_argument("--to-family", help="the family household: its number or address")
    transfer.add_argument("--reason", default="")
    history = with_store(actions.add_parser("history", help="a person's stays in collectives"))
    history.add_argument("id_number")
    add_json(history)
    roster = with_store(actions.add_parser("roster", help="print (PDF) or export (CSV) a roster"))
    roster.add_argument("code")
    roster.add_argument("--out", type=Path, help="the roster as a PDF")
    roster.add_argument("--csv", type=Path, help="the roster as CSV (supervisor; audited)")
    evidence = with_store(
        actions.add_parser("evidence", help="a homeowner's consent or a registered lease")
    )
    evidence.add_argument("application")
    evidence.add_argument("--kind", required=True, choices=["owner_consent", "registered_lease"])
    evidence.add_argument("--date", required=True, type=_date, help="signed or registered on")
    evidence.add_argument("--address", required=True)
    evidence.add_argument("--owner", default="", help="the owner's (householder's) name")
    evidence.add_argument("--owner-id", default="", help="the owner's ID number")
    evidence.add_argument("--lease-number", default="", help="the lease's registration number")
    evidence.add_argument("--scan", type=Path, help="a scan of the signed paper")
    evidence.add_argument("--out", type=Path, help="also print the record as a PDF")
    booklet = with_store(actions.add_parser("booklet", help="家庭居民户口簿 (Zaozhuang 2021)"))
    booklet.add_argument("step", choices=["apply", "decide", "show", "print"])
    booklet.add_argument("target", help="apply: the collective's code; else the booklet number")
    booklet.add_argument("--head", help="apply: the head's ID number")
    booklet.add_argument(
        "--member",
        action="append",
        default=[],
        help="apply: ID:RELATION, or ID:RELATION:apart for one not living with the head",
    )
    booklet.add_argument("--on", type=_date, help="apply: the application date (else today)")
    booklet.add_argument("--out", type=Path, help="print: the page as a PDF")
    add_json(booklet)


def run(args: argparse.Namespace, desk: CollectiveService, actor: Actor) -> int:
    action = args.collective_action
    if action == "list":
        found = desk.collectives(actor, include_closed=args.all)
        if wants_json(args):
            emit(found)
            return 0
        for view in found:
            print(_line(view))
        if not found:
            print("no collective households you may see")
        return 0
    if action == "show":
        view = desk.get(actor, args.code)
        if wants_json(args):
            roster = desk.roster(actor, view.code, include_past=args.past)
            emit({"collective": view, "members": roster})
            return 0
        print(_line(view))
        print(f"  address: {view.address}  division: {view.division_code}  sponsor: {view.sponsor}")
        print(f"  administrator: {view.administrator or '—'}")
        for member in desk.roster(actor, view.code, include_past=args.past):
            print(f"  {_member(member)}")
        return 0
    if action == "create":
        view = desk.create(
            actor,
            kind=args.kind,
            name=args.name,
            address=args.address,
            division_code=args.division,
            sponsor=args.sponsor,
            administrator=args.administrator,
        )
        print(view.code)
        return 0
    if action == "edit":
        changes = {
            k: getattr(args, k)
            for k in ("name", "address", "sponsor", "administrator", "division_code")
            if getattr(args, k) is not None
        }
        if not changes:
            raise ServiceError("nothing to change: give --name, --address, --sponsor, …")
        print(_line(desk.edit(actor, args.code, **changes)))
        return 0
    if action == "close":
        print(_line(desk.close(actor, args.code, args.reason)))
        return 0
    if action == "admit":
        for member in desk.admit(
            actor, args.code, args.application, with_relatives=not args.applicant_only
        ):
            print(f"admitted: {_member(member)}")
        return 0
    if action == "move-out":
        member = desk.move_out(
            actor, args.code, args.id_number, destination=args.destination, reason=args.reason
        )
        print(f"moved out: {_member(member)}")
        return 0
    if action == "transfer":
        member = desk.transfer(
            actor,
            args.code,
            args.id_number,
            to_collective=args.to_collective,
            to_family_household=args.to_family,
            reason=args.reason,
        )
        print(f"transferred: {_member(member)}")
        return 0
    if action == "history":
        stays = desk.history(actor, args.id_number)
        if wants_json(args):
            emit(stays)
            return 0
        for stay in stays:
            print(f"{stay.collective_code}  {_member(stay)}")
        if not stays:
            print("no stay in a collective you may see")
        return 0
    if action == "roster":
        return _roster(args, desk, actor)
    if action == "evidence":
        return _evidence(args, desk, actor)
    return _booklet(args, desk, actor)


def _roster(args: argparse.Namespace, desk: CollectiveService, actor: Actor) -> int:
    if args.out is None and args.csv is None:
        raise ServiceError("say where: --out FILE.pdf to print, --csv FILE.csv to export")
    if args.out is not None:
        print(f"roster written to {write_atomically(args.out, desk.roster_pdf(actor, args.code))}")
    if args.csv is not None:
        data = desk.export_roster(actor, args.code)
        print(f"roster exported to {write_atomically(args.csv, data)}")
    return 0


def _evidence(args: argparse.Namespace, desk: CollectiveService, actor: Actor) -> int:
    scan = None
    if args.scan is not None:
        try:
            content = args.scan.read_bytes()
        except OSError as exc:
            raise ServiceError(f"cannot read {args.scan}: {exc.strerror}") from None
        media = mimetypes.guess_type(args.scan.name)[0] or "application/octet-stream"
        scan = (args.scan.name, content, media)
    found = desk.add_evidence(
        actor,
        args.application,
        kind=args.kind,
        consent_date=args.date,
        owner_name=args.owner,
        owner_id_number=args.owner_id,
        address=args.address,
        lease_registration=args.lease_number,
        scan=scan,
    )
    print(f"evidence {found.id} recorded for {found.application_number}")
    if args.out is not None:
        print(f"written to {write_atomically(args.out, desk.print_evidence(actor, found.id))}")
    return 0


def _booklet(args: argparse.Namespace, desk: CollectiveService, actor: Actor) -> int:
    if args.step == "apply":
        if not args.head:
            raise ServiceError("--head ID_NUMBER is required: the head of the family household")
        booklet = desk.apply_booklet(
            actor,
            args.target,
            head=args.head,
            members=[_member_arg(m) for m in args.member],
            on=args.on,
        )
    elif args.step == "decide":
        booklet = desk.decide_booklet(actor, args.target)
    elif args.step == "show":
        booklet = desk.booklet(actor, args.target)
    else:
        if args.out is None:
            raise ServiceError("--out FILE.pdf is required to print the booklet page")
        written = write_atomically(args.out, desk.print_booklet(actor, args.target))
        print(f"written to {written}")
        return 0
    if wants_json(args):
        emit(booklet)
    else:
        _print_booklet(booklet)
    return 0


def _print_booklet(booklet: BookletView) -> None:
    print(f"{booklet.number}  {booklet.state}  collective {booklet.collective_code}")
    if booklet.household_number:
        print(f"  household number: {booklet.household_number}")
    print(f"  head: {booklet.head.name} {booklet.head.id_number}")
    for person, relation, together in booklet.members:
        apart = "" if together else " (not living together)"
        print(f"  {relation}: {person.name} {person.id_number}{apart}")
    for reason in booklet.reasons:
        print(f"  refused: {reason}")


def _member_arg(text: str) -> tuple[str, str, bool]:
    parts = text.split(":")
    if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] != "apart"):
        raise ServiceError(
            f"--member {text!r}: write ID_NUMBER:RELATION, e.g. 370402198601020024:spouse, "
            "or ID_NUMBER:RELATION:apart"
        )
    return parts[0], parts[1], len(parts) == 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-01") from None


def _line(view: CollectiveView) -> str:
    state = "open" if view.is_open else f"closed ({view.closed_reason})"
    return (
        f"{view.code}  {KIND_ZH[CollectiveKind(view.kind)]} {view.kind}  {view.name}  "
        f"{view.members} member(s)  {state}"
    )


def _member(member: MemberView) -> str:
    began = MOVEMENT_ZH[Movement(member.began)]
    line = (
        f"{member.person.name} {member.person.id_number or ''}  {member.relation or 'applicant'}  "
        f"{began} {member.admitted_at:%Y-%m-%d}"
    )
    if member.application_number:
        line += f" ({member.application_number})"
    if member.ended:
        line += f"; {MOVEMENT_ZH[Movement(member.ended)]} {member.left_at:%Y-%m-%d} → "
        line += member.destination
    return line
