"""The recogniser model the desk loads is the one resources/ocr/SOURCE.md records."""

from __future__ import annotations

import hashlib
import re

from caseworker.resources import resource_path
from caseworker.scanning.ocr import RECOGNISER, recogniser_model


def test_the_recogniser_model_is_the_recorded_one() -> None:
    recorded = re.search(
        r"SHA-256: `([0-9a-f]{64})`", resource_path("ocr", "SOURCE.md").read_text()
    )
    assert recorded is not None
    model = recogniser_model()
    assert model == resource_path(*RECOGNISER)
    assert hashlib.sha256(model.read_bytes()).hexdigest() == recorded.group(1)
