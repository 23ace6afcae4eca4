"""Which write path a sinker takes, with a fake store: the insert ClickHouse decodes from a size on, the
transformer below it, for types without one and after ClickHouse refused one; the same token either way.
(Both paths against the real engine: tests/integration/test_sink.py and test_roundtrip.py.)"""

from __future__ import annotations

import asyncio
from typing import Any

from runtime.broker import Topology
from runtime.broker._dispatch import TrackedDelivery
from runtime.generated import load_generated
from runtime.metrics import Metrics
from runtime.sink.batch import transform_delivery
from runtime.sink.native import NativeInserts
from runtime.sink.poison import PoisonHandler
from runtime.sink.retry import CircuitBreaker
from runtime.sink.sinker import Sinker
from runtime.store.errors import StoreError
from runtime.store.protobuf_insert import ProtobufInsert
from runtime.transport import StampedEvent, make_batch, stamped_events
from tests.fakes import FakeBroker

SCHEMA = load_generated()
INSERTS = ProtobufInsert.from_document(SCHEMA.inserts)
PYTHON_ONLY = next(t for t in SCHEMA.event_types if t not in INSERTS)
NOW = 1_767_225_600_000_000


class FakeStore:
    """Records inserts; refuses protobuf inserts while `refuse` is set; holds `stored` ids."""

    healthy = True

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any, str]] = []  # (path, table, rows or bodies, token)
        self.refuse: StoreError | None = None
        self.refused_tokens: list[str] = []
        self.stored: set[str] = set()

    async def insert_events(self, table: str, insert: ProtobufInsert, bodies: list[bytes], token: str,
                            parameters: dict[str, str]) -> None:
        if self.refuse is not None:
            self.refused_tokens.append(token)
            raise self.refuse
        events = [e for body in bodies for e in stamped_events(SCHEMA.transport.StampedBatch.FromString(body))]
        self.calls.append(("protobuf", table, [e.event_id for e in events], token))

    async def insert(self, table: str, columns: list[Any], names: tuple[str, ...], token: str) -> None:
        self.calls.append(("transformer", table, list(columns[0]), token))

    async def existing_ids(self, table: str, event_type: str, ids: list[str], lo: int, hi: int) -> set[str]:
        return self.stored & set(ids)


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


class Delivery(TrackedDelivery):
    def __init__(self, body: bytes, message_id: str, redelivered: bool = False) -> None:
        super().__init__(body=body, message_id=message_id, headers={}, routing_key="", content_type="",
                         redelivered=redelivered, delivery_count=0)
        self.acked = False

    async def _ack(self) -> None:
        self.acked = True

    async def _reject(self, requeue: bool) -> None:
        raise AssertionError("nothing here is rejected")


def sinker(store: FakeStore, clock: Clock, min_rows: int = 3) -> tuple[Sinker, Metrics]:
    metrics = Metrics()
    topology = Topology(SCHEMA.topology, "t")
    native = NativeInserts(INSERTS, b"key", min_rows=min_rows, pause_s=60, clock=clock)
    policy = {"mode": "buffered", "batch_rows": 10_000, "batch_bytes": 1 << 30, "flush_interval_ms": 60_000}
    poison = PoisonHandler("q", FakeBroker(), topology, SCHEMA.transport.StampedBatch, metrics)
    return Sinker("q", policy, store, SCHEMA.transformers.COLUMNS, CircuitBreaker(lambda: True), poison, metrics,
                  native=native), metrics


def message(event_type: str, ids: list[str], redelivered: bool = False) -> Any:
    envelope = SCHEMA.envelope.Envelope()
    getattr(envelope, SCHEMA.envelope.ARMS[event_type]).SetInParent()
    events = [StampedEvent(i, NOW, NOW, None, envelope.SerializeToString()) for i in ids]
    body = make_batch(SCHEMA.transport.StampedBatch, event_type, events).SerializeToString()
    return transform_delivery(SCHEMA, Delivery(body, f"m-{ids[0]}", redelivered), b"key")


async def write(sink: Sinker, *items: Any) -> None:
    for item in items:
        await sink.add(item)
    await sink.flush("size")


async def test_from_min_rows_on_clickhouse_decodes_the_messages_and_below_the_transformer_makes_rows():
    store, clock = FakeStore(), Clock()
    sink, metrics = sinker(store, clock)
    small = [message("page_viewed", ["a", "b"])]
    await write(sink, *small)
    large = [message("page_viewed", ["c", "d"]), message("page_viewed", ["e"])]
    await write(sink, *large)
    (path1, table, ids1, token1), (path2, _, ids2, token2) = store.calls
    assert (path1, ids1) == ("transformer", ["a", "b"]) and (path2, ids2) == ("protobuf", ["c", "d", "e"])
    assert table == INSERTS["page_viewed"].table and token1 != token2
    assert all(item.delivery.acked for item in (*small, *large))
    assert metrics.registry.get_sample_value("eventgen_protobuf_inserts_total", {"table": table}) == 1


async def test_a_type_without_a_protobuf_insert_always_goes_through_its_transformer():
    store, clock = FakeStore(), Clock()
    sink, _ = sinker(store, clock, min_rows=0)
    await write(sink, message(PYTHON_ONLY, ["a", "b", "c"]))
    assert [call[0] for call in store.calls] == ["transformer"]


