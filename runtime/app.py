"""The App: owns every connection and task of one eventgen process, starts them and drains them."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import Callable
from contextlib import AsyncExitStack

from aiohttp import web
from grpclib.health.check import ServiceStatus

from .broker import Broker, Topology
from .generated import GeneratedSchema, load_generated
from .http import build_http_app, make_http_runner
from .ingest.grpc_service import EventService, build_grpc_server
from .ingest.pipeline import Pipeline
from .ingest.webhooks import add_webhook_routes
from .metrics import Metrics
from .queue_depths import QueueDepths
from .settings import Settings
from .sink.native import NativeInserts
from .sink.service import SinkService
from .stats import StatsSource, add_stats_route
from .store import migrate as migrations
from .store.connect import describe
from .store.protobuf_insert import ProtobufInsert
from .store.store import Store

__all__ = ["App", "event_loop_factory", "make_broker"]

log = logging.getLogger("eventgen.app")


def event_loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop]:
    """The event loop `eventgen run` runs on: uvloop (libuv: cheaper callbacks and timers, and the writes
    of one loop iteration go out in one system call) or the standard library's."""
    if name == "uvloop":
        import uvloop

        return uvloop.new_event_loop
    return asyncio.new_event_loop


def make_broker(settings: Settings, topology: Topology) -> Broker:
    if settings.broker_url == "memory://":
        from .broker.memory import MemoryBroker

        return MemoryBroker(topology)
    from .broker.rabbitmq import RabbitMQBroker

    return RabbitMQBroker(settings.broker_url, topology, compression=settings.broker_compression,
                          max_held_bytes=settings.sink_max_held_mb * 1024 * 1024)


