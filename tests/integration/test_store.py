"""The store on the real ClickHouse engine: inserts through one reused context per table, deduplicated by token,
freed once inserted, and still right after the table changes."""

from __future__ import annotations

import gc
import uuid
import weakref

import pytest

from runtime.store.errors import StoreError
from runtime.store.store import Store
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
    assert len(store._contexts) == 1


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
