"""The pipelines the end-to-end benchmark drives: `eventgen run` processes it starts, or a running service."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..generated import GeneratedSchema
from ..store.connect import open_client
from ._resources import ProcessSampler, rabbitmq_pid
from ._service import ServiceProcess
from ._verify import CONSUMED, PUBLISHED, SIDE_BY_SIDE, Ledger, queue_depths, scrape, stored_count, wait_until
from .ingest import delete_namespace

if TYPE_CHECKING:
    from .e2e import E2EOptions

__all__ = ["StartedPipeline", "TargetPipeline"]


class StartedPipeline:
    """The pipeline this benchmark starts: `eventgen run` processes under a namespace of their own."""

    def __init__(self, options: E2EOptions, clickhouse_url: str, data_dir: Path, sampler: ProcessSampler) -> None:
        self.options = options
        self.rabbitmq = options.broker_url != "memory://"
        self.namespace = f"e2e-{uuid.uuid4().hex[:8]}"
        self.sampler = sampler
        common = ("--broker-url", options.broker_url, "--namespace", self.namespace, *options.extra_flags)
        store = ("--clickhouse-url", clickhouse_url, "--data-dir", str(data_dir))
        log = options.log_dir
        if self.rabbitmq:
            self.processes = {"sink": ServiceProcess("--role", "sink", *common, *store, log=log / "sink.log"),
                              "ingest": ServiceProcess("--role", "ingest", *common, log=log / "ingest.log")}
        else:
            self.processes = {"all": ServiceProcess("--role", "all", *common, *store, log=log / "all.log")}
        self.ingest = self.processes["ingest" if self.rabbitmq else "all"]
        self.host, self.grpc_port = "127.0.0.1", self.ingest.grpc_port

    @property
    def pids(self) -> dict[str, int]:
        return {name: process.process.pid for name, process in self.processes.items()}

    def wait_ready(self) -> None:
        for name, process in self.processes.items():
            process.wait_ready()
            self.sampler.watch(name, process.process.pid)
        broker = rabbitmq_pid() if self.rabbitmq else None
        if broker is not None:  # RabbitMQ on this machine: its CPU is part of the pipeline's
            self.sampler.watch("rabbitmq", broker)

    def messages_published(self) -> float | None:
        """AMQP messages ingest published so far (the micro-batches), or None when it does not say."""
        try:
            return scrape(self.ingest.http_port, names=(PUBLISHED,)).get(PUBLISHED)
        except OSError:
            return None

    def _queues(self, schema: GeneratedSchema, dead_letters: bool = False) -> list[str]:
        from ..broker import Topology

        topology = Topology(schema.topology, self.namespace)
        return [q["name"] for q in (topology.dead_letter_queues if dead_letters else topology.queues)]

    def _received(self, sink: ServiceProcess, published: float, queues: list[str]) -> bool:
        """Whether the sink has received the `published` messages (and, on RabbitMQ, the queues are empty)."""
        try:
            if scrape(sink.http_port, names=(CONSUMED,)).get(CONSUMED, 0.0) < published:
                return False
        except OSError:
            return False
        return not self.rabbitmq or not any(asyncio.run(queue_depths(self.options.broker_url, queues)).values())

    def wait_caught_up(self, schema: GeneratedSchema, timeout: float) -> float | None:
        """Waits until the sink has received every message published so far (the processes keep running);
        returns how long that took, or None if it did not within `timeout` seconds."""
        started = time.monotonic()
        sink = self.processes["sink" if self.rabbitmq else "all"]
        published = scrape(self.ingest.http_port, names=(PUBLISHED,)).get(PUBLISHED)
        if published is None:
            return None
        queues = self._queues(schema)
        if not wait_until(lambda: self._received(sink, published, queues), timeout):
            return None
        return time.monotonic() - started

    def drain(self, schema: GeneratedSchema, ledger: Ledger) -> dict[str, Any]:
        """Waits until the sink has received every message the ingest side published, then stops the processes
        (SIGTERM: the sink flushes what it buffers and acks it) so their chDB folder is free to read."""
        started = time.monotonic()
        facts: dict[str, Any] = {}
        published = scrape(self.ingest.http_port, names=(PUBLISHED,)).get(PUBLISHED)
        sink = self.processes["sink" if self.rabbitmq else "all"]
        queues = self._queues(schema)
        if self.rabbitmq:
            self.sampler.sample()
            facts["exit_codes"] = {"ingest": self.ingest.stop()}
            # Where the sink lags: the queues holding the most messages when the load stopped.
            depths = asyncio.run(queue_depths(self.options.broker_url, queues))
            facts["backlog_at_load_end"] = dict(sorted(((q, d) for q, d in depths.items() if d),
                                                       key=lambda item: -item[1])[:5])

        def drained() -> bool:
            if sink.process.poll() is not None:  # it died: nothing more will arrive; its exit code says so
                return True
            return self._received(sink, published or 0.0, queues)

        if published is None or CONSUMED not in scrape(sink.http_port, names=(CONSUMED,)):
            # A service without these counters: wait out the longest flush interval instead.
            wait = max(q["sink"]["flush_interval_ms"] for q in schema.topology["queues"]) / 1000 + 2
            time.sleep(wait)
            facts["method"], facts["drained"] = f"waited {wait:g}s (no {PUBLISHED} / {CONSUMED} metrics)", None
        else:
            facts["method"] = "consumed >= published" + (" and queues empty" if self.rabbitmq else "")
            facts["drained"] = wait_until(drained, self.options.drain_timeout_s)
        self.sampler.sample()
        try:  # how often the store ran a second insert beside the first, the sink behind with a core to spare
            facts["inserts_side_by_side"] = int(scrape(sink.http_port, names=(SIDE_BY_SIDE,)).get(SIDE_BY_SIDE, 0.0))
        except OSError:
            pass
        facts.setdefault("exit_codes", {})["sink" if self.rabbitmq else "all"] = sink.stop()
        if self.rabbitmq:
            facts["left_in_queues"] = sum(asyncio.run(queue_depths(self.options.broker_url, queues)).values())
            facts["dead_lettered"] = sum(asyncio.run(queue_depths(self.options.broker_url,
                                                                  self._queues(schema, True))).values())
        facts["drain_s"] = round(time.monotonic() - started, 2)
        return facts

    def close(self, schema: GeneratedSchema) -> None:
        for process in self.processes.values():
            process.stop()
        if self.rabbitmq:
            asyncio.run(delete_namespace(self.options.broker_url, schema, self.namespace))


class TargetPipeline:
    """A running service this benchmark only drives; it sees the service's ClickHouse, not its processes."""

    def __init__(self, options: E2EOptions, clickhouse_url: str) -> None:
        self.options = options
        host, _, port = options.target.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"--target {options.target!r} is not HOST:PORT (the service's gRPC address)")
        self.host, self.grpc_port = host, int(port)
        self.clickhouse_url = clickhouse_url

    @property
    def pids(self) -> dict[str, int]:
        return {}

    def messages_published(self) -> float | None:
        return None

    def wait_ready(self) -> None:
        pass

    def wait_caught_up(self, schema: GeneratedSchema, timeout: float) -> float | None:
        """A running service's queues are out of sight: whether its sink keeps up is not known here."""
        return None

    def drain(self, schema: GeneratedSchema, ledger: Ledger) -> dict[str, Any]:
        """Polls ClickHouse until every acknowledged event is there, or none has arrived for longer than the
        longest flush interval of the schema."""
        started = time.monotonic()
        patience = max(q["sink"]["flush_interval_ms"] for q in schema.topology["queues"]) / 1000 + 5
        client = open_client(self.clickhouse_url)
        try:
            last, last_change = -1, time.monotonic()
            while time.monotonic() - started < self.options.drain_timeout_s:
                count = stored_count(client, schema, ledger.run)
                if count >= ledger.acked:
                    break
                if count != last:
                    last, last_change = count, time.monotonic()
                elif time.monotonic() - last_change > patience:
                    break
                time.sleep(0.5)
        finally:
            client.close()
        return {"method": "polled ClickHouse until every acknowledged id was there or none came for "
                          f"{patience:g}s", "drain_s": round(time.monotonic() - started, 2)}

    def close(self, schema: GeneratedSchema) -> None:
        pass
