"""Message bodies as they travel through RabbitMQ: LZ4 frames, marked by the content-encoding property.

A message carries the events of one type from several requests, each event with its whole envelope (the request's
header copied into every event), so much of a body repeats. Compressed, RabbitMQ writes half the bytes to its
quorum queues' log, and so rolls its write-ahead log over (at 512 MiB; every publisher then waits for a second or
two) half as often. `eventgen bench ingest`, 2 pairs alternating with `broker_compression = "none"`: 285 bytes of
log an event against 580; RabbitMQ's CPU 4.6-5.0 us an event against 5.1-5.9, the ingest process's 10.6-10.8
against 10.2-10.4. `eventgen bench e2e --half-rate` on RabbitMQ, 2 pairs: half-rate p99 45 and 55 ms against 262
and 268, each of those two runs holding a rollover in its half-rate phase.
"""

from __future__ import annotations

import lz4.frame

__all__ = ["ENCODINGS", "LZ4", "MAX_BODY_BYTES", "UndecodableBody", "decode_body", "encode_body"]

LZ4 = "lz4"
# What the `broker_compression` setting takes: LZ4 frames, or bodies as they are.
ENCODINGS = (LZ4, "none")
# The most a compressed body may grow to: RabbitMQ's own largest message (max_message_size, 128 MiB).
MAX_BODY_BYTES = 128 * 1024 * 1024


class UndecodableBody(ValueError):
    """A body whose content-encoding eventgen cannot undo."""


def encode_body(body: bytes, encoding: str) -> tuple[bytes, str]:
    """The body to publish and its content-encoding ("" when it goes as it is)."""
    if encoding != LZ4 or not body:
        return body, ""
    return lz4.frame.compress(body, compression_level=0, content_checksum=True), LZ4


def decode_body(body: bytes, encoding: str) -> bytes:
    """A delivered body as it was published. Raises UndecodableBody for an encoding other than LZ4 (or none), a
    body that is not a whole LZ4 frame, or one that would grow past MAX_BODY_BYTES."""
    if not encoding or encoding == "identity":
        return body
    if encoding != LZ4:
        raise UndecodableBody(f"the message's content-encoding is {encoding!r}: eventgen reads {LZ4!r} or none")
    decompressor = lz4.frame.LZ4FrameDecompressor()
    try:
        data = decompressor.decompress(body, max_length=MAX_BODY_BYTES + 1)
    except RuntimeError as exc:
        raise UndecodableBody(f"the message's content-encoding is {LZ4!r} but its body is not an LZ4 frame: "
                              f"{exc}") from exc
    if len(data) > MAX_BODY_BYTES:
        raise UndecodableBody(f"the message's body decompresses to more than {MAX_BODY_BYTES} bytes")
    if not decompressor.eof:
        raise UndecodableBody(f"the message's content-encoding is {LZ4!r} but its body ends inside an LZ4 frame "
                              f"({len(body)} bytes)")
    return data
