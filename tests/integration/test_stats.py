"""GET /stats on RabbitMQ: queue depths from the real broker, a queue deleted behind the service's back, and the
polling of the depths stopped at any moment."""

from __future__ import annotations

import asyncio
import random
import time

import aio_pika
import aiohttp
import pytest

from runtime.bench.ingest import delete_namespace
from runtime.broker import Topology
from runtime.broker.rabbitmq import RabbitMQBroker
from runtime.metrics import Metrics
from runtime.queue_depths import QueueDepths
from runtime.send import SendPlan, send_traffic
from tests.integration.ingest_harness import SCHEMA, running_app
from tests.integration.sink_harness import wait_for

pytestmark = pytest.mark.rabbitmq


async def stats_of(app) -> dict:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{app.http_port}/stats") as answer:
        assert answer.status == 200
        return await answer.json()


async def test_queue_depths_come_from_rabbitmq_and_a_missing_queue_is_named(amqp_url, namespace):
    async with running_app(amqp_url, namespace) as app:
        tally = await send_traffic(SCHEMA, SendPlan(grpc_port=app.grpc_port, events=300, batch=50, webhook_share=0))
        assert tally.summary()["accepted"] == 300
        queues = {app.topology.queue_of(t) for (_, t) in tally.accepted}

        async def all_counted() -> bool:
            stats = await stats_of(app)
            return all(stats["queues"][q]["ready"] for q in queues)

        assert await wait_for(all_counted, 20), await stats_of(app)
        stats = await stats_of(app)
        assert stats["broker"] == "amqp://***@" + amqp_url.rsplit("@", 1)[-1]  # no password
        assert stats["totals"]["dead_letters"] == 0
        assert all(q["dead_letter_queue"].startswith(f"{namespace}.") for q in stats["queues"].values())

        gone = sorted(queues)[0]
        connection = await aio_pika.connect(amqp_url)
        async with connection:
            await (await connection.channel()).queue_delete(gone)
        stats = await stats_of(app)
        assert stats["queues"][gone]["ready"] is None and "does not exist" in stats["queues"][gone]["error"]
        others = [q for q in queues if q != gone]
        assert all(stats["queues"][q]["ready"] for q in others)


@pytest.mark.timeout(60)  # what it guards against is a hang
async def test_stopping_the_depth_polling_leaves_the_rabbitmq_connection_up(amqp_url, namespace):
    """Stopping lands at any point of a poll (a channel opening, a declare, a channel closing): the call in
    progress ends, the broker's connection is never dropped by RabbitMQ, and stopping takes a bounded time."""
    topology = Topology(SCHEMA.topology, namespace)
    broker = RabbitMQBroker(amqp_url, topology)
    await broker.start()
    try:
        assert await broker.wait_connected(20)
        rng = random.Random(7)
        for _ in range(12):
            depths = QueueDepths(broker, topology, Metrics(), interval=0.0)  # polls without pause
            depths.start()
            await asyncio.sleep(rng.uniform(0.02, 0.3))
            started = time.monotonic()
            if not (await asyncio.wait({asyncio.ensure_future(depths.stop())}, timeout=15))[0]:
                pytest.fail("stopping the polling waited on a call that did not end")
            assert time.monotonic() - started < 5.0, "stopping the polling took too long"
            assert broker.connected and broker.reconnects == 0, "the broker's connection was lost"
        assert len(await QueueDepths(broker, topology, Metrics()).poll()) == len(topology.queues)
    finally:
        await broker.close()
        await delete_namespace(amqp_url, SCHEMA, namespace)
