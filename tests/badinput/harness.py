"""One running service (role all, in-process broker, chDB) shared by the bad-input cases, with good clients
beside each case and the checks every case makes: answered, counted, nothing stored that should not be."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from runtime.app import App
from tests.badinput.clients import AUTH, Answer, ServiceClient, add_event, table_of
from tests.integration.ingest_harness import SCHEMA, Batch
from tests.integration.sink_harness import wait_for
from tests.unit.test_webhooks import body_of, shopify_headers

RESULTS = Path(__file__).resolve().parents[2] / "results" / "bad_input.json"
# A case moves the rejections it declares, by (source, reason), and no other; the _UNMOVED never move.
_REJECTED = "eventgen_events_rejected_total"
_UNMOVED = ("eventgen_worker_errors_total", "eventgen_dead_lettered_total", "eventgen_publish_failures_total")
_SHOPIFY_GOOD = body_of("shopify", "app_uninstalled")


@dataclass
class Case:
    """One bad input: what it sent (ids), what of it must be stored, and what it got (for the results)."""

    name: str
    transport: str
    ids: set[str]
    stored: set[str]
    event_types: tuple[str, ...]
    answer: Answer | None = None
    counted: str = ""

    def got(self, answer: Answer) -> Answer:
        self.answer = answer
        return answer


@dataclass
class _Call:
    kind: str
    started: float
    ended: float = 0.0
    error: str = ""


@dataclass
class GoodClients:
    """A gRPC client and a Shopify client sending valid requests back to back while a case runs."""

    service: BadInputService
    calls: list[_Call] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop("grpc", self._grpc_call)),
                       asyncio.create_task(self._loop("webhook", self._webhook_call))]

    async def _loop(self, kind: str, call: Any) -> None:
        while not self._stop.is_set():
            record = _Call(kind, time.monotonic())
            self.calls.append(record)
            try:
                await call()
            except Exception as exc:  # any failure of a good client is what the case must not cause
                record.error = f"{type(exc).__name__}: {exc}"
            record.ended = time.monotonic()

    async def _grpc_call(self) -> None:
        batch, ids = Batch(), [f"good-{next(self.service.sequence)}-{i}" for i in range(3)]
        for event_id in ids:
            add_event(batch, event_id, "page_viewed").page_viewed.url = "/good"
        response = await self.service.stub.Dispatch(batch, metadata=AUTH, timeout=10)
        if response.accepted != len(ids) or response.rejected:
            raise AssertionError(f"a good batch was not accepted whole: {response}")
        self.service.acked.update(ids)

    async def _webhook_call(self) -> None:
        event_id = f"good-wh-{next(self.service.sequence)}"
        headers = shopify_headers("app/uninstalled", _SHOPIFY_GOOD, event_id)
        answer = await self.service.post("/webhooks/shopify", _SHOPIFY_GOOD, headers)
        if answer.status != "200" or answer.body.get("status") != "accepted":
            raise AssertionError(f"a good Shopify delivery got {answer}")
        self.service.acked.add(event_id)

    async def abort(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def stop(self, body_started: float, body_ended: float) -> None:
        """Stops once each client made a call after the case; fails when a good call failed or none of them
        ran while the case did."""
        def after(kind: str) -> bool:
            return any(c.kind == kind and c.started >= body_ended and c.ended for c in self.calls)

        async def both_after() -> bool:
            return after("grpc") and after("webhook")

        await wait_for(both_after, 20, poll=0.01)
        self._stop.set()
        await asyncio.gather(*self._tasks)  # in-flight calls finish, so every id they stored is in `acked`
        failed = [c for c in self.calls if c.error]
        assert not failed, f"good clients failed during the case: {[(c.kind, c.error) for c in failed[:3]]}"
        for kind in ("grpc", "webhook"):
            during = [c for c in self.calls if c.kind == kind and c.started <= body_ended and c.ended >= body_started]
            assert during, f"no good {kind} call ran while the case did"
            assert after(kind), f"no good {kind} call completed after the case"


class BadInputService(ServiceClient):
    """The running App and what the suite knows about it: every event id a client was told is accepted."""

    def __init__(self, app: App, session: aiohttp.ClientSession) -> None:
        super().__init__(app, session)
        self.acked: set[str] = set()
        self.sequence = itertools.count()
        self.results: list[dict[str, str]] = []

    # What the store holds.

    async def settle(self, event_types: Iterable[str]) -> None:
        """Returns once a sentinel event of each type, sent now, is stored: what came before it is flushed."""
        batch, sentinels = Batch(), {}
        for event_type in sorted(set(event_types)):
            sentinels[event_type] = f"sentinel-{uuid.uuid4().hex[:12]}"
            add_event(batch, sentinels[event_type], event_type)
        answer = await self.dispatch(batch)
        assert answer.status == "OK" and answer.body.accepted == len(sentinels), answer
        self.acked.update(sentinels.values())

        async def stored() -> bool:
            for event_type, event_id in sentinels.items():
                if not await self.rows(table_of(event_type), [event_id]):
                    return False
            return True

        assert await wait_for(stored, 30, poll=0.05), f"the sentinels {sentinels} were not stored within 30s"

    async def rows(self, table: str, ids: Iterable[str], columns: str = "event_id", final: bool = False) -> list[Any]:
        ids = sorted(ids)
        if not ids:
            return []
        return await self.app.store.query(  # type: ignore[union-attr]
            f"SELECT {columns} FROM {table}{' FINAL' if final else ''} WHERE event_id IN %(ids)s ORDER BY event_id",
            {"ids": ids})

    async def unaccounted(self, table: str) -> set[str]:
        """Event ids stored in `table` that no client was told are accepted."""
        stored = await self.app.store.query(f"SELECT DISTINCT event_id FROM {table}")  # type: ignore[union-attr]
        return {row[0] for row in stored} - self.acked

    # The case.

    @asynccontextmanager
    async def case(self, name: str, transport: str, *, rejected: dict[tuple[str, str], int] | None = None,
                   counted: dict[tuple[str, tuple[tuple[str, str], ...]], int] | None = None,
                   event_types: Sequence[str] = ("app_crashed",), ids: Iterable[str] = (),
                   stored: Iterable[str] = ()) -> AsyncIterator[Case]:
        """Runs a case beside the good clients, then checks that they were unharmed, that the service is up,
        that exactly the `rejected` rejections ((source, reason): n) and `counted` counters moved, that of
        the case's `ids` only `stored` are stored, and that the case's tables hold nothing unaccounted."""
        case = Case(name, transport, set(ids), set(stored), tuple(event_types))
        self.acked.update(case.stored)
        before = await self.samples()
        errors = _ErrorLog()
        logging.getLogger().addHandler(errors)
        clients = GoodClients(self)
        clients.start()
        await asyncio.sleep(0.02)  # the good clients are mid-call when the bad input arrives
        body_started = time.monotonic()
        try:
            yield case
        except BaseException:
            await clients.abort()
            logging.getLogger().removeHandler(errors)
            raise
        body_ended = time.monotonic()
        self.acked.update(case.stored)  # the case may learn an id from the answer (a webhook's derived id)
        try:
            await clients.stop(body_started, body_ended)
        finally:
            logging.getLogger().removeHandler(errors)
        assert not errors.records, f"the service logged errors (a crash?): {errors.records[:3]}"
        await self.assert_alive()
        after = await self.samples()
        moved = _rejections(after, before)
        assert moved == (rejected or {}), f"rejections counted {moved}, expected {rejected or {}}"
        for (name_, labels), n in (counted or {}).items():
            key = (name_, frozenset(labels))
            assert after.get(key, 0) - before.get(key, 0) == n, f"{name_}{dict(labels)} moved by " \
                f"{after.get(key, 0) - before.get(key, 0)}, expected {n}"
        for metric in _UNMOVED:
            assert _total(after, metric) == _total(before, metric), f"{metric} moved during the case"
        case.counted = ", ".join([f"events_rejected{{source={s},reason={r}}} +{n}" for (s, r), n in
                                  (rejected or {}).items()] +
                                 [f"{m.removeprefix('eventgen_').removesuffix('_total')}"
                                  f"{{{','.join(f'{k}={v}' for k, v in ls)}}} +{n}"
                                  for (m, ls), n in (counted or {}).items()]) or "nothing"
        await self.settle(case.event_types)
        tables = sorted({table_of(t) for t in case.event_types})
        found = {row[0] for table in tables for row in await self.rows(table, case.ids | case.stored)}
        assert found == case.stored, f"stored {sorted(found)}, expected {sorted(case.stored)}"
        for table in tables:
            assert not await self.unaccounted(table), f"{table} holds events no client was told are accepted"
        self._record(case)

    def _record(self, case: Case) -> None:
        assert case.answer is not None, f"case {case.name!r} recorded no answer"
        self.results.append({"case": case.name, "transport": case.transport, "status": case.answer.status,
                             "message": case.answer.message, "counted": case.counted,
                             "stored": f"{len(case.stored)} of {len(case.ids | case.stored)} events"
                             if case.ids | case.stored else "nothing to store"})
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(self.results, indent=2) + "\n")

    async def finish(self) -> None:
        """The whole run: every acknowledged event is stored, and nothing else is."""
        tables = sorted({table_of(t) for t in SCHEMA.event_types})

        async def all_stored() -> bool:
            stored = set()
            for table in tables:
                stored |= {row[0] for row in await self.app.store.query(f"SELECT DISTINCT event_id FROM {table}")}
            self._stored = stored
            return self.acked <= stored

        assert await wait_for(all_stored, 30, poll=0.2), \
            f"{len(self.acked - self._stored)} acknowledged events are not stored"
        assert self._stored <= self.acked, f"stored but never acknowledged: {sorted(self._stored - self.acked)[:10]}"


class _ErrorLog(logging.Handler):
    """Keeps the ERROR records logged while a case runs: an unhandled exception in a handler is one."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")


def _total(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], metric: str) -> float:
    return sum(value for (name, _), value in samples.items() if name == metric)


def _rejections(after: dict[Any, float], before: dict[Any, float]) -> dict[tuple[str, str], int]:
    """How much each (source, reason) of eventgen_events_rejected moved, summed over the event types."""
    moved: dict[tuple[str, str], int] = {}
    for (name, labels), value in after.items():
        if name == _REJECTED:
            delta = value - before.get((name, labels), 0)
            if delta:
                key = (dict(labels)["source"], dict(labels)["reason"])
                moved[key] = moved.get(key, 0) + int(delta)
    return moved
