"""The `eventgen` command line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from .config import load_settings
from .errors import SchemaErrors
from .files import diff_tree, write_tree
from .generate import generate
from .protoc import compile_protos

__all__ = ["app"]

ROOT = Path(__file__).resolve().parent.parent

app = typer.Typer(
    name="eventgen",
    help="Schema-driven event ingestion: protobuf events in, typed code, ClickHouse DDL and RabbitMQ topology out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(help="Benchmarks: commands that print numbers and write them to a results file.",
                        no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@app.command("generate")
def generate_command(
    proto: Annotated[Path, typer.Option(help="Folder of the schema's .proto files.")] = ROOT / "proto",
    out: Annotated[Path, typer.Option(help="Folder to write the generated files to.")] = ROOT / "generated",
    config: Annotated[Path | None, typer.Option(help="TOML file with an [eventgen] table, for protos without "
                                                     "eventgen's options.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 with a diff if --out is stale.")] = False,
) -> None:
    """Generate the _pb2 modules, grpclib stubs, client SDK, transformers, DDL, topology and catalog."""
    started = time.perf_counter()
    try:
        files = generate(compile_protos(proto), load_settings(config))
    except SchemaErrors as exc:
        typer.echo(str(exc), err=True)
        typer.echo(f"eventgen generate: {len(exc.errors)} error(s) in {proto}", err=True)
        raise typer.Exit(1) from None
    elapsed = time.perf_counter() - started
    if check:
        diff = diff_tree(files, out)
        if diff:
            sys.stdout.write(diff)
            typer.echo(f"{out} is stale: run `eventgen generate` and commit the result", err=True)
            raise typer.Exit(1)
        typer.echo(f"{out} is up to date ({len(files)} files, {elapsed:.2f}s)")
        return
    written, removed = write_tree(files, out)
    typer.echo(f"generated {len(files)} files into {out} ({written} written, {removed} removed) in {elapsed:.2f}s")


@app.command("run")
def run_command(
    role: Annotated[str | None, typer.Option(help="ingest, sink or all (default all).")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML file of settings (flags and EVENTGEN_* win).")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Folder for the embedded ClickHouse data.")] = None,
    generated: Annotated[Path | None, typer.Option(help="Folder eventgen generate wrote.")] = None,
    broker_url: Annotated[str | None, typer.Option(help="memory:// (in process) or amqp://user:pass@host:5672/")] = None,
    clickhouse_url: Annotated[str | None, typer.Option(help="chdb:///path or http(s)://user:pass@host:8123")] = None,
    grpc_host: Annotated[str | None, typer.Option(help="gRPC listen address.")] = None,
    grpc_port: Annotated[int | None, typer.Option(help="gRPC port (default 50051).")] = None,
    http_host: Annotated[str | None, typer.Option(help="HTTP listen address.")] = None,
    http_port: Annotated[int | None, typer.Option(help="HTTP port for webhooks and metrics (default 8080).")] = None,
    namespace: Annotated[str | None, typer.Option(help="Prefix of every exchange and queue name.")] = None,
    log_json: Annotated[bool | None, typer.Option("--log-json/--log-text", help="Log lines as JSON.")] = None,
) -> None:
    """Run the service: gRPC and webhooks in, RabbitMQ (or the in-process broker) in between."""
    import asyncio

    from runtime.app import App
    from runtime.logs import configure_logging
    from runtime.settings import SettingsError, load_settings

    flags = {"role": role, "data_dir": data_dir, "generated_dir": generated, "broker_url": broker_url,
             "clickhouse_url": clickhouse_url, "grpc_host": grpc_host, "grpc_port": grpc_port,
             "http_host": http_host, "http_port": http_port, "namespace": namespace, "log_json": log_json}
    try:
        settings = load_settings(flags, config)
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    configure_logging(settings.log_json)
    try:
        asyncio.run(App(settings).run_until_signalled())
    except (FileNotFoundError, OSError) as exc:
        typer.echo(f"eventgen run: {exc}", err=True)
        raise typer.Exit(1) from None


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
    generated: Annotated[Path, typer.Option(help="Folder eventgen generate wrote.")] = ROOT / "generated",
    results: Annotated[Path, typer.Option(help="JSON file for the numbers.")] = ROOT / "results" / "ingest.json",
) -> None:
    """gRPC clients -> an ingest process -> RabbitMQ (quorum queues, confirms): events/s and Dispatch latency."""
    from runtime.bench.ingest import run_ingest_bench
    from runtime.generated import load_generated

    result = run_ingest_bench(load_generated(generated), broker_url, seconds, clients, batch, results.parent)
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    typer.echo(f"{result['events_per_s']:,} events/s into RabbitMQ; Dispatch p50 {result['p50_ms']} ms, "
               f"p99 {result['p99_ms']} ms ({clients} clients x {batch}-event batches, {seconds:g}s)")
    typer.echo(json.dumps(result))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
