"""The `eventgen` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from ._cli_bench import bench_app
from ._cli_dlq import dlq_app
from ._cli_traffic import traffic_app
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
app.add_typer(bench_app, name="bench")
app.add_typer(dlq_app, name="dlq")
app.add_typer(traffic_app)  # eventgen send, eventgen stats


@app.command("generate")
def generate_command(
    proto: Annotated[Path, typer.Option(help="Folder of the schema's .proto files.")] = ROOT / "proto",
    out: Annotated[Path, typer.Option(help="Folder to write the generated files to.")] = ROOT / "generated",
    config: Annotated[Path | None, typer.Option(help="TOML file with an [eventgen] table, for protos without "
                                                     "eventgen's options.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 with a diff if --out is stale.")] = False,
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


@app.command("migrate")
def migrate_command(
    clickhouse_url: Annotated[str | None, typer.Option(help="chdb:///path or http(s)://user:pass@host:8123 "
                                                            "(default: EVENTGEN_CLICKHOUSE_URL, else "
                                                            "chdb:///<data-dir>/clickhouse)")] = None,
    generated: Annotated[Path | None, typer.Option(help="Folder eventgen generate wrote.")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Folder for the embedded ClickHouse data.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan; change nothing.")] = False,
    allow_destructive: Annotated[bool, typer.Option(
        "--allow-destructive", help="Also change column types and drop removed columns (loses data).")] = False,
    migrations_database: Annotated[str, typer.Option(help="Database of the eventgen_migrations table.")] = "eventgen",
) -> None:
    """Create and evolve the ClickHouse databases and tables from the generated DDL (clickhouse/schema.json)."""
    from runtime.settings import SettingsError, load_settings
    from runtime.store.connect import describe, open_client
    from runtime.store.migrate import MigrationFailed, apply, plan, read_document

    started = time.perf_counter()
    try:
        settings = load_settings({"clickhouse_url": clickhouse_url, "data_dir": data_dir, "generated_dir": generated})
        document = read_document(settings.generated_dir)
    except (SettingsError, FileNotFoundError, ValueError) as exc:
        typer.echo(f"eventgen migrate: {exc}", err=True)
        raise typer.Exit(2) from None
    where = describe(settings.clickhouse_url)
    try:
        client = open_client(settings.clickhouse_url)
    except Exception as exc:  # a malformed URL, an unreachable server, a chDB path another process holds
        typer.echo(f"eventgen migrate: cannot open ClickHouse at {where}: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        migration = plan(client, document, allow_destructive=allow_destructive,
                         migrations_database=migrations_database)
        for note in migration.notes:
            typer.echo(f"note: {note}", err=True)
        if migration.up_to_date:
            typer.echo(f"{where} is up to date (schema version {migration.version[:12]})")
            return
        if dry_run or migration.refused:
            for step in migration.steps:
                typer.echo(step.line)
        if migration.refused:
            for refusal in migration.refusals:
                typer.echo(f"refused: {refusal}", err=True)
            typer.echo(f"eventgen migrate: {len(migration.refusals)} breaking change(s) refused; nothing was "
                       f"changed in {where}", err=True)
            raise typer.Exit(1)
        if dry_run:
            typer.echo(f"dry run: {len(migration.steps)} statement(s) would run on {where}; nothing was changed")
            return
        try:
            apply(client, migration, on_step=lambda step: typer.echo(step.line))
        except MigrationFailed as exc:
            typer.echo(f"eventgen migrate: ClickHouse refused {exc.step.summary}: {exc.error}\n"
                       f"{exc.done} statement(s) before it were applied; fix the cause and run migrate again "
                       "to continue", err=True)
            raise typer.Exit(1) from None
    finally:
        client.close()
    typer.echo(f"migrated {where} to schema version {migration.version[:12]}: {len(migration.steps)} statement(s) "
               f"in {time.perf_counter() - started:.2f}s")


@app.command("run")
def run_command(
    role: Annotated[str | None, typer.Option(help="ingest, sink or all (default all).")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML file of settings (flags and EVENTGEN_* win).")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Folder for the embedded ClickHouse data.")] = None,
    generated: Annotated[Path | None, typer.Option(help="Folder eventgen generate wrote.")] = None,
    broker_url: Annotated[str | None, typer.Option(
        help="memory:// (in process) or amqp://user:pass@host:5672/")] = None,
    clickhouse_url: Annotated[str | None, typer.Option(help="chdb:///path or http(s)://user:pass@host:8123")] = None,
    grpc_host: Annotated[str | None, typer.Option(help="gRPC listen address.")] = None,
    grpc_port: Annotated[int | None, typer.Option(help="gRPC port (default 50051).")] = None,
    http_host: Annotated[str | None, typer.Option(help="HTTP listen address.")] = None,
    http_port: Annotated[int | None, typer.Option(help="HTTP port for webhooks and metrics (default 8080).")] = None,
    namespace: Annotated[str | None, typer.Option(help="Prefix of every exchange and queue name.")] = None,
    log_json: Annotated[bool | None, typer.Option("--log-json/--log-text", help="Log lines as JSON.")] = None,
    reuse_port: Annotated[bool | None, typer.Option(
        "--reuse-port/--no-reuse-port", help="Let several ingest processes listen on the same ports (SO_REUSEPORT).")
    ] = None,
) -> None:
    """Run the service: gRPC and webhooks in, RabbitMQ (or the in-process broker) in between."""
    import asyncio

    from runtime.app import App, event_loop_factory
    from runtime.logs import configure_logging
    from runtime.settings import SettingsError, load_settings

    flags = {"role": role, "data_dir": data_dir, "generated_dir": generated, "broker_url": broker_url,
             "clickhouse_url": clickhouse_url, "grpc_host": grpc_host, "grpc_port": grpc_port,
             "http_host": http_host, "http_port": http_port, "namespace": namespace, "log_json": log_json,
             "reuse_port": reuse_port}
    try:
        settings = load_settings(flags, config)
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    from runtime.store.migrate import MigrationFailed, MigrationRefused

    configure_logging(settings.log_json)
    try:
        with asyncio.Runner(loop_factory=event_loop_factory(settings.event_loop)) as runner:
            runner.run(App(settings).run_until_signalled())
    except MigrationRefused as exc:
        typer.echo("eventgen run: the tables need changes eventgen will not make on its own:\n"
                   f"{exc}\nrun `eventgen migrate --allow-destructive` after reading them", err=True)
        raise typer.Exit(1) from None
    except (MigrationFailed, FileNotFoundError, OSError) as exc:
        typer.echo(f"eventgen run: {exc}", err=True)
        raise typer.Exit(1) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
