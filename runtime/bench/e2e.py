"""The end-to-end benchmark: gRPC clients -> the pipeline -> ClickHouse, every acknowledged event checked to be
stored exactly once, and the same load against a naive baseline that inserts each event by itself."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..generated import DEFAULT_GENERATED_DIR, GeneratedSchema
from ..store.connect import describe, open_client
from ._pipelines import StartedPipeline, TargetPipeline
from ._profile import Profiles
from ._resources import ProcessSampler
from ._verify import Ledger, check_stored
from .baseline import BaselineProcess
from .ingest import LoadResult, drive_load, grpc_event_types, sample_batches
from .plot import per_second, write_plot

__all__ = ["E2EOptions", "LATENCY_TARGET_MS", "run_e2e_bench"]

# The latency target: p99 Dispatch latency at most this at half the maximum rate.
LATENCY_TARGET_MS = 50.0
_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class E2EOptions:
    seconds: float = 20.0
    # memory:// (one `eventgen run --role all`) or amqp://... (one ingest and one sink process).
    broker_url: str = "memory://"
    # "": chDB in a temporary folder.
    clickhouse_url: str = ""
    clients: int = 16
    batch: int = 100
    # Open-loop at this many events/s instead of as fast as the clients go.
    rate: float | None = None
    # A second phase, open-loop at half the events/s the first phase sustained (its sink's catch-up counted),
    # started once the sink has caught up, for the latency target.
    half_rate: bool = False
    # HOST:PORT of a running service to drive instead of starting one.
    target: str = ""
    warmup_seconds: float = 1.0
    baseline_seconds: float = 3.0
    # Events per baseline call (default: the batch, at most 10). A server inserting event by event goes at the
    # same events/s whatever the batch, and smaller calls keep its answers well within the call timeout.
    baseline_batch: int | None = None
    drain_timeout_s: float = 120.0
    generated: Path = DEFAULT_GENERATED_DIR
    log_dir: Path = _ROOT / "results" / "e2e-logs"
    plot: Path | None = _ROOT / "results" / "e2e.png"
    # py-spy flame graphs of each eventgen process over the measured phase, under log_dir/../e2e-profile/.
    profile: bool = False
    extra_flags: tuple[str, ...] = field(default_factory=tuple)


def _phase(schema: GeneratedSchema, address: tuple[str, int], batches: list[Any], options: E2EOptions,
           seconds: float, prefix: str, events_per_s: float | None) -> tuple[float, LoadResult]:
    started = time.monotonic()
    result = asyncio.run(drive_load(schema, address[1], batches, options.clients, seconds, host=address[0],
                                    unique_ids=prefix, events_per_s=events_per_s))
    return started, result


def _cores(before: dict[str, float], after: dict[str, float], seconds: float) -> dict[str, float]:
    """CPU each process used over a phase, in cores (1.0 = one core busy throughout)."""
    return {name: round((after[name] - before.get(name, 0.0)) / seconds, 2) for name in after if seconds}


def run_e2e_bench(schema: GeneratedSchema, options: E2EOptions) -> dict[str, Any]:
    """Runs the benchmark; returns its numbers (the CLI prints them and writes them to the results file)."""
    run = f"e2e{uuid.uuid4().hex[:8]}"
    chdb = not options.clickhouse_url or options.clickhouse_url.startswith("chdb:")
    if options.target and chdb:
        raise ValueError("--target needs --clickhouse http(s)://...: an embedded chDB folder belongs to the running "
                         "service's process, so this benchmark cannot read it while the service runs")
    if options.profile:
        Profiles.py_spy()
    tmp = Path(tempfile.mkdtemp(prefix="eventgen-e2e-"))
    clickhouse_url = options.clickhouse_url or f"chdb://{tmp / 'clickhouse'}"
    baseline_url = f"chdb://{tmp / 'baseline-clickhouse'}" if chdb else clickhouse_url
    sampler = ProcessSampler()
    pipeline: StartedPipeline | TargetPipeline = (
        TargetPipeline(options, clickhouse_url) if options.target
        else StartedPipeline(options, clickhouse_url, tmp, sampler))
    # Against a running service's ClickHouse, the baseline uses its tables as they are.
    baseline = (BaselineProcess(baseline_url, options.generated, options.log_dir / "baseline.log",
                                migrate_tables=not options.target) if options.baseline_seconds > 0 else None)
    types = grpc_event_types(schema)
    batches = sample_batches(schema, 64, options.batch, types=types)
    phases: list[tuple[str, float, LoadResult]] = []
    try:
        pipeline.wait_ready()
        if baseline is not None:
            baseline.wait_ready()
            sampler.watch("baseline", baseline.process.pid)
        address = (pipeline.host, pipeline.grpc_port)
        load_started = time.monotonic()
        if options.warmup_seconds > 0:
            started, warmup = _phase(schema, address, batches, options, options.warmup_seconds, f"{run}w", None)
            phases.append(("warm-up", started, warmup))
        profiles = (Profiles(pipeline.pids, options.seconds, options.log_dir.parent / "e2e-profile")
                    if options.profile else None)
        sampler.sample()
        before = {**sampler.cpu_s(), "client": time.process_time()}
        published_before = pipeline.messages_published()
        origin, main = _phase(schema, address, batches, options, options.seconds, f"{run}m", options.rate)
        sampler.sample()
        published_after = pipeline.messages_published()
        flame_graphs = profiles.finish() if profiles is not None else None
        cores = _cores(before, {**sampler.cpu_s(), "client": time.process_time()}, main.seconds)
        phases.append(("open loop" if options.rate else "max rate", origin, main))
        half = None
        if options.half_rate and main.accepted:
            # Half of what the pipeline sustained: the events of the max-rate phase over that phase and the
            # time the sink took to catch up after it; and measured once it has, so the latency is that of a
            # pipeline keeping up, not of one still working off a backlog.
            caught_up_s = pipeline.wait_caught_up(schema, options.drain_timeout_s)
            sustained = main.accepted / (main.seconds + (caught_up_s or 0.0))
            half_target = sustained / 2
            started, half = _phase(schema, address, batches, options, options.seconds, f"{run}h", half_target)
            phases.append(("half rate", started, half))
        ledger = Ledger(run, [call for _, _, result in phases for call in result.acked_calls])
        drain = pipeline.drain(schema, ledger)
        all_stored_s = time.monotonic() - load_started
        client = open_client(clickhouse_url)
        try:
            check = check_stored(client, schema, ledger)
        finally:
            client.close()
        baseline_numbers = None
        if baseline is not None:
            baseline_batch = options.baseline_batch or min(options.batch, 10)
            small = sample_batches(schema, 64, baseline_batch, types=types)
            _, load = _phase(schema, ("127.0.0.1", baseline.port), small, options, options.baseline_seconds,
                             f"{run}b", None)
            sampler.sample()
            baseline_numbers = {"batch_events": baseline_batch, **load.summary(), **baseline.stop()}
    finally:
        sampler.stop()
        if baseline is not None:
            baseline.stop()
        pipeline.close(schema)
        shutil.rmtree(tmp, ignore_errors=True)

    rss = sampler.rss_mb()
    main_numbers = main.summary()
    result: dict[str, Any] = {
        "benchmark": "e2e",
        "mode": "target" if options.target else ("rabbitmq" if options.broker_url != "memory://" else "embedded"),
        "broker": ("rabbitmq" if options.broker_url.startswith("amqp") else "memory") if not options.target
        else f"running service at {options.target}",
        "store": "chdb" if chdb else "clickhouse",
        "broker_url": describe(options.broker_url) if not options.target else None,
        "clickhouse_url": "chdb (temporary folder)" if not options.clickhouse_url else describe(clickhouse_url),
        "clients": options.clients, "batch_events": options.batch, "event_types": len(types),
        "rate_events_per_s": options.rate,
        **{k: main_numbers[k] for k in ("seconds", "events_per_s", "p50_ms", "p99_ms", "requests", "errors")},
        **check.as_dict(),
        # Acknowledged events stored, over the time from the first call to the last row stored (every phase,
        # the drain included): what the whole pipeline sustains, the sink's lag counted.
        "sustained_events_per_s": round(check.stored / all_stored_s) if all_stored_s else 0,
        "rss_mb": {k: v for k, v in rss.items() if k not in ("baseline", "rabbitmq")},
        # CPU over the measured phase, in cores: who was busy (the load generator is "client"; RabbitMQ when it
        # runs on this machine).
        "cpu_cores": {k: v for k, v in cores.items() if k != "baseline"},
        # Events per AMQP message in the measured phase: the micro-batches ingest made.
        "events_per_message": (round(main.accepted / (published_after - published_before), 1)
                                if published_before is not None and published_after is not None
                                and published_after > published_before else None),
        "drain": drain,
        "profiles": flame_graphs,
        "half_rate": None,
        "baseline": None,
        "ratio": None,
        "cpus": os.cpu_count(),
    }
    if half is not None:
        numbers = half.summary()
        result["half_rate"] = {"target_events_per_s": round(half_target), "max_rate_sustained_events_per_s":
                               round(sustained), "caught_up_s": round(caught_up_s, 2) if caught_up_s else None,
                               **numbers,
                               "p99_target_ms": LATENCY_TARGET_MS, "met": numbers["p99_ms"] <= LATENCY_TARGET_MS}
    if baseline_numbers is not None:
        baseline_numbers.update(rss_mb=rss.get("baseline"),
                                store=describe(baseline_url) if not chdb else "chdb (temporary folder)")
        result["baseline"] = baseline_numbers
        if baseline_numbers["events_per_s"]:
            result["ratio"] = round(result["events_per_s"] / baseline_numbers["events_per_s"], 1)
    points = per_second([(name, started - origin, load) for name, started, load in phases])
    result["plot"] = None
    if options.plot is not None:
        title = (f"eventgen e2e: {result['broker']} + {result['store']}, {options.clients} clients x "
                 f"{options.batch}-event batches")
        try:
            result["plot"] = str(write_plot(points, options.plot, title,
                                            baseline_numbers["events_per_s"] if baseline_numbers else None,
                                            LATENCY_TARGET_MS))
        except RuntimeError as exc:
            result["plot_error"] = str(exc)
    result["per_second"] = points
    return result
