"""The sample webhook deliveries of `eventgen send`: shaped like the providers' documented bodies (the
fixtures), signed so that the real routes take them, and never duplicates of one another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor

from runtime.generated import load_generated
from runtime.http import build_http_app
from runtime.ingest.webhooks import add_webhook_routes
from runtime.metrics import Metrics
from runtime.settings import Settings
from runtime.webhook_samples import WebhookSamples, WebhookSecrets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks"
SECRETS = WebhookSecrets(shopify_secret="shpss_send", branch_token="branch-send", webengage_key="we-send",
                         webengage_license="~2024b5d8")
SCHEMA = load_generated()
SAMPLES = WebhookSamples(SCHEMA, SECRETS, seed=7)


class RecordingPipeline:
    def __init__(self) -> None:
        self.submitted: list[tuple[str, Any]] = []

    async def submit(self, events, received_at_us=None) -> None:
        self.submitted.extend(events)


def model_class(event_type: str) -> Any:
    holder = getattr(SCHEMA.envelope.Envelope(), SCHEMA.envelope.ARMS[event_type])
    return type(getattr(holder, SCHEMA.envelope.WEBHOOK_PAYLOAD_FIELDS[event_type]))


def kind(value: Any) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "list", dict: "object"}[type(value)]


def differences(documented: dict[str, Any], sample: dict[str, Any], descriptor: Descriptor,
                path: str = "$") -> list[str]:
    """Where the sample lacks a key the documented body has (and the model knows) or holds another kind of value.
    Lists are compared by their first elements; Struct, map and other well-known values by kind only."""
    found = []
    for key, value in documented.items():
        field = descriptor.fields_by_name.get(key)
        if value is None or field is None:
            continue  # null in the example, or a key the model does not keep
        where = f"{path}.{key}"
        if key not in sample:
            found.append(f"{where} is missing")
            continue
        if kind(value) != kind(sample[key]):
            found.append(f"{where} is a {kind(sample[key])}, documented as a {kind(value)}")
            continue
        nested = field.message_type
        if nested is None or nested.full_name.startswith("google.protobuf.") or nested.GetOptions().map_entry:
            continue
        if isinstance(value, list):
            if value and sample[key] and isinstance(value[0], dict):
                found += differences(value[0], sample[key][0], nested, f"{where}[0]")
        else:
            found += differences(value, sample[key], nested, where)
    return found


def test_every_topic_of_every_provider_is_sampled():
    routed = {(p, t) for p, topics in SCHEMA.envelope.WEBHOOKS.items() for t in topics}
    assert {(p, t) for p, t, _ in SAMPLES.topics} == routed
    assert SAMPLES.skipped == {}


@pytest.mark.parametrize(("provider", "topic", "event_type"), SAMPLES.topics)
def test_a_body_has_the_keys_and_kinds_of_the_documented_example(provider, topic, event_type):
    body = SAMPLES.payload(provider, topic, event_type)
    # Every key is one of the model's: the body parses without ignoring anything.
    json_format.ParseDict(body, model_class(event_type)(), ignore_unknown_fields=False)
    example = FIXTURES / provider / f"{topic.replace('/', '_', 1)}.json"
    if not example.exists():  # Branch's older lower-case "open": the same body as "OPEN"
        example = FIXTURES / provider / f"{topic.upper()}.json"
    assert differences(json.loads(example.read_text()), body, model_class(event_type).DESCRIPTOR) == []


def test_the_fields_that_name_a_delivery_are_set_as_the_provider_sets_them():
    branch = SAMPLES.payload("branch", "INSTALL", "branch_install")
    assert branch["name"] == "INSTALL" and isinstance(branch["id"], int) and branch["id"] > 2**32
    webengage = SAMPLES.payload("webengage", "email_opened", "webengage_email_opened")
    assert (webengage["event_name"], webengage["license_code"]) == ("email_opened", "~2024b5d8")
    assert webengage["event_time"].endswith("+0000")
    order = SAMPLES.payload("shopify", "orders/create", "shopify_order_created")
    assert isinstance(order["id"], int) and order["id"] >= 10**12  # a JSON number, as large as Shopify's


def test_no_two_deliveries_share_an_id():
    shopify = [SAMPLES.delivery("shopify", "orders/paid", "shopify_order_paid") for _ in range(50)]
    assert len({d.headers["X-Shopify-Event-Id"] for d in shopify}) == 50
    branch = [json.loads(SAMPLES.delivery("branch", "OPEN", "branch_open").body)["id"] for _ in range(50)]
    assert len(set(branch)) == 50


def test_a_provider_without_its_secret_is_skipped_saying_which_setting_is_missing():
    samples = WebhookSamples(SCHEMA, WebhookSecrets(branch_token="only-branch"))
    assert {p for p, _, _ in samples.topics} == {"branch"}
    assert "EVENTGEN_SHOPIFY_SECRET" in samples.skipped["shopify"]
    assert "--webengage-key" in samples.skipped["webengage"]


async def serve(secrets: WebhookSecrets) -> tuple[TestClient, RecordingPipeline]:
    settings = Settings(shopify_secret=secrets.shopify_secret, branch_token=secrets.branch_token,
                        webengage_key=secrets.webengage_key)
    pipeline = RecordingPipeline()
    app = build_http_app(Metrics(), lambda: (True, ""), settings.max_body_bytes)
    add_webhook_routes(app, SCHEMA, pipeline, Metrics(), settings)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client, pipeline


async def test_the_routes_take_every_sample_delivery_signed_with_the_same_secrets():
    client, pipeline = await serve(SECRETS)
    try:
        for provider, topic, event_type in SAMPLES.topics:
            delivery = SAMPLES.delivery(provider, topic, event_type)
            answer = await client.post(delivery.path, data=delivery.body, headers=delivery.headers)
            assert answer.status == 200, (topic, await answer.text())
            assert (await answer.json())["status"] == "accepted"
    finally:
        await client.close()
    assert [t for t, _ in pipeline.submitted] == [t for _, _, t in SAMPLES.topics]


@pytest.mark.parametrize("provider", ["shopify", "branch", "webengage"])
async def test_a_delivery_signed_with_another_secret_is_refused(provider):
    client, pipeline = await serve(WebhookSecrets("other", "other", "other"))
    try:
        _, topic, event_type = next(t for t in SAMPLES.topics if t[0] == provider)
        delivery = SAMPLES.delivery(provider, topic, event_type)
        answer = await client.post(delivery.path, data=delivery.body, headers=delivery.headers)
        assert answer.status == 401
    finally:
        await client.close()
    assert pipeline.submitted == []
