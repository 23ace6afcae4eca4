"""Micro-batches per event type across requests: one AMQP message carries up to N events of one type."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable

from ..broker import Broker, BrokerUnavailable, OutgoingMessage, PublishRejected
from ..metrics import Metrics
from ..transport import MAYBE_STORED_HEADER, encode_batch

__all__ = ["Completion", "PendingBatch", "Publisher", "TypeBatcher"]

log = logging.getLogger("eventgen.ingest")


class PendingBatch:
    """One batch on its way to the broker, and the requests waiting for it."""

    __slots__ = ("done", "error", "waiters")

    def __init__(self) -> None:
        self.done = False
        self.error: BaseException | None = None
        self.waiters: list[Completion] = []

    def resolve(self, error: BaseException | None = None) -> None:
        self.done, self.error = True, error
        waiters, self.waiters = self.waiters, []
        for waiter in waiters:
            waiter.batch_done(error)


class Completion:
    """Resolves once every batch holding a request's events is confirmed, or fails with the first error."""

    __slots__ = ("future", "_pending", "_sealed")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.future: asyncio.Future[None] = loop.create_future()
        self._pending = 0
        self._sealed = False

    def track(self, batch: PendingBatch) -> None:
        """Waits for `batch` too; each batch is tracked once."""
        if batch.done:
            self.batch_done(batch.error, counted=False)
            return
        self._pending += 1
        batch.waiters.append(self)

    def seal(self) -> None:
        """No more batches will be tracked."""
        self._sealed = True
        if self._pending == 0 and not self.future.done():
            self.future.set_result(None)

    def fail(self, error: BaseException) -> None:
        if not self.future.done():
            self.future.set_exception(error)

    def batch_done(self, error: BaseException | None, counted: bool = True) -> None:
        if self.future.done():
            return
        if error is not None:
            self.future.set_exception(error)
            return
        if counted:
            self._pending -= 1
        if self._sealed and self._pending == 0:
            self.future.set_result(None)


class Publisher:
    """Publishes batches with a bound on how many are in flight; tracks them for draining."""

    def __init__(self, broker: Broker, metrics: Metrics, max_inflight: int, timeout: float,
                 republish_window: float = 0.0) -> None:
        self.broker = broker
        self.metrics = metrics
        self.timeout = timeout
        self.republish_window = republish_window
        self._in_doubt_until = 0.0
        self._slots = asyncio.Semaphore(max_inflight)
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, message: OutgoingMessage, batch: PendingBatch, events: int, event_type: str,
              then: Callable[[], None]) -> None:
        task = asyncio.get_running_loop().create_task(self._publish(message, batch, events, event_type, then))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish(self, message: OutgoingMessage, batch: PendingBatch, events: int, event_type: str,
                       then: Callable[[], None]) -> None:
        started = time.perf_counter()
        error: BaseException | None = None
        try:
            async with self._slots:
                await self.broker.publish(message, self.timeout)
        except (BrokerUnavailable, PublishRejected) as exc:
            self.metrics.publish_failures.labels(type(exc).__name__).inc()
            error = exc
            if isinstance(exc, BrokerUnavailable):  # unconfirmed: the broker may hold it, the client retries
                self._in_doubt_until = time.monotonic() + self.republish_window
        except Exception as exc:  # a broker bug must fail the requests, not hang them
            log.exception("publishing %s failed", event_type, extra={"component": "publisher",
                                                                    "event_type": event_type})
            self.metrics.worker_errors.labels("publisher").inc()
            error = BrokerUnavailable(f"publishing failed: {exc}")
        except asyncio.CancelledError:
            batch.resolve(BrokerUnavailable("publishing was cancelled at shutdown"))
            raise
        else:
            self.metrics.publish_seconds.observe(time.perf_counter() - started)
            self.metrics.batch_events.labels(event_type).observe(events)
        batch.resolve(error)
        then()

    @property
    def in_doubt(self) -> bool:
        """Whether a publish failed without a confirm within the republish window: what is published now may
        be a client's retry of events the broker holds already."""
        return self._in_doubt_until > 0 and time.monotonic() < self._in_doubt_until

    async def drain(self, timeout: float) -> None:
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)


class TypeBatcher:
    """Collects stamped events of one type and publishes them at `max_events` or after `linger` seconds.

    At most `max_inflight` messages of a type wait for the broker at once; while they do, events keep
    collecting, so batches grow with the load (as a Kafka producer's do) and the broker's per-message
    cost is paid once for many events, while a quiet type still goes out after `linger`."""

    def __init__(self, event_type: str, exchange: str, routing_key: str, publisher: Publisher,
                 max_events: int, linger: float, max_inflight: int = 1) -> None:
        self.event_type = event_type
        self.exchange = exchange
        self.routing_key = routing_key
        self._publisher = publisher
        self._max_events = max_events
        self._linger = linger
        self._batch: PendingBatch | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._max_inflight = max_inflight
        self._inflight = 0
        self._deferred = False
        self._maybe_stored = False
        self._start_columns()

    def _start_columns(self) -> None:
        # The events' ids (they name the message) and their encoded StampedBatch.events entries.
        self._ids: list[str] = []
        self._events: list[bytes] = []

    def extend(self, ids: list[str], events: list[bytes], retried: bool = False) -> list[PendingBatch]:
        """Adds stamped events of one request: their ids and their StampedBatch.events entries
        (transport.encode_event); returns the batches that will carry them. `retried`: the client says the
        request is a retry, so its events may be stored already."""
        batches = []
        while ids:
            batch = self._batch
            if batch is None:
                batch = self._batch = PendingBatch()
                self._timer = asyncio.get_running_loop().call_later(self._linger, self.flush)
            room = self._max_events - len(self._ids)
            if len(ids) <= room:
                self._ids += ids
                self._events += events
                ids = events = []
            else:
                self._ids += ids[:room]
                self._events += events[:room]
                ids, events = ids[room:], events[room:]
            if retried:
                self._maybe_stored = True
            batches.append(batch)
            if len(self._ids) >= self._max_events:
                self.flush()
        return batches

    def flush(self, force: bool = False) -> None:
        if self._batch is None:
            return
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        events = len(self._ids)
        if self._inflight >= self._max_inflight and not force and events < self._max_events:
            self._deferred = True  # goes out as soon as a message in flight is confirmed
            return
        self._deferred = False
        ids, batch = self._ids, self._batch
        body = encode_batch(self.event_type, self._events)
        self._batch = None
        self._start_columns()
        headers = {"event_type": self.event_type, "events": str(events)}
        if self._maybe_stored or self._publisher.in_doubt:
            headers[MAYBE_STORED_HEADER] = "1"
        self._maybe_stored = False
        message = OutgoingMessage(
            exchange=self.exchange,
            routing_key=self.routing_key,
            body=body,
            # The same events give the same id, so a republished batch is recognisable downstream.
            message_id=hashlib.blake2b("\0".join(ids).encode(), digest_size=16).hexdigest(),
            headers=headers,
        )
        self._inflight += 1
        self._publisher.spawn(message, batch, events, self.event_type, self._confirmed)

    def _confirmed(self) -> None:
        self._inflight -= 1
        if self._deferred:
            self.flush()
