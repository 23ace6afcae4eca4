"""A lean AMQP 0-9-1 connection for the sink's consumers: the handshake, a channel per consumer, heartbeats,
deliveries read as the bytes arrive, acks written together once per loop turn.

It consumes only: the topology is declared, and messages are published and got, on the broker's aio-pika
connection. When it is lost, RabbitMQ returns every unacked message to its queue; the broker's supervisor opens
a new one and the consumers subscribe again.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import struct
from collections.abc import Callable
from urllib.parse import unquote

from yarl import URL

from . import _amqp_codec as codec
from ._amqp_codec import Frame, FrameReader, Properties, ProtocolError

__all__ = ["AmqpChannel", "AmqpConnection", "ChannelClosed", "ConnectionClosed", "Delivered"]

_U16, _U32, _U64 = struct.Struct(">H"), struct.Struct(">I"), struct.Struct(">Q")
_CLIENT = {"product": "eventgen", "capabilities": {
    "consumer_cancel_notify": True, "basic.nack": True, "connection.blocked": True,
    "authentication_failure_close": True}}
_CONNECTION_CLOSE, _CONNECTION_CLOSE_OK = (10, 50), (10, 51)
_CHANNEL_CLOSE, _CHANNEL_CLOSE_OK = (20, 40), (20, 41)
_DELIVER, _CANCEL, _CANCEL_OK = (60, 60), (60, 30), (60, 31)
# What a channel's callback gets: the channel, delivery tag, redelivered, routing key, properties, body.
Delivered = Callable[["AmqpChannel", int, bool, str, Properties, bytes], None]


class ConnectionClosed(ConnectionError):
    """The connection is gone (or refused): its channels with it."""


class ChannelClosed(ConnectionError):
    """The channel is gone: closed by RabbitMQ (the reason says why), by us, or with its connection."""


def _close_reason(payload: bytes) -> str:
    (code,) = _U16.unpack_from(payload, 4)
    text, _ = codec.read_shortstr(payload, 6)
    return f"{code} {text}"


class AmqpConnection(asyncio.Protocol):
    """One TCP (or TLS) connection to RabbitMQ; `open` connects and completes the handshake.

    A consumer's prefetch bounds its unacked messages, not their bytes: a queue of large messages (up to
    batch_max_events events each) would fill a window of hundreds of them, and a sink with many queues and a slow
    store would hold them all. So the connection counts the bytes of the deliveries its consumers hold (`hold`,
    `release`), and past `max_held_bytes` stops reading from the socket until enough are settled: RabbitMQ's sends
    then wait in TCP's buffers, and the rest stays in the queues."""

    def __init__(self, url: URL, name: str, on_lost: Callable[[], None], max_held_bytes: int = 0) -> None:
        self._url = url
        self._max_held = max_held_bytes
        self._held = 0
        self._paused = False
        self._name = name
        self._on_lost = on_lost
        self._reader = FrameReader()
        self._transport: asyncio.Transport | None = None
        self._loop = asyncio.get_running_loop()
        self._opened: asyncio.Future[None] = self._loop.create_future()
        self._closed: asyncio.Future[None] = self._loop.create_future()
        self._channels: dict[int, AmqpChannel] = {}
        self._out: list[bytes] = []
        self._heartbeat = 0
        self._frame_max = 131072
        self._channel_max = 2047
        self._last_received = self._last_sent = self._loop.time()
        self._beat: asyncio.Task[None] | None = None
        self.close_reason = ""

    @classmethod
    async def open(cls, url: str, *, name: str, timeout: float, on_lost: Callable[[], None] = lambda: None,
                   max_held_bytes: int = 0) -> AmqpConnection:
        parsed = URL(url)
        secure = parsed.scheme == "amqps"
        connection = cls(parsed, name, on_lost, max_held_bytes)
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(timeout):
            await loop.create_connection(lambda: connection, parsed.host or "localhost",
                                         parsed.port or (5671 if secure else 5672),
                                         ssl=ssl.create_default_context() if secure else None)
            try:
                await asyncio.shield(connection._opened)
            except BaseException:
                connection.abort()
                raise
        return connection

    @property
    def closed(self) -> bool:
        return self._closed.done()

    @property
    def held_bytes(self) -> int:
        """Bytes of the deliveries consumers hold, not yet acked or rejected."""
        return self._held

    @property
    def reading(self) -> bool:
        """False while the held deliveries are over `max_held_bytes` and the socket is not read."""
        return not self._paused

    def hold(self, size: int) -> None:
        self._held += size
        if self._max_held and self._held > self._max_held and not self._paused and self._transport is not None:
            self._paused = True
            self._transport.pause_reading()

    def release(self, size: int) -> None:
        self._held -= size
        if self._paused and self._held <= self._max_held:
            self._paused = False
            self._last_received = self._loop.time()  # nothing was read meanwhile: heartbeats are counted anew
            if self._transport is not None and not self._transport.is_closing():
                self._transport.resume_reading()

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]
        transport.write(b"AMQP\x00\x00\x09\x01")  # type: ignore[attr-defined]

    def data_received(self, data: bytes) -> None:
        self._last_received = self._loop.time()
        try:
            for frame in self._reader.feed(data):
                if frame.kind == codec.FRAME_METHOD:
                    self._on_method(frame)
                elif frame.kind in (codec.FRAME_HEADER, codec.FRAME_BODY):
                    channel = self._channels.get(frame.channel)
                    if channel is not None:
                        channel.on_content(frame)
                elif frame.kind != codec.FRAME_HEARTBEAT:
                    raise ProtocolError(f"unknown frame type {frame.kind}")
        except Exception as exc:  # unreadable bytes (or a bug): this connection cannot go on; a new one will
            self.close_reason = f"unreadable data from RabbitMQ: {exc!r}"
            self.abort()

    def connection_lost(self, exc: Exception | None) -> None:
        reason = self.close_reason or (f"connection lost: {exc!r}" if exc else "connection closed")
        self.close_reason = reason
        if not self._opened.done():
            self._opened.set_exception(ConnectionClosed(reason))
        if not self._closed.done():
            self._closed.set_result(None)
        if self._beat is not None:
            self._beat.cancel()
        for channel in list(self._channels.values()):
            channel.lost(reason)
        self._channels.clear()
        self._on_lost()

    # frames in

    def _on_method(self, frame: Frame) -> None:
        class_method = (_U16.unpack_from(frame.payload, 0)[0], _U16.unpack_from(frame.payload, 2)[0])
        if frame.channel:
            channel = self._channels.get(frame.channel)
            if channel is not None:
                channel.on_method(class_method, frame.payload)
            return
        payload = frame.payload
        if class_method == (10, 10):  # start: authenticate (PLAIN)
            user, password = unquote(self._url.user or "guest"), unquote(self._url.password or "guest")
            response = f"\0{user}\0{password}".encode()
            self.send(codec.method(0, 10, 11, codec.table({**_CLIENT, "connection_name": self._name})
                                   + codec.shortstr("PLAIN") + _U32.pack(len(response)) + response
                                   + codec.shortstr("en_US")))
        elif class_method == (10, 30):  # tune: take the server's limits, and its heartbeat unless the URL asks less
            channel_max, frame_max, heartbeat = struct.unpack_from(">HIH", payload, 4)
            self._channel_max = channel_max or 2047
            self._frame_max = frame_max or self._frame_max
            wanted = self._url.query.get("heartbeat", "")
            if wanted.isdigit():
                heartbeat = min(heartbeat, int(wanted)) if heartbeat and int(wanted) else int(wanted) or heartbeat
            self._heartbeat = heartbeat
            self.send(codec.method(0, 10, 31, struct.pack(">HIH", self._channel_max, self._frame_max, heartbeat)))
            vhost = unquote(self._url.raw_path[1:]) if len(self._url.raw_path) > 1 else "/"
            self.send(codec.method(0, 10, 40, codec.shortstr(vhost) + codec.shortstr("") + b"\0"))
        elif class_method == (10, 41):  # open-ok
            if self._heartbeat:
                self._beat = self._loop.create_task(self._heartbeats(), name="eventgen-amqp-heartbeat")
            if not self._opened.done():
                self._opened.set_result(None)
        elif class_method == _CONNECTION_CLOSE:
            self.close_reason = f"RabbitMQ closed the connection: {_close_reason(payload)}"
            self.send(codec.method(0, *_CONNECTION_CLOSE_OK))
            self._flush()
            self.abort()
        elif class_method == _CONNECTION_CLOSE_OK:
            self.abort()
        # connection.blocked / unblocked concern publishers; this connection only consumes.

    # frames out

    def send(self, data: bytes) -> None:
        """Queues bytes for the socket: everything sent in one loop turn goes out in one write."""
        if not self._out:
            self._loop.call_soon(self._flush)
        self._out.append(data)

    def _flush(self) -> None:
        if self._out and self._transport is not None and not self._transport.is_closing():
            self._transport.write(b"".join(self._out))
            self._last_sent = self._loop.time()
        self._out.clear()

    async def _heartbeats(self) -> None:
        interval = self._heartbeat / 2
        while True:
            await asyncio.sleep(interval)
            now = self._loop.time()
            if not self._paused and now - self._last_received > 2 * self._heartbeat:
                self.close_reason = f"no heartbeat from RabbitMQ for {now - self._last_received:.0f}s"
                self.abort()
                return
            if now - self._last_sent >= interval:
                self.send(codec.heartbeat())

    # channels

    async def channel(self, timeout: float) -> AmqpChannel:
        if self.closed:
            raise ConnectionClosed(self.close_reason)
        number = next((n for n in range(1, self._channel_max + 1) if n not in self._channels), None)
        if number is None:
            raise ConnectionClosed(f"all {self._channel_max} channels are in use")
        channel = self._channels[number] = AmqpChannel(self, number)
        await channel.call(codec.method(number, 20, 10, codec.shortstr("")), (20, 11), timeout)
        return channel

    def forget(self, number: int) -> None:
        self._channels.pop(number, None)

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()

    async def close(self, timeout: float) -> None:
        if self.closed:
            return
        self.send(codec.method(0, *_CONNECTION_CLOSE, struct.pack(">H", 200) + codec.shortstr("bye") + b"\0\0\0\0"))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await asyncio.shield(self._closed)
        self.abort()


