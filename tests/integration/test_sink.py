"""The sink on the real RabbitMQ and the real ClickHouse engine: every type, poison and replay, direct queues.
Crashes and outages are in the fault suite (tests/fault).

Both of the sink's write paths run here: the generated transformer (what small inserts take), and the insert
ClickHouse decodes itself, forced for every insert with native_insert_min_rows = 0."""

from __future__ import annotations

import asyncio
import os

import aio_pika
import lz4.frame
import pytest
from grpclib.const import Status
from grpclib.exceptions import GRPCError

from runtime.broker import BrokerUnavailable, OutgoingMessage
from runtime.sink.dead_letters import drop, list_dead_letters, replay
from runtime.sink.poison import ERROR_HEADER
from runtime.transport import ATTEMPT_METADATA, StampedEvent, make_batch
from tests.integration.conftest import AMQP_URL
from tests.integration.ingest_harness import SCHEMA, Batch, one_of_each, running_app
from tests.integration.sink_harness import wait_for
from tests.integration.test_ingest_grpc import dispatch

# Every insert through the generated insert ClickHouse decodes, whatever its size.
PROTOBUF = {"native_insert_min_rows": 0}
SINKS = [pytest.param("memory://", PROTOBUF, id="memory-protobuf-insert"),
         pytest.param(AMQP_URL, {}, id="rabbitmq-transformer", marks=pytest.mark.rabbitmq)]
pytestmark = pytest.mark.clickhouse
# Rows show up a few tenths of a second after they come, not after each queue's interval from the schema (up to
# 10 s): what is tested here does not depend on when a buffered sinker flushes.
SOON = {"sink_flush_interval_ms": 300}


def clickhouse_url(tmp_path) -> str:
    return os.environ.get("EVENTGEN_TEST_CLICKHOUSE_URL") or f"chdb://{tmp_path / 'clickhouse'}"


async def count(app, table: str, where: str = "1") -> int:
    return (await app.store.query(f"SELECT count() FROM {table} WHERE {where}"))[0][0]


@pytest.mark.parametrize(("broker_url", "sink"), SINKS)
async def test_events_of_every_type_are_stored_once(broker_url, sink, namespace, tmp_path):
    batch = one_of_each(prefix="every")
    async with running_app(broker_url, namespace, role="all", clickhouse_url=clickhouse_url(tmp_path),
                           **SOON, **sink) as app:
        assert (await dispatch(app.grpc_port, batch)).accepted == len(SCHEMA.event_types)
        # The same batch again (a client retry): ids are the same, nothing is stored twice.
        await dispatch(app.grpc_port, batch)
        tables = sorted({SCHEMA.transformers.TABLES[t] for t in SCHEMA.event_types})

        async def all_there() -> bool:
            total = 0
            for table in tables:
                total += await count(app, table, "event_id LIKE 'every-%'")
            return total >= len(SCHEMA.event_types)

        assert await wait_for(all_there, 30)
        buffered = [s for s in app.sink.sinkers.values() if not s.direct]
        assert buffered and {s.interval for s in buffered} == {0.3}, "sink_flush_interval_ms overrides the schema's"
        for event_type in SCHEMA.event_types:
            table = SCHEMA.transformers.TABLES[event_type]
            rows = await app.store.query(f"SELECT event_id, source FROM {table} FINAL WHERE event_type = %(t)s",
                                         {"t": event_type})
            assert [r[0] for r in rows] == [f"every-{SCHEMA.event_types.index(event_type)}"], event_type
            assert rows[0][1] == SCHEMA.envelope.SOURCES[event_type]
        # Which path stored them: ClickHouse decoded every type that has a protobuf insert, and refused none.
        registry = app.metrics.registry
        decoded = {t for t in tables if registry.get_sample_value("eventgen_protobuf_inserts_total", {"table": t})}
        expected = {SCHEMA.inserts["events"][t]["table"] for t in SCHEMA.event_types
                    if "select" in SCHEMA.inserts["events"][t]} if sink else set()
        assert decoded == expected
        assert not any(registry.get_sample_value("eventgen_protobuf_inserts_refused_total", {"event_type": t})
                       for t in SCHEMA.event_types)


