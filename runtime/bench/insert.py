"""What an insert costs by itself and per row, by the sink's two paths: the generated transformer (Python makes
the columns, clickhouse-connect encodes them) and the generated protobuf insert (ClickHouse decodes the events)."""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..generated import GeneratedSchema
from ..store.connect import open_client
from ..store.migrate import apply, plan, read_document
from ..store.protobuf_insert import ProtobufInsert, pii_parameters
from ..store.store import _InsertContext
from ..transport import StampedEvent, events_body, make_batch, stamped_events
from .ingest import grpc_event_types
from .transform import build_batches

__all__ = ["run_insert_bench"]

_KEY = b"bench-key"
PATHS = ("transformer", "protobuf")


def run_insert_bench(schema: GeneratedSchema, generated: Path, *, sizes: Sequence[int], rounds: int, seed: int,
                     out: Path) -> dict[str, Any]:
    """For each size and path, inserts that many events into the table of every event type clients send over gRPC
    that has a protobuf insert, `rounds` times (each round with ids of its own), into the freshly migrated tables
    of an embedded engine (chDB) in a temporary folder: sample rows never reach a store that holds real ones.
    Times each insert, from the decoded batch as the sink holds it: wall time and the process's CPU time (the
    engine's threads are this process's, so its parsing, part writing and background merges count). A straight
    line through the sizes' CPU per insert gives the cost of an insert by itself and the cost of a row."""
    inserts = ProtobufInsert.from_document(schema.inserts)
    types = [t for t in grpc_event_types(schema) if t in inserts]
    samples = build_batches(schema, max(sizes) * len(schema.event_types), seed)
    now_us = time.time_ns() // 1000  # recent event times: a table's TTL drops old rows as they are inserted
    result: dict[str, Any] = {"benchmark": "insert", "store": "chdb", "event_types": len(types), "rounds": rounds,
                              "paths": {path: {"sizes": []} for path in PATHS}}
    for rows in sizes:
        folder = Path(tempfile.mkdtemp(prefix="eventgen-insert-bench-"))
        client = open_client(f"chdb://{folder / 'clickhouse'}")
        try:
            apply(client, plan(client, read_document(generated)))
            contexts = {t: _InsertContext(client, client.create_insert_context(
                inserts[t].table, list(inserts[t].columns), column_oriented=True))
                for t in types}  # the columns' types read once per table, as the store does
            timings: dict[str, list[tuple[float, float]]] = {path: [] for path in PATHS}
            for round_ in range(rounds):
                for path in PATHS:  # alternate, so drift in the machine's speed hits both alike
                    batches = {t: _stamped(schema, samples[t], rows, f"{path}{round_}-", now_us) for t in types}
                    insert = _transformer_insert(schema, contexts) if path == "transformer" else \
                        _protobuf_insert(client, inserts, folder / "format_schemas")
                    timings[path].append(_timed(types, batches, insert, f"{path}{round_}"))
            stored = sum(client.query(f"SELECT count() FROM {table}").result_rows[0][0]
                         for table in {inserts[t].table for t in types})
        finally:
            client.close()
            shutil.rmtree(folder, ignore_errors=True)
        for path in PATHS:
            walls, cpus = zip(*timings[path], strict=True)
            result["paths"][path]["sizes"].append(_size(rows, len(types), statistics.median(walls),
                                                        statistics.median(cpus)))
        result.setdefault("stored_rows", []).append(stored)
    if len(sizes) > 1:
        for path in PATHS:
            points = [(s["rows_per_insert"], s["cpu_ms_per_insert"]) for s in result["paths"][path]["sizes"]]
            slope, intercept = statistics.linear_regression(*zip(*points, strict=True))
            result["paths"][path]["fit"] = {"cpu_ms_per_insert_alone": round(intercept, 2),
                                            "cpu_us_per_row": round(slope * 1000, 2)}
        python, native = result["paths"]["transformer"]["fit"], result["paths"]["protobuf"]["fit"]
        per_row = python["cpu_us_per_row"] - native["cpu_us_per_row"]
        if per_row > 0:  # from this many rows on, the protobuf insert costs less CPU
            result["break_even_rows"] = max(0, round((native["cpu_ms_per_insert_alone"]
                                                      - python["cpu_ms_per_insert_alone"]) * 1000 / per_row))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def _stamped(schema: GeneratedSchema, sample: Any, rows: int, prefix: str, now_us: int) -> tuple[Any, bytes]:
    """`rows` events of the sample with ids of their own and recent times, decoded and as a message body."""
    events = [StampedEvent(prefix + e.event_id, now_us - i, now_us - i, e.client_time_us, e.envelope)
              for i, e in enumerate(stamped_events(sample)[:rows])]
    batch = make_batch(schema.transport.StampedBatch, sample.event_type, events)
    return batch, batch.SerializeToString()


def _transformer_insert(schema: GeneratedSchema, contexts: dict[str, _InsertContext]) -> Callable[..., None]:
    transformers = schema.transformers.TRANSFORMERS

    def insert(event_type: str, batch: Any, body: bytes, token: str) -> None:
        columns = transformers[event_type](batch, _KEY)
        contexts[event_type].insert(columns, {"insert_deduplication_token": token, "insert_deduplicate": 1})
    return insert


def _protobuf_insert(client: Any, inserts: dict[str, ProtobufInsert], schemas: Path) -> Callable[..., None]:
    parameters = pii_parameters(_KEY)

    def insert(event_type: str, batch: Any, body: bytes, token: str) -> None:
        insert = inserts[event_type]
        insert.run(client, insert.table, [events_body(body, batch)], token, parameters, schemas=schemas)
    return insert


def _timed(types: Sequence[str], batches: dict[str, tuple[Any, bytes]], insert: Callable[..., None],
           prefix: str) -> tuple[float, float]:
    wall = cpu = 0.0
    for event_type in types:
        batch, body = batches[event_type]
        started, cpu_started = time.perf_counter(), time.process_time()
        insert(event_type, batch, body, f"{prefix}:{event_type}")  # as the sink inserts: with a token
        wall += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    return wall, cpu


def _size(rows: int, inserts: int, wall: float, cpu: float) -> dict[str, Any]:
    return {"rows_per_insert": rows, "rows_per_s": round(rows * inserts / wall),
            "cpu_ms_per_insert": round(cpu / inserts * 1000, 2),
            "cpu_us_per_row": round(cpu / (inserts * rows) * 1e6, 2)}