class AmqpChannel:
    """One channel of a consumer: qos, consume, cancel, close; acks and rejects written without a reply."""

    def __init__(self, connection: AmqpConnection, number: int) -> None:
        self.number = number
        self._connection = connection
        self._waiting: tuple[tuple[int, int], asyncio.Future[bytes]] | None = None
        self._lock = asyncio.Lock()
        self._on_delivery: Delivered | None = None
        self._on_cancelled: Callable[[], None] = lambda: None
        self._delivery: tuple[int, bool, str] | None = None  # the delivery whose content is coming
        self._properties: Properties | None = None
        self._body: list[bytes] = []
        self._received = 0
        self.closed_reason = ""
        # Called once when the channel is over, whoever ended it.
        self.on_lost: Callable[[], None] = lambda: None

    @property
    def closed(self) -> bool:
        return bool(self.closed_reason)

    async def call(self, request: bytes, reply: tuple[int, int], timeout: float) -> bytes:
        """Sends a synchronous method and waits for its reply (one at a time on a channel)."""
        async with self._lock:
            if self.closed:
                raise ChannelClosed(self.closed_reason)
            waiter = asyncio.get_running_loop().create_future()
            self._waiting = (reply, waiter)
            self._connection.send(request)
            try:
                async with asyncio.timeout(timeout):
                    return await waiter
            except TimeoutError:
                # A channel that does not answer is out of step: the connection cannot be trusted either.
                self._connection.close_reason = f"channel {self.number} did not answer within {timeout}s"
                self._connection.abort()
                raise ChannelClosed(self._connection.close_reason) from None
            finally:
                self._waiting = None

    async def declare_exchange(self, name: str, kind: str, durable: bool, timeout: float) -> None:
        await self.call(codec.method(self.number, 40, 10, b"\0\0" + codec.shortstr(name) + codec.shortstr(kind)
                                     + bytes((2 if durable else 0,)) + codec.table({})), (40, 11), timeout)

    async def declare_queue(self, name: str, durable: bool, arguments: dict[str, object], timeout: float) -> None:
        await self.call(codec.method(self.number, 50, 10, b"\0\0" + codec.shortstr(name)
                                     + bytes((2 if durable else 0,)) + codec.table(arguments)), (50, 11), timeout)

    async def bind(self, queue: str, exchange: str, routing_key: str, timeout: float) -> None:
        await self.call(codec.method(self.number, 50, 20, b"\0\0" + codec.shortstr(queue) + codec.shortstr(exchange)
                                     + codec.shortstr(routing_key) + b"\0" + codec.table({})), (50, 21), timeout)

    async def qos(self, prefetch: int, timeout: float) -> None:
        await self.call(codec.method(self.number, 60, 10, struct.pack(">IHB", 0, prefetch, 0)), (60, 11), timeout)

    async def consume(self, queue: str, on_delivery: Delivered, on_cancelled: Callable[[], None],
                      timeout: float) -> str:
        """Starts deliveries (manual acks); returns the consumer tag. `on_cancelled`: RabbitMQ cancelled the
        consumer (its queue was deleted, or its leader moved)."""
        self._on_delivery, self._on_cancelled = on_delivery, on_cancelled
        reply = await self.call(codec.method(self.number, 60, 20, b"\0\0" + codec.shortstr(queue) + codec.shortstr("")
                                             + b"\0" + codec.table({})), (60, 21), timeout)
        tag, _ = codec.read_shortstr(reply, 4)
        return tag

    async def cancel(self, tag: str, timeout: float) -> None:
        await self.call(codec.method(self.number, *_CANCEL, codec.shortstr(tag) + b"\0"), _CANCEL_OK, timeout)

    def hold(self, size: int) -> None:
        """Counts a delivery's `size` bytes toward the connection's bound, until `release`."""
        self._connection.hold(size)

    def release(self, size: int) -> None:
        self._connection.release(size)

    def ack(self, delivery_tag: int) -> None:
        if self.closed:
            raise ChannelClosed(self.closed_reason)
        self._connection.send(codec.method(self.number, 60, 80, _U64.pack(delivery_tag) + b"\0"))

    def reject(self, delivery_tag: int, requeue: bool) -> None:
        if self.closed:
            raise ChannelClosed(self.closed_reason)
        self._connection.send(codec.method(self.number, 60, 90, _U64.pack(delivery_tag) + bytes((requeue,))))

    async def close(self, timeout: float, reason: str = "closed") -> None:
        """Closes the channel; RabbitMQ returns the deliveries not acked on it to their queue."""
        if self.closed:
            return
        try:
            await self.call(codec.method(self.number, *_CHANNEL_CLOSE, b"\0\xc8" + codec.shortstr("bye") + b"\0" * 4),
                            _CHANNEL_CLOSE_OK, timeout)
        finally:
            self.lost(reason)

    def lost(self, reason: str) -> None:
        """The channel is over (closed, or its connection lost): waiting calls fail, acks are refused."""
        if self.closed_reason:
            return
        self.closed_reason = reason
        self._connection.forget(self.number)
        if self._waiting is not None and not self._waiting[1].done():
            self._waiting[1].set_exception(ChannelClosed(self.closed_reason))
        self.on_lost()

    def on_method(self, class_method: tuple[int, int], payload: bytes) -> None:
        if class_method == _DELIVER:
            _, position = codec.read_shortstr(payload, 4)  # consumer tag
            (tag,) = _U64.unpack_from(payload, position)
            redelivered = bool(payload[position + 8] & 1)
            _, position = codec.read_shortstr(payload, position + 9)  # exchange
            routing_key, _ = codec.read_shortstr(payload, position)
            self._delivery, self._properties, self._body, self._received = (tag, redelivered, routing_key), None, [], 0
        elif class_method == _CHANNEL_CLOSE:
            self._connection.send(codec.method(self.number, *_CHANNEL_CLOSE_OK))
            self.lost(f"RabbitMQ closed the channel: {_close_reason(payload)}")
        elif class_method == _CANCEL:
            self._on_cancelled()  # RabbitMQ cancelled the consumer (nowait: no reply)
        elif self._waiting is not None and self._waiting[0] == class_method:
            if not self._waiting[1].done():
                self._waiting[1].set_result(payload)

    def on_content(self, frame: Frame) -> None:
        if self._delivery is None:
            raise ProtocolError(f"content on channel {self.number} without a delivery")
        if frame.kind == codec.FRAME_HEADER:
            self._properties = codec.read_properties(frame.payload)
        else:
            self._body.append(frame.payload)
            self._received += len(frame.payload)
        properties = self._properties
        if properties is not None and self._received >= properties.body_size:
            tag, redelivered, routing_key = self._delivery
            body = self._body[0] if len(self._body) == 1 else b"".join(self._body)
            self._delivery, self._body = None, []
            if self._on_delivery is not None:
                self._on_delivery(self, tag, redelivered, routing_key, properties, body)

