"""One RabbitMQ consumer: its own channel (for its prefetch), restored by aio-pika, watched in case it is not."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aio_pika.abc import AbstractIncomingMessage, AbstractRobustChannel, AbstractRobustConnection, AbstractRobustQueue
from aiormq.exceptions import AMQPError

from ._base import BrokerUnavailable, Delivery
from ._dispatch import HandlerTasks, TrackedDelivery

__all__ = ["RabbitMQConsumer", "RabbitMQDelivery"]

_TIMEOUT = 10.0
# How long cancelling a consumer waits for its running handlers.
_HANDLER_GRACE = 10.0
# How long a consumer's channel stays open after its last ack. A quorum queue may return messages whose acks
# arrived just before their channel closed (rabbitmq-server#10327): they would be delivered again, and skipped
# by the sink as stored, but a clean shutdown should leave nothing behind.
_ACK_GRACE = 0.3
# Supervisor rounds (one per reconnect interval) a consumer may be missing from its open channel before the
# channel is reopened. aio-pika re-subscribes after a server-side cancel within one round; this is the fallback.
_MISSING_ROUNDS = 5
_LOST = (AMQPError, ConnectionError, OSError, RuntimeError, TimeoutError)


class RabbitMQDelivery(TrackedDelivery):
    """A message from RabbitMQ; `delivery_count` is the quorum queue's x-delivery-count (0 when absent)."""

    __slots__ = ("_message",)

    def __init__(self, message: AbstractIncomingMessage, on_settled: Callable[[], None] | None = None) -> None:
        headers = dict(message.headers or {})
        count = headers.get("x-delivery-count", 0)
        super().__init__(body=message.body, message_id=message.message_id or "", headers=headers,
                         routing_key=message.routing_key or "", content_type=message.content_type or "",
                         redelivered=bool(message.redelivered),
                         delivery_count=count if isinstance(count, int) else 0, on_settled=on_settled)
        self._message = message

    async def _ack(self) -> None:
        try:
            await self._message.ack()
        except _LOST as exc:
            raise BrokerUnavailable(f"could not ack message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc!r}") from exc

    async def _reject(self, requeue: bool) -> None:
        # basic.reject, not basic.nack: from RabbitMQ 4.3 a requeued nack no longer counts toward the
        # delivery limit, so a poison message would loop forever.
        try:
            await self._message.reject(requeue=requeue)
        except _LOST as exc:
            raise BrokerUnavailable(f"could not reject message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc!r}") from exc


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
        self._tasks.spawn(RabbitMQDelivery(message, self._on_settled))

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
        channel, self._channel = self._channel, None
        if channel is not None:
            with contextlib.suppress(*_LOST):
                async with asyncio.timeout(_TIMEOUT):
                    # A round trip: RabbitMQ has taken every ack sent before it; then a moment to apply them.
                    await channel.set_qos(prefetch_count=self._prefetch, timeout=_TIMEOUT)
                    await asyncio.sleep(_ACK_GRACE)
                    await channel.close()
