"""Printing a document at true size: the printer gets the PDF as it is.

On Linux and macOS the PDF goes to CUPS (``lp``) with scaling switched off, so an A4
permit comes out at 100 %, never shrunk to the printer's printable area. On Windows the
desk renders each page at the printer's own resolution and places it at its exact
physical size from the paper's corner (``device_rect``; the drawing is Qt's, in the
desk). For pre-printed paper a per-printer offset, measured on a test print, is applied
to the PDF itself (``apply_calibration``)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from caseworker.devices.errors import DeviceError
from caseworker.devices.settings import Calibration, DeviceSettings

POINTS_PER_MM = 72 / 25.4

#: paper CUPS knows by name, in mm; other sizes go as Custom.WxHmm
NAMED_MEDIA = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "A3": (297.0, 420.0)}
#: tolerance when matching a page to a named size (PDF boxes are in whole points)
MEDIA_TOLERANCE_MM = 1.0


class PrintError(DeviceError):
    """The document could not be handed to the printer; the message says what to do."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    printer: str  # empty: the system's default printer
    job_id: str
    command: tuple[str, ...]


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    from pypdf import PdfReader  # noqa: PLC0415 - loaded when printing

    reader = PdfReader(io.BytesIO(pdf))
    return [
        (float(page.mediabox.width) / POINTS_PER_MM, float(page.mediabox.height) / POINTS_PER_MM)
        for page in reader.pages
    ]


def media_name(width_mm: float, height_mm: float) -> str:
    for name, (w, h) in NAMED_MEDIA.items():
        if abs(w - width_mm) <= MEDIA_TOLERANCE_MM and abs(h - height_mm) <= MEDIA_TOLERANCE_MM:
            return name
    return f"Custom.{width_mm:.1f}x{height_mm:.1f}mm"


def apply_calibration(pdf: bytes, calibration: Calibration) -> bytes:
    """Move every page's content by the printer's measured offset (right and down
    positive), the page size unchanged; without an offset the PDF is returned as is."""
    if not calibration.offset_x_mm and not calibration.offset_y_mm:
        return pdf
    from pypdf import PdfReader, PdfWriter, Transformation  # noqa: PLC0415

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    move = Transformation().translate(
        tx=calibration.offset_x_mm * POINTS_PER_MM, ty=-calibration.offset_y_mm * POINTS_PER_MM
    )
    for page in writer.pages:
        page.add_transformation(move)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lp_command(
    *, printer: str, title: str, media: str, copies: int = 1, lp: str = "lp"
) -> list[str]:
    """The ``lp`` command line: the PDF on standard input, scaling off, the page's size."""
    command = [lp]
    if printer:
        command += ["-d", printer]
    command += [
        "-t",
        title,
        "-n",
        str(copies),
        "-o",
        f"media={media}",
        # CUPS's pdftopdf would otherwise fit a page that overlaps the printable area
        "-o",
        "print-scaling=none",
        "-o",
        "fit-to-page=false",
        "--",
        "-",
    ]
    return command


_REQUEST_ID = re.compile(r"request id is (\S+)")


def print_pdf(
    pdf: bytes,
    *,
    printer: str = "",
    title: str = "caseworker",
    copies: int = 1,
    settings: DeviceSettings | None = None,
    timeout: float = 60.0,
) -> PrintJob:
    """Hand the PDF to CUPS at true size, with the printer's calibration applied."""
    if sys.platform == "win32":
        raise PrintError(
            "on Windows the desk prints through the printer dialog (exact size at the "
            "printer's resolution); this function is for CUPS"
        )
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(
            "CUPS's `lp` command is missing; install CUPS (Debian: apt install cups-client)"
        )
    sizes = page_sizes_mm(pdf)
    if not sizes:
        raise PrintError("the document has no pages")
    calibration = (settings or DeviceSettings()).calibration_for(printer)
    data = apply_calibration(pdf, calibration)
    command = lp_command(
        printer=printer, title=title, media=media_name(*sizes[0]), copies=copies, lp=lp
    )
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise PrintError("the print system did not take the document in time; try again") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise PrintError(
            f"the printer {printer or '(default)'} refused the document ({detail}); check "
            "that it exists and is enabled (`lpstat -p`)"
        )
    found = _REQUEST_ID.search(done.stdout.decode("utf-8", "replace"))
    return PrintJob(printer, found.group(1) if found else "", tuple(command))


def printers() -> list[str]:
    """The CUPS queues on this computer (empty where there is no CUPS)."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return []
    done = subprocess.run([lpstat, "-e"], capture_output=True, timeout=10, check=False)
    return done.stdout.decode("utf-8", "replace").split() if done.returncode == 0 else []


def device_rect(
    *,
    page_width_pt: float,
    page_height_pt: float,
    dpi_x: float,
    dpi_y: float,
    calibration: Calibration,
) -> tuple[int, int, int, int]:
    """Where a page goes on a printer addressed from the paper's corner (Qt's full-page
    mode on Windows), in the printer's pixels: its exact physical size at the printer's
    resolution, moved by the calibration; never scaled to the printable area."""
    return (
        round(calibration.offset_x_mm / 25.4 * dpi_x),
        round(calibration.offset_y_mm / 25.4 * dpi_y),
        round(page_width_pt / 72 * dpi_x),
        round(page_height_pt / 72 * dpi_y),
    )


def calibration_page(*, width_mm: float = 210.0, height_mm: float = 297.0) -> bytes:
    """A page for measuring a printer's offset: crosses at 20 mm from the top-left corner
    and from the bottom-right one, with a ruler; print it, measure where the crosses
    landed, and enter the difference as the printer's calibration."""
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    out = io.BytesIO()
    width, height = width_mm * POINTS_PER_MM, height_mm * POINTS_PER_MM
    canvas = Canvas(out, pagesize=(width, height))
    canvas.setLineWidth(0.3)
    for x_mm, y_mm in ((20, 20), (width_mm - 20, height_mm - 20)):
        x, y = x_mm * POINTS_PER_MM, height - y_mm * POINTS_PER_MM
        canvas.line(x - 15, y, x + 15, y)
        canvas.line(x, y - 15, x, y + 15)
        canvas.circle(x, y, 5 * POINTS_PER_MM)
    for mm in range(0, int(width_mm) + 1, 10):  # a ruler along the top, 40 mm down
        x, y = mm * POINTS_PER_MM, height - 40 * POINTS_PER_MM
        canvas.line(x, y, x, y - (8 if mm % 50 == 0 else 4))
    canvas.setFont("Helvetica", 9)
    canvas.drawString(
        30 * POINTS_PER_MM,
        height - 60 * POINTS_PER_MM,
        "caseworker calibration: each cross should be 20 mm from its corner; "
        "measure x (right +) and y (down +)",
    )
    canvas.showPage()
    canvas.save()
    return out.getvalue()