@pytest.mark.parametrize(("broker_url", "sink"), SINKS)
async def test_a_poison_event_alone_is_dead_lettered_and_replayed_after_a_fix(broker_url, sink, namespace, tmp_path):
    """ClickHouse refuses the batch (a constraint): the transformer's path finds the one event it refuses (so the
    protobuf insert's refusal also falls back to it), the rest is stored."""
    batch = Batch()
    for i in range(10):
        batch.events.add(event_id=f"p-{i}").page_viewed.url = "poison" if i == 4 else f"/page/{i}"
    async with running_app(broker_url, namespace, role="all", clickhouse_url=clickhouse_url(tmp_path),
                           **SOON, **sink) as app:
        await app.store.command("ALTER TABLE events.page_viewed ADD CONSTRAINT no_poison CHECK page_url != 'poison'")
        assert (await dispatch(app.grpc_port, batch)).accepted == 10
        dlq = app.topology.queue_of("page_viewed") + ".dlq"

        async def dead_lettered() -> bool:
            return await app.broker.queue_depth(dlq) == 1

        assert await wait_for(dead_lettered, 30), "the poison event did not reach the dead-letter queue"
        assert await count(app, "events.page_viewed") == 9
        refused = app.metrics.registry.get_sample_value("eventgen_protobuf_inserts_refused_total",
                                                        {"event_type": "page_viewed"})
        assert (refused or 0) == (1 if sink else 0)  # then paused for the event type: the retries skip it
        summary, = await list_dead_letters(app.broker, app.topology, SCHEMA, queue=dlq)
        assert summary.events == 1 and summary.event_types == {"page_viewed": 1}
        error, = summary.errors
        assert "no_poison" in error
        delivery = await app.broker.get(dlq, timeout=5)
        assert delivery.headers["x-eventgen-deliveries"] == "3"  # the first delivery and 2 redeliveries
        assert ERROR_HEADER in delivery.headers
        await delivery.reject(requeue=True)
        for other in app.topology.dead_letter_queues:
            if other["name"] != dlq:
                assert await app.broker.queue_depth(other["name"]) == 0

        await app.store.command("ALTER TABLE events.page_viewed DROP CONSTRAINT no_poison")
        assert (await replay(app.broker, app.topology, SCHEMA))["replayed"] == 1

        async def all_ten() -> bool:
            return await count(app, "events.page_viewed") == 10

        assert await wait_for(all_ten, 30)
        # Replaying again finds nothing; the event is stored once.
        assert (await replay(app.broker, app.topology, SCHEMA))["replayed"] == 0
        await asyncio.sleep(1.5)
        assert await count(app, "events.page_viewed", "event_id = 'p-4'") == 1


async def test_events_the_transformer_refuses_are_set_apart_and_the_rest_stored(namespace, tmp_path):
    """An event whose envelope cannot be read (only a client of the broker itself can publish one): the other
    events of its message are stored, it goes on alone and is dead-lettered, as is a message of only such."""
    now = 1_767_225_600_000_000
    good = Batch()
    for i in range(2):
        good.events.add(event_id=f"tr-{i}").page_viewed.url = f"/page/{i}"
    events = [StampedEvent(f"tr-{i}", now, now, None, good.events[i].SerializeToString()) for i in range(2)]
    unreadable = StampedEvent("tr-bad", now, now, None, b"\xff\xff\xff")
    async with running_app("memory://", namespace, role="all", clickhouse_url=clickhouse_url(tmp_path),
                           **SOON) as app:
        exchange, routing_key = app.topology.route("page_viewed")
        for key, stamped in (("mixed", [events[0], unreadable, events[1]]),
                             ("only-bad", [StampedEvent("tr-bad-2", now, now, None, b"\x0a")])):
            body = make_batch(SCHEMA.transport.StampedBatch, "page_viewed", stamped).SerializeToString()
            await app.broker.publish(OutgoingMessage(exchange, routing_key, body, key, {"event_type": "page_viewed"}),
                                     5)
        dlq = app.topology.queue_of("page_viewed") + ".dlq"

        async def dead_lettered() -> bool:
            return await app.broker.queue_depth(dlq) == 2

        assert await wait_for(dead_lettered, 30), "the unreadable events did not reach the dead-letter queue"
        rows = await app.store.query("SELECT event_id FROM events.page_viewed WHERE event_id LIKE 'tr-%' "
                                     "ORDER BY event_id")
        assert rows == [("tr-0",), ("tr-1",)]
        summaries = await list_dead_letters(app.broker, app.topology, SCHEMA, queue=dlq)
        assert sum(summary.events for summary in summaries) == 2
        assert all("DecodeError" in error for summary in summaries for error in summary.errors)


