"""The RabbitMQ broker (aio-pika): topology on every connection, confirmed persistent publishes, robust consumers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aio_pika
from aio_pika.abc import AbstractRobustChannel, AbstractRobustConnection
from aiormq.exceptions import (
    AMQPError,
    ChannelInvalidStateError,
    ChannelNotFoundEntity,
    ChannelPreconditionFailed,
    DeliveryError,
    PublishError,
)
from yarl import URL

from ._amqp_connection import AmqpConnection
from ._base import BrokerUnavailable, Delivery, OutgoingMessage, PublishRejected
from ._body import LZ4
from ._rabbitmq_consumer import RabbitMQConsumer, RabbitMQDelivery
from ._rabbitmq_publisher import CoalescingPublisher
from .topology import Topology

__all__ = ["RabbitMQBroker"]

_log = logging.getLogger(__name__)
_CONNECT_TIMEOUT = 10.0
_CLOSE_TIMEOUT = 5.0
# What a lost connection or channel raises: nothing is known about the message, so it is retryable.
_LOST = (AMQPError, ConnectionError, OSError, RuntimeError, TimeoutError)


class RabbitMQBroker:
    """The Broker protocol on RabbitMQ. One robust connection (aio-pika reconnects it) for the topology, publishes
    and gets; a supervisor task makes the first connection, whenever that succeeds, and declares the whole
    topology after every (re)connection; publishes wait until that is done. Consumers have a lean connection of
    their own (_amqp_connection.py), opened by the supervisor, and opened again, with the consumers subscribed
    again, whenever it or one of their channels is lost."""

    def __init__(self, url: str, topology: Topology, *, reconnect_interval: float = 1.0,
                 connection_name: str = "eventgen", logger: logging.Logger = _log, compression: str = LZ4,
                 max_held_bytes: int = 0) -> None:
        self._url = url
        self._where = str(URL(url).with_password("***")) if URL(url).password else url
        self._topology = topology
        self._interval = reconnect_interval
        self._connection_name = connection_name
        self._log = logger
        self._exchanges = {x["name"]: x for x in [*topology.exchanges, topology.dead_letter_exchange]}
        self._queue_specs = {q["name"]: q for q in [*topology.queues, *topology.dead_letter_queues]}
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._get_channel: AbstractRobustChannel | None = None
        self._declared = False
        self._generation = 0
        self._consumers: set[RabbitMQConsumer] = set()
        self._deliveries: AmqpConnection | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._poke = asyncio.Event()
        self._up = asyncio.Event()
        self._closing = False
        self._publisher = CoalescingPublisher(compression)
        # The most bytes of deliveries the consumers hold before their connection stops reading (0: no bound).
        self._max_held_bytes = max_held_bytes
        # Connections lost and remade since start (for metrics).
        self.reconnects = 0

    @property
    def connected(self) -> bool:
        connection, channel = self._connection, self._channel
        return (self._declared and not self._closing and connection is not None and connection.connected.is_set()
                and channel is not None and not channel.is_closed)

    async def start(self) -> None:
        if self._supervisor is None and not self._closing:
            self._supervisor = asyncio.create_task(self._supervise(), name="eventgen-rabbitmq-supervisor")

    async def wait_connected(self, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.connected:
            remaining = deadline - loop.time()
            if remaining <= 0 or self._closing:
                return False
            if self._up.is_set():  # lags behind a channel that just closed: poll until the supervisor notices
                await asyncio.sleep(min(remaining, 0.05))
                continue
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await self._up.wait()
        return True

    async def publish(self, message: OutgoingMessage, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if message.exchange not in self._exchanges:
            # RabbitMQ would close the channel, failing every publish in flight on it.
            raise PublishRejected(f"no exchange {message.exchange!r} in the topology")
        while True:
            if not await self.wait_connected(deadline - loop.time()):
                raise BrokerUnavailable(f"not connected to RabbitMQ at {self._where} within {timeout}s")
            try:
                assert self._channel is not None
                channel = await self._channel.get_underlay_channel()
                # mandatory: an unroutable message comes back as a return, not as a confirm.
                confirmation = self._publisher.submit(channel, message)
                async with asyncio.timeout(max(deadline - loop.time(), 0.001)):
                    await confirmation
                return
            except PublishError:
                raise PublishRejected(f"unroutable: no queue is bound to exchange {message.exchange!r} with "
                                      f"routing key {message.routing_key!r}") from None
            except DeliveryError as exc:
                raise PublishRejected(f"RabbitMQ refused message {message.message_id!r}: {exc}") from exc
            except ChannelInvalidStateError:
                await asyncio.sleep(0.05)  # closed before the message was sent: wait for the channel again
                continue
            except TimeoutError:
                raise BrokerUnavailable(f"RabbitMQ did not confirm message {message.message_id!r} "
                                        f"within {timeout}s") from None
            except _LOST as exc:
                raise BrokerUnavailable(f"lost RabbitMQ before it confirmed message {message.message_id!r}: "
                                        f"{exc!r}") from exc
            except asyncio.CancelledError:
                # aiormq cancels the confirmations pending when the channel closes; ours is not cancelled.
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise
                raise BrokerUnavailable(f"channel closed before RabbitMQ confirmed message "
                                        f"{message.message_id!r}") from None

    async def consume(self, queue: str, prefetch: int,
                      handler: Callable[[Delivery], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        spec = self._queue_spec(queue)
        consumer = RabbitMQConsumer(spec, self._exchanges, prefetch, handler, self._log,
                                    on_cancel=self._consumers.discard, on_lost=self._poke.set)
        self._consumers.add(consumer)
        self._poke.set()  # the supervisor subscribes it as soon as the topology is declared
        return consumer.cancel

    async def get(self, queue: str, timeout: float) -> Delivery | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self._queue_spec(queue)
        if not await self.wait_connected(timeout):
            raise BrokerUnavailable(f"not connected to RabbitMQ at {self._where} within {timeout}s")
        try:
            if self._get_channel is None:  # robust: aio-pika reopens it after a reconnection
                assert self._connection is not None
                self._get_channel = await self._connection.channel(publisher_confirms=False)
            amqp_queue = await self._get_channel.get_queue(queue, ensure=False)
            while True:
                # basic.get answers at once, empty or not: its timeout is the round trip's, not the wait's.
                message = await amqp_queue.get(no_ack=False, fail=False, timeout=_CONNECT_TIMEOUT)
                if message is not None:
                    return RabbitMQDelivery(message)
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return None
                await asyncio.sleep(min(remaining, 0.1))  # basic.get polls: RabbitMQ cannot wait for a message
        except ChannelNotFoundEntity:
            raise LookupError(f"queue {queue!r} does not exist on RabbitMQ at {self._where}") from None
        except _LOST as exc:
            raise BrokerUnavailable(f"lost RabbitMQ while getting from {queue!r}: {exc!r}") from exc

    async def queue_depth(self, queue: str) -> int:
        self._queue_spec(queue)
        if not await self.wait_connected(_CONNECT_TIMEOUT):
            raise BrokerUnavailable(f"not connected to RabbitMQ at {self._where}")
        try:
            async with self._raw_channel() as channel:
                declared = await channel.queue_declare(queue, passive=True, timeout=_CONNECT_TIMEOUT)
        except ChannelNotFoundEntity:
            raise LookupError(f"queue {queue!r} does not exist on RabbitMQ at {self._where}") from None
        except _LOST as exc:
            raise BrokerUnavailable(f"lost RabbitMQ while counting {queue!r}: {exc!r}") from exc
        return int(declared.message_count or 0)

    async def close(self) -> None:
        self._closing = True
        self._up.clear()
        await asyncio.gather(*(consumer.cancel() for consumer in list(self._consumers)))
        if self._supervisor is not None:
            self._supervisor.cancel()
            # Bounded: a cancelled aiormq call can wait on a connection that is already gone.
            if not (await asyncio.wait({self._supervisor}, timeout=_CLOSE_TIMEOUT))[0]:
                self._log.warning("the RabbitMQ supervisor did not stop within %.0fs; leaving it", _CLOSE_TIMEOUT)
        await self._publisher.close()
        if self._deliveries is not None:
            await self._deliveries.close(_CLOSE_TIMEOUT)
        if self._connection is not None:
            try:
                async with asyncio.timeout(_CLOSE_TIMEOUT):
                    await self._connection.close()
            except (TimeoutError, *_LOST) as exc:
                self._log.warning("closing the RabbitMQ connection: %r", exc)

    def _queue_spec(self, queue: str) -> dict[str, Any]:
        try:
            return self._queue_specs[queue]
        except KeyError:
            raise LookupError(f"no queue {queue!r} in the topology") from None

    @contextlib.asynccontextmanager
    async def _raw_channel(self):  # type: ignore[no-untyped-def]
        """A plain aiormq channel: a failed declaration closes it, and nothing tries to restore it."""
        transport = self._connection.transport if self._connection is not None else None
        if transport is None:
            raise ChannelInvalidStateError("no RabbitMQ connection")
        channel = await transport.connection.channel(publisher_confirms=False, timeout=_CONNECT_TIMEOUT)
        try:
            yield channel
        finally:
            if not channel.is_closed:
                with contextlib.suppress(*_LOST):
                    await channel.close(timeout=_CONNECT_TIMEOUT)

    async def _supervise(self) -> None:
        while not self._closing:
            self._poke.clear()
            try:
                await self._step()
            except ChannelPreconditionFailed as exc:
                self._log.error("the topology on RabbitMQ at %s differs from generated/topology.json (%s): move the "
                                "messages off the conflicting queue and delete it, or deploy under another "
                                "namespace; retrying in %.1fs", self._where, exc, self._interval)
            except _LOST as exc:
                self._log.warning("RabbitMQ at %s: %r; retrying in %.1fs", self._where, exc, self._interval)
            except Exception:  # a bug must not end the reconnections
                self._log.exception("unexpected error supervising RabbitMQ at %s", self._where)
            if self.connected:
                self._up.set()
            else:
                self._up.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval):
                    await self._poke.wait()

    async def _step(self) -> None:
        if self._connection is None:
            self._connection = await aio_pika.connect_robust(
                self._url, timeout=_CONNECT_TIMEOUT, reconnect_interval=self._interval,
                client_properties={"connection_name": self._connection_name})
            self._connection.close_callbacks.add(self._on_connection_lost)
            self._connection.reconnect_callbacks.add(self._on_change)
            self._log.info("connected to RabbitMQ at %s", self._where)
        if self._channel is None:
            channel = self._connection.channel(publisher_confirms=True, on_return_raises=True)
            await channel.initialize(timeout=_CONNECT_TIMEOUT)
            channel.close_callbacks.add(self._on_change)
            channel.reopen_callbacks.add(self._on_change)
            self._channel = channel
        if not self._declared and self._connection.connected.is_set():
            generation = self._generation
            await self._declare()
            # Declared on a connection that has been lost since: declare again on the next one.
            self._declared = generation == self._generation
            self._log.info("declared the topology (%d queues) on RabbitMQ at %s", len(self._queue_specs),
                           self._where)
        if self.connected and self._consumers:
            if self._deliveries is None or self._deliveries.closed:
                if self._deliveries is not None:
                    self._log.warning("lost the consumers' connection to RabbitMQ at %s (%s); connecting again",
                                      self._where, self._deliveries.close_reason)
                self._deliveries = await AmqpConnection.open(self._url, name=f"{self._connection_name} consumers",
                                                             timeout=_CONNECT_TIMEOUT, on_lost=self._poke.set,
                                                             max_held_bytes=self._max_held_bytes)
            # All at once: each takes some ten round trips (its channel, prefetch, declarations, bindings), and one
            # after another some thirty queues took 2-3 s to be consumed after a start or a reconnection.
            deliveries = self._deliveries
            await asyncio.gather(*(self._subscribe(consumer, deliveries) for consumer in list(self._consumers)))

    async def _subscribe(self, consumer: RabbitMQConsumer, deliveries: AmqpConnection) -> None:
        try:
            await consumer.ensure_subscribed(deliveries)
        except _LOST as exc:
            self._log.warning("could not consume %s: %r; retrying in %.1fs", consumer.queue_name, exc, self._interval)

    async def _declare(self) -> None:
        async with self._raw_channel() as channel:
            for spec in self._exchanges.values():
                await channel.exchange_declare(spec["name"], exchange_type=spec["type"], durable=spec["durable"])
            for spec in [*self._topology.dead_letter_queues, *self._topology.queues]:
                await channel.queue_declare(spec["name"], durable=spec["durable"], arguments=spec["arguments"])
                for binding in spec["bindings"]:
                    await channel.queue_bind(spec["name"], binding["exchange"], routing_key=binding["routing_key"])

    def _on_connection_lost(self, _: object, exc: BaseException | None = None) -> None:
        self._generation += 1
        self._declared = False
        self._up.clear()
        self._poke.set()
        if not self._closing:
            self.reconnects += 1
            self._log.warning("lost the connection to RabbitMQ at %s (%r); reconnecting every %.1fs", self._where,
                              exc, self._interval)

    def _on_change(self, *_: object) -> None:
        if not self.connected:
            self._up.clear()
        self._poke.set()
