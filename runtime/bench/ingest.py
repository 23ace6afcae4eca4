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
from grpclib.exceptions import GRPCError, StreamTerminatedError

from ..generated import GeneratedSchema
from ..samples import SampleFactory
from ..transport import attempt_metadata

__all__ = ["LoadResult", "drive_load", "grpc_event_types", "percentile", "sample_batches"]


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
    # Events of batches whose call failed (and, with retries, was not answered by a retry either): the
    # clients were not told they are stored.
    unacknowledged: int = 0
    # Events in the calls made, each call counted once however often it was retried; and the retries.
    sent: int = 0
    retries: int = 0
    # One entry per answered call: (seconds since the load started, when the answer came; latency in ms;
    # events accepted), for per-second series.
    timeline: list[tuple[float, float, int]] = field(default_factory=list)
    # With unique ids: one entry per answered call, (id prefix of the call, events in it, indices the
    # service rejected). Event i of a call has the id f"{prefix}-{i}".
    acked_calls: list[tuple[str, int, tuple[int, ...]]] = field(default_factory=list)

    @property
    def acked_ids(self) -> list[str]:
        """The ids of every event a client was told is stored."""
        return [f"{key}-{i}" for key, n, rejected in self.acked_calls for i in range(n) if i not in rejected]

    def summary(self) -> dict[str, Any]:
        latencies = sorted(self.latencies_ms) or [0.0]
        return {
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "acked": self.accepted,
            "events_per_s": round(self.accepted / self.seconds) if self.seconds else 0,
            "p50_ms": round(statistics.median(latencies), 2),
            "p99_ms": round(percentile(latencies, 0.99), 2),
            "errors": dict(self.errors),
        }


def percentile(ordered: list[float], fraction: float) -> float:
    """The value below which `fraction` of the sorted values lie (nearest rank)."""
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


