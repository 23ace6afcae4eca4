"""Sinkers: buffer transformed messages, insert them, ack after the write, set poison apart."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from ..broker import BrokerUnavailable
from ..store.errors import StoreError
from ..store.store import Store
from .batch import BadEvent, Transformed, concat_columns, select_rows
from .poison import PoisonHandler
from .retry import CircuitBreaker, retry_store

__all__ = ["Sinker"]

log = logging.getLogger("eventgen.sink")


class Sinker:
    """One queue's sinker. Direct: a message is inserted as soon as it comes, with the messages that came
    while the insert before ran (one each when they come one at a time). Buffered: flush at a row count, a
    byte size or an interval, or when every message the broker will hand over unacked is waiting. One
    insert per table and event type. A message is acked only once its rows are stored."""

    def __init__(self, queue: str, policy: dict[str, Any], store: Store, columns: dict[str, tuple[str, ...]],
                 breaker: CircuitBreaker, poison: PoisonHandler, metrics: Any,
                 stopping: Callable[[], bool] = lambda: False, window: int = 0, lookback_s: float = 0.0) -> None:
        self.queue = queue
        self.direct = policy["mode"] == "direct"
        self.batch_rows = policy["batch_rows"]
        self.batch_bytes = policy["batch_bytes"]
        self.interval = policy["flush_interval_ms"] / 1000
        self._store = store
        self._columns = columns
        self._breaker = breaker
        self._poison = poison
        self._metrics = metrics
        self._stopping = stopping
        # The most messages the broker hands this sinker unacked (prefetch times consumers; 0: no bound).
        # Once that many wait, no more come until they are stored: flush rather than wait for the interval.
        self._window = window
        # A client's retry is stamped when it arrives: an earlier copy of its events is this much around it.
        self._lookback_us = int(lookback_s * 1_000_000)
        self._pending: list[Transformed] = []
        self._rows = 0
        self._bytes = 0
        self._lock = asyncio.Lock()
        self._timer: asyncio.TimerHandle | None = None
        self._flushes: set[asyncio.Task[None]] = set()

    async def add(self, item: Transformed) -> None:
        if not item.rows:
            await item.delivery.ack()  # a batch of no events
            return
        self._pending.append(item)
        self._rows += item.rows
        self._bytes += item.size
        if self.direct:
            await self.flush("direct")
        elif self._rows >= self.batch_rows:
            await self.flush("size")
        elif self._bytes >= self.batch_bytes:
            await self.flush("bytes")
        elif self._window and len(self._pending) >= self._window:
            await self.flush("prefetch")
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.interval, self._on_interval)

    def _on_interval(self) -> None:
        self._timer = None
        task = asyncio.get_running_loop().create_task(self.flush("interval"))
        self._flushes.add(task)
        task.add_done_callback(self._flushes.discard)

    async def flush(self, reason: str) -> None:
        async with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            items, self._pending = self._pending, []
            self._rows = self._bytes = 0
            if not items:
                return
            groups: dict[tuple[str, str], list[Transformed]] = {}
            for item in items:
                groups.setdefault((item.table, item.event_type), []).append(item)
            self._metrics.sink_flushes.labels(self.queue, reason).inc()
            for (table, event_type), group in groups.items():
                await self._write(table, event_type, group)

    async def _write(self, table: str, event_type: str, items: list[Transformed]) -> None:
        names = self._columns[event_type]
        written, parts = [], []
        for item in items:
            part = item.transform()
            if item.rows:
                written.append(item)
                parts.append(part)
            else:  # every event of it is bad: nothing of it to insert
                await self._settle(item)
        if not written:
            return
        items = written
        columns = concat_columns(parts)
        rows = sum(item.rows for item in items)
        try:
            if any(item.check_existing for item in items):
                columns, rows = await self._without_stored(table, event_type, items, columns)
            if rows:
                await self._insert(table, names, columns, _token(table, event_type, items), rows)
        except StoreError as exc:
            if exc.retryable:  # only when stopping: leave the messages unacked, the broker keeps them
                return
            if len(items) > 1:
                middle = len(items) // 2
                await self._write(table, event_type, items[:middle])
                await self._write(table, event_type, items[middle:])
            else:
                await self._isolate(table, names, items[0], str(exc))
            return
        for item in items:
            await self._settle(item)

    async def _settle(self, item: Transformed) -> None:
        try:
            await self._poison.settle(item, item.bad)
        except BrokerUnavailable as exc:
            # The channel it came on is gone (RabbitMQ requeued it); its redelivery skips the stored rows.
            log.warning("%s", exc, extra={"component": "sink", "queue": self.queue})

    async def _insert(self, table: str, names: tuple[str, ...], columns: list[Any], token: str, rows: int) -> None:
        started = time.perf_counter()
        await retry_store(lambda: self._store.insert(table, columns, names, token), self._breaker,
                          what=f"insert into {table}", stopping=self._stopping)
        self._metrics.insert_seconds.labels(table).observe(time.perf_counter() - started)
        self._metrics.rows_inserted.labels(table).inc(rows)
        self._metrics.sink_batch_rows.labels(self.queue).observe(rows)

    async def _without_stored(self, table: str, event_type: str, items: list[Transformed],
                              columns: list[Any]) -> tuple[list[Any], int]:
        """Drops the rows of events the table already holds (a redelivery after a crash between the
        insert and the ack, or a replay): then no duplicate is visible even before a merge."""
        ids = columns[0]
        times = columns[2]
        stored = await retry_store(
            lambda: self._store.existing_ids(table, event_type, list(set(ids)), min(times) - self._lookback_us,
                                             max(times) + self._lookback_us),
            self._breaker, what=f"read stored ids of {table}", stopping=self._stopping)
        seen: set[str] = set()
        keep = []
        for i, event_id in enumerate(ids):
            if event_id not in stored and event_id not in seen:
                seen.add(event_id)
                keep.append(i)
        if len(keep) == len(ids):
            return columns, len(ids)
        return select_rows(columns, keep), len(keep)

    async def _isolate(self, table: str, names: tuple[str, ...], item: Transformed, error: str) -> None:
        """A message ClickHouse refuses: store the rows it takes, set the others apart as poison."""
        bad_rows = await self._bisect(table, names, item, list(range(item.rows)), error)
        bad = [*item.bad, *(BadEvent(item.event(i), message) for i, message in bad_rows)]
        item.keep(sorted(set(range(item.rows)) - {i for i, _ in bad_rows}))
        await self._poison.settle(item, bad)

    async def _bisect(self, table: str, names: tuple[str, ...], item: Transformed, rows: list[int],
                      error: str) -> list[tuple[int, str]]:
        if len(rows) == 1:
            return [(rows[0], error)]
        bad: list[tuple[int, str]] = []
        middle = len(rows) // 2
        for part in (rows[:middle], rows[middle:]):
            token = f"{item.delivery.message_id}:{part[0]}-{part[-1]}"
            try:
                await self._insert(table, names, select_rows(item.transform(), part), token, len(part))
            except StoreError as exc:
                if exc.retryable:
                    raise
                bad += await self._bisect(table, names, item, part, str(exc))
        return bad

    async def close(self) -> None:
        """Flushes what is buffered (reason: shutdown)."""
        await self.flush("shutdown")
        if self._flushes:
            await asyncio.gather(*self._flushes, return_exceptions=True)


def _token(table: str, event_type: str, items: list[Transformed]) -> str:
    """The insert deduplication token: the same messages give the same token, so a retried insert is a no-op."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{table}\0{event_type}\0".encode())
    for message_id in sorted(item.delivery.message_id for item in items):
        digest.update(message_id.encode())
        digest.update(b"\0")
    return digest.hexdigest()
