"""Bad input over the HTTP webhooks (Shopify, Branch, WebEngage): credentials, replays, bodies, headers, timing."""

from __future__ import annotations

import json
import time

import pytest

from tests.unit.test_webhooks import (  # noqa: F401 (gzip_bomb is a fixture)
    BRANCH_TOKEN,
    JSON,
    LIMIT,
    body_of,
    gzip_bomb,
    shopify_headers,
    sign,
    webengage_url,
)

pytestmark = [pytest.mark.clickhouse, pytest.mark.asyncio(loop_scope="package")]

HTTP = "HTTP"
BRANCH_URL = f"/webhooks/branch?token={BRANCH_TOKEN}"
SHOP = body_of("shopify", "app_uninstalled")
# Every Branch case has an event id of its own, as Branch's `id` field (an integer).
_BRANCH_IDS = iter(range(7_000_000_000_000_000_000, 7_000_000_000_000_001_000))


def branch_click(**changes) -> tuple[bytes, str]:
    """Branch's CLICK example with a new id and `changes` applied: the body and the event id it carries."""
    data = json.loads(body_of("branch", "CLICK"))
    data.update(id=next(_BRANCH_IDS), **changes)
    return json.dumps(data).encode(), str(data["id"])


def branch_with(text: str) -> tuple[bytes, str]:
    """A Branch CLICK body with the raw JSON `text` as the value of its last field."""
    body, event_id = branch_click()
    return body[:-1] + b', "last_cta_view_data": ' + text.encode() + b"}", event_id


# Credentials: 401 before the body is parsed.

@pytest.mark.parametrize(("name", "signature", "error"), [
    ("Shopify: bad HMAC", sign(SHOP, "another-secret"), "X-Shopify-Hmac-Sha256 does not match the body"),
    ("Shopify: missing signature", None, "missing X-Shopify-Hmac-Sha256 header"),
])
async def test_shopify_bad_signature(service, name, signature, error):
    event_id = f"case-signature-{signature is None}"
    headers = shopify_headers("app/uninstalled", SHOP, event_id)
    del headers["X-Shopify-Hmac-Sha256"]
    async with service.case(name, HTTP, rejected={("shopify", "unauthenticated"): 1},
                            event_types=["shopify_app_uninstalled"], ids=[event_id]) as case:
        signed = headers if signature is None else headers | {"X-Shopify-Hmac-Sha256": signature}
        answer = case.got(await service.post("/webhooks/shopify", SHOP, signed))
    assert answer.status == "401" and answer.message.startswith(error)


async def test_branch_wrong_token(service):
    body, event_id = branch_click()
    async with service.case("Branch: wrong token", HTTP, rejected={("branch", "unauthenticated"): 1},
                            event_types=["branch_click"], ids=[event_id]) as case:
        answer = case.got(await service.post("/webhooks/branch?token=guess", body, JSON))
    assert (answer.status, answer.message) == ("401", "wrong token for the Branch webhook")


async def test_webengage_wrong_secret(service):
    url = webengage_url(key="not-the-key")
    async with service.case("WebEngage: wrong secret", HTTP, rejected={("webengage", "unauthenticated"): 1},
                            event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(url, body_of("webengage", "email_opened"), JSON))
    assert answer.status == "401" and answer.message.startswith("wrong secret for licenseCode")


# Replays: accepted once, stored once.

async def test_shopify_replayed_delivery(service):
    headers = shopify_headers("app/uninstalled", SHOP, "case-replay")
    async with service.case("Shopify: replayed delivery (same X-Shopify-Event-Id)", HTTP,
                            counted={("eventgen_webhooks_duplicate_total", (("provider", "shopify"),)): 1},
                            event_types=["shopify_app_uninstalled"], stored=["case-replay"]) as case:
        first = await service.post("/webhooks/shopify", SHOP, headers)
        answer = case.got(await service.post("/webhooks/shopify", SHOP, headers))
    assert (first.status, first.body["status"]) == ("200", "accepted")
    assert (answer.status, answer.body) == ("200", {"status": "duplicate", "event_type": "shopify_app_uninstalled",
                                                    "event_id": "case-replay"})
    assert len(await service.rows("events.shopify_app_uninstalled", ["case-replay"])) == 1  # published once


async def test_branch_replayed_delivery(service):
    body, event_id = branch_click()
    async with service.case("Branch: replayed delivery (same event id)", HTTP, event_types=["branch_click"],
                            stored=[event_id]) as case:
        first = await service.post(BRANCH_URL, body, JSON)
        answer = case.got(await service.post(BRANCH_URL, body, JSON))
    assert first.body == answer.body == {"status": "accepted", "event_type": "branch_click", "event_id": event_id}
    assert len(await service.rows("events.branch_click", [event_id], final=True)) == 1


