"""gRPC ingestion against the in-process broker and the real RabbitMQ: every client kind, every source."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import urllib.request

import grpc
import pytest
from grpclib.client import Channel
from grpclib.const import Status
from grpclib.exceptions import GRPCError
from grpclib.health.v1.health_grpc import HealthStub
from grpclib.health.v1.health_pb2 import HealthCheckRequest, HealthCheckResponse
from grpclib.reflection.v1.reflection_grpc import ServerReflectionStub
from grpclib.reflection.v1.reflection_pb2 import ServerReflectionRequest

from tests.integration.conftest import AMQP_URL
from tests.integration.ingest_harness import SCHEMA, Batch, Envelope, drain_queues, one_of_each, running_app

# The generated stubs beside the batch's _pb2 module: grpclib's own, and the official grpcio one.
_PB2 = SCHEMA.envelope.Batch.__module__
envelope_grpc = importlib.import_module(_PB2.removesuffix("_pb2") + "_grpc")
envelope_pb2_grpc = importlib.import_module(_PB2 + "_grpc")

BROKERS = [pytest.param("memory://", id="memory"),
           pytest.param(AMQP_URL, id="rabbitmq", marks=pytest.mark.rabbitmq)]


async def dispatch(port: int, batch, metadata=None):
    channel = Channel("127.0.0.1", port)
    try:
        return await envelope_grpc.EventServiceStub(channel).Dispatch(batch, metadata=metadata, timeout=30)
    finally:
        channel.close()


@pytest.mark.parametrize("broker_url", BROKERS)
async def test_events_of_every_source_land_in_their_queues_as_sent(broker_url, namespace):
    batch = one_of_each()
    async with running_app(broker_url, namespace) as app:
        response = await dispatch(app.grpc_port, batch)
        assert response.accepted == len(SCHEMA.event_types) and not response.rejected
        found = await drain_queues(app, len(SCHEMA.event_types))
    assert sorted(found) == sorted(SCHEMA.event_types)
    sent = {e.event_id: e for e in batch.events}
    for event_type, deliveries in found.items():
        (delivery, stamped), = deliveries
        assert delivery.routing_key == event_type
        assert delivery.headers["event_type"] == event_type
        assert app.topology.queue_of(event_type) in {q["name"] for q in app.topology.queues}
        expected = Envelope()
        expected.CopyFrom(sent[stamped.event_id])
        if not expected.HasField("header"):
            expected.header.CopyFrom(batch.header)
        assert Envelope.FromString(stamped.envelope) == expected
        assert stamped.client_time_us == expected.client_time.ToMicroseconds()
        assert stamped.event_time_us == stamped.client_time_us <= stamped.received_at_us


@pytest.mark.parametrize("broker_url", BROKERS)
async def test_bad_events_are_rejected_one_by_one_and_the_rest_accepted(broker_url, namespace):
    batch = Batch()
    good = batch.events.add(event_id="good-1")
    good.page_viewed.url = "/a"
    batch.events.add(event_id="empty")
    unknown = Envelope(event_id="future")
    # A client on a newer schema: an event this server has never heard of, as field 999.
    raw = unknown.SerializeToString() + b"\xba\x3e\x02\x08\x01"
    batch.events.add().MergeFromString(raw)
    async with running_app(broker_url, namespace) as app:
        response = await dispatch(app.grpc_port, batch)
        found = await drain_queues(app, 1)
    assert response.accepted == 1
    assert [(r.index, r.code) for r in response.rejected] == [(1, "missing_payload"), (2, "unknown_event")]
    assert "oneof payload" in response.rejected[0].reason and "999" in response.rejected[1].reason
    assert [s.event_id for _, s in found["page_viewed"]] == ["good-1"]


async def test_bearer_token_is_required_when_configured(namespace):
    batch = one_of_each()
    async with running_app("memory://", namespace, auth_token="s3cret") as app:
        with pytest.raises(GRPCError) as caught:
            await dispatch(app.grpc_port, batch)
        assert caught.value.status is Status.UNAUTHENTICATED
        with pytest.raises(GRPCError):
            await dispatch(app.grpc_port, batch, metadata={"authorization": "Bearer wrong"})
        response = await dispatch(app.grpc_port, batch, metadata={"authorization": "Bearer s3cret"})
        assert response.accepted == len(SCHEMA.event_types)


async def test_an_oversize_request_is_refused_before_it_is_read(namespace):
    batch = Batch()
    for i in range(200):
        batch.events.add(event_id=f"big-{i}").page_viewed.url = "x" * 1000
    async with running_app("memory://", namespace, max_message_bytes=64 * 1024) as app:
        with pytest.raises(GRPCError) as caught:
            await dispatch(app.grpc_port, batch)
        assert caught.value.status is Status.RESOURCE_EXHAUSTED
        assert "over the limit of 65536" in caught.value.message
        # The server is fine afterwards.
        assert (await dispatch(app.grpc_port, one_of_each())).accepted == len(SCHEMA.event_types)


async def test_garbage_bytes_get_invalid_argument_from_an_official_grpcio_client(namespace):
    async with running_app("memory://", namespace) as app:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{app.grpc_port}") as channel:
            raw = channel.unary_unary("/events.v1.EventService/Dispatch", request_serializer=lambda b: b,
                                      response_deserializer=lambda b: b)
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await raw(b"\xff\xff\xff\x0f\x01")
            assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
            assert "not a valid events.v1.EventBatch" in caught.value.details()
            stub = envelope_pb2_grpc.EventServiceStub(channel)
            response = await stub.Dispatch(one_of_each(prefix="grpcio"))
            assert response.accepted == len(SCHEMA.event_types)


async def test_the_generated_betterproto2_sdk_works_against_the_server(namespace):
    sys.path.insert(0, str(SCHEMA.root / "sdk"))
    from eventgen_sdk.events import v1 as sdk

    async with running_app("memory://", namespace) as app:
        channel = Channel("127.0.0.1", app.grpc_port)
        try:
            batch = sdk.EventBatch(events=[sdk.Event(event_id="sdk-1", page_viewed=sdk.PageViewed(url="/sdk"))])
            response = await sdk.EventServiceStub(channel).dispatch(batch)
        finally:
            channel.close()
        assert response.accepted == 1
        found = await drain_queues(app, 1)
    (_, stamped), = found["page_viewed"]
    assert Envelope.FromString(stamped.envelope).page_viewed.url == "/sdk"


async def test_health_reflection_and_http_probes(namespace):
    async with running_app("memory://", namespace) as app:
        channel = Channel("127.0.0.1", app.grpc_port)
        try:
            await asyncio.sleep(0.3)
            health = await HealthStub(channel).Check(HealthCheckRequest(service="events.v1.EventService"))
            assert health.status == HealthCheckResponse.SERVING
            stream_reply = []
            async with ServerReflectionStub(channel).ServerReflectionInfo.open() as stream:
                await stream.send_message(ServerReflectionRequest(list_services=""), end=True)
                stream_reply = [reply async for reply in stream]
            names = {s.name for s in stream_reply[0].list_services_response.service}
            assert {"events.v1.EventService", "grpc.health.v1.Health"} <= names
        finally:
            channel.close()
        base = f"http://127.0.0.1:{app.http_port}"
        loop = asyncio.get_running_loop()
        ready = await loop.run_in_executor(None, lambda: urllib.request.urlopen(f"{base}/readyz").read())
        assert json.loads(ready)["status"] == "ready"
        await dispatch(app.grpc_port, one_of_each())
        metrics = await loop.run_in_executor(None, lambda: urllib.request.urlopen(f"{base}/metrics").read().decode())
        assert 'eventgen_events_accepted_total{event_type="page_viewed",source="web"} 1.0' in metrics
        stopping = asyncio.create_task(app.stop())
        await asyncio.sleep(0.05)
        assert app.ready() == (False, "draining")
        await stopping
