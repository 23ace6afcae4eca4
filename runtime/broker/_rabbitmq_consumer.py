"""One RabbitMQ consumer: its own channel (for its prefetch) on the broker's consuming connection
(_amqp_connection.py), subscribed again by the broker's supervisor whenever the channel or connection is lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aio_pika.abc import AbstractIncomingMessage
from aiormq.exceptions import AMQPError

from ._amqp_codec import Properties
from ._amqp_connection import AmqpChannel, AmqpConnection, ChannelClosed
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
_LOST = (AMQPError, ConnectionError, OSError, RuntimeError, TimeoutError)


class RabbitMQDelivery(TrackedDelivery):
    """A message got from RabbitMQ through aio-pika (basic.get, for tools); `delivery_count` is the quorum queue's
    x-delivery-count (0 when absent)."""

    __slots__ = ("_message",)

    def __init__(self, message: AbstractIncomingMessage, on_settled: Callable[[], None] | None = None) -> None:
        headers = dict(message.headers or {})
        count = headers.get("x-delivery-count", 0)
        super().__init__(body=message.body, message_id=message.message_id or "", headers=headers,
                         routing_key=message.routing_key or "", content_type=message.content_type or "",
                         content_encoding=message.content_encoding or "", redelivered=bool(message.redelivered),
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


class ConsumedDelivery(TrackedDelivery):
    """A message delivered to a consumer; its ack or reject goes out on the channel it came on. Its body counts
    toward the connection's bound on held bytes until then."""

    __slots__ = ("_channel", "_tag", "_held")

    def __init__(self, channel: AmqpChannel, tag: int, redelivered: bool, routing_key: str, properties: Properties,
                 body: bytes, on_settled: Callable[[], None]) -> None:
        headers = properties.headers or {}
        count = headers.get("x-delivery-count", 0)
        super().__init__(body=body, message_id=properties.message_id, headers=headers, routing_key=routing_key,
                         content_type=properties.content_type, content_encoding=properties.content_encoding,
                         redelivered=redelivered,
                         delivery_count=count if isinstance(count, int) else 0, on_settled=on_settled)
        self._channel, self._tag = channel, tag
        self._held = len(self.body)
        channel.hold(self._held)

    def _notify(self) -> None:  # once: a second ack or reject is refused before it gets here
        self._channel.release(self._held)
        super()._notify()

    async def _ack(self) -> None:
        try:
            self._channel.ack(self._tag)
        except ChannelClosed as exc:
            raise BrokerUnavailable(f"could not ack message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc}") from exc

    async def _reject(self, requeue: bool) -> None:
        # basic.reject, not basic.nack: from RabbitMQ 4.3 a requeued nack no longer counts toward the
        # delivery limit, so a poison message would loop forever.
        try:
            self._channel.reject(self._tag, requeue)
        except ChannelClosed as exc:
            raise BrokerUnavailable(f"could not reject message {self.message_id!r} (RabbitMQ requeues it): "
                                    f"{exc}") from exc


class RabbitMQConsumer:
    """Subscribed by the broker's supervisor once the topology is declared, on a channel of its own of the
    consuming connection. The channel declares the queue's exchanges, the queue and its bindings itself (as
    aio-pika writes them), so a deleted queue comes back; a channel closed by RabbitMQ, a consumer it cancelled,
    a lost connection: the next supervisor round subscribes again."""

    def __init__(self, spec: dict[str, Any], exchanges: dict[str, dict[str, Any]], prefetch: int,
                 handler: Callable[[Delivery], Awaitable[None]], logger: logging.Logger,
                 on_cancel: Callable[[RabbitMQConsumer], None], on_lost: Callable[[], None] = lambda: None) -> None:
        self.queue_name: str = spec["name"]
        self._spec, self._exchanges, self._prefetch = spec, exchanges, prefetch
        self._log, self._on_cancel, self._on_lost = logger, on_cancel, on_lost
        self._tasks = HandlerTasks(handler, self.queue_name, logger)
        self._channel: AmqpChannel | None = None
        self._tag: str | None = None
        self._cancelled = False
        self._unsettled = 0
        self._lock = asyncio.Lock()

    @property
    def subscribed(self) -> bool:
        return self._channel is not None and not self._channel.closed

    async def ensure_subscribed(self, connection: AmqpConnection) -> None:
        async with self._lock:
            if self._cancelled or self.subscribed:
                return
            if self._channel is not None:
                self._log.warning("consuming %s stopped (%s); subscribing again", self.queue_name,
                                  self._channel.closed_reason)
            await self._subscribe(connection)

    async def _subscribe(self, connection: AmqpConnection) -> None:
        channel = await connection.channel(_TIMEOUT)
        try:
            if self._prefetch > 0:
                await channel.qos(self._prefetch, _TIMEOUT)
            for name in sorted({b["exchange"] for b in self._spec["bindings"]}):
                exchange = self._exchanges[name]
                await channel.declare_exchange(name, exchange["type"], exchange["durable"], _TIMEOUT)
            await channel.declare_queue(self.queue_name, self._spec["durable"], self._spec["arguments"], _TIMEOUT)
            for binding in self._spec["bindings"]:
                await channel.bind(self.queue_name, binding["exchange"], binding["routing_key"], _TIMEOUT)
            self._tag = await channel.consume(self.queue_name, self._on_delivery, self._on_server_cancel, _TIMEOUT)
        except BaseException:
            with contextlib.suppress(*_LOST):
                await channel.close(_TIMEOUT)
            raise
        self._channel = channel
        channel.on_lost = self._on_lost  # the supervisor subscribes again at once
        self._log.info("consuming %s (prefetch %d)", self.queue_name, self._prefetch)

    def _on_delivery(self, channel: AmqpChannel, tag: int, redelivered: bool, routing_key: str,
                     properties: Properties, body: bytes) -> None:
        self._unsettled += 1
        self._tasks.spawn(ConsumedDelivery(channel, tag, redelivered, routing_key, properties, body, self._on_settled))

    def _on_server_cancel(self) -> None:
        """RabbitMQ cancelled the consumer (its queue deleted, its leader moved): its channel closes, so deliveries
        still held go back to the queue (their acks are refused: the sink skips their stored events when they
        come again), and the supervisor subscribes again (declaring the queue if it is gone)."""
        channel = self._channel
        if channel is not None and not self._cancelled:
            asyncio.get_running_loop().create_task(self._quietly_close(channel))

    async def _quietly_close(self, channel: AmqpChannel) -> None:
        with contextlib.suppress(*_LOST):
            await channel.close(_TIMEOUT, "RabbitMQ cancelled the consumer")

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
            if self.subscribed and self._tag is not None:
                assert self._channel is not None
                with contextlib.suppress(*_LOST):
                    await self._channel.cancel(self._tag, _TIMEOUT)
        await self._tasks.drain(_HANDLER_GRACE)
        if self._unsettled == 0:
            await self._close_channel()

    async def _close_channel(self) -> None:
        channel, self._channel = self._channel, None
        if channel is not None and not channel.closed:
            with contextlib.suppress(*_LOST):
                # A round trip: RabbitMQ has taken every ack sent before it; then a moment to apply them.
                await channel.qos(self._prefetch, _TIMEOUT)
                await asyncio.sleep(_ACK_GRACE)
                await channel.close(_TIMEOUT)
