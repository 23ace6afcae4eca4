"""Poison events: redelivered at most the delivery limit, then dead-lettered with the error in headers."""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from ..broker import Broker, Delivery, OutgoingMessage, Topology
from ..transport import make_batch
from .batch import BadEvent, Transformed

__all__ = ["ERROR_HEADER", "PoisonHandler"]

log = logging.getLogger("eventgen.sink")
ERROR_HEADER = "x-eventgen-error"
QUEUE_HEADER = "x-eventgen-queue"


class PoisonHandler:
    """Settles a message once its good rows are stored: ack, or set its bad events apart.

    Bad events beside good ones travel on in a message of their own, so the good ones are not
    held back; a message of only bad events is rejected (requeued) until the delivery limit, then
    published to the dead-letter exchange with the error in its headers, and acked."""

    def __init__(self, queue: str, broker: Broker, topology: Topology, batch_class: Any, metrics: Any,
                 publish_timeout: float = 10.0) -> None:
        self.queue = queue
        self._broker = broker
        self._topology = topology
        self._batch_class = batch_class
        self._metrics = metrics
        self._limit = topology.delivery_limit
        self._timeout = publish_timeout

    async def settle(self, item: Transformed, bad: list[BadEvent]) -> None:
        if not bad:
            await item.delivery.ack()
            return
        error = bad[0].error
        body = make_batch(self._batch_class, item.event_type, [b.stamped for b in bad]).SerializeToString()
        if item.rows:
            exchange, routing_key = self._topology.route(item.event_type)
            await self._broker.publish(OutgoingMessage(
                exchange=exchange, routing_key=routing_key, body=body, message_id=_message_id(bad),
                headers={"event_type": item.event_type, "events": str(len(bad)), ERROR_HEADER: error[:1000]}),
                self._timeout)
            log.warning("%d of %d events in message %s failed (%s); they go on in a message of their own",
                        len(bad), len(bad) + item.rows, item.delivery.message_id, error,
                        extra={"component": "sink", "queue": self.queue, "event_type": item.event_type})
            await item.delivery.ack()
            return
        await self.reject(item.delivery, error, body, item.event_type, events=len(bad))

    async def reject(self, delivery: Delivery, error: str, body: bytes | None = None, event_type: str = "",
                     events: int | None = None) -> None:
        """A message that fails for its content: requeue it until the delivery limit, then dead-letter it.
        `events`: how many events it carries (default: its `events` header)."""
        if delivery.delivery_count < self._limit:
            await delivery.reject(requeue=True)
            return
        headers = {ERROR_HEADER: error[:1000], QUEUE_HEADER: self.queue, "event_type": event_type,
                   "x-eventgen-failed-at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   "x-eventgen-deliveries": str(delivery.delivery_count + 1)}
        await self._broker.publish(OutgoingMessage(
            exchange=self._topology.dead_letter_exchange["name"], routing_key=self.queue,
            body=body if body is not None else delivery.body, message_id=delivery.message_id, headers=headers),
            self._timeout)
        await delivery.ack()
        self._metrics.dead_lettered.labels(self.queue).inc()
        if events is None:
            header = str((delivery.headers or {}).get("events", "1"))
            events = int(header) if header.isdigit() else 1
        self._metrics.dead_lettered_events.labels(self.queue, event_type).inc(events)
        log.error("dead-lettered message %s after %d deliveries: %s", delivery.message_id,
                  delivery.delivery_count + 1, error, extra={"component": "sink", "queue": self.queue})


def _message_id(bad: list[BadEvent]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for event in bad:
        digest.update(event.stamped.event_id.encode())
        digest.update(b"\0")
    return digest.hexdigest()
