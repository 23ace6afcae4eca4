"""The in-process broker: the generated topology's routing, delivery limits and dead-lettering, without a server."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ._base import BrokerUnavailable, Delivery, OutgoingMessage, PublishRejected
from ._dispatch import HandlerTasks, TrackedDelivery
from .topology import Topology

__all__ = ["MemoryBroker"]

_log = logging.getLogger(__name__)
# How long cancelling a consumer waits for its running handlers.
_HANDLER_GRACE = 10.0


class _Signal:
    """Wakes every waiter when something changed; waiters re-check their own condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, predicate: Callable[[], bool], deadline: float | None = None) -> bool:
        loop = asyncio.get_running_loop()
        while not predicate():
            event = self._event
            if deadline is None:
                await event.wait()
                continue
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                pass
        return True


@dataclass
class _Message:
    exchange: str
    routing_key: str
    body: bytes
    message_id: str
    content_type: str
    headers: dict[str, Any]
    # Returns so far, as a quorum queue's x-delivery-count.
    delivery_count: int = 0
    redelivered: bool = False


@dataclass
class _Queue:
    name: str
    delivery_limit: int | None
    dead_letter_exchange: str | None
    dead_letter_routing_key: str | None
    ready: deque[_Message] = field(default_factory=deque)
    unacked: int = 0
    signal: _Signal = field(default_factory=_Signal)


def _topic_matches(pattern: list[str], words: list[str]) -> bool:
    if not pattern:
        return not words
    if pattern[0] == "#":
        return _topic_matches(pattern[1:], words) or (bool(words) and _topic_matches(pattern, words[1:]))
    return bool(words) and pattern[0] in ("*", words[0]) and _topic_matches(pattern[1:], words[1:])


class _Exchange:
    """Routes a key to the bound queues: exactly (direct), or by `*`/`#` patterns as well (topic)."""

    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        self.kind = kind
        self._exact: dict[str, list[_Queue]] = {}
        self._patterns: list[tuple[list[str], _Queue]] = []

    def bind(self, routing_key: str, queue: _Queue) -> None:
        if self.kind == "topic" and ("*" in routing_key or "#" in routing_key):
            self._patterns.append((routing_key.split("."), queue))
        else:
            self._exact.setdefault(routing_key, []).append(queue)

    def route(self, routing_key: str) -> list[_Queue]:
        queues = list(self._exact.get(routing_key, ()))
        if self._patterns:
            words = routing_key.split(".")
            queues += [q for pattern, q in self._patterns if q not in queues and _topic_matches(pattern, words)]
        return queues


class _MemoryDelivery(TrackedDelivery):
    __slots__ = ("_broker", "_queue", "_message")

    def __init__(self, broker: MemoryBroker, queue: _Queue, message: _Message,
                 on_settled: Callable[[], None] | None) -> None:
        headers = dict(message.headers)
        if message.delivery_count:
            headers["x-delivery-count"] = message.delivery_count
        super().__init__(body=message.body, message_id=message.message_id, headers=headers,
                         routing_key=message.routing_key, content_type=message.content_type,
                         redelivered=message.redelivered, delivery_count=message.delivery_count,
                         on_settled=on_settled)
        self._broker, self._queue, self._message = broker, queue, message

    async def _ack(self) -> None:
        self._broker._settle(self._queue, self._message, None)

    async def _reject(self, requeue: bool) -> None:
        self._broker._settle(self._queue, self._message, requeue)


class _MemoryConsumer:
    def __init__(self, broker: MemoryBroker, queue: _Queue, prefetch: int,
                 handler: Callable[[Delivery], Awaitable[None]]) -> None:
        self._broker, self._queue, self._prefetch = broker, queue, prefetch
        self._tasks = HandlerTasks(handler, queue.name, _log)
        self._unsettled = 0
        self._cancelled = False
        self._pump = asyncio.create_task(self._run(), name=f"eventgen-consumer-{queue.name}")

    def _can_deliver(self) -> bool:
        if self._cancelled or self._broker._closed:
            return True
        return bool(self._queue.ready) and (self._prefetch <= 0 or self._unsettled < self._prefetch)

    async def _run(self) -> None:
        while True:
            await self._queue.signal.wait(self._can_deliver)
            if self._cancelled or self._broker._closed:
                return
            self._unsettled += 1
            self._tasks.spawn(self._broker._deliver(self._queue, self._on_settled))

    def _on_settled(self) -> None:
        self._unsettled -= 1

    async def cancel(self) -> None:
        if not self._cancelled:
            self._cancelled = True
            self._broker._consumers.discard(self)
            self._queue.signal.fire()
            await self._pump
            await self._tasks.drain(_HANDLER_GRACE)


