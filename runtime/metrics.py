"""Prometheus metrics of one App, in a registry of its own (no global state)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily

__all__ = ["Metrics"]

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
_SIZE_BUCKETS = (1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 50_000, 100_000)


class EventCounter:
    """A counter by (source, event type) kept in a plain dict and read by the registry when scraped: the
    ingest path adds a request's counts per type without prometheus-client's lock and label lookup for
    each (about 2% of the ingest CPU at 30k events/s otherwise)."""

    def __init__(self, name: str, documentation: str, registry: CollectorRegistry) -> None:
        self.name = name
        self.documentation = documentation
        self._counts: dict[tuple[str, str], float] = {}
        registry.register(self)

    def add(self, source: str, event_type: str, n: float = 1) -> None:
        key = (source, event_type)
        self._counts[key] = self._counts.get(key, 0) + n

    def labels(self, source: str, event_type: str) -> Any:
        """The child for one label set, as prometheus-client's counters have it (`.inc(n)`)."""
        return _EventCounterChild(self, source, event_type)

    def describe(self) -> list[CounterMetricFamily]:
        return [CounterMetricFamily(self.name, self.documentation, labels=["source", "event_type"])]

    def collect(self) -> list[CounterMetricFamily]:
        family = CounterMetricFamily(self.name, self.documentation, labels=["source", "event_type"])
        for (source, event_type), value in sorted(self._counts.items()):
            family.add_metric([source, event_type], value)
        return [family]


class _EventCounterChild:
    __slots__ = ("_counter", "_source", "_event_type")

    def __init__(self, counter: EventCounter, source: str, event_type: str) -> None:
        self._counter, self._source, self._event_type = counter, source, event_type

    def inc(self, n: float = 1) -> None:
        self._counter.add(self._source, self._event_type, n)


class _Rejections:
    """eventgen_events_rejected{source, event_type, reason}. `labels(source, reason)` is for rejections made
    before the event type is known (a bad signature, malformed JSON, an unknown event): event_type is ""."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter

    def labels(self, source: str, reason: str, event_type: str = "") -> Any:
        return self.counter.labels(source, event_type, reason)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        # Ingest. `source` is the event's source in the schema for received and accepted events; for
        # rejections it is where the request came in: "grpc" or the webhook provider.
        self.events_received = EventCounter("eventgen_events_received", "Events received", r)
        self.events_accepted = EventCounter("eventgen_events_accepted", "Events confirmed by the broker", r)
        self.events_rejected = _Rejections(Counter(
            "eventgen_events_rejected", "Events or requests rejected, by where they came in, event type (\"\" "
            "when not known yet) and reason", ["source", "event_type", "reason"], registry=r))
        self.time_adjusted = Counter("eventgen_event_time_adjusted", "Client times not stored as sent, by why",
                                     ["adjustment"], registry=r)
        self.pool_depth = Gauge("eventgen_pool_queue_depth", "Requests waiting in a source's pool", ["source"],
                                registry=r)
        self.batch_events = Histogram("eventgen_publish_batch_events", "Events per published AMQP message "
                                      "(the micro-batch size)", ["event_type"], buckets=_SIZE_BUCKETS, registry=r)
        self.publish_seconds = Histogram("eventgen_publish_seconds", "Publish until broker confirm",
                                         buckets=_LATENCY_BUCKETS, registry=r)
        self.publish_failures = Counter("eventgen_publish_failures", "Publishes that failed, by error",
                                        ["error"], registry=r)
        self.dispatch_seconds = Histogram("eventgen_dispatch_seconds", "gRPC Dispatch latency",
                                          buckets=_LATENCY_BUCKETS, registry=r)
        self.worker_errors = Counter("eventgen_worker_errors", "Unexpected exceptions in worker tasks",
                                     ["component"], registry=r)
        self.webhooks_duplicate = Counter("eventgen_webhooks_duplicate", "Webhook deliveries seen before",
                                          ["provider"], registry=r)

        # Broker, whatever the role.
        self.broker_connected = Gauge("eventgen_broker_connected", "1 while the broker is connected", registry=r)
        self.broker_reconnects = Gauge("eventgen_broker_reconnects", "Broker connections lost (and remade) since "
                                       "start", registry=r)
        self.consumer_lag = Gauge("eventgen_consumer_lag", "Messages ready in a queue, waiting for its sink "
                                  "(polled)", ["queue"], registry=r)
        self.dead_letter_depth = Gauge("eventgen_dead_letter_queue_depth", "Messages held in a queue's dead-letter "
                                       "queue (polled)", ["queue"], registry=r)

        # Sink.
        self.sink_flushes = Counter("eventgen_sink_flushes", "Sinker flushes, by reason (size, bytes, interval, "
                                    "prefetch, direct, shutdown)", ["queue", "reason"], registry=r)
        self.sink_batch_rows = Histogram("eventgen_sink_batch_rows", "Rows per insert", ["queue"],
                                         buckets=_SIZE_BUCKETS, registry=r)
        self.insert_seconds = Histogram("eventgen_insert_seconds", "ClickHouse insert latency", ["table"],
                                        buckets=_LATENCY_BUCKETS, registry=r)
        self.rows_inserted = Counter("eventgen_rows_inserted", "Rows inserted", ["table"], registry=r)
        self.protobuf_inserts = Counter("eventgen_protobuf_inserts", "Inserts ClickHouse decoded itself (the "
                                        "generated protobuf insert), by table", ["table"], registry=r)
        self.protobuf_refused = Counter("eventgen_protobuf_inserts_refused", "Protobuf inserts ClickHouse refused "
                                        "(the transformer stored their events), by event type", ["event_type"],
                                        registry=r)
        self.dead_lettered = Counter("eventgen_dead_lettered", "Messages sent to a dead-letter queue", ["queue"],
                                     registry=r)
        self.dead_lettered_events = Counter("eventgen_dead_lettered_events", "Events sent to a dead-letter queue",
                                            ["queue", "event_type"], registry=r)
        self.consumed = Counter("eventgen_messages_consumed", "Broker messages received by sinks", ["queue"],
                                registry=r)
        self.circuit_open = Gauge("eventgen_circuit_open", "1 while the store circuit breaker is open", registry=r)
        self.store_healthy = Gauge("eventgen_store_healthy", "1 while the store's health probe passes", registry=r)
        self.store_reconnects = Gauge("eventgen_store_reconnects", "Store connections made", registry=r)
        self.store_side_by_side = Gauge("eventgen_store_inserts_side_by_side", "Inserts started while another ran "
                                        "(the sink behind, store_threads > 1), since start", registry=r)

    def render(self, names: Iterable[str] = ()) -> bytes:
        """The exposition text; with `names` (sample names, as Prometheus' `name[]` parameter gives them), only
        those samples: a poll for one counter costs a fraction of the whole page (about 1,900 lines on a
        sink with every table written)."""
        names = tuple(names)
        return generate_latest(self.registry.restricted_registry(names) if names else self.registry)
