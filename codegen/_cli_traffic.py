"""`eventgen send` and `eventgen stats`: sample traffic into a running service, and what it holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = ["traffic_app"]

traffic_app = typer.Typer()

ConfigOption = Annotated[Path | None, typer.Option(help="The TOML file `eventgen run` reads (flags and EVENTGEN_* "
                                                        "win), for its ports and secrets.")]


def _settings(flags: dict[str, Any], config: Path | None) -> Any:
    from runtime.settings import SettingsError, load_settings

    try:
        return load_settings(flags, config)
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


def _reachable(host: str) -> str:
    """Where to reach a service listening on `host` (a wildcard listen address is reached on loopback)."""
    return "127.0.0.1" if host in ("", "0.0.0.0", "::", "[::]") else host


@traffic_app.command("send")
def send_command(
    grpc: Annotated[str | None, typer.Option(help="host:port of the gRPC service (default: EVENTGEN_GRPC_HOST and "
                                                  "EVENTGEN_GRPC_PORT, else 127.0.0.1:50051).")] = None,
    http: Annotated[str | None, typer.Option(help="Base URL of the HTTP port, for webhooks (default: from "
                                                  "EVENTGEN_HTTP_HOST and _PORT, else http://127.0.0.1:8080).")] = None,
    events: Annotated[int, typer.Option(min=1, help="Events to send in all.")] = 1000,
    seconds: Annotated[float | None, typer.Option(min=0.1, help="Send for this long instead of a number of "
                                                                "events.")] = None,
    batch: Annotated[int, typer.Option(min=1, help="Events per gRPC Dispatch call.")] = 100,
    webhook_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of the events sent as webhook "
                                                                        "deliveries (one event each).")] = 0.1,
    clients: Annotated[int, typer.Option(min=1, help="Concurrent callers.")] = 4,
    auth_token: Annotated[str | None, typer.Option(help="Bearer token for gRPC (default EVENTGEN_AUTH_TOKEN).")] = None,
    shopify_secret: Annotated[str | None, typer.Option(help="Signs Shopify deliveries (default "
                                                            "EVENTGEN_SHOPIFY_SECRET).")] = None,
    branch_token: Annotated[str | None, typer.Option(help="Token of Branch deliveries (default "
                                                          "EVENTGEN_BRANCH_TOKEN).")] = None,
    webengage_key: Annotated[str | None, typer.Option(help="Signs WebEngage deliveries (default "
                                                           "EVENTGEN_WEBENGAGE_KEY).")] = None,
    webengage_license: Annotated[str, typer.Option(help="WebEngage license code of the deliveries.")] = "~eventgen",
    seed: Annotated[int, typer.Option(help="Seed of the sample content (ids are unique on every run).")] = 0,
    by_type: Annotated[bool, typer.Option("--by-type", help="Also print the outcome per event type.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the outcome as one JSON object.")] = False,
    generated: Annotated[Path | None, typer.Option(help="Folder eventgen generate wrote.")] = None,
    config: ConfigOption = None,
) -> None:
    """Send sample events of every type (gRPC) and webhook deliveries to a running service; exit 1 on rejections."""
    import asyncio

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from runtime.generated import load_generated
    from runtime.send import SendPlan, send_traffic
    from runtime.webhook_samples import WebhookSecrets

    settings = _settings({"auth_token": auth_token, "shopify_secret": shopify_secret, "branch_token": branch_token,
                          "webengage_key": webengage_key, "generated_dir": generated}, config)
    grpc_host, grpc_port = _reachable(settings.grpc_host), settings.grpc_port
    if grpc is not None:
        host, _, port = grpc.rpartition(":")
        if not port.isdigit():
            typer.echo(f"--grpc {grpc!r} is not host:port (e.g. 127.0.0.1:50051)", err=True)
            raise typer.Exit(2)
        grpc_host, grpc_port = host or "127.0.0.1", int(port)
    http_url = http or f"http://{_reachable(settings.http_host)}:{settings.http_port}"
    if not http_url.startswith(("http://", "https://")):
        typer.echo(f"--http {http_url!r} is not a URL (e.g. http://127.0.0.1:8080)", err=True)
        raise typer.Exit(2)
    plan = SendPlan(grpc_host=grpc_host, grpc_port=grpc_port, http_url=http_url,
                    events=None if seconds is not None else events, seconds=seconds, batch=batch,
                    webhook_share=webhook_share, clients=clients, auth_token=settings.auth_token,
                    secrets=WebhookSecrets(settings.shopify_secret, settings.branch_token, settings.webengage_key,
                                           webengage_license), seed=seed)
    schema = load_generated(settings.generated_dir)
    err = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[note]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:
        if seconds is None:
            task = progress.add_task("sending events", total=events, note="")
        else:
            task = progress.add_task("sending (seconds)", total=round(seconds), note="")
        started = progress.get_time()

        def on_progress(tally: Any) -> None:
            done = tally.done
            if seconds is None:
                progress.update(task, completed=done, note=f"{sum(tally.rejected.values())} rejected")
            else:
                progress.update(task, completed=min(round(progress.get_time() - started), round(seconds)),
                                note=f"{done:,} events, {sum(tally.rejected.values())} rejected")

        tally = asyncio.run(send_traffic(schema, plan, on_progress))
        on_progress(tally)
    summary = tally.summary()
    summary["targets"] = {"grpc": f"{grpc_host}:{grpc_port}", "http": http_url}
    if json_out:
        typer.echo(json.dumps(summary))
    else:
        _print_send(Console(), summary, tally if by_type else None)
    if summary["rejected"] or not summary["accepted"]:
        raise typer.Exit(1)


def _print_send(console: Any, summary: dict[str, Any], tally: Any) -> None:
    from rich.table import Table

    for provider, why in summary["skipped"].items():
        console.print(f"[yellow]skipped {provider} webhooks[/]: {why}")
    table = Table(title=f"sent to gRPC {summary['targets']['grpc']} and HTTP {summary['targets']['http']}")
    for column in ("via", "sent", "accepted", "rejected"):
        table.add_column(column, justify="left" if column == "via" else "right")
    for channel, counts in summary["channels"].items():
        table.add_row(channel, f"{counts['sent']:,}", f"{counts['accepted']:,}", f"{counts['rejected']:,}")
    table.add_row("total", f"{summary['sent']:,}", f"{summary['accepted']:,}", f"{summary['rejected']:,}",
                  style="bold")
    console.print(table)
    if tally is not None:
        by_type = Table(title="per event type")
        for column in ("via", "event type", "sent", "accepted", "rejected"):
            by_type.add_column(column, justify="right" if column in ("sent", "accepted", "rejected") else "left")
        for (channel, event_type), sent in sorted(tally.sent.items()):
            rejected = sum(n for (c, t, _), n in tally.rejected.items() if (c, t) == (channel, event_type))
            by_type.add_row(channel, event_type, f"{sent:,}", f"{tally.accepted[channel, event_type]:,}",
                            f"{rejected:,}")
        console.print(by_type)
    for rejection in summary["rejections"]:
        types = rejection["event_types"]
        console.print(f"[red]rejected[/] {rejection['events']:,} {rejection['channel']} events ({rejection['reason']}"
                      f"; {len(types)} event types: {', '.join(types[:5])}{', ...' if len(types) > 5 else ''}): "
                      f"{rejection['example']}", highlight=False)
    console.print(f"{summary['accepted']:,} accepted, {summary['rejected']:,} rejected in {summary['seconds']}s "
                  f"({summary['events_per_s']:,} events/s accepted, {summary['retries']} retried calls)")


@traffic_app.command("stats")
def stats_command(
    url: Annotated[list[str] | None, typer.Option(help="HTTP base URL of a running service; give it once per process "
                                                       "of a split deployment (default: from EVENTGEN_HTTP_HOST and "
                                                       "_PORT, else http://127.0.0.1:8080).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the stats as one JSON object.")] = False,
    config: ConfigOption = None,
) -> None:
    """Rows per table, queue depths and dead letters of a running service (from its GET /stats)."""
    import urllib.error
    import urllib.request

    from rich.console import Console

    if not url:
        settings = _settings({}, config)
        url = [f"http://{_reachable(settings.http_host)}:{settings.http_port}"]
    documents = []
    for base in url:
        try:
            with urllib.request.urlopen(base.rstrip("/") + "/stats", timeout=30) as answer:
                documents.append({"url": base, **json.loads(answer.read())})
        except (urllib.error.URLError, OSError, ValueError) as exc:
            typer.echo(f"eventgen stats: cannot read {base.rstrip('/')}/stats: {exc}; is `eventgen run` serving HTTP "
                       "there (--http-port / EVENTGEN_HTTP_PORT)?", err=True)
            raise typer.Exit(1) from None
    stats = _merge(documents)
    if json_out:
        typer.echo(json.dumps(stats))
    else:
        _print_stats(Console(), stats)


def _merge(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """One view of several processes: the tables of the first that has them, the queues likewise."""
    from runtime.stats import totals

    merged: dict[str, Any] = {"processes": [{k: d.get(k) for k in ("url", "role", "broker", "clickhouse")}
                                            for d in documents]}
    for part in ("tables", "queues"):
        found = next((d for d in documents if d.get(part) is not None), None)
        merged[part] = found[part] if found else None
        if found is None:
            merged[f"{part}_error"] = "; ".join(d.get(f"{part}_error", "") for d in documents)
    merged["totals"] = totals(merged["tables"], merged["queues"])
    return merged


def _print_stats(console: Any, stats: dict[str, Any]) -> None:
    from rich.table import Table

    for process in stats["processes"]:
        store = f", ClickHouse {process['clickhouse']}" if process["clickhouse"] else ""
        console.print(f"{process['url']}: role {process['role']}, broker {process['broker']}{store}", highlight=False)
    tables = stats["tables"]
    if tables is None:
        console.print(f"[yellow]rows per table unknown[/]: {stats.get('tables_error', '')}", highlight=False)
    else:
        table = Table(title="rows per table")
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, rows in tables.items():
            if rows:
                table.add_row(name, f"{rows:,}")
        empty = sum(1 for rows in tables.values() if not rows)
        if empty:
            table.add_row(f"({empty} empty tables)", "0", style="dim")
        table.add_row("total", f"{stats['totals']['rows']:,}", style="bold")
        console.print(table)
    queues = stats["queues"]
    if queues is None:
        console.print(f"[yellow]queue depths unknown[/]: {stats.get('queues_error', '')}", highlight=False)
        return
    table = Table(title="queues")
    table.add_column("queue")
    table.add_column("ready", justify="right")
    table.add_column("dead letters", justify="right")
    for name, queue in queues.items():
        ready = "?" if queue["ready"] is None else f"{queue['ready']:,}"
        dead = "?" if queue["dead_letters"] is None else f"{queue['dead_letters']:,}"
        table.add_row(name + (f" ({queue['error']})" if queue.get("error") else ""), ready,
                      f"[red]{dead}[/]" if queue["dead_letters"] else dead)
    table.add_row("total", f"{stats['totals']['ready']:,}", f"{stats['totals']['dead_letters']:,}", style="bold")
    console.print(table)
