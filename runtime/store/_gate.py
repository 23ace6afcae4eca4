"""The store's insert gate: one insert at a time while the store keeps up, more side by side once it falls behind."""

from __future__ import annotations

import asyncio
import os
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType

__all__ = ["InsertGate", "SpareCores"]

_RECHECK_S = 0.25


class SpareCores:
    """The machine's idle CPU, in cores, over the last `period` seconds or more (Linux: /proc/stat; elsewhere
    none is known spare)."""

    def __init__(self, period: float = 0.5, path: str = "/proc/stat") -> None:
        self._period = period
        self._path = path
        self._last = self._read()
        self._spare = 0.0

    def _read(self) -> tuple[float, int, int] | None:
        try:
            with open(self._path, "rb") as stat:
                fields = [int(value) for value in stat.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
        return time.monotonic(), idle, sum(fields[:8])

    def __call__(self) -> float:
        last = self._last
        if last is None or time.monotonic() - last[0] < self._period:
            return self._spare
        now = self._read()
        if now is None:
            return self._spare
        total = now[2] - last[2]
        if total > 0:
            self._spare = (os.cpu_count() or 1) * (now[1] - last[1]) / total
        self._last = now
        return self._spare


class InsertGate:
    """Admits inserts to the store's threads in the order they come. One runs at a time; another starts beside it
    (up to `threads` at once) only when the first in line has waited `spill_s` for its turn (the sink is behind) and
    the machine has a third of a core idle. Inserts side by side drain a backlog faster (the embedded engine lets go of
    the interpreter while it works, and inserts into different tables overlap); where ingest and the broker keep the
    cores busy, they only take CPU from them, and requests wait longer."""

    def __init__(self, threads: int, spill_s: float, spare_cores: Callable[[], float] | None = None,
                 min_spare: float = 0.3) -> None:
        self._threads = max(1, threads)
        self._spill = spill_s
        self._spare_cores = spare_cores if spare_cores is not None else SpareCores()
        self._min_spare = min_spare
        self._running = 0
        self._waiting: deque[tuple[float, asyncio.Future[None]]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self.side_by_side = 0  # inserts started while another ran

    @property
    def threads(self) -> int:
        return self._threads

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    async def __aenter__(self) -> None:
        loop = asyncio.get_running_loop()
        if not self._waiting and self._may_start(loop.time(), loop.time()):
            self._start()
            return
        entry = (loop.time(), loop.create_future())
        self._waiting.append(entry)
        self._arm(loop)
        try:
            await entry[1]
        except asyncio.CancelledError:
            if entry[1].done() and not entry[1].cancelled():
                self._finish()  # admitted, then cancelled before it ran: give the turn on
            elif entry in self._waiting:
                self._waiting.remove(entry)
                self._arm(loop)
            raise

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        traceback: TracebackType | None) -> None:
        self._finish()

    def _may_start(self, since: float, now: float) -> bool:
        if self._running == 0:
            return True
        return (self._running < self._threads and now - since >= self._spill
                and self._spare_cores() >= self._min_spare)

    def _start(self) -> None:
        if self._running:
            self.side_by_side += 1
        self._running += 1

    def _finish(self) -> None:
        self._running -= 1
        self._admit()

    def _admit(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting and self._may_start(self._waiting[0][0], loop.time()):
            _, future = self._waiting.popleft()
            if not future.done():  # a cancelled waiter is removed by its own task; skip it if not yet
                self._start()
                future.set_result(None)
        self._arm(loop)

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        """Wakes when the first in line will have waited long enough to start beside the running ones."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._waiting and 0 < self._running < self._threads:
            when = self._waiting[0][0] + self._spill
            if when <= loop.time():  # it has waited long enough, but no core was idle: look again in a while
                when = loop.time() + _RECHECK_S
            self._timer = loop.call_at(when, self._admit)
