"""True-size printing: the permit goes through the desk's print path to a real CUPS with
a cups-pdf printer, and what comes out is read back and measured."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.devices import printer
from caseworker.devices.settings import Calibration, DeviceSettings
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.printing import PrintingService
from tests.devices import cups
from tests.devices.conftest import fail_or_skip
from tests.stores import CLERK, SUPERVISOR, application, see_materials

MM = 72 / 25.4
TOLERANCE_MM = 0.5
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
)


def _permit(apps: ApplicationService) -> tuple[PrintingService, bytes]:
    number = apps.create_draft(CLERK, application(names=["张三", "李秀英"])).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    see_materials(apps, number)
    apps.issue_permit(CLERK, number)
    printing = PrintingService(apps.context)
    return printing, printing.print_document(CLERK, number, DocumentKind.PERMIT).pdf


def _words(path: Path) -> dict[str, list[tuple[float, float]]]:
    """Words in plain ASCII (cups-pdf's ghostscript keeps the glyphs of the CJK text but
    not their Unicode), each with the top-left corners, in points, of where it stands."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[tuple[float, float]]] = {}
    for x, y, text in _WORD.findall(done.stdout):
        if text.isascii() and len(text) >= 6:
            found.setdefault(text, []).append((float(x), float(y)))
    return found


def _moved(
    original: Path, printed: Path, *, dx_mm: float = 0.0, dy_mm: float = 0.0
) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:
    """(word, where it stands in the original, where it came out) for each word that stands
    once in the original. The printed copy may show a word more often (a CJK label beside
    it lost, "编号：ZQ-…" comes out as "ZQ-…", which the foot also shows): of those, the
    one nearest where the word should be; the places of a word are a page apart."""
    before, after = _words(original), _words(printed)
    out = []
    for word, spots in sorted(before.items()):
        if len(spots) != 1 or word not in after:
            continue
        x0, y0 = spots[0]
        x1, y1 = min(
            after[word], key=lambda s: (s[0] - x0 - dx_mm * MM) ** 2 + (s[1] - y0 - dy_mm * MM) ** 2
        )
        out.append((word, (x0, y0), (x1, y1)))
    return out


def _qr(path: Path, tmp_path: Path) -> str:
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = next(tmp_path.glob("p*.png"))
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"no QR code found on the printed page: {done.stderr}"
    return done.stdout.strip()


@pytest.fixture
def queue() -> Iterator[str]:
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            fail_or_skip(f"{tool} is missing (poppler-utils, zbar-tools)")
    name = cups.ensure_queue()
    before = cups.existing_output()
    yield name
    cups.remove_output(before)


def _print(pdf: bytes, queue: str, settings: DeviceSettings | None = None) -> Path:
    before = cups.existing_output()
    job = printer.print_pdf(
        pdf, printer=queue, title=f"cw-{uuid.uuid4().hex[:8]}", settings=settings
    )
    assert job.job_id.startswith(queue)
    return cups.wait_for_output(before)


def test_the_permit_comes_out_at_true_size_and_verifies(
    apps: ApplicationService, queue: str, tmp_path: Path
) -> None:
    printing, pdf = _permit(apps)
    original = tmp_path / "original.pdf"
    original.write_bytes(pdf)
    printed = _print(pdf, queue)

    for page in PdfReader(printed).pages:  # A4 ± 0.5 mm
        assert abs(float(page.mediabox.width) / MM - 210) <= TOLERANCE_MM
        assert abs(float(page.mediabox.height) / MM - 297) <= TOLERANCE_MM

    common = _moved(original, printed)
    assert len(common) >= 5, f"too few words to compare: {common}"
    for word, (x0, y0), (x1, y1) in common:
        assert abs(x1 - x0) / MM <= TOLERANCE_MM, (word, x0, x1)
        assert abs(y1 - y0) / MM <= TOLERANCE_MM, (word, y0, y1)

    code = _qr(printed, tmp_path)
    verdict = printing.verify(code)
    assert verdict.status == "valid", verdict.message


def test_a_calibration_moves_the_print_and_keeps_the_page(
    apps: ApplicationService, queue: str, tmp_path: Path
) -> None:
    _, pdf = _permit(apps)
    original = tmp_path / "original.pdf"
    original.write_bytes(pdf)
    settings = DeviceSettings().with_calibration(
        queue, Calibration(offset_x_mm=2.0, offset_y_mm=3.0)
    )
    printed = _print(pdf, queue, settings)
    page = PdfReader(printed).pages[0]
    assert abs(float(page.mediabox.width) / MM - 210) <= TOLERANCE_MM
    common = _moved(original, printed, dx_mm=2.0, dy_mm=3.0)
    assert len(common) >= 5, f"too few words to compare: {common}"
    for word, (x0, y0), (x1, y1) in common:
        assert abs((x1 - x0) / MM - 2.0) <= TOLERANCE_MM, (word, x0, x1)
        assert abs((y1 - y0) / MM - 3.0) <= TOLERANCE_MM, (word, y0, y1)


def test_an_unknown_printer_is_refused_with_what_to_check(queue: str) -> None:
    with pytest.raises(printer.PrintError, match="lpstat -p"):
        printer.print_pdf(_blank_a4(), printer="caseworker-no-such-printer")


def _blank_a4() -> bytes:
    import io  # noqa: PLC0415

    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(100, 700, "calibration")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_lp_is_told_not_to_scale() -> None:
    command = printer.lp_command(printer="P", title="t", media="A4")
    assert command[:3] == ["lp", "-d", "P"]
    assert "print-scaling=none" in command and "media=A4" in command
    assert printer.media_name(210.0, 297.0) == "A4"
    assert printer.media_name(210.3, 296.8) == "A4"
    assert printer.media_name(100.0, 150.0) == "Custom.100.0x150.0mm"
    assert printer.page_sizes_mm(_blank_a4()) == [pytest.approx((210.0, 297.0), abs=0.1)]


def test_device_rect_is_the_physical_size_at_the_printers_resolution() -> None:
    a4 = {"page_width_pt": 210 * MM, "page_height_pt": 297 * MM}
    assert printer.device_rect(**a4, dpi_x=600, dpi_y=600, calibration=Calibration()) == (
        0,
        0,
        4961,
        7016,
    )
    moved = printer.device_rect(
        **a4, dpi_x=300, dpi_y=600, calibration=Calibration(offset_x_mm=25.4, offset_y_mm=-1)
    )
    assert moved == (300, -24, 2480, 7016)


def test_no_calibration_leaves_the_pdf_untouched() -> None:
    pdf = _blank_a4()
    assert printer.apply_calibration(pdf, Calibration()) is pdf
