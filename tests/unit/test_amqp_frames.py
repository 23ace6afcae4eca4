"""eventgen's own marshalling of basic.publish gives the bytes pamqp (aiormq's codec) gives."""

from __future__ import annotations

import datetime

import pamqp.frame
import pytest
from pamqp.body import ContentBody
from pamqp.commands import Basic
from pamqp.header import ContentHeader

from runtime.broker._amqp_frames import publish_frames


def pamqp_publish(channel: int, max_content: int, exchange: str, routing_key: str, body: bytes, message_id: str,
                  content_type: str, headers: dict[str, object], content_encoding: str = "") -> bytes:
    frames = [Basic.Publish(exchange=exchange, routing_key=routing_key, mandatory=True),
              ContentHeader(0, len(body), Basic.Properties(content_type=content_type,
                                                           content_encoding=content_encoding or None, headers=headers,
                                                           delivery_mode=2, message_id=message_id))]
    frames += [ContentBody(body[i:i + max_content]) for i in range(0, len(body), max_content)]
    return b"".join(pamqp.frame.marshal(frame, channel) for frame in frames)


@pytest.mark.parametrize(("body", "headers"), [
    (b"\x0a\x0bpage_viewed", {"event_type": "page_viewed", "events": "1"}),
    (b"", {"event_type": "x"}),
    (b"x" * 131_072 * 2 + b"tail", {"event_type": "big", "x-eventgen-error": "Zerstörung: ü"}),
    (b"x" * (131_072 - 8), {}),
    (b"payload", {"x-death": [{"count": 3, "reason": "delivery_limit", "queue": "q",
                               "time": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)}], "n": 3}),
])
@pytest.mark.parametrize("content_encoding", ["", "lz4"])
def test_publish_frames_match_pamqp(body: bytes, headers: dict[str, object], content_encoding: str) -> None:
    args = (7, 131_072 - 8, "t.eventgen.web", "page_viewed", body, "a1b2c3", "application/x-protobuf", headers,
            content_encoding)
    assert publish_frames(*args) == pamqp_publish(*args)


def test_a_name_over_255_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="short string"):
        publish_frames(1, 131_064, "x" * 256, "k", b"", "id", "application/x-protobuf", {})
