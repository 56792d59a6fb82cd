"""The desk's screen lock after a while without a touch (its minutes are the office's
security policy, ``users.SecurityPolicy.idle_minutes``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta


class IdleLock:
    """The screen lock: locked once ``minutes`` pass without a touch. The desk touches it
    on every key press and click; the clock is injected so tests need not wait."""

    def __init__(self, minutes: int, clock: Callable[[], datetime] = datetime.now) -> None:
        self.limit = timedelta(minutes=minutes)
        self.clock = clock
        self.last_activity = clock()
        self._locked = False

    def touch(self) -> None:
        if not self.locked:
            self.last_activity = self.clock()

    @property
    def locked(self) -> bool:
        now = self.clock()
        self.last_activity = min(self.last_activity, now)  # a clock set back: count from now
        if now - self.last_activity >= self.limit:
            self._locked = True
        return self._locked

    def lock(self) -> None:
        self._locked = True

    def unlocked(self) -> None:
        """Called once the user has given their password again."""
        self._locked = False
        self.last_activity = self.clock()
