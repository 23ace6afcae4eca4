"""The dead-letter queues: list what is in them, replay it after a fix, or drop it."""

from __future__ import annotations

import collections
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from ..broker import Broker, Delivery, OutgoingMessage, Topology
from ..generated import GeneratedSchema
from ..transport import select_events
from .batch import REPLAY_HEADER, decode_delivery
from .poison import ERROR_HEADER

__all__ = ["DeadLetterSummary", "drop", "list_dead_letters", "replay"]


@dataclass
class DeadLetterSummary:
    queue: str
    messages: int = 0
    events: int = 0
    event_types: collections.Counter[str] = field(default_factory=collections.Counter)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)


def _dead_letter_queues(topology: Topology, queue: str | None) -> list[str]:
    names = [q["name"] for q in topology.dead_letter_queues]
    if queue is None:
        return names
    wanted = queue if queue.endswith(".dlq") else f"{queue}.dlq"
    wanted = wanted if wanted in names else topology.name(wanted)
    if wanted not in names:
        raise LookupError(f"no dead-letter queue {wanted!r}; the topology has: {', '.join(names)}")
    return [wanted]


async def _present(broker: Broker, name: str, limit: int | None) -> AsyncIterator[Delivery]:
    """The messages in a queue when it is first looked at (at most `limit`), one at a time, unsettled; an empty
    queue costs one round trip, not a wait."""
    depth = await broker.queue_depth(name)
    for _ in range(depth if limit is None else min(depth, limit)):
        delivery = await broker.get(name, timeout=1.0)
        if delivery is None:  # taken by somebody else meanwhile
            return
        yield delivery


async def list_dead_letters(broker: Broker, topology: Topology, schema: GeneratedSchema, *, queue: str | None = None,
                            limit: int = 10_000) -> list[DeadLetterSummary]:
    """Reads (and puts back) up to `limit` messages of each dead-letter queue."""
    summaries = []
    for name in _dead_letter_queues(topology, queue):
        summary = DeadLetterSummary(name)
        held = []
        async for delivery in _present(broker, name, limit):
            held.append(delivery)
            summary.messages += 1
            summary.errors[str((delivery.headers or {}).get(ERROR_HEADER, "(no error recorded)"))[:200]] += 1
            try:
                batch = decode_delivery(schema, delivery)
                events = len(batch.events)
                summary.event_types[batch.event_type] += events
                summary.events += events
            except Exception:
                summary.event_types["(undecodable)"] += 1
        for delivery in held:
            await delivery.reject(requeue=True)
        summaries.append(summary)
    return summaries


async def replay(broker: Broker, topology: Topology, schema: GeneratedSchema, *, queue: str | None = None,
                 limit: int | None = None, pii_key: bytes = b"") -> dict[str, int]:
    """Re-validates dead-lettered events against the current schema and publishes the valid ones to their
    original exchange again, with their ids unchanged (the sink stores each event once, so replaying twice
    is harmless). Invalid events stay in the dead-letter queue."""
    counts = {"messages": 0, "replayed": 0, "still_invalid": 0}
    for name in _dead_letter_queues(topology, queue):
        kept_back = []
        # What is there now only: the events still invalid go back to the end of this queue, and must not be
        # read again in this replay.
        async for delivery in _present(broker, name, None if limit is None else limit - counts["messages"]):
            counts["messages"] += 1
            try:
                batch = decode_delivery(schema, delivery)
                transformer = schema.transformers.TRANSFORMERS[batch.event_type]
                events = len(batch.events)
            except Exception:
                counts["still_invalid"] += 1
                kept_back.append(delivery)
                continue
            valid, invalid = [], []
            for i in range(events):
                try:
                    transformer(select_events(batch, [i]), pii_key)
                    valid.append(i)
                except Exception:
                    invalid.append(i)
            if valid:
                exchange, routing_key = topology.route(batch.event_type)
                body = select_events(batch, valid).SerializeToString()
                await broker.publish(OutgoingMessage(exchange, routing_key, body, delivery.message_id,
                                                     {"event_type": batch.event_type, REPLAY_HEADER: "1"}), 10.0)
                counts["replayed"] += len(valid)
            if invalid:
                counts["still_invalid"] += len(invalid)
                body = select_events(batch, invalid).SerializeToString()
                await broker.publish(OutgoingMessage(topology.dead_letter_exchange["name"], name.removesuffix(".dlq"),
                                                     body, _invalid_id(delivery.message_id),
                                                     dict(delivery.headers or {})), 10.0)
            await delivery.ack()
        for delivery in kept_back:
            await delivery.reject(requeue=True)
    return counts


def _invalid_id(message_id: str) -> str:
    """The id of a message's events still invalid, put back: the same after every replay."""
    return message_id if message_id.endswith("-invalid") else f"{message_id}-invalid"


async def drop(broker: Broker, topology: Topology, *, queue: str | None = None) -> int:
    """Deletes every message of the dead-letter queue(s); returns how many."""
    dropped = 0
    for name in _dead_letter_queues(topology, queue):
        async for delivery in _present(broker, name, None):
            await delivery.ack()
            dropped += 1
    return dropped
