"""Printing benchmark: permits per second, against a bare ReportLab document with the same
text and font in the same run.

Usage: python bench/bench_printing.py [--count 200] [--json]

The permit pays for what the bare document does not: the glyph check, the tables, the QR
code. Target: at most 1.5× the bare document's time and under 100 ms a permit.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from caseworker.printing.documents import render, texts_of  # noqa: E402
from caseworker.printing.fonts import register_font  # noqa: E402
from caseworker.printing.model import DocumentKind  # noqa: E402
from tests.helpers import sample_permit  # noqa: E402

PERMIT = sample_permit()


def bare(texts: list[str]) -> bytes:
    """The same strings in the same font, one paragraph each: ReportLab and nothing else."""
    style = ParagraphStyle("b", fontName=register_font(), fontSize=11, leading=17, wordWrap="CJK")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(t, style) for t in texts if t])
    return buffer.getvalue()


def timed(fn, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(count):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    register_font()
    font_ms = (time.perf_counter() - started) * 1000
    texts = texts_of(DocumentKind.PERMIT, PERMIT)
    render(DocumentKind.PERMIT, PERMIT)
    bare(texts)  # warm both
    permit = timed(lambda: render(DocumentKind.PERMIT, PERMIT), args.count)
    no_qr = replace(PERMIT, qr_payload="")
    layout = timed(lambda: render(DocumentKind.PERMIT, no_qr), args.count)
    baseline = timed(lambda: bare(texts), args.count)
    report = {
        "permits": args.count,
        "permit_median_ms": round(statistics.median(permit), 1),
        "permits_per_second": round(1000 / statistics.median(permit), 1),
        "bare_reportlab_median_ms": round(statistics.median(baseline), 1),
        "ratio": round(statistics.median(permit) / statistics.median(baseline), 2),
        "permit_without_qr_median_ms": round(statistics.median(layout), 1),
        "ratio_without_qr": round(statistics.median(layout) / statistics.median(baseline), 2),
        "font_registration_ms_once": round(font_ms, 1),
        "targets_met": {
            "ratio<=1.5": statistics.median(permit) <= 1.5 * statistics.median(baseline),
            "under_100ms": statistics.median(permit) < 100,
        },
    }
    print(
        json.dumps(report, indent=2)
        if args.json
        else "\n".join(f"{k:28} {v}" for k, v in report.items())
    )


if __name__ == "__main__":
    main()
