"""The client side of the bad-input suite: requests to the running service as a client sends them, well
formed or written byte by byte, and what the service answers and says about itself."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from grpclib.client import Channel
from grpclib.const import Cardinality
from grpclib.exceptions import GRPCError, StreamTerminatedError
from h2.exceptions import StreamClosedError
from prometheus_client.parser import text_string_to_metric_families

from runtime.app import App
from tests.integration.ingest_harness import SCHEMA, Batch
from tests.integration.test_ingest_grpc import envelope_grpc

TOKEN = "badinput-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
PATH, _, RESPONSE = SCHEMA.dispatch_method()


def now_us() -> int:
    return time.time_ns() // 1000


def table_of(event_type: str) -> str:
    return SCHEMA.transformers.TABLES[event_type]


def add_event(batch: Any, event_id: str, event_type: str = "app_crashed") -> Any:
    """An event of `event_type` (its payload empty but set) with a recent client time, added to `batch`."""
    envelope = batch.events.add(event_id=event_id)
    getattr(envelope, SCHEMA.envelope.ARMS[event_type]).SetInParent()
    envelope.client_time.FromMicroseconds(now_us() - 1_000_000)
    return envelope


def frame(message: bytes, *, length: int | None = None) -> bytes:
    """A gRPC length-prefixed message: a 0 byte (not compressed), 4 bytes of length, the message."""
    return b"\x00" + (len(message) if length is None else length).to_bytes(4, "big") + message


@dataclass
class Answer:
    """What one request got: a gRPC status name or an HTTP status, and the message that came with it."""

    status: str
    message: str
    body: Any = None


class ServiceClient:
    """Requests to one running App: over its gRPC port (a shared channel, or a fresh one written by hand)
    and its HTTP port (a shared session, or a socket written by hand)."""

    def __init__(self, app: App, session: aiohttp.ClientSession) -> None:
        self.app = app
        self.session = session
        self.base = f"http://127.0.0.1:{app.http_port}"
        self._channel = Channel("127.0.0.1", app.grpc_port)
        self.stub = envelope_grpc.EventServiceStub(self._channel)

    def close(self) -> None:
        self._channel.close()

    async def dispatch(self, batch: Any, metadata: dict[str, str] | None = None) -> Answer:
        """Dispatch over the generated grpclib stub (with the bearer token unless `metadata` is given)."""
        try:
            response = await self.stub.Dispatch(batch, metadata=AUTH if metadata is None else metadata, timeout=30)
        except GRPCError as exc:
            return Answer(exc.status.name, exc.message or "")
        return _dispatch_answer(response)

    async def dispatch_raw(self, chunks: Sequence[bytes], *, metadata: dict[str, str] | None = None,
                           pause: float = 0.0) -> Answer:
        """Dispatch with the request's DATA frames written by hand (`pause` seconds between them)."""
        channel = Channel("127.0.0.1", self.app.grpc_port)
        try:
            async with channel.request(PATH, Cardinality.STREAM_UNARY, Batch, RESPONSE, timeout=30,
                                       metadata=AUTH if metadata is None else metadata) as stream:
                await stream.send_request(end=not chunks)
                try:
                    for i, chunk in enumerate(chunks):
                        await asyncio.sleep(pause if i else 0)
                        await stream._stream.send_data(chunk, end_stream=i == len(chunks) - 1)  # noqa: SLF001
                except (StreamClosedError, StreamTerminatedError):
                    pass  # the server answered before the last frame: its answer is read below
                # The frames above are the message (STREAM_UNARY lets grpclib send none): tell grpclib it was
                # sent, so it reads the answer.
                stream._send_message_done = stream._end_done = True  # noqa: SLF001
                return _dispatch_answer(await stream.recv_message())
        except GRPCError as exc:
            return Answer(exc.status.name, exc.message or "")
        finally:
            channel.close()

    async def post(self, path: str, body: bytes, headers: dict[str, str], method: str = "POST") -> Answer:
        async with self.session.request(method, self.base + path, data=body, headers=headers) as response:
            text = await response.text()
        try:
            answer = json.loads(text)
        except ValueError:
            return Answer(str(response.status), text.strip(), {})
        return Answer(str(response.status), _error_text(answer), answer)

    async def http_raw(self, head: bytes, chunks: Sequence[bytes] = (), pause: float = 0.0) -> Answer:
        """An HTTP/1.1 request written to the socket by hand; the status line and body of the answer."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.app.http_port)
        try:
            writer.write(head)
            reading = asyncio.ensure_future(reader.read())  # to the end: the server closes the connection
            for chunk in chunks:
                done, _ = await asyncio.wait({reading}, timeout=pause)
                if done:  # answered before the whole body was sent
                    break
                writer.write(chunk)
            answer = await asyncio.wait_for(reading, 30)
        finally:
            writer.close()
        status_line, _, rest = answer.partition(b"\r\n")
        body = rest.partition(b"\r\n\r\n")[2].decode(errors="replace")
        try:
            message = _error_text(json.loads(body))
        except ValueError:
            message = body.strip()
        return Answer(status_line.split()[1].decode() if status_line else "closed", message)

    # What the service says about itself.

    async def samples(self) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
        async with self.session.get(self.base + "/metrics") as response:
            text = await response.text()
        return {(s.name, frozenset(s.labels.items())): s.value
                for family in text_string_to_metric_families(text) for s in family.samples}

    async def assert_alive(self) -> None:
        for path in ("/healthz", "/readyz"):
            async with self.session.get(self.base + path) as response:
                assert response.status == 200, f"{path} answered {response.status}: {await response.text()}"


def _error_text(answer: dict[str, str]) -> str:
    """A webhook answer's error (or status) and, unless the error names it already, where it is."""
    message, where = answer.get("error", answer.get("status", "")), answer.get("where")
    return f"{message} (where: {where})" if where and f"at {where} " not in message else message


def _dispatch_answer(response: Any) -> Answer:
    if not response.rejected:
        return Answer("OK", f"accepted {response.accepted}", response)
    rejected = "; ".join(f"event {r.index} {r.code}: {r.reason}" for r in response.rejected)
    return Answer("OK", f"accepted {response.accepted}, rejected {rejected}", response)
