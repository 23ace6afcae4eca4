"""The webhook models parse the providers' documented payloads.

Message classes are built from the .proto files at test time (protoc -> descriptor set -> pool), so the
test needs no generated code. Each fixture under tests/fixtures/webhooks/<provider>/<topic>.json is
parsed, as the ingest side will, with json_format.Parse(ignore_unknown_fields=True) into the model
wrapped by the event whose `webhooks` option names "<provider>:<topic>", and key fields are compared
with the fixture's values.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[2]
PROTO_DIR = ROOT / "proto"
FIXTURES = ROOT / "tests" / "fixtures" / "webhooks"
EVENT_FILES = [
    "events/v1/mobile_app.proto",
    "events/v1/web.proto",
    "events/v1/shopify.proto",
    "events/v1/branch.proto",
    "events/v1/webengage.proto",
    "events/v1/creator.proto",
    "events/v1/commerce.proto",
    "events/v1/envelope.proto",
]

# Paths (dotted; digits index lists) whose values must survive parsing, per fixture.
ORDER_PATHS = [
    "id", "admin_graphql_api_id", "name", "email", "total_price", "subtotal_price", "currency",
    "total_price_set.shop_money.amount", "customer.id", "customer.email", "customer.default_address.city",
    "shipping_address.city", "shipping_address.country_code", "line_items.0.id", "line_items.0.title",
    "line_items.0.price", "line_items.0.price_set.shop_money.amount", "line_items.4.title", "line_items.4.quantity",
    "shipping_lines.0.title", "shipping_lines.0.price", "payment_gateway_names.1", "financial_status",
]
EXPECTED: dict[str, list[str]] = {
    "shopify/orders_create.json": ORDER_PATHS,
    "shopify/orders_updated.json": ORDER_PATHS,
    "shopify/orders_paid.json": ORDER_PATHS,
    "shopify/orders_cancelled.json": ORDER_PATHS + ["cancel_reason", "cancelled_at"],
    "shopify/orders_fulfilled.json": ORDER_PATHS,
    "shopify/products_create.json": [
        "id", "title", "vendor", "status", "tags", "variants.0.id", "variants.0.price", "variants.1.title",
        "variants.1.inventory_quantity", "variants.0.compare_at_price",
    ],
    "shopify/products_update.json": ["id", "title", "variants.0.price", "variants.1.inventory_quantity"],
    "shopify/customers_create.json": [
        "id", "email", "first_name", "note", "verified_email", "default_address.zip", "default_address.default",
    ],
    "shopify/carts_create.json": [
        "id", "token", "line_items.0.id", "line_items.0.title", "line_items.0.quantity", "line_items.0.price",
        "line_items.0.line_price", "line_items.0.line_price_set.shop_money.amount",
    ],
    "shopify/carts_update.json": ["token", "line_items.0.title", "line_items.0.line_price"],
    "shopify/checkouts_create.json": [
        "token", "cart_token", "email", "total_price", "total_tax", "line_items.0.title", "line_items.1.price",
        "line_items.0.tax_lines.0.rate", "tax_lines.0.price", "customer.id", "billing_address.city",
        "abandoned_checkout_url",
    ],
    "shopify/refunds_create.json": [
        "id", "order_id", "note", "user_id", "refund_line_items.0.id", "refund_line_items.0.subtotal",
        "refund_line_items.0.line_item.title", "refund_line_items.3.line_item.price", "transactions.0.amount",
        "transactions.0.kind", "transactions.1.amount",
    ],
    "shopify/fulfillments_create.json": [
        "id", "order_id", "status", "tracking_company", "tracking_number", "tracking_urls.0", "name",
        "destination.city", "line_items.0.title", "line_items.3.total_discount",
        "line_items.3.discount_allocations.1.discount_application_index",
    ],
    "shopify/app_uninstalled.json": [
        "id", "name", "email", "country_code", "currency", "plan_name", "primary_location_id",
        "enabled_presentment_currencies.0",
    ],
    "branch/OPEN.json": [
        "name", "timestamp", "user_data.os", "user_data.idfa", "user_data.developer_identity",
        "last_attributed_touch_data.~channel", "last_attributed_touch_data.~campaign", "last_cta_view_data.~feature",
        "custom_data.referred",
    ],
    "branch/INSTALL.json": [
        "name", "id", "timestamp", "organization_id", "first_event_for_user", "user_data.aaid", "user_data.model",
        "last_attributed_touch_type", "last_attributed_touch_timestamp", "days_from_last_attributed_touch_to_event",
        "last_attributed_touch_data.~channel", "last_attributed_touch_data.~campaign", "custom_data.install_source",
    ],
    "branch/REINSTALL.json": ["name", "id", "timestamp", "deep_linked", "user_data.os"],
    "branch/CLICK.json": ["name", "id", "timestamp", "user_data.platform", "last_attributed_touch_data.+url"],
    "branch/PURCHASE.json": [
        "name", "id", "customer_event_alias", "event_data.revenue", "event_data.currency", "event_data.transaction_id",
        "event_data.coupon", "content_items.0.$sku", "content_items.0.$price", "custom_data.order_channel",
    ],
    "branch/ADD_TO_CART.json": ["name", "id", "event_data.revenue", "content_items.0.$product_name"],
    "branch/COMPLETE_REGISTRATION.json": ["name", "id", "event_data.description", "custom_data.signup_method"],
}
WEBENGAGE_PATHS = ["event_name", "event_time", "category", "user_id", "anonymous_id", "license_code"]
WEBENGAGE_EXTRA = {
    "user_signed_up": ["event_data.signup_method", "event_data.is_creator"],
    "user_updated": ["event_data.city", "event_data.lifetime_orders"],
    "email_sent": ["system_data.id", "system_data.campaign_type", "system_data.email_subject", "event_data.result"],
    "email_opened": ["system_data.id", "system_data.variation_id", "system_data.message_id"],
    "email_clicked": ["system_data.link", "system_data.cta_id"],
    "push_notification_sent": ["system_data.sdk", "system_data.scope", "system_data.push_notification_content"],
    "push_notification_clicked": ["system_data.cta_id", "event_data.call_to_action"],
    "sms_sent": ["system_data.message_id"],
    "in_app_shown": ["system_data.journey_id", "event_data.screen"],
}
for topic, extra in WEBENGAGE_EXTRA.items():
    EXPECTED[f"webengage/{topic}.json"] = WEBENGAGE_PATHS + extra
EXPECTED["webengage/user_logged_in.json"] = WEBENGAGE_PATHS + ["system_data.sdk"]


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """Compiles the schema and returns (pool, {"provider:topic": event descriptor})."""
    out = tmp_path_factory.mktemp("descriptors") / "events.pb"
    wkt = resources.files("grpc_tools") / "_proto"
    rc = protoc.main([
        "protoc", f"-I{PROTO_DIR}", f"-I{wkt}", "--include_imports", f"--descriptor_set_out={out}",
        *(str(PROTO_DIR / f) for f in EVENT_FILES),
    ])
    assert rc == 0, "protoc failed"
    fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    pool = descriptor_pool.DescriptorPool()
    for file_proto in fds.file:
        pool.Add(file_proto)
    message_factory.GetMessageClassesForFiles([f.name for f in fds.file], pool)

    ext = pool.FindExtensionByName("eventgen.event")
    options_class = message_factory.GetMessageClass(pool.FindMessageTypeByName("google.protobuf.MessageOptions"))
    envelope = pool.FindMessageTypeByName("events.v1.Event")
    by_webhook = {}
    for arm in envelope.oneofs_by_name["payload"].fields:
        event = arm.message_type
        # Re-read the options with this pool's classes so the extension is visible.
        options = options_class.FromString(event.GetOptions().SerializeToString())
        for hook in options.Extensions[ext].webhooks:
            assert hook not in by_webhook, f"webhook {hook} feeds two events"
            by_webhook[hook] = event
    return pool, by_webhook


def fixture_files():
    return sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.glob("*/*.json"))


def webhook_of(fixture: str) -> str:
    provider, name = fixture.removesuffix(".json").split("/")
    topic = name.replace("_", "/", 1) if provider == "shopify" else name
    return f"{provider}:{topic}"


def model_of(pool, event):
    """The model class wrapped by a webhook event (its single message field)."""
    (field,) = event.fields
    assert field.message_type is not None, f"{event.name} does not wrap a model"
    return field.name, message_factory.GetMessageClass(field.message_type)


def json_get(value, path):
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    return value


def msg_get(value, path):
    for part in path.split("."):
        if part.isdigit():
            value = value[int(part)]
        elif hasattr(value, "DESCRIPTOR") and value.DESCRIPTOR.full_name != "google.protobuf.Struct":
            value = getattr(value, part)
        else:  # a Struct or a map field
            value = value[part]
    return value


def test_fixtures_exist():
    assert len(fixture_files()) >= 12


def test_every_fixture_has_expectations():
    assert sorted(EXPECTED) == fixture_files()


def test_every_webhook_topic_has_a_fixture(schema):
    _, by_webhook = schema
    covered = {webhook_of(f) for f in fixture_files()}
    events_with_fixture = {by_webhook[w].full_name for w in covered if w in by_webhook}
    for hook, event in by_webhook.items():
        # An alias (Branch's legacy lowercase "open") is covered by a fixture of another name of its event.
        assert hook in covered or event.full_name in events_with_fixture, f"no fixture for {hook}"


@pytest.mark.parametrize("fixture", fixture_files())
def test_fixture_parses_into_its_model(schema, fixture):
    pool, by_webhook = schema
    hook = webhook_of(fixture)
    assert hook in by_webhook, f"{fixture}: no event has webhooks [{hook!r}]"
    _, model_class = model_of(pool, by_webhook[hook])
    body = (FIXTURES / fixture).read_text()
    data = json.loads(body)

    model = json_format.Parse(body, model_class(), ignore_unknown_fields=True)

    for path in EXPECTED[fixture]:
        want, got = json_get(data, path), msg_get(model, path)
        assert got == want, f"{fixture}: {path}: parsed {got!r}, fixture has {want!r}"


def test_shopify_order_key_fields(schema):
    pool, by_webhook = schema
    _, Order = model_of(pool, by_webhook["shopify:orders/create"])
    order = json_format.Parse((FIXTURES / "shopify/orders_create.json").read_text(), Order(),
                              ignore_unknown_fields=True)
    assert order.id == 820982911946154508
    assert order.name == "#9999"
    assert order.total_price == "404.95"
    assert order.line_items[0].title == "Aviator sunglasses"
    assert order.line_items[0].price_set.shop_money.amount == "89.99"
    assert [li.sku for li in order.line_items][-1] == "SKU2006-035"
    assert not order.shipping_address.HasField("latitude")  # JSON null leaves an optional unset


def test_shopify_refund_amounts(schema):
    pool, by_webhook = schema
    _, Refund = model_of(pool, by_webhook["shopify:refunds/create"])
    refund = json_format.Parse((FIXTURES / "shopify/refunds_create.json").read_text(), Refund(),
                              ignore_unknown_fields=True)
    assert refund.id == 890088186047892319
    assert refund.refund_line_items[0].subtotal == pytest.approx(89.99)  # a JSON number in Shopify's payload
    assert refund.transactions[0].amount == "75.00"  # a JSON string


def test_branch_install_key_fields(schema):
    pool, by_webhook = schema
    _, Branch = model_of(pool, by_webhook["branch:INSTALL"])
    event = json_format.Parse((FIXTURES / "branch/INSTALL.json").read_text(), Branch(), ignore_unknown_fields=True)
    assert event.name == "INSTALL"
    assert event.id == 1295640032157318840  # 64-bit id kept exactly
    assert event.timestamp == 1714640312551
    assert event.last_attributed_touch_data["~channel"] == "instagram"
    assert list(event.last_attributed_touch_data["~tags"]) == ["creator:ava.makes", "brand:glowco"]


def test_branch_purchase_revenue(schema):
    pool, by_webhook = schema
    _, Branch = model_of(pool, by_webhook["branch:PURCHASE"])
    event = json_format.Parse((FIXTURES / "branch/PURCHASE.json").read_text(), Branch(), ignore_unknown_fields=True)
    assert event.event_data.revenue == pytest.approx(68.0)
    assert event.content_items[0]["$quantity"] == 2


def test_webengage_email_opened_key_fields(schema):
    pool, by_webhook = schema
    _, WebEngage = model_of(pool, by_webhook["webengage:email_opened"])
    event = json_format.Parse((FIXTURES / "webengage/email_opened.json").read_text(), WebEngage(),
                              ignore_unknown_fields=True)
    assert event.event_name == "email_opened"
    assert event.license_code == "~2024b5d8"
    assert event.system_data.campaign_type == "EMAIL"


def test_webengage_camel_case_keys_parse_too(schema):
    """WebEngage's REST API and some payloads use camelCase keys; the same model accepts them."""
    pool, by_webhook = schema
    _, WebEngage = model_of(pool, by_webhook["webengage:user_logged_in"])
    body = {
        "eventName": "user_logged_in",
        "eventTime": "2024-05-02T09:13:02+0000",
        "userId": "usr_8f2k1",
        "anonymousId": "4a1c0e7e",
        "licenseCode": "~2024b5d8",
        "eventData": {"method": "otp"},
        "systemData": {"sdk": "IOS", "campaignType": "JOURNEY"},
    }
    event = json_format.Parse(json.dumps(body), WebEngage(), ignore_unknown_fields=True)
    assert event.event_name == "user_logged_in"
    assert event.license_code == "~2024b5d8"
    assert event.user_id == "usr_8f2k1"
    assert event.event_data["method"] == "otp"
    assert event.system_data.campaign_type == "JOURNEY"
