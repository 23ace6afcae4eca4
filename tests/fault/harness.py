"""The pipeline every fault scenario runs: an ingest and a sink process on RabbitMQ and chDB, the load they
carry, how long they take to recover, and what the store holds once the sink has drained."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from runtime.bench._service import ServiceProcess
from runtime.bench._verify import Ledger, StoredCheck, queue_depths, scrape
from runtime.bench.ingest import LoadResult, delete_namespace, drive_load, grpc_event_types, sample_batches
from runtime.broker import Topology
from tests.integration.ingest_harness import SCHEMA
from tests.integration.sink_harness import query_in_subprocess

ROOT = Path(__file__).resolve().parents[2]
ROWS = "eventgen_rows_inserted_total"
# Calls a second the scenarios send (of 50 events: 500 events/s), about half of what the whole pipeline stores
# on a 2-core machine while the load generator and the ingest share the cores with the sink (about 1,000
# events/s), so the drain after a fault takes seconds, not minutes.
RATE = 10.0

_CHECK = """
import json, sys
from runtime.bench._verify import Ledger, check_stored
from runtime.generated import load_generated
from runtime.store.connect import open_client
run, calls = json.loads(open(sys.argv[2]).read())
ledger = Ledger(run, [(key, n, tuple(rejected)) for key, n, rejected in calls])
print(json.dumps(check_stored(open_client(sys.argv[1]), load_generated(), ledger).as_dict()))
"""


def fault_batches(count: int = 16, events: int = 50, seed: int = 0) -> list[Any]:
    """Mixed batches of the gRPC event types, each event with a client time a minute ago, as an SDK sends it:
    a retried event keeps its time as it keeps its id."""
    batches = sample_batches(SCHEMA, count, events, seed=seed, types=grpc_event_types(SCHEMA))
    client_us = time.time_ns() // 1000 - 60_000_000
    for batch in batches:
        for i, envelope in enumerate(batch.events):
            envelope.client_time.FromMicroseconds(client_us + i)
    return batches


class FaultPipeline:
    """`eventgen run --role ingest` and `--role sink` under one namespace, on RabbitMQ and a chDB folder that
    only the sink process opens. The ingest keeps its gRPC port across restarts, so clients find it again."""

    def __init__(
        self,
        tmp_path: Path,
        amqp_url: str,
        namespace: str,
        *,
        ingest_env: dict[str, str] | None = None,
        sink_env: dict[str, str] | None = None,
        sink_program: tuple[str, ...] | None = None,
    ) -> None:
        self.amqp_url = amqp_url
        self.namespace = namespace
        self.topology = Topology(SCHEMA.topology, namespace)
        self.clickhouse_url = f"chdb://{tmp_path / 'clickhouse'}"
        self.logs = tmp_path
        self._env = {"ingest": ingest_env or {}, "sink": sink_env or {}}
        self._sink_program = sink_program
        self._starts = {"ingest": 0, "sink": 0}
        self.grpc_port: int | None = None
        self.ingest: ServiceProcess | None = None
        self.sink: ServiceProcess | None = None

    # The processes.

    def start(self, role: str, wait: bool = True) -> ServiceProcess:
        self._starts[role] += 1
        common = ("--role", role, "--broker-url", self.amqp_url, "--namespace", self.namespace)
        log = self.logs / f"{role}-{self._starts[role]}.log"
        if role == "sink":
            extra = {"program": self._sink_program} if self._sink_program else {}
            process = ServiceProcess(
                *common, "--clickhouse-url", self.clickhouse_url, log=log, env=self._env["sink"], **extra
            )
            self.sink = process
        else:
            process = ServiceProcess(*common, log=log, env=self._env["ingest"], grpc_port=self.grpc_port)
            self.grpc_port, self.ingest = process.grpc_port, process
        if wait:
            process.wait_ready()
        return process

    def start_both(self) -> None:
        sink, ingest = self.start("sink", wait=False), self.start("ingest", wait=False)
        sink.wait_ready()
        ingest.wait_ready()

    @staticmethod
    def signal(process: ServiceProcess, sig: signal.Signals) -> float:
        """Sends `sig` and waits for the exit; returns the seconds it took."""
        started = time.monotonic()
        process.process.send_signal(sig)
        process.process.wait(120)
        elapsed = time.monotonic() - started
        process.stop()
        return elapsed

    # The load.

    async def load(
        self,
        run: str,
        seconds: float,
        *,
        clients: int = 4,
        batches: list[Any] | None = None,
        rate_per_s: float | None = RATE,
        retry_s: float = 30.0,
    ) -> LoadResult:
        """Clients sending batches with ids of their own (prefix `run`), at most `rate_per_s` calls a second,
        retrying failed calls with the same ids for up to `retry_s` after the load, as a client that was not
        told its events are stored does."""
        assert self.grpc_port is not None
        return await drive_load(
            SCHEMA,
            self.grpc_port,
            batches or fault_batches(),
            clients,
            seconds,
            rate_per_s=rate_per_s,
            unique_ids=run,
            retry_s=retry_s,
        )

    # Draining and checking.

    def queues(self, dead_letters: bool = False) -> list[str]:
        return [q["name"] for q in (self.topology.dead_letter_queues if dead_letters else self.topology.queues)]

    def depths(self, dead_letters: bool = False) -> dict[str, int]:
        return asyncio.run(asyncio.wait_for(queue_depths(self.amqp_url, self.queues(dead_letters)), 30))

    def drain(self, timeout: float = 120.0) -> float:
        """Waits until the sink has taken every message ready in the queues, then stops it (SIGTERM: it
        flushes and acks what it holds) so its chDB folder can be read; a message it gave back is taken
        by a sink started again. Returns the seconds it took."""
        started = time.monotonic()
        deadline = started + timeout
        while True:
            assert self.sink is not None
            while any(self.depths().values()):
                assert self.sink.process.poll() is None, f"the sink died:\n{self.sink.log.read_text()[-3000:]}"
                assert time.monotonic() < deadline, f"the queues did not drain within {timeout}s: {self.depths()}"
                time.sleep(0.5)
            assert self.sink.stop() == 0, f"the sink did not stop cleanly:\n{self.sink.log.read_text()[-3000:]}"
            if not any(self.depths().values()):
                return time.monotonic() - started
            self.start("sink")

    def check(self, ledger: Ledger) -> StoredCheck:
        """What the store holds of the ledger's events, read in a process of its own."""
        ledger_file = self.logs / f"ledger-{ledger.run}.json"
        ledger_file.write_text(json.dumps([ledger.run, ledger.calls]))
        done = subprocess.run(
            [sys.executable, "-c", _CHECK, self.clickhouse_url, str(ledger_file)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        return StoredCheck(**json.loads(done.stdout.strip().splitlines()[-1]))

    def query(self, sql: str) -> list[list[Any]]:
        return query_in_subprocess(self.clickhouse_url, sql)

    def close(self) -> None:
        for process in (self.ingest, self.sink):
            if process is not None:
                process.stop()
        asyncio.run(asyncio.wait_for(delete_namespace(self.amqp_url, SCHEMA, self.namespace), 60))


def ledger_of(run: str, *results: LoadResult) -> Ledger:
    return Ledger(run, [call for result in results for call in result.acked_calls])


class StoreWatch:
    """Samples the sink's rows-inserted counter while a scenario runs, to tell when it stores again."""

    def __init__(self, pipeline: FaultPipeline, interval: float = 0.2) -> None:
        self._pipeline = pipeline
        self._interval = interval
        self.samples: list[tuple[float, float | None]] = []
        self._task: asyncio.Task[None] | None = None

    def __enter__(self) -> StoreWatch:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            sink = self._pipeline.sink
            value = None
            if sink is not None and sink.process.poll() is None:
                try:
                    value = (await loop.run_in_executor(None, scrape, sink.http_port)).get(ROWS, 0.0)
                except (OSError, urllib.error.URLError):
                    value = None
            self.samples.append((time.monotonic(), value))
            await asyncio.sleep(self._interval)

    def stored_again(self, after: float) -> float | None:
        """The first time after `after` the sink's counter moved (a restarted sink starts again from 0)."""
        previous = 0.0
        for at, value in self.samples:
            if value is None:  # the sink is down: the next one counts from 0
                previous = 0.0
                continue
            if at > after and value > previous:
                return at
            previous = value
        return None


def acked_again(result: LoadResult, load_started: float, after: float) -> float | None:
    """When the first call answered after `after` was answered (monotonic time)."""
    times = [load_started + at for at, _, accepted in result.timeline if load_started + at > after and accepted]
    return min(times) if times else None


def recovery_s(fault_end: float, *moments: float | None) -> float | None:
    """Seconds from the end of a fault until calls were acknowledged and rows stored again."""
    if any(moment is None for moment in moments):
        return None
    return round(max(moments) - fault_end, 2)  # type: ignore[type-var, operator]


def readyz(http_port: int) -> int:
    """The status /readyz answers, or 0 while nothing listens on the port yet."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/readyz", timeout=2) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0
