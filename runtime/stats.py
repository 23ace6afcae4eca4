"""GET /stats: rows per table (roles that own the store), queue depths and dead letters (every role), as JSON."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .broker import BrokerUnavailable
from .queue_depths import QueueDepths
from .store.store import Store

__all__ = ["StatsSource", "add_stats_route", "collect_stats", "totals"]

# A stats call must answer even while the store or the broker is away.
_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class StatsSource:
    """What one process can report: `store()` is None for a process without the sink role."""

    role: str
    broker: str
    clickhouse: str
    tables: tuple[str, ...]  # database.table of every table of the schema
    depths: QueueDepths
    store: Callable[[], Store | None]


async def _table_rows(store: Store, tables: tuple[str, ...]) -> dict[str, int]:
    databases = sorted({table.split(".", 1)[0] for table in tables})
    rows = await store.query("SELECT database, name, total_rows FROM system.tables WHERE database IN %(databases)s",
                             {"databases": databases})
    wanted = set(tables)
    return {f"{database}.{name}": int(total or 0) for database, name, total in sorted(rows)
            if f"{database}.{name}" in wanted}


async def collect_stats(source: StatsSource) -> dict[str, Any]:
    """The /stats document. A part the process cannot report is null, with `<part>_error` saying why."""
    document: dict[str, Any] = {"role": source.role, "broker": source.broker, "clickhouse": None, "tables": None,
                                "queues": None}
    store = source.store()
    if store is None:
        document["tables_error"] = (f"this process (role {source.role}) does not own the store; ask the /stats of "
                                    "a process with the sink role")
    else:
        document["clickhouse"] = source.clickhouse
        try:
            document["tables"] = await asyncio.wait_for(_table_rows(store, source.tables), _TIMEOUT_S)
        except TimeoutError:
            document["tables_error"] = f"ClickHouse at {source.clickhouse} did not answer within {_TIMEOUT_S:g}s"
        except Exception as exc:  # the store's errors are classified and say what went wrong
            document["tables_error"] = f"ClickHouse at {source.clickhouse}: {exc}"
    try:
        depths = await asyncio.wait_for(source.depths.poll(), _TIMEOUT_S)
    except TimeoutError:
        document["queues_error"] = f"the broker at {source.broker} did not answer within {_TIMEOUT_S:g}s"
    except BrokerUnavailable as exc:
        document["queues_error"] = f"broker at {source.broker}: {exc}"
    else:
        document["queues"] = {d.queue: {"ready": d.ready, "dead_letter_queue": d.dead_letter_queue,
                                        "dead_letters": d.dead_letters, **({"error": d.error} if d.error else {})}
                              for d in depths}
    document["totals"] = totals(document["tables"], document["queues"])
    return document


def totals(tables: dict[str, int] | None, queues: dict[str, dict[str, Any]] | None) -> dict[str, int | None]:
    """Rows in all tables, messages ready in all queues and held in all dead-letter queues (None: unknown)."""
    return {
        "rows": sum(tables.values()) if tables is not None else None,
        "ready": sum(q["ready"] or 0 for q in queues.values()) if queues is not None else None,
        "dead_letters": sum(q["dead_letters"] or 0 for q in queues.values()) if queues is not None else None,
    }


def add_stats_route(app: web.Application, source: StatsSource) -> None:
    """Adds GET /stats; it answers 200 with what it could find out, naming what it could not."""

    async def stats(_: web.Request) -> web.Response:
        return web.json_response(await collect_stats(source))

    app.router.add_get("/stats", stats)
