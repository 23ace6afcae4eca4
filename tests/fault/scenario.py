"""One fault scenario from start to verdict: load through the pipeline, the fault injected mid-stream, the
recovery timed, the sink drained, and the store checked against what the clients were told."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from runtime.bench._verify import StoredCheck
from runtime.bench.ingest import LoadResult
from tests.fault.harness import RATE, FaultPipeline, StoreWatch, acked_again, ledger_of, recovery_s
from tests.fault.results import record_scenario

__all__ = ["Outcome", "run_scenario", "wait_stored_again"]

# How long the load goes on after a fault that ended too late in it for calls to be answered after it.
AFTER_FAULT_S = 5.0


@dataclass
class Outcome:
    load: LoadResult
    check: StoredCheck
    entry: dict[str, Any]
    facts: dict[str, Any] = field(default_factory=dict)


async def wait_stored_again(watch: StoreWatch, after: float, timeout: float = 60.0) -> float | None:
    deadline = time.monotonic() + timeout
    while (moment := watch.stored_again(after)) is None and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return moment


async def run_scenario(
    pipeline: FaultPipeline,
    key: str,
    name: str,
    inject: Callable[[], Awaitable[float]],
    *,
    seconds: float,
    fault_at: float,
    clients: int = 4,
    rate_per_s: float | None = RATE,
    recovery: str = "from the end of the fault until calls are acknowledged and rows stored again",
    facts: dict[str, Any] | None = None,
) -> Outcome:
    """Starts the processes, runs `seconds` of load, calls `inject` after `fault_at` seconds (it returns when
    the fault ended, as a monotonic time), and when the fault ended in the load's last `AFTER_FAULT_S` or after
    it, with no call answered since, runs that much more load; then drains the sink and checks and records the
    store. Asserts what every scenario must show: nothing acknowledged is lost and nothing is visible twice."""
    await asyncio.to_thread(pipeline.start_both)
    run = f"{pipeline.namespace}s{key}"
    facts = dict(facts or {})
    with StoreWatch(pipeline) as watch:
        load_started = time.monotonic()
        load = asyncio.create_task(pipeline.load(run, seconds, clients=clients, rate_per_s=rate_per_s))
        await asyncio.sleep(fault_at)
        try:
            fault_end = await inject()
        except BaseException:
            load.cancel()
            raise
        result = await load
        results = [result]
        answered_at = acked_again(result, load_started, fault_end)
        if answered_at is None and fault_end > load_started + seconds - AFTER_FAULT_S:
            # The fault outlasted the load (RabbitMQ's start_app once took 20 s here): a short load after it, with
            # ids of its own under the same prefix, shows whether calls are answered again.
            after_started = time.monotonic()
            results.append(await pipeline.load(f"{run}a", AFTER_FAULT_S, clients=clients, rate_per_s=rate_per_s))
            answered_at = acked_again(results[-1], after_started, fault_end)
            facts["load_after_fault_s"] = AFTER_FAULT_S
        stored_at = await wait_stored_again(watch, fault_end)
    facts["drain_s"] = round(await asyncio.to_thread(pipeline.drain), 2)
    check = await asyncio.to_thread(pipeline.check, ledger_of(run, *results))
    dead = sum((await asyncio.to_thread(pipeline.depths, True)).values())
    entry = record_scenario(
        key,
        name,
        results,
        check,
        dead_lettered=dead,
        recovery=recovery,
        recover_s=recovery_s(fault_end, answered_at, stored_at),
        **facts,
    )
    assert check.acked > 0 and result.sent > 0, entry
    assert check.lost == 0, f"{check.lost} acknowledged events are not stored: {entry}"
    assert check.duplicates == 0 and check.extra_rows == 0, f"events visible twice: {entry}"
    assert entry["recover_s"] is not None, (
        f"the pipeline did not recover after the fault (it ended {fault_end - load_started:.1f}s into the "
        f"{seconds:g}s load): {'a call was' if answered_at else 'no call was'} answered after it, "
        f"{'rows were' if stored_at else 'no row was'} stored after it: {entry}"
    )
    return Outcome(result, check, entry, facts)
