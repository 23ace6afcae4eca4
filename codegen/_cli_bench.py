"""`eventgen bench`: benchmarks that print numbers and write them to a results file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["bench_app"]

ROOT = Path(__file__).resolve().parent.parent

bench_app = typer.Typer(help="Benchmarks: commands that print numbers and write them to a results file.",
                        no_args_is_help=True)


@bench_app.command("transform")
def bench_transform(
    events: Annotated[int, typer.Option(help="Mixed events to transform, spread over every event type.")] = 100_000,
    rounds: Annotated[int, typer.Option(help="Timed rounds of each; the median counts.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed of the sample events.")] = 0,
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "transform.json",
) -> None:
    """Generated transformers vs MessageToDict plus a generic flattener, on the same events."""
    from runtime.bench.transform import run_transform_bench
    from runtime.generated import load_generated

    result = run_transform_bench(load_generated(generated), events, rounds, seed, results)
    typer.echo(f"generated transformers: {result['generated_events_per_s']:>10,} events/s")
    typer.echo(f"reflective baseline:    {result['reflective_events_per_s']:>10,} events/s")
    typer.echo(f"ratio: {result['ratio']}x  ({events:,} events of {result['event_types']} types, "
               f"median of {rounds} rounds; written to {results})")
    typer.echo(json.dumps(result))


@bench_app.command("insert")
def bench_insert(
    rows: Annotated[str, typer.Option(help="Rows per insert, comma-separated: one timed set of inserts per size.")]
        = "100,1000,3000,10000",
    rounds: Annotated[int, typer.Option(help="Inserts into each table at each size; the median round counts.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed of the sample events.")] = 0,
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "insert.json",
) -> None:
    """What an insert costs by itself and per row, by the sink's two paths (the generated transformer, the generated
    protobuf insert): into every gRPC-fed table of a chDB in a temporary folder, at several sizes."""
    from runtime.bench.insert import run_insert_bench
    from runtime.generated import load_generated

    try:
        sizes = [int(size) for size in rows.split(",")]
    except ValueError:
        raise typer.BadParameter(f"{rows!r} is not a comma-separated list of row counts", param_hint="--rows") from None
    if min(sizes) < 1:
        raise typer.BadParameter(f"sizes need at least 1 row, not {rows!r}", param_hint="--rows")
    result = run_insert_bench(load_generated(generated), generated, sizes=sizes, rounds=rounds, seed=seed,
                              out=results)
    for path, numbers in result["paths"].items():
        typer.echo(f"{path}:")
        for size in numbers["sizes"]:
            typer.echo(f"  {size['rows_per_insert']:>7,} rows per insert: {size['rows_per_s']:>9,} rows/s, "
                       f"{size['cpu_ms_per_insert']:>7} ms of CPU per insert, {size['cpu_us_per_row']:>7} us per row")
        if "fit" in numbers:
            typer.echo(f"  fit: {numbers['fit']['cpu_ms_per_insert_alone']} ms of CPU per insert by itself + "
                       f"{numbers['fit']['cpu_us_per_row']} us per row")
    if "break_even_rows" in result:
        typer.echo(f"the protobuf insert costs less CPU from about {result['break_even_rows']:,} rows per insert on")
    typer.echo(f"({result['event_types']} tables on {result['store']}, median of {rounds} rounds; written to "
               f"{results})")
    typer.echo(json.dumps(result))


@bench_app.command("ingest")
def bench_ingest(
    seconds: Annotated[float, typer.Option(help="How long the clients send.")] = 20.0,
    clients: Annotated[int, typer.Option(help="Concurrent gRPC clients.")] = 16,
    batch: Annotated[int, typer.Option(help="Events per Dispatch call.")] = 100,
    broker_url: Annotated[str, typer.Option(help="RabbitMQ to publish into.")] = "amqp://guest:guest@127.0.0.1:5672/",
    mix: Annotated[str, typer.Option(help="grpc: the event types clients send over gRPC (not the webhook-fed "
                                          "ones); all: every event type.")] = "grpc",
    processes: Annotated[int, typer.Option(min=1, help="Ingest processes sharing the gRPC port (SO_REUSEPORT).")] = 1,
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "ingest.json",
) -> None:
    """gRPC clients -> an ingest process -> RabbitMQ (quorum queues, confirms): events/s and Dispatch latency."""
    from runtime.bench.ingest import run_ingest_bench
    from runtime.generated import load_generated

    result = run_ingest_bench(load_generated(generated), broker_url, seconds, clients, batch, results.parent, mix=mix,
                              processes=processes)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    typer.echo(f"{result['events_per_s']:,} events/s into RabbitMQ; Dispatch p50 {result['p50_ms']} ms, "
               f"p99 {result['p99_ms']} ms ({clients} clients x {batch}-event batches, {seconds:g}s)")
    typer.echo(json.dumps(result))


@bench_app.command("sink")
def bench_sink(
    events: Annotated[int, typer.Option(help="Backlog to fill the queues with before the sink starts.")] = 300_000,
    clients: Annotated[int, typer.Option(help="Concurrent gRPC clients filling the queues.")] = 16,
    batch: Annotated[int, typer.Option(help="Events per Dispatch call.")] = 100,
    steady_seconds: Annotated[float, typer.Option(help="Length of the steady-state phase.")] = 20.0,
    steady_rate: Annotated[float, typer.Option(help="Events/s during the steady-state phase.")] = 20_000,
    direct_share: Annotated[float, typer.Option(
        help="Events of a type on a direct-mode (low-volume) queue, per event of a buffered type; 1: uniform.")] = 0.05,
    broker_url: Annotated[str, typer.Option(help="RabbitMQ.")] = "amqp://guest:guest@127.0.0.1:5672/",
    clickhouse_url: Annotated[str, typer.Option(help="ClickHouse (default: chDB in a temporary folder).")] = "",
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "sink.json",
) -> None:
    """RabbitMQ -> a sink process -> ClickHouse: events/s draining a backlog, inserts/s per table at a steady rate."""
    from runtime.bench.sink import run_sink_bench
    from runtime.generated import load_generated

    result = run_sink_bench(load_generated(generated), broker_url, events=events, clients=clients,
                            batch_events=batch, steady_seconds=steady_seconds, steady_rate=steady_rate,
                            log_dir=results.parent, clickhouse_url=clickhouse_url, direct_share=direct_share)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    steady = result["steady"]
    typer.echo(f"{result['events_per_s']:,} events/s from RabbitMQ into ClickHouse ({result['backlog_events']:,} "
               f"events in {result['backlog_messages']:,} messages, drained in {result['drain_s']}s); at "
               f"{steady['events_per_s']:,} events/s, at most {steady['inserts_per_s_per_buffered_table_max']} "
               f"inserts/s per buffered table ({steady['inserts_per_s_per_table_max']} with the direct ones); "
               f"lost {result['lost']}, duplicates {result['duplicates']}")
    typer.echo(json.dumps(result))


@bench_app.command("e2e")
def bench_e2e(
    seconds: Annotated[float, typer.Option(help="How long the clients send (each phase).")] = 20.0,
    broker: Annotated[str, typer.Option(help="memory:// (one `eventgen run --role all`, the embedded mode) or "
                                             "amqp://user:pass@host:5672/ (one ingest and one sink process).")]
    = "memory://",
    clickhouse: Annotated[str, typer.Option(help="chdb:///path or http(s)://user:pass@host:8123 (default: chDB in a "
                                                 "temporary folder).")] = "",
    clients: Annotated[int, typer.Option(help="Concurrent gRPC clients.", min=1)] = 16,
    batch: Annotated[int, typer.Option(help="Events per Dispatch call.", min=1)] = 100,
    rate: Annotated[float | None, typer.Option(help="Open-loop at this many events/s instead of as fast as the "
                                                    "clients go.", min=1)] = None,
    half_rate: Annotated[bool, typer.Option("--half-rate", help="Then, once the sink has caught up, run as long "
                                                                "again, open-loop at half the rate the first "
                                                                "phase sustained, and report its p99 latency "
                                                                "against the 50 ms target.")] = False,
    target: Annotated[str, typer.Option(help="HOST:PORT of a running service to drive instead of starting one "
                                             "(needs --clickhouse http(s)://... to check the rows; it cannot see "
                                             "that service's memory or queues).")] = "",
    baseline_seconds: Annotated[float, typer.Option(help="How long the naive baseline is driven (0: skip it).",
                                                    min=0)] = 3.0,
    baseline_batch: Annotated[int | None, typer.Option(help="Events per baseline call (default: --batch, at most "
                                                            "10; its events/s do not depend on it).", min=1)] = None,
    profile: Annotated[bool, typer.Option("--profile", help="py-spy flame graphs of each eventgen process over "
                                                            "the measured phase (next to --results, in "
                                                            "e2e-profile/).")] = False,
    warmup: Annotated[float, typer.Option(help="Seconds of load before the measured phase.", min=0)] = 1.0,
    drain_timeout: Annotated[float, typer.Option(help="How long to wait for the sinks to drain.", min=1)] = 120.0,
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "e2e.json",
    plot: Annotated[Path, typer.Option(help="PNG of events/s and p99 latency per second.")] = ROOT / "results"
    / "e2e.png",
) -> None:
    """gRPC clients -> the pipeline -> ClickHouse: events/s, latency, memory, and a check that every
    acknowledged event is stored exactly once; then the same clients against a naive baseline that inserts each
    event by itself. The last line is the JSON of the results (also written to --results)."""
    from runtime.bench.e2e import E2EOptions, run_e2e_bench
    from runtime.generated import load_generated

    if not (broker == "memory://" or broker.startswith(("amqp://", "amqps://"))):
        typer.echo(f"--broker {broker!r} is neither memory:// nor amqp(s)://user:pass@host:5672/", err=True)
        raise typer.Exit(2)
    options = E2EOptions(seconds=seconds, broker_url=broker, clickhouse_url=clickhouse, clients=clients, batch=batch,
                         rate=rate, half_rate=half_rate, target=target, warmup_seconds=warmup,
                         baseline_seconds=baseline_seconds, baseline_batch=baseline_batch,
                         drain_timeout_s=drain_timeout, generated=generated, log_dir=results.parent / "e2e-logs",
                         plot=plot, profile=profile)
    try:
        result = run_e2e_bench(load_generated(generated), options)
    except ValueError as exc:
        typer.echo(f"eventgen bench e2e: {exc}", err=True)
        raise typer.Exit(2) from None
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    line = {k: v for k, v in result.items() if k != "per_second"}
    typer.echo(f"pipeline ({result['broker']} + {result['store']}): {result['events_per_s']:,} events/s, "
               f"Dispatch p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms ({clients} clients x {batch}-event "
               f"batches, {result['seconds']:g}s)")
    typer.echo(f"stored exactly once: {result['stored']:,} of {result['acked']:,} acknowledged; lost {result['lost']}, "
               f"duplicates {result['duplicates']}; peak RSS MiB {result['rss_mb']}")
    if result["half_rate"]:
        half = result["half_rate"]
        typer.echo(f"half rate ({half['target_events_per_s']:,} events/s open-loop): p99 {half['p99_ms']} ms, "
                   f"target <= {half['p99_target_ms']:g} ms {'met' if half['met'] else 'MISSED'}")
    if result["baseline"]:
        typer.echo(f"naive baseline (one insert per event): {result['baseline']['events_per_s']:,} events/s; "
                   f"ratio pipeline/baseline {result['ratio']}x")
    typer.echo(f"plot: {result['plot'] or result.get('plot_error')}; JSON: {results}; service logs: "
               f"{options.log_dir}")
    if result["profiles"]:
        typer.echo(f"flame graphs: {result['profiles']}")
    typer.echo(json.dumps(line))
    if result["lost"] or result["duplicates"] or not result["acked"]:
        raise typer.Exit(1)
