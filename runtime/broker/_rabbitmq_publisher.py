"""Confirmed publishes on one aiormq channel, the messages of a loop iteration in one write.

aiormq's basic_publish takes the channel lock, marshals through pamqp and queues a frame for the
writer task once per message; the writer makes a socket write per frame. Publishing thousands of
messages a second, that is most of the ingest side's CPU. Here every message published in the same
loop iteration goes out under one lock, in one frame of the write queue and one socket write, with
its confirmation registered exactly as basic_publish registers it, so aiormq's reader settles it
(ack, nack, or return of an unroutable message) and fails it when the channel closes.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from aiormq.abc import ChannelFrame

from ._amqp_frames import publish_frames
from ._base import OutgoingMessage
from ._body import encode_body

__all__ = ["CoalescingPublisher"]


class CoalescingPublisher:
    """Collects the publishes of one loop iteration and writes them together."""

    def __init__(self, encoding: str = "") -> None:
        # How bodies are compressed on the wire (_body.py): "lz4", or "none" for as they are.
        self._encoding = encoding
        self._pending: list[tuple[Any, OutgoingMessage, asyncio.Future[Any]]] = []
        self._flushing: asyncio.Task[None] | None = None

    def submit(self, channel: Any, message: OutgoingMessage) -> asyncio.Future[Any]:
        """Queues the message for `channel` (an aiormq Channel in confirm mode); the future resolves with
        the broker's ack and fails as aiormq's basic_publish would. Cancel it to withdraw a message not
        yet written."""
        loop = asyncio.get_running_loop()
        confirmation: asyncio.Future[Any] = loop.create_future()
        self._pending.append((channel, message, confirmation))
        if self._flushing is None:
            self._flushing = loop.create_task(self._flush(), name="eventgen-rabbitmq-publish")
        return confirmation

    async def _flush(self) -> None:
        try:
            await asyncio.sleep(0)  # the other publishes of this iteration join the write
            while self._pending:
                pending, self._pending = self._pending, []
                by_channel: dict[int, tuple[Any, list[tuple[OutgoingMessage, asyncio.Future[Any]]]]] = {}
                for channel, message, confirmation in pending:
                    by_channel.setdefault(id(channel), (channel, []))[1].append((message, confirmation))
                for channel, items in by_channel.values():
                    await _write(channel, items, self._encoding)
        finally:
            self._flushing = None

    async def close(self) -> None:
        if self._flushing is not None:
            self._flushing.cancel()
            await asyncio.gather(self._flushing, return_exceptions=True)
        for _, _, confirmation in self._pending:
            confirmation.cancel()
        self._pending.clear()


async def _write(channel: Any, items: list[tuple[OutgoingMessage, asyncio.Future[Any]]], encoding: str) -> None:
    registered: list[int] = []
    try:
        async with channel.lock:  # raises ChannelInvalidStateError once the channel is closed
            payload = []
            for message, confirmation in items:
                if confirmation.done():  # timed out or cancelled before it was written
                    continue
                channel.delivery_tag += 1
                tag = channel.delivery_tag
                channel.confirmations[tag] = confirmation
                channel.message_id_delivery_tag[message.message_id] = tag
                confirmation.add_done_callback(partial(_forget, channel, message.message_id, tag))
                registered.append(tag)
                body, content_encoding = encode_body(message.body, encoding)
                payload.append(publish_frames(channel.number, channel.max_content_size, message.exchange,
                                              message.routing_key, body, message.message_id,
                                              message.content_type, message.headers, content_encoding))
            if payload:
                await channel.write_queue.put(ChannelFrame(payload=b"".join(payload), should_close=False))
                registered.clear()  # written: from here only the broker settles them
    except BaseException as exc:
        # Nothing of it reached the writer: take the sequence numbers back, as basic_publish does.
        if registered:
            channel.delivery_tag -= len(registered)
            for tag in registered:
                channel.confirmations.pop(tag, None)
        for _, confirmation in items:
            if confirmation.done():
                continue
            if isinstance(exc, Exception):
                confirmation.set_exception(exc)
            else:
                confirmation.cancel()
        if not isinstance(exc, Exception):
            raise


def _forget(channel: Any, message_id: str, tag: int, _: asyncio.Future[Any]) -> None:
    if channel.message_id_delivery_tag.get(message_id) == tag:
        channel.message_id_delivery_tag.pop(message_id)
