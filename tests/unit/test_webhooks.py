"""The webhook routes over HTTP: auth, limits, decoding, typing and publish outcomes, with a fake pipeline."""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import hmac
import json
import time
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from google.protobuf import json_format
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from runtime.broker import BrokerUnavailable, PublishRejected
from runtime.generated import load_generated
from runtime.http import build_http_app
from runtime.ingest.pipeline import Backpressure, ShuttingDown
from runtime.ingest.webhooks import DeliveryWindow, _Refusal, _Webhooks, add_webhook_routes
from runtime.metrics import Metrics
from runtime.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks"
SHOPIFY_SECRET, BRANCH_TOKEN, WEBENGAGE_KEY, LICENSE = "shpss_test", "branch-token", "we-key", "~2024b5d8"
LIMIT = 64 * 1024
JSON = {"Content-Type": "application/json"}


class FakePipeline:
    """Records what would be published; raises the queued failures first."""

    def __init__(self) -> None:
        self.submitted: list[tuple[str, Any]] = []
        self.failures: list[Exception] = []

    async def submit(self, events, received_at_us=None) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.submitted.extend(events)


@pytest.fixture(scope="module")
def schema():
    return load_generated()


def make_settings(**overrides: Any) -> Settings:
    values = dict(shopify_secret=SHOPIFY_SECRET, branch_token=BRANCH_TOKEN, webengage_key=WEBENGAGE_KEY,
                  max_body_bytes=LIMIT, webhook_dedup_seconds=3600, webhook_dedup_entries=1000)
    return Settings(**(values | overrides))


async def start(schema, settings: Settings) -> tuple[TestClient, FakePipeline, Metrics]:
    metrics, pipeline = Metrics(), FakePipeline()
    app = build_http_app(metrics, lambda: (True, ""), settings.max_body_bytes)
    add_webhook_routes(app, schema, pipeline, metrics, settings)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client, pipeline, metrics


@pytest.fixture
async def service(schema):
    client, pipeline, metrics = await start(schema, make_settings())
    yield client, pipeline, metrics
    await client.close()


def fixtures(provider: str) -> list[str]:
    return sorted(p.stem for p in (FIXTURES / provider).glob("*.json"))


def body_of(provider: str, name: str) -> bytes:
    return (FIXTURES / provider / f"{name}.json").read_bytes()


def sign(body: bytes, secret: str = SHOPIFY_SECRET) -> str:
    return base64.b64encode(hmac.digest(secret.encode(), body, hashlib.sha256)).decode()


def shopify_headers(topic: str, body: bytes, event_id: str | None = "evt-1", **extra: str) -> dict[str, str]:
    headers = {**JSON, "X-Shopify-Topic": topic, "X-Shopify-Hmac-Sha256": sign(body)}
    if event_id is not None:
        headers["X-Shopify-Event-Id"] = event_id
    return headers | extra


def webengage_url(license_code: str = LICENSE, key: str = WEBENGAGE_KEY) -> str:
    secret = hashlib.md5(f"{license_code}:{key}".encode()).hexdigest()
    return f"/webhooks/webengage?licenseCode={license_code}&secret={secret}"


def rejected(metrics: Metrics, source: str, reason: str, event_type: str | None = None) -> float:
    """Rejections of `source` for `reason`, of one event type or (None) of all of them."""
    return sum(sample.value for family in metrics.registry.collect() if family.name == "eventgen_events_rejected"
               for sample in family.samples if sample.name == "eventgen_events_rejected_total"
               and sample.labels["source"] == source and sample.labels["reason"] == reason
               and event_type in (None, sample.labels["event_type"]))


def payload_of(schema, event_type: str, envelope: Any) -> Any:
    module = schema.envelope
    assert envelope.WhichOneof(module.ONEOF) == module.ARMS[event_type]
    return getattr(getattr(envelope, module.ARMS[event_type]), module.WEBHOOK_PAYLOAD_FIELDS[event_type])


def expected_model(schema, event_type: str, body: bytes) -> Any:
    """The provider's body parsed, as the test of the webhook models does, into the event's model."""
    module = schema.envelope
    holder = getattr(module.Envelope(), module.ARMS[event_type])
    model_class = type(getattr(holder, module.WEBHOOK_PAYLOAD_FIELDS[event_type]))
    return json_format.Parse(body, model_class(), ignore_unknown_fields=True)


def _webhooks(schema) -> _Webhooks:
    return _Webhooks(schema, FakePipeline(), Metrics(), make_settings())


