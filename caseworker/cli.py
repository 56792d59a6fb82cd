"""The ``caseworker`` command: everything the desk can do, from a terminal or a script."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from caseworker import __version__, cli_coverage, cli_devices, cli_it, cli_store, logs
from caseworker.cli_common import is_text
from caseworker.cli_json import add_json, emit
from caseworker.console import use_utf8
from caseworker.exit_codes import TABLE, ExitCode
from caseworker.rules.decision import Decision
from caseworker.rules.packs import PackError, RuleBook
from caseworker.services.evaluation import (
    CaseFileError,
    EvaluationService,
    case_files,
)
from caseworker.services.explain import render_text

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_INTERNAL = (
    ExitCode.OK,
    ExitCode.PROBLEMS,
    ExitCode.BAD_INPUT,
    ExitCode.INTERNAL,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseworker",
        description="落户受理台 Settlement counter desk: decide and keep settlement applications.",
        epilog="exit codes: " + "; ".join(f"{int(code)} {text}" for code, text in TABLE.items()),
    )
    parser.add_argument("--version", action="version", version=f"caseworker {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ev = sub.add_parser("evaluate", help="decide case files (case-format.md)")
    ev.add_argument("path", type=Path, help="a case .json file, or a folder of them")
    ev.add_argument("--json", action="store_true", help="print the decision as JSON")
    ev.add_argument("--rules-dir", type=Path, help="use the rule packs in this folder")

    rules = sub.add_parser("rules", help="list, check and show the rule packs")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    for name, text in (
        ("list", "policies, dates in force, zones and routes"),
        ("check", "validate every pack; exit 1 on any problem"),
        ("show", "one route with its clause text, conditions and documents"),
        ("coverage", "every numbered paragraph of the policy texts and what the packs do"),
    ):
        action = rules_sub.add_parser(name, help=text)
        action.add_argument("--rules-dir", type=Path, help="the folder of packs to use")
        add_json(action)
        if name == "show":
            action.add_argument("route", help="policy:clause, e.g. jinan-2017:2.1.1.6")
        if name == "coverage":  # its --json is add_json's, as for every action here
            action.add_argument("--markdown", action="store_true", help="as COVERAGE.md")
    scan = sub.add_parser("scan", help="read an ID card or hukou book page from an image")
    scan.add_argument("file", type=Path, help="the image (PNG or JPEG)")
    scan.add_argument(
        "--kind", required=True, choices=["id-card", "household-page", "registration-card"]
    )
    cli_store.register(sub)
    cli_it.register(sub)
    cli_devices.register(sub)
    return parser


def _scan(path: Path, kind: str) -> int:
    """The fields read, each with its confidence, its box (in the pixels of the document
    as squared up or turned level), its status (checked / corrected / unchecked / doubtful
    / missing) and whether it is doubtful; then what the checks found. Exit 1 when a check
    fails or a field is doubtful."""
    from caseworker.services.scanning import ScanError, read_scan  # noqa: PLC0415 - loads the OCR on demand

    try:
        image = path.read_bytes()
    except OSError as exc:
        print(f"caseworker: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result = read_scan(image).fields(kind)  # as the desk reads it
    except ScanError as exc:
        print(f"caseworker: {path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    fields = {
        name: {
            "value": f.value,
            "confidence": round(f.score, 3),
            "box": list(f.box) if f.box else None,
            "status": f.status.value,
            "doubtful": f.doubtful,
        }
        for name, f in result.fields.items()
    }
    out = {"kind": kind, "file": str(path), "fields": fields, "problems": list(result.problems)}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    doubtful = result.problems or any(f.doubtful for f in result.fields.values())
    return EXIT_PROBLEMS if doubtful else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:
        if not is_text(arg):  # bytes that are not UTF-8, from a mis-set terminal or script
            shown = arg.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            print(
                f"caseworker: the argument '{shown}' is not valid UTF-8 text; type it again, "
                "or set the terminal to UTF-8",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    args = _parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args.path, as_json=args.json, rules_dir=args.rules_dir)
        if args.command == "scan":
            return _scan(args.file, args.kind)
        if args.command in cli_devices.COMMANDS:
            return cli_devices.run(args)
        if args.command in cli_store.COMMANDS:
            return cli_store.run(args)
        if args.command in cli_it.COMMANDS:
            return cli_it.run(args)
        if args.rules_command == "check":
            return _rules_check(args.rules_dir, as_json=args.json)
        if args.rules_command == "coverage":
            return cli_coverage.run(
                args.rules_dir, as_json=args.json, markdown=args.markdown, out=sys.stdout
            )
        service = EvaluationService.from_resources(rules_dir=args.rules_dir)
        if args.rules_command == "list":
            if args.json:
                emit([_pack_json(pack) for pack in service.book.packs])
            else:
                _rules_list(service.book, sys.stdout)
            return EXIT_OK
        return _rules_show(service.book, args.route, as_json=args.json)
    except PackError as exc:
        print(f"caseworker: rule pack refused: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except Exception as exc:
        if logs.log_file() is not None:  # else logging's last resort prints a traceback
            logging.getLogger("caseworker.cli").exception("internal error in %s", args.command)
        print(
            f"caseworker: internal error ({type(exc).__name__}: {exc}); "
            "nothing was changed, please report this with the command you ran",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _evaluate(path: Path, *, as_json: bool, rules_dir: Path | None) -> int:
    if not path.exists():
        print(f"caseworker: {path}: no such file or folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    files = case_files(path)
    if not files:
        print(f"caseworker: {path}: the folder holds no .json case files", file=sys.stderr)
        return EXIT_BAD_INPUT
    service = EvaluationService.from_resources(rules_dir=rules_dir)
    decisions: list[tuple[Path, Decision]] = []
    bad = 0
    for file in files:
        try:
            decisions.append((file, service.decide_file(file)))
        except CaseFileError as exc:
            print(f"caseworker: {exc}", file=sys.stderr)
            bad += 1
    if bad:
        return EXIT_BAD_INPUT
    if as_json:
        payload = [d.to_json() for _, d in decisions]
        out = payload if path.is_dir() else payload[0]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for i, (file, decision) in enumerate(decisions):
            if i:
                print()
            render_text(decision, file, sys.stdout)
    return EXIT_OK


def _rules_check(rules_dir: Path | None, *, as_json: bool = False) -> int:
    try:
        service = EvaluationService.from_resources(rules_dir=rules_dir)
    except PackError as exc:
        if as_json:
            emit({"ok": False, "problem": str(exc)})
        print(f"caseworker: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if as_json:
        emit(
            {
                "ok": True,
                "packs": [
                    {
                        "policy": p.policy,
                        "routes": len(p.routes),
                        "path": str(p.path),
                        "sha256": p.sha256,
                    }
                    for p in service.book.packs
                ],
            }
        )
        return EXIT_OK
    for pack in service.book.packs:
        print(
            f"ok  {pack.policy}  {len(pack.routes)} routes  {pack.path}  sha256 {pack.sha256[:12]}"
        )
    return EXIT_OK


def _rules_list(book: RuleBook, out: TextIO) -> None:
    for pack in book.packs:
        until = pack.valid_until.isoformat() if pack.valid_until else "no end date"
        out.write(
            f"{pack.policy}  {pack.document}  {pack.valid_from} .. {until}  v{pack.version}\n"
        )
        out.write(f"  {pack.title}\n")
        for zone in pack.zones:
            counties = ", ".join(p.county for p in zone.places)
            out.write(f"  zone {zone.id} ({zone.name}): {counties}\n")
        for route in pack.routes:
            out.write(f"  route {route.key:<24} {route.name}\n")
        for notice in pack.notices:
            out.write(f"  notice {pack.policy}:{notice.clause}\n")


def _pack_json(pack: Any) -> dict[str, Any]:
    return {
        "policy": pack.policy,
        "document": pack.document,
        "title": pack.title,
        "version": pack.version,
        "valid_from": pack.valid_from.isoformat(),
        "valid_until": pack.valid_until.isoformat() if pack.valid_until else None,
        "sha256": pack.sha256,
        "zones": [
            {"id": z.id, "name": z.name, "counties": [p.county for p in z.places]}
            for z in pack.zones
        ],
        "routes": [{"key": r.key, "name": r.name} for r in pack.routes],
        "notices": [f"{pack.policy}:{n.clause}" for n in pack.notices],
    }


def _rules_show(book: RuleBook, key: str, *, as_json: bool = False) -> int:
    try:
        route = book.route(key)
    except KeyError:
        print(f"caseworker: no route {key!r}; `caseworker rules list` shows them", file=sys.stderr)
        return EXIT_BAD_INPUT
    if as_json:
        emit(
            {
                "key": route.key,
                "name": route.name,
                "text": route.text,
                "notes": route.notes,
                "may_follow": [rule.describe() for rule in route.follow],
                "documents": [d.name for d in route.documents],
                "defined_in": str(book.pack(route.policy).path),
                "line": route.line,
            }
        )
        return EXIT_OK
    print(f"{route.key}  {route.name}")
    print(f"\n条款原文 Clause text:\n  {route.text}")
    if route.notes:
        print(f"\n说明 Notes: {route.notes}")
    who = ", ".join(rule.describe() for rule in route.follow) or "nobody"
    print(f"\n随迁 May follow: {who}")
    print(f"材料 Documents: {'、'.join(d.name for d in route.documents)}")
    print(f"\n规则 Defined in {book.pack(route.policy).path}, line {route.line}")
    return EXIT_OK


def run() -> None:
    use_utf8()
    sys.exit(main())


if __name__ == "__main__":
    run()