async def test_a_refused_protobuf_insert_is_stored_by_the_transformer_with_its_token_and_the_type_waits():
    store, clock = FakeStore(), Clock()
    sink, metrics = sinker(store, clock)
    store.refuse = StoreError("ClickHouse error 115: Unknown setting format_schema_source", retryable=False,
                              code=115)
    first = message("page_viewed", ["a", "b", "c"])
    await write(sink, first)
    assert [(call[0], call[2]) for call in store.calls] == [("transformer", ["a", "b", "c"])]
    # The same token: had ClickHouse stored the events after all, the transformer's insert would be a no-op.
    assert store.refused_tokens == [store.calls[0][3]]
    assert first.delivery.acked
    assert metrics.registry.get_sample_value("eventgen_protobuf_inserts_refused_total",
                                             {"event_type": "page_viewed"}) == 1
    store.refuse = None
    clock.now = 59.0  # still waiting: the transformer again, not another refused attempt
    await write(sink, message("page_viewed", ["d", "e", "f"]))
    clock.now = 61.0
    await write(sink, message("page_viewed", ["g", "h", "i"]))
    assert [call[0] for call in store.calls] == ["transformer", "transformer", "protobuf"]


async def test_events_stored_before_are_left_out_of_the_protobuf_insert():
    store, clock = FakeStore(), Clock()
    store.stored = {"b"}
    sink, _ = sinker(store, clock)
    redelivered = message("page_viewed", ["a", "b", "c"], redelivered=True)
    fresh = message("page_viewed", ["c", "d"])  # "c" twice in one flush: stored once
    await write(sink, redelivered, fresh)
    assert [(call[0], call[2]) for call in store.calls] == [("protobuf", ["a", "c", "d"])]
    assert redelivered.delivery.acked and fresh.delivery.acked


async def test_a_message_whose_events_are_all_stored_is_acked_without_an_insert():
    store, clock = FakeStore(), Clock()
    store.stored = {"a", "b", "c"}
    sink, _ = sinker(store, clock, min_rows=0)
    item = message("page_viewed", ["a", "b", "c"], redelivered=True)
    await write(sink, item)
    assert store.calls == [] and item.delivery.acked


class RefusingStore(FakeStore):
    """Refuses, as ClickHouse refuses bad data, every transformer insert holding the event id `bad`."""

    async def insert(self, table: str, columns: list[Any], names: tuple[str, ...], token: str) -> None:
        if "bad" in columns[0]:
            raise StoreError("ClickHouse error 53: type mismatch", retryable=False, code=53)
        await super().insert(table, columns, names, token)


async def test_an_insert_refused_for_one_event_is_split_and_the_rest_stored_from_columns_made_again():
    store, clock = RefusingStore(), Clock()
    sink, _ = sinker(store, clock, min_rows=0)
    broker = FakeBroker()
    sink._poison._broker = broker  # noqa: SLF001 (to see what is set apart)
    items = [message(PYTHON_ONLY, ["a", "b"]), message(PYTHON_ONLY, ["bad", "c"]), message(PYTHON_ONLY, ["d"])]
    await write(sink, *items)
    # The flush's columns are made once and the messages' own let go; each split makes them again.
    assert sorted(i for call in store.calls for i in call[2]) == ["a", "b", "c", "d"]
    assert all(call[0] == "transformer" for call in store.calls)
    assert [stamped.event_id for stamped in stamped_events(SCHEMA.transport.StampedBatch.FromString(
        broker.published[0].body))] == ["bad"]
    assert all(item.delivery.acked for item in items)


async def test_interval_flushes_fall_on_each_sinkers_own_phase_of_the_interval():
    store, clock = FakeStore(), Clock()
    policy = {"mode": "buffered", "batch_rows": 10_000, "batch_bytes": 1 << 30, "flush_interval_ms": 1_000}
    sinks = [Sinker(f"q{i}", policy, store, SCHEMA.transformers.COLUMNS, CircuitBreaker(lambda: True),
                    sinker(store, clock)[0]._poison, Metrics(), phase=phase)  # noqa: SLF001
             for i, phase in enumerate((0.0, 0.25, 0.5, 1.75))]
    # The end of the interval the time falls in, on each sinker's grid: never later than one interval on.
    assert [s._next_slot(10.1) for s in sinks] == [11.0, 10.25, 10.5, 10.75]  # noqa: SLF001
    assert [s._next_slot(10.25) for s in sinks] == [11.0, 11.25, 10.5, 10.75]  # noqa: SLF001
    assert sinks[0]._next_slot(10.0) == 11.0  # noqa: SLF001
    # On the event loop's clock: two sinkers half an interval apart flush half an interval apart.
    fast = {**policy, "flush_interval_ms": 400}
    loop = asyncio.get_running_loop()
    flushed: dict[str, float] = {}
    pair = [Sinker(name, fast, store, SCHEMA.transformers.COLUMNS, CircuitBreaker(lambda: True),
                   sinker(store, clock)[0]._poison, Metrics(), phase=phase)  # noqa: SLF001
            for name, phase in (("early", 0.0), ("late", 0.5))]
    for sink in pair:
        original = sink.flush

        async def flush(reason: str, sink: Sinker = sink, original: Any = original) -> None:
            flushed.setdefault(sink.queue, loop.time())
            await original(reason)

        sink.flush = flush  # type: ignore[method-assign]
    for sink, ids in zip(pair, (["a"], ["b"]), strict=True):
        await sink.add(message(PYTHON_ONLY, ids))
    while len(flushed) < 2:
        await asyncio.sleep(0.01)
    # (Without phases both would flush together, one interval after their messages came.)
    assert min(flushed["early"] % 0.4, 0.4 - flushed["early"] % 0.4) < 0.06, flushed
    gap = (flushed["late"] - flushed["early"]) % 0.4
    assert abs(gap - 0.2) < 0.06, flushed
