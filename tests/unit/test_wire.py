"""The wire-format reader behind gRPC's error messages: it agrees with upb on what is refused, and says why."""

from __future__ import annotations

import pytest
from google.protobuf import struct_pb2
from google.protobuf.message import DecodeError
from hypothesis import given
from hypothesis import strategies as st

from runtime.generated import load_generated
from runtime.ingest._wire import WireError, describe_problem, split_field

ENVELOPE = load_generated().envelope
Batch, Event = ENVELOPE.Batch, ENVELOPE.Envelope


def deep_event(levels: int) -> bytes:
    value = struct_pb2.Value()
    inner = value
    for _ in range(levels):
        inner = inner.list_value.values.add()
    event = Event(event_id="deep")
    event.branch_install.branch.last_attributed_touch_data.fields["k"].CopyFrom(value)
    return event.SerializeToString()


def upb_refuses(data: bytes) -> bool:
    try:
        Event.FromString(data)
    except DecodeError:
        return True
    return False


@pytest.mark.parametrize("levels", [46, 47, 48, 49])
def test_nesting_is_refused_where_upb_refuses_it(levels):
    data = deep_event(levels)
    problem = describe_problem(data, Event.DESCRIPTOR)
    assert upb_refuses(data) == (problem is not None)
    if problem is not None:
        assert problem.startswith("branch_install.branch.last_attributed_touch_data.[")
        assert "nests messages more than 100 levels deep" in problem


def test_invalid_utf8_names_the_field_and_the_byte():
    event = Event(event_id="e")
    event.app_crashed.exception_message = "MARK"
    data = event.SerializeToString().replace(b"MARK", b"ok\xe2\x28")
    assert upb_refuses(data)
    problem = describe_problem(data, Event.DESCRIPTOR)
    assert problem is not None and problem.startswith("string field app_crashed.exception_message (byte")
    bad = data.index(b"\xe2")
    assert f"is not valid UTF-8: byte {bad} (0xe2)" in problem


def test_split_field_keeps_everything_but_the_field():
    batch = Batch()
    batch.header.user_id = "u"
    batch.events.add(event_id="a").page_viewed.url = "/a"
    batch.events.add(event_id="b").app_crashed.fatal = True
    data = batch.SerializeToString()
    rest, spans = split_field(data, 2)
    assert Batch.FromString(rest) == Batch(header=batch.header)
    assert [Event.FromString(data[start:end]) for start, end in spans] == list(batch.events)


@pytest.mark.parametrize(("data", "problem"), [
    (b"\x12\x05ab", "truncated: field 2 at byte 0 needs 5 bytes, 2 remain"),
    (b"\x0f", "byte 0: wire type 7 (field 1) does not exist in protobuf"),
    (b"\x00\x01", "byte 0: field number 0 does not exist in protobuf"),
    (b"\x7c", "byte 0: an end-group tag for field 15 that no group opened"),
    (b"\x7b\x08\x01", "truncated: the group of field 15 has no end-group tag"),
    (b"\x08" + b"\xff" * 11, "the varint at byte 1 is longer than 10 bytes"),
])
def test_broken_framing_is_described(data, problem):
    with pytest.raises(WireError, match="^" + problem.replace("(", r"\(").replace(")", r"\)") + "$"):
        split_field(data, 2)
    assert describe_problem(data, Batch.DESCRIPTOR) == problem


@given(st.binary(max_size=300))
def test_any_bytes_upb_refuses_get_a_reason_or_none_and_never_an_exception(data):
    problem = describe_problem(data, Batch.DESCRIPTOR)
    assert problem is None or isinstance(problem, str)
    try:
        rest, spans = split_field(data, 2)
    except WireError:
        return
    assert all(0 <= start <= end <= len(data) for start, end in spans)
    assert len(rest) + sum(end - start for start, end in spans) <= len(data)
