"""Faults on the store side of the running pipeline: ClickHouse unreachable for 30 s, and a poison event."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time

import pytest

from runtime.bench._verify import scrape
from runtime.broker.rabbitmq import RabbitMQBroker
from runtime.sink.dead_letters import list_dead_letters, replay
from runtime.sink.poison import ERROR_HEADER
from tests.fault.harness import ROOT, SCHEMA, StoreWatch, ledger_of, readyz
from tests.fault.outage_sink import OUTAGE_ENDED, OUTAGE_STARTED
from tests.fault.results import record_scenario
from tests.fault.scenario import run_scenario
from tests.integration.ingest_harness import Batch
from tests.integration.test_ingest_grpc import dispatch

pytestmark = [pytest.mark.fault, pytest.mark.rabbitmq, pytest.mark.clickhouse]

OUTAGE_S = 30


async def _logged(process, line: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while line not in process.log.read_text():
        assert time.monotonic() < deadline, f"the sink did not log {line!r} within {timeout}s"
        await asyncio.sleep(0.1)


async def test_3_clickhouse_unreachable_for_30_s(make_pipeline):
    pipeline = make_pipeline(sink_program=("-m", "tests.fault.outage_sink"))
    circuit: dict[str, float] = {}

    async def outage() -> float:
        sink = pipeline.sink
        sink.process.send_signal(signal.SIGUSR1)
        await _logged(sink, OUTAGE_STARTED)
        await asyncio.sleep(OUTAGE_S)
        metrics = await asyncio.to_thread(scrape, sink.http_port)
        circuit.update(open=metrics["eventgen_circuit_open"], ready=readyz(sink.http_port))
        sink.process.send_signal(signal.SIGUSR2)
        await _logged(sink, OUTAGE_ENDED)
        return time.monotonic()

    outcome = await run_scenario(
        pipeline,
        "3",
        f"3. ClickHouse unreachable for {OUTAGE_S} s, then back",
        outage,
        seconds=OUTAGE_S + 6,
        fault_at=3,
        clients=2,
        rate_per_s=10,
        facts={"how": "DETACH DATABASE events in the sink's chDB, ATTACH after"},
    )
    assert circuit["open"] == 1, f"the circuit breaker was not open at the end of the outage: {circuit}"
    assert outcome.entry["dead_lettered"] == 0, "an outage must not send anything to dead-letter queues"
    assert not outcome.load.errors, f"clients saw errors while only the store was down: {outcome.load.summary()}"


POISON_BATCHES = 3


async def test_7_poison_event_inside_good_batches(make_pipeline, amqp_url):
    pipeline = make_pipeline()
    name = "7. A poison event inside batches of good ones"
    run = f"{pipeline.namespace}s7"
    # A constraint the poison event breaks: ClickHouse refuses it for its content, on every delivery.
    done = subprocess.run(
        [sys.executable, "-m", "codegen.cli", "migrate", "--clickhouse-url", pipeline.clickhouse_url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    pipeline.query("ALTER TABLE events.page_viewed ADD CONSTRAINT no_poison CHECK page_url != 'poison'")
    await asyncio.to_thread(pipeline.start_both)
    poison_calls = []
    load = asyncio.create_task(pipeline.load(run, 6))
    await asyncio.sleep(2)
    for k in range(POISON_BATCHES):
        batch = Batch()
        for i in range(10):
            batch.events.add(event_id=f"{run}p{k}-{i}").page_viewed.url = "poison" if i == 4 else f"/page/{i}"
        assert (await dispatch(pipeline.grpc_port, batch)).accepted == 10
        poison_calls.append((f"{run}p{k}", 10, ()))
    result = await load
    dlq = pipeline.topology.queue_of("page_viewed") + ".dlq"
    deadline = time.monotonic() + 60
    while (await asyncio.to_thread(pipeline.depths, True)).get(dlq, 0) < POISON_BATCHES:
        assert time.monotonic() < deadline, "the poison events did not reach the dead-letter queue within 60s"
        await asyncio.sleep(0.5)
    await asyncio.to_thread(pipeline.drain)
    ledger = ledger_of(run, result)
    ledger.calls += poison_calls
    before = await asyncio.to_thread(pipeline.check, ledger)
    assert before.lost == POISON_BATCHES and before.duplicates == 0, before
    poison_ids = ", ".join(f"'{run}p{k}-4'" for k in range(POISON_BATCHES))
    assert pipeline.query(f"SELECT count() FROM events.page_viewed WHERE event_id IN ({poison_ids})") == [[0]]
    assert pipeline.query(f"SELECT count() FROM events.page_viewed WHERE startsWith(event_id, '{run}p')") == [
        [POISON_BATCHES * 9]
    ], "the good events of the poison's batches were not all stored"

    broker = RabbitMQBroker(amqp_url, pipeline.topology)
    await asyncio.wait_for(broker.start(), 30)
    try:
        assert await broker.wait_connected(20)
        (summary,) = await asyncio.wait_for(list_dead_letters(broker, pipeline.topology, SCHEMA, queue=dlq), 60)
        assert summary.events == POISON_BATCHES and summary.event_types == {"page_viewed": POISON_BATCHES}
        (error,) = summary.errors
        assert "no_poison" in error
        delivery = await broker.get(dlq, timeout=5)
        assert delivery.headers["x-eventgen-deliveries"] == "3"  # the first delivery and 2 redeliveries
        assert ERROR_HEADER in delivery.headers
        await delivery.reject(requeue=True)
        dead = await asyncio.to_thread(pipeline.depths, True)
        assert {q: n for q, n in dead.items() if n} == {dlq: POISON_BATCHES}, dead

        # The fix, then the replay: every event stored once, and a second replay finds nothing.
        pipeline.query("ALTER TABLE events.page_viewed DROP CONSTRAINT no_poison")
        await asyncio.to_thread(pipeline.start, "sink")
        with StoreWatch(pipeline) as watch:
            replayed_at = time.monotonic()
            assert (await asyncio.wait_for(replay(broker, pipeline.topology, SCHEMA), 60))["replayed"] == POISON_BATCHES
            while watch.stored_again(replayed_at) is None:
                assert time.monotonic() < replayed_at + 30, "the replayed events were not stored within 30s"
                await asyncio.sleep(0.2)
        assert (await asyncio.wait_for(replay(broker, pipeline.topology, SCHEMA), 60))["replayed"] == 0
    finally:
        await broker.close()
    await asyncio.to_thread(pipeline.drain)
    after = await asyncio.to_thread(pipeline.check, ledger)
    entry = record_scenario(
        "7",
        name,
        [result],
        after,
        dead_lettered=before.lost,
        recover_s=None,
        recovery="none needed: the good events flowed throughout; the dead-lettered ones were "
        "stored after the fix and `eventgen dlq replay`",
        sent=result.sent + POISON_BATCHES * 10,
        lost_before_replay=before.lost,
    )
    assert after.lost == 0 and after.duplicates == 0 and after.extra_rows == 0, entry
    assert after.acked == entry["sent"], f"every call should have been answered: {entry}"
