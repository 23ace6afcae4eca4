"""gRPC ingestion on grpclib: EventService.Dispatch, health, reflection, auth and a size limit."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from typing import Any

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
from .pipeline import Backpressure, Pipeline, ShuttingDown

__all__ = ["EventService", "build_grpc_server"]

log = logging.getLogger("eventgen.grpc")


class EventService:
    """Takes batches of events; answers once the broker holds every accepted one."""

    def __init__(self, schema: GeneratedSchema, pipeline: Pipeline, metrics: Metrics, *, auth_token: str,
                 max_message_bytes: int) -> None:
        self._path, self._batch, self._response = schema.dispatch_method()
        self._events_field = schema.envelope.BATCH_EVENTS_FIELD
        self._merge_header = schema.envelope.merge_batch_header
        self._sources = schema.envelope.SOURCES
        self._pipeline = pipeline
        self._metrics = metrics
        self._token = f"Bearer {auth_token}".encode() if auth_token else b""
        self._limit = max_message_bytes
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
        try:
            request = self._batch.FromString(data)
        except DecodeError as exc:
            self._metrics.events_rejected.labels("grpc", "malformed").inc()
            raise GRPCError(Status.INVALID_ARGUMENT, f"the request is not a valid {self._batch.DESCRIPTOR.full_name}: "
                            f"{exc}") from None
        accepted, rejected = [], []
        for index, envelope in enumerate(getattr(request, self._events_field)):
            event_type, rejection = self._pipeline.check(index, envelope)
            if rejection is not None:
                rejected.append(rejection)
                self._metrics.events_rejected.labels("grpc", rejection.code).inc()
                continue
            self._merge_header(request, envelope)
            accepted.append((event_type, envelope))
        self._pipeline.count(self._metrics.events_received, accepted)
        try:
            if accepted:
                await self._pipeline.submit(accepted)
        except Backpressure as exc:
            self._metrics.events_rejected.labels("grpc", "backpressure").inc(len(accepted))
            raise GRPCError(Status.RESOURCE_EXHAUSTED, f"{exc}; nothing of this batch was stored",
                            details=None) from None
        except (BrokerUnavailable, ShuttingDown) as exc:
            self._metrics.events_rejected.labels("grpc", "unavailable").inc(len(accepted))
            raise GRPCError(Status.UNAVAILABLE, f"events not stored: {exc}; retry the batch") from None
        except PublishRejected as exc:
            raise GRPCError(Status.INTERNAL, f"the broker refused the events: {exc}") from None
        response = self._response(accepted=len(accepted))
        for rejection in rejected:
            response.rejected.add(index=rejection.index, code=rejection.code, reason=rejection.reason)
        await stream.send_message(response)
        self._metrics.dispatch_seconds.observe(time.perf_counter() - started)

    def _authenticate(self, stream: Stream[Any, Any]) -> None:
        if not self._token:
            return
        given = (stream.metadata or {}).get("authorization", "")
        given_bytes = given.encode() if isinstance(given, str) else bytes(given)
        if not hmac.compare_digest(given_bytes, self._token):
            self._metrics.events_rejected.labels("grpc", "unauthenticated").inc()
            raise GRPCError(Status.UNAUTHENTICATED, "missing or wrong bearer token in the authorization metadata")

    async def _receive(self, stream: Stream[Any, Any]) -> bytes:
        # grpclib trusts the 4-byte length prefix up to 4 GiB (grpclib #195): read the prefix from the
        # HTTP/2 stream first, refuse an oversize message before any of its body is read.
        raw = stream._stream  # noqa: SLF001
        prefix = await raw.recv_data(5)
        if len(prefix) < 5:
            raise GRPCError(Status.INVALID_ARGUMENT, "the request carries no message")
        if prefix[0]:
            raise GRPCError(Status.UNIMPLEMENTED, "compressed requests are not supported; send them uncompressed")
        length = int.from_bytes(prefix[1:5], "big")
        if length > self._limit:
            self._metrics.events_rejected.labels("grpc", "too_large").inc()
            raise GRPCError(Status.RESOURCE_EXHAUSTED, f"the request is {length} bytes, over the limit of "
                            f"{self._limit}; send smaller batches")
        return await raw.recv_data(length)


def build_grpc_server(service: EventService, status: ServiceStatus) -> Server:
    """The server with the event service, health (driven by `status`) and reflection."""
    health = Health({service: [status]})
    return Server(ServerReflection.extend([service, health]))
