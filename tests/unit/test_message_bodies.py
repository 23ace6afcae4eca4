"""Message bodies on RabbitMQ: LZ4 frames one way, the published bytes back the other, and a clear error for a body
that cannot be undone, never an exception out of a consumer."""

from __future__ import annotations

import lz4.frame
import pytest

from runtime.broker._body import LZ4, MAX_BODY_BYTES, UndecodableBody, decode_body, encode_body
from runtime.broker._dispatch import TrackedDelivery

BODY = b"\x42\x10" + b"page_viewed header repeated " * 200


def test_a_compressed_body_is_a_standard_lz4_frame_that_reads_back_whole():
    sent, encoding = encode_body(BODY, LZ4)
    assert encoding == LZ4 and len(sent) < len(BODY) / 5
    assert lz4.frame.decompress(sent) == BODY  # any LZ4 frame reader gets the body
    assert decode_body(sent, encoding) == BODY


@pytest.mark.parametrize("encoding", ["none", "", "gzip"])
def test_only_lz4_compresses(encoding):
    assert encode_body(BODY, encoding) == (BODY, "")


def test_an_empty_body_goes_as_it_is():
    assert encode_body(b"", LZ4) == (b"", "")


@pytest.mark.parametrize("encoding", ["", "identity"])
def test_a_body_without_an_encoding_is_read_as_it_is(encoding):
    assert decode_body(BODY, encoding) == BODY


@pytest.mark.parametrize(("body", "encoding", "error"), [
    (encode_body(BODY, LZ4)[0][:-6], LZ4, "ends inside an LZ4 frame"),
    (b"\x0a\x0bpage_viewed and more", LZ4, "is not an LZ4 frame"),
    (encode_body(BODY, LZ4)[0][:-5] + b"\x00\x00\x00\x00\x01", LZ4, "not an LZ4 frame"),  # a wrong checksum
    (BODY, "gzip", "content-encoding is 'gzip': eventgen reads 'lz4' or none"),
])
def test_a_body_that_cannot_be_undone_says_why(body, encoding, error):
    with pytest.raises(UndecodableBody, match=error):
        decode_body(body, encoding)


def test_a_body_that_would_grow_past_the_largest_message_is_refused():
    bomb = lz4.frame.compress(b"\0" * (MAX_BODY_BYTES + 1))
    assert len(bomb) < MAX_BODY_BYTES / 100
    with pytest.raises(UndecodableBody, match="more than"):
        decode_body(bomb, LZ4)


def delivery(body: bytes, encoding: str) -> TrackedDelivery:
    return TrackedDelivery(body=body, message_id="m", headers={}, routing_key="k", content_type="",
                           redelivered=False, delivery_count=0, content_encoding=encoding)


def test_a_delivery_holds_the_published_body_or_the_reason_it_cannot():
    good = delivery(encode_body(BODY, LZ4)[0], LZ4)
    assert (good.body, good.body_error) == (BODY, None)
    bad = delivery(b"garbage", LZ4)
    assert bad.body == b"garbage" and "is not an LZ4 frame" in (bad.body_error or "")
