"""The generated transformers turn hand-built events into exactly the documented columns.

Each case builds a few events by hand and states the expected cell values literally, one rule of the
type mapping (codegen/columns.py) at a time: enum names and unknown numbers, maps, Nullable presence,
Timestamp and Duration units, JSON for Struct/Value, PII hashing and dropping, oneof `_case` columns.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
from typing import Any

import pytest
from google.protobuf import any_pb2, duration_pb2, struct_pb2, timestamp_pb2, wrappers_pb2
from google.protobuf.message import DecodeError

from runtime.generated import load_generated
from runtime.transport import StampedEvent, make_batch

SCHEMA = load_generated()
from events.v1 import (  # noqa: E402  (importable once load_generated put generated/python on the path)
    common_pb2,
    creator_pb2,
    mobile_app_pb2,
    shopify_pb2,
    web_pb2,
)

Envelope = SCHEMA.envelope.Envelope
COLUMNS = SCHEMA.transformers.COLUMNS
T0_US = 1_767_225_600_000_000  # 2026-01-01T00:00:00Z


def stamped(
    event_type: str,
    payload: Any,
    header: common_pb2.ClientHeader | None = None,
    client_time_us: int | None = None,
    event_id: str = "e1",
) -> Any:
    envelope = Envelope()
    getattr(envelope, SCHEMA.envelope.ARMS[event_type]).CopyFrom(payload)
    getattr(envelope, SCHEMA.envelope.ARMS[event_type]).SetInParent()
    if header is not None:
        envelope.header.CopyFrom(header)
    return StampedEvent(event_id, T0_US + 5, T0_US, client_time_us, envelope.SerializeToString())


def batch_of(event_type: str, events: Any) -> Any:
    return make_batch(SCHEMA.transport.StampedBatch, event_type, events)


def rows(event_type: str, *events: Any, pii_key: bytes = b"") -> list[dict[str, Any]]:
    """The transformer's output, one {column: value} per event."""
    columns = SCHEMA.transformers.TRANSFORMERS[event_type](batch_of(event_type, events), pii_key=pii_key)
    names = COLUMNS[event_type]
    assert len(columns) == len(names)
    assert all(len(column) == len(events) for column in columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def hmac_hex(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def test_fixed_and_header_columns() -> None:
    header = common_pb2.ClientHeader(
        session_id="s", platform=common_pb2.PLATFORM_IOS, app_build=7, os_name="iOS", screen_width=390
    )
    [row] = rows(
        "app_foregrounded", stamped("app_foregrounded", mobile_app_pb2.AppForegrounded(), header, client_time_us=-1)
    )
    assert COLUMNS["app_foregrounded"][:6] == (
        "event_id",
        "event_type",
        "event_time",
        "client_time",
        "received_at",
        "source",
    )
    assert row["event_id"] == "e1"
    assert row["event_type"] == "app_foregrounded"
    assert row["source"] == "mobile_app"
    assert (row["event_time"], row["client_time"], row["received_at"]) == (T0_US, -1, T0_US + 5)
    # The header is inlined: its columns carry no prefix.
    assert (row["session_id"], row["platform"], row["app_build"], row["os_name"], row["screen_width"]) == (
        "s",
        "PLATFORM_IOS",
        7,
        "iOS",
        390,
    )
    assert row["device_id"] == "" and row["ip"] == ""
    [no_client_time] = rows("app_foregrounded", stamped("app_foregrounded", mobile_app_pb2.AppForegrounded()))
    assert no_client_time["client_time"] is None
    assert no_client_time["platform"] == "PLATFORM_UNSPECIFIED"


def test_enums_are_stored_by_name_and_unknown_numbers_by_their_digits() -> None:
    payload = mobile_app_pb2.AppInstalled(
        store=mobile_app_pb2.INSTALL_STORE_PLAY_STORE,
        granted_permissions=[mobile_app_pb2.APP_PERMISSION_CAMERA, 99, -7],
    )
    unknown = mobile_app_pb2.AppInstalled(store=12345)
    [known, other] = rows(
        "app_installed",
        stamped("app_installed", payload, common_pb2.ClientHeader(platform=42)),
        stamped("app_installed", unknown, event_id="e2"),
    )
    assert known["store"] == "INSTALL_STORE_PLAY_STORE"
    assert known["granted_permissions"] == ["APP_PERMISSION_CAMERA", "99", "-7"]
    assert known["platform"] == "42"
    assert other["store"] == "12345"
    assert other["granted_permissions"] == []


def test_maps_of_scalars_are_maps_and_maps_of_messages_are_arrays_sorted_by_key() -> None:
    payload = creator_pb2.ProfileScraped(follower_growth_by_day={1: 0.25, -3: -1.5})
    for country, share, followers in (("US", 0.5, 10), ("BR", 0.125, 2**64 - 1), ("IN", 0.0, 3)):
        payload.audience_by_country[country].share = share
        payload.audience_by_country[country].estimated_followers = followers
    [row] = rows("profile_scraped", stamped("profile_scraped", payload))
    assert row["follower_growth_by_day"] == {1: 0.25, -3: -1.5}
    assert row["audience_by_country_key"] == ["BR", "IN", "US"]
    assert row["audience_by_country_share"] == [0.125, 0.0, 0.5]
    assert row["audience_by_country_estimated_followers"] == [2**64 - 1, 3, 10]
    [empty] = rows("profile_scraped", stamped("profile_scraped", creator_pb2.ProfileScraped()))
    assert empty["follower_growth_by_day"] == {}
    assert (empty["audience_by_country_key"], empty["audience_by_country_share"]) == ([], [])


def test_proto3_optional_is_null_when_unset_and_zero_when_set_to_zero() -> None:
    unset, zero, five = rows(
        "search_performed",
        stamped("search_performed", mobile_app_pb2.SearchPerformed(query="q", facet_counts={"tiktok": -2})),
        stamped("search_performed", mobile_app_pb2.SearchPerformed(page=0), event_id="e2"),
        stamped("search_performed", mobile_app_pb2.SearchPerformed(page=5), event_id="e3"),
    )
    assert (unset["page"], zero["page"], five["page"]) == (None, 0, 5)
    assert unset["facet_counts"] == {"tiktok": -2}
    [page] = rows("page_viewed", stamped("page_viewed", web_pb2.PageViewed(url="https://x/", viewport_height=0)))
    assert page["viewport_height"] == 0
    assert page["page_url"] == "https://x/"  # (eventgen.field).column renames the column
    assert (page["geo_lat"], page["geo_lon"]) == (0.0, 0.0)


def test_timestamps_are_microseconds_with_nanos_truncated() -> None:
    cases = [
        (timestamp_pb2.Timestamp(seconds=1_700_000_000, nanos=123_456_789), 1_700_000_000_123_456),
        (timestamp_pb2.Timestamp(seconds=-1, nanos=999_999_999), -1),  # 1 ns before the epoch
        (timestamp_pb2.Timestamp(seconds=-2_208_988_800), -2_208_988_800_000_000),  # 1900-01-01
    ]
    events = [
        stamped("creator_post_deleted", creator_pb2.CreatorPostDeleted(last_seen_at=ts), event_id=f"e{i}")
        for i, (ts, _) in enumerate(cases)
    ]
    events.append(stamped("creator_post_deleted", creator_pb2.CreatorPostDeleted(), event_id="unset"))
    result = rows("creator_post_deleted", *events)
    assert [r["last_seen_at"] for r in result] == [micros for _, micros in cases] + [None]


def test_durations_are_microseconds_truncated_toward_zero() -> None:
    cases = [
        (duration_pb2.Duration(seconds=-2, nanos=-500_999), -2_000_500),
        (duration_pb2.Duration(seconds=0, nanos=-999), 0),
        (duration_pb2.Duration(seconds=0, nanos=-1_000), -1),
        (duration_pb2.Duration(seconds=3, nanos=999_999_999), 3_999_999),
        (duration_pb2.Duration(seconds=-315_576_000_000, nanos=-999_999_999), -315_576_000_000_999_999),
    ]
    events = [
        stamped("app_opened", mobile_app_pb2.AppOpened(launch_duration=d), event_id=f"e{i}")
        for i, (d, _) in enumerate(cases)
    ]
    events.append(stamped("app_opened", mobile_app_pb2.AppOpened(), event_id="unset"))
    assert [r["launch_duration"] for r in rows("app_opened", *events)] == [us for _, us in cases] + [None]


def test_struct_and_value_are_compact_json_with_sorted_keys() -> None:
    payload = struct_pb2.Value()
    payload.struct_value.update({"b": [1.5, "x", None, True], "a": {"é": -0.25}})
    exposed, null, unset = rows(
        "experiment_exposed",
        stamped("experiment_exposed", web_pb2.ExperimentExposed(variant_payload=payload)),
        stamped(
            "experiment_exposed",
            web_pb2.ExperimentExposed(variant_payload=struct_pb2.Value(null_value=0)),
            event_id="e2",
        ),
        stamped("experiment_exposed", web_pb2.ExperimentExposed(), event_id="e3"),
    )
    assert exposed["variant_payload"] == '{"a":{"é":-0.25},"b":[1.5,"x",null,true]}'
    assert null["variant_payload"] == "null"
    assert unset["variant_payload"] == ""


def test_wrappers_are_nullable_and_struct_fields_json() -> None:
    snapshot = struct_pb2.Struct()
    snapshot.update({"z": "last", "m": {"k": []}})
    payload = creator_pb2.CreatorProfileUpdated(
        follower_count=wrappers_pb2.Int64Value(value=0),
        display_name=wrappers_pb2.StringValue(value="Ana"),
        profile_snapshot=snapshot,
    )
    [row] = rows("creator_profile_updated", stamped("creator_profile_updated", payload))
    assert (row["follower_count"], row["display_name"], row["bio"], row["is_verified"]) == (0, "Ana", None, None)
    assert row["profile_snapshot"] == '{"m":{"k":[]},"z":"last"}'


def test_pii_is_hashed_with_the_key_and_dropped_fields_have_no_column() -> None:
    key = b"pii-key"
    subscribed, empty = rows(
        "newsletter_subscribed",
        stamped(
            "newsletter_subscribed",
            web_pb2.NewsletterSubscribed(email="ana@example.com", phone="+1555"),
            common_pb2.ClientHeader(ip="203.0.113.7"),
        ),
        stamped("newsletter_subscribed", web_pb2.NewsletterSubscribed(), event_id="e2"),
        pii_key=key,
    )
    assert subscribed["email"] == hmac_hex(key, "ana@example.com")
    assert subscribed["ip"] == hmac_hex(key, "203.0.113.7")
    assert subscribed["email"] != hmac_hex(b"", "ana@example.com")
    assert (empty["email"], empty["ip"]) == ("", "")  # empty stays empty
    assert "phone" not in COLUMNS["newsletter_subscribed"]


def test_oneof_case_names_the_member_set() -> None:
    http = creator_pb2.ScrapeFailed(http=creator_pb2.ScrapeFailed.HttpFailure(status_code=503, body_excerpt="busy"))
    limited = creator_pb2.ScrapeFailed(
        rate_limited=creator_pb2.ScrapeFailed.RateLimited(retry_after=duration_pb2.Duration(seconds=30))
    )
    result = rows(
        "scrape_failed",
        stamped("scrape_failed", http),
        stamped("scrape_failed", limited, event_id="e2"),
        stamped("scrape_failed", creator_pb2.ScrapeFailed(), event_id="e3"),
    )
    assert [r["failure_case"] for r in result] == ["http", "rate_limited", ""]
    assert [r["http_status_code"] for r in result] == [503, 0, 0]
    assert [r["rate_limited_retry_after"] for r in result] == [None, 30_000_000, None]
    names = COLUMNS["scrape_failed"]
    assert names.index("failure_case") < names.index("http_status_code")


def test_repeated_messages_bytes_and_any() -> None:
    frames = [
        mobile_app_pb2.AppCrashed.StackFrame(symbol="main", line=3, address=2**64 - 1),
        mobile_app_pb2.AppCrashed.StackFrame(file="a.c"),
    ]
    payload = mobile_app_pb2.AppCrashed(
        frames=frames,
        minidump_sha256=b"\xff\x00\xfe",
        battery_level=0.5,
        native_context=any_pb2.Any(type_url="t/x", value=b"\x80"),
    )
    [row] = rows("app_crashed", stamped("app_crashed", payload))
    assert row["frames_symbol"] == ["main", ""]
    assert row["frames_file"] == ["", "a.c"]
    assert row["frames_line"] == [3, 0]
    assert row["frames_address"] == [2**64 - 1, 0]
    assert row["minidump_sha256"] == b"\xff\x00\xfe"
    assert row["battery_level"] == 0.5
    assert (row["native_context_type_url"], row["native_context_value"]) == ("t/x", b"\x80")


def test_nested_repeated_messages_are_an_array_per_item() -> None:
    order = shopify_pb2.ShopifyOrder(
        line_items=[
            shopify_pb2.ShopifyLineItem(
                title="a",
                tax_lines=[
                    shopify_pb2.ShopifyTaxLine(title="vat", rate=0.2),
                    shopify_pb2.ShopifyTaxLine(title="city", channel_liable=True),
                ],
            ),
            shopify_pb2.ShopifyLineItem(title="b"),
        ],
        shipping_lines=[shopify_pb2.ShopifyShippingLine(tax_lines=[shopify_pb2.ShopifyTaxLine(title="ship")])],
    )
    created = shopify_pb2.ShopifyOrderCreated
    full, empty = rows(
        "shopify_order_created",
        stamped("shopify_order_created", created(order=order)),
        stamped("shopify_order_created", created(), event_id="e2"),
    )
    assert full["order_line_items_title"] == ["a", "b"]
    assert full["order_line_items_tax_lines_title"] == [["vat", "city"], []]
    assert full["order_line_items_tax_lines_rate"] == [[0.2, 0.0], []]
    assert full["order_line_items_tax_lines_channel_liable"] == [[False, True], []]
    assert full["order_shipping_lines_tax_lines_title"] == [["ship"]]
    assert empty["order_line_items_title"] == []
    assert empty["order_line_items_tax_lines_title"] == []
    assert empty["order_shipping_lines_tax_lines_title"] == []


def test_the_collector_is_paused_while_a_transformer_runs_and_only_then() -> None:
    transform = SCHEMA.transformers.TRANSFORMERS["app_crashed"]
    crashed = mobile_app_pb2.AppCrashed(frames=[mobile_app_pb2.AppCrashed.StackFrame(symbol="main")])
    batch = batch_of("app_crashed", [stamped("app_crashed", crashed, event_id=f"e{i}") for i in range(5_000)])
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    gc.callbacks.append(record)
    try:
        columns = transform(batch)
    finally:
        gc.callbacks.remove(record)
    assert len(columns[0]) == 5_000
    assert collections == []  # thousands of rows of lists, and not one collection
    assert gc.isenabled()

    with pytest.raises(DecodeError):
        transform(batch_of("app_crashed", [StampedEvent("e1", T0_US, T0_US, None, b"\xff")]))
    assert gc.isenabled()

    gc.disable()
    try:
        transform(batch)
        assert not gc.isenabled()  # a collector paused by the caller stays paused
    finally:
        gc.enable()


@pytest.mark.parametrize("event_type", sorted(COLUMNS))
def test_an_empty_batch_gives_empty_columns(event_type: str) -> None:
    columns = SCHEMA.transformers.TRANSFORMERS[event_type](batch_of(event_type, []))
    assert [list(c) for c in columns] == [[] for _ in COLUMNS[event_type]]
