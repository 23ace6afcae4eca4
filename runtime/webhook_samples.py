"""Sample webhook deliveries for Shopify, Branch and WebEngage, shaped and signed as the providers send them.

The bodies are built from the schema's webhook models, the messages the webhook routes parse a delivery
into, whose fields are named after the providers' JSON keys: SampleFactory fills a model, which becomes
JSON with those keys (64-bit integers as numbers, as Shopify and Branch send them, every plain field
present), and the fields that name the delivery are set as the provider sets them: Branch's event
`name`, `id` and `timestamp`, WebEngage's `event_name`, `license_code` and `event_time`, Shopify's topic
and delivery ids in headers. Ids differ on every delivery, so no two deliveries are duplicates."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor

from .generated import GeneratedSchema
from .samples import SampleFactory

__all__ = ["PROVIDERS", "WebhookDelivery", "WebhookSamples", "WebhookSecrets"]

# The providers the service has routes for (runtime/ingest/webhooks.py).
PROVIDERS = ("shopify", "branch", "webengage")
_WIDE = (FieldDescriptor.CPPTYPE_INT64, FieldDescriptor.CPPTYPE_UINT64)
_JSON_SAFE = 2**53


@dataclass(frozen=True)
class WebhookSecrets:
    """What the service checks deliveries with (EVENTGEN_SHOPIFY_SECRET, EVENTGEN_BRANCH_TOKEN,
    EVENTGEN_WEBENGAGE_KEY); the WebEngage license code is the account's, any value signs correctly."""

    shopify_secret: str = ""
    branch_token: str = ""
    webengage_key: str = ""
    webengage_license: str = "~eventgen"

    def missing(self, provider: str) -> str:
        """Why deliveries of `provider` cannot be signed, or "" when they can."""
        setting = {"shopify": ("shopify_secret", "--shopify-secret", "EVENTGEN_SHOPIFY_SECRET"),
                   "branch": ("branch_token", "--branch-token", "EVENTGEN_BRANCH_TOKEN"),
                   "webengage": ("webengage_key", "--webengage-key", "EVENTGEN_WEBENGAGE_KEY")}[provider]
        if getattr(self, setting[0]):
            return ""
        return f"no {setting[1]} (or {setting[2]}) to sign its deliveries with: set it to the service's"


@dataclass(frozen=True)
class WebhookDelivery:
    """One HTTP POST as the provider would make it: `path` carries the query string."""

    provider: str
    topic: str
    event_type: str
    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)


class WebhookSamples:
    """Deliveries of every topic the schema routes from the providers whose secrets are known."""

    def __init__(self, schema: GeneratedSchema, secrets: WebhookSecrets, seed: int = 0) -> None:
        module = schema.envelope
        self._envelope_class, self._arms = module.Envelope, module.ARMS
        self._payload_fields = module.WEBHOOK_PAYLOAD_FIELDS
        self._secrets = secrets
        self._factory = SampleFactory(seed, max_repeated=2)
        # Delivery ids must not repeat across runs, whatever the seed of the content.
        self._ids = random.Random()
        routes = module.WEBHOOKS
        self.skipped = {p: secrets.missing(p) for p in PROVIDERS if routes.get(p) and secrets.missing(p)}
        self.topics: list[tuple[str, str, str]] = [
            (provider, topic, event_type) for provider in PROVIDERS if provider not in self.skipped
            for topic, event_type in sorted(routes.get(provider, {}).items())]

    def payload(self, provider: str, topic: str, event_type: str) -> dict[str, Any]:
        """A body as JSON data: the event's webhook model filled with sample values."""
        model = getattr(getattr(self._envelope_class(), self._arms[event_type]), self._payload_fields[event_type])
        self._factory.fill(model)
        self._large_ids(model)
        data = json_format.MessageToDict(model, always_print_fields_with_no_presence=True,
                                         preserving_proto_field_name=True, unquote_int64_if_possible=True)
        fields = model.DESCRIPTOR.fields_by_name
        now = time.time()
        if provider == "branch":
            data["name"] = topic
            if "id" in fields:
                data["id"] = self._ids.getrandbits(63)
            if "timestamp" in fields:
                data["timestamp"] = int(now * 1000)
        elif provider == "webengage":
            data["event_name"] = topic
            if "license_code" in fields:
                data["license_code"] = self._secrets.webengage_license
            if "event_time" in fields:
                data["event_time"] = time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(now))
        return data

    def delivery(self, provider: str, topic: str, event_type: str) -> WebhookDelivery:
        body = json.dumps(self.payload(provider, topic, event_type), separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"}
        secrets = self._secrets
        if provider == "shopify":
            signature = base64.b64encode(hmac.digest(secrets.shopify_secret.encode(), body, hashlib.sha256)).decode()
            headers |= {"X-Shopify-Topic": topic, "X-Shopify-Hmac-Sha256": signature,
                        "X-Shopify-Shop-Domain": "eventgen-demo.myshopify.com", "X-Shopify-API-Version": "2025-01",
                        "X-Shopify-Webhook-Id": str(uuid.UUID(int=self._ids.getrandbits(128), version=4)),
                        "X-Shopify-Event-Id": str(uuid.UUID(int=self._ids.getrandbits(128), version=4)),
                        "X-Shopify-Triggered-At": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            path = "/webhooks/shopify"
        elif provider == "branch":
            path = "/webhooks/branch?" + urlencode({"token": secrets.branch_token})
        else:
            license_code = secrets.webengage_license
            secret = hashlib.md5(f"{license_code}:{secrets.webengage_key}".encode(), usedforsecurity=False).hexdigest()
            path = "/webhooks/webengage?" + urlencode({"licenseCode": license_code, "secret": secret})
        return WebhookDelivery(provider, topic, event_type, path, headers, body)

    def _large_ids(self, message: Any) -> None:
        """Gives 64-bit id fields ids as large as the providers' (13 to 16 digits), below 2**53 so that they
        stay JSON numbers (MessageToDict quotes larger ones)."""
        for descriptor, value in message.ListFields():
            if descriptor.message_type is not None:
                if descriptor.message_type.GetOptions().map_entry:
                    continue
                for item in (value if descriptor.is_repeated else [value]):
                    if not item.DESCRIPTOR.full_name.startswith("google.protobuf."):
                        self._large_ids(item)
            elif descriptor.cpp_type in _WIDE and not descriptor.is_repeated and (
                    descriptor.name == "id" or descriptor.name.endswith("_id")):
                setattr(message, descriptor.name, self._ids.randrange(10**12, _JSON_SAFE))
