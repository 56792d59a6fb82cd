"""``caseworker enroll`` and ``caseworker sync``: this device and the central system.

caseworker enroll --central https://central.example:8470 --code ABCD-EFGH-JKLM   # admin
caseworker sync                       # one round now, with a summary
caseworker sync status                # last success, items waiting, errors
caseworker sync conflicts             # the supervisor's queue
caseworker sync resolve ID --note TEXT [--resend]
caseworker sync settings --stale-days N                                          # admin
caseworker sync export --out FILE        # a township: the outbox onto removable media
caseworker sync import-bundle FILE [--out RETURN]   # carry a township's bundle in (the
                                         # return bundle is written), or apply a return
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from caseworker.cli_common import with_store, write_atomically
from caseworker.cli_json import add_json, emit, wants_json
from caseworker.exit_codes import ExitCode
from caseworker.services.base import Actor, ServiceError
from caseworker.services.sync import BATCH, CONFLICT_ZH, SyncService

#: not 3, the internal error: a failed round is the network's or the centre's doing
EXIT_ROUND_FAILED = ExitCode.SYNC_FAILED


def register(sub: Any) -> None:
    enroll = with_store(sub.add_parser("enroll", help="enrol this device with the central system"))
    enroll.add_argument("--central", required=True, help="the central system's address")
    enroll.add_argument("--code", required=True, help="the one-time code from its administrator")
    sync = with_store(sub.add_parser("sync", help="sync with the central system (one round)"))
    sync.add_argument(
        "action",
        nargs="?",
        default="run",
        choices=["run", "status", "conflicts", "resolve", "settings", "export", "import-bundle"],
    )
    sync.add_argument(
        "target", nargs="?", help="resolve: the conflict's number; import-bundle: the file"
    )
    sync.add_argument("--note", default="", help="resolve: what was done about it")
    sync.add_argument(
        "--resend", action="store_true", help="resolve: send a rejected operation again"
    )
    sync.add_argument("--all", action="store_true", help="conflicts: resolved ones too")
    sync.add_argument(
        "--stale-days",
        type=int,
        help="settings: days without sync before permits need a supervisor",
    )
    sync.add_argument(
        "--out", type=Path, help="export: the bundle file; import-bundle: the return bundle file"
    )
    add_json(sync)


def run(args: argparse.Namespace, sync: SyncService, actor: Actor) -> int:
    if args.command == "enroll":
        device = sync.enrol(actor, args.central, args.code)
        print(f"enrolled with {args.central} as device {device}; run `caseworker sync` now")
        return 0
    if args.action == "run":
        summary = sync.sync()
        for line in summary.lines():
            print(line)
        return 0 if summary.ok else EXIT_ROUND_FAILED
    if args.action == "status":
        if wants_json(args):
            emit(sync.status())
            return 0
        return _status(sync)
    if args.action == "conflicts":
        rows = sync.conflicts(actor, include_resolved=args.all)
        if wants_json(args):
            emit(rows)
            return 0
        for c in rows:
            done = f"  resolved by {c.resolved_by}: {c.resolution}" if c.resolved_at else ""
            print(
                f"{c.id:>5}  {c.at:%Y-%m-%d %H:%M}  {c.kind} "
                f"({CONFLICT_ZH.get(c.kind, '')})  {c.subject}"
            )
            print(f"       {c.message}{done}")
        if not rows:
            print("no open sync conflicts")
        return 0
    if args.action == "resolve":
        target = (args.target or "").strip()
        if not target.isdigit() or len(target) > 9:
            raise ServiceError(
                "sync resolve needs the conflict's number, e.g. `caseworker sync resolve 3 "
                "--note TEXT` (`caseworker sync conflicts` lists them)"
            )
        conflict = int(target)
        sync.resolve(actor, conflict, args.note, resend=args.resend)
        print(
            f"conflict {conflict} resolved"
            + (" and its operation queued again" if args.resend else "")
        )
        return 0
    if args.action == "export":
        if args.out is None:
            raise ServiceError("sync export needs --out FILE (on the removable drive)")
        data, count = sync.export_bundle(actor)
        written = write_atomically(args.out, data)
        print(f"bundle written to {written}: {count} operations, {len(data):,} bytes")
        print("the operations stay queued here until the return bundle comes back")
        return 0
    if args.action == "import-bundle":
        return _import(args, sync, actor)
    if args.stale_days is None:
        raise ServiceError("sync settings needs --stale-days N")
    sync.set_stale_days(actor, args.stale_days)
    print(f"permits need a supervisor after {args.stale_days} days without sync")
    return 0


def _import(args: argparse.Namespace, sync: SyncService, actor: Actor) -> int:
    if args.target is None:
        raise ServiceError("sync import-bundle needs the bundle's file")
    source = Path(args.target)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ServiceError(f"cannot read {source}: {exc.strerror}") from None
    done, answer, summary = sync.import_bundle(actor, data)
    if done == "relayed":
        assert answer is not None
        out = args.out or source.with_name(source.name + ".return")
        written = write_atomically(out, answer)
        print(f"carried in to the central system; return bundle written to {written}")
        print("take it back to the township office and import it there")
        return 0
    for line in summary.lines():
        print(line)
    print("return bundle applied")
    return 0


def _status(sync: SyncService) -> int:
    s = sync.status()
    if not s.enrolled:
        print(f"not enrolled with a central system; {s.waiting} operations waiting")
        return 0
    when = f"{s.last_success_at:%Y-%m-%d %H:%M}" if s.last_success_at else "never"
    print(f"central system: {s.central_url}")
    print(f"last success:   {when}")
    print(f"waiting:        {s.waiting}; set aside: {s.set_aside}; open conflicts: {s.conflicts}")
    if s.last_error:
        retry = f" (next try {s.next_attempt_at:%H:%M:%S})" if s.next_attempt_at else ""
        print(f"last error:     {s.last_error}{retry}")
    if s.last_bundle_at or s.last_return_at:
        left = f"{s.last_bundle_at:%Y-%m-%d %H:%M}" if s.last_bundle_at else "never"
        back = f"{s.last_return_at:%Y-%m-%d %H:%M}" if s.last_return_at else "never"
        print(f"last bundle out: {left}; last return bundle in: {back}")
    if s.stale:
        print(
            f"WARNING: no sync for {s.days_without_sync:.1f} days (allowed {s.stale_days}); "
            "permits need a supervisor"
        )
    return 0


def batch_size() -> int:
    """Operations per request: CASEWORKER_SYNC_BATCH (1-500) for a slow or flaky link,
    where smaller batches keep more of a round's progress when the line drops."""
    try:
        return int(os.environ.get("CASEWORKER_SYNC_BATCH", BATCH))
    except ValueError:
        raise ServiceError("CASEWORKER_SYNC_BATCH must be a whole number from 1 to 500") from None
