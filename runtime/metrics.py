"""Prometheus metrics of one App, in a registry of its own (no global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

__all__ = ["Metrics"]

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
_SIZE_BUCKETS = (1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 50_000, 100_000)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.events_received = Counter("eventgen_events_received", "Events received", ["source", "event_type"],
                                       registry=r)
        self.events_accepted = Counter("eventgen_events_accepted", "Events confirmed by the broker",
                                       ["source", "event_type"], registry=r)
        self.events_rejected = Counter("eventgen_events_rejected", "Events or requests rejected, by reason",
                                       ["source", "reason"], registry=r)
        self.time_adjusted = Counter("eventgen_event_time_adjusted", "Client times not stored as sent, by why",
                                     ["adjustment"], registry=r)
        self.pool_depth = Gauge("eventgen_pool_queue_depth", "Requests waiting in a source's pool", ["source"],
                                registry=r)
        self.batch_events = Histogram("eventgen_publish_batch_events", "Events per published AMQP message",
                                      ["event_type"], buckets=_SIZE_BUCKETS, registry=r)
        self.publish_seconds = Histogram("eventgen_publish_seconds", "Publish until broker confirm",
                                         buckets=_LATENCY_BUCKETS, registry=r)
        self.publish_failures = Counter("eventgen_publish_failures", "Publishes that failed, by error",
                                        ["error"], registry=r)
        self.dispatch_seconds = Histogram("eventgen_dispatch_seconds", "gRPC Dispatch latency",
                                          buckets=_LATENCY_BUCKETS, registry=r)
        self.worker_errors = Counter("eventgen_worker_errors", "Unexpected exceptions in worker tasks",
                                     ["component"], registry=r)
        self.broker_connected = Gauge("eventgen_broker_connected", "1 while the broker is connected", registry=r)
        self.webhooks_duplicate = Counter("eventgen_webhooks_duplicate", "Webhook deliveries seen before",
                                          ["provider"], registry=r)

        self.sink_flushes = Counter("eventgen_sink_flushes", "Sinker flushes, by reason (size, bytes, interval, "
                                    "direct, shutdown)", ["queue", "reason"], registry=r)
        self.sink_batch_rows = Histogram("eventgen_sink_batch_rows", "Rows per insert", ["queue"],
                                         buckets=_SIZE_BUCKETS, registry=r)
        self.insert_seconds = Histogram("eventgen_insert_seconds", "ClickHouse insert latency", ["table"],
                                        buckets=_LATENCY_BUCKETS, registry=r)
        self.rows_inserted = Counter("eventgen_rows_inserted", "Rows inserted", ["table"], registry=r)
        self.dead_lettered = Counter("eventgen_dead_lettered", "Messages sent to a dead-letter queue", ["queue"],
                                     registry=r)
        self.consumed = Counter("eventgen_messages_consumed", "Broker messages received by sinks", ["queue"],
                                registry=r)
        self.circuit_open = Gauge("eventgen_circuit_open", "1 while the store circuit breaker is open", registry=r)
        self.store_healthy = Gauge("eventgen_store_healthy", "1 while the store's health probe passes", registry=r)
        self.store_reconnects = Gauge("eventgen_store_reconnects", "Store connections made", registry=r)

    def render(self) -> bytes:
        return generate_latest(self.registry)
