"""The consumers' AMQP codec reads what pamqp (aio-pika's codec, the reference here) writes: frames cut anywhere,
field tables of every type, message properties; what it writes, pamqp reads."""

from __future__ import annotations

import datetime
import decimal

import pamqp.frame
import pytest
from pamqp import commands, header, heartbeat
from pamqp.body import ContentBody

from runtime.broker import _amqp_codec as codec


def frames_of(*pieces: bytes, step: int) -> list[codec.Frame]:
    """The frames read from the bytes, fed `step` bytes at a time."""
    data, reader, found = b"".join(pieces), codec.FrameReader(), []
    for start in range(0, len(data), step):
        found += list(reader.feed(data[start:start + step]))
    return found


HEADERS = {
    "event_type": "page_viewed", "events": "20", "x-delivery-count": 2, "flag": True, "small": -5,
    "big": 2**40, "ratio": 0.25, "nested": {"a": "b", "n": 1}, "list": ["x", 3], "raw": bytearray(b"\x00\xff"),
    "when": datetime.datetime(2026, 12, 6, 12, 0, 0), "price": decimal.Decimal("1.25"), "nothing": None,
}


@pytest.mark.parametrize("step", [1, 7, 64, 100_000])
def test_a_delivery_cut_anywhere_reads_back_whole(step):
    body = bytes(range(256)) * 600  # over one body frame
    properties = commands.Basic.Properties(content_type="application/x-protobuf", headers=HEADERS,
                                           delivery_mode=2, message_id="m-1", correlation_id="c", expiration="9")
    deliver = pamqp.frame.marshal(commands.Basic.Deliver("ctag", 7, True, "eventgen.web", "page_viewed"), 3)
    content = pamqp.frame.marshal(header.ContentHeader(0, len(body), properties), 3)
    chunks = [pamqp.frame.marshal(ContentBody(body[i:i + 131_064]), 3) for i in range(0, len(body), 131_064)]
    frames = frames_of(deliver, content, *chunks, pamqp.frame.marshal(heartbeat.Heartbeat(), 0), step=step)
    assert [f.kind for f in frames] == [1, 2, 3, 3, 8] and {f.channel for f in frames[:4]} == {3}
    assert b"".join(f.payload for f in frames[2:4]) == body
    read = codec.read_properties(frames[1].payload)
    assert (read.body_size, read.content_type, read.message_id) == (len(body), "application/x-protobuf", "m-1")
    when = int(HEADERS["when"].replace(tzinfo=datetime.UTC).timestamp())  # a timestamp reads as its seconds
    expected = {**HEADERS, "raw": bytes(HEADERS["raw"]), "when": when, "price": 1.25}
    assert read.headers == expected


def test_the_content_encoding_is_read():
    properties = commands.Basic.Properties(content_type="application/x-protobuf", content_encoding="lz4",
                                           headers={"event_type": "x"}, delivery_mode=2, message_id="m-2")
    payload = pamqp.frame.marshal(header.ContentHeader(0, 9, properties), 1)[7:-1]
    assert codec.read_properties(payload) == codec.Properties(9, "application/x-protobuf", {"event_type": "x"}, "m-2",
                                                              "lz4")


def test_properties_without_headers_or_message_id():
    payload = pamqp.frame.marshal(header.ContentHeader(0, 0, commands.Basic.Properties(delivery_mode=2)), 1)[7:-1]
    assert codec.read_properties(payload) == codec.Properties(0, "", None, "")


def test_what_it_writes_pamqp_reads():
    for data, expected in (
        (codec.method(2, 60, 80, b"\0\0\0\0\0\0\0\x05\0"), commands.Basic.Ack(5, False)),
        (codec.method(2, 60, 90, b"\0\0\0\0\0\0\0\x05\x01"), commands.Basic.Reject(5, True)),
    ):
        _, channel, decoded = pamqp.frame.unmarshal(data)
        assert channel == 2 and decoded.delivery_tag == expected.delivery_tag
    _, _, decoded = pamqp.frame.unmarshal(codec.heartbeat())
    assert isinstance(decoded, heartbeat.Heartbeat)
    arguments = {"x-queue-type": "quorum", "x-delivery-limit": 2}
    assert codec.read_table(codec.table(arguments), 0) == (arguments, len(codec.table(arguments)))


def test_a_frame_that_does_not_end_right_or_is_too_large_is_refused():
    good = pamqp.frame.marshal(heartbeat.Heartbeat(), 0)
    with pytest.raises(codec.ProtocolError, match="does not end with 0xCE"):
        list(codec.FrameReader().feed(good[:-1] + b"\x00"))
    with pytest.raises(codec.ProtocolError, match="at most"):
        list(codec.FrameReader().feed(b"\x03\x00\x01\xff\xff\xff\xff"))
    with pytest.raises(codec.ProtocolError, match="unknown field type"):
        codec.read_table(b"\x00\x00\x00\x03\x01kZ", 0)
