"""Acks of a RabbitMQ channel sent together: the logic alone, on fake messages (the real consumer is covered by
the sink and broker integration tests and the fault suite)."""

from __future__ import annotations

import asyncio

import pytest

from runtime.broker import BrokerUnavailable
from runtime.broker._rabbitmq_consumer import AckWindow, RabbitMQDelivery


class FakeChannel:
    def __init__(self) -> None:
        self.is_closed = False
        self.sent: list[tuple[str, int, bool]] = []  # (frame, delivery tag, multiple or requeue)


class FakeMessage:
    """What RabbitMQDelivery reads of an aio-pika IncomingMessage."""

    def __init__(self, channel: FakeChannel, tag: int) -> None:
        self.channel = channel
        self.delivery_tag = tag
        self.headers: dict[str, object] = {}
        self.body = b""
        self.message_id = f"m{tag}"
        self.routing_key = "rk"
        self.content_type = "application/x-protobuf"
        self.redelivered = False

    async def ack(self, multiple: bool = False) -> None:
        if self.channel.is_closed:
            raise RuntimeError("channel closed")
        self.channel.sent.append(("ack", self.delivery_tag, multiple))

    async def reject(self, requeue: bool = False) -> None:
        if self.channel.is_closed:
            raise RuntimeError("channel closed")
        self.channel.sent.append(("reject", self.delivery_tag, requeue))


async def next_turn() -> None:
    """Lets the event loop run the task that sends the acks due."""
    for _ in range(3):
        await asyncio.sleep(0)


def deliveries(window: AckWindow, channel: FakeChannel, count: int, first: int = 1) -> list[RabbitMQDelivery]:
    return [RabbitMQDelivery(FakeMessage(channel, tag), window) for tag in range(first, first + count)]  # type: ignore[arg-type]


async def test_a_batch_settled_in_one_turn_of_the_loop_costs_one_ack_frame():
    window, channel = AckWindow(), FakeChannel()
    first, second, third = deliveries(window, channel, 3)
    await first.ack()
    await second.ack()
    await third.ack()
    assert channel.sent == []  # not yet: the rest of the batch may be settled in the same turn
    await next_turn()
    assert channel.sent == [("ack", 3, True)]
    (fourth,) = deliveries(window, channel, 1, first=4)
    await fourth.ack()
    await next_turn()
    assert channel.sent == [("ack", 3, True), ("ack", 4, True)]


async def test_acks_behind_an_unsettled_delivery_wait_for_it():
    window, channel = AckWindow(), FakeChannel()
    first, second, third, fourth = deliveries(window, channel, 4)
    await third.ack()
    await second.ack()
    await next_turn()
    assert channel.sent == []  # the first is not settled yet: acking 2 or 3 with multiple would ack it too
    await first.ack()
    await next_turn()
    assert channel.sent == [("ack", 3, True)]
    await fourth.ack()
    await next_turn()
    assert channel.sent == [("ack", 3, True), ("ack", 4, True)]


async def test_a_reject_goes_out_at_once_and_the_acks_around_it_cover_only_acked_ones():
    window, channel = AckWindow(), FakeChannel()
    first, second, third, fourth = deliveries(window, channel, 4)
    await second.reject(requeue=True)
    await fourth.ack()
    await next_turn()
    assert channel.sent == [("reject", 2, True)]
    await first.ack()
    await next_turn()
    assert channel.sent == [("reject", 2, True), ("ack", 1, True)]  # 3 is unsettled: 4 waits
    await third.reject(requeue=False)
    await next_turn()
    assert channel.sent == [("reject", 2, True), ("ack", 1, True), ("reject", 3, False), ("ack", 4, True)]


async def test_send_sends_what_is_due_at_once():
    """What a consumer does before it closes its channel."""
    window, channel = AckWindow(), FakeChannel()
    for delivery in deliveries(window, channel, 2):
        await delivery.ack()
    await window.send()
    assert channel.sent == [("ack", 2, True)]
    await next_turn()
    assert channel.sent == [("ack", 2, True)]  # the scheduled send finds nothing more


async def test_a_closed_channel_is_forgotten_and_the_new_one_acks_on_its_own():
    window, old = AckWindow(), FakeChannel()
    stuck, waiting = deliveries(window, old, 2)
    await waiting.ack()  # waits behind `stuck`
    old.is_closed = True
    new = FakeChannel()
    (fresh,) = deliveries(window, new, 1)  # tags start again on a new channel
    await fresh.ack()
    await next_turn()
    assert new.sent == [("ack", 1, True)]
    with pytest.raises(BrokerUnavailable):
        await stuck.ack()  # its channel is gone: RabbitMQ delivers it again
    assert old.sent == []


async def test_an_ack_the_lost_channel_cannot_take_is_logged_not_raised(caplog):
    window, channel = AckWindow(), FakeChannel()
    (only,) = deliveries(window, channel, 1)
    await only.ack()
    channel.is_closed = True
    await next_turn()
    assert only.settled and channel.sent == []
    assert "could not ack messages up to 'm1'" in caplog.text
