"""Sample traffic for a running service: events of every type over gRPC and webhook deliveries over HTTP,
and a tally of what the service accepted and rejected."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from grpclib.client import Channel
from grpclib.const import Cardinality, Status
from grpclib.exceptions import GRPCError

from .generated import GeneratedSchema
from .samples import SampleFactory
from .transport import attempt_metadata
from .webhook_samples import WebhookSamples, WebhookSecrets

__all__ = ["SendPlan", "Tally", "send_traffic"]

# Sample envelopes made per event type; calls cycle through them (each event gets an id of its own).
_SAMPLES_PER_TYPE = 4
_RETRYABLE_GRPC = (Status.RESOURCE_EXHAUSTED, Status.UNAVAILABLE)
_RETRYABLE_HTTP = (429, 503)
_CALL_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class SendPlan:
    """What to send where. Either `events` (a total) or `seconds` (a duration) bounds the run; a share
    `webhook_share` of the events goes out as webhook deliveries (one event each), the rest over gRPC in
    calls of `batch` events."""

    grpc_host: str = "127.0.0.1"
    grpc_port: int = 50051
    http_url: str = "http://127.0.0.1:8080"
    events: int | None = 1000
    seconds: float | None = None
    batch: int = 100
    webhook_share: float = 0.1
    clients: int = 4
    auth_token: str = ""
    secrets: WebhookSecrets = field(default_factory=WebhookSecrets)
    seed: int = 0
    # Calls answered RESOURCE_EXHAUSTED / UNAVAILABLE (HTTP 429 / 503) are tried again this many times.
    retries: int = 5


@dataclass
class Tally:
    """What the service answered, per channel ("grpc" or a webhook provider) and event type."""

    sent: Counter[tuple[str, str]] = field(default_factory=Counter)
    accepted: Counter[tuple[str, str]] = field(default_factory=Counter)
    rejected: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (channel, event type, reason)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)  # (channel, reason) -> first error
    retries: int = 0
    seconds: float = 0.0
    skipped: dict[str, str] = field(default_factory=dict)  # provider -> why none of its deliveries were sent

    @property
    def done(self) -> int:
        return sum(self.accepted.values()) + sum(self.rejected.values())

    def reject(self, channel: str, event_types: list[str], reason: str, example: str) -> None:
        for event_type in event_types:
            self.rejected[channel, event_type, reason] += 1
        self.examples.setdefault((channel, reason), example)

    def summary(self) -> dict[str, Any]:
        channels = sorted({c for c, _ in self.sent})
        accepted_by_type: Counter[str] = Counter()
        for (_, event_type), n in self.accepted.items():
            accepted_by_type[event_type] += n
        rejections: Counter[tuple[str, str]] = Counter()
        for (channel, _, reason), n in self.rejected.items():
            rejections[channel, reason] += n
        accepted, rejected = sum(self.accepted.values()), sum(self.rejected.values())
        return {
            "seconds": round(self.seconds, 2),
            "sent": sum(self.sent.values()), "accepted": accepted, "rejected": rejected,
            "events_per_s": round(accepted / self.seconds) if self.seconds else 0,
            "retries": self.retries,
            "channels": {c: {"sent": sum(n for (k, _), n in self.sent.items() if k == c),
                             "accepted": sum(n for (k, _), n in self.accepted.items() if k == c),
                             "rejected": sum(n for (k, _, _), n in self.rejected.items() if k == c)}
                         for c in channels},
            "accepted_by_event_type": dict(sorted(accepted_by_type.items())),
            "rejections": [{"channel": c, "reason": r, "events": n, "event_types": sorted(
                {t for (k, t, q) in self.rejected if (k, q) == (c, r)}), "example": self.examples.get((c, r), "")}
                for (c, r), n in sorted(rejections.items())],
            "skipped": dict(self.skipped),
        }


class _Samples:
    """Sample gRPC events of every type, by type in turn, each with an id unique to this run."""

    def __init__(self, schema: GeneratedSchema, seed: int) -> None:
        module = schema.envelope
        self._batch_class, self._events_field = module.Batch, module.BATCH_EVENTS_FIELD
        self._header_field, self._id_field = module.BATCH_HEADER_FIELD, module.ID_FIELD
        factory = SampleFactory(seed, max_repeated=2)
        self._envelopes: list[tuple[str, bytes]] = []
        for _ in range(_SAMPLES_PER_TYPE):
            for event_type in schema.event_types:
                envelope = module.Envelope()
                factory.fill(getattr(envelope, module.ARMS[event_type]))
                self._envelopes.append((event_type, envelope.SerializeToString()))
        self._headers = []
        if self._header_field:
            for _ in range(8):
                header = self._batch_class()
                factory.fill(getattr(header, self._header_field))
                self._headers.append(header)
        self._run = uuid.uuid4().hex[:12]
        self._next = 0
        self._calls = 0

    def batch(self, events: int) -> tuple[Any, list[str]]:
        """A batch of `events` events and their event types, in order."""
        batch = self._batch_class()
        if self._headers:
            batch.MergeFrom(self._headers[self._calls % len(self._headers)])
        self._calls += 1
        types = []
        items = getattr(batch, self._events_field)
        for _ in range(events):
            event_type, data = self._envelopes[self._next % len(self._envelopes)]
            envelope = items.add()
            envelope.MergeFromString(data)
            if self._id_field:
                setattr(envelope, self._id_field, f"send-{self._run}-{self._next}")
            types.append(event_type)
            self._next += 1
        return batch, types


class _Schedule:
    """Hands out the next call to make, keeping the webhook share, until the count or the time is up."""

    def __init__(self, plan: SendPlan, webhooks: bool) -> None:
        self._plan = plan
        self._share = plan.webhook_share if webhooks else 0.0
        self._deadline = time.monotonic() + plan.seconds if plan.seconds is not None else None
        total = plan.events if plan.events is not None else 0
        self._webhooks_left = round(total * self._share)
        self._grpc_left = total - self._webhooks_left
        self._started = 0
        self._webhooks_started = 0

    def next(self) -> tuple[str, int] | None:
        """("webhook", 1), ("grpc", events) or None when done."""
        if self._deadline is not None:
            if time.monotonic() >= self._deadline:
                return None
            webhook = self._share > 0 and self._webhooks_started < self._share * (self._started + 1)
            events = 1 if webhook else self._plan.batch
        else:
            if not self._webhooks_left and not self._grpc_left:
                return None
            webhook = bool(self._webhooks_left) and (
                not self._grpc_left or self._webhooks_started < self._share * (self._started + 1))
            events = 1 if webhook else min(self._plan.batch, self._grpc_left)
            if webhook:
                self._webhooks_left -= 1
            else:
                self._grpc_left -= events
        self._started += events
        self._webhooks_started += 1 if webhook else 0
        return ("webhook" if webhook else "grpc"), events


async def send_traffic(schema: GeneratedSchema, plan: SendPlan,
                       on_progress: Callable[[Tally], None] | None = None) -> Tally:
    """Sends the plan's traffic with `plan.clients` concurrent callers; returns the tally."""
    tally = Tally()
    samples = _Samples(schema, plan.seed)
    webhooks = WebhookSamples(schema, plan.secrets, plan.seed)
    tally.skipped = dict(webhooks.skipped)
    schedule = _Schedule(plan, bool(webhooks.topics))
    path, request_class, response_class = schema.dispatch_method()
    metadata = {"authorization": f"Bearer {plan.auth_token}"} if plan.auth_token else None
    topic_turn = 0

    async def grpc_call(channel: Channel, events: int) -> None:
        batch, types = samples.batch(events)
        for event_type in types:
            tally.sent["grpc", event_type] += 1
        for attempt in range(plan.retries + 1):
            try:
                async with channel.request(path, Cardinality.UNARY_UNARY, request_class, response_class,
                                           metadata=attempt_metadata(metadata, attempt + 1),
                                           timeout=_CALL_TIMEOUT_S) as stream:
                    await stream.send_message(batch, end=True)
                    response = await stream.recv_message()
            except GRPCError as exc:
                if exc.status in _RETRYABLE_GRPC and attempt < plan.retries:
                    tally.retries += 1
                    await asyncio.sleep(min(2.0, 0.1 * 2**attempt))
                    continue
                tally.reject("grpc", types, exc.status.name.lower(), exc.message or exc.status.name)
                return
            except (OSError, TimeoutError) as exc:
                tally.reject("grpc", types, "unreachable", f"gRPC {plan.grpc_host}:{plan.grpc_port}: "
                             f"{type(exc).__name__}: {exc}; is `eventgen run` listening there?")
                return
            refused = {r.index: r for r in response.rejected}
            for index, event_type in enumerate(types):
                if index in refused:
                    tally.reject("grpc", [event_type], refused[index].code, refused[index].reason)
                else:
                    tally.accepted["grpc", event_type] += 1
            return

    async def webhook_call(session: aiohttp.ClientSession) -> None:
        nonlocal topic_turn
        provider, topic, event_type = webhooks.topics[topic_turn % len(webhooks.topics)]
        topic_turn += 1
        delivery = webhooks.delivery(provider, topic, event_type)
        tally.sent[provider, event_type] += 1
        for attempt in range(plan.retries + 1):
            try:
                async with session.post(plan.http_url.rstrip("/") + delivery.path, data=delivery.body,
                                        headers=delivery.headers) as answer:
                    status, text = answer.status, await answer.text()
                    retry_after = answer.headers.get("Retry-After", "")
            except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                tally.reject(provider, [event_type], "unreachable", f"HTTP {plan.http_url}: {type(exc).__name__}: "
                             f"{exc}; is `eventgen run` listening there?")
                return
            if status in _RETRYABLE_HTTP and attempt < plan.retries:
                tally.retries += 1
                await asyncio.sleep(min(5.0, float(retry_after) if retry_after.isdigit() else 0.2 * 2**attempt))
                continue
            if status == 200 and '"accepted"' in text:
                tally.accepted[provider, event_type] += 1
            else:
                tally.reject(provider, [event_type], "duplicate" if status == 200 else f"http_{status}",
                             f"{topic}: {text[:300]}")
            return

    async def caller(session: aiohttp.ClientSession) -> None:
        channel = Channel(plan.grpc_host, plan.grpc_port)
        try:
            while (job := schedule.next()) is not None:
                kind, events = job
                if kind == "grpc":
                    await grpc_call(channel, events)
                else:
                    await webhook_call(session)
                if on_progress is not None:
                    on_progress(tally)
        finally:
            channel.close()

    started = time.monotonic()
    timeout = aiohttp.ClientTimeout(total=_CALL_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=plan.clients)) as session:
        await asyncio.gather(*(caller(session) for _ in range(max(1, plan.clients))))
    tally.seconds = time.monotonic() - started
    return tally
