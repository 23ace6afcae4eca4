"""The benchmark's load generator (closed and open loop, the ledger of acknowledged ids) against the naive
baseline server, whose ClickHouse client is a fake that records each insert."""

from __future__ import annotations

import pytest
from grpclib.server import Server

from runtime.bench.baseline import BaselineService
from runtime.bench.ingest import drive_load, grpc_event_types, sample_batches
from runtime.bench.plot import per_second
from runtime.bench.sink import _saturated_rate
from runtime.generated import load_generated

SCHEMA = load_generated()


class RecordingClient:
    """Stands in for a clickhouse-connect client: keeps every insert."""

    def __init__(self) -> None:
        self.inserts: list[tuple[str, list, list[str]]] = []

    def insert(self, table, columns, column_names, column_oriented):
        assert column_oriented
        self.inserts.append((table, columns, column_names))


@pytest.fixture
async def baseline():
    client = RecordingClient()
    server = Server([BaselineService(SCHEMA, client)])
    await server.start("127.0.0.1", 0)
    try:
        yield client, server._server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


async def test_each_acknowledged_event_is_one_insert_of_its_own_row(baseline):
    client, port = baseline
    batches = sample_batches(SCHEMA, 4, 5, types=grpc_event_types(SCHEMA))
    result = await drive_load(SCHEMA, port, batches, clients=2, seconds=0.3, unique_ids="u1m")
    assert result.requests > 0 and not result.errors
    assert result.accepted == len(result.acked_ids) == len(client.inserts) == 5 * result.requests
    inserted_ids = []
    for table, columns, names in client.inserts:
        assert all(len(column) == 1 for column in columns), "the baseline inserts one row at a time"
        inserted_ids.append(columns[names.index("event_id")][0])
        assert table in SCHEMA.transformers.TABLES.values()
    assert sorted(inserted_ids) == sorted(result.acked_ids)
    assert len(set(result.acked_ids)) == len(result.acked_ids)
    assert all(event_id.startswith("u1m-") for event_id in result.acked_ids)
    assert len(result.timeline) == result.requests


async def test_rejected_events_are_not_in_the_ledger(baseline):
    _, port = baseline
    batch = sample_batches(SCHEMA, 1, 3, types=grpc_event_types(SCHEMA))[0]
    getattr(batch, SCHEMA.envelope.BATCH_EVENTS_FIELD)[1].ClearField(SCHEMA.envelope.ONEOF)
    result = await drive_load(SCHEMA, port, [batch], clients=1, seconds=0.1, unique_ids="u2m")
    assert result.acked_calls and all(rejected == (1,) for _, _, rejected in result.acked_calls)
    assert result.accepted == len(result.acked_ids) == 2 * result.requests
    assert not any(event_id.endswith("-1") for event_id in result.acked_ids)


async def test_open_loop_starts_calls_on_schedule_and_counts_latency_from_it(baseline):
    _, port = baseline
    batches = sample_batches(SCHEMA, 4, 5, types=grpc_event_types(SCHEMA))
    # 200 events/s in 5-event calls for one second: 40 calls, whatever the answers take.
    result = await drive_load(SCHEMA, port, batches, clients=2, seconds=1.0, unique_ids="u3m", events_per_s=200)
    assert result.requests == 40 and not result.errors
    assert result.accepted == 200
    points = per_second([("open loop", 0.0, result)])
    assert [p["t"] for p in points] == [0.0] and points[0]["events_per_s"] == pytest.approx(200, rel=0.1)


def test_the_sink_benchmark_counts_its_rate_from_a_tenth_to_nine_tenths_of_the_backlog_stored():
    # 1,000 events: a slow start, 800 stored between 1 s and 3 s, then the last 100 after a flush interval.
    stored = [(0.0, 0.0), (1.0, 100.0), (2.0, 500.0), (3.0, 900.0), (9.0, 900.0), (10.0, 1000.0)]
    assert _saturated_rate(stored, 1000) == 400
    assert _saturated_rate([(0.0, 0.0), (0.5, 1000.0)], 1000) == 2000  # all in one poll: interpolated
