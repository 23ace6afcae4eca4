"""Stamped batches, the AMQP messages between ingest and sink: events of one type, a StampedEvent each."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from google.protobuf.unknown_fields import UnknownFieldSet

__all__ = ["ATTEMPT_METADATA", "MAYBE_STORED_HEADER", "NO_CLIENT_TIME", "StampedEvent", "attempt_metadata",
           "decode_batch", "encode_batch", "encode_event", "events_body", "make_batch", "select_events",
           "stamped_events", "varint"]

# StampedEvent.client_time_us of an event whose client sent no readable time (eventgen/transport.proto).
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


# The wire format written by hand on the hot path (ingest stamps tens of thousands of events a second):
# StampedBatch.events entries (field 8, length-delimited) holding a StampedEvent each: its id (field 1), its
# three times (fields 2-4, sfixed64) and its envelope (field 5). upb reads it like any other encoding.
_EVENTS_KEY = b"\x42"
_ID_KEY, _ENVELOPE_KEY = b"\x0a", b"\x2a"
_TIMES = struct.Struct("<BqBqBq")


def varint(value: int) -> bytes:
    """A non-negative integer as a protobuf varint."""
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def encode_event(event_id: bytes, received_at_us: int, event_time_us: int, client_time_us: int,
                 envelope: bytes) -> bytes:
    """One StampedBatch.events entry, ready to be joined with others (`encode_batch`). `client_time_us` is
    NO_CLIENT_TIME when the client sent none."""
    event = b"".join((_ID_KEY, varint(len(event_id)), event_id,
                      _TIMES.pack(0x11, received_at_us, 0x19, event_time_us, 0x21, client_time_us),
                      _ENVELOPE_KEY, varint(len(envelope)), envelope))
    return _EVENTS_KEY + varint(len(event)) + event


def _type_field(event_type: str) -> bytes:
    name = event_type.encode()
    return b"\x0a" + varint(len(name)) + name


def encode_batch(event_type: str, events: Sequence[bytes]) -> bytes:
    """A StampedBatch body: the event type first, then the entries `encode_event` made."""
    return _type_field(event_type) + b"".join(events)


def events_body(body: bytes, batch: Any) -> bytes:
    """The body without its event type: the StampedEvents alone, as ClickHouse's ProtobufList reader takes them.
    A body laid out otherwise (re-serialized, or of the older layout) is written anew from the decoded batch."""
    prefix = _type_field(batch.event_type)
    # The events must follow at once, and nothing else (a body of the older layout has columns there, and a field
    # this layout does not know would be read as an event).
    if (body.startswith(prefix) and body[len(prefix):len(prefix) + 1] == _EVENTS_KEY and len(batch.events)
            and not len(UnknownFieldSet(batch))):
        return body[len(prefix):]
    return type(batch)(events=batch.events).SerializeToString()


def decode_batch(transport: Any, body: bytes) -> Any:
    """A message body as a StampedBatch (`transport` is the generated eventgen.transport_pb2); a body of the
    older, columnar layout (LegacyStampedBatch) is converted. Raises ValueError when the columns disagree."""
    batch = transport.StampedBatch.FromString(body)
    if len(batch.events):
        return batch
    legacy = transport.LegacyStampedBatch.FromString(body)
    if not len(legacy.envelopes):
        return batch
    columns = (legacy.event_ids, legacy.received_at_us, legacy.event_time_us, legacy.client_time_us)
    if any(len(column) != len(legacy.envelopes) for column in columns):
        raise ValueError(f"the batch's columns have different lengths: {len(legacy.envelopes)} envelopes, ids/"
                         f"received/event time/client time {tuple(len(c) for c in columns)}")
    converted = transport.StampedBatch(event_type=legacy.event_type)
    for event_id, received, event_time, client, envelope in zip(*columns, legacy.envelopes, strict=True):
        converted.events.add(event_id=event_id, received_at_us=received, event_time_us=event_time,
                             client_time_us=client, envelope=envelope)
    return converted


def stamped_events(batch: Any) -> list[StampedEvent]:
    """The events of a decoded batch, one row each."""
    return [StampedEvent(e.event_id, e.received_at_us, e.event_time_us,
                         None if e.client_time_us == NO_CLIENT_TIME else e.client_time_us, e.envelope)
            for e in batch.events]


def make_batch(batch_class: Any, event_type: str, events: Iterable[StampedEvent]) -> Any:
    """A StampedBatch of these events."""
    batch = batch_class(event_type=event_type)
    for e in events:
        batch.events.add(event_id=e.event_id, received_at_us=e.received_at_us, event_time_us=e.event_time_us,
                         client_time_us=NO_CLIENT_TIME if e.client_time_us is None else e.client_time_us,
                         envelope=e.envelope)
    return batch


def select_events(batch: Any, indices: Sequence[int]) -> Any:
    """A batch of the same type holding only the events at `indices` (in that order)."""
    events = batch.events
    return type(batch)(event_type=batch.event_type, events=[events[i] for i in indices])
