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


def main() -> None:
    app()