class MemoryBroker:
    """The Broker protocol in process, as RabbitMQ quorum queues behave: a message rejected with requeue is
    delivered again until it was rejected `x-delivery-limit` + 1 times, then dead-lettered with an `x-death`
    header (reason `delivery_limit`); rejected without requeue it is dead-lettered at once (reason `rejected`).
    Each queue holds at most `max_queue_messages` (ready and unacked); a publish to a full queue waits."""

    def __init__(self, topology: Topology, *, max_queue_messages: int = 100_000) -> None:
        self._max = max_queue_messages
        self._queues: dict[str, _Queue] = {}
        self._exchanges = {x["name"]: _Exchange(x["name"], x["type"])
                           for x in [*topology.exchanges, topology.dead_letter_exchange]}
        for spec in [*topology.queues, *topology.dead_letter_queues]:
            arguments = spec["arguments"]
            limit = arguments.get("x-delivery-limit")
            queue = _Queue(spec["name"], None if limit is None else int(limit),
                           arguments.get("x-dead-letter-exchange"), arguments.get("x-dead-letter-routing-key"))
            self._queues[queue.name] = queue
            for binding in spec["bindings"]:
                self._exchanges[binding["exchange"]].bind(binding["routing_key"], queue)
        self._consumers: set[_MemoryConsumer] = set()
        self._started = False
        self._closed = False
        self._lifecycle = _Signal()
        # In process there is no connection to lose.
        self.reconnects = 0

    @property
    def connected(self) -> bool:
        return self._started and not self._closed

    async def start(self) -> None:
        self._started = True
        self._lifecycle.fire()

    async def wait_connected(self, timeout: float) -> bool:
        deadline = asyncio.get_running_loop().time() + timeout
        await self._lifecycle.wait(lambda: self._started or self._closed, deadline)
        return self.connected

    async def publish(self, message: OutgoingMessage, timeout: float) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        exchange = self._exchanges.get(message.exchange)
        if exchange is None:
            raise PublishRejected(f"no exchange {message.exchange!r} in the topology")
        queues = exchange.route(message.routing_key)
        if not queues:
            raise PublishRejected(f"unroutable: no queue is bound to exchange {exchange.name!r} "
                                  f"with routing key {message.routing_key!r}")
        if not await self.wait_connected(timeout):
            raise BrokerUnavailable("the in-process broker is not started or already closed")
        while (full := next((q for q in queues if not self._has_room(q)), None)) is not None:
            if not await full.signal.wait(lambda q=full: self._closed or self._has_room(q), deadline):
                raise BrokerUnavailable(f"queue {full.name!r} is full ({self._max} messages) for {timeout}s")
            if self._closed:
                raise BrokerUnavailable("the in-process broker was closed")
        for queue in queues:
            self._enqueue(queue, _Message(message.exchange, message.routing_key, message.body, message.message_id,
                                          message.content_type, dict(message.headers)))

    async def consume(self, queue: str, prefetch: int,
                      handler: Callable[[Delivery], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        consumer = _MemoryConsumer(self, self._queue(queue), prefetch, handler)
        self._consumers.add(consumer)
        return consumer.cancel

    async def get(self, queue: str, timeout: float) -> Delivery | None:
        deadline = asyncio.get_running_loop().time() + timeout
        target = self._queue(queue)
        if not await self.wait_connected(timeout):
            raise BrokerUnavailable("the in-process broker is not started or already closed")
        if not await target.signal.wait(lambda: self._closed or bool(target.ready), deadline) or self._closed:
            return None
        return self._deliver(target, None)

    async def queue_depth(self, queue: str) -> int:
        return len(self._queue(queue).ready)

    async def close(self) -> None:
        self._closed = True
        self._lifecycle.fire()
        for queue in self._queues.values():
            queue.signal.fire()
        await asyncio.gather(*(consumer.cancel() for consumer in list(self._consumers)))

    def _queue(self, name: str) -> _Queue:
        try:
            return self._queues[name]
        except KeyError:
            raise LookupError(f"no queue {name!r} in the topology") from None

    def _has_room(self, queue: _Queue) -> bool:
        return len(queue.ready) + queue.unacked < self._max

    def _enqueue(self, queue: _Queue, message: _Message) -> None:
        queue.ready.append(message)
        queue.signal.fire()

    def _deliver(self, queue: _Queue, on_settled: Callable[[], None] | None) -> _MemoryDelivery:
        message = queue.ready.popleft()
        queue.unacked += 1
        return _MemoryDelivery(self, queue, message, on_settled)

    def _settle(self, queue: _Queue, message: _Message, requeue: bool | None) -> None:
        """Ack (requeue None), return (True) or dead-letter (False) a delivered message."""
        queue.unacked -= 1
        if requeue:
            if queue.delivery_limit is not None and message.delivery_count + 1 > queue.delivery_limit:
                self._dead_letter(queue, message, "delivery_limit")
            else:
                message.delivery_count += 1
                message.redelivered = True
                queue.ready.appendleft(message)
        elif requeue is False:
            self._dead_letter(queue, message, "rejected")
        queue.signal.fire()

    def _dead_letter(self, queue: _Queue, message: _Message, reason: str) -> None:
        # Like RabbitMQ: without a dead-letter exchange, or when it routes nowhere, the message is dropped.
        # Dead letters are not held back by a full queue: they move, the total held does not grow.
        exchange = self._exchanges.get(queue.dead_letter_exchange or "")
        if exchange is None:
            _log.warning("dropped message %s rejected from %s: no dead-letter exchange", message.message_id,
                         queue.name)
            return
        routing_key = queue.dead_letter_routing_key or message.routing_key
        headers = dict(message.headers)
        deaths = [dict(d) for d in headers.get("x-death", ())]
        previous = next((d for d in deaths if d["queue"] == queue.name and d["reason"] == reason), None)
        if previous is not None:
            deaths.remove(previous)
        deaths.insert(0, {"count": (previous or {}).get("count", 0) + 1, "reason": reason, "queue": queue.name,
                          "time": datetime.now(UTC).replace(microsecond=0), "exchange": message.exchange,
                          "routing-keys": [message.routing_key]})
        headers["x-death"] = deaths
        headers.setdefault("x-first-death-reason", reason)
        headers.setdefault("x-first-death-queue", queue.name)
        headers.setdefault("x-first-death-exchange", message.exchange)
        targets = exchange.route(routing_key)
        if not targets:
            _log.warning("dropped message %s dead-lettered from %s: %s routes %r nowhere", message.message_id,
                         queue.name, exchange.name, routing_key)
        for target in targets:
            self._enqueue(target, _Message(exchange.name, routing_key, message.body, message.message_id,
                                           message.content_type, headers))
