"""One RabbitMQ consumer: its own channel (for its prefetch), restored by aio-pika, watched in case it is not."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aio_pika.abc import AbstractIncomingMessage, AbstractRobustChannel, AbstractRobustConnection, AbstractRobustQueue
from aiormq.exceptions import AMQPError

from ._base import BrokerUnavailable, Delivery
from ._dispatch import HandlerTasks, TrackedDelivery

__all__ = ["AckWindow", "RabbitMQConsumer", "RabbitMQDelivery"]

_TIMEOUT = 10.0
# How long cancelling a consumer waits for its running handlers.
_HANDLER_GRACE = 10.0
# Supervisor rounds (one per reconnect interval) a consumer may be missing from its open channel before the
# channel is reopened. aio-pika re-subscribes after a server-side cancel within one round; this is the fallback.
_MISSING_ROUNDS = 5
_LOST = (AMQPError, ConnectionError, OSError, RuntimeError, TimeoutError)


class RabbitMQDelivery(TrackedDelivery):
    """A message from RabbitMQ; `delivery_count` is the quorum queue's x-delivery-count (0 when absent)."""

    __slots__ = ("_message", "_acks", "channel", "outcome")

    def __init__(self, message: AbstractIncomingMessage, acks: AckWindow | None = None,
                 on_settled: Callable[[], None] | None = None) -> None:
        headers = dict(message.headers or {})
        count = headers.get("x-delivery-count", 0)
        super().__init__(body=message.body, message_id=message.message_id or "", headers=headers,
                         routing_key=message.routing_key or "", content_type=message.content_type or "",
                         redelivered=bool(message.redelivered),
                         delivery_count=count if isinstance(count, int) else 0, on_settled=on_settled)
        self._message = message
        self._acks = acks
        self.outcome = ""  # "ack" or "reject" once settled
        self.channel: object = None  # the channel it came on
        if acks is not None:
            self.channel = message.channel  # open while the message is being delivered
            acks.received(self)

    @property
    def message(self) -> AbstractIncomingMessage:
        return self._message

    async def _ack(self) -> None:
        self.outcome = "ack"
        if self._acks is not None:
            self._acks.settled(self)
            return
        try:
            await self._message.ack()
        except _LOST as exc:
            raise BrokerUnavailable(f"could not ack message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc!r}") from exc

    async def _reject(self, requeue: bool) -> None:
        # basic.reject, not basic.nack: from RabbitMQ 4.3 a requeued nack no longer counts toward the
        # delivery limit, so a poison message would loop forever.
        self.outcome = "reject"
        try:
            await self._message.reject(requeue=requeue)
        except _LOST as exc:
            raise BrokerUnavailable(f"could not reject message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc!r}") from exc
        finally:
            if self._acks is not None:
                self._acks.settled(self)


class AckWindow:
    """Acks a channel's deliveries together. A settled delivery is acked once every delivery before it on its
    channel is settled too; the acks of one turn of the event loop (a sinker settles a whole batch in one)
    go out as one basic.ack with `multiple`, covering every delivery up to the newest of them. Until it is
    sent, an ack lives only here: should the channel close first, RabbitMQ delivers those messages again and
    the sink skips the rows it already stored. A consumer sends what is waiting before it closes its channel."""

    __slots__ = ("_waiting", "_ready", "_log", "_sending", "_locks")

    def __init__(self, logger: logging.Logger | None = None) -> None:
        # Per channel (delivery tags are per channel; a reopened channel starts again), in delivery order.
        self._waiting: dict[Any, collections.deque[RabbitMQDelivery]] = {}
        # Per channel, the newest delivery whose ack (with every one before it) is due.
        self._ready: dict[Any, RabbitMQDelivery] = {}
        self._log = logger or logging.getLogger("eventgen.broker")
        self._sending: asyncio.Task[None] | None = None
        # One sender at a time per channel, so its acks reach it in order (an ack of an older tag after a
        # `multiple` ack of a newer one would name a tag the broker no longer knows, and it would close the
        # channel); an ack stuck on a lost channel holds up no other.
        self._locks: dict[Any, asyncio.Lock] = {}

    def received(self, delivery: RabbitMQDelivery) -> None:
        waiting = self._waiting.get(delivery.channel)
        if waiting is None:
            # A closed channel's unacked deliveries come again on another: forget them.
            for closed in [channel for channel in self._waiting if channel.is_closed]:
                del self._waiting[closed]
                self._ready.pop(closed, None)
                self._locks.pop(closed, None)
            waiting = self._waiting[delivery.channel] = collections.deque()
        waiting.append(delivery)

    def settled(self, delivery: RabbitMQDelivery) -> None:
        waiting = self._waiting.get(delivery.channel)
        if waiting is None:  # its channel closed and was forgotten: no ack can reach it
            raise BrokerUnavailable("the channel it came on is closed")
        last_ack = None
        while waiting and waiting[0].outcome:
            head = waiting.popleft()
            if head.outcome == "ack":
                last_ack = head
        if last_ack is not None:
            self._ready[delivery.channel] = last_ack
            if self._sending is None:
                self._sending = asyncio.get_running_loop().create_task(self.send())

    async def send(self) -> None:
        """Sends the acks that are due (at the next turn of the event loop, when called by `settled`)."""
        self._sending = None
        ready, self._ready = self._ready, {}
        if ready:
            await asyncio.gather(*(self._send(channel, delivery) for channel, delivery in ready.items()))

    async def _send(self, channel: Any, delivery: RabbitMQDelivery) -> None:
        lock = self._locks.get(channel)
        if lock is None:
            lock = self._locks[channel] = asyncio.Lock()
        async with lock:
            try:
                async with asyncio.timeout(_TIMEOUT):
                    await delivery.message.ack(multiple=True)
            except _LOST as exc:
                self._log.warning("could not ack messages up to %r (RabbitMQ delivers them again; the sink "
                                  "skips what it stored): %r", delivery.message_id, exc)


