"""Faults of RabbitMQ under the running pipeline: restarted mid-stream, every connection closed, down at start."""

from __future__ import annotations

import asyncio
import time

import pytest
from grpclib.client import Channel
from grpclib.health.v1.health_grpc import HealthStub
from grpclib.health.v1.health_pb2 import HealthCheckRequest, HealthCheckResponse

from tests.fault.harness import StoreWatch, acked_again, ledger_of, readyz, recovery_s
from tests.fault.rabbitmq import disrupted, ensure_running, rabbitmqctl, restart_app
from tests.fault.results import record_scenario
from tests.fault.scenario import run_scenario, wait_stored_again

pytestmark = [pytest.mark.fault, pytest.mark.rabbitmq, pytest.mark.clickhouse]

# A publish the broker does not confirm within this is answered UNAVAILABLE, and the client retries it.
PUBLISH_TIMEOUT = {"EVENTGEN_PUBLISH_TIMEOUT_S": "2"}


async def test_1_rabbitmq_restarted_mid_stream(make_pipeline):
    pipeline = make_pipeline(ingest_env=PUBLISH_TIMEOUT)
    name = "1. RabbitMQ restarted mid-stream (stop_app, 3 s, start_app)"

    async def restart() -> float:
        async with disrupted(name):
            return await restart_app(3)

    # stop_app and start_app took up to 6 s beyond the 3 s down (a CI run: the fault ended 12.1 s into a 12 s
    # load): the load goes on long enough after RabbitMQ is back for calls to be answered and rows stored again.
    outcome = await run_scenario(pipeline, "1", name, restart, seconds=20, fault_at=3)
    assert outcome.load.errors, "the restart should have failed some calls (UNAVAILABLE), to be retried"
    assert outcome.check.acked > 1000, outcome.entry


async def test_2_all_broker_connections_closed(make_pipeline):
    pipeline = make_pipeline(ingest_env=PUBLISH_TIMEOUT)
    name = "2. Every broker connection closed (close_all_connections)"

    async def close_all() -> float:
        async with disrupted(name):
            await asyncio.to_thread(rabbitmqctl, "close_all_connections", "eventgen fault suite")
        return time.monotonic()

    outcome = await run_scenario(pipeline, "2", name, close_all, seconds=8, fault_at=3)
    assert outcome.check.acked > 1000, outcome.entry


async def _health(port: int) -> int:
    channel = Channel("127.0.0.1", port)
    try:
        answer = await HealthStub(channel).Check(HealthCheckRequest(service="events.v1.EventService"), timeout=5)
        return answer.status
    finally:
        channel.close()


async def test_8_rabbitmq_not_running_at_start(make_pipeline):
    pipeline = make_pipeline(ingest_env=PUBLISH_TIMEOUT)
    name = "8. RabbitMQ not running when eventgen starts"
    run = f"{pipeline.namespace}s8"
    async with disrupted(name):
        await asyncio.to_thread(rabbitmqctl, "stop_app", timeout=90)
        sink, ingest = pipeline.start("sink", wait=False), pipeline.start("ingest", wait=False)
        deadline = time.monotonic() + 60
        while readyz(ingest.http_port) != 503 or readyz(sink.http_port) != 503:  # up, and not ready
            assert time.monotonic() < deadline, "the processes did not answer /readyz 503 within 60s"
            assert sink.process.poll() is None and ingest.process.poll() is None, "a process exited"
            await asyncio.sleep(0.2)
        assert await _health(ingest.grpc_port) == HealthCheckResponse.NOT_SERVING
        down = await pipeline.load(f"{run}down", 1, clients=1, retry_s=0)
        assert down.errors.get("UNAVAILABLE") and not down.acked_calls, down.summary()
        await asyncio.to_thread(ensure_running)
        up = time.monotonic()
    with StoreWatch(pipeline) as watch:
        await asyncio.to_thread(ingest.wait_ready)
        await asyncio.to_thread(sink.wait_ready)
        ready_s = time.monotonic() - up
        assert await _health(ingest.grpc_port) == HealthCheckResponse.SERVING
        load_started = time.monotonic()
        result = await pipeline.load(run, 5)
        stored_at = await wait_stored_again(watch, up)
    drain_s = await asyncio.to_thread(pipeline.drain)
    check = await asyncio.to_thread(pipeline.check, ledger_of(run, result))
    entry = record_scenario(
        "8",
        name,
        [down, result],
        check,
        recovery="from RabbitMQ up until ready, calls acknowledged and rows stored",
        ready_s=round(ready_s, 2),
        drain_s=round(drain_s, 2),
        recover_s=recovery_s(up, acked_again(result, load_started, up), stored_at),
    )
    assert check.acked > 500 and check.lost == 0 and check.duplicates == 0, entry
    assert not result.errors, entry
