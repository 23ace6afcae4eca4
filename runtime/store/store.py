"""The store: inserts with deduplication tokens, a health probe every second, reconnection by itself."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ._gate import InsertGate
from .connect import describe, embedded_folder, open_client
from .errors import StoreError, classify
from .protobuf_insert import ProtobufInsert

__all__ = ["Store"]

log = logging.getLogger("eventgen.store")
# clickhouse-connect logs a traceback for every value it cannot serialize; the sink reports those itself.
logging.getLogger("clickhouse_connect.driver.transform").setLevel(logging.CRITICAL)


class Store:
    """ClickHouse through a few threads, each with a client of its own (clickhouse-connect clients are not shared
    between threads; the embedded engine takes several handles to its one folder and runs their queries side by
    side), so inserts into different tables overlap once the sink falls behind (InsertGate: an insert that waited
    `spill_s` for its turn starts beside the one running)."""

    def __init__(self, url: str, *, probe_interval: float = 1.0, threads: int = 1, nice: int = 0,
                 spill_s: float = 0.0, min_spare_cores: float = 0.3) -> None:
        self.url = url
        self.where = describe(url)
        self._probe_interval = probe_interval
        # The threads run at `nice` below the process's priority; the embedded engine's threads, started from them
        # (chDB is loaded, and its client opened, on a store thread), inherit it.
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="eventgen-store", initializer=_lower_priority,
                                            initargs=(nice,))
        self._gate = InsertGate(threads, spill_s, min_spare=min_spare_cores)
        # Per thread: its client and its insert contexts (one per table and column list: the column types are read
        # once, not before every insert), of the current generation of clients.
        self._threads: dict[int, _ThreadClient] = {}
        self._generation = 0
        self._healthy = False
        self._probe: asyncio.Task[None] | None = None
        self.reconnects = 0
        self.last_error = ""

    @property
    def healthy(self) -> bool:
        return self._healthy

    async def start(self) -> None:
        """Connects (or keeps trying in the background) and starts the health probe."""
        await self._check()
        self._probe = asyncio.get_running_loop().create_task(self._watch(), name="eventgen-store-probe")

    async def _run(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._executor, lambda: call(*args, **kwargs))

    def _thread_client(self) -> _ThreadClient:
        thread = threading.get_ident()
        mine = self._threads.get(thread)
        if mine is None or mine.generation != self._generation:
            mine = self._threads[thread] = _ThreadClient(open_client(self.url), self._generation)
            self.reconnects += 1
        return mine

    def _connected_client(self) -> Any:
        return self._thread_client().client

    @property
    def threads(self) -> int:
        """Inserts in flight at most."""
        return self._gate.threads

    @property
    def inserts_side_by_side(self) -> int:
        """Inserts started while another ran (the sink behind)."""
        return self._gate.side_by_side

    @property
    def insert_contexts(self) -> int:
        """Insert contexts held, over every thread (each table's is made once per thread and client)."""
        return sum(len(t.contexts) for t in self._threads.values())

    async def _check(self) -> bool:
        try:
            await self._run(lambda: self._connected_client().query("SELECT 1"))
        except Exception as exc:  # any failure of the probe means: not healthy, reconnect next time
            error = classify(exc)
            if self._healthy or error.args[0] != self.last_error:
                log.warning("ClickHouse at %s is unhealthy: %s", self.where, error, extra={"component": "store"})
            self.last_error = str(error)
            self._healthy = False
            if not self.url.startswith("chdb:"):
                self._generation += 1  # every thread connects anew
            return False
        if not self._healthy:
            log.info("ClickHouse at %s is healthy", self.where, extra={"component": "store"})
        self._healthy = True
        return True

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self._probe_interval)
            await self._check()

    async def insert(self, table: str, columns: Sequence[Sequence[Any]], column_names: Sequence[str],
                     token: str) -> None:
        """Inserts columns; the same token makes a retried insert of the same rows a no-op."""
        settings = {"insert_deduplication_token": token, "insert_deduplicate": 1}
        key = (table, tuple(column_names))

        def call() -> None:
            mine = self._thread_client()
            client, contexts = mine.client, mine.contexts
            context = contexts.get(key)
            if context is None or context.client is not client:
                context = _InsertContext(client, client.create_insert_context(table, list(column_names),
                                                                              column_oriented=True))
                contexts[key] = context
            try:
                context.insert(columns, settings)
            except Exception as exc:
                if not classify(exc).retryable:  # the table may have changed under us: read its columns again
                    contexts.pop(key, None)
                raise

        try:
            async with self._gate:
                await self._run(call)
        except Exception as exc:
            error = classify(exc)
            if error.retryable:
                self._healthy = False
            raise error from exc

    async def insert_events(self, table: str, insert: ProtobufInsert, bodies: list[bytes], token: str,
                            parameters: dict[str, str]) -> None:
        """Inserts stamped events that ClickHouse decodes and flattens itself with the generated insert; `bodies`
        are broker messages' StampedEvents (transport.events_body). The same token makes a retry a no-op."""
        schemas = embedded_folder(self.url) / "format_schemas" if self.url.startswith("chdb:") else None
        try:
            async with self._gate:
                await self._run(lambda: insert.run(self._connected_client(), table, bodies, token, parameters,
                                                   schemas=schemas))
        except Exception as exc:
            error = classify(exc)
            if error.code is not None:  # ClickHouse answered: it refuses this insert, not the connection
                raise StoreError(str(error), retryable=False, code=error.code) from exc
            if error.retryable:
                self._healthy = False
            raise error from exc

    async def existing_ids(self, table: str, event_type: str, ids: Sequence[str], from_us: int, to_us: int) -> set[str]:
        """Which of these event ids the table already holds (within the events' time range, which the sort key
        makes cheap to search)."""
        if not ids:
            return set()
        sql = (f"SELECT event_id FROM {_quote(table)} WHERE event_type = %(t)s "
               f"AND event_time >= fromUnixTimestamp64Micro(%(lo)s) "
               f"AND event_time <= fromUnixTimestamp64Micro(%(hi)s) AND event_id IN %(ids)s")
        try:
            result = await self._run(lambda: self._connected_client().query(
                sql, parameters={"t": event_type, "lo": from_us, "hi": to_us, "ids": list(ids)}))
        except Exception as exc:
            raise classify(exc) from exc
        return {row[0] for row in result.result_rows}

    async def query(self, sql: str, parameters: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            result = await self._run(lambda: self._connected_client().query(sql, parameters=parameters))
        except Exception as exc:
            raise classify(exc) from exc
        return list(result.result_rows)

    async def command(self, sql: str) -> None:
        try:
            await self._run(lambda: self._connected_client().command(sql))
        except Exception as exc:
            raise classify(exc) from exc

    async def with_client(self, work: Any) -> Any:
        """Runs `work(client)` on the store's thread (for synchronous code such as migrations)."""
        return await self._run(lambda: work(self._connected_client()))

    async def close(self) -> None:
        if self._probe is not None:
            self._probe.cancel()
        threads, self._threads = self._threads, {}
        self._generation += 1
        for thread in threads.values():
            await self._run(thread.client.close)
        self._executor.shutdown(wait=False)


class _ThreadClient:
    """A store thread's client and insert contexts."""

    __slots__ = ("client", "contexts", "generation")

    def __init__(self, client: Any, generation: int) -> None:
        self.client = client
        self.contexts: dict[tuple[str, tuple[str, ...]], _InsertContext] = {}
        self.generation = generation


class _InsertContext:
    """A clickhouse-connect insert context, reused for one table's inserts.

    It refers to itself (it keeps a bound method of its own), so a context made per insert, with its rows, lived
    until a run of the cyclic garbage collector: about a sixth of a sink's time and memory growing with
    the backlog (`eventgen bench sink`). Reused, and emptied after each insert, it holds no rows between them."""

    __slots__ = ("client", "context")

    def __init__(self, client: Any, context: Any) -> None:
        self.client = client
        self.context = context

    def insert(self, columns: Sequence[Sequence[Any]], settings: dict[str, Any]) -> None:
        context = self.context
        context.settings = settings
        # The context keeps references to the list it is given (some even once its data is reset): a list of
        # our own, emptied afterwards, leaves it nothing of the rows.
        data = list(columns)
        context.data = data
        try:
            self.client.insert(context=context)
        finally:
            data.clear()
            context.data = None
            context.insert_exception = None  # a failed insert leaves its error here for the next one to raise


def _lower_priority(nice: int) -> None:
    """Lowers the calling thread's CPU priority by `nice` (on Linux a thread has a niceness of its own)."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    thread = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + nice))
    except OSError as exc:  # a sandbox may refuse it: the store works the same, at the process's priority
        log.warning("could not lower the store threads' CPU priority: %s", exc, extra={"component": "store"})


def _quote(table: str) -> str:
    return ".".join(f"`{part}`" for part in table.split("."))
