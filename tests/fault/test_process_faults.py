"""Faults of eventgen's own processes under load: the sink or the ingest killed, and both told to stop."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest

from runtime.bench._verify import CONSUMED, scrape
from tests.fault.harness import FaultPipeline
from tests.fault.scenario import run_scenario

pytestmark = [pytest.mark.fault, pytest.mark.rabbitmq, pytest.mark.clickhouse]


async def _restart(pipeline: FaultPipeline, *roles: str) -> None:
    await asyncio.to_thread(lambda: [pipeline.start(role, wait=False) for role in roles])
    for role in roles:
        await asyncio.to_thread(getattr(pipeline, role).wait_ready)


async def test_4_sink_killed_mid_batch_and_restarted(make_pipeline):
    pipeline = make_pipeline()
    held: dict[str, float] = {}

    async def kill_sink() -> float:
        sink = pipeline.sink
        # Mid-batch: the sink has taken messages whose rows wait for the next flush (every 1 to 5 s).
        held["consumed"] = (await asyncio.to_thread(scrape, sink.http_port)).get(CONSUMED, 0.0)
        await asyncio.to_thread(pipeline.signal, sink, signal.SIGKILL)
        await _restart(pipeline, "sink")
        return time.monotonic()

    outcome = await run_scenario(
        pipeline,
        "4",
        "4. Sink process SIGKILL mid-batch, restarted",
        kill_sink,
        seconds=8,
        fault_at=3.5,
        recovery="from the restarted sink ready until rows are stored again",
    )
    assert held["consumed"] > 0, "the sink had taken nothing when it was killed"
    assert not outcome.load.errors, f"clients saw errors while only the sink was down: {outcome.load.summary()}"


async def test_5_ingest_killed_under_load_clients_retry(make_pipeline):
    pipeline = make_pipeline()

    async def kill_ingest() -> float:
        await asyncio.to_thread(pipeline.signal, pipeline.ingest, signal.SIGKILL)
        await _restart(pipeline, "ingest")
        return time.monotonic()

    outcome = await run_scenario(
        pipeline,
        "5",
        "5. Ingest process SIGKILL under load; clients retry",
        kill_ingest,
        seconds=8,
        fault_at=3,
        recovery="from the restarted ingest ready until calls are acknowledged and rows stored again",
    )
    assert outcome.load.retries > 0, "no call failed while the ingest was down"
    assert outcome.load.unacknowledged == 0, f"a call was never answered: {outcome.entry}"


# The drain bound the processes are started with (drain_timeout_s), and what exiting may take beyond it (the
# interpreter's own shutdown).
DRAIN_TIMEOUT_S = 10.0
EXIT_SLACK_S = 3.0


async def test_6_sigterm_during_load_drains_within_the_bound(make_pipeline):
    bound = {"EVENTGEN_DRAIN_TIMEOUT_S": str(DRAIN_TIMEOUT_S)}
    pipeline = make_pipeline(ingest_env=bound, sink_env=bound)
    exits: dict[str, float] = {}

    async def terminate_both() -> float:
        ingest, sink = pipeline.ingest, pipeline.sink
        codes = {}

        async def term(role: str, process) -> None:
            exits[role] = round(await asyncio.to_thread(pipeline.signal, process, signal.SIGTERM), 2)
            codes[role] = process.process.returncode

        await asyncio.gather(term("ingest", ingest), term("sink", sink))
        assert codes == {"ingest": 0, "sink": 0}, f"exit codes after SIGTERM: {codes}"
        await _restart(pipeline, "sink", "ingest")
        return time.monotonic()

    outcome = await run_scenario(
        pipeline,
        "6",
        "6. SIGTERM to ingest and sink during load, restarted",
        terminate_both,
        seconds=8,
        fault_at=3,
        recovery="from both restarted and ready until calls are acknowledged and rows stored again",
        facts={"drain_timeout_s": DRAIN_TIMEOUT_S, "exit_s": exits},
    )
    assert max(exits.values()) <= DRAIN_TIMEOUT_S + EXIT_SLACK_S, f"a process took too long to exit: {exits}"
    assert outcome.load.unacknowledged == 0, f"a call was never answered: {outcome.entry}"
