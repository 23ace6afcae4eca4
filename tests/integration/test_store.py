"""The store on the real ClickHouse engine: inserts through one reused context per table, deduplicated by token,
freed once inserted, and still right after the table changes."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import uuid
import weakref

import pytest

from runtime.app import App
from runtime.settings import load_settings
from runtime.store.errors import StoreError
from runtime.store.store import Store
from tests.integration.ingest_harness import SCHEMA
from tests.integration.test_sink import clickhouse_url

pytestmark = pytest.mark.clickhouse


class Column(list):
    """A column that can be watched for being freed (a plain list cannot be weakly referenced)."""


@pytest.fixture
async def store(tmp_path):
    store = Store(clickhouse_url(tmp_path), probe_interval=60)
    await store.start()
    database = f"store_{uuid.uuid4().hex[:10]}"
    await store.command(f"CREATE DATABASE {database}")
    table = f"{database}.events"
    await store.command(f"CREATE TABLE {table} (id String, n UInt32) ENGINE = MergeTree ORDER BY id "
                        "SETTINGS non_replicated_deduplication_window = 100")
    store.table = table  # type: ignore[attr-defined]
    try:
        yield store
    finally:
        await store.command(f"DROP DATABASE {database}")
        await store.close()


async def rows(store: Store) -> list[tuple]:
    return await store.query(f"SELECT id, n FROM {store.table} ORDER BY id")  # type: ignore[attr-defined]


async def test_inserts_reuse_one_context_and_a_repeated_token_stores_nothing_twice(store):
    table = store.table
    await store.insert(table, [["a", "b"], [1, 2]], ("id", "n"), "token-1")
    await store.insert(table, [["c"], [3]], ("id", "n"), "token-2")
    await store.insert(table, [["a", "b"], [1, 2]], ("id", "n"), "token-1")  # a retried insert
    assert await rows(store) == [("a", 1), ("b", 2), ("c", 3)]
    assert store.insert_contexts == 1


async def test_inserted_rows_are_freed_without_the_cyclic_collector(store):
    ids, numbers = Column(["x", "y"]), Column([7, 8])
    watched = [weakref.ref(ids), weakref.ref(numbers)]
    gc.disable()
    try:
        await store.insert(store.table, [ids, numbers], ("id", "n"), "token-free")
        del ids, numbers
        assert [ref() for ref in watched] == [None, None]  # nothing but our own names held them
    finally:
        gc.enable()
    assert await rows(store) == [("x", 7), ("y", 8)]


async def test_a_refused_insert_leaves_the_next_one_right_and_a_changed_table_is_read_again(store):
    table = store.table
    with pytest.raises(StoreError):
        await store.insert(table, [["bad"], ["not a number"]], ("id", "n"), "token-bad")
    await store.command(f"ALTER TABLE {table} ADD COLUMN label String DEFAULT 'none'")
    await store.insert(table, [["d"], [4], ["new"]], ("id", "n", "label"), "token-3")
    await store.insert(table, [["e"], [5]], ("id", "n"), "token-4")
    assert await store.query(f"SELECT id, n, label FROM {table} ORDER BY id") == [("d", 4, "new"), ("e", 5, "none")]


# Every kind of column the generator emits, and the values at their edges.
_KINDS = {
    "id": ("String", ["a", "b"]),
    "raw": ("String", [b"\xff\x00bytes", b""]),
    "label": ("LowCardinality(String)", ["é ünïcode", ""]),
    "maybe_label": ("LowCardinality(Nullable(String))", [None, "x"]),
    "at": ("DateTime64(6, 'UTC')", [1_767_225_600_123_456, 0]),
    "maybe_at": ("Nullable(DateTime64(6, 'UTC'))", [None, 1_767_225_600_000_001]),
    "big": ("UInt64", [2**64 - 1, 0]),
    "small": ("UInt32", [2**32 - 1, 0]),
    "signed": ("Int64", [-(2**63), 2**63 - 1]),
    "i32": ("Int32", [-(2**31), 7]),
    "flag": ("Bool", [True, False]),
    "ratio": ("Float32", [0.5, -2.25]),
    "maybe_ratio": ("Nullable(Float64)", [None, 1e300]),
    "tags": ("Array(String)", [["x", "y"], []]),
    "nested": ("Array(Array(UInt32))", [[[1], [2, 3]], []]),
    "attrs": ("Map(String, String)", [{"k": "v"}, {}]),
    "weights": ("Map(Int32, Float64)", [{1: 0.5}, {}]),
    "items": ("Array(Map(String, String))", [[{"a": "b"}], []]),
    "moments": ("Array(Nullable(DateTime64(6, 'UTC')))", [[None, 5], []]),
}


async def test_every_generated_column_type_is_stored_unchanged(store):
    table = f"{store.table.split('.')[0]}.kinds"  # type: ignore[attr-defined]
    await store.command(f"CREATE TABLE {table} ({', '.join(f'`{c}` {t}' for c, (t, _) in _KINDS.items())}) "
                        "ENGINE = MergeTree ORDER BY id")
    await store.insert(table, [values for _, values in _KINDS.values()], tuple(_KINDS), "token-kinds")
    times = {"at", "maybe_at"}
    select = ", ".join("hex(raw)" if c == "raw" else f"toUnixTimestamp64Micro(`{c}`)" if c in times else
                       "arrayMap(t -> toUnixTimestamp64Micro(t), moments)" if c == "moments" else f"`{c}`"
                       for c in _KINDS)
    stored = await store.query(f"SELECT {select} FROM {table} ORDER BY id")
    expected = [tuple(v.hex().upper() if isinstance(v, bytes) else v for v in row)
                for row in zip(*(values for _, values in _KINDS.values()), strict=True)]
    assert stored == expected


async def test_the_store_threads_run_at_the_lower_priority_they_are_given(tmp_path):
    def niceness(client: object) -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    for nice, expected in ((7, min(19, own + 7)), (0, own)):
        store = Store(clickhouse_url(tmp_path), probe_interval=60, nice=nice)
        await store.start()
        try:
            assert await store.with_client(niceness) == expected
        finally:
            await store.close()


async def test_inserts_side_by_side_on_two_threads_store_every_row_once(store):
    table = store.table  # type: ignore[attr-defined]
    two = Store(store.url, probe_interval=60, threads=2, spill_s=0.0, min_spare_cores=0.0)
    await two.start()
    try:
        batches = [([f"{n}-{i}" for i in range(200)], list(range(200))) for n in range(8)]
        await asyncio.gather(*(two.insert(table, [ids, numbers], ("id", "n"), f"side-{n}")
                               for n, (ids, numbers) in enumerate(batches)))
        assert two.inserts_side_by_side >= 1
        assert await two.query(f"SELECT count(), uniqExact(id) FROM {table}") == [(1600, 1600)]
    finally:
        await two.close()


async def test_a_sink_runs_two_inserts_at_most_and_one_sharing_its_process_with_ingest_one(tmp_path):
    for role, threads in (("all", 1), ("sink", 2)):
        app = App(load_settings({"role": role, "broker_url": "memory://", "grpc_port": 0, "http_port": 0,
                                 "clickhouse_url": clickhouse_url(tmp_path / role)}), schema=SCHEMA)
        await app.start()
        try:
            assert app.store is not None and app.store.threads == threads, role
        finally:
            await app.stop()
