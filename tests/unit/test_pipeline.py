"""The ingest pipeline with a fake broker: micro-batching, confirms, failures, ids, backpressure."""

from __future__ import annotations

import asyncio

import pytest

from runtime.broker import BrokerUnavailable, PublishRejected, Topology
from runtime.generated import load_generated
from runtime.ingest.batcher import Completion
from runtime.ingest.pipeline import Pipeline
from runtime.ingest.pools import Backpressure, SourcePool, WorkItem
from runtime.metrics import Metrics
from runtime.settings import load_settings
from runtime.transport import MAYBE_STORED_HEADER, stamped_events
from tests.fakes import FakeBroker

SCHEMA = load_generated()
Envelope = SCHEMA.envelope.Envelope


def page_view(url: str, event_id: str = "") -> tuple[str, object]:
    envelope = Envelope(event_id=event_id)
    envelope.page_viewed.url = url
    envelope.client_time.FromMicroseconds(1_767_225_590_000_000)
    return "page_viewed", envelope


def make_pipeline(broker: FakeBroker, **overrides: object) -> Pipeline:
    settings = load_settings({"batch_linger_ms": 20, **overrides})
    return Pipeline(SCHEMA, Topology(SCHEMA.topology, "t"), broker, settings, Metrics())


def decode(message) -> list:
    return stamped_events(SCHEMA.transport.StampedBatch.FromString(message.body))


async def test_events_of_concurrent_requests_share_one_message():
    broker = FakeBroker()
    pipeline = make_pipeline(broker)
    await asyncio.gather(pipeline.submit([page_view("/a", "id-a")]), pipeline.submit([page_view("/b", "id-b")]))
    assert len(broker.published) == 1
    message = broker.published[0]
    assert (message.exchange, message.routing_key) == ("t.eventgen.web", "page_viewed")
    assert message.headers["event_type"] == "page_viewed"
    events = decode(message)
    assert sorted(e.event_id for e in events) == ["id-a", "id-b"]
    urls = sorted(Envelope.FromString(e.envelope).page_viewed.url for e in events)
    assert urls == ["/a", "/b"]
    assert all(e.client_time_us == 1_767_225_590_000_000 for e in events)
    await pipeline.close()


async def test_a_full_batch_is_published_without_waiting_for_the_linger():
    broker = FakeBroker()
    pipeline = make_pipeline(broker, batch_max_events=3, batch_linger_ms=10_000)
    await asyncio.wait_for(pipeline.submit([page_view(f"/{i}") for i in range(6)]), 2)
    assert [len(decode(m)) for m in broker.published] == [3, 3]
    await pipeline.close()


async def test_the_request_is_answered_only_after_the_broker_confirms():
    broker = FakeBroker()
    broker.release.clear()
    pipeline = make_pipeline(broker)
    task = asyncio.create_task(pipeline.submit([page_view("/a")]))
    await asyncio.sleep(0.2)
    assert not task.done()
    broker.release.set()
    await asyncio.wait_for(task, 2)
    assert len(broker.published) == 1
    await pipeline.close()


async def test_a_failed_publish_fails_the_request():
    broker = FakeBroker()
    broker.fail_with = BrokerUnavailable("down")
    pipeline = make_pipeline(broker)
    with pytest.raises(BrokerUnavailable):
        await pipeline.submit([page_view("/a")])
    await pipeline.close()


@pytest.mark.parametrize("failure", [BrokerUnavailable("the connection closed"), PublishRejected("unroutable")])
async def test_messages_after_a_publish_without_confirm_are_marked_for_the_sink_to_check(failure):
    """A publish that failed without a confirm may be stored all the same: for the republish window, what goes
    out may be its retry. A refused publish (nack, unroutable) is not stored, so nothing after it is marked."""
    broker = FakeBroker()
    pipeline = make_pipeline(broker, republish_window_s=0.3)
    await pipeline.submit([page_view("/a", "a")])
    broker.fail_with = failure
    with pytest.raises(type(failure)):
        await pipeline.submit([page_view("/b", "b")])
    broker.fail_with = None
    await pipeline.submit([page_view("/b", "b")])
    await asyncio.sleep(0.35)  # the window is over
    await pipeline.submit([page_view("/c", "c")])
    marked = [MAYBE_STORED_HEADER in message.headers for message in broker.published]
    assert marked == [False, isinstance(failure, BrokerUnavailable), False]
    await pipeline.close()


async def test_a_call_the_client_says_is_a_retry_marks_every_message_holding_its_events():
    broker = FakeBroker()
    pipeline = make_pipeline(broker, batch_max_events=2)
    await asyncio.gather(pipeline.submit([page_view(f"/{i}", f"r{i}") for i in range(3)], retried=True),
                         pipeline.submit([page_view("/b", "b")]))
    await pipeline.submit([page_view("/c", "c")])
    marked = {tuple(sorted(e.event_id for e in decode(m))): MAYBE_STORED_HEADER in m.headers
              for m in broker.published}
    assert marked == {("r0", "r1"): True, ("b", "r2"): True, ("c",): False}
    await pipeline.close()


async def test_ids_are_the_clients_or_derived_from_content_and_stable():
    broker = FakeBroker()
    pipeline = make_pipeline(broker)
    await pipeline.submit([page_view("/same"), page_view("/other", "client-id")])
    await pipeline.submit([page_view("/same")])
    first, second = (decode(m) for m in broker.published)
    ids = {Envelope.FromString(e.envelope).page_viewed.url: e.event_id for e in first}
    assert ids["/other"] == "client-id"
    assert len(ids["/same"]) == 32 and second[0].event_id == ids["/same"]
    # The same events give the same message id: a republished batch is recognisable.
    await pipeline.submit([page_view("/same"), page_view("/other", "client-id")])
    assert broker.published[2].message_id == broker.published[0].message_id
    await pipeline.close()


async def test_a_full_pool_pushes_back():
    metrics = Metrics()
    pool = SourcePool("web", workers=0, queue_size=1, handle=lambda item: None, metrics=metrics)
    loop = asyncio.get_running_loop()
    await pool.submit(WorkItem([], 0, b"", Completion(loop)), wait=0.01)
    with pytest.raises(Backpressure) as caught:
        await pool.submit(WorkItem([], 0, b"", Completion(loop)), wait=0.01)
    assert caught.value.retry_after > 0
    await pool.close()


def test_check_rejects_missing_and_unknown_payloads():
    pipeline_check = Pipeline.check
    broker = FakeBroker()

    async def run() -> None:
        pipeline = make_pipeline(broker)
        event_type, rejection = pipeline_check(pipeline, 3, Envelope())
        assert event_type is None and rejection.code == "missing_payload" and rejection.index == 3
        assert pipeline_check(pipeline, 0, page_view("/x")[1]) == ("page_viewed", None)
        await pipeline.close()

    asyncio.run(run())


async def test_events_waiting_for_confirms_are_bounded():
    broker = FakeBroker()
    broker.release.clear()
    pipeline = make_pipeline(broker, max_pending_events=10, backpressure_wait_ms=50)
    first = asyncio.create_task(pipeline.submit([page_view(f"/{i}") for i in range(10)]))
    await asyncio.sleep(0.05)
    with pytest.raises(Backpressure) as caught:
        await pipeline.submit([page_view("/one-more")])
    assert "too many events waiting for the broker" in str(caught.value)
    broker.release.set()
    await asyncio.wait_for(first, 2)
    await pipeline.submit([page_view("/now-there-is-room")])
    await pipeline.close()
