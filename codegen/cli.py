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
dlq_app = typer.Typer(help="The dead-letter queues: list, replay after a fix, drop.", no_args_is_help=True)
app.add_typer(dlq_app, name="dlq")


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
    from runtime.store.migrate import MigrationFailed, MigrationRefused

    configure_logging(settings.log_json)
    try:
        asyncio.run(App(settings).run_until_signalled())
    except MigrationRefused as exc:
        typer.echo("eventgen run: the tables need changes eventgen will not make on its own:\n"
                   f"{exc}\nrun `eventgen migrate --allow-destructive` after reading them", err=True)
        raise typer.Exit(1) from None
    except (MigrationFailed, FileNotFoundError, OSError) as exc:
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


def _with_broker(broker_url: str | None, namespace: str | None, generated: Path | None, work):  # noqa: ANN001, ANN202
    """Runs `work(broker, topology, schema, settings)` against the configured RabbitMQ."""
    import asyncio

    from runtime.app import make_broker
    from runtime.broker import Topology
    from runtime.generated import load_generated
    from runtime.settings import SettingsError, load_settings

    try:
        settings = load_settings({"broker_url": broker_url, "namespace": namespace, "generated_dir": generated})
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if settings.broker_url == "memory://":
        typer.echo("the in-process broker lives inside `eventgen run`; point --broker-url (or EVENTGEN_BROKER_URL) "
                   "at RabbitMQ", err=True)
        raise typer.Exit(2)
    schema = load_generated(settings.generated_dir)
    topology = Topology(schema.topology, settings.namespace)

    async def go():  # noqa: ANN202
        broker = make_broker(settings, topology)
        await broker.start()
        try:
            if not await broker.wait_connected(15):
                typer.echo(f"cannot reach RabbitMQ at {settings.broker_url}", err=True)
                raise typer.Exit(1)
            return await work(broker, topology, schema, settings)
        finally:
            await broker.close()

    try:
        return asyncio.run(go())
    except LookupError as exc:
        typer.echo(str(exc).strip("'\""), err=True)
        raise typer.Exit(2) from None


BrokerOption = Annotated[str | None, typer.Option("--broker-url", help="RabbitMQ, amqp://user:pass@host:5672/")]
NamespaceOption = Annotated[str | None, typer.Option(help="The prefix eventgen run used for its queues.")]
GeneratedOption = Annotated[Path | None, typer.Option(help="Folder eventgen generate wrote.")]


@dlq_app.command("list")
def dlq_list(broker_url: BrokerOption = None, namespace: NamespaceOption = None, generated: GeneratedOption = None,
             queue: Annotated[str | None, typer.Option(help="One queue (or its .dlq).")] = None) -> None:
    """Per dead-letter queue: messages, events by type, and the errors that sent them there."""
    from runtime.sink.dead_letters import list_dead_letters

    summaries = _with_broker(broker_url, namespace, generated,
                             lambda b, t, s, _: list_dead_letters(b, t, s, queue=queue))
    for summary in summaries:
        if not summary.messages:
            continue
        typer.echo(f"{summary.queue}: {summary.messages} messages, {summary.events} events")
        for event_type, count in summary.event_types.most_common():
            typer.echo(f"  {count:>8} {event_type}")
        for error, count in summary.errors.most_common(5):
            typer.echo(f"  error x{count}: {error}")
    total = sum(s.messages for s in summaries)
    typer.echo(f"{total} dead-lettered messages in {sum(1 for s in summaries if s.messages)} queues")


@dlq_app.command("replay")
def dlq_replay(broker_url: BrokerOption = None, namespace: NamespaceOption = None, generated: GeneratedOption = None,
               queue: Annotated[str | None, typer.Option(help="One queue (or its .dlq); default all.")] = None,
               limit: Annotated[int | None, typer.Option(help="At most this many messages.")] = None) -> None:
    """Re-validate dead-lettered events against the current schema and publish them again (idempotent)."""
    from runtime.sink.dead_letters import replay

    counts = _with_broker(broker_url, namespace, generated,
                          lambda b, t, s, settings: replay(b, t, s, queue=queue, limit=limit,
                                                           pii_key=settings.pii_key.encode()))
    typer.echo(f"read {counts['messages']} messages: replayed {counts['replayed']} events, "
               f"{counts['still_invalid']} still invalid (left in the dead-letter queue)")


@dlq_app.command("drop")
def dlq_drop(broker_url: BrokerOption = None, namespace: NamespaceOption = None, generated: GeneratedOption = None,
             queue: Annotated[str | None, typer.Option(help="One queue (or its .dlq); default all.")] = None,
             yes: Annotated[bool, typer.Option("--yes", help="Really delete them.")] = False) -> None:
    """Delete dead-lettered messages for good."""
    from runtime.sink.dead_letters import drop

    if not yes:
        typer.echo("this deletes dead-lettered events for good; add --yes to do it", err=True)
        raise typer.Exit(2)
    dropped = _with_broker(broker_url, namespace, generated, lambda b, t, s, _: drop(b, t, queue=queue))
    typer.echo(f"dropped {dropped} messages")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
