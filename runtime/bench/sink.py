"""Sink benchmark: RabbitMQ -> a sink process -> ClickHouse, from a backlog and at a steady rate.

The queues are filled the way production fills them, by an ingest process taking gRPC traffic (so the
messages carry the micro-batches ingest really makes), with no sink running. Then a sink process starts
and drains the backlog: events/s is the backlog over the time from the sink being ready to the last row
stored. A second phase runs ingest and sink together at a fixed rate and counts inserts per second per
table, the number ClickHouse cares about ("too many parts"). Every acknowledged event is then checked
to be stored exactly once.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from ..generated import GeneratedSchema
from ..store.connect import open_client
from ._resources import cpu_seconds, peak_rss_mb, rabbitmq_pid
from ._service import ServiceProcess
from ._verify import CONSUMED, PUBLISHED, SIDE_BY_SIDE, Ledger, check_stored, scrape, scrape_by_label, wait_until
from .ingest import delete_namespace, drive_load, grpc_event_types, sample_batches

__all__ = ["run_sink_bench"]

_INSERTS = "eventgen_insert_seconds_count"
_ROWS = "eventgen_rows_inserted_total"


def direct_event_types(schema: GeneratedSchema) -> set[str]:
    """The event types of direct-mode queues (one insert per message, for low-volume events)."""
    return {t for q in schema.topology["queues"] if q["sink"]["mode"] == "direct" for t in q["event_types"]}


def volume_mix(schema: GeneratedSchema, direct_share: float) -> tuple[str, ...]:
    """The gRPC event types in the proportions the schema declares: a type on a direct-mode queue (one
    insert per message, for low-volume events) gets `direct_share` of the events a buffered type gets."""
    types = grpc_event_types(schema)
    direct = direct_event_types(schema)
    if direct_share >= 1 or not direct:
        return types
    every = max(1, round(1 / direct_share))
    buffered = [t for t in types if t not in direct]
    mix = buffered * every
    step = len(mix) // max(1, len(direct & set(types)))
    for n, event_type in enumerate(t for t in types if t in direct):  # spread out, not all at the end
        mix.insert(n * (step + 1), event_type)
    return tuple(mix)


def _fill(schema: GeneratedSchema, port: int, batches: list[Any], clients: int, events: int, run: str,
          calls: list[tuple[str, int, tuple[int, ...]]]) -> int:
    """Drives the ingest process until it acknowledged `events` events; returns how many it did."""
    acked, chunk = 0, 0
    while acked < events:
        result = asyncio.run(drive_load(schema, port, batches, clients, 2.0, unique_ids=f"{run}f{chunk}"))
        calls.extend(result.acked_calls)
        acked += result.accepted
        chunk += 1
    return acked


def _saturated_rate(stored: list[tuple[float, float]], backlog: int) -> int:
    """Events stored per second from 10% to 90% of the backlog stored: the sink's rate while it has a backlog to
    take, without its start (consumers subscribing, the first windows of messages arriving) and its end (the last rows
    of each queue wait in its buffer for the queue's flush interval, up to 10 s for a low-volume one: latency, not
    throughput)."""
    def when(rows: float) -> float:
        for (t0, r0), (t1, r1) in zip(stored, stored[1:], strict=False):
            if r0 < rows <= r1:
                return t0 + (t1 - t0) * (rows - r0) / (r1 - r0)
        return stored[-1][0]
    low, high = when(0.1 * backlog), when(0.9 * backlog)
    return round(0.8 * backlog / (high - low)) if high > low else 0


def run_sink_bench(schema: GeneratedSchema, amqp_url: str, *, events: int, clients: int, batch_events: int,
                   steady_seconds: float, steady_rate: float, log_dir: Path, clickhouse_url: str = "",
                   direct_share: float = 0.05) -> dict[str, Any]:
    namespace = f"sinkbench-{uuid.uuid4().hex[:8]}"
    run = f"sb{uuid.uuid4().hex[:6]}"
    data = Path(tempfile.mkdtemp(prefix="eventgen-sink-bench-"))
    store = clickhouse_url or f"chdb://{data / 'clickhouse'}"
    common = ("--broker-url", amqp_url, "--namespace", namespace)
    batches = sample_batches(schema, 64, batch_events, types=volume_mix(schema, direct_share))
    calls: list[tuple[str, int, tuple[int, ...]]] = []
    processes: list[ServiceProcess] = []
    result: dict[str, Any] = {"benchmark": "sink", "broker": "rabbitmq", "store": store.split(":", 1)[0],
                              "batch_events": batch_events, "clients": clients,
                              "direct_share": direct_share}
    try:
        ingest = ServiceProcess("--role", "ingest", *common, log=log_dir / "sink-bench-ingest.log")
        processes.append(ingest)
        ingest.wait_ready()
        backlog = _fill(schema, ingest.grpc_port, batches, clients, events, run, calls)
        messages = scrape(ingest.http_port, names=(PUBLISHED,))[PUBLISHED]
        ingest.stop()
        result.update(backlog_events=backlog, backlog_messages=int(messages),
                      events_per_message=round(backlog / messages, 1))

        sink = ServiceProcess("--role", "sink", *common, "--clickhouse-url", store, "--data-dir", str(data),
                              log=log_dir / "sink-bench-sink.log")
        processes.append(sink)
        sink.wait_ready()
        started, cpu0 = time.monotonic(), cpu_seconds(sink.process.pid)
        broker_pid = rabbitmq_pid()
        broker0 = cpu_seconds(broker_pid) if broker_pid else 0.0
        stored: list[tuple[float, float]] = [(0.0, 0.0)]  # (seconds since the sink was ready, rows stored)

        def all_stored() -> bool:
            stored.append((time.monotonic() - started, scrape(sink.http_port, names=(_ROWS,)).get(_ROWS, 0.0)))
            return stored[-1][1] >= backlog

        drained = wait_until(all_stored, 600, poll=0.25)
        drain_s = time.monotonic() - started
        inserts = scrape_by_label(sink.http_port, _INSERTS, "table")
        side_by_side = scrape(sink.http_port, names=(SIDE_BY_SIDE,)).get(SIDE_BY_SIDE, 0.0)
        result.update(
            drained=drained, drain_s=round(drain_s, 2), events_per_s=round(backlog / drain_s),
            saturated_events_per_s=_saturated_rate(stored, backlog),
            sink_cpu_cores=round((cpu_seconds(sink.process.pid) - cpu0) / drain_s, 2),
            rabbitmq_cpu_cores=round((cpu_seconds(broker_pid) - broker0) / drain_s, 2) if broker_pid else None,
            drain_inserts=int(sum(inserts.values())),
            drain_rows_per_insert=round(backlog / max(1.0, sum(inserts.values()))),
            drain_inserts_side_by_side=int(side_by_side),
        )

        # Steady state: ingest and sink together at a rate the sink keeps up with.
        ingest = ServiceProcess("--role", "ingest", *common, log=log_dir / "sink-bench-ingest-2.log")
        processes.append(ingest)
        ingest.wait_ready()
        before = scrape_by_label(sink.http_port, _INSERTS, "table")
        load = asyncio.run(drive_load(schema, ingest.grpc_port, batches, clients, steady_seconds,
                                      unique_ids=f"{run}s", events_per_s=steady_rate))
        after = scrape_by_label(sink.http_port, _INSERTS, "table")
        calls.extend(load.acked_calls)
        per_table = {t: (after.get(t, 0.0) - before.get(t, 0.0)) / load.seconds for t in after}
        busiest = sorted(per_table.items(), key=lambda item: -item[1])
        # The target (at most one insert per second per table) is the buffered policy's; a direct queue inserts
        # each message as it comes, by design.
        direct = {schema.transformers.TABLES[t] for t in direct_event_types(schema)}
        buffered = [rate for table, rate in busiest if table not in direct]
        result["steady"] = {
            "rate_events_per_s": steady_rate, "seconds": round(load.seconds, 2),
            "events_per_s": round(load.accepted / load.seconds), "tables": len(per_table),
            "inserts_per_s_per_table_max": round(busiest[0][1], 2) if busiest else 0.0,
            "inserts_per_s_per_table_median": round(statistics.median(per_table.values()), 2) if per_table else 0.0,
            "inserts_per_s_per_buffered_table_max": round(buffered[0], 2) if buffered else 0.0,
            "busiest_tables": {t: round(v, 2) for t, v in busiest[:3]},
            "direct_tables": sorted(direct),
        }
        published = scrape(ingest.http_port, names=(PUBLISHED,))[PUBLISHED]
        ingest.stop()
        wait_until(lambda: scrape(sink.http_port, names=(CONSUMED,)).get(CONSUMED, 0.0) >= messages + published,
                   120)
        result["sink_rss_mb"] = peak_rss_mb(sink.process.pid)
        sink.stop()  # drains and frees the chDB folder for the check
        client = open_client(store)
        try:
            check = check_stored(client, schema, Ledger(run, calls))
        finally:
            client.close()
        result.update(acked=check.acked, stored=check.stored, lost=check.lost, duplicates=check.duplicates)
    finally:
        for process in processes:
            process.stop()
        asyncio.run(delete_namespace(amqp_url, schema, namespace))
        shutil.rmtree(data, ignore_errors=True)
    return result
