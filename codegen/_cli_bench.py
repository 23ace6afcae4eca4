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


@bench_app.command("ingest")
def bench_ingest(
    seconds: Annotated[float, typer.Option(help="How long the clients send.")] = 20.0,
    clients: Annotated[int, typer.Option(help="Concurrent gRPC clients.")] = 16,
    batch: Annotated[int, typer.Option(help="Events per Dispatch call.")] = 100,
    broker_url: Annotated[str, typer.Option(help="RabbitMQ to publish into.")] = "amqp://guest:guest@127.0.0.1:5672/",
    mix: Annotated[str, typer.Option(help="grpc: the event types clients send over gRPC (not the webhook-fed "
                                          "ones); all: every event type.")] = "grpc",
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "ingest.json",
) -> None:
    """gRPC clients -> an ingest process -> RabbitMQ (quorum queues, confirms): events/s and Dispatch latency."""
    from runtime.bench.ingest import run_ingest_bench
    from runtime.generated import load_generated

    result = run_ingest_bench(load_generated(generated), broker_url, seconds, clients, batch, results.parent, mix=mix)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    typer.echo(f"{result['events_per_s']:,} events/s into RabbitMQ; Dispatch p50 {result['p50_ms']} ms, "
               f"p99 {result['p99_ms']} ms ({clients} clients x {batch}-event batches, {seconds:g}s)")
    typer.echo(json.dumps(result))