# The body: size, encoding, type, JSON.

async def test_gzip_bomb(service, gzip_bomb):  # noqa: F811 (the fixture)
    body, event_id = branch_click()
    async with service.case("gzip bomb (256 MiB of zeros in 250 KB)", HTTP, rejected={("branch", "too_large"): 1},
                            event_types=["branch_click"]) as case:
        started = time.perf_counter()
        answer = case.got(await service.post(BRANCH_URL, gzip_bomb, JSON | {"Content-Encoding": "gzip"}))
        elapsed = time.perf_counter() - started
    assert (answer.status, answer.message) == ("413", f"the body is over the limit of {LIMIT} bytes (after "
                                                      "decompression)")
    assert elapsed < 2.0, f"refusing the bomb took {elapsed:.2f}s"


async def test_corrupt_gzip(service):
    async with service.case("corrupt gzip body", HTTP, rejected={("branch", "bad_encoding"): 1},
                            event_types=["branch_click"]) as case:
        answer = case.got(await service.post(BRANCH_URL, b"\x1f\x8b\x08\x00" + b"junk" * 50,
                                             JSON | {"Content-Encoding": "gzip"}))
    assert (answer.status, answer.message) == ("400", "the body is not valid Content-Encoding 'gzip' data "
                                                      "(where: body)")


async def test_body_over_the_limit(service):
    body = json.dumps({"event_name": "email_opened", "pad": "x" * LIMIT}).encode()
    async with service.case("body over max_body_bytes (64 KiB here)", HTTP, rejected={("webengage", "too_large"): 1},
                            event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(webengage_url(), body, JSON))
    assert (answer.status, answer.message) == ("413", f"the body is over the limit of {LIMIT} bytes (after "
                                                      "decompression)")


async def test_wrong_content_type(service):
    async with service.case("wrong content type (text/plain)", HTTP,
                            rejected={("webengage", "unsupported_media_type"): 1},
                            event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(webengage_url(), body_of("webengage", "email_opened"),
                                             {"Content-Type": "text/plain"}))
    assert (answer.status, answer.message) == ("415", "Content-Type must be application/json, got 'text/plain'")


async def test_non_json_body(service):
    body = b'{"id": 1, "name": "CLICK",, }'
    async with service.case("non-JSON body (signed)", HTTP, rejected={("shopify", "malformed_json"): 1},
                            event_types=["shopify_app_uninstalled"], ids=["case-non-json"]) as case:
        answer = case.got(await service.post("/webhooks/shopify", body,
                                             shopify_headers("app/uninstalled", body, "case-non-json")))
    assert (answer.status, answer.message) == ("400", "the body is not valid JSON: Expecting property name enclosed "
                                                      "in double quotes (where: line 1 column 27 (char 26))")


async def test_json_that_is_not_an_object(service):
    async with service.case("JSON that is not an object", HTTP, rejected={("branch", "not_an_object"): 1},
                            event_types=["branch_click"]) as case:
        answer = case.got(await service.post(BRANCH_URL, b'[{"name": "CLICK"}]', JSON))
    assert (answer.status, answer.message) == ("400", "the body is a JSON list, expected an object (the provider's "
                                                      "event) (where: $)")