class App:
    """One process: the roles its settings name, on one broker. Shutdown order: stop accepting,
    drain the pools and batchers, then close the connections."""

    def __init__(self, settings: Settings, schema: GeneratedSchema | None = None) -> None:
        self.settings = settings
        self.schema = schema or load_generated(settings.generated_dir)
        self.topology = Topology(self.schema.topology, settings.namespace)
        self.metrics = Metrics()
        self.broker: Broker = make_broker(settings, self.topology)
        self.queue_depths = QueueDepths(self.broker, self.topology, self.metrics)
        self.pipeline: Pipeline | None = None
        self.grpc_port = settings.grpc_port
        self.http_port = settings.http_port
        self._status = ServiceStatus()
        self._draining = False
        self._stack = AsyncExitStack()
        self._grpc = None
        self._service: EventService | None = None
        self._http: web.AppRunner | None = None
        self._watcher: asyncio.Task[None] | None = None
        self.store: Store | None = None
        self.sink: SinkService | None = None

    @property
    def ingesting(self) -> bool:
        return self.settings.role in ("ingest", "all")

    @property
    def sinking(self) -> bool:
        return self.settings.role in ("sink", "all")

    def ready(self) -> tuple[bool, str]:
        if self._draining:
            return False, "draining"
        if not self.broker.connected:
            return False, "broker not connected"
        return True, ""

    async def start(self) -> None:
        await self.broker.start()
        self._stack.push_async_callback(self.broker.close)
        self._status.set(False)
        self._watcher = asyncio.get_running_loop().create_task(self._watch_broker())
        if self.sinking:
            threads = self.settings.store_threads or (1 if self.ingesting else 2)
            self.store = Store(self.settings.clickhouse_url, threads=threads, nice=self.settings.store_nice,
                               spill_s=self.settings.store_spill_ms / 1000)
            await self.store.start()
            self._stack.push_async_callback(self.store.close)
            await self._migrate()
            pii_key = self.settings.pii_key.encode()
            native = (NativeInserts(ProtobufInsert.from_document(self.schema.inserts), pii_key,
                                    min_rows=self.settings.native_insert_min_rows)
                      if self.settings.native_inserts else None)
            self.sink = SinkService(self.schema, self.topology, self.broker, self.store, self.metrics,
                                    pii_key=pii_key, prefetch=self.settings.sink_prefetch,
                                    lookback_s=self.settings.republish_window_s, native=native,
                                    flush_interval_ms=self.settings.sink_flush_interval_ms)
            await self.sink.start()
            self.queue_depths.start()  # consumer lag, for the sinks' /metrics
            self._stack.push_async_callback(self.queue_depths.stop)
        if self.ingesting:
            self.pipeline = Pipeline(self.schema, self.topology, self.broker, self.settings, self.metrics)
            self._stack.push_async_callback(self.pipeline.close)
            self._service = EventService(self.schema, self.pipeline, self.metrics,
                                         auth_token=self.settings.auth_token,
                                         max_message_bytes=self.settings.max_message_bytes,
                                         max_batch_events=self.settings.max_batch_events,
                                         body_timeout_s=self.settings.body_timeout_s)
            self._grpc = build_grpc_server(self._service, self._status)
            await self._grpc.start(self.settings.grpc_host, self.settings.grpc_port,
                                   reuse_port=self.settings.reuse_port or None)
            self.grpc_port = self._grpc._server.sockets[0].getsockname()[1]  # noqa: SLF001 (port 0: the one bound)
        http_app = build_http_app(self.metrics, self.ready, self.settings.max_body_bytes)
        if self.pipeline is not None:
            add_webhook_routes(http_app, self.schema, self.pipeline, self.metrics, self.settings)
        tables = tuple(f"{t['database']}.{t['name']}" for t in self.schema.clickhouse["tables"])
        add_stats_route(http_app, StatsSource(self.settings.role, _redact(self.settings.broker_url),
                                              describe(self.settings.clickhouse_url), tables, self.queue_depths,
                                              lambda: self.store))
        self._http = make_http_runner(http_app, self.metrics)
        await self._http.setup()
        site = web.TCPSite(self._http, self.settings.http_host, self.settings.http_port,
                           reuse_port=self.settings.reuse_port or None)
        await site.start()
        self.http_port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001 (port 0: the one bound)
        _tune_collector(self.sinking, self.ingesting)
        log.info("eventgen %s: gRPC %s:%d, HTTP %s:%d, broker %s, ClickHouse %s", self.settings.role,
                 self.settings.grpc_host, self.grpc_port, self.settings.http_host, self.http_port,
                 _redact(self.settings.broker_url), _redact(self.settings.clickhouse_url))

    async def _migrate(self) -> None:
        """Creates and evolves the tables before the sinks start; refuses to start on a breaking change."""
        document = self.schema.clickhouse

        def migrate(client: object) -> int:
            steps = migrations.plan(client, document)
            migrations.apply(client, steps)
            return len(steps.steps)

        applied = await self.store.with_client(migrate)  # type: ignore[union-attr]
        if applied:
            log.info("migrated the tables: %d statements applied", applied)

    async def _watch_broker(self) -> None:
        while True:
            connected = self.broker.connected and not self._draining
            self._status.set(connected)
            self.metrics.broker_connected.set(1 if self.broker.connected else 0)
            self.metrics.broker_reconnects.set(self.broker.reconnects)
            if self.store is not None:
                self.metrics.store_healthy.set(1 if self.store.healthy else 0)
                self.metrics.store_reconnects.set(self.store.reconnects)
                self.metrics.store_side_by_side.set(self.store.inserts_side_by_side)
            await asyncio.sleep(0.2)

    async def stop(self) -> None:
        """Graceful drain, bounded by drain_timeout_s: NOT_SERVING first, then in-flight work, then connections."""
        self._draining = True
        self._status.set(False)
        deadline = asyncio.get_running_loop().time() + self.settings.drain_timeout_s

        def left() -> float:
            return max(0.0, deadline - asyncio.get_running_loop().time())

        if self._grpc is not None:
            self._grpc._server.close()  # noqa: SLF001 (stop listening; grpclib's close() would cancel requests)
        if self.pipeline is not None:
            await self.pipeline.drain(left())
        if self._service is not None and not await self._service.wait_idle(left()):
            log.warning("requests still running at the drain deadline are cancelled")
        if self._grpc is not None:
            self._grpc.close()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._grpc.wait_closed(), max(left(), 1.0))
        if self._http is not None:
            await self._http.cleanup()  # waits for webhook requests still running
        if self.sink is not None:
            if self.settings.broker_url == "memory://":
                # The in-process broker keeps nothing once the process ends: what ingest accepted and
                # published must reach the tables first.
                left_behind = await self.sink.wait_consumed(left())
                if left_behind:
                    log.error("%d messages were still in the in-process broker at the drain deadline and are lost; "
                              "raise drain_timeout_s, or run on RabbitMQ, which keeps them", left_behind)
            await self.sink.stop()
        if self._watcher is not None:
            self._watcher.cancel()
        await self._stack.aclose()

    async def run_until_signalled(self) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await self.start()
        await stop.wait()
        log.info("draining (up to %.0fs)", self.settings.drain_timeout_s)
        await self.stop()
        log.info("stopped")


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _tune_collector(sinking: bool, ingesting: bool) -> None:
    """What lives from start-up on (modules, the schema, the transformers) leaves the cyclic collector's
    generations, so a full collection no longer scans it. A sink also collects less often: its buffers hold
    many containers (tens of thousands of column lists and tuples) that refcounting frees once they are
    inserted. The youngest generation is collected after 100,000 more containers instead of 700: one scan
    then finds most of a batch's containers already freed instead of rescanning them. Draining a backlog
    (`eventgen bench sink`), collections took about a fifth of a sink's time at the default thresholds; in
    its first 12 s, 1.5-1.8 s at 10,000 and 0.9-1.3 s at 100,000.

    A process that also answers clients (`--role all`) collects after 10,000: a collection holds the event
    loop, and at 100,000 each took 46-97 ms (`bench e2e` at 6,000 events/s, timed by a `gc.callbacks` hook),
    over the 50 ms a request may take; at 10,000, 10-20 ms. So does one that only answers them: `eventgen bench
    ingest`, 4 pairs alternating with the default 700, took 10.2-10.4 us of the ingest process's CPU per event
    against 10.4-10.8, and 73,808-78,258 events/s against 72,019-74,654."""
    gc.freeze()
    if sinking or ingesting:
        gc.set_threshold(10_000 if ingesting else 100_000, 20, 20)
