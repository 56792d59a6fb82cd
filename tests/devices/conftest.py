"""Shared fixtures for the device tests: a card's text block, a pseudo-terminal with
the SAM simulator on its far side."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator

import pytest

from caseworker.devices.card import encode_text_block
from caseworker.devices.sam_simulator import SamSimulator

#: a valid number (check digit right) for the simulated card
CARD_NUMBER = "370102199001011231"


def card_text(**overrides: str) -> bytes:
    fields = {
        "name": "张三丰",
        "sex_code": "1",
        "ethnicity_code": "01",
        "birth": "19900101",
        "address": "山东省济南市历下区泉城路1号",
        "id_number": CARD_NUMBER,
        "issued_by": "济南市公安局历下分局",
        "valid_from": "20150101",
        "valid_until": "20350101",
    }
    fields.update(overrides)
    return encode_text_block(**fields)


def fail_or_skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def pty_reader() -> Iterator[tuple[str, SamSimulator]]:
    """The reader's port (the pty's slave side) and the simulator on its master side."""
    master, slave = os.openpty()
    tty.setraw(slave)
    simulator = SamSimulator(master, text=card_text()).start()
    try:
        yield os.ttyname(slave), simulator
    finally:
        simulator.stop()
        os.close(master)
        os.close(slave)


# the store fixtures serve the printing tests (the desk's own print path)
from tests.stores import apps, store  # noqa: E402

__all__ = ["apps", "store"]