def nested(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = {"a": value}
    return value


@pytest.mark.parametrize(("name", "changes", "error"), [
    ("wrongly typed JSON (a number for a string)", {"user_data": {"os": 5}},
     "wrong value at $.user_data.os (events.v1.BranchUserData.os takes a string)"),
    ("timestamp that is not a number (Branch)", {"timestamp": "yesterday"},
     "wrong value at $.timestamp (events.v1.BranchWebhookEvent.timestamp takes an integer)"),
    ("object nested 200 deep in a JSON-object field", {"last_cta_view_data": nested(200)},
     "wrong value at $.last_cta_view_data (events.v1.BranchWebhookEvent.last_cta_view_data takes a JSON object): "
     "Message too deep"),
])
async def test_wrongly_typed_payload(service, name, changes, error):
    body, event_id = branch_click(**changes)
    async with service.case(name, HTTP, rejected={("branch", "invalid_payload"): 1}, event_types=["branch_click"],
                            ids=[event_id]) as case:
        answer = case.got(await service.post(BRANCH_URL, body, JSON))
    assert answer.status == "400" and answer.message.startswith(error)


async def test_nan_is_not_json(service):
    body, event_id = branch_with("{\"score\": NaN}")
    async with service.case("NaN in a JSON body", HTTP, rejected={("branch", "malformed_json"): 1},
                            event_types=["branch_click"], ids=[event_id]) as case:
        answer = case.got(await service.post(BRANCH_URL, body, JSON))
    assert answer.status == "400"
    assert answer.message == ("the body is not valid JSON: NaN is not a JSON value (a float field takes the string "
                              f"\"NaN\") (where: line 1 column {body.index(b'NaN') + 1} (char {body.index(b'NaN')}))")


async def test_invalid_utf8_in_a_json_body(service):
    body = body_of("webengage", "email_opened").replace(b"usr_8f2k1", b"usr_\xff\xfe")
    where = body.index(b"\xff")
    async with service.case("invalid UTF-8 in a JSON body", HTTP, rejected={("webengage", "malformed_json"): 1},
                            event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(webengage_url(), body, JSON))
    assert (answer.status, answer.message) == ("400", f"the body is not UTF-8 JSON: invalid start byte (where: byte "
                                                      f"{where})")


async def test_deeply_nested_json(service):
    body = b"[" * 30_000 + b"]" * 30_000
    async with service.case("JSON nested 30,000 deep", HTTP, rejected={("webengage", "malformed_json"): 1},
                            event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(webengage_url(), body, JSON))
    assert (answer.status, answer.message) == ("400", "the body nests JSON too deeply (where: $)")


async def test_unknown_shopify_topic(service):
    headers = shopify_headers("orders/exploded", SHOP, "case-topic")
    async with service.case("Shopify: unknown topic", HTTP, rejected={("shopify", "unknown_event"): 1},
                            event_types=["shopify_app_uninstalled"], ids=["case-topic"]) as case:
        answer = case.got(await service.post("/webhooks/shopify", SHOP, headers))
    assert answer.status == "422"
    assert answer.message.startswith("X-Shopify-Topic 'orders/exploded' is not one this schema takes from shopify")


async def test_unknown_json_fields_are_ignored(service):
    data = json.loads(body_of("webengage", "email_opened")) | {"brand_new_field": {"x": [1, 2]}}
    async with service.case("unknown JSON fields (ignored)", HTTP, event_types=["webengage_email_opened"]) as case:
        answer = case.got(await service.post(webengage_url(), json.dumps(data).encode(), JSON))
        case.stored.add(answer.body["event_id"])  # WebEngage sends no id: the content names the event
    assert (answer.status, answer.body["status"]) == ("200", "accepted")


# HTTP itself: headers, methods, paths, timing.

async def test_oversize_header(service):
    head = (f"POST {BRANCH_URL} HTTP/1.1\r\nHost: eventgen\r\nContent-Type: application/json\r\n"
            f"X-Padding: {'a' * 9000}\r\nContent-Length: 2\r\n\r\n{{}}").encode()
    async with service.case("oversize header (9000-byte value)", HTTP, rejected={("http", "bad_request"): 1},
                            event_types=["branch_click"]) as case:
        answer = case.got(await service.http_raw(head))
    assert answer.status == "400"
    assert answer.message.startswith("Got more than 8190 bytes when reading: b'aaaa")


async def test_body_that_arrives_too_slowly(service):
    body, event_id = branch_click()
    head = (f"POST {BRANCH_URL} HTTP/1.1\r\nHost: eventgen\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    async with service.case("body that arrives too slowly", HTTP, rejected={("branch", "body_timeout"): 1},
                            event_types=["branch_click"], ids=[event_id]) as case:
        answer = case.got(await service.http_raw(head, [body[:20], body[20:]], pause=2.0))
    assert (answer.status, answer.message) == ("408", "the body did not arrive within 1s (body_timeout_s); send it at "
                                                      "once (where: body)")


async def test_wrong_http_method(service):
    async with service.case("wrong HTTP method (GET)", HTTP, rejected={("http", "method_not_allowed"): 1},
                            event_types=["branch_click"]) as case:
        answer = case.got(await service.post(BRANCH_URL, b"", {}, method="GET"))
    assert (answer.status, answer.message) == ("405", "405: Method Not Allowed")


async def test_unknown_webhook_provider(service):
    async with service.case("unknown webhook path", HTTP, rejected={("http", "not_found"): 1},
                            event_types=["branch_click"]) as case:
        answer = case.got(await service.post("/webhooks/stripe", b"{}", JSON))
    assert (answer.status, answer.message) == ("404", "404: Not Found")