# Good deliveries.

@pytest.mark.parametrize("name", fixtures("shopify"))
async def test_shopify_delivery_is_typed_and_published(service, schema, name):
    client, pipeline, _ = service
    topic = name.replace("_", "/", 1)
    body = body_of("shopify", name)
    response = await client.post("/webhooks/shopify", data=body, headers=shopify_headers(topic, body, f"evt-{name}"))
    event_type = schema.envelope.WEBHOOKS["shopify"][topic]
    assert response.status == 200
    assert await response.json() == {"status": "accepted", "event_type": event_type, "event_id": f"evt-{name}"}
    [(submitted_type, envelope)] = pipeline.submitted
    assert submitted_type == event_type
    assert getattr(envelope, schema.envelope.ID_FIELD) == f"evt-{name}"
    assert payload_of(schema, event_type, envelope) == expected_model(schema, event_type, body)


async def test_shopify_order_values_survive(service, schema):
    client, pipeline, metrics = service
    body = body_of("shopify", "orders_create")
    headers = shopify_headers("orders/create", body, None, **{"X-Shopify-Webhook-Id": "wh-7",
                                                               "Content-Type": "application/json; charset=utf-8"})
    response = await client.post("/webhooks/shopify", data=body, headers=headers)
    assert response.status == 200, await response.text()
    [(event_type, envelope)] = pipeline.submitted
    order = envelope.shopify_order_created.order
    assert (event_type, envelope.event_id) == ("shopify_order_created", "wh-7")  # Webhook-Id without Event-Id
    assert (order.id, order.name, order.total_price) == (820982911946154508, "#9999", "404.95")
    assert order.line_items[0].title == "Aviator sunglasses"
    assert order.line_items[0].price_set.shop_money.amount == "89.99"
    assert metrics.registry.get_sample_value("eventgen_events_received_total",
                                             {"source": "shopify", "event_type": "shopify_order_created"}) == 1


@pytest.mark.parametrize("name", fixtures("branch"))
async def test_branch_delivery_is_typed_and_published(service, schema, name):
    client, pipeline, _ = service
    body = body_of("branch", name)
    data = json.loads(body)
    response = await client.post(f"/webhooks/branch?token={BRANCH_TOKEN}", data=body, headers=JSON)
    assert response.status == 200, await response.text()
    event_type = schema.envelope.WEBHOOKS["branch"][data["name"]]
    answer = await response.json()
    assert answer["status"] == "accepted" and answer["event_type"] == event_type
    [(submitted_type, envelope)] = pipeline.submitted
    assert submitted_type == event_type
    # Branch's own id when it sent one; otherwise the content hash the pipeline would derive.
    assert envelope.event_id == answer["event_id"] == (str(data["id"]) if "id" in data else answer["event_id"])
    assert payload_of(schema, event_type, envelope) == expected_model(schema, event_type, body)


async def test_branch_install_values_and_bearer_token(service):
    client, pipeline, _ = service
    headers = JSON | {"Authorization": f"Bearer {BRANCH_TOKEN}"}
    response = await client.post("/webhooks/branch", data=body_of("branch", "INSTALL"), headers=headers)
    assert response.status == 200
    [(event_type, envelope)] = pipeline.submitted
    event = envelope.branch_install.branch
    assert (event_type, envelope.event_id) == ("branch_install", "1295640032157318840")
    assert event.id == 1295640032157318840 and event.timestamp == 1714640312551
    assert event.last_attributed_touch_data["~channel"] == "instagram"


async def test_branch_legacy_lowercase_open(service):
    client, pipeline, _ = service
    body = body_of("branch", "OPEN")
    assert json.loads(body)["name"] == "open"
    response = await client.post(f"/webhooks/branch?token={BRANCH_TOKEN}", data=body, headers=JSON)
    assert response.status == 200
    assert pipeline.submitted[0][0] == "branch_open"


@pytest.mark.parametrize("name", fixtures("webengage"))
async def test_webengage_delivery_is_typed_and_published(service, schema, name):
    client, pipeline, _ = service
    body = body_of("webengage", name)
    response = await client.post(webengage_url(), data=body, headers=JSON)
    assert response.status == 200, await response.text()
    event_type = schema.envelope.WEBHOOKS["webengage"][name]
    assert (await response.json())["event_type"] == event_type
    [(submitted_type, envelope)] = pipeline.submitted
    assert submitted_type == event_type
    assert payload_of(schema, event_type, envelope) == expected_model(schema, event_type, body)


