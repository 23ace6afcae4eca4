"""Micro-batches per event type across requests: one AMQP message carries up to N events of one type."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from typing import Any

from ..broker import Broker, BrokerUnavailable, OutgoingMessage, PublishRejected
from ..metrics import Metrics

__all__ = ["Completion", "Publisher", "TypeBatcher"]

log = logging.getLogger("eventgen.ingest")


class Completion:
    """Resolves once every batch holding a request's events is confirmed, or fails with the first error."""

    __slots__ = ("future", "_pending", "_sealed", "_tracked")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.future: asyncio.Future[None] = loop.create_future()
        self._pending = 0
        self._sealed = False
        self._tracked: set[int] = set()

    def track(self, batch: asyncio.Future[None]) -> None:
        if id(batch) in self._tracked:
            return
        self._tracked.add(id(batch))
        self._pending += 1
        batch.add_done_callback(self._done)

    def seal(self) -> None:
        """No more batches will be tracked."""
        self._sealed = True
        if self._pending == 0 and not self.future.done():
            self.future.set_result(None)

    def fail(self, error: BaseException) -> None:
        if not self.future.done():
            self.future.set_exception(error)

    def _done(self, batch: asyncio.Future[None]) -> None:
        if self.future.done():
            return
        if batch.cancelled():
            self.future.set_exception(BrokerUnavailable("publishing was cancelled"))
        elif (error := batch.exception()) is not None:
            self.future.set_exception(error)
        else:
            self._pending -= 1
            if self._sealed and self._pending == 0:
                self.future.set_result(None)


class Publisher:
    """Publishes batches with a bound on how many are in flight; tracks them for draining."""

    def __init__(self, broker: Broker, metrics: Metrics, max_inflight: int, timeout: float) -> None:
        self.broker = broker
        self.metrics = metrics
        self.timeout = timeout
        self._slots = asyncio.Semaphore(max_inflight)
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, message: OutgoingMessage, done: asyncio.Future[None], events: int, event_type: str) -> None:
        task = asyncio.get_running_loop().create_task(self._publish(message, done, events, event_type))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish(self, message: OutgoingMessage, done: asyncio.Future[None], events: int,
                       event_type: str) -> None:
        started = time.perf_counter()
        try:
            async with self._slots:
                await self.broker.publish(message, self.timeout)
        except (BrokerUnavailable, PublishRejected) as exc:
            self.metrics.publish_failures.labels(type(exc).__name__).inc()
            if not done.done():
                done.set_exception(exc)
            return
        except Exception as exc:  # a broker bug must fail the requests, not hang them
            log.exception("publishing %s failed", event_type, extra={"component": "publisher",
                                                                    "event_type": event_type})
            self.metrics.worker_errors.labels("publisher").inc()
            if not done.done():
                done.set_exception(BrokerUnavailable(f"publishing failed: {exc}"))
            return
        self.metrics.publish_seconds.observe(time.perf_counter() - started)
        self.metrics.batch_events.labels(event_type).observe(events)
        if not done.done():
            done.set_result(None)

    async def drain(self, timeout: float) -> None:
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)


class TypeBatcher:
    """Collects stamped events of one type and publishes them at `max_events` or after `linger` seconds."""

    def __init__(self, event_type: str, exchange: str, routing_key: str, batch_class: Any, publisher: Publisher,
                 max_events: int, linger: float) -> None:
        self.event_type = event_type
        self.exchange = exchange
        self.routing_key = routing_key
        self._batch_class = batch_class
        self._publisher = publisher
        self._max_events = max_events
        self._linger = linger
        self._events: list[Any] = []
        self._future: asyncio.Future[None] | None = None
        self._timer: asyncio.TimerHandle | None = None

    def add(self, stamped: Any) -> asyncio.Future[None]:
        """Adds one StampedEvent; the future resolves when the batch holding it is confirmed."""
        if self._future is None:
            loop = asyncio.get_running_loop()
            self._future = loop.create_future()
            self._timer = loop.call_later(self._linger, self.flush)
        future = self._future
        self._events.append(stamped)
        if len(self._events) >= self._max_events:
            self.flush()
        return future

    def flush(self) -> None:
        if self._future is None:
            return
        if self._timer is not None:
            self._timer.cancel()
        events, future = self._events, self._future
        self._events, self._future, self._timer = [], None, None
        batch = self._batch_class(event_type=self.event_type, events=events)
        ids = hashlib.blake2b(digest_size=16)
        for event in events:
            ids.update(event.event_id.encode())
            ids.update(b"\0")
        message = OutgoingMessage(
            exchange=self.exchange,
            routing_key=self.routing_key,
            body=batch.SerializeToString(),
            # The same events give the same id, so a republished batch is recognisable downstream.
            message_id=ids.hexdigest(),
            headers={"event_type": self.event_type, "events": str(len(events))},
        )
        self._publisher.spawn(message, future, len(events), self.event_type)