class RabbitMQConsumer:
    """Subscribed by the broker's supervisor once the topology is declared. The channel declares the queue's
    exchanges, the queue and its bindings itself, so aio-pika restores all of them, then the subscription,
    after a reconnection or a server-side cancel, even when the queue had been deleted."""

    def __init__(self, spec: dict[str, Any], exchanges: dict[str, dict[str, Any]], prefetch: int,
                 handler: Callable[[Delivery], Awaitable[None]], logger: logging.Logger,
                 on_cancel: Callable[[RabbitMQConsumer], None]) -> None:
        self.queue_name: str = spec["name"]
        self._spec, self._exchanges, self._prefetch = spec, exchanges, prefetch
        self._log, self._on_cancel = logger, on_cancel
        self._tasks = HandlerTasks(handler, self.queue_name, logger)
        self._acks = AckWindow(logger)
        self._channel: AbstractRobustChannel | None = None
        self._queue: AbstractRobustQueue | None = None
        self._tag: str | None = None
        self._cancelled = False
        self._unsettled = 0
        self._missing_rounds = 0
        self._lock = asyncio.Lock()

    async def ensure_subscribed(self, connection: AbstractRobustConnection) -> None:
        async with self._lock:
            if self._cancelled:
                return
            if self._channel is None:
                await self._subscribe(connection)
            else:
                await self._watch()

    async def _subscribe(self, connection: AbstractRobustConnection) -> None:
        channel = connection.channel(publisher_confirms=False)
        await channel.initialize(timeout=_TIMEOUT)
        try:
            if self._prefetch > 0:
                await channel.set_qos(prefetch_count=self._prefetch, timeout=_TIMEOUT)
            for name in sorted({b["exchange"] for b in self._spec["bindings"]}):
                exchange = self._exchanges[name]
                await channel.declare_exchange(name, exchange["type"], durable=exchange["durable"], timeout=_TIMEOUT)
            queue = await channel.declare_queue(self.queue_name, durable=self._spec["durable"],
                                                arguments=self._spec["arguments"], timeout=_TIMEOUT)
            for binding in self._spec["bindings"]:
                await queue.bind(binding["exchange"], binding["routing_key"], timeout=_TIMEOUT)
            self._tag = await queue.consume(self._on_message, timeout=_TIMEOUT)
        except BaseException:
            with contextlib.suppress(*_LOST):
                await channel.close()
            raise
        self._channel, self._queue = channel, queue
        self._log.info("consuming %s (prefetch %d)", self.queue_name, self._prefetch)

    async def _watch(self) -> None:
        assert self._channel is not None
        if self._channel.is_closed:  # aio-pika is restoring it
            self._missing_rounds = 0
            return
        underlay = await self._channel.get_underlay_channel()
        if self._tag in underlay.consumers:
            self._missing_rounds = 0
            return
        self._missing_rounds += 1
        if self._missing_rounds >= _MISSING_ROUNDS:
            self._missing_rounds = 0
            self._log.warning("the consumer of %s is gone (cancelled by the server?) and was not restored; "
                              "reopening its channel", self.queue_name)
            await underlay.close()  # the robust channel reopens, redeclares and consumes again

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        self._unsettled += 1
        self._tasks.spawn(RabbitMQDelivery(message, self._acks, self._on_settled))

    def _on_settled(self) -> None:
        self._unsettled -= 1
        if self._cancelled and self._unsettled == 0:
            asyncio.get_running_loop().create_task(self._close_channel())

    async def cancel(self) -> None:
        """Stops the deliveries and waits (bounded) for running handlers; deliveries still held can be settled
        until the last one is, then the channel closes."""
        async with self._lock:
            if self._cancelled:
                return
            self._cancelled = True
            self._on_cancel(self)
            if self._queue is not None and self._tag is not None:
                with contextlib.suppress(*_LOST):
                    await self._queue.cancel(self._tag, timeout=_TIMEOUT)
        await self._tasks.drain(_HANDLER_GRACE)
        if self._unsettled == 0:
            await self._close_channel()

    async def _close_channel(self) -> None:
        await self._acks.send()
        channel, self._channel = self._channel, None
        if channel is not None:
            with contextlib.suppress(*_LOST):
                async with asyncio.timeout(_TIMEOUT):
                    await channel.close()
