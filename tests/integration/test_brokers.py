"""The Broker protocol, proved once and run against both brokers: in process, and RabbitMQ (EVENTGEN_TEST_AMQP_URL).

Every test works on the real generated topology under a namespace of its own, which is deleted from RabbitMQ
afterwards. A RabbitMQ test fails, not skips, when RabbitMQ cannot be reached. TestRabbitMQBroker adds what only a
server can show: start-up while it is down, a connection closed by the server (`rabbitmqctl close_connection`,
only this test's own connection: other people use the same RabbitMQ), confirms lost with the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aio_pika
import lz4.frame
import pytest

from runtime.broker import (
    Broker,
    BrokerUnavailable,
    Delivery,
    MemoryBroker,
    OutgoingMessage,
    PublishRejected,
    RabbitMQBroker,
    Topology,
)
from runtime.broker._rabbitmq_consumer import RabbitMQConsumer

AMQP_URL = os.environ.get("EVENTGEN_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
DOCUMENT = json.loads((Path(__file__).resolve().parents[2] / "generated" / "topology.json").read_text())
EVENT = min(DOCUMENT["events"])
WAIT = 15.0


@pytest.fixture
def topology() -> Topology:
    return Topology(DOCUMENT, namespace=f"test-{uuid.uuid4().hex[:12]}")


class Route:
    """Where the test event goes: its exchange and routing key, its queue and that queue's dead-letter queue."""

    def __init__(self, topology: Topology) -> None:
        self.exchange, self.routing_key = topology.route(EVENT)
        self.queue = topology.queue_of(EVENT)
        self.dlq = next(q["dead_letter_queue"] for q in topology.queues if q["name"] == self.queue)

    def message(self, n: int, **changes: Any) -> OutgoingMessage:
        fields: dict[str, Any] = {"exchange": self.exchange, "routing_key": self.routing_key,
                                  "body": f"body-{n}".encode() * 100, "message_id": f"m-{n}",
                                  "headers": {"x-eventgen-test": f"h-{n}"}}
        return OutgoingMessage(**{**fields, **changes})


@pytest.fixture
def route(topology: Topology) -> Route:
    return Route(topology)


async def delete_namespace(topology: Topology) -> None:
    with contextlib.suppress(OSError, aio_pika.exceptions.AMQPConnectionError):
        async with await aio_pika.connect(AMQP_URL, timeout=10) as connection:
            channel = await connection.channel()
            for queue in [*topology.queues, *topology.dead_letter_queues]:
                await channel.queue_delete(queue["name"])
            for exchange in [*topology.exchanges, topology.dead_letter_exchange]:
                await channel.exchange_delete(exchange["name"])


