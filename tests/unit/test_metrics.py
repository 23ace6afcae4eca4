"""/metrics carries every metric the service promises, with the labels it promises."""

from __future__ import annotations

from typing import Any

import pytest

from runtime.metrics import Metrics

# The list, in its order: each name and the labels it must carry.
PROMISED = [
    ("eventgen_events_received", "counter", {"source", "event_type"}),
    ("eventgen_events_accepted", "counter", {"source", "event_type"}),
    ("eventgen_events_rejected", "counter", {"source", "event_type", "reason"}),
    ("eventgen_pool_queue_depth", "gauge", {"source"}),
    ("eventgen_publish_batch_events", "histogram", {"event_type"}),
    ("eventgen_publish_seconds", "histogram", set()),
    ("eventgen_consumer_lag", "gauge", {"queue"}),
    ("eventgen_sink_batch_rows", "histogram", {"queue"}),
    ("eventgen_sink_flushes", "counter", {"queue", "reason"}),
    ("eventgen_insert_seconds", "histogram", {"table"}),
    ("eventgen_rows_inserted", "counter", {"table"}),
    ("eventgen_dead_lettered", "counter", {"queue"}),
    ("eventgen_dead_lettered_events", "counter", {"queue", "event_type"}),
    ("eventgen_dead_letter_queue_depth", "gauge", {"queue"}),
    ("eventgen_circuit_open", "gauge", set()),
    ("eventgen_broker_reconnects", "gauge", set()),
    ("eventgen_store_reconnects", "gauge", set()),
]


def collector(metrics: Metrics, name: str) -> Any:
    for value in vars(metrics).values():
        value = getattr(value, "counter", value)  # events_rejected wraps its counter
        if hasattr(value, "describe") and value.describe()[0].name == name:
            return value
    raise AssertionError(f"no metric {name}")


@pytest.mark.parametrize(("name", "kind", "labels"), PROMISED)
def test_a_promised_metric_is_exposed_with_its_labels(name, kind, labels):
    metrics = Metrics()
    assert f"# TYPE {name}{'_total' if kind == 'counter' else ''} {kind}" in metrics.render().decode()
    metric = collector(metrics, name)
    values = {label: "x" for label in labels}
    child = metric.labels(**values) if labels else metric  # other label names would raise ValueError
    {"counter": lambda: child.inc(), "gauge": lambda: child.set(2), "histogram": lambda: child.observe(2)}[kind]()
    sample = {"counter": f"{name}_total", "gauge": name, "histogram": f"{name}_count"}[kind]
    assert metrics.registry.get_sample_value(sample, values) in (1, 2)


def test_a_rejection_before_the_event_type_is_known_has_an_empty_event_type():
    metrics = Metrics()
    metrics.events_rejected.labels("shopify", "unauthenticated").inc()
    metrics.events_rejected.labels("grpc", "backpressure", "page_viewed").inc(3)
    value = metrics.registry.get_sample_value
    assert value("eventgen_events_rejected_total", {"source": "shopify", "event_type": "",
                                                    "reason": "unauthenticated"}) == 1
    assert value("eventgen_events_rejected_total", {"source": "grpc", "event_type": "page_viewed",
                                                    "reason": "backpressure"}) == 3


async def test_metrics_named_in_the_query_come_alone():
    from aiohttp.test_utils import TestClient, TestServer
    from prometheus_client.parser import text_string_to_metric_families

    from runtime.http import build_http_app

    metrics = Metrics()
    metrics.rows_inserted.labels("events.a").inc(5)
    metrics.consumed.labels("q").inc(2)
    metrics.insert_seconds.labels("events.a").observe(0.01)
    client = TestClient(TestServer(build_http_app(metrics, lambda: (True, ""), 1024)))
    await client.start_server()
    try:
        answer = await client.get("/metrics", params=[("name[]", "eventgen_rows_inserted_total"),
                                                      ("name[]", "eventgen_insert_seconds_count")])
        assert answer.status == 200
        samples = {(s.name, tuple(s.labels.items()), s.value)
                   for family in text_string_to_metric_families(await answer.text()) for s in family.samples}
        assert samples == {("eventgen_rows_inserted_total", (("table", "events.a"),), 5.0),
                           ("eventgen_insert_seconds_count", (("table", "events.a"),), 1.0)}
        whole = await (await client.get("/metrics")).text()
        assert "eventgen_messages_consumed_total" in whole and len(whole) > 20 * len(await answer.text())
    finally:
        await client.close()
