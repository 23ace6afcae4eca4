"""The store's inserts at several sizes: what an insert costs by itself, and what each row adds."""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..generated import GeneratedSchema
from ..store.connect import open_client
from ..store.migrate import apply, plan, read_document
from ..store.store import _InsertContext
from .ingest import grpc_event_types
from .transform import build_batches

__all__ = ["run_insert_bench"]


def run_insert_bench(schema: GeneratedSchema, generated: Path, *, sizes: Sequence[int], rounds: int, seed: int,
                     out: Path) -> dict[str, Any]:
    """For each size, inserts that many rows into the table of every event type clients send over gRPC, `rounds`
    times (each round with ids of its own), through the store's insert path, into the freshly migrated tables of
    an embedded engine (chDB) in a temporary folder: sample rows never reach a store that holds real ones. Times
    each insert: wall time and the process's CPU time (the engine's threads are this process's, so its part
    writing and background merges count). A straight line through the sizes' CPU per insert gives the cost of
    an insert by itself and the cost of a row."""
    types = grpc_event_types(schema)
    batches = build_batches(schema, max(sizes) * len(schema.event_types), seed)
    columns = {t: schema.transformers.TRANSFORMERS[t](batches[t], b"bench-key") for t in types}
    now_us = time.time_ns() // 1000  # recent event times: a table's TTL drops old rows as they are inserted
    for event_type in types:
        columns[event_type][2] = [now_us - i for i in range(len(columns[event_type][2]))]
    result: dict[str, Any] = {"benchmark": "insert", "store": "chdb", "event_types": len(types), "rounds": rounds,
                              "sizes": []}
    for rows in sizes:
        folder = Path(tempfile.mkdtemp(prefix="eventgen-insert-bench-"))
        client = open_client(f"chdb://{folder / 'clickhouse'}")
        try:
            apply(client, plan(client, read_document(generated)))
            contexts = {t: _InsertContext(client, client.create_insert_context(
                schema.transformers.TABLES[t], list(schema.transformers.COLUMNS[t]), column_oriented=True))
                for t in types}  # the columns' types read once per table, as the store does
            walls, cpus = [], []
            for round_ in range(rounds):
                wall, cpu = _insert_all(schema, contexts, columns, rows, f"r{round_}-")
                walls.append(wall)
                cpus.append(cpu)
            stored = sum(client.query(f"SELECT count() FROM {table}").result_rows[0][0]
                         for table in {schema.transformers.TABLES[t] for t in types})
        finally:
            client.close()
            shutil.rmtree(folder, ignore_errors=True)
        inserts = len(types)
        result["sizes"].append({
            "rows_per_insert": rows,
            "rows_per_s": round(rows * inserts / statistics.median(walls)),
            "cpu_ms_per_insert": round(statistics.median(cpus) / inserts * 1000, 2),
            "cpu_us_per_row": round(statistics.median(cpus) / (inserts * rows) * 1e6, 2),
            "stored_rows": stored,
        })
    if len(sizes) > 1:
        points = [(s["rows_per_insert"], s["cpu_ms_per_insert"]) for s in result["sizes"]]
        slope, intercept = statistics.linear_regression(*zip(*points, strict=True))
        result["fit"] = {"cpu_ms_per_insert_alone": round(intercept, 2), "cpu_us_per_row": round(slope * 1000, 2)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def _insert_all(schema: GeneratedSchema, contexts: dict[str, _InsertContext], columns: dict[str, list[Any]],
                rows: int, prefix: str) -> tuple[float, float]:
    wall = cpu = 0.0
    for event_type, context in contexts.items():
        table = schema.transformers.TABLES[event_type]
        data = [column[:rows] for column in columns[event_type]]
        data[0] = [prefix + event_id for event_id in data[0]]  # ids of this round's own
        token = f"{prefix}{table}:{event_type}"  # as the sink inserts: deduplicated by a token
        started, cpu_started = time.perf_counter(), time.process_time()
        context.insert(data, {"insert_deduplication_token": token, "insert_deduplicate": 1})
        wall += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    return wall, cpu