@pytest.fixture(params=["memory", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def make_broker(request: pytest.FixtureRequest,
                      topology: Topology) -> AsyncIterator[Callable[[], Awaitable[Any]]]:
    brokers: list[Any] = []

    async def make() -> Any:
        if request.param == "memory":
            broker: Any = MemoryBroker(topology)
        else:
            broker = RabbitMQBroker(AMQP_URL, topology, reconnect_interval=0.5,
                                    connection_name=f"eventgen-{topology.namespace}-{len(brokers)}")
        brokers.append(broker)
        await broker.start()
        assert await broker.wait_connected(WAIT), f"RabbitMQ is not reachable at {AMQP_URL} (EVENTGEN_TEST_AMQP_URL)"
        return broker

    yield make
    for broker in brokers:
        await broker.close()
    if request.param == "rabbitmq":
        await delete_namespace(topology)


@pytest.fixture
async def broker(make_broker: Callable[[], Awaitable[Any]]) -> Broker:
    return await make_broker()


async def eventually(condition: Callable[[], Any], timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not (await condition() if asyncio.iscoroutinefunction(condition) else condition()):
        assert time.monotonic() < deadline, f"condition not met within {timeout}s"
        await asyncio.sleep(0.02)


class TestBroker:
    async def test_declaring_twice_is_harmless(self, make_broker: Callable[[], Awaitable[Broker]],
                                               route: Route) -> None:
        first = await make_broker()
        await first.start()
        second = await make_broker()
        for n, broker in enumerate([first, second]):
            assert broker.connected
            await broker.publish(route.message(n), timeout=WAIT)
            delivery = await broker.get(route.queue, timeout=WAIT)
            assert delivery is not None and delivery.message_id == f"m-{n}"
            await delivery.ack()

    async def test_publish_lands_in_the_event_queue_with_its_properties(self, broker: Broker, route: Route) -> None:
        await broker.publish(route.message(1), timeout=WAIT)
        assert await broker.queue_depth(route.queue) == 1
        delivery = await broker.get(route.queue, timeout=WAIT)
        assert delivery is not None
        assert (delivery.body, delivery.message_id, delivery.routing_key) == (b"body-1" * 100, "m-1", EVENT)
        assert delivery.content_type == "application/x-protobuf"
        assert delivery.headers["x-eventgen-test"] == "h-1"
        assert (delivery.delivery_count, delivery.redelivered) == (0, False)
        await delivery.ack()
        with pytest.raises(RuntimeError):
            await delivery.ack()
        assert await broker.queue_depth(route.queue) == 0
        assert await broker.queue_depth(route.dlq) == 0

    async def test_unroutable_messages_are_rejected(self, broker: Broker, route: Route) -> None:
        with pytest.raises(PublishRejected):
            await broker.publish(route.message(1, routing_key="no_such_event"), timeout=WAIT)
        with pytest.raises(PublishRejected):
            await broker.publish(route.message(2, exchange=f"{route.exchange}.missing"), timeout=WAIT)
        await broker.publish(route.message(3), timeout=WAIT)
        assert await broker.queue_depth(route.queue) == 1

    async def test_consumed_messages_are_acked(self, broker: Broker, route: Route) -> None:
        received: list[str] = []

        async def handler(delivery: Delivery) -> None:
            assert delivery.body == route.message(int(delivery.message_id[2:])).body  # as published
            received.append(delivery.message_id)
            await delivery.ack()

        cancel = await broker.consume(route.queue, 10, handler)
        await asyncio.gather(*(broker.publish(route.message(n), timeout=WAIT) for n in range(20)))
        await eventually(lambda: len(received) == 20)
        assert sorted(received) == sorted(f"m-{n}" for n in range(20))
        await cancel()
        await broker.publish(route.message(99), timeout=WAIT)
        await asyncio.sleep(0.5)
        assert len(received) == 20
        assert await broker.queue_depth(route.queue) == 1

    async def test_requeued_three_times_lands_in_the_dead_letter_queue(self, broker: Broker, route: Route) -> None:
        counts: list[int] = []

        async def handler(delivery: Delivery) -> None:
            counts.append(delivery.delivery_count)
            await delivery.reject(requeue=True)

        cancel = await broker.consume(route.queue, 5, handler)
        await broker.publish(route.message(1), timeout=WAIT)

        async def dead_lettered() -> bool:
            return await broker.queue_depth(route.dlq) > 0

        await eventually(dead_lettered)
        await asyncio.sleep(0.5)
        await cancel()
        # x-delivery-limit 2: delivered three times, the third rejection dead-letters it.
        assert counts == [0, 1, 2] == list(range(DOCUMENT["delivery_limit"] + 1))
        assert await broker.queue_depth(route.queue) == 0
        assert await broker.queue_depth(route.dlq) == 1
        dead = await broker.get(route.dlq, timeout=WAIT)
        assert dead is not None and (dead.message_id, dead.body) == ("m-1", b"body-1" * 100)
        assert dead.headers["x-eventgen-test"] == "h-1"
        death = dead.headers["x-death"][0]  # type: ignore[index]
        assert (death["reason"], death["queue"], death["count"]) == ("delivery_limit", route.queue, 1)
        await dead.ack()
        assert await broker.get(route.dlq, timeout=0.3) is None

    async def test_rejected_without_requeue_is_dead_lettered_at_once(self, broker: Broker, route: Route) -> None:
        await broker.publish(route.message(1), timeout=WAIT)
        delivery = await broker.get(route.queue, timeout=WAIT)
        assert delivery is not None
        await delivery.reject(requeue=False)
        dead = await broker.get(route.dlq, timeout=WAIT)
        assert dead is not None and dead.message_id == "m-1"
        assert dead.headers["x-death"][0]["reason"] == "rejected"  # type: ignore[index]
        await dead.ack()
        assert await broker.queue_depth(route.queue) == 0

    async def test_prefetch_bounds_the_unacked_messages(self, broker: Broker, route: Route) -> None:
        held: list[Delivery] = []

        async def handler(delivery: Delivery) -> None:
            held.append(delivery)

        cancel = await broker.consume(route.queue, 3, handler)
        await asyncio.gather(*(broker.publish(route.message(n), timeout=WAIT) for n in range(10)))
        await eventually(lambda: len(held) == 3)
        await asyncio.sleep(0.5)
        assert len(held) == 3
        await held[0].ack()
        await eventually(lambda: len(held) == 4)
        await asyncio.sleep(0.3)
        assert len(held) == 4
        for acked in range(1, 10):
            await eventually(lambda n=acked: len(held) > n)
            await held[acked].ack()
        await cancel()
        assert sorted(d.message_id for d in held) == sorted(f"m-{n}" for n in range(10))
        assert await broker.queue_depth(route.queue) == 0

    async def test_the_consumer_survives_a_failing_handler(self, broker: Broker, route: Route) -> None:
        handled: dict[str, int] = {}

        async def handler(delivery: Delivery) -> None:
            if delivery.message_id == "m-0" and delivery.delivery_count == 0:
                raise RuntimeError("a handler bug")
            handled[delivery.message_id] = delivery.delivery_count
            await delivery.ack()

        cancel = await broker.consume(route.queue, 2, handler)
        for n in range(5):
            await broker.publish(route.message(n), timeout=WAIT)
        await eventually(lambda: len(handled) == 5)
        await cancel()
        assert handled == {"m-0": 1, "m-1": 0, "m-2": 0, "m-3": 0, "m-4": 0}
        assert await broker.queue_depth(route.dlq) == 0

    async def test_get_waits_then_returns_none(self, broker: Broker, route: Route) -> None:
        started = time.monotonic()
        assert await broker.get(route.queue, timeout=0.3) is None
        assert 0.25 < time.monotonic() - started < 3

    async def test_unknown_queues_are_refused(self, broker: Broker) -> None:
        async def handler(delivery: Delivery) -> None:
            await delivery.ack()

        with pytest.raises(LookupError):
            await broker.consume("no.such.queue", 1, handler)
        with pytest.raises(LookupError):
            await broker.queue_depth("no.such.queue")
        with pytest.raises(LookupError):
            await broker.get("no.such.queue", timeout=0.1)


def rabbitmqctl(*args: str) -> str:
    return subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, text=True, timeout=60).stdout


def connections_named(connection_name: str) -> list[str]:
    """Erlang pids (what close_connection takes on RabbitMQ 3.x) of the connections with this client name."""
    rows = rabbitmqctl("list_connections", "pid", "client_properties", "-q", "-s").splitlines()
    return [row.split("\t")[0] for row in rows if f'{{"connection_name","{connection_name}"}}' in row]


async def close_connection(connection_name: str) -> str:
    """Has the server close this test's own connection; returns the closed connection's pid."""
    pids = await asyncio.to_thread(connections_named, connection_name)
    assert len(pids) == 1, pids
    await asyncio.to_thread(rabbitmqctl, "close_connection", pids[0], "eventgen broker test")
    return pids[0]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def rabbitmq(topology: Topology) -> AsyncIterator[RabbitMQBroker]:
    broker = RabbitMQBroker(AMQP_URL, topology, reconnect_interval=0.5,
                            connection_name=f"eventgen-{topology.namespace}")
    await broker.start()
    try:
        assert await broker.wait_connected(WAIT), f"RabbitMQ is not reachable at {AMQP_URL} (EVENTGEN_TEST_AMQP_URL)"
        yield broker
    finally:
        await broker.close()
        await delete_namespace(topology)


@pytest.mark.rabbitmq
class TestRabbitMQBroker:
    async def test_start_returns_at_once_while_rabbitmq_is_down(self, topology: Topology, route: Route) -> None:
        broker = RabbitMQBroker(f"amqp://guest:guest@127.0.0.1:{closed_port()}/", topology, reconnect_interval=0.2)
        started = time.monotonic()
        await broker.start()
        assert time.monotonic() - started < 0.1
        await asyncio.sleep(0.5)
        assert not broker.connected
        started = time.monotonic()
        with pytest.raises(BrokerUnavailable):
            await broker.publish(route.message(1), timeout=1.0)
        assert 0.9 < time.monotonic() - started < 2.0
        started = time.monotonic()
        await broker.close()
        assert time.monotonic() - started < 2.0

    async def test_a_confirm_not_received_in_time_is_unavailable(self, rabbitmq: RabbitMQBroker, route: Route) -> None:
        # The publisher waits 1 ms at the least, and a small message was sometimes confirmed within it: RabbitMQ
        # cannot take 16 MiB, write them to the quorum queue's log and confirm them that fast.
        with pytest.raises(BrokerUnavailable):
            await rabbitmq.publish(route.message(1, body=b"x" * (16 << 20)), timeout=0.0001)
        await rabbitmq.publish(route.message(2), timeout=WAIT)

    async def test_a_conflicting_queue_is_reported(self, topology: Topology, route: Route,
                                                   caplog: pytest.LogCaptureFixture) -> None:
        async with await aio_pika.connect(AMQP_URL) as connection:
            channel = await connection.channel()
            await channel.declare_queue(route.queue, durable=True)  # classic, no dead-letter arguments
        broker = RabbitMQBroker(AMQP_URL, topology, reconnect_interval=0.5)
        try:
            await broker.start()
            assert not await broker.wait_connected(3)
            assert "differs from generated/topology.json" in caplog.text
        finally:
            await broker.close()
            await delete_namespace(topology)

    async def test_messages_are_persistent_quorum_queue_messages(self, rabbitmq: RabbitMQBroker, route: Route) -> None:
        await rabbitmq.publish(route.message(1), timeout=WAIT)
        async with await aio_pika.connect(AMQP_URL) as connection:
            channel = await connection.channel()
            queue = await channel.declare_queue(route.queue, passive=True)
            message = await queue.get(timeout=WAIT)
            assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
            assert (message.message_id, message.content_type) == ("m-1", "application/x-protobuf")
            assert message.headers["x-eventgen-test"] == "h-1"
            # The body is an LZ4 frame, as its content-encoding says.
            assert message.content_encoding == "lz4" and len(message.body) < len(route.message(1).body)
            assert lz4.frame.decompress(message.body) == route.message(1).body
            await message.ack()

    async def test_consumers_stop_reading_past_the_held_bytes_bound_and_go_on_as_messages_are_settled(
            self, topology: Topology, route: Route) -> None:
        size, total, bound = 100_000, 40, 1_000_000
        broker = RabbitMQBroker(AMQP_URL, topology, reconnect_interval=0.5, max_held_bytes=bound)
        await broker.start()
        try:
            assert await broker.wait_connected(WAIT)
            # Incompressible bodies, so the socket carries them whole.
            await asyncio.gather(*(broker.publish(route.message(n, body=os.urandom(size)), timeout=WAIT)
                                   for n in range(total)))
            held: list[Delivery] = []

            async def handler(delivery: Delivery) -> None:
                held.append(delivery)  # settled later, as a sinker does once the rows are stored

            cancel = await broker.consume(route.queue, total, handler)  # the prefetch alone would take them all
            await eventually(lambda: len(held) >= bound // size)
            await asyncio.sleep(1.0)
            connection = broker._deliveries
            assert connection is not None and not connection.reading
            # Past the bound by at most what one read of the socket brought.
            assert bound < connection.held_bytes <= bound + 3 * 131_072 and len(held) < total / 2, len(held)
            settled = 0
            while settled < total:
                await eventually(lambda done=settled: len(held) > done)
                batch, settled = held[settled:], len(held)
                for delivery in batch:
                    await delivery.ack()
            await cancel()
            assert connection.held_bytes == 0 and connection.reading
            assert sorted(d.message_id for d in held) == sorted(f"m-{n}" for n in range(total))
        finally:
            await broker.close()
            await delete_namespace(topology)

    async def test_bodies_go_as_they_are_without_compression_and_any_producers_are_read(
            self, topology: Topology, route: Route) -> None:
        broker = RabbitMQBroker(AMQP_URL, topology, reconnect_interval=0.5, compression="none")
        await broker.start()
        try:
            assert await broker.wait_connected(WAIT)
            await broker.publish(route.message(1), timeout=WAIT)
            async with await aio_pika.connect(AMQP_URL) as connection:
                channel = await connection.channel()
                queue = await channel.declare_queue(route.queue, passive=True)
                message = await queue.get(timeout=WAIT)
                assert (message.content_encoding, message.body) == (None, route.message(1).body)
                await message.ack()
                # Another producer's messages: plain, compressed, and compressed wrongly.
                for n, (body, encoding) in enumerate([(b"plain", None), (lz4.frame.compress(b"packed"), "lz4"),
                                                      (b"not an lz4 frame at all", "lz4")]):
                    await channel.default_exchange.publish(
                        aio_pika.Message(body, message_id=f"other-{n}", content_encoding=encoding), route.queue)
            received: dict[str, tuple[bytes, str | None]] = {}

            async def handler(delivery: Delivery) -> None:
                received[delivery.message_id] = (delivery.body, delivery.body_error)
                await delivery.ack()

            cancel = await broker.consume(route.queue, 10, handler)
            await eventually(lambda: len(received) == 3)
            await cancel()
            assert received["other-0"] == (b"plain", None) and received["other-1"] == (b"packed", None)
            body, error = received["other-2"]
            assert body == b"not an lz4 frame at all" and "is not an LZ4 frame" in (error or "")
        finally:
            await broker.close()
            await delete_namespace(topology)

    async def test_reconnects_and_resumes_consuming_after_the_server_closes_the_connection(
            self, rabbitmq: RabbitMQBroker, topology: Topology, route: Route) -> None:
        received: list[str] = []

        async def handler(delivery: Delivery) -> None:
            received.append(delivery.message_id)
            await delivery.ack()

        await rabbitmq.consume(route.queue, 10, handler)
        await rabbitmq.publish(route.message(1), timeout=WAIT)
        await eventually(lambda: received == ["m-1"])
        closed = await close_connection(f"eventgen-{topology.namespace}")
        await rabbitmq.publish(route.message(2), timeout=WAIT)  # waits for the reconnection
        await eventually(lambda: received == ["m-1", "m-2"])
        reopened = await asyncio.to_thread(connections_named, f"eventgen-{topology.namespace}")
        assert len(reopened) == 1 and reopened != [closed]

    async def test_the_consumers_of_every_queue_subscribe_side_by_side(
            self, rabbitmq: RabbitMQBroker, topology: Topology, route: Route, monkeypatch: pytest.MonkeyPatch) -> None:
        """Each subscription takes some ten round trips: the consumers of a sink's thirty-odd queues subscribe
        at once, not one after another, and each then delivers."""
        subscribing, most, done = 0, 0, 0
        subscribe = RabbitMQConsumer.ensure_subscribed

        async def counted(consumer: RabbitMQConsumer, connection: Any) -> None:
            nonlocal subscribing, most, done
            subscribing += 1
            most = max(most, subscribing)
            try:
                await subscribe(consumer, connection)
            finally:
                subscribing -= 1
                done += 1

        monkeypatch.setattr(RabbitMQConsumer, "ensure_subscribed", counted)
        received: list[str] = []

        async def handler(delivery: Delivery) -> None:
            received.append(delivery.message_id)
            await delivery.ack()

        queues = [spec["name"] for spec in topology.queues]
        for queue in queues:
            await rabbitmq.consume(queue, 10, handler)
        await eventually(lambda: done >= len(queues))
        assert most == len(queues) > 10
        await rabbitmq.publish(route.message(1), timeout=WAIT)
        await eventually(lambda: received == ["m-1"])

    async def test_consuming_resumes_after_the_server_closes_the_consumers_connection(
            self, rabbitmq: RabbitMQBroker, topology: Topology, route: Route) -> None:
        """The consumers have a connection of their own: lost, it is opened again and they subscribe again; a
        message delivered and not acked when it was lost comes again, marked redelivered."""
        received: list[tuple[str, bool]] = []
        held: list[Delivery] = []

        async def handler(delivery: Delivery) -> None:
            received.append((delivery.message_id, delivery.redelivered))
            if delivery.message_id == "m-2" and not delivery.redelivered:
                held.append(delivery)  # not acked when the connection goes
                return
            await delivery.ack()

        await rabbitmq.consume(route.queue, 10, handler)
        await rabbitmq.publish(route.message(1), timeout=WAIT)
        await rabbitmq.publish(route.message(2), timeout=WAIT)
        await eventually(lambda: len(received) == 2)
        await close_connection(f"eventgen-{topology.namespace} consumers")
        await rabbitmq.publish(route.message(3), timeout=WAIT)
        await eventually(lambda: {("m-2", True), ("m-3", False)} <= set(received))
        assert received[:2] == [("m-1", False), ("m-2", False)]
        with pytest.raises(BrokerUnavailable):  # its channel is gone: RabbitMQ requeued it
            await held[0].ack()
        assert await rabbitmq.queue_depth(route.queue) == 0

    async def test_the_consumers_connection_keeps_its_heartbeats_while_idle(self, topology: Topology,
                                                                            route: Route) -> None:
        """With a 1 s heartbeat (?heartbeat=1), RabbitMQ closes a connection that sends none for 2 s: idle for 4 s,
        the consumers' connection is still the one it was, and delivers."""
        url = f"{AMQP_URL}{'&' if '?' in AMQP_URL else '?'}heartbeat=1"
        broker = RabbitMQBroker(url, topology, reconnect_interval=0.5, connection_name=f"eventgen-{topology.namespace}")
        received: list[str] = []

        async def handler(delivery: Delivery) -> None:
            received.append(delivery.message_id)
            await delivery.ack()

        await broker.start()
        try:
            assert await broker.wait_connected(WAIT)
            await broker.consume(route.queue, 10, handler)
            await broker.publish(route.message(1), timeout=WAIT)
            await eventually(lambda: received == ["m-1"])
            before = await asyncio.to_thread(connections_named, f"eventgen-{topology.namespace} consumers")
            await asyncio.sleep(4)
            after = await asyncio.to_thread(connections_named, f"eventgen-{topology.namespace} consumers")
            assert len(before) == 1 and after == before
            await broker.publish(route.message(2), timeout=WAIT)
            await eventually(lambda: received == ["m-1", "m-2"])
        finally:
            await broker.close()
            await delete_namespace(topology)

    async def test_confirms_pending_when_the_connection_dies_fail_as_unavailable(
            self, rabbitmq: RabbitMQBroker, topology: Topology, route: Route) -> None:
        confirmed: list[str] = []
        failures: list[BaseException] = []
        stop = asyncio.Event()
        body = os.urandom(10_000)

        async def publisher(worker: int) -> None:
            n = 0
            while not stop.is_set():
                message = route.message(n, message_id=f"w{worker}-{n}", body=body)
                try:
                    await rabbitmq.publish(message, timeout=WAIT)
                    confirmed.append(message.message_id)
                except Exception as exc:  # noqa: BLE001 - every kind is collected and checked below
                    failures.append(exc)
                n += 1

        workers = [asyncio.create_task(publisher(w)) for w in range(100)]
        await eventually(lambda: len(confirmed) > 200)
        await close_connection(f"eventgen-{topology.namespace}")
        await eventually(lambda: bool(failures))
        confirmed_before = len(confirmed)
        await eventually(lambda: len(confirmed) > confirmed_before + 200)  # reconnected, publishing again
        stop.set()
        await asyncio.gather(*workers)
        assert failures and all(isinstance(exc, BrokerUnavailable) for exc in failures), failures[:3]
        # Every confirmed message is stored (some that failed may be too: retries must be idempotent).
        assert await rabbitmq.queue_depth(route.queue) >= len(confirmed)

    async def test_consumer_resumes_after_its_queue_is_deleted(self, rabbitmq: RabbitMQBroker, route: Route) -> None:
        received: list[str] = []

        async def handler(delivery: Delivery) -> None:
            received.append(delivery.message_id)
            await delivery.ack()

        await rabbitmq.consume(route.queue, 10, handler)
        await rabbitmq.publish(route.message(1), timeout=WAIT)
        await eventually(lambda: received == ["m-1"])
        async with await aio_pika.connect(AMQP_URL) as connection:
            channel = await connection.channel()
            await channel.queue_delete(route.queue)  # the server cancels the consumer
        deadline = time.monotonic() + WAIT
        while True:  # unroutable until the consumer has declared and bound its queue again
            try:
                await rabbitmq.publish(route.message(2), timeout=WAIT)
                break
            except PublishRejected:
                assert time.monotonic() < deadline, "the queue was not declared again"
                await asyncio.sleep(0.1)
        await eventually(lambda: received == ["m-1", "m-2"])


class TestMemoryBroker:
    async def test_a_full_queue_makes_publishers_wait_then_fail(self, topology: Topology, route: Route) -> None:
        broker = MemoryBroker(topology, max_queue_messages=2)
        await broker.start()
        try:
            for n in range(2):
                await broker.publish(route.message(n), timeout=1)
            started = time.monotonic()
            with pytest.raises(BrokerUnavailable):
                await broker.publish(route.message(2), timeout=0.3)
            assert 0.25 < time.monotonic() - started < 2
            waiting = asyncio.create_task(broker.publish(route.message(3), timeout=WAIT))
            delivery = await broker.get(route.queue, timeout=1)
            assert delivery is not None
            await asyncio.sleep(0.1)
            assert not waiting.done()  # delivered but not acked still counts
            await delivery.ack()
            await waiting
            assert await broker.queue_depth(route.queue) == 2
        finally:
            await broker.close()
