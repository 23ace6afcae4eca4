"""Runs an App in process for ingest tests and reads back what reached the broker's queues."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from runtime.app import App
from runtime.bench.ingest import delete_namespace
from runtime.generated import load_generated
from runtime.samples import SampleFactory
from runtime.settings import load_settings
from runtime.transport import stamped_events

SCHEMA = load_generated()
Envelope = SCHEMA.envelope.Envelope
Batch = SCHEMA.envelope.Batch


@asynccontextmanager
async def running_app(broker_url: str, namespace: str, **settings: Any) -> AsyncIterator[App]:
    # Ingest only unless asked: the tests read the queues themselves.
    app = App(load_settings({"grpc_port": 0, "http_port": 0, "broker_url": broker_url, "namespace": namespace,
                             "batch_linger_ms": 5, "role": "ingest", **settings}), schema=SCHEMA)
    await app.start()
    try:
        assert await app.broker.wait_connected(20), "the broker did not connect"
        yield app
    finally:
        await app.stop()
        if broker_url.startswith("amqp"):
            await delete_namespace(broker_url, SCHEMA, namespace)


def one_of_each(seed: int = 1, prefix: str = "ev") -> Any:
    """A batch with one event of every type, each with its own id, and a batch header."""
    factory = SampleFactory(seed, max_repeated=2)
    now_us = time.time_ns() // 1000
    batch = Batch()
    factory.fill(batch.header)
    for i, event_type in enumerate(SCHEMA.event_types):
        envelope = batch.events.add(event_id=f"{prefix}-{i}")
        factory.fill(getattr(envelope, SCHEMA.envelope.ARMS[event_type]))
        envelope.client_time.FromMicroseconds(now_us - 60_000_000 + i)  # recent: some tables keep 30 days
        if i % 2:  # half carry their own header, half get the batch's
            factory.fill(envelope.header)
    return batch


async def drain_queues(app: App, expected_events: int, timeout: float = 30) -> dict[str, list[tuple[Any, Any]]]:
    """Consumes (and acks) every queue until `expected_events` events were read:
    {event_type: [(delivery, StampedEvent), ...]}."""
    found: dict[str, list[tuple[Any, Any]]] = {}
    total = 0
    enough = asyncio.Event()

    async def handle(delivery: Any) -> None:
        nonlocal total
        batch = SCHEMA.transport.StampedBatch.FromString(delivery.body)
        for stamped in stamped_events(batch):
            found.setdefault(batch.event_type, []).append((delivery, stamped))
            total += 1
        await delivery.ack()
        if total >= expected_events:
            enough.set()

    cancels = [await app.broker.consume(q["name"], 500, handle) for q in app.topology.queues]
    try:
        if expected_events:
            await asyncio.wait_for(enough.wait(), timeout)
    except TimeoutError:
        pass
    finally:
        for cancel in cancels:
            await cancel()
    return found
