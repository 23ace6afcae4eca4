"""gRPC ingestion on grpclib: EventService.Dispatch, health, reflection, auth, size and time limits."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from typing import Any, NoReturn

from google.protobuf.message import DecodeError
from grpclib.const import Cardinality, Handler, Status
from grpclib.exceptions import GRPCError
from grpclib.health.check import ServiceStatus
from grpclib.health.service import Health
from grpclib.reflection.service import ServerReflection
from grpclib.server import Server, Stream

from ..broker import BrokerUnavailable, PublishRejected
from ..generated import GeneratedSchema
from ..metrics import Metrics
from ..transport import ATTEMPT_METADATA
from ._wire import WireError, describe_problem, split_field
from .pipeline import Backpressure, Pipeline, Rejection, ShuttingDown

__all__ = ["EventService", "build_grpc_server"]

log = logging.getLogger("eventgen.grpc")


class EventService:
    """Takes batches of events; answers once the broker holds every accepted one."""

    def __init__(self, schema: GeneratedSchema, pipeline: Pipeline, metrics: Metrics, *, auth_token: str,
                 max_message_bytes: int, max_batch_events: int, body_timeout_s: float) -> None:
        self._path, self._batch, self._response = schema.dispatch_method()
        self._events_field = schema.envelope.BATCH_EVENTS_FIELD
        self._events_number = self._batch.DESCRIPTOR.fields_by_name[self._events_field].number
        self._envelope = schema.envelope.Envelope
        self._header_suffix = schema.envelope.batch_header_suffix
        self._sources = schema.envelope.SOURCES
        self._oneof = schema.envelope.ONEOF
        self._event_types = schema.envelope.EVENT_TYPES
        self._pipeline = pipeline
        self._metrics = metrics
        self._token = f"Bearer {auth_token}".encode() if auth_token else b""
        self._limit = max_message_bytes
        self._max_events = max_batch_events
        self._body_timeout = body_timeout_s
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def wait_idle(self, timeout: float) -> bool:
        """Waits until no Dispatch is running; False when `timeout` passed first."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False

    def __mapping__(self) -> dict[str, Handler]:
        return {self._path: Handler(self.dispatch, Cardinality.UNARY_UNARY, self._batch, self._response)}

    async def dispatch(self, stream: Stream[Any, Any]) -> None:
        self._inflight += 1
        self._idle.clear()
        try:
            await self._dispatch(stream)
        finally:
            self._inflight -= 1
            if not self._inflight:
                self._idle.set()

    async def _dispatch(self, stream: Stream[Any, Any]) -> None:
        started = time.perf_counter()
        self._authenticate(stream)
        data = await self._receive(stream)
        request, events, rejected = self._decode(data)
        accepted = []
        per_type: dict[str, int] = {}
        oneof, event_types = self._oneof, self._event_types
        for index, envelope in events:
            event_type = event_types.get(envelope.WhichOneof(oneof))
            if event_type is None:  # no payload, or one this schema does not know: say which
                _, rejection = self._pipeline.check(index, envelope)
                assert rejection is not None
                rejected.append(rejection)
                self._metrics.events_rejected.labels("grpc", rejection.code).inc()
                continue
            accepted.append((event_type, envelope))
            per_type[event_type] = per_type.get(event_type, 0) + 1
        self._pipeline.count(self._metrics.events_received, per_type)
        try:
            if accepted:
                await self._pipeline.submit(accepted, header_suffix=self._header_suffix(request), per_type=per_type,
                                            retried=_is_retry(stream))
        except Backpressure as exc:
            self._rejected_all("backpressure", per_type)
            raise GRPCError(Status.RESOURCE_EXHAUSTED, f"{exc}; nothing of this batch was stored",
                            details=None) from None
        except (BrokerUnavailable, ShuttingDown) as exc:
            self._rejected_all("unavailable", per_type)
            raise GRPCError(Status.UNAVAILABLE, f"events not stored: {exc}; retry the batch") from None
        except PublishRejected as exc:
            self._rejected_all("broker_rejected", per_type)
            raise GRPCError(Status.INTERNAL, f"the broker refused the events: {exc}") from None
        response = self._response(accepted=len(accepted))
        for rejection in sorted(rejected, key=lambda r: r.index):
            response.rejected.add(index=rejection.index, code=rejection.code, reason=rejection.reason)
        await stream.send_message(response)
        self._metrics.dispatch_seconds.observe(time.perf_counter() - started)

    def _decode(self, data: bytes) -> tuple[Any, Any, list[Rejection]]:
        """The batch, its (index, envelope) pairs, and the events refused because upb could not read them."""
        try:
            request = self._batch.FromString(data)
        except DecodeError:
            return self._salvage(data)
        events = getattr(request, self._events_field)
        self._check_count(len(events))
        return request, enumerate(events), []

    def _salvage(self, data: bytes) -> tuple[Any, list[tuple[int, Any]], list[Rejection]]:
        """Reads a batch upb refused one event at a time: a bad event is rejected on its own (index and
        reason) and the others go on; a batch whose own framing or header is broken is refused whole."""
        name = self._batch.DESCRIPTOR.full_name
        try:
            rest, spans = split_field(data, self._events_number)
        except WireError as exc:
            self._malformed(f"the request is not a valid {name}: {exc}; send one serialized {name}, whole and "
                            "uncompressed")
        self._check_count(len(spans))
        try:
            request = self._batch.FromString(rest)
        except DecodeError as exc:  # the header: reported with its bytes counted in the whole request
            problem = describe_problem(data, self._batch.DESCRIPTOR, skip=self._events_number) or _upb_reason(exc)
            self._malformed(f"the request is not a valid {name}: {problem}")
        events, rejected = [], []
        for index, (start, end) in enumerate(spans):
            try:
                events.append((index, self._envelope.FromString(data[start:end])))
            except DecodeError as exc:
                problem = describe_problem(data, self._envelope.DESCRIPTOR, start, end) or _upb_reason(exc)
                rejected.append(Rejection(index, "malformed_event", f"event {index} (bytes {start}-{end}) is not a "
                                          f"valid {self._envelope.DESCRIPTOR.full_name}: {problem}"))
                self._metrics.events_rejected.labels("grpc", "malformed_event").inc()
        return request, events, rejected

    def _malformed(self, message: str) -> NoReturn:
        self._metrics.events_rejected.labels("grpc", "malformed").inc()
        raise GRPCError(Status.INVALID_ARGUMENT, message)

    def _check_count(self, count: int) -> None:
        if count > self._max_events:
            self._metrics.events_rejected.labels("grpc", "too_many_events").inc()
            raise GRPCError(Status.RESOURCE_EXHAUSTED, f"the batch holds {count} events, over the limit of "
                            f"{self._max_events} (max_batch_events); split it into smaller batches")

    def _rejected_all(self, reason: str, per_type: dict[str, int]) -> None:
        for event_type, n in per_type.items():
            self._metrics.events_rejected.labels("grpc", reason, event_type).inc(n)

    def _authenticate(self, stream: Stream[Any, Any]) -> None:
        if not self._token:
            return
        given = (stream.metadata or {}).get("authorization", "")
        given_bytes = given.encode() if isinstance(given, str) else bytes(given)
        if not hmac.compare_digest(given_bytes, self._token):
            self._metrics.events_rejected.labels("grpc", "unauthenticated").inc()
            problem = "wrong bearer token in" if given_bytes else "no bearer token: send"
            raise GRPCError(Status.UNAUTHENTICATED, f"{problem} the authorization metadata (Bearer <the server's "
                            "EVENTGEN_AUTH_TOKEN>)")

    async def _receive(self, stream: Stream[Any, Any]) -> bytes:
        # grpclib trusts the 4-byte length prefix up to 4 GiB (grpclib #195): read the prefix from the
        # HTTP/2 stream first, refuse an oversize message before any of its body is read. grpclib has no
        # read timeout either: a sender that stalls would hold its stream and this task for ever.
        raw = stream._stream  # noqa: SLF001
        announced = "its message"
        try:
            async with asyncio.timeout(self._body_timeout):
                prefix = await _read(raw, 5)
                if prefix is None or not prefix:
                    self._metrics.events_rejected.labels("grpc", "no_message").inc()
                    problem = "it is empty" if prefix is not None else "it ends inside the 5-byte message prefix"
                    raise GRPCError(Status.INVALID_ARGUMENT, f"the request carries no message ({problem}): send "
                                    f"one {self._batch.DESCRIPTOR.full_name}")
                if prefix[0]:
                    self._metrics.events_rejected.labels("grpc", "compressed").inc()
                    raise GRPCError(Status.UNIMPLEMENTED, "compressed requests are not supported; send them "
                                    "uncompressed")
                length = int.from_bytes(prefix[1:5], "big")
                if length > self._limit:
                    self._metrics.events_rejected.labels("grpc", "too_large").inc()
                    raise GRPCError(Status.RESOURCE_EXHAUSTED, f"the request is {length} bytes, over the limit of "
                                    f"{self._limit}; send smaller batches")
                announced = f"the {length} bytes its message prefix announces"
                data = await _read(raw, length)
        except TimeoutError:
            self._metrics.events_rejected.labels("grpc", "body_timeout").inc()
            raise GRPCError(Status.DEADLINE_EXCEEDED, f"the request did not send {announced} within "
                            f"{self._body_timeout:g}s (body_timeout_s); send the whole message at once") from None
        if data is None or len(data) < length:
            self._metrics.events_rejected.labels("grpc", "malformed").inc()
            raise GRPCError(Status.INVALID_ARGUMENT, f"truncated: the request ended before {announced}; send the "
                            "whole message")
        return data


async def _read(raw: Any, size: int) -> bytes | None:
    """`size` bytes of the request stream, b"" when it ended before any, None when it ended part way."""
    try:
        return await raw.recv_data(size)
    except AssertionError:  # grpclib's "Received less data than expected": the sender ended the stream early
        return None


def _upb_reason(exc: Exception) -> str:
    # upb says "Error parsing message with type 'X': <why>"; the type is already in the answer.
    return str(exc).rpartition(": ")[2] or "not protobuf wire format"


def build_grpc_server(service: EventService, status: ServiceStatus) -> Server:
    """The server with the event service, health (driven by `status`) and reflection."""
    health = Health({service: [status]})
    return Server(ServerReflection.extend([service, health]))


def _is_retry(stream: Stream[Any, Any]) -> bool:
    """Whether the client numbers this call as a later attempt (`eventgen-attempt` metadata, 1 for the first):
    a retry of a call whose events the broker may hold already, though the client was not told so."""
    attempt = (stream.metadata or {}).get(ATTEMPT_METADATA)
    if attempt is None:
        return False
    try:
        return int(attempt) > 1
    except ValueError:
        return True  # unreadable: the client meant something; checking costs little
