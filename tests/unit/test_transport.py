"""The AMQP message between ingest and sink: the bytes ingest writes by hand read back as eventgen.StampedBatch,
the part ClickHouse reads is the events alone, and a body of the older columnar layout is still read."""

from __future__ import annotations

import pytest

from runtime.generated import load_generated
from runtime.transport import (
    NO_CLIENT_TIME,
    StampedEvent,
    decode_batch,
    encode_batch,
    encode_event,
    events_body,
    make_batch,
    select_events,
    stamped_events,
)

TRANSPORT = load_generated().transport

EVENTS = [
    StampedEvent("a", 1, 2, None, b""),
    StampedEvent("é" * 100, -5, 2**63 - 1, -(2**62), b"\x0a\x03abc" * 50),  # ids and envelopes over 127 bytes
    StampedEvent("", 0, -(2**63) + 1, 7, b"\xff"),
]


def encoded(event_type: str = "page_viewed", events: list[StampedEvent] = EVENTS) -> bytes:
    return encode_batch(event_type, [
        encode_event(e.event_id.encode(), e.received_at_us, e.event_time_us,
                     NO_CLIENT_TIME if e.client_time_us is None else e.client_time_us, e.envelope) for e in events])


def test_the_hand_written_encoding_reads_back_as_the_batch_message():
    batch = TRANSPORT.StampedBatch.FromString(encoded())
    assert batch.event_type == "page_viewed"
    assert stamped_events(batch) == EVENTS
    assert batch.events[0].client_time_us == NO_CLIENT_TIME
    # Field for field what the protobuf runtime makes of the same events (which leaves zeros out).
    assert TRANSPORT.StampedBatch.FromString(make_batch(TRANSPORT.StampedBatch, "page_viewed", EVENTS)
                                             .SerializeToString()) == batch


def test_the_events_body_is_the_body_without_its_event_type_and_holds_only_events():
    body = encoded()
    batch = TRANSPORT.StampedBatch.FromString(body)
    events = events_body(body, batch)
    assert body.endswith(events) and len(body) - len(events) == len(b"\x0a\x0bpage_viewed")
    alone = TRANSPORT.StampedBatch.FromString(events)
    assert alone.event_type == "" and stamped_events(alone) == EVENTS
    # A body laid out otherwise (the runtime's own serialization of fewer events) is written anew.
    fewer = select_events(batch, [2, 0])
    assert stamped_events(TRANSPORT.StampedBatch.FromString(events_body(b"", fewer))) == [EVENTS[2], EVENTS[0]]
    # A field this layout does not know is left out: ClickHouse would read it as an event.
    extended = body + b"\x4a\x03new"  # field 9
    rewritten = events_body(extended, TRANSPORT.StampedBatch.FromString(extended))
    assert b"new" not in rewritten and stamped_events(TRANSPORT.StampedBatch.FromString(rewritten)) == EVENTS


def test_a_body_of_the_columnar_layout_is_read_as_events():
    legacy = TRANSPORT.LegacyStampedBatch(
        event_type="page_viewed", event_ids=[e.event_id for e in EVENTS],
        received_at_us=[e.received_at_us for e in EVENTS], event_time_us=[e.event_time_us for e in EVENTS],
        client_time_us=[NO_CLIENT_TIME if e.client_time_us is None else e.client_time_us for e in EVENTS],
        envelopes=[e.envelope for e in EVENTS]).SerializeToString()
    batch = decode_batch(TRANSPORT, legacy)
    assert batch.event_type == "page_viewed" and stamped_events(batch) == EVENTS
    # And now as any other batch: ClickHouse can read its events.
    assert stamped_events(TRANSPORT.StampedBatch.FromString(events_body(legacy, batch))) == EVENTS


def test_a_columnar_body_whose_columns_disagree_is_refused():
    broken = TRANSPORT.LegacyStampedBatch(event_type="page_viewed", event_ids=["a", "b"], received_at_us=[1],
                                          event_time_us=[1, 2], client_time_us=[1, 2], envelopes=[b"", b""])
    with pytest.raises(ValueError, match="different lengths"):
        decode_batch(TRANSPORT, broken.SerializeToString())


def test_an_empty_batch_is_an_empty_batch():
    batch = decode_batch(TRANSPORT, encode_batch("page_viewed", []))
    assert batch.event_type == "page_viewed" and len(batch.events) == 0