@pytest.mark.rabbitmq
async def test_messages_from_any_producer_compressed_or_not_are_stored_and_a_broken_frame_dead_lettered(
        namespace, tmp_path):
    """eventgen publishes LZ4 frames (content-encoding lz4); another producer's plain or compressed batches are
    stored alike, and a body its content-encoding misdescribes goes to the dead-letter queue saying so."""
    now = 1_767_225_600_000_000

    def body(event_id: str) -> bytes:
        batch = Batch()
        batch.events.add(event_id=event_id).page_viewed.url = f"/{event_id}"
        stamped = [StampedEvent(event_id, now, now, None, batch.events[0].SerializeToString())]
        return make_batch(SCHEMA.transport.StampedBatch, "page_viewed", stamped).SerializeToString()

    async with running_app(AMQP_URL, namespace, role="all", clickhouse_url=clickhouse_url(tmp_path), **SOON) as app:
        queue = app.topology.queue_of("page_viewed")
        async with await aio_pika.connect(AMQP_URL) as connection:
            channel = await connection.channel()
            for key, data, encoding in (("plain", body("ce-plain"), None),
                                        ("packed", lz4.frame.compress(body("ce-packed")), "lz4"),
                                        ("broken", body("ce-broken"), "lz4")):
                await channel.default_exchange.publish(
                    aio_pika.Message(data, message_id=key, content_encoding=encoding,
                                     delivery_mode=aio_pika.DeliveryMode.PERSISTENT), queue)

        async def settled() -> bool:
            return await app.broker.queue_depth(queue + ".dlq") == 1 and await count(
                app, "events.page_viewed", "event_id LIKE 'ce-%'") == 2

        assert await wait_for(settled, 30), "the plain and packed batches were not stored, or the broken not set apart"
        rows = await app.store.query("SELECT event_id FROM events.page_viewed WHERE event_id LIKE 'ce-%' ORDER BY 1")
        assert rows == [("ce-packed",), ("ce-plain",)]
        dead = await app.broker.get(queue + ".dlq", timeout=5)
        assert dead is not None and dead.message_id == "broken"
        assert "is not an LZ4 frame" in str(dead.headers[ERROR_HEADER])
        await dead.ack()


@pytest.mark.rabbitmq
async def test_replay_puts_events_still_invalid_back_once_and_ends(namespace):
    """A dead-lettered message of a good and an unreadable event, and one that is not a batch at all: replay
    publishes the good event, puts the rest back in the dead-letter queue, and does not read them again."""
    now = 1_767_225_600_000_000
    good = Batch()
    good.events.add(event_id="dl-0").page_viewed.url = "/page/0"
    mixed = [StampedEvent("dl-0", now, now, None, good.events[0].SerializeToString()),
             StampedEvent("dl-bad", now, now, None, b"\xff\xff\xff")]
    async with running_app(AMQP_URL, namespace) as app:
        queue = app.topology.queue_of("page_viewed")
        dlq, dlx = f"{queue}.dlq", app.topology.dead_letter_exchange["name"]
        body = make_batch(SCHEMA.transport.StampedBatch, "page_viewed", mixed).SerializeToString()
        for key, data in (("mixed", body), ("garbage", b"\xff")):
            await app.broker.publish(OutgoingMessage(dlx, queue, data, key, {"event_type": "page_viewed"}), 5)
        async with asyncio.timeout(30):
            first = await replay(app.broker, app.topology, SCHEMA)
            again = await replay(app.broker, app.topology, SCHEMA)
        assert first == {"messages": 2, "replayed": 1, "still_invalid": 2}
        assert again == {"messages": 2, "replayed": 0, "still_invalid": 2}
        assert await app.broker.queue_depth(dlq) == 2
        assert await app.broker.queue_depth(queue) == 1
        assert (await drop(app.broker, app.topology, queue=dlq)) == 2
        assert await app.broker.queue_depth(dlq) == 0


