"""Stamped batches, the AMQP messages between ingest and sink: events of one type, in columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ATTEMPT_METADATA", "MAYBE_STORED_HEADER", "NO_CLIENT_TIME", "StampedEvent", "attempt_metadata",
           "check_batch", "make_batch", "select_events", "stamped_events"]

# StampedBatch.client_time_us of an event whose client sent no readable time (eventgen/transport.proto).
NO_CLIENT_TIME = -(2**63)

# The header of a message whose events the broker may hold already in another message: ingest republished
# them for a client's retry after a publish that failed without a confirm. The sink skips stored events.
MAYBE_STORED_HEADER = "x-eventgen-maybe-stored"
# The gRPC metadata a client numbers its attempts of one call with (1, 2, ...): a later attempt is a retry.
ATTEMPT_METADATA = "eventgen-attempt"


def attempt_metadata(metadata: dict[str, str] | None, attempt: int) -> dict[str, str] | None:
    """A call's metadata for its `attempt`-th try (the first goes out unchanged)."""
    if attempt <= 1:
        return metadata
    return {**(metadata or {}), ATTEMPT_METADATA: str(attempt)}


@dataclass(frozen=True, slots=True)
class StampedEvent:
    """One event of a batch, as a row: for code that handles events one at a time (poison, tests, tools)."""

    event_id: str
    received_at_us: int
    event_time_us: int
    client_time_us: int | None
    envelope: bytes


def check_batch(batch: Any) -> int:
    """The number of events in a decoded batch; ValueError when its columns disagree."""
    n = len(batch.envelopes)
    lengths = (len(batch.event_ids), len(batch.received_at_us), len(batch.event_time_us), len(batch.client_time_us))
    if any(length != n for length in lengths):
        raise ValueError(f"the batch's columns have different lengths: {n} envelopes, ids/received/event time/"
                         f"client time {lengths}")
    return n


def stamped_events(batch: Any) -> list[StampedEvent]:
    """The events of a decoded batch, one row each."""
    check_batch(batch)
    client = [None if t == NO_CLIENT_TIME else t for t in batch.client_time_us]
    return [StampedEvent(*row) for row in zip(batch.event_ids, batch.received_at_us, batch.event_time_us, client,
                                              batch.envelopes, strict=True)]


def make_batch(batch_class: Any, event_type: str, events: Iterable[StampedEvent]) -> Any:
    """A StampedBatch of these events."""
    events = list(events)
    return batch_class(
        event_type=event_type,
        event_ids=[e.event_id for e in events],
        received_at_us=[e.received_at_us for e in events],
        event_time_us=[e.event_time_us for e in events],
        client_time_us=[NO_CLIENT_TIME if e.client_time_us is None else e.client_time_us for e in events],
        envelopes=[e.envelope for e in events],
    )


def select_events(batch: Any, indices: Sequence[int]) -> Any:
    """A batch of the same type holding only the events at `indices` (in that order)."""
    return type(batch)(
        event_type=batch.event_type,
        event_ids=[batch.event_ids[i] for i in indices],
        received_at_us=[batch.received_at_us[i] for i in indices],
        event_time_us=[batch.event_time_us[i] for i in indices],
        client_time_us=[batch.client_time_us[i] for i in indices],
        envelopes=[batch.envelopes[i] for i in indices],
    )
