"""Scanning: the engines measured through the same pipeline on the first N images of the
realistic set, one core:

- ``v6rec``, the desk's: rapidocr-onnxruntime 1.4.4's PP-OCRv4 detector with the PP-OCRv6
  small recogniser taken from the rapidocr 3.10.0 wheel (resources/ocr);
- ``v4``: rapidocr-onnxruntime 1.4.4 as it comes (PP-OCRv4 detector and recogniser), the
  desk's engine before;
- ``v3``: rapidocr 3.x whole (PP-OCRv6 small detector and recogniser).

    python bench/bench_scan_engines.py 240 v6rec
    python bench/bench_scan_engines.py 240 v4
    RAPIDOCR3_SITE=/path/to/venv/lib/python3.11/site-packages \\
        python bench/bench_scan_engines.py 24 v3

rapidocr 3.x is not a dependency of the desk: install it (and onnxruntime) into a venv of
its own and point RAPIDOCR3_SITE at its site-packages; this venv's OpenCV is used first.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_scan import measure  # noqa: E402
from caseworker.scanning import ocr  # noqa: E402
from tests.scanning.realistic import samples  # noqa: E402


def _rapidocr3() -> Any:
    sys.path.append(os.environ["RAPIDOCR3_SITE"])
    from rapidocr import RapidOCR  # type: ignore[import-not-found]  # noqa: PLC0415

    engine = RapidOCR(params={"Global.log_level": "error"})

    def call(image: Any, return_word_box: bool = True) -> tuple[list[Any], float]:
        found = engine(image, return_word_box=return_word_box)
        if found.boxes is None:
            return [], 0.0
        lines = [
            [
                box.tolist(),
                text,
                float(score),
                [w[2] for w in words],
                [w[0] for w in words],
                [w[1] for w in words],
            ]
            for box, text, score, words in zip(
                found.boxes, found.txts, found.scores, found.word_results, strict=True
            )
        ]
        return lines, 0.0

    return call


def main() -> None:
    count, engine = int(sys.argv[1]), sys.argv[2]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if engine == "v3":
        ocr._engine = _rapidocr3()
    elif engine == "v4":  # rapidocr-onnxruntime as it comes: its own PP-OCRv4 recogniser
        from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415

        ocr._engine = RapidOCR()
    # "v6rec": the desk's engine (v4 detector, PP-OCRv6 small recogniser from resources/ocr)
    test_set = samples(count)
    ocr.read_lines(test_set[0].image)  # load the models before timing
    report = measure(test_set, rectify=True)
    del report["_seconds"]
    print(engine, json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
