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
from ..transport import NO_CLIENT_TIME, encode_event
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
        self._publisher = Publisher(broker, metrics, settings.max_inflight_publishes, settings.publish_timeout_s,
                                    settings.republish_window_s)
        self._batchers = {
            event_type: TypeBatcher(event_type, *topology.route(event_type), self._publisher,
                                    settings.batch_max_events, settings.batch_linger_ms / 1000,
                                    settings.batch_max_inflight)
            for event_type in schema.event_types
        }
        self._pools = {source: SourcePool(source, settings.pool_workers, settings.pool_queue_size, self._handle,
                                          metrics)
                       for source in sorted(set(self.envelope.SOURCES.values()))}
        self._accepting = True
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

    async def submit(self, events: Sequence[tuple[str, Any]], received_at_us: int | None = None,
                     header_suffix: bytes = b"", per_type: dict[str, int] | None = None,
                     retried: bool = False) -> None:
        """Returns once the broker holds every event; raises Backpressure, ShuttingDown or BrokerUnavailable.

        `header_suffix` (envelope.batch_header_suffix) gives events without a header the batch's; `per_type`
        is how many events of each type `events` holds, when the caller counted them already; `retried`: the
        client says this is a retry of a call that failed, so the broker may hold these events already."""
        if not self._accepting:
            raise ShuttingDown("the server is shutting down; retry against another instance")
        if not events:
            return
        received = received_at_us if received_at_us is not None else time.time_ns() // 1000
        await self._admit(len(events))
        try:
            await self._submit(events, received, header_suffix, retried)
        finally:
            self._pending -= len(events)
            if self._pending < self.settings.max_pending_events:
                self._room.set()
        self.count(self.metrics.events_accepted, per_type if per_type is not None else self.tally(events))

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

    async def _submit(self, events: Sequence[tuple[str, Any]], received: int, header_suffix: bytes,
                      retried: bool) -> None:
        sources = self.envelope.SOURCES
        loop = asyncio.get_running_loop()
        wait = self.settings.backpressure_wait_ms / 1000
        first = sources[events[0][0]]
        if all(sources[event_type] == first for event_type, _ in events):
            groups: dict[str, Sequence[tuple[str, Any]]] = {first: events}
        else:
            groups = {}
            for event in events:
                groups.setdefault(sources[event[0]], []).append(event)  # type: ignore[attr-defined]
        completions = []
        for source, group in groups.items():
            completion = Completion(loop)
            await self._pools[source].submit(WorkItem(group, received, header_suffix, completion, retried), wait)
            completions.append(completion.future)
        if len(completions) == 1:
            await completions[0]
        else:
            await asyncio.gather(*completions)

    @staticmethod
    def tally(events: Sequence[tuple[str, Any]]) -> dict[str, int]:
        """How many events of each type."""
        per_type: dict[str, int] = {}
        for event_type, _ in events:
            per_type[event_type] = per_type.get(event_type, 0) + 1
        return per_type

    def count(self, counter: Any, per_type: dict[str, int]) -> None:
        """Adds counts per event type to an EventCounter (by source and event type)."""
        sources = self.envelope.SOURCES
        for event_type, n in per_type.items():
            counter.add(sources[event_type], event_type, n)

    def _handle(self, item: WorkItem) -> None:
        client_time_us = self.envelope.client_time_us
        sent_at_us = self.envelope.sent_at_us
        client_event_id = self.envelope.client_event_id
        has_header = self.envelope.has_header
        suffix = item.header_suffix
        received = item.received_at_us
        max_age = self.settings.max_event_age_days
        blake2b = hashlib.blake2b
        adjustments: dict[str, int] = {}
        by_type: dict[str, tuple[list[str], list[bytes]]] = {}
        for event_type, envelope in item.events:
            try:
                client_us = client_time_us(envelope)
            except (ValueError, OverflowError):
                client_us = None
                adjustments["unparseable"] = adjustments.get("unparseable", 0) + 1
            if client_us is None:
                event_us, adjustment = received, "missing"
                client_column = NO_CLIENT_TIME
            else:
                try:
                    sent_us = sent_at_us(envelope)
                except (ValueError, OverflowError):
                    sent_us = None
                event_us, adjustment = correct_event_time(client_us, sent_us, received, max_age)
                client_column = client_us if NO_CLIENT_TIME < client_us < 2**63 else NO_CLIENT_TIME
            if adjustment:
                adjustments[adjustment] = adjustments.get(adjustment, 0) + 1
            data = envelope.SerializeToString(deterministic=True)
            if suffix and not has_header(envelope):
                data += suffix
            # Without a client id, the content names the event: a retried request keeps its ids.
            event_id = client_event_id(envelope) or blake2b(data, digest_size=16).hexdigest()
            group = by_type.get(event_type)
            if group is None:
                group = by_type[event_type] = ([], [])
            group[0].append(event_id)
            group[1].append(encode_event(event_id.encode(), received, event_us, client_column, data))
        track = item.completion.track
        for event_type, (ids, events) in by_type.items():
            for batch in self._batchers[event_type].extend(ids, events, item.retried):
                track(batch)
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
