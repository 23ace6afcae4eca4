"""Bad input over gRPC (EventService.Dispatch): malformed protobuf, limits, odd values, credentials, timing."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime

import grpc
import pytest
from google.protobuf import struct_pb2

from tests.badinput.clients import AUTH, Answer, add_event, frame, now_us
from tests.integration.ingest_harness import Batch
from tests.integration.test_ingest_grpc import envelope_pb2_grpc

pytestmark = [pytest.mark.clickhouse, pytest.mark.asyncio(loop_scope="package")]

GRPC = "gRPC"
ADJUSTED = "eventgen_event_time_adjusted_total"


def varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    return bytes([*out, value])


def crashes(prefix: str, n: int) -> tuple[Batch, list[str]]:
    """A batch of n app_crashed events (a directly sunk table: stored as soon as published)."""
    batch, ids = Batch(), [f"case-{prefix}-{i}" for i in range(n)]
    for event_id in ids:
        add_event(batch, event_id).app_crashed.exception_type = "IllegalStateException"
    return batch, ids


# Malformed protobuf: the whole batch is refused when its framing is broken.

async def test_truncated_protobuf(service):
    batch, ids = crashes("truncated", 3)
    async with service.case("truncated protobuf", GRPC, rejected={("grpc", "malformed"): 1}, ids=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(batch.SerializeToString()[:-4])]))
    assert answer.status == "INVALID_ARGUMENT"
    assert answer.message.startswith("the request is not a valid events.v1.EventBatch: truncated: field 2 at byte")


async def test_stream_ends_before_the_announced_length(service):
    batch, ids = crashes("cut", 3)
    data = batch.SerializeToString()
    async with service.case("stream ends before the length its prefix announces", GRPC,
                            rejected={("grpc", "malformed"): 1}, ids=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(data)[:-10]]))
    assert answer.status == "INVALID_ARGUMENT"
    assert answer.message == (f"truncated: the request ended before the {len(data)} bytes its message prefix "
                              "announces; send the whole message")


async def test_random_bytes(service):
    noise = random.Random(6).randbytes(4096)
    async with service.case("random bytes", GRPC, rejected={("grpc", "malformed"): 1}) as case:
        answer = case.got(await service.dispatch_raw([frame(noise)]))
    assert answer.status == "INVALID_ARGUMENT"
    assert answer.message.startswith("the request is not a valid events.v1.EventBatch: byte ")
    assert "does not exist in protobuf" in answer.message


async def test_deeply_nested_unknown_groups(service):
    batch, ids = crashes("groups", 2)
    groups = b"\x7b" * 150 + b"\x7c" * 150  # field 15, start group / end group, 150 deep
    async with service.case("unknown groups nested 150 deep", GRPC, rejected={("grpc", "malformed"): 1},
                            ids=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(batch.SerializeToString() + groups)]))
    assert answer.status == "INVALID_ARGUMENT"
    assert "groups nested more than 100 levels deep" in answer.message


# Limits.

async def test_message_over_the_size_limit(service):
    limit = service.app.settings.max_message_bytes
    batch, ids = crashes("oversize", 50)
    for envelope in batch.events:
        envelope.app_crashed.exception_message = "x" * (limit // 40)
    async with service.case("message over the size limit (4 MiB)", GRPC, rejected={("grpc", "too_large"): 1},
                            ids=ids) as case:
        answer = case.got(await service.dispatch(batch))
    assert answer.status == "RESOURCE_EXHAUSTED"
    assert answer.message == f"the request is {batch.ByteSize()} bytes, over the limit of {limit}; send smaller batches"


async def test_length_prefix_announcing_2_gib(service):
    async with service.case("length prefix announcing 2 GiB", GRPC, rejected={("grpc", "too_large"): 1}) as case:
        answer = case.got(await service.dispatch_raw([frame(b"\x0a\x00", length=2**31)]))
    assert answer.status == "RESOURCE_EXHAUSTED"
    assert answer.message.startswith("the request is 2147483648 bytes, over the limit of")


async def test_100k_events_in_one_batch(service):
    batch, ids = Batch(), [f"case-100k-{i}" for i in range(100_000)]
    for event_id in ids:
        batch.events.add(event_id=event_id).app_crashed.SetInParent()  # small events: the batch is 2.3 MB
    async with service.case("100k events in one batch", GRPC, rejected={("grpc", "too_many_events"): 1},
                            ids=ids[::1000]) as case:  # a sample by id; the table is checked whole as well
        answer = case.got(await service.dispatch(batch))
    assert answer.status == "RESOURCE_EXHAUSTED"
    assert answer.message == ("the batch holds 100000 events, over the limit of 10000 (max_batch_events); split it "
                              "into smaller batches")


async def test_10k_events_at_the_limit_are_stored(service):
    batch, ids = Batch(), [f"case-10k-{i}" for i in range(10_000)]
    for event_id in ids:
        add_event(batch, event_id, "page_viewed").page_viewed.url = "/limit"
    async with service.case("10k events in one batch (the limit)", GRPC, event_types=["page_viewed"],
                            stored=ids) as case:
        answer = case.got(await service.dispatch(batch))
    assert (answer.status, answer.body.accepted, len(answer.body.rejected)) == ("OK", 10_000, 0)


async def test_empty_batch(service):
    async with service.case("empty batch", GRPC) as case:
        answer = case.got(await service.dispatch(Batch()))
    assert (answer.status, answer.message) == ("OK", "accepted 0")


async def test_request_without_a_message(service):
    async with service.case("request with no message", GRPC, rejected={("grpc", "no_message"): 1}) as case:
        answer = case.got(await service.dispatch_raw([]))
    assert answer.status == "INVALID_ARGUMENT"
    assert answer.message == "the request carries no message (it is empty): send one events.v1.EventBatch"


# One bad event of a batch is rejected on its own; the others are stored.

def with_bytes(batch: Batch, marker: str, replacement: bytes) -> bytes:
    """The batch serialized with a string `marker` swapped for raw bytes of the same length."""
    data = batch.SerializeToString()
    assert data.count(marker.encode()) == 1 and len(replacement) == len(marker)
    return data.replace(marker.encode(), replacement)


async def test_invalid_utf8_in_a_string_field(service):
    batch, ids = crashes("utf8", 3)
    batch.events[1].app_crashed.exception_message = "MARK"
    data = with_bytes(batch, "MARK", b"ab\xff\xfe")
    async with service.case("invalid UTF-8 in a string field", GRPC, rejected={("grpc", "malformed_event"): 1},
                            ids=ids, stored=[ids[0], ids[2]]) as case:
        answer = case.got(await service.dispatch_raw([frame(data)]))
    assert (answer.status, answer.body.accepted) == ("OK", 2)
    (rejection,) = answer.body.rejected
    assert (rejection.index, rejection.code) == (1, "malformed_event")
    assert "string field app_crashed.exception_message" in rejection.reason and "is not valid UTF-8" in rejection.reason


async def test_invalid_utf8_in_the_batch_header(service):
    batch, ids = crashes("utf8-header", 2)
    batch.header.user_id = "MARK"
    async with service.case("invalid UTF-8 in the batch header", GRPC, rejected={("grpc", "malformed"): 1},
                            ids=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(with_bytes(batch, "MARK", b"\xc3\x28\xa0\xa1"))]))
    assert answer.status == "INVALID_ARGUMENT"
    assert "string field header.user_id" in answer.message and "is not valid UTF-8" in answer.message


def nested_struct(levels: int) -> struct_pb2.Value:
    value = struct_pb2.Value()
    inner = value
    for _ in range(levels):
        inner = inner.list_value.values.add()
    inner.string_value = "bottom"
    return value


async def test_deeply_nested_message(service):
    batch, ids = crashes("nested", 3)
    deep = batch.events[1]
    deep.ClearField("app_crashed")
    deep.branch_install.branch.last_attributed_touch_data.fields["chain"].CopyFrom(nested_struct(60))
    async with service.case("message nested 125 levels deep", GRPC, rejected={("grpc", "malformed_event"): 1},
                            event_types=["app_crashed", "branch_install"], ids=ids, stored=[ids[0], ids[2]]) as case:
        answer = case.got(await service.dispatch_raw([frame(batch.SerializeToString())]))
    assert (answer.status, answer.body.accepted) == ("OK", 2)
    (rejection,) = answer.body.rejected
    assert rejection.index == 1 and "nests messages more than 100 levels deep" in rejection.reason


async def test_unknown_field_numbers_are_ignored(service):
    batch, ids = crashes("unknown-fields", 2)
    batch.events[0].app_crashed.MergeFromString(varint(9999 << 3) + b"\x01")  # field 9999 = 1 in the payload
    batch.events[1].MergeFromString(varint(50 << 3 | 2) + b"\x03new")  # field 50 = "new" on the envelope
    data = batch.SerializeToString() + varint(15 << 3) + b"\x2a"  # field 15 = 42 on the batch
    async with service.case("unknown field numbers", GRPC, ids=ids, stored=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(data)]))
    assert (answer.status, answer.message) == ("OK", "accepted 2")


async def test_unknown_oneof_arm(service):
    batch, ids = crashes("unknown-arm", 2)
    batch.events[1].ClearField("app_crashed")
    batch.events[1].MergeFromString(varint(999 << 3 | 2) + b"\x02\x08\x01")  # an event type of a newer schema
    async with service.case("unknown oneof arm (event type)", GRPC, rejected={("grpc", "unknown_event"): 1},
                            ids=ids, stored=ids[:1]) as case:
        answer = case.got(await service.dispatch(batch))
    assert (answer.status, answer.body.accepted) == ("OK", 1)
    assert [(r.index, r.code) for r in answer.body.rejected] == [(1, "unknown_event")]
    assert "[999]" in answer.body.rejected[0].reason


async def test_event_with_no_payload(service):
    batch, ids = crashes("no-payload", 2)
    batch.events[0].ClearField("app_crashed")
    async with service.case("event with no payload", GRPC, rejected={("grpc", "missing_payload"): 1},
                            ids=ids, stored=ids[1:]) as case:
        answer = case.got(await service.dispatch(batch))
    assert [(r.index, r.code) for r in answer.body.rejected] == [(0, "missing_payload")]
    assert "set one member of oneof payload" in answer.body.rejected[0].reason


# Odd values that are valid: stored as sent (floats) or with the event time corrected (timestamps).

async def test_nan_and_infinite_floats_are_stored(service):
    batch, ids = Batch(), ["case-nan-0"]
    vitals = add_event(batch, ids[0], "web_vitals_reported").web_vitals_reported
    vitals.cls, vitals.lcp_ms, vitals.inp_ms = math.nan, math.inf, -math.inf
    async with service.case("NaN and infinite floats", GRPC, event_types=["web_vitals_reported"], stored=ids) as case:
        answer = case.got(await service.dispatch(batch))
    assert (answer.status, answer.message) == ("OK", "accepted 1")
    ((cls, lcp, inp),) = await service.rows("events.web_vitals_reported", ids, "cls, lcp_ms, inp_ms")
    assert math.isnan(cls) and (lcp, inp) == (math.inf, -math.inf)


@pytest.mark.parametrize(("name", "seconds", "nanos", "adjustment"), [
    ("timestamp far in the future (9999-12-31)", 253_402_300_799, 0, "clamped"),
    ("timestamp far in the past (0001-01-01)", -62_135_596_800, 0, "impossible"),
    ("negative timestamp (1969-12-31)", -1, 0, "impossible"),
])
async def test_impossible_timestamps_fall_back_to_the_receive_time(service, name, seconds, nanos, adjustment):
    batch, ids = crashes(f"time-{adjustment}-{seconds}", 1)
    batch.events[0].client_time.seconds, batch.events[0].client_time.nanos = seconds, nanos
    async with service.case(name, GRPC, counted={(ADJUSTED, (("adjustment", adjustment),)): 1}, ids=ids,
                            stored=ids) as case:
        answer = case.got(await service.dispatch(batch))
    assert (answer.status, answer.message) == ("OK", "accepted 1")
    await assert_event_time_is_receive_time(service, ids[0], datetime.fromtimestamp(seconds, UTC))


async def test_timestamp_that_is_not_a_number(service):
    batch, ids = crashes("time-text", 1)
    batch.events[0].ClearField("client_time")
    # client_time (field 2) carrying the text "yesterday": read as a Timestamp, it is 1970 plus an unknown field.
    event = batch.events[0].SerializeToString() + varint(2 << 3 | 2) + b"\x09yesterday"
    data = varint(2 << 3 | 2) + varint(len(event)) + event
    async with service.case("timestamp that is not a number (text)", GRPC,
                            counted={(ADJUSTED, (("adjustment", "impossible"),)): 1}, ids=ids, stored=ids) as case:
        answer = case.got(await service.dispatch_raw([frame(data)]))
    assert (answer.status, answer.message) == ("OK", "accepted 1")
    await assert_event_time_is_receive_time(service, ids[0], datetime.fromtimestamp(0, UTC))


async def assert_event_time_is_receive_time(service, event_id: str, client_time: datetime) -> None:
    ((event_time, received_at, stored_client_time),) = await service.rows(
        "events.app_crashed", [event_id], "event_time, received_at, client_time")
    assert event_time == received_at
    assert abs(received_at.replace(tzinfo=UTC).timestamp() - now_us() / 1e6) < 120
    assert stored_client_time.replace(tzinfo=UTC) == client_time  # client_time keeps what the client sent


# Credentials, encodings and timing.

@pytest.mark.parametrize(("name", "metadata", "problem"), [
    ("missing bearer token", {}, "no bearer token: send"),
    ("wrong bearer token", {"authorization": "Bearer not-the-token"}, "wrong bearer token in"),
])
async def test_bad_bearer_token(service, name, metadata, problem):
    batch, ids = crashes(f"auth-{len(metadata)}", 1)
    async with service.case(name, GRPC, rejected={("grpc", "unauthenticated"): 1}, ids=ids) as case:
        answer = case.got(await service.dispatch(batch, metadata=metadata))
    assert (answer.status, answer.message) == (
        "UNAUTHENTICATED", f"{problem} the authorization metadata (Bearer <the server's EVENTGEN_AUTH_TOKEN>)")


async def test_compressed_request_from_grpcio(service):
    batch, ids = crashes("gzip", 2)
    async with service.case("gzip-compressed request (official grpcio client)", GRPC,
                            rejected={("grpc", "compressed"): 1}, ids=ids) as case:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{service.app.grpc_port}") as channel:
            stub = envelope_pb2_grpc.EventServiceStub(channel)
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stub.Dispatch(batch, metadata=tuple(AUTH.items()), compression=grpc.Compression.Gzip)
        answer = case.got(Answer(caught.value.code().name, caught.value.details() or ""))
    assert (answer.status, answer.message) == ("UNIMPLEMENTED",
                                               "compressed requests are not supported; send them uncompressed")


async def test_body_that_arrives_too_slowly(service):
    batch, ids = crashes("slow", 2)
    message = frame(batch.SerializeToString())
    async with service.case("message that arrives too slowly", GRPC, rejected={("grpc", "body_timeout"): 1},
                            ids=ids) as case:
        answer = case.got(await service.dispatch_raw([message[:8], message[8:]], pause=2.0))
    assert answer.status == "DEADLINE_EXCEEDED"
    assert answer.message == (f"the request did not send the {len(message) - 5} bytes its message prefix announces "
                              "within 1s (body_timeout_s); send the whole message at once")
