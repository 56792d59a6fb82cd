"""The task runner: work off the GUI thread, results back on it.

Two pools, each with a reason to exist:
- ``database``: one thread. SQLite has one writer, and the services' reader connections
  are per thread, so one worker keeps every store call in order and never contends.
- ``background``: a few threads for work that does not touch the store (evaluating a
  case while the clerk types, rendering a preview), so it never waits behind a save.

A result returns through a queued signal to the callback, on the GUI thread; an error
returns as the exception, never a traceback on screen (``ui.errors`` words it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries one job's result to the GUI thread: it lives there, and its slots are
    bound methods, so the worker's emit is queued to this thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        forget: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._on_done, self._on_failed, self._forget = on_done, on_failed, forget
        self.done.connect(self._deliver)
        self.failed.connect(self._fail)

    @Slot(object)
    def _deliver(self, value: Any) -> None:
        self._forget(self)
        self._on_done(value)

    @Slot(object)
    def _fail(self, exc: Exception) -> None:
        self._forget(self)
        self._on_failed(exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # returned to the GUI thread, worded there
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = QThreadPool(self)
        self.database.setMaxThreadCount(1)
        self.background = QThreadPool(self)
        self.background.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        relay = _Relay(done, failed, self._relays.discard)  # created on the GUI thread
        self._relays.add(relay)
        pool.start(_Job(work, relay))

    def store(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Run a store call on the database worker."""
        self._start(self.database, work, done, failed)

    def compute(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Run work that does not touch the store."""
        self._start(self.background, work, done, failed)

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until both pools are idle (closing the window, tests)."""
        return self.database.waitForDone(msecs) and self.background.waitForDone(msecs)