async def drive_load(schema: GeneratedSchema, port: int, batches: list[Any], clients: int, seconds: float,
                     rate_per_s: float | None = None, host: str = "127.0.0.1", unique_ids: str = "",
                     metadata: dict[str, str] | None = None, events_per_s: float | None = None,
                     retry_s: float = 0.0) -> LoadResult:
    """`clients` concurrent callers sending the batches round-robin for `seconds` (at most `rate_per_s`
    batches a second overall when given). With `unique_ids` (a prefix), every event sent gets an id of
    its own, and the result lists the ids the service acknowledged. With `retry_s` (closed loop only), a
    client sends a failed call again, with the same ids, until it is answered or `retry_s` seconds have
    passed since the end of the load.

    With `events_per_s`, the load is open-loop instead: calls start on a fixed schedule whatever the
    answers, over `clients` connections with up to 4 calls in flight on each, and each latency counts
    from the call's scheduled start, so a slow answer delays no measurement (no coordinated omission)."""
    path, request_class, response_class = schema.dispatch_method()
    events_field = schema.envelope.BATCH_EVENTS_FIELD
    id_field = schema.envelope.ID_FIELD
    result = LoadResult(seconds=seconds)
    counts = [len(getattr(b, events_field)) for b in batches]
    encoded = [b.SerializeToString() for b in batches]
    interval = clients / rate_per_s if rate_per_s else 0.0
    channels = [Channel(host, port, codec=_PreEncoded()) for _ in range(clients)]
    origin = time.monotonic()
    deadline = origin + seconds

    async def call(sequence: int, channel: Channel, scheduled: float | None = None,
                   final: bool = True, attempt: int = 1) -> tuple[float, bool]:
        """One Dispatch of batch `sequence`: how long it took in seconds, and whether it was answered. A failed
        call's events count as unacknowledged when it is the `final` attempt."""
        index = sequence % len(batches)
        request: Any = encoded[index]
        key = ""
        if unique_ids and id_field:
            key = f"{unique_ids}-{sequence}"
            request = batches[index]
            for i, envelope in enumerate(getattr(request, events_field)):
                setattr(envelope, id_field, f"{key}-{i}")
            request = request.SerializeToString()
        started = time.perf_counter()
        try:
            async with channel.request(path, Cardinality.UNARY_UNARY, request_class, response_class,
                                       metadata=attempt_metadata(metadata, attempt), timeout=30) as stream:
                await stream.send_message(request, end=True)
                response = await stream.recv_message()
        except (TimeoutError, GRPCError, OSError, StreamTerminatedError) as exc:  # the last: the server went away
            name = exc.status.name if isinstance(exc, GRPCError) else type(exc).__name__
            result.errors[name] = result.errors.get(name, 0) + 1
            if final:
                result.unacknowledged += counts[index]
            await asyncio.sleep(0.05)
            return time.perf_counter() - started, False
        elapsed = time.perf_counter() - started
        now = time.monotonic()
        latency = now - scheduled if scheduled is not None else elapsed
        result.latencies_ms.append(latency * 1000)
        result.timeline.append((now - origin, latency * 1000, response.accepted))
        result.requests += 1
        result.accepted += response.accepted
        if key:
            result.acked_calls.append((key, counts[index], tuple(r.index for r in response.rejected)))
        return elapsed, True

    async def closed_loop(channel: Channel) -> None:
        nonlocal sent
        while time.monotonic() < deadline:
            sequence, sent = sent, sent + 1
            result.sent += counts[sequence % len(batches)]
            pause = 0.05
            attempt = 0
            while True:
                final = not retry_s or time.monotonic() >= deadline + retry_s
                attempt += 1
                elapsed, answered = await call(sequence, channel, final=final, attempt=attempt)
                if answered or final:
                    break
                result.retries += 1
                await asyncio.sleep(pause)  # after call()'s own 50 ms: up to 0.5 s between attempts
                pause = min(pause * 2, 0.45)
            if interval:
                await asyncio.sleep(max(0.0, interval - elapsed))

    async def open_loop(calls_per_s: float) -> None:
        slots = asyncio.Semaphore(4 * clients)
        running: set[asyncio.Task[float]] = set()

        async def scheduled_call(sequence: int, scheduled: float) -> float:
            async with slots:
                result.sent += counts[sequence % len(batches)]
                return (await call(sequence, channels[sequence % clients], scheduled))[0]

        sequence = 0
        while (scheduled := origin + sequence / calls_per_s) < deadline:
            await asyncio.sleep(max(0.0, scheduled - time.monotonic()))
            task = asyncio.get_running_loop().create_task(scheduled_call(sequence, scheduled))
            running.add(task)
            task.add_done_callback(running.discard)
            sequence += 1
        if running:
            await asyncio.wait(running)

    sent = 0
    try:
        if events_per_s:
            await open_loop(events_per_s / (sum(counts) / len(counts)))
        else:
            await asyncio.gather(*(closed_loop(channel) for channel in channels))
    finally:
        for channel in channels:
            channel.close()
    result.seconds = time.monotonic() - origin
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
                     log_dir: Any, extra_flags: tuple[str, ...] = (), mix: str = "grpc",
                     processes: int = 1) -> dict[str, Any]:
    """Starts `processes` ingest processes on RabbitMQ (more than one share the gRPC port with SO_REUSEPORT, so
    the kernel spreads the clients' connections over them), drives them, and returns the numbers."""
    import os
    import uuid

    from ._resources import cpu_seconds, rabbitmq_pid
    from ._service import ServiceProcess, free_port

    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    shared = ("--reuse-port",) if processes > 1 else ()
    port = free_port()
    services = [ServiceProcess("--role", "ingest", "--broker-url", amqp_url, "--namespace", namespace, *shared,
                               *extra_flags, grpc_port=port, log=log_dir / f"ingest-service-{i}.log")
                for i in range(processes)]
    try:
        for service in services:
            service.wait_ready()
        types = grpc_event_types(schema) if mix == "grpc" else schema.event_types
        batches = sample_batches(schema, 64, batch_events, types=types)
        asyncio.run(drive_load(schema, port, batches, clients, min(2.0, seconds)))  # warm-up
        broker_pid = rabbitmq_pid()

        def cpu() -> tuple[float, float, float]:
            return (sum(cpu_seconds(service.process.pid) for service in services),
                    cpu_seconds(broker_pid) if broker_pid else 0.0, time.process_time())

        cpu0 = cpu()
        load = asyncio.run(drive_load(schema, port, batches, clients, seconds))
        cpu1 = cpu()
        rss = [_rss_mb(service.process.pid) for service in services]
    finally:
        for service in services:
            service.stop()
        asyncio.run(delete_namespace(amqp_url, schema, namespace))
    return {"benchmark": "ingest", "broker": "rabbitmq", "clients": clients, "batch_events": batch_events,
            "event_types": len(types), "processes": processes,
            **load.summary(), "server_rss_mb": rss[0] if processes == 1 else rss, "cpus": os.cpu_count(),
            # CPU time per acknowledged event: where the two cores go (ingest: all its processes).
            "cpu_us_per_event": {name: round((after - before) / max(1, load.accepted) * 1e6, 2) for name, before, after
                                 in zip(("ingest", "rabbitmq", "client"), cpu0, cpu1, strict=True)
                                 if name != "rabbitmq" or broker_pid}}


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0
