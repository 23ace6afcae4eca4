"""The ingest pipeline: checks and stamps events, hands them to the source pools and batchers."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from google.protobuf.unknown_fields import UnknownFieldSet

from ..broker import Broker, Topology
from ..generated import GeneratedSchema
from ..metrics import Metrics
from ..settings import Settings
from .batcher import Completion, Publisher, TypeBatcher
from .pools import Backpressure, SourcePool, WorkItem
from .timestamps import correct_event_time

__all__ = ["Backpressure", "Pipeline", "Rejection", "ShuttingDown"]


class ShuttingDown(Exception):
    """The service is draining and takes no new events."""


@dataclass(frozen=True, slots=True)
class Rejection:
    index: int
    code: str
    reason: str


class Pipeline:
    """Everything between a decoded request and the broker's confirms."""

    def __init__(self, schema: GeneratedSchema, topology: Topology, broker: Broker, settings: Settings,
                 metrics: Metrics) -> None:
        self.schema = schema
        self.envelope = schema.envelope
        self.settings = settings
        self.metrics = metrics
        self._stamped_class = schema.transport.StampedEvent
        self._publisher = Publisher(broker, metrics, settings.max_inflight_publishes, settings.publish_timeout_s)
        self._batchers = {
            event_type: TypeBatcher(event_type, *topology.route(event_type), schema.transport.StampedBatch,
                                    self._publisher, settings.batch_max_events, settings.batch_linger_ms / 1000)
            for event_type in schema.event_types
        }
        self._pools = {source: SourcePool(source, settings.pool_workers, settings.pool_queue_size, self._handle,
                                          metrics)
                       for source in sorted(set(self.envelope.SOURCES.values()))}
        self._accepting = True
        self._children: dict[int, dict[str, Any]] = {}
        self._adjusted_children: dict[str, Any] = {}
        # Events admitted and not yet confirmed: the bound that keeps memory flat under any load.
        self._pending = 0
        self._room = asyncio.Event()
        self._room.set()

    def check(self, index: int, envelope: Any) -> tuple[str | None, Rejection | None]:
        """The event type of an envelope, or why it cannot be accepted."""
        arm = envelope.WhichOneof(self.envelope.ONEOF)
        if arm is None:
            unknown = sorted({field.field_number for field in UnknownFieldSet(envelope)})
            if unknown:
                return None, Rejection(index, "unknown_event", f"event {index} carries field(s) {unknown} this "
                                       "server's schema does not know: deploy the schema that defines the event")
            return None, Rejection(index, "missing_payload",
                                   f"event {index} has no payload: set one member of oneof {self.envelope.ONEOF}")
        event_type = self.envelope.EVENT_TYPES.get(arm)
        if event_type is None:
            return None, Rejection(index, "unknown_event", f"event {index} carries {arm!r}, which this server does "
                                   "not know; deploy the schema that defines it")
        return event_type, None

    async def submit(self, events: Sequence[tuple[str, Any]], received_at_us: int | None = None) -> None:
        """Returns once the broker holds every event; raises Backpressure, ShuttingDown or BrokerUnavailable."""
        if not self._accepting:
            raise ShuttingDown("the server is shutting down; retry against another instance")
        received = received_at_us if received_at_us is not None else time.time_ns() // 1000
        await self._admit(len(events))
        try:
            await self._submit(events, received)
        finally:
            self._pending -= len(events)
            if self._pending < self.settings.max_pending_events:
                self._room.set()

    async def _admit(self, count: int) -> None:
        limit = self.settings.max_pending_events
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.backpressure_wait_ms / 1000
        while self._pending and self._pending + count > limit:
            self._room.clear()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise Backpressure("server", retry_after=1.0)
            try:
                await asyncio.wait_for(self._room.wait(), remaining)
            except TimeoutError:
                raise Backpressure("server", retry_after=1.0) from None
        self._pending += count

    async def _submit(self, events: Sequence[tuple[str, Any]], received: int) -> None:
        by_source: dict[str, list[tuple[str, Any]]] = {}
        for event_type, envelope in events:
            by_source.setdefault(self.envelope.SOURCES[event_type], []).append((event_type, envelope))
        loop = asyncio.get_running_loop()
        completions = []
        wait = self.settings.backpressure_wait_ms / 1000
        for source, group in by_source.items():
            completion = Completion(loop)
            await self._pools[source].submit(WorkItem(group, received, completion), wait)
            completions.append(completion.future)
        await asyncio.gather(*completions)
        self.count(self.metrics.events_accepted, events)

    def count(self, counter: Any, events: Sequence[tuple[str, Any]]) -> None:
        """Adds events to a counter labelled by source and event type, once per type."""
        per_type: dict[str, int] = {}
        for event_type, _ in events:
            per_type[event_type] = per_type.get(event_type, 0) + 1
        children = self._children.setdefault(id(counter), {})
        for event_type, n in per_type.items():
            child = children.get(event_type)
            if child is None:
                child = children[event_type] = counter.labels(self.envelope.SOURCES[event_type], event_type)
            child.inc(n)

    def _handle(self, item: WorkItem) -> None:
        client_time_us = self.envelope.client_time_us
        sent_at_us = self.envelope.sent_at_us
        client_event_id = self.envelope.client_event_id
        received = item.received_at_us
        max_age = self.settings.max_event_age_days
        stamped_class = self._stamped_class
        batchers = self._batchers
        track = item.completion.track
        adjustments: dict[str, int] = {}
        for event_type, envelope in item.events:
            try:
                client_us = client_time_us(envelope)
            except (ValueError, OverflowError):
                client_us = None
                adjustments["unparseable"] = adjustments.get("unparseable", 0) + 1
            try:
                sent_us = sent_at_us(envelope)
            except (ValueError, OverflowError):
                sent_us = None
            times = correct_event_time(client_us, sent_us, received, max_age)
            if times.adjustment:
                adjustments[times.adjustment] = adjustments.get(times.adjustment, 0) + 1
            data = envelope.SerializeToString(deterministic=True)
            # Without a client id, the content names the event: a retried request keeps its ids.
            event_id = client_event_id(envelope) or hashlib.blake2b(data, digest_size=16).hexdigest()
            stamped = stamped_class(event_id=event_id, received_at_us=received, event_time_us=times.event_time_us,
                                    envelope=data)
            if client_us is not None and -(2**63) <= client_us < 2**63:
                stamped.client_time_us = client_us
            track(batchers[event_type].add(stamped))
        item.completion.seal()
        for adjustment, n in adjustments.items():
            self._adjusted(adjustment).inc(n)

    def _adjusted(self, adjustment: str) -> Any:
        child = self._adjusted_children.get(adjustment)
        if child is None:
            child = self._adjusted_children[adjustment] = self.metrics.time_adjusted.labels(adjustment)
        return child

    async def drain(self, timeout: float) -> None:
        """Stops taking events, hands queued requests to the batchers, publishes and waits for confirms."""
        self._accepting = False
        deadline = time.monotonic() + timeout
        for pool in self._pools.values():
            await pool.join(max(0.0, deadline - time.monotonic()))
        for batcher in self._batchers.values():
            batcher.flush(force=True)
        await self._publisher.drain(max(0.0, deadline - time.monotonic()))

    async def close(self) -> None:
        for pool in self._pools.values():
            await pool.close()
