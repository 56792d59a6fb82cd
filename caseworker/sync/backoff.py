"""When to try again after a failed round: exponential, capped, with jitter so that the
counters of a county that lost the network together do not come back together."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

FIRST = 30.0  # seconds after the first failure
CEILING = 30 * 60.0  # never wait longer than half an hour


def delay(failures: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after ``failures`` failed rounds in a row (0 for none)."""
    if failures <= 0:
        return 0.0
    base = min(CEILING, FIRST * 2.0 ** min(failures - 1, 20))
    jitter: float = (rng or random).random()
    return base * (0.5 + jitter / 2)


def next_attempt(now: datetime, failures: int, *, rng: random.Random | None = None) -> datetime:
    return now + timedelta(seconds=delay(failures, rng=rng))