async def test_webengage_camel_case_and_stable_id(service):
    client, pipeline, _ = service
    body = json.dumps({"eventName": "user_logged_in", "userId": "usr_8f2k1", "licenseCode": LICENSE,
                       "systemData": {"sdk": "IOS"}}).encode()
    first = await (await client.post(webengage_url(), data=body, headers=JSON)).json()
    second = await (await client.post(webengage_url(), data=body, headers=JSON)).json()
    assert first["event_type"] == "webengage_user_logged_in"
    assert first["event_id"] == second["event_id"]  # a retried delivery keeps its id, so it is stored once
    event = pipeline.submitted[0][1].webengage_user_logged_in.webengage
    assert (event.user_id, event.system_data.sdk) == ("usr_8f2k1", "IOS")


async def test_gzip_body_within_the_limit_is_accepted(service):
    client, pipeline, _ = service
    headers = JSON | {"Content-Encoding": "gzip"}
    body = gzip.compress(body_of("branch", "PURCHASE"))
    response = await client.post(f"/webhooks/branch?token={BRANCH_TOKEN}", data=body, headers=headers)
    assert response.status == 200
    assert pipeline.submitted[0][0] == "branch_purchase"


# Authentication: 401 before the body is parsed, nothing submitted.

SHOPIFY_ORDER = body_of("shopify", "orders_create")