@pytest.mark.rabbitmq
async def test_a_direct_queue_inserts_at_once_and_drains_a_backlog_in_few_inserts(namespace, tmp_path):
    direct = next(q for q in SCHEMA.topology["queues"] if q["sink"]["mode"] == "direct")
    event_type = direct["event_types"][0]
    table = SCHEMA.transformers.TABLES[event_type]
    envelope = next(e for e in one_of_each(prefix="direct").events
                    if e.WhichOneof(SCHEMA.envelope.ONEOF) == SCHEMA.envelope.ARMS[event_type])

    def one_event(i: int) -> Batch:
        batch = Batch()
        batch.events.add().CopyFrom(envelope)
        batch.events[0].event_id = f"direct-{i}"
        return batch

    async def stored(app, rows: int) -> bool:
        return await count(app, table, "event_id LIKE 'direct-%'") >= rows

    async with running_app(AMQP_URL, namespace) as ingest:
        for i in range(30):  # a backlog of 30 messages of one event each, no sink running
            await dispatch(ingest.grpc_port, one_event(i))
        async with running_app(AMQP_URL, namespace, role="sink", clickhouse_url=clickhouse_url(tmp_path)) as sink:
            assert await wait_for(lambda: stored(sink, 30), 30)
            inserts = sink.metrics.registry.get_sample_value("eventgen_insert_seconds_count", {"table": table})
            assert inserts < 30, f"{inserts} inserts for a backlog of 30 messages"
            # One message alone is inserted at once, not after a flush interval.
            started = asyncio.get_running_loop().time()
            await dispatch(ingest.grpc_port, one_event(30))
            assert await wait_for(lambda: stored(sink, 31), 10, poll=0.02)
            assert asyncio.get_running_loop().time() - started < direct["sink"]["flush_interval_ms"] / 1000
            queue = next(q["name"] for q in sink.topology.queues if q["event_types"] == direct["event_types"])
            flushes = sink.metrics.registry.get_sample_value("eventgen_sink_flushes_total",
                                                             {"queue": queue, "reason": "direct"})
            assert flushes is not None and 2 <= flushes <= inserts + 1


class ConfirmsLost:
    """A broker that stores every message but whose confirms never reach ingest: the connection dropped after
    the broker took the message. Ingest answers UNAVAILABLE, and the client retries events already queued."""

    def __init__(self, broker) -> None:
        self.broker = broker
        self.lost = 0

    async def publish(self, message, timeout: float) -> None:
        await self.broker.publish(message, timeout)
        self.lost += 1
        raise BrokerUnavailable("the connection closed before the broker's confirm arrived")


@pytest.mark.rabbitmq
@pytest.mark.parametrize(("told_by", "sink"), [pytest.param("ingest", {}, id="ingest-transformer"),
                                               pytest.param("client", PROTOBUF, id="client-protobuf-insert")])
async def test_a_retry_of_a_call_whose_confirms_were_lost_is_stored_once(told_by, sink, namespace, tmp_path):
    """The retry goes out in messages composed differently (with another call's events), so neither the message
    id nor the insert token matches the first copy: only the event ids do. Ingest marks the retry's messages
    because it saw the lost confirms ("ingest"), or because the client numbers its attempt ("client": as when the
    retry reaches another ingest process)."""
    first, other = one_of_each(prefix="lost"), one_of_each(prefix="other")
    for envelope in [*first.events, *other.events]:  # stamped at arrival: the retry's are later than the first's
        envelope.ClearField("client_time")
    expected = len(SCHEMA.event_types)
    tables = sorted({SCHEMA.transformers.TABLES[t] for t in SCHEMA.event_types})

    async def copies(app, prefix: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for table in tables:
            for event_id, n in await app.store.query(
                    f"SELECT event_id, count() FROM {table} WHERE event_id LIKE '{prefix}-%' GROUP BY event_id"):
                found[event_id] = found.get(event_id, 0) + n
        return found

    async with running_app(AMQP_URL, namespace, role="all", clickhouse_url=clickhouse_url(tmp_path),
                           batch_linger_ms=300, **SOON, **sink) as app:
        publisher = app.pipeline._publisher  # noqa: SLF001
        real = publisher.broker
        publisher.broker = lost = ConfirmsLost(real)
        with pytest.raises(GRPCError) as failed:
            await dispatch(app.grpc_port, first)
        assert failed.value.status == Status.UNAVAILABLE

        async def all_published() -> bool:  # the call is answered at the first failure
            return lost.lost == expected

        assert await wait_for(all_published, 10)
        publisher.broker = real

        async def first_stored() -> bool:
            return len(await copies(app, "lost")) == expected

        assert await wait_for(first_stored, 30), "the broker held the events: the sink should store them"
        metadata = None
        if told_by == "client":
            publisher._in_doubt_until = 0.0  # noqa: SLF001  (another process saw no failure)
            metadata = {ATTEMPT_METADATA: "2"}
        # The retry and another call in one linger: each type's message carries both calls' events.
        answers = await asyncio.gather(dispatch(app.grpc_port, first, metadata), dispatch(app.grpc_port, other))
        assert [a.accepted for a in answers] == [expected, expected]

        async def other_stored() -> bool:
            return len(await copies(app, "other")) == expected

        assert await wait_for(other_stored, 30)
        await asyncio.sleep(0.5)  # a duplicate would be in the same insert as the other call's events
        assert await copies(app, "lost") == {f"lost-{i}": 1 for i in range(expected)}
        assert await copies(app, "other") == {f"other-{i}": 1 for i in range(expected)}
