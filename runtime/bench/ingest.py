"""Ingest benchmark: concurrent gRPC clients sending batches of mixed events into a running service."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

from grpclib.client import Channel
from grpclib.const import Cardinality
from grpclib.encoding.proto import ProtoCodec
from grpclib.exceptions import GRPCError

from ..generated import GeneratedSchema
from ..samples import SampleFactory

__all__ = ["LoadResult", "drive_load", "sample_batches"]


def grpc_event_types(schema: GeneratedSchema) -> tuple[str, ...]:
    """The event types clients send over gRPC: all but those that arrive as provider webhooks."""
    return tuple(t for t in schema.event_types if t not in schema.envelope.WEBHOOK_PAYLOAD_FIELDS)


def sample_batches(schema: GeneratedSchema, count: int, events_per_batch: int, seed: int = 0,
                   types: tuple[str, ...] | None = None) -> list[Any]:
    """`count` batches of mixed event types (default: every type), each type in turn."""
    factory = SampleFactory(seed, max_repeated=2)
    types = types or schema.event_types
    batch_class = schema.envelope.Batch
    events_field = schema.envelope.BATCH_EVENTS_FIELD
    batches = []
    n = 0
    for _ in range(count):
        batch = batch_class()
        if schema.envelope.BATCH_HEADER_FIELD:
            factory.fill(getattr(batch, schema.envelope.BATCH_HEADER_FIELD))
        for _ in range(events_per_batch):
            envelope = getattr(batch, events_field).add()
            factory.fill(getattr(envelope, schema.envelope.ARMS[types[n % len(types)]]))
            n += 1
        batches.append(batch)
    return batches


class _PreEncoded(ProtoCodec):
    """Sends requests serialized beforehand, so the load generator spends its CPU on sending, not encoding."""

    def encode(self, message: Any, message_type: Any) -> bytes:
        return message if isinstance(message, bytes) else super().encode(message, message_type)


@dataclass
class LoadResult:
    seconds: float
    requests: int = 0
    accepted: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    # Events of batches whose call failed: the clients were not told they are stored.
    unacknowledged: int = 0
    # With unique ids: the ids of every event a client was told is stored.
    acked_ids: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        latencies = sorted(self.latencies_ms) or [0.0]
        return {
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "acked": self.accepted,
            "events_per_s": round(self.accepted / self.seconds) if self.seconds else 0,
            "p50_ms": round(statistics.median(latencies), 2),
            "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 2),
            "errors": dict(self.errors),
        }


async def drive_load(schema: GeneratedSchema, port: int, batches: list[Any], clients: int, seconds: float,
                     rate_per_s: float | None = None, host: str = "127.0.0.1", unique_ids: str = "",
                     metadata: dict[str, str] | None = None) -> LoadResult:
    """`clients` concurrent callers sending the batches round-robin for `seconds` (at most `rate_per_s`
    batches a second overall when given). With `unique_ids` (a prefix), every event sent gets an id of
    its own, and the result lists the ids the service acknowledged."""
    path, request_class, response_class = schema.dispatch_method()
    events_field = schema.envelope.BATCH_EVENTS_FIELD
    id_field = schema.envelope.ID_FIELD
    result = LoadResult(seconds=seconds)
    deadline = time.monotonic() + seconds
    sent = 0
    counts = [len(getattr(b, events_field)) for b in batches]
    encoded = [b.SerializeToString() for b in batches]
    interval = clients / rate_per_s if rate_per_s else 0.0

    async def client(number: int) -> None:
        nonlocal sent
        channel = Channel(host, port, codec=_PreEncoded())
        try:
            while time.monotonic() < deadline:
                index = sent % len(batches)
                sequence = sent
                sent += 1
                ids = []
                request: Any = encoded[index]
                if unique_ids and id_field:
                    request = batches[index]
                    for i, envelope in enumerate(getattr(request, events_field)):
                        ids.append(f"{unique_ids}-{sequence}-{i}")
                        setattr(envelope, id_field, ids[-1])
                    request = request.SerializeToString()
                started = time.perf_counter()
                try:
                    async with channel.request(path, Cardinality.UNARY_UNARY, request_class, response_class,
                                               metadata=metadata, timeout=30) as stream:
                        await stream.send_message(request, end=True)
                        response = await stream.recv_message()
                except (TimeoutError, GRPCError, OSError) as exc:
                    name = exc.status.name if isinstance(exc, GRPCError) else type(exc).__name__
                    result.errors[name] = result.errors.get(name, 0) + 1
                    result.unacknowledged += counts[index]
                    await asyncio.sleep(0.05)
                    continue
                elapsed = time.perf_counter() - started
                result.latencies_ms.append(elapsed * 1000)
                result.requests += 1
                result.accepted += response.accepted
                result.acked_ids.extend(ids)
                if interval:
                    await asyncio.sleep(max(0.0, interval - elapsed))
        finally:
            channel.close()

    started = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(clients)))
    result.seconds = time.monotonic() - started
    return result


async def delete_namespace(amqp_url: str, schema: GeneratedSchema, namespace: str) -> None:
    """Deletes the queues and exchanges a benchmark or test declared under its namespace."""
    import aio_pika

    from ..broker import Topology

    topology = Topology(schema.topology, namespace)
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        for queue in (*topology.queues, *topology.dead_letter_queues):
            await channel.queue_delete(queue["name"])
        for exchange in (*topology.exchanges, topology.dead_letter_exchange):
            await channel.exchange_delete(exchange["name"])


def run_ingest_bench(schema: GeneratedSchema, amqp_url: str, seconds: float, clients: int, batch_events: int,
                     log_dir: Any, extra_flags: tuple[str, ...] = (), mix: str = "grpc") -> dict[str, Any]:
    """Starts an ingest process on RabbitMQ, drives it, and returns the numbers."""
    import os
    import uuid

    from ._service import ServiceProcess

    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    service = ServiceProcess("--role", "ingest", "--broker-url", amqp_url, "--namespace", namespace, *extra_flags,
                             log=log_dir / "ingest-service.log")
    try:
        service.wait_ready()
        types = grpc_event_types(schema) if mix == "grpc" else schema.event_types
        batches = sample_batches(schema, 64, batch_events, types=types)
        asyncio.run(drive_load(schema, service.grpc_port, batches, clients, min(2.0, seconds)))  # warm-up
        load = asyncio.run(drive_load(schema, service.grpc_port, batches, clients, seconds))
        rss = _rss_mb(service.process.pid)
    finally:
        service.stop()
        asyncio.run(delete_namespace(amqp_url, schema, namespace))
    return {"benchmark": "ingest", "broker": "rabbitmq", "clients": clients, "batch_events": batch_events,
            "event_types": len(types),
            **load.summary(), "server_rss_mb": rss, "cpus": os.cpu_count()}


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0
