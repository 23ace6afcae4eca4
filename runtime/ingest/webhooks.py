"""Webhook routes for Shopify, Branch and WebEngage: authenticate, bound, type and publish each delivery."""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from aiohttp import web
from google.protobuf import json_format

from ..broker import BrokerUnavailable, PublishRejected
from ..generated import GeneratedSchema
from ..metrics import Metrics
from ..settings import Settings
from ._webhook_auth import (
    branch_token_problem,
    shopify_header_problem,
    shopify_signature_matches,
    webengage_secret_problem,
)
from ._webhook_json import BadJson, locate_parse_error, parse_json
from .pipeline import Backpressure, Pipeline, ShuttingDown

__all__ = ["DeliveryWindow", "add_webhook_routes"]

# How long to ask a provider to wait while the broker is away or this instance drains.
_UNAVAILABLE_RETRY_S = 5
# How long a refused compressed upload's connection stays half-closed so the client reads the answer.
_RST_AVOIDANCE_S = 0.5


class DeliveryWindow:
    """Delivery ids seen in the last `seconds`, at most `entries` of them (the oldest are forgotten first)."""

    def __init__(self, seconds: float, entries: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._seconds, self._entries, self._clock = seconds, entries, clock
        self._expiry: OrderedDict[Hashable, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._expiry)

    def seen(self, key: Hashable) -> bool:
        expiry = self._expiry.get(key)
        if expiry is not None and expiry <= self._clock():
            del self._expiry[key]
            return False
        return expiry is not None

    def add(self, key: Hashable) -> None:
        now = self._clock()
        self._expiry[key] = now + self._seconds
        self._expiry.move_to_end(key)
        # Entries are kept in expiry order, so the expired and the least recent are all at the front.
        while self._expiry and (len(self._expiry) > self._entries or next(iter(self._expiry.values())) <= now):
            self._expiry.popitem(last=False)


class _Refusal(Exception):
    """A delivery this server will not take; becomes a JSON error response and a rejection metric."""

    def __init__(self, status: int, reason: str, error: str, where: str | None = None,
                 headers: dict[str, str] | None = None, event_type: str = "", close: bool = False) -> None:
        super().__init__(error)
        self.status, self.reason, self.error, self.where, self.headers = status, reason, error, where, headers
        # Close the connection instead of reading the rest of a body that was not read to its end.
        self.close = close
        # Known once the delivery's topic or event name was read: the rejection metric carries it.
        self.event_type = event_type

    def response(self) -> web.Response:
        body = {"error": self.error} if self.where is None else {"error": self.error, "where": self.where}
        return web.json_response(body, status=self.status, headers=self.headers)


async def _answer_and_close(request: web.Request, response: web.Response) -> None:
    """Sends a refusal of a body that was not read to its end (compressed, or arriving too slowly), then
    closes the connection.

    aiohttp would read the rest for up to its lingering time, inflating it as it goes: a compressed bomb
    would cost CPU even when refused, and a slow sender would keep the connection. As Go's net/http does,
    stop reading, send the answer and a FIN, give the client a moment to read them, then close (a close
    with unread input sends a TCP RST)."""
    transport = request.transport
    response.force_close()
    await response.prepare(request)
    await response.write_eof()
    if transport is None or transport.is_closing():
        return
    transport.pause_reading()
    if transport.can_write_eof():
        transport.write_eof()
    await asyncio.sleep(_RST_AVOIDANCE_S)
    transport.close()


class _Webhooks:
    """The three routes' shared steps: read, decode, type, publish."""

    def __init__(self, schema: GeneratedSchema, pipeline: Pipeline, metrics: Metrics, settings: Settings) -> None:
        module = schema.envelope
        self._envelope_class, self._arms, self._routes = module.Envelope, module.ARMS, module.WEBHOOKS
        self._payload_fields, self._id_field = module.WEBHOOK_PAYLOAD_FIELDS, module.ID_FIELD
        self._sources = module.SOURCES
        self._pipeline, self._metrics, self._settings = pipeline, metrics, settings
        self.shopify_seen = DeliveryWindow(settings.webhook_dedup_seconds, settings.webhook_dedup_entries)

    def guard(self, provider: str,
              handler: Callable[[web.Request], Awaitable[web.Response]]
              ) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handle(request: web.Request) -> web.Response:
            try:
                return await handler(request)
            except _Refusal as refusal:
                self._metrics.events_rejected.labels(provider, refusal.reason, refusal.event_type).inc()
                response = refusal.response()
                compressed = request.headers.get("Content-Encoding", "identity") != "identity"
                if (compressed or refusal.close) and not request.content.at_eof():
                    await _answer_and_close(request, response)
                return response
        return handle

    async def read_body(self, request: web.Request) -> bytes:
        """The body, checked for type and size; `decode` reads its JSON once the sender is authenticated."""
        if request.content_type != "application/json":
            raise _Refusal(415, "unsupported_media_type",
                           f"Content-Type must be application/json, got {request.content_type!r}")
        limit = self._settings.max_body_bytes
        too_large = _Refusal(413, "too_large", f"the body is over the limit of {limit} bytes (after decompression)")
        if request.content_length is not None and request.content_length > limit and not request.headers.get(
                "Content-Encoding"):
            raise too_large
        timeout = self._settings.body_timeout_s
        try:
            # read() stops at client_max_size (= max_body_bytes) counted after decompression, so a
            # compressed bomb is refused after at most one chunk over the limit. aiohttp has no timeout of
            # its own for a body: a sender trickling one would hold its connection and handler for ever.
            async with asyncio.timeout(timeout):
                body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise too_large from None
        except TimeoutError:
            raise _Refusal(408, "body_timeout", f"the body did not arrive within {timeout:g}s (body_timeout_s); "
                           "send it at once", "body", close=True) from None
        except ConnectionResetError:  # the sender left mid-body: nobody reads the answer, the metric counts it
            raise _Refusal(400, "incomplete_body", "the connection closed before the body was complete",
                           "body") from None
        except web.RequestPayloadError as exc:  # a corrupt compressed stream, or a body cut short
            encoding = request.headers.get("Content-Encoding")
            error = (f"the body is not valid Content-Encoding {encoding!r} data" if encoding
                     else f"the body could not be read: {' '.join(str(exc).split())}")
            raise _Refusal(400, "bad_encoding", error, "body") from None
        if len(body) > limit:
            raise too_large
        return body

    @staticmethod
    def decode(body: bytes) -> dict[str, Any]:
        try:
            data = parse_json(body)
        except BadJson as exc:
            raise _Refusal(400, "malformed_json", exc.error, exc.where) from None
        if not isinstance(data, dict):
            raise _Refusal(400, "not_an_object", f"the body is a JSON {type(data).__name__}, expected an object "
                           "(the provider's event)", "$")
        return data

    def event_type(self, provider: str, name: Any, what: str) -> str:
        event_type = self._routes[provider].get(name) if isinstance(name, str) else None
        if event_type is None:
            raise _Refusal(422, "unknown_event", f"{what} {name!r} is not one this schema takes from {provider}; "
                           f"known: {', '.join(sorted(self._routes[provider]))}")
        return event_type

    def envelope(self, event_type: str, data: dict[str, Any]) -> tuple[Any, Any]:
        """The typed envelope holding `data` as its event's payload model, and that model."""
        envelope = self._envelope_class()
        model = getattr(getattr(envelope, self._arms[event_type]), self._payload_fields[event_type])
        try:
            json_format.ParseDict(data, model, ignore_unknown_fields=True)
        except Exception as exc:  # ParseError mostly, but untrusted JSON also finds ValueError, RecursionError...
            where, reason, wanted = locate_parse_error(exc, data, type(model))
            raise _Refusal(400, "invalid_payload", f"wrong value at {where}{wanted}: {reason}", where,
                           event_type=event_type) from None
        model.SetInParent()  # an empty payload still sets the event's oneof arm
        return envelope, model

    async def publish(self, provider: str, event_type: str, envelope: Any, event_id: str) -> web.Response:
        if not event_id:
            # The pipeline's own derivation (a hash of the content), done here so the answer can name it.
            event_id = hashlib.blake2b(envelope.SerializeToString(deterministic=True), digest_size=16).hexdigest()
        setattr(envelope, self._id_field, event_id)
        self._metrics.events_received.labels(self._sources[event_type], event_type).inc()
        try:
            await self._pipeline.submit([(event_type, envelope)])
        except Backpressure as exc:
            raise _Refusal(429, "backpressure", f"{exc}; nothing was stored",
                           headers={"Retry-After": str(max(1, math.ceil(exc.retry_after)))},
                           event_type=event_type) from None
        except (BrokerUnavailable, ShuttingDown) as exc:
            raise _Refusal(503, "unavailable", f"the event was not stored: {exc}",
                           headers={"Retry-After": str(_UNAVAILABLE_RETRY_S)}, event_type=event_type) from None
        except PublishRejected as exc:
            raise _Refusal(500, "broker_rejected", f"the broker refused the event: {exc}",
                           event_type=event_type) from None
        return web.json_response({"status": "accepted", "event_type": event_type, "event_id": event_id})

    async def shopify(self, request: web.Request) -> web.Response:
        secret, signature = self._settings.shopify_secret, request.headers.get("X-Shopify-Hmac-Sha256")
        if problem := shopify_header_problem(secret, signature):
            raise _Refusal(401, "unauthenticated", problem)
        body = await self.read_body(request)
        if not shopify_signature_matches(secret, body, signature or ""):
            raise _Refusal(401, "unauthenticated", "X-Shopify-Hmac-Sha256 does not match the body: check that "
                           "EVENTGEN_SHOPIFY_SECRET is the app's client secret")
        topic = request.headers.get("X-Shopify-Topic", "")
        event_type = self.event_type("shopify", topic, "X-Shopify-Topic")
        # Shopify: the same X-Shopify-Event-Id on two deliveries marks a duplicate; one event can
        # trigger several topics, so the topic is part of the key.
        delivery = request.headers.get("X-Shopify-Event-Id") or request.headers.get("X-Shopify-Webhook-Id") or ""
        key = (topic, delivery)
        if delivery and self.shopify_seen.seen(key):
            self._metrics.webhooks_duplicate.labels("shopify").inc()
            return web.json_response({"status": "duplicate", "event_type": event_type, "event_id": delivery})
        envelope, _ = self.envelope(event_type, self.decode(body))
        response = await self.publish("shopify", event_type, envelope, delivery)
        # Marked only once published: a delivery that failed here is taken when Shopify retries it.
        if delivery:
            self.shopify_seen.add(key)
        return response

    async def branch(self, request: web.Request) -> web.Response:
        if problem := branch_token_problem(self._settings.branch_token, request.query, request.headers):
            raise _Refusal(401, "unauthenticated", problem)
        body = await self.read_body(request)
        data = self.decode(body)
        event_type = self.event_type("branch", data.get("name"), "event name")
        envelope, model = self.envelope(event_type, data)
        return await self.publish("branch", event_type, envelope, str(model.id) if model.id else "")

    async def webengage(self, request: web.Request) -> web.Response:
        if problem := webengage_secret_problem(self._settings.webengage_key, request.query):
            raise _Refusal(401, "unauthenticated", problem)
        body = await self.read_body(request)
        data = self.decode(body)
        event_type = self.event_type("webengage", data.get("eventName", data.get("event_name")), "event name")
        envelope, _ = self.envelope(event_type, data)
        # WebEngage counts only a 200 as delivered: every failure above answers otherwise, so it retries.
        return await self.publish("webengage", event_type, envelope, "")


def add_webhook_routes(app: web.Application, schema: GeneratedSchema, pipeline: Pipeline, metrics: Metrics,
                       settings: Settings) -> None:
    """Adds POST /webhooks/{shopify,branch,webengage}. The app's client_max_size must be max_body_bytes."""
    webhooks = _Webhooks(schema, pipeline, metrics, settings)
    app.router.add_post("/webhooks/shopify", webhooks.guard("shopify", webhooks.shopify))
    app.router.add_post("/webhooks/branch", webhooks.guard("branch", webhooks.branch))
    app.router.add_post("/webhooks/webengage", webhooks.guard("webengage", webhooks.webengage))
