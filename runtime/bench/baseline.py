"""The end-to-end benchmark's naive baseline: a gRPC server inserting each event into ClickHouse by itself,
synchronously, before it answers (the design eventgen replaced). Run as `python -m runtime.bench.baseline`."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from grpclib.const import Cardinality, Handler
from grpclib.server import Server, Stream

from ..generated import GeneratedSchema, load_generated
from ..ingest.timestamps import correct_event_time

__all__ = ["BaselineProcess", "BaselineService"]

_ROOT = Path(__file__).resolve().parents[2]


class BaselineService:
    """Dispatch, naively: for each event of a request, stamp it, transform it with the generated transformer
    and insert its one row, waiting for each insert before the next; answer when all are stored."""

    def __init__(self, schema: GeneratedSchema, client: Any, pii_key: bytes = b"", max_event_age_days: int = 365):
        self._path, self._batch, self._response = schema.dispatch_method()
        self._schema = schema
        self._client = client
        self._pii_key = pii_key
        self._max_age = max_event_age_days
        # One connection used from one thread, as a per-event synchronous client would.
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="eventgen-baseline-insert")
        self.inserted = 0
        self.failed = 0

    def __mapping__(self) -> dict[str, Handler]:
        return {self._path: Handler(self.dispatch, Cardinality.UNARY_UNARY, self._batch, self._response)}

    async def dispatch(self, stream: Stream[Any, Any]) -> None:
        request = await stream.recv_message()
        envelope_module = self._schema.envelope
        response = self._response()
        loop = asyncio.get_running_loop()
        for index, envelope in enumerate(getattr(request, envelope_module.BATCH_EVENTS_FIELD)):
            event_type = envelope_module.event_type(envelope)
            if event_type is None:
                response.rejected.add(index=index, code="unknown_event", reason=f"event {index} has no known payload")
                continue
            try:
                await loop.run_in_executor(self._executor, self._insert_one, request, envelope, event_type)
            except Exception as exc:  # the baseline reports a failed insert per event, as the original did
                self.failed += 1
                response.rejected.add(index=index, code="insert_failed", reason=f"{type(exc).__name__}: {exc}")
                continue
            self.inserted += 1
            response.accepted += 1
        await stream.send_message(response)

    def _insert_one(self, request: Any, envelope: Any, event_type: str) -> None:
        transformers = self._schema.transformers
        batch = self._stamp(request, envelope, event_type)
        columns = transformers.TRANSFORMERS[event_type](batch, self._pii_key)
        names = list(transformers.COLUMNS[event_type])
        self._client.insert(transformers.TABLES[event_type], columns, column_names=names, column_oriented=True)

    def _stamp(self, request: Any, envelope: Any, event_type: str) -> Any:
        """The event as the transformers take it: a one-event StampedBatch, stamped as the ingest side stamps."""
        from ..transport import StampedEvent, make_batch

        module = self._schema.envelope
        if module.BATCH_HEADER_FIELD and module.HEADER_FIELD and not envelope.HasField(module.HEADER_FIELD):
            getattr(envelope, module.HEADER_FIELD).CopyFrom(getattr(request, module.BATCH_HEADER_FIELD))
        received = time.time_ns() // 1000
        try:
            client_us = module.client_time_us(envelope)
        except (ValueError, OverflowError):
            client_us = None
        try:
            sent_us = module.sent_at_us(envelope)
        except (ValueError, OverflowError):
            sent_us = None
        times = correct_event_time(client_us, sent_us, received, self._max_age)
        data = envelope.SerializeToString(deterministic=True)
        event_id = module.client_event_id(envelope) or hashlib.blake2b(data, digest_size=16).hexdigest()
        if client_us is not None and not -(2**63) < client_us < 2**63:
            client_us = None
        event = StampedEvent(event_id, received, times.event_time_us, client_us, data)
        return make_batch(self._schema.transport.StampedBatch, event_type, [event])


async def _serve(schema: GeneratedSchema, clickhouse_url: str, port: int, summary: Path, migrate_tables: bool) -> None:
    from ..store import migrate
    from ..store.connect import open_client

    client = open_client(clickhouse_url)
    if migrate_tables:
        migrate.apply(client, migrate.plan(client, schema.clickhouse))
    service = BaselineService(schema, client)
    server = Server([service])
    await server.start("127.0.0.1", port)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    print(f"baseline listening on 127.0.0.1:{port}, ClickHouse {clickhouse_url}", flush=True)
    await stop.wait()
    server.close()
    await server.wait_closed()
    summary.write_text(json.dumps({"inserted": service.inserted, "failed": service.failed}))
    client.close()


class BaselineProcess:
    """The baseline server in a process of its own (as the pipeline's processes are), on a free port."""

    def __init__(self, clickhouse_url: str, generated: Path, log: Path, migrate_tables: bool = True) -> None:
        from ._service import free_port

        self.port = free_port()
        self.summary = log.with_suffix(".summary.json")
        self.summary.unlink(missing_ok=True)
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "runtime.bench.baseline", "--port", str(self.port), "--clickhouse-url",
             clickhouse_url, "--generated", str(generated), "--summary", str(self.summary),
             *(() if migrate_tables else ("--no-migrate",))],
            stdout=self._log_file, stderr=subprocess.STDOUT, cwd=_ROOT, env=dict(os.environ))

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the baseline server exited with {self.process.returncode}:\n"
                                   f"{self.log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"the baseline server did not listen within {timeout}s; see {self.log}")

    def stop(self, timeout: float = 30.0) -> dict[str, int]:
        """Stops the server; returns what it inserted ({} when it did not say)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()
        return json.loads(self.summary.read_text()) if self.summary.exists() else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clickhouse-url", required=True, help="chdb:///path or http(s)://user:pass@host:8123")
    parser.add_argument("--generated", type=Path, default=_ROOT / "generated")
    parser.add_argument("--summary", type=Path, required=True, help="JSON file for the counts, written at exit")
    parser.add_argument("--no-migrate", action="store_true", help="Use the tables as they are (a running "
                        "service's ClickHouse, which that service migrates)")
    args = parser.parse_args()
    asyncio.run(_serve(load_generated(args.generated), args.clickhouse_url, args.port, args.summary,
                       not args.no_migrate))


if __name__ == "__main__":
    main()
