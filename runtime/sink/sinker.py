"""Sinkers: buffer transformed messages, insert them, ack after the write, set poison apart."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import time
from collections.abc import Callable
from typing import Any

from ..broker import BrokerUnavailable
from ..store.errors import StoreError
from ..store.store import Store
from .batch import BadEvent, Transformed, concat_columns, select_rows
from .native import NativeInserts
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
                 stopping: Callable[[], bool] = lambda: False, window: int = 0, lookback_s: float = 0.0,
                 native: NativeInserts | None = None, phase: float = 0.0) -> None:
        self.queue = queue
        self.direct = policy["mode"] == "direct"
        self.batch_rows = policy["batch_rows"]
        self.batch_bytes = policy["batch_bytes"]
        self.interval = policy["flush_interval_ms"] / 1000
        # Where in each interval this sinker's interval flushes fall (a fraction of it). Sinkers given phases
        # spread over the interval flush one after another, not together: otherwise the interval flushes of some
        # thirty queues came within about 60 ms of each other once a second, and in `--role all` the requests on
        # the same event loop waited behind them.
        self._offset = (phase % 1.0) * self.interval
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
        self._native = native
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
            loop = asyncio.get_running_loop()
            self._timer = loop.call_at(self._next_slot(loop.time()), self._on_interval)

    def _next_slot(self, now: float) -> float:
        """The end of the current interval of this sinker's grid (its phase on the loop's clock): a message
        waits at most one interval, and a table gets at most one interval flush per interval."""
        if not self.interval:
            return now
        return self._offset + (math.floor((now - self._offset) / self.interval) + 1) * self.interval

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
        try:
            if any(item.check_existing for item in items):
                await self._drop_stored(table, event_type, items)
            if await self._write_protobuf(table, event_type, items):
                return
        except StoreError as exc:
            if exc.retryable:  # only when stopping: leave the messages unacked, the broker keeps them
                return
            # The check for stored events failed as a query: store them all (a copy of an event already there
            # collapses with it in the ReplacingMergeTree) rather than hold the messages back.
            log.warning("checking %s for stored events failed: %s", table, exc,
                        extra={"component": "sink", "queue": self.queue, "event_type": event_type})
        await self._write_transformed(table, event_type, items)

    async def _write_protobuf(self, table: str, event_type: str, items: list[Transformed]) -> bool:
        """Through the generated protobuf insert (ClickHouse decodes the events) when it is chosen for this many
        events; False leaves them to the transformer."""
        native = self._native
        rows = sum(item.rows for item in items)
        insert = native.choose(event_type, rows) if native is not None and rows else None
        if insert is None or native is None:
            return False
        bodies = [item.events_body for item in items if item.rows]
        token = _token(table, event_type, items)
        try:
            await self._insert(table, rows, lambda: self._store.insert_events(table, insert, bodies, token,
                                                                              native.parameters))
        except StoreError as exc:
            if exc.retryable:
                raise
            native.failed(event_type, exc)
            self._metrics.protobuf_refused.labels(event_type).inc()
            return False
        self._metrics.protobuf_inserts.labels(table).inc()
        for item in items:
            await self._settle(item)
        return True

    async def _write_transformed(self, table: str, event_type: str, items: list[Transformed]) -> None:
        """Through the generated transformer: events it refuses are set apart, a batch ClickHouse refuses is split
        until the events that fail are found, and the rest is stored."""
        names = self._columns[event_type]
        written, parts = [], []
        for item in items:
            part = item.transform()
            if item.rows:
                written.append(item)
                parts.append(part)
            else:  # nothing of it to insert: every event was bad, or is stored already
                await self._settle(item)
        if not written:
            return
        items = written
        columns = concat_columns(parts)
        if len(parts) > 1:
            # The table's columns are made: the messages' own die now, not once the insert is done. Held through
            # the insert (its turn in the store's queue included), tens of thousands of small tuples a second
            # outlived the cyclic collector's youngest generation, each scan of it then taking 10-20 ms on the
            # event loop. A split after a refused insert makes them again.
            del parts
            for item in items:
                item.columns = None
        rows = sum(item.rows for item in items)
        try:
            await self._insert(table, rows, lambda: self._store.insert(table, columns, names,
                                                                       _token(table, event_type, items)))
        except StoreError as exc:
            if exc.retryable:  # only when stopping: leave the messages unacked, the broker keeps them
                return
            if len(items) > 1:
                middle = len(items) // 2
                await self._write_transformed(table, event_type, items[:middle])
                await self._write_transformed(table, event_type, items[middle:])
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

    async def _insert(self, table: str, rows: int, call: Callable[[], Any]) -> None:
        started = time.perf_counter()
        await retry_store(call, self._breaker, what=f"insert into {table}", stopping=self._stopping)
        self._metrics.insert_seconds.labels(table).observe(time.perf_counter() - started)
        self._metrics.rows_inserted.labels(table).inc(rows)
        self._metrics.sink_batch_rows.labels(self.queue).observe(rows)

    async def _drop_stored(self, table: str, event_type: str, items: list[Transformed]) -> None:
        """Drops the events the table already holds (a redelivery after a crash between the insert and the ack,
        a replay, a client's retry), and repeats of one id: then no duplicate is visible even before a merge."""
        ids = [event.event_id for item in items for event in item.batch.events]
        times = [event.event_time_us for item in items for event in item.batch.events]
        if not ids:
            return
        stored = await retry_store(
            lambda: self._store.existing_ids(table, event_type, list(set(ids)), min(times) - self._lookback_us,
                                             max(times) + self._lookback_us),
            self._breaker, what=f"read stored ids of {table}", stopping=self._stopping)
        seen: set[str] = set()
        for item in items:
            keep = []
            for i, event in enumerate(item.batch.events):
                if event.event_id not in stored and event.event_id not in seen:
                    seen.add(event.event_id)
                    keep.append(i)
            if len(keep) < item.rows:
                item.keep(keep)

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
            columns = select_rows(item.transform(), part)
            try:
                await self._insert(table, len(part), lambda c=columns, t=token: self._store.insert(table, c, names, t))
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
