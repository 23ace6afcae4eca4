"""Ingestion under faults on the real RabbitMQ: a broker restart mid-stream, and 10x overload."""

from __future__ import annotations

import asyncio
import subprocess
import time

import pytest

from runtime.bench._service import ServiceProcess
from runtime.bench.ingest import LoadResult, delete_namespace, drive_load, sample_batches
from tests.integration.ingest_harness import SCHEMA, drain_queues, running_app

pytestmark = pytest.mark.rabbitmq


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=180)


async def test_every_event_acknowledged_across_a_rabbitmq_restart_is_in_a_queue(amqp_url, namespace):
    batches = sample_batches(SCHEMA, 16, 20)
    async with running_app(amqp_url, namespace, publish_timeout_s=2.0) as app:
        load = asyncio.create_task(drive_load(SCHEMA, app.grpc_port, batches, clients=4, seconds=14,
                                              unique_ids="restart"))
        await asyncio.sleep(3)
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(None, rabbitmqctl, "stop_app")
            await asyncio.sleep(3)
        finally:  # whatever happened, the next tests find RabbitMQ running
            await loop.run_in_executor(None, rabbitmqctl, "start_app")
            await loop.run_in_executor(None, rabbitmqctl, "await_startup")
        result = await load
        assert await app.broker.wait_connected(30), "the broker did not reconnect after the restart"
        found = await drain_queues(app, len(result.acked_ids), timeout=60)
    stored = [stamped.event_id for deliveries in found.values() for _, stamped in deliveries]
    missing = set(result.acked_ids) - set(stored)
    assert result.errors, "the restart should have failed some requests (UNAVAILABLE), to be retried"
    assert len(result.acked_ids) > 1000, result.summary()
    assert not missing, f"{len(missing)} acknowledged events were lost"


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))


# The ingest process stays under this much resident memory under any load (measured: see the README).
RSS_BOUND_MB = 400


def test_overload_gets_backpressure_bounded_memory_and_full_recovery(amqp_url, namespace, tmp_path):
    service = ServiceProcess("--role", "ingest", "--broker-url", amqp_url, "--namespace", namespace,
                             log=tmp_path / "ingest.log", env={"EVENTGEN_MAX_PENDING_EVENTS": "5000"})
    try:
        service.wait_ready()
        batches = sample_batches(SCHEMA, 32, 100)
        normal = asyncio.run(drive_load(SCHEMA, service.grpc_port, batches, clients=2, seconds=5))
        assert not normal.errors and normal.accepted > 0
        result, rss = asyncio.run(_overload(service))
        peak = max(rss)
        assert result.errors.get("RESOURCE_EXHAUSTED", 0) > 0, result.summary()
        assert peak < RSS_BOUND_MB, f"resident memory reached {peak:.0f} MB"
        time.sleep(2)
        after = asyncio.run(drive_load(SCHEMA, service.grpc_port, batches, clients=2, seconds=5))
        assert not after.errors, after.summary()
        assert after.accepted >= normal.accepted * 0.5, (normal.summary(), after.summary())
        assert service.process.poll() is None
    finally:
        service.stop()
        asyncio.run(delete_namespace(amqp_url, SCHEMA, namespace))


async def _overload(service: ServiceProcess) -> tuple[LoadResult, list[float]]:
    samples: list[float] = []

    async def sample() -> None:
        while True:
            samples.append(_rss_mb(service.process.pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    try:
        # 10x: five times the clients of the normal run, with five times the events per call.
        big = sample_batches(SCHEMA, 8, 500)
        result = await drive_load(SCHEMA, service.grpc_port, big, clients=40, seconds=30)
    finally:
        sampler.cancel()
    return result, samples
