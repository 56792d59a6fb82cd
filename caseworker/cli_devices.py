"""``caseworker reader …`` and ``caseworker printer …``: the IT person's way to find and
test the counter's card reader and printers without the desk (ID numbers masked unless
``--show-id``; exit 0 done, 1 a problem found, 2 bad input or a device that cannot be
used)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from caseworker.devices import printer as true_size
from caseworker.devices import sam
from caseworker.devices import settings as device_settings
from caseworker.devices.card import mask_id_number
from caseworker.devices.errors import DeviceError
from caseworker.services.id_reader import ReaderError, reader_from_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
COMMANDS = {"reader", "printer", "camera", "scanner"}


def register(sub: Any) -> None:
    reader = sub.add_parser("reader", help="find and test the ID card reader")
    actions = reader.add_subparsers(dest="reader_command", required=True, metavar="ACTION")
    probe = actions.add_parser("probe", help="ask every serial/USB port for a card reader")
    probe.add_argument("ports", nargs="*", help="only these ports (else every port listed)")
    probe.add_argument("--json", action="store_true", help="print the result as JSON")
    read = actions.add_parser("read", help="read the card on the reader")
    read.add_argument("--json", action="store_true", help="print the card as JSON")
    read.add_argument("--show-id", action="store_true", help="print the ID number unmasked")
    read.add_argument(
        "--kind", choices=device_settings.READER_KINDS[1:], help="else the device settings'"
    )
    read.add_argument("--port", help="the port (sam: COM3, /dev/ttyUSB0; vendors: 1001)")
    read.add_argument("--library", help="the vendor's library (termb/sdtapi), or card file")
    printer = sub.add_parser("printer", help="printers: list, calibrate, test page, print")
    p_actions = printer.add_subparsers(dest="printer_command", required=True, metavar="ACTION")
    listing = p_actions.add_parser("list", help="the CUPS printers and their calibration")
    listing.add_argument("--json", action="store_true", help="print the result as JSON")
    calibrate = p_actions.add_parser(
        "calibrate", help="keep a printer's measured offset (mm) for pre-printed paper"
    )
    calibrate.add_argument("name", help="the printer (as `printer list` names it)")
    calibrate.add_argument("--x-mm", type=float, required=True, help="right is positive")
    calibrate.add_argument("--y-mm", type=float, required=True, help="down is positive")
    test_page = p_actions.add_parser("test-page", help="print the calibration page")
    test_page.add_argument("name", nargs="?", default="", help="else the default printer")
    print_file = p_actions.add_parser("print", help="print a PDF at true size")
    print_file.add_argument("file", type=Path, help="the PDF")
    print_file.add_argument("name", nargs="?", default="", help="else the default printer")
    camera = sub.add_parser("camera", help="the document camera (高拍仪)")
    c_actions = camera.add_subparsers(dest="camera_command", required=True, metavar="ACTION")
    capture = c_actions.add_parser("capture", help="wait for a page to hold still, save it")
    capture.add_argument("out", type=Path, help="the PNG to write")
    capture.add_argument("--source", help="camera index or video file (else the settings')")
    capture.add_argument("--timeout", type=float, default=60.0, help="seconds to wait")
    capture.add_argument("--json", action="store_true", help="print the result as JSON")
    simulate = actions.add_parser(
        "simulate", help="a simulated SAM reader on a pseudo-terminal (training; Linux/macOS)"
    )
    simulate.add_argument("card", type=Path, help="the training card (JSON)")
    simulate.add_argument("--no-card", action="store_true", help="start with no card on it")
    scanner = sub.add_parser(
        "scanner", help="a flatbed scanner through SANE (Linux) or WIA (Windows)"
    )
    s_actions = scanner.add_subparsers(dest="scanner_command", required=True, metavar="ACTION")
    s_list = s_actions.add_parser("list", help="the scanners SANE or WIA finds")
    s_list.add_argument("--json", action="store_true", help="print the result as JSON")
    s_scan = s_actions.add_parser("scan", help="scan one page into a PNG")
    s_scan.add_argument("out", type=Path, help="the PNG to write")
    s_scan.add_argument(
        "--device", help="as `scanner list` names it, or auto (else the settings' scanner)"
    )
    s_scan.add_argument("--resolution", type=int, default=300, help="dpi (default 300)")
    for action in (calibrate, test_page, print_file, s_scan):
        action.add_argument("--json", action="store_true", help="print the result as JSON")
    for action in (probe, read, listing, calibrate, test_page, print_file, capture, s_scan):
        action.add_argument(
            "--devices", type=Path, help="the device settings file (else CASEWORKER_DEVICES)"
        )


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "printer":
            return _printer(args)
        if args.command == "camera":
            return _camera(args)
        if args.command == "scanner":
            return _scanner(args)
        if args.reader_command == "probe":
            return _probe(args)
        if args.reader_command == "simulate":
            return _simulate(args)
        return _read(args)
    except DeviceError as exc:
        print(f"caseworker: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _probe(args: argparse.Namespace) -> int:
    results = sam.probe(args.ports or None)
    if args.json:
        print(
            json.dumps(
                [{"port": r.port, "reader": r.answered, "detail": r.detail} for r in results],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for r in results:
            print(f"{'reader' if r.answered else 'no':<7} {r.port}  {r.detail}")
        if not results:
            print("no serial or USB-CDC ports on this computer")
    return EXIT_OK if any(r.answered for r in results) else EXIT_PROBLEMS


def _read(args: argparse.Namespace) -> int:
    settings = device_settings.load(args.devices)
    if args.kind:
        settings = replace(settings, reader=args.kind)
    if args.port:
        settings = replace(settings, reader_port=args.port)
    if args.library:
        settings = replace(settings, reader_library=args.library)
    try:
        reader = reader_from_settings(settings)
        if reader is None:
            print(
                "caseworker: no card reader is set; choose one with --kind, or in the "
                "device settings",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        card = reader.read()
    except ReaderError as exc:
        print(f"caseworker: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    number = card.id_number if args.show_id else mask_id_number(card.id_number)
    out = {
        "reader": reader.name,
        "id_number": number,
        "name": card.name,
        "sex": card.sex,
        "birth_date": card.birth_date.isoformat(),
        "ethnicity": card.ethnicity,
        "address": card.address,
        "issued_by": card.issued_by,
        "valid_from": _iso(card.valid_from),
        "valid_until": _iso(card.valid_until) if card.valid_until else "长期",
        "expired": card.expired,
        "photo": bool(card.photo_image),
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for key, value in out.items():
            print(f"{key:<11} {value}")
        if card.expired:
            print("warning: the card is past its valid-until date (有效期限)")
    return EXIT_PROBLEMS if card.expired else EXIT_OK


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _printer(args: argparse.Namespace) -> int:
    settings = device_settings.load(args.devices)
    action = args.printer_command
    if action == "list":
        names = sorted(set(true_size.printers()) | set(settings.calibration))
        rows = [
            {
                "printer": name,
                "offset_x_mm": settings.calibration_for(name).offset_x_mm,
                "offset_y_mm": settings.calibration_for(name).offset_y_mm,
                "default": name == settings.printer,
            }
            for name in names
        ]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                print(
                    f"{row['printer']}  offset x {row['offset_x_mm']:+.1f} mm, "
                    f"y {row['offset_y_mm']:+.1f} mm{'  (desk default)' if row['default'] else ''}"
                )
            if not rows:
                print("no printers (CUPS has no queues on this computer)")
        return EXIT_OK
    if action == "calibrate":
        limit = 20.0
        if abs(args.x_mm) > limit or abs(args.y_mm) > limit:
            print(
                f"caseworker: an offset over {limit:.0f} mm is a measuring mistake; measure "
                "the test page again (`caseworker printer test-page`)",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        calibration = device_settings.Calibration(offset_x_mm=args.x_mm, offset_y_mm=args.y_mm)
        path = device_settings.save(settings.with_calibration(args.name, calibration), args.devices)
        if args.json:
            out = {"printer": args.name, "offset_x_mm": args.x_mm, "offset_y_mm": args.y_mm}
            print(json.dumps({**out, "settings": str(path)}, ensure_ascii=False, indent=2))
        else:
            print(
                f"{args.name}: offset x {args.x_mm:+.1f} mm, y {args.y_mm:+.1f} mm kept in {path}"
            )
        return EXIT_OK
    if action == "test-page":
        pdf = true_size.calibration_page()
    else:
        try:
            pdf = args.file.read_bytes()
        except OSError as exc:
            print(f"caseworker: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if not pdf.startswith(b"%PDF"):
            print(f"caseworker: {args.file} is not a PDF", file=sys.stderr)
            return EXIT_BAD_INPUT
    name = args.name or settings.printer
    job = true_size.print_pdf(pdf, printer=name, title="caseworker", settings=settings)
    if args.json:
        print(json.dumps({"printer": name, "job": job.job_id}, ensure_ascii=False, indent=2))
    else:
        print(f"sent to {name or 'the default printer'} at true size (job {job.job_id or '?'})")
    return EXIT_OK


def _camera(args: argparse.Namespace) -> int:
    from caseworker.devices.camera import DocumentCamera  # noqa: PLC0415 - loads OpenCV

    settings = device_settings.load(args.devices)
    source = args.source if args.source is not None else settings.camera
    capture = DocumentCamera(source).auto_capture(timeout=args.timeout)
    if capture is None:
        print(
            f"caseworker: no page held still under the camera {source!r} "
            f"within {args.timeout:.0f} s",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    try:
        args.out.write_bytes(capture.png())
    except OSError as exc:
        print(f"caseworker: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    height, width = capture.frame.shape[:2]
    if args.json:
        out = {"file": str(args.out), "frame": capture.index, "width": width, "height": height}
        print(json.dumps(out, indent=2))
    else:
        print(f"captured frame {capture.index} ({width}x{height}) into {args.out}")
    return EXIT_OK


def _simulate(args: argparse.Namespace) -> int:
    """Serve a training card on a pseudo-terminal until interrupted: point the desk's
    reader (``sam``) at the port it prints."""
    import os  # noqa: PLC0415
    import threading  # noqa: PLC0415
    import tty  # noqa: PLC0415

    from caseworker.devices.sam_simulator import (  # noqa: PLC0415
        SamSimulator,
        text_block_from_card,
    )

    if not hasattr(os, "openpty"):
        print("caseworker: the simulated reader needs a pseudo-terminal (Linux, macOS)")
        return EXIT_BAD_INPUT
    try:
        card = json.loads(args.card.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"caseworker: cannot read the training card {args.card}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not isinstance(card, dict):
        print(f"caseworker: {args.card} is not a card (a JSON object)", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = text_block_from_card(card)
    master, slave = os.openpty()
    tty.setraw(slave)
    simulator = SamSimulator(master, text=text).start()
    simulator.behaviour.card_present = not args.no_card
    print(f"simulated card reader on {os.ttyname(slave)}; Ctrl+C stops it", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
        os.close(master)
        os.close(slave)
    return EXIT_OK


def _scanner(args: argparse.Namespace) -> int:
    from caseworker.devices import scanner  # noqa: PLC0415

    if args.scanner_command == "list":
        found = scanner.scanners()
        if args.json:
            rows = [{"device": s.device, "vendor": s.vendor, "model": s.model} for s in found]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for s in found:
                print(f"{s.device}  {s.vendor} {s.model}")
            if not found:
                print("no scanners found")
        return EXIT_OK if found else EXIT_PROBLEMS
    device = args.device or device_settings.load(args.devices).scanner
    device, png = scanner.scan_page(device=device, resolution=args.resolution)
    try:
        args.out.write_bytes(png)
    except OSError as exc:
        print(f"caseworker: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps({"device": device, "file": str(args.out)}, ensure_ascii=False, indent=2))
    else:
        print(f"scanned {device} into {args.out}")
    return EXIT_OK
