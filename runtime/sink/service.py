"""The sink role: a consumer group per queue of the topology, writing to the store."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from ..broker import Broker, Delivery, Topology
from ..generated import GeneratedSchema
from ..metrics import Metrics
from ..store.store import Store
from .batch import transform_delivery
from .native import NativeInserts
from .poison import PoisonHandler
from .retry import CircuitBreaker
from .sinker import Sinker

__all__ = ["SinkService"]

log = logging.getLogger("eventgen.sink")


class SinkService:
    """Consumes every queue; one circuit breaker for the one store they share."""

    def __init__(self, schema: GeneratedSchema, topology: Topology, broker: Broker, store: Store, metrics: Metrics,
                 *, pii_key: bytes, prefetch: int, queues: list[str] | None = None, lookback_s: float = 0.0,
                 native: NativeInserts | None = None, flush_interval_ms: int = 0) -> None:
        self.schema = schema
        self.topology = topology
        self.broker = broker
        self.store = store
        self.metrics = metrics
        self._pii_key = pii_key
        self._prefetch = prefetch
        self._lookback_s = lookback_s
        self._native = native
        self._flush_interval_ms = flush_interval_ms  # 0: each queue's own from the schema
        self._stopping = False
        self.breaker = CircuitBreaker(lambda: store.healthy,
                                      lambda state: metrics.circuit_open.set(1 if state == "open" else 0))
        wanted = set(queues) if queues else None
        self._queues = [q for q in topology.queues if wanted is None or q["name"] in wanted]
        self.sinkers: dict[str, Sinker] = {}
        self._cancels: list[Callable[[], Awaitable[None]]] = []

    async def start(self) -> None:
        for index, spec in enumerate(self._queues):
            name = spec["name"]
            poison = PoisonHandler(name, self.broker, self.topology, self.schema.transport.StampedBatch, self.metrics)
            # Enough unacked messages to fill a buffered batch, bounded so memory stays flat. A direct sinker
            # gets as many: it inserts each message as it comes, together with those that came during the
            # insert before, so a backlog drains in inserts of many messages, not one round trip each.
            prefetch = self._prefetch
            consumers = max(1, spec["sink"]["consumers"])
            policy = spec["sink"]
            if self._flush_interval_ms:
                policy = {**policy, "flush_interval_ms": self._flush_interval_ms}
            sinker = Sinker(name, policy, self.store, self.schema.transformers.COLUMNS, self.breaker, poison,
                            self.metrics, stopping=lambda: self._stopping, window=prefetch * consumers,
                            lookback_s=self._lookback_s, native=self._native, phase=index / len(self._queues))
            self.sinkers[name] = sinker
            handler = self._handler(name, sinker, poison)
            for _ in range(consumers):
                self._cancels.append(await self.broker.consume(name, prefetch, handler))

    def _handler(self, queue: str, sinker: Sinker, poison: PoisonHandler) -> Callable[[Delivery], Awaitable[None]]:
        schema, pii_key, consumed = self.schema, self._pii_key, self.metrics.consumed.labels(queue)

        async def handle(delivery: Delivery) -> None:
            consumed.inc()
            try:
                item = transform_delivery(schema, delivery, pii_key)
            except Exception as exc:  # not a batch this schema can read at all
                await poison.reject(delivery, f"undecodable message: {type(exc).__name__}: {exc}")
                return
            await sinker.add(item)

        return handle

    async def wait_consumed(self, timeout: float, poll: float = 0.05) -> int:
        """Waits (at most `timeout` seconds) until the broker holds no message ready for these queues:
        every one is with a sinker. Returns how many were still waiting."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            ready = 0
            for spec in self._queues:
                ready += await self.broker.queue_depth(spec["name"])
            if not ready or asyncio.get_running_loop().time() >= deadline:
                return ready
            await asyncio.sleep(poll)

    async def stop(self) -> None:
        """Stop pulling, flush what is buffered (acking it), then leave the rest unacked for redelivery."""
        # Side by side: each consumer's channel lingers a moment after its last ack before it closes.
        await asyncio.gather(*(cancel() for cancel in self._cancels))
        # From here a store failure ends the flush at once, leaving its messages unacked for redelivery.
        self._stopping = True
        for sinker in self.sinkers.values():
            await sinker.close()