@pytest.mark.parametrize(("headers", "message"), [
    ({"X-Shopify-Hmac-Sha256": sign(SHOPIFY_ORDER, "another-secret")}, "does not match the body"),
    ({"X-Shopify-Hmac-Sha256": sign(SHOPIFY_ORDER + b" ")}, "does not match the body"),
    ({"X-Shopify-Hmac-Sha256": "é-not-base64"}, "does not match the body"),
    ({"X-Shopify-Hmac-Sha256": ""}, "missing X-Shopify-Hmac-Sha256"),
])
async def test_shopify_bad_signature(service, headers, message):
    client, pipeline, metrics = service
    all_headers = shopify_headers("orders/create", SHOPIFY_ORDER) | headers
    response = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=all_headers)
    assert response.status == 401
    assert message in (await response.json())["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, "shopify", "unauthenticated", event_type="") == 1


async def test_shopify_signature_is_checked_before_the_body_is_parsed(service):
    client, pipeline, _ = service
    body = b"{not json"
    headers = shopify_headers("orders/create", body) | {"X-Shopify-Hmac-Sha256": sign(b"{}")}
    response = await client.post("/webhooks/shopify", data=body, headers=headers)
    assert response.status == 401  # not 400: an unauthenticated sender learns nothing about parsing


async def test_shopify_without_a_secret_configured(schema):
    client, pipeline, _ = await start(schema, make_settings(shopify_secret=""))
    try:
        body = SHOPIFY_ORDER
        response = await client.post("/webhooks/shopify", data=body, headers=shopify_headers("orders/create", body))
        assert response.status == 401
        assert "EVENTGEN_SHOPIFY_SECRET is not set" in (await response.json())["error"]
        assert pipeline.submitted == []
    finally:
        await client.close()


@pytest.mark.parametrize(("url", "headers", "message"), [
    ("/webhooks/branch", {}, "missing token"),
    ("/webhooks/branch?token=wrong", {}, "wrong token"),
    ("/webhooks/branch", {"Authorization": "Bearer wrong"}, "wrong token"),
    ("/webhooks/branch", {"Authorization": f"Basic {BRANCH_TOKEN}"}, "missing token"),
    ("/webhooks/branch?token=%C3%A9", {}, "wrong token"),
    ("/webhooks/webengage", {}, "missing licenseCode or secret"),
    (f"/webhooks/webengage?licenseCode={LICENSE}&secret=00112233", {}, "wrong secret"),
    (webengage_url(key="another-key"), {}, "wrong secret"),
    (webengage_url().replace(LICENSE, "~other"), {}, "wrong secret"),
])
async def test_branch_and_webengage_bad_credentials(service, url, headers, message):
    client, pipeline, metrics = service
    body = body_of("branch", "INSTALL") if "branch" in url else body_of("webengage", "email_opened")
    response = await client.post(url, data=body, headers=JSON | headers)
    assert response.status == 401
    assert message in (await response.json())["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, "branch" if "branch" in url else "webengage", "unauthenticated") == 1


@pytest.mark.parametrize(("setting", "url", "variable"), [
    ({"branch_token": ""}, f"/webhooks/branch?token={BRANCH_TOKEN}", "EVENTGEN_BRANCH_TOKEN"),
    ({"webengage_key": ""}, webengage_url(), "EVENTGEN_WEBENGAGE_KEY"),
])
async def test_branch_and_webengage_without_a_credential_configured(schema, setting, url, variable):
    client, pipeline, _ = await start(schema, make_settings(**setting))
    try:
        response = await client.post(url, data=b"{}", headers=JSON)
        assert response.status == 401
        assert f"{variable} is not set" in (await response.json())["error"]
    finally:
        await client.close()


# Unknown events: 422.

@pytest.mark.parametrize(("url", "body", "headers"), [
    ("/webhooks/shopify", SHOPIFY_ORDER, shopify_headers("orders/exploded", SHOPIFY_ORDER)),
    ("/webhooks/shopify", SHOPIFY_ORDER, {k: v for k, v in shopify_headers("x", SHOPIFY_ORDER).items()
                                          if k != "X-Shopify-Topic"}),
    (f"/webhooks/branch?token={BRANCH_TOKEN}", b'{"name": "LEVEL_UP", "id": 1}', JSON),
    (f"/webhooks/branch?token={BRANCH_TOKEN}", b'{"id": 1}', JSON),
    (f"/webhooks/branch?token={BRANCH_TOKEN}", b'{"name": ["INSTALL"]}', JSON),
    (webengage_url(), b'{"eventName": "user_teleported"}', JSON),
    (webengage_url(), b'{"category": "system"}', JSON),
])
async def test_unknown_event_is_422(service, url, body, headers):
    client, pipeline, _ = service
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 422
    assert "is not one this schema takes" in (await response.json())["error"]
    assert pipeline.submitted == []


# Content type, JSON and typing: 415 and 400.

PROVIDER_REQUESTS = {
    "shopify": lambda body: ("/webhooks/shopify", shopify_headers("orders/create", body)),
    "branch": lambda body: (f"/webhooks/branch?token={BRANCH_TOKEN}", dict(JSON)),
    "webengage": lambda body: (webengage_url(), dict(JSON)),
}


@pytest.mark.parametrize("provider", PROVIDER_REQUESTS)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
async def test_wrong_content_type_is_415(service, provider, content_type):
    client, pipeline, metrics = service
    body = b'{"name": "INSTALL", "eventName": "email_sent"}'
    url, headers = PROVIDER_REQUESTS[provider](body)
    headers.pop("Content-Type")
    if content_type:
        headers["Content-Type"] = content_type
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 415
    assert "Content-Type must be application/json" in (await response.json())["error"]
    assert rejected(metrics, provider, "unsupported_media_type") == 1


@pytest.mark.parametrize("provider", PROVIDER_REQUESTS)
@pytest.mark.parametrize(("body", "where"), [
    (b'{"name": "INSTALL",\n "id": }', "line 2 column 8 (char 27)"),
    (b"", "line 1 column 1 (char 0)"),
    (b'{"name": "\xff"}', "byte 10"),
])
async def test_malformed_json_is_400_with_where(service, provider, body, where):
    client, pipeline, metrics = service
    url, headers = PROVIDER_REQUESTS[provider](body)
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 400
    answer = await response.json()
    assert answer["where"] == where and "JSON" in answer["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, provider, "malformed_json") == 1


@pytest.mark.parametrize("provider", PROVIDER_REQUESTS)
@pytest.mark.parametrize("body", [b"[]", b'"INSTALL"', b"42", b"null"])
async def test_json_that_is_not_an_object_is_400(service, provider, body):
    client, pipeline, _ = service
    url, headers = PROVIDER_REQUESTS[provider](body)
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 400
    answer = await response.json()
    assert answer["where"] == "$" and "expected an object" in answer["error"]


def mutated(provider: str, name: str, change) -> bytes:
    data = json.loads(body_of(provider, name))
    change(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize(("provider", "body", "where", "field"), [
    ("shopify", mutated("shopify", "orders_create", lambda d: d.update(line_items="x")), "$.line_items",
     "events.v1.ShopifyOrder.line_items"),
    ("shopify", mutated("shopify", "orders_create", lambda d: d["line_items"][1].update(price={"amount": 1})),
     "$.line_items[1].price", "events.v1.ShopifyLineItem.price"),
    ("shopify", mutated("shopify", "orders_create", lambda d: d["customer"].update(id="abc")), "$.customer.id",
     "events.v1.ShopifyCustomer.id"),
    ("shopify", mutated("shopify", "orders_create", lambda d: d.update(payment_gateway_names=["a", 3])),
     "$.payment_gateway_names[1]", "events.v1.ShopifyOrder.payment_gateway_names"),
    ("branch", mutated("branch", "INSTALL", lambda d: d["user_data"].update(os=5)), "$.user_data.os",
     "events.v1.BranchUserData.os"),
    ("branch", mutated("branch", "PURCHASE", lambda d: d.update(content_items=[{}, 7])), "$.content_items[1]",
     "events.v1.BranchWebhookEvent.content_items"),
    ("webengage", mutated("webengage", "email_opened", lambda d: d.update(event_data=[1])), "$.event_data",
     "events.v1.WebengageWebhookEvent.event_data"),
])
async def test_wrongly_typed_json_is_400_naming_the_field(service, provider, body, where, field):
    client, pipeline, metrics = service
    url, headers = PROVIDER_REQUESTS[provider](body)
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 400
    answer = await response.json()
    assert answer["where"] == where
    assert f"wrong value at {where} ({field} takes" in answer["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, provider, "invalid_payload") == 1
    assert rejected(metrics, provider, "invalid_payload", event_type="") == 0  # the event type is known by then


# Size: 413, and a compressed bomb is refused without being inflated.

@pytest.mark.parametrize("provider", PROVIDER_REQUESTS)
async def test_oversize_body_is_413(service, provider):
    client, pipeline, metrics = service
    body = json.dumps({"name": "INSTALL", "eventName": "email_sent", "pad": "x" * LIMIT}).encode()
    url, headers = PROVIDER_REQUESTS[provider](body)
    response = await client.post(url, data=body, headers=headers)
    assert response.status == 413
    assert f"over the limit of {LIMIT} bytes" in (await response.json())["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, provider, "too_large") == 1


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """256 MiB of zeros in about 250 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: the gzip container
    block = b"\0" * (1 << 20)
    return b"".join([*(compressor.compress(block) for _ in range(256)), compressor.flush()])


@pytest.mark.parametrize("provider", PROVIDER_REQUESTS)
async def test_gzip_bomb_is_413_quickly_and_in_bounded_memory(service, gzip_bomb, provider):
    client, pipeline, metrics = service
    assert len(gzip_bomb) < 300_000
    url, headers = PROVIDER_REQUESTS[provider](gzip_bomb)
    headers["Content-Encoding"] = "gzip"
    tracemalloc.start()
    try:
        started = time.perf_counter()
        response = await client.post(url, data=gzip_bomb, headers=headers)
        answer = await response.json()
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status == 413, answer
    assert "after decompression" in answer["error"]
    assert elapsed < 2.0, f"the bomb took {elapsed:.2f}s"
    assert peak < 32 << 20, f"peak traced memory {peak >> 20} MiB while refusing a 256 MiB bomb"
    assert pipeline.submitted == []
    assert rejected(metrics, provider, "too_large") == 1
    ok = await client.post(f"/webhooks/branch?token={BRANCH_TOKEN}", data=body_of("branch", "CLICK"), headers=JSON)
    assert ok.status == 200  # the server goes on serving


@pytest.mark.parametrize("token", [BRANCH_TOKEN, "wrong"])
async def test_refused_compressed_body_closes_the_connection(service, gzip_bomb, token):
    """aiohttp would otherwise go on inflating the refused bomb (its lingering read) for up to 10 s."""
    client, _, _ = service
    reader, writer = await asyncio.open_connection(client.server.host, client.server.port)
    writer.write(f"POST /webhooks/branch?token={token} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                 f"Content-Encoding: gzip\r\nContent-Length: {len(gzip_bomb)}\r\n\r\n".encode() + gzip_bomb)
    try:
        answer = await asyncio.wait_for(reader.read(), timeout=2.0)  # read() returns at the server's close
    finally:
        writer.close()
    assert answer.startswith(b"HTTP/1.1 413" if token == BRANCH_TOKEN else b"HTTP/1.1 401")


async def test_corrupt_gzip_is_400(service):
    client, pipeline, metrics = service
    headers = JSON | {"Content-Encoding": "gzip"}
    response = await client.post(f"/webhooks/branch?token={BRANCH_TOKEN}", data=b"\x1f\x8b\x08\x00" + b"junk" * 50,
                                 headers=headers)
    assert response.status == 400
    assert await response.json() == {"error": "the body is not valid Content-Encoding 'gzip' data", "where": "body"}
    assert rejected(metrics, "branch", "bad_encoding") == 1


# Shopify duplicates, and publish outcomes.

async def test_shopify_duplicate_is_200_and_submitted_once(service):
    client, pipeline, metrics = service
    headers = shopify_headers("orders/create", SHOPIFY_ORDER, "evt-dup")
    first = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    second = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert (first.status, (await first.json())["status"]) == (200, "accepted")
    assert second.status == 200
    assert await second.json() == {"status": "duplicate", "event_type": "shopify_order_created", "event_id": "evt-dup"}
    assert len(pipeline.submitted) == 1
    assert metrics.registry.get_sample_value("eventgen_webhooks_duplicate_total", {"provider": "shopify"}) == 1
    # One Shopify event can trigger several topics with the same event id: those are not duplicates.
    paid = shopify_headers("orders/paid", SHOPIFY_ORDER, "evt-dup")
    third = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=paid)
    assert (await third.json())["status"] == "accepted"
    assert len(pipeline.submitted) == 2


async def test_failed_publish_is_503_and_the_retry_is_accepted(service):
    client, pipeline, metrics = service
    headers = shopify_headers("orders/create", SHOPIFY_ORDER, "evt-retry")
    pipeline.failures.append(BrokerUnavailable("not connected"))
    failed = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert failed.status == 503
    assert failed.headers["Retry-After"] == "5"
    assert "not stored" in (await failed.json())["error"]
    assert pipeline.submitted == []
    assert rejected(metrics, "shopify", "unavailable") == 1
    retried = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert (retried.status, (await retried.json())["status"]) == (200, "accepted")
    again = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert (await again.json())["status"] == "duplicate"
    assert len(pipeline.submitted) == 1


@pytest.mark.parametrize(("failure", "status", "retry_after", "reason"), [
    (Backpressure("shopify", retry_after=1.0), 429, "1", "backpressure"),
    (Backpressure("shopify", retry_after=2.5), 429, "3", "backpressure"),
    (ShuttingDown("draining"), 503, "5", "unavailable"),
    (PublishRejected("unroutable"), 500, None, "broker_rejected"),
])
async def test_publish_outcomes(service, failure, status, retry_after, reason):
    client, pipeline, metrics = service
    headers = shopify_headers("orders/create", SHOPIFY_ORDER, "evt-outcome")
    pipeline.failures.append(failure)
    response = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert response.status == status
    assert response.headers.get("Retry-After") == retry_after
    assert "error" in await response.json()
    assert rejected(metrics, "shopify", reason, event_type="shopify_order_created") == 1
    retried = await client.post("/webhooks/shopify", data=SHOPIFY_ORDER, headers=headers)
    assert (await retried.json())["status"] == "accepted"  # the failed attempt did not mark the id seen


async def test_webengage_gets_200_only_once_published(service):
    client, pipeline, _ = service
    pipeline.failures.append(BrokerUnavailable("no confirm"))
    response = await client.post(webengage_url(), data=body_of("webengage", "email_sent"), headers=JSON)
    assert response.status == 503
    assert pipeline.submitted == []


# The dedup window.

def test_delivery_window_expires_and_is_bounded():
    now = [0.0]
    window = DeliveryWindow(seconds=10, entries=3, clock=lambda: now[0])
    window.add("a")
    assert window.seen("a") and not window.seen("b")
    now[0] = 10.0
    assert not window.seen("a")  # expired
    for key in "bcde":
        window.add(key)
    assert len(window) == 3 and not window.seen("b") and window.seen("e")  # the oldest was forgotten
    now[0] = 25.0
    window.add("f")
    assert len(window) == 1  # expired entries leave as new ones come


# No input makes a handler fail: any JSON either fits the model or is refused with a location.

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12,
)
ORDER = json.loads(SHOPIFY_ORDER)
ORDER_KEYS = sorted(ORDER)
WEBHOOKS: dict[str, _Webhooks] = {}


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(ORDER_KEYS), value=json_values, index=st.integers(0, 5))
def test_any_value_anywhere_is_typed_or_refused_with_where(schema, key, value, index):
    data = json.loads(SHOPIFY_ORDER)
    target = data[key]
    if isinstance(target, list) and target and isinstance(target[index % len(target)], dict):
        item = target[index % len(target)]
        item[sorted(item)[index % len(item)]] = value
    else:
        data[key] = value
    try:
        WEBHOOKS.setdefault("w", _webhooks(schema)).envelope("shopify_order_created", data)
    except _Refusal as refusal:
        assert refusal.status == 400 and refusal.where.startswith("$"), refusal.error
