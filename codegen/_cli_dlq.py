"""`eventgen dlq`: list, replay and drop what the dead-letter queues hold."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["dlq_app"]

dlq_app = typer.Typer(help="The dead-letter queues: list, replay after a fix, drop.", no_args_is_help=True)


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
