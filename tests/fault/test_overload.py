"""Overload of the running pipeline: 10x the rate it sustains, for 60 s, then the normal load again."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from runtime.bench._resources import peak_rss_mb
from runtime.bench.ingest import _rss_mb as rss_mb
from runtime.bench.ingest import drive_load, grpc_event_types, sample_batches
from tests.fault.harness import SCHEMA
from tests.fault.results import record_load

pytestmark = [pytest.mark.fault, pytest.mark.rabbitmq, pytest.mark.clickhouse]

OVERLOAD_S = 60
FACTOR = 10
# Each eventgen process stays under this much resident memory (its peak, VmHWM) under any load, with the
# default settings. The sink embeds the ClickHouse engine (about 400 MB on its own once the tables are
# written) and holds up to sink_prefetch (500) messages a consumer, at most sink_max_held_mb (64) of bodies in
# all. Without that bound, a sink whose store fell behind (its threads at a lower priority than ingest's) held
# windows of 500-event messages and grew to 2.6-3.1 GB; with it, 0.9 GB.
RSS_BOUND_MB = {"ingest": 400, "sink": 2048}
# After the overload, calls answered a second at the normal load, as a share of those before it: the sink is
# still working off the backlog RabbitMQ holds on the same 2 cores.
RECOVERED_SHARE = 0.5


async def test_10x_overload_gets_backpressure_bounded_memory_and_recovery(make_pipeline):
    pipeline = make_pipeline()
    await asyncio.to_thread(pipeline.start_both)
    batches = sample_batches(SCHEMA, 32, 100, types=grpc_event_types(SCHEMA))
    port = pipeline.grpc_port
    # The sustainable rate: what 2 clients get acknowledged, each sending its next batch when the last is answered.
    normal = await drive_load(SCHEMA, port, batches, clients=2, seconds=5)
    assert not normal.errors and normal.accepted > 0, normal.summary()
    normal_rate = normal.accepted / normal.seconds
    # 10x that, open-loop: calls start on schedule whatever the answers, up to 160 in flight.
    big = sample_batches(SCHEMA, 8, 500, seed=1, types=grpc_event_types(SCHEMA))
    processes = {"ingest": pipeline.ingest, "sink": pipeline.sink}
    timeline: list[dict[str, float]] = []
    sampler = asyncio.create_task(_sample_rss(processes, timeline))
    try:
        overload = await drive_load(
            SCHEMA, port, big, clients=40, seconds=OVERLOAD_S, events_per_s=FACTOR * normal_rate
        )
    finally:
        sampler.cancel()
    alive = {role: process.process.poll() is None for role, process in processes.items()}
    rss = {role: peak_rss_mb(process.process.pid) for role, process in processes.items()}
    await asyncio.sleep(2)
    after = await drive_load(SCHEMA, port, batches, clients=2, seconds=5)
    after_rate = after.accepted / after.seconds
    entry = {
        "normal_events_per_s": round(normal_rate),
        "offered_events_per_s": round(FACTOR * normal_rate),
        "overload_s": OVERLOAD_S,
        "overload_sent": overload.sent,
        "overload_acked": overload.accepted,
        "overload_acked_per_s": round(overload.accepted / overload.seconds),
        "backpressure_answers": overload.errors.get("RESOURCE_EXHAUSTED", 0),
        "errors": overload.errors,
        "overload_p99_ms": overload.summary()["p99_ms"],
        "peak_rss_mb": rss,
        "rss_bound_mb": RSS_BOUND_MB,
        "after_events_per_s": round(after_rate),
        "after_errors": after.errors,
        "rss_mb_every_5_s": timeline[::5],
    }
    record_load(entry)
    assert alive == {"ingest": True, "sink": True}, f"a process died under the overload: {alive}"
    assert entry["backpressure_answers"] > 0, f"no call was answered RESOURCE_EXHAUSTED: {entry}"
    assert all(rss[role] < RSS_BOUND_MB[role] for role in rss), f"resident memory over the bound: {entry}"
    assert not after.errors, f"calls failed after the overload: {entry}"
    assert after_rate >= normal_rate * RECOVERED_SHARE, f"throughput did not return to normal: {entry}"


async def _sample_rss(processes: dict[str, Any], timeline: list[dict[str, float]]) -> None:
    """Each process's resident memory now (VmRSS), every second: whether it levels off or keeps growing."""
    while True:
        timeline.append({role: rss_mb(process.process.pid) for role, process in processes.items()})
        await asyncio.sleep(1)
