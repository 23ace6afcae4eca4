"""Random events of every type go through the generated transformer into ClickHouse and come back unchanged.

For each event type, hypothesis builds payloads, headers and stamps (tests/strategies.py); the generated
transformer turns them into columns, which are inserted into tables created from the generated DDL
(clickhouse/schema.json) in a database of the run's own, and selected back. Both the transformer's
columns and the stored rows are compared with what an independent reference flattener, written here from
the documented type mapping (the docstring of codegen/columns.py), expects: reflection over the protobuf
descriptors and the decoded messages, never the generated code. So a difference points at the generated
transformer (first assertion) or at the DDL (second).

The same events, encoded as ingest encodes them, also go through the generated protobuf insert
(clickhouse/inserts.json: ClickHouse decodes the events and computes the columns itself) and must come back
as the same reference expects (third assertion), for every event type that has one.

ClickHouse is the server at EVENTGEN_TEST_CLICKHOUSE_URL (a clickhouse-connect DSN) when set, otherwise an
embedded chDB under a temporary folder.
"""

from __future__ import annotations

import hmac
import itertools
import json
import math
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runtime.generated import load_generated
from runtime.store.protobuf_insert import ProtobufInsert, pii_parameters
from runtime.transport import NO_CLIENT_TIME, StampedEvent, encode_batch, encode_event, events_body, make_batch
from tests.strategies import TIMESTAMP_MAX_SECONDS, TIMESTAMP_MIN_SECONDS, messages, timestamps

pytestmark = pytest.mark.clickhouse

SCHEMA = load_generated()
from eventgen import options_pb2  # noqa: E402  (importable once load_generated put generated/python on the path)

TRANSFORMERS = SCHEMA.transformers
INSERTS = ProtobufInsert.from_document(SCHEMA.inserts)
Envelope = SCHEMA.envelope.Envelope
EXAMPLES_PER_EVENT = 8
CLICKHOUSE_URL = os.environ.get("EVENTGEN_TEST_CLICKHOUSE_URL")
_F = FieldDescriptor

# ---------------------------------------------------------------------------------------------------------
# The reference flattener: the documented mapping, by reflection over descriptors and decoded messages.
# ---------------------------------------------------------------------------------------------------------

TIMESTAMP = "DateTime64(6, 'UTC')"
_SCALAR_TYPES = {
    _F.TYPE_DOUBLE: "Float64",
    _F.TYPE_FLOAT: "Float32",
    _F.TYPE_INT32: "Int32",
    _F.TYPE_SINT32: "Int32",
    _F.TYPE_SFIXED32: "Int32",
    _F.TYPE_INT64: "Int64",
    _F.TYPE_SINT64: "Int64",
    _F.TYPE_SFIXED64: "Int64",
    _F.TYPE_UINT32: "UInt32",
    _F.TYPE_FIXED32: "UInt32",
    _F.TYPE_UINT64: "UInt64",
    _F.TYPE_FIXED64: "UInt64",
    _F.TYPE_BOOL: "Bool",
    _F.TYPE_STRING: "String",
    _F.TYPE_BYTES: "String",
}
_WRAPPERS = {
    "DoubleValue": "Float64",
    "FloatValue": "Float32",
    "Int64Value": "Int64",
    "UInt64Value": "UInt64",
    "Int32Value": "Int32",
    "UInt32Value": "UInt32",
    "BoolValue": "Bool",
    "StringValue": "String",
    "BytesValue": "String",
}


class Micros(int):
    """A DateTime64(6) value: microseconds since the epoch (ClickHouse returns a datetime)."""


@dataclass(frozen=True)
class Json:
    """A String column holding JSON: compared as parsed JSON, with keys sorted and no whitespace."""

    tree: Any


def timestamp_micros(ts: Any) -> Micros:
    # Nanos are truncated: floor of the whole instant in microseconds (nanos are never negative).
    return Micros((ts.seconds * 1_000_000_000 + ts.nanos) // 1000)


def duration_micros(d: Any) -> int:
    total = d.seconds * 1_000_000_000 + d.nanos
    return total // 1000 if total >= 0 else -(-total // 1000)  # truncated toward zero


def json_tree(value: Any) -> Any:
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return {k: json_tree(v) for k, v in value.struct_value.fields.items()}
    if kind == "list_value":
        return [json_tree(v) for v in value.list_value.values]
    if kind in ("number_value", "string_value", "bool_value"):
        return getattr(value, kind)
    return None  # null_value, or no kind at all


# Well-known types stored as columns: (column suffix, type, conversion, value when unset or None for NULL).
_WELL_KNOWN: dict[str, list[tuple[str, str, Callable[[Any], Any], Any]]] = {
    "google.protobuf.Timestamp": [("", TIMESTAMP, timestamp_micros, None)],
    "google.protobuf.Duration": [("", "Int64", duration_micros, None)],
    **{f"google.protobuf.{w}": [("", t, lambda v: v.value, None)] for w, t in _WRAPPERS.items()},
    "google.protobuf.Struct": [("", "String", lambda v: Json({k: json_tree(x) for k, x in v.fields.items()}), "")],
    "google.protobuf.Value": [("", "String", lambda v: Json(json_tree(v)), "")],
    "google.protobuf.ListValue": [("", "String", lambda v: Json([json_tree(x) for x in v.values]), "")],
    "google.protobuf.FieldMask": [("", "Array(String)", lambda v: list(v.paths), [])],
    "google.protobuf.Any": [
        ("_type_url", "String", lambda v: v.type_url, ""),
        ("_value", "String", lambda v: v.value, b""),
    ],
    "google.protobuf.Empty": [],
}


@dataclass(frozen=True)
class RefColumn:
    name: str
    type: str
    # The column's value from the message being flattened, under a PII key.
    get: Callable[[Any, bytes], Any]


def snake_case(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def _options(fd: FieldDescriptor) -> Any | None:
    options = fd.GetOptions()
    return options.Extensions[options_pb2.field] if options.HasExtension(options_pb2.field) else None


def _real_oneofs(desc: Descriptor) -> set[str]:
    proto = descriptor_pb2.DescriptorProto()
    desc.CopyToProto(proto)
    synthetic = {proto.oneof_decl[f.oneof_index].name for f in proto.field if f.proto3_optional}
    return {o.name for o in desc.oneofs} - synthetic


def _pii(value: str | bytes, key: bytes) -> str | bytes:
    if not value:
        return value
    return hmac.digest(key, value.encode() if isinstance(value, str) else value, "sha256").hex()


def _enum_name(enum: Any, number: int) -> str:
    value = enum.values_by_number.get(number)
    return value.name if value is not None else str(number)


def _nested(columns: list[RefColumn], field: str) -> list[RefColumn]:
    return [RefColumn(c.name, c.type, lambda m, k, c=c: c.get(getattr(m, field), k)) for c in columns]


def _each(columns: list[RefColumn], items: Callable[[Any], list[Any]]) -> list[RefColumn]:
    return [RefColumn(c.name, f"Array({c.type})", lambda m, k, c=c: [c.get(x, k) for x in items(m)]) for c in columns]


def flatten(desc: Descriptor, prefix: str = "", exclude: frozenset[str] = frozenset()) -> list[RefColumn]:
    """The columns of a message: fields in declaration order, a oneof's _case before its first member."""
    columns: list[RefColumn] = []
    oneofs = _real_oneofs(desc)
    for fd in desc.fields:
        if fd.name in exclude:
            continue
        oneof = fd.containing_oneof
        if oneof is not None and oneof.name in oneofs:
            oneofs.discard(oneof.name)
            columns.append(
                RefColumn(
                    f"{prefix}{snake_case(oneof.name)}_case",
                    "LowCardinality(String)",
                    lambda m, k, o=oneof.name: m.WhichOneof(o) or "",
                )
            )
        columns += field_columns(fd, prefix)
    return columns


def field_columns(fd: FieldDescriptor, prefix: str) -> list[RefColumn]:
    opts = _options(fd)
    if opts is not None and (opts.skip or opts.pii == options_pb2.PII_DROP):
        return []
    name = opts.column if opts is not None and opts.column else f"{prefix}{snake_case(fd.name)}"
    hashed = opts is not None and opts.pii == options_pb2.PII_HASH
    override = opts.clickhouse_type.partition(" CODEC")[0] if opts is not None else ""
    field = fd.name
    present = not fd.is_repeated and fd.has_presence  # proto3 optional, oneof members (and proto2 optional)

    def leaf(ch_type: str, get: Callable[[Any, bytes], Any], nullable: bool = False) -> RefColumn:
        if nullable:
            inner = get
            ch_type = (
                f"LowCardinality(Nullable({ch_type[15:-1]}))"
                if ch_type.startswith("LowCard")
                else f"Nullable({ch_type})"
            )
            get = lambda m, k: inner(m, k) if m.HasField(field) else None  # noqa: E731
        return RefColumn(name, override or ch_type, get)

    if fd.type == _F.TYPE_MESSAGE and fd.message_type.GetOptions().map_entry:
        return _map_columns(fd, name)
    if fd.type == _F.TYPE_MESSAGE:
        child = fd.message_type
        if child.full_name in _WELL_KNOWN:
            columns = []
            for suffix, ch_type, convert, unset in _WELL_KNOWN[child.full_name]:
                if fd.is_repeated:
                    get = lambda m, k, c=convert: [c(x) for x in getattr(m, field)]  # noqa: E731
                    columns.append(RefColumn(name + suffix, f"Array({ch_type})", get))
                elif unset is None:
                    get = lambda m, k, c=convert: c(getattr(m, field)) if m.HasField(field) else None  # noqa: E731
                    columns.append(RefColumn(name + suffix, f"Nullable({ch_type})", get))
                else:
                    get = lambda m, k, c=convert, u=unset: c(getattr(m, field)) if m.HasField(field) else u  # noqa: E731
                    columns.append(RefColumn(name + suffix, ch_type, get))
            return columns
        inline = opts is not None and opts.inline
        children = flatten(child, prefix if inline else f"{name}_")
        return _each(children, lambda m: getattr(m, field)) if fd.is_repeated else _nested(children, field)
    if fd.type == _F.TYPE_ENUM:
        enum = fd.enum_type
        if fd.is_repeated:
            names = lambda m, k: [_enum_name(enum, v) for v in getattr(m, field)]  # noqa: E731
            return [leaf("Array(LowCardinality(String))", names)]
        return [leaf("LowCardinality(String)", lambda m, k: _enum_name(enum, getattr(m, field)), present)]
    ch_type = "String" if hashed else _SCALAR_TYPES[fd.type]
    convert: Callable[[Any, bytes], Any] = _pii if hashed else (lambda v, k: v)
    if fd.is_repeated:
        return [leaf(f"Array({ch_type})", lambda m, k: [convert(v, k) for v in getattr(m, field)])]
    return [leaf(ch_type, lambda m, k: convert(getattr(m, field), k), present)]


def _map_columns(fd: FieldDescriptor, name: str) -> list[RefColumn]:
    """map<K, scalar> is Map(K, V); map<K, message> is <name>_key plus one array per value column, by key."""
    key_fd, value_fd = fd.message_type.fields_by_name["key"], fd.message_type.fields_by_name["value"]
    key_type, field = _SCALAR_TYPES[key_fd.type], fd.name
    if value_fd.type == _F.TYPE_ENUM:
        enum = value_fd.enum_type
        return [
            RefColumn(
                name,
                f"Map({key_type}, String)",
                lambda m, k: {key: _enum_name(enum, v) for key, v in getattr(m, field).items()},
            )
        ]
    if value_fd.type != _F.TYPE_MESSAGE:
        return [
            RefColumn(name, f"Map({key_type}, {_SCALAR_TYPES[value_fd.type]})", lambda m, k: dict(getattr(m, field)))
        ]
    value = value_fd.message_type
    columns = [RefColumn(f"{name}_key", f"Array({key_type})", lambda m, k: sorted(getattr(m, field)))]
    if value.full_name in _WELL_KNOWN:
        children = [
            RefColumn(f"{name}_value{suffix}", ch_type, lambda v, k, c=convert: c(v))
            for suffix, ch_type, convert, _ in _WELL_KNOWN[value.full_name]
        ]
    else:
        children = flatten(value, f"{name}_")
    return columns + _each(children, lambda m: [getattr(m, field)[key] for key in sorted(getattr(m, field))])


@dataclass(frozen=True)
class EventSpec:
    """An event type as the schema's options define it, found without the generated code."""

    name: str
    arm: str
    payload: Descriptor
    source: str
    table: str  # database.table


def event_specs() -> dict[str, EventSpec]:
    env_opts = Envelope.DESCRIPTOR.GetOptions().Extensions[options_pb2.envelope]
    specs = {}
    for fd in Envelope.DESCRIPTOR.oneofs_by_name[env_opts.oneof].fields:
        payload = fd.message_type
        own = payload.GetOptions().Extensions[options_pb2.event]
        defaults = payload.file.GetOptions().Extensions[options_pb2.defaults]

        def pick(option: str, fallback: str, own: Any = own, defaults: Any = defaults) -> str:
            return getattr(own, option) or getattr(defaults, option) or fallback

        name = pick("routing_key", snake_case(payload.name))
        specs[name] = EventSpec(
            name, fd.name, payload, pick("source", "default"), f"{pick('database', 'events')}.{pick('table', name)}"
        )
    return specs


def envelope_exclusions() -> frozenset[str]:
    opts = Envelope.DESCRIPTOR.GetOptions().Extensions[options_pb2.envelope]
    arms = {fd.name for fd in Envelope.DESCRIPTOR.oneofs_by_name[opts.oneof].fields}
    return frozenset({opts.id_field, opts.timestamp_field, opts.sent_at_field, *arms} - {""})


def reference_columns(spec: EventSpec) -> list[RefColumn]:
    """Every column of the event's table row; `get` takes (StampedEvent, pii_key)."""

    def envelope(s: Any) -> Any:
        return Envelope.FromString(s.envelope)

    fixed = [
        RefColumn("event_id", "String", lambda s, k: s.event_id),
        RefColumn("event_type", "LowCardinality(String)", lambda s, k: spec.name),
        RefColumn("event_time", TIMESTAMP, lambda s, k: Micros(s.event_time_us)),
        RefColumn(
            "client_time",
            f"Nullable({TIMESTAMP})",
            lambda s, k: Micros(s.client_time_us) if s.client_time_us is not None else None,
        ),
        RefColumn("received_at", TIMESTAMP, lambda s, k: Micros(s.received_at_us)),
        RefColumn("source", "LowCardinality(String)", lambda s, k: spec.source),
    ]
    shared = flatten(Envelope.DESCRIPTOR, "", envelope_exclusions())
    own = flatten(spec.payload)
    return [
        *fixed,
        *(RefColumn(c.name, c.type, lambda s, k, c=c: c.get(envelope(s), k)) for c in shared),
        *(RefColumn(c.name, c.type, lambda s, k, c=c: c.get(getattr(envelope(s), spec.arm), k)) for c in own),
    ]


SPECS = event_specs()
EVENT_TYPES = sorted(SPECS)
COLUMNS = {name: reference_columns(spec) for name, spec in SPECS.items()}

# ---------------------------------------------------------------------------------------------------------
# Comparing what came back with what was expected.
# ---------------------------------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1)


def _as_bytes(value: Any) -> Any:
    return value.encode() if isinstance(value, str) else value


def _same_number(expected: float, actual: Any) -> bool:
    if not isinstance(actual, (int, float)) or isinstance(actual, bool):
        return False
    if math.isnan(expected):
        return isinstance(actual, float) and math.isnan(actual)
    return actual == expected and (
        expected != 0 or not isinstance(actual, float) or math.copysign(1, actual) == math.copysign(1, expected)
    )


def _same_json_tree(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(_same_json_tree(v, actual[k]) for k, v in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_same_json_tree(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, float):
        return _same_number(expected, actual)
    return type(actual) is type(expected) and actual == expected


def _keys_sorted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if keys != sorted(keys):
        raise ValueError(f"keys not sorted: {keys}")
    return dict(pairs)


def same(expected: Any, actual: Any) -> bool:
    """Whether a transformer's or ClickHouse's value is the expected one (strings may come back as bytes)."""
    if isinstance(expected, Json):
        if not isinstance(actual, (str, bytes)):
            return False
        text = actual.decode() if isinstance(actual, bytes) else actual
        try:
            parsed = json.loads(text, object_pairs_hook=_keys_sorted)
        except ValueError:
            return False
        # Compact, keys sorted, anything else as JSON allows (characters raw or \u-escaped).
        compact = {
            json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=ascii) for ascii in (False, True)
        }
        return _same_json_tree(expected.tree, parsed) and text in compact
    if expected is None or isinstance(expected, bool):
        return actual is expected
    if isinstance(expected, Micros):
        if isinstance(actual, datetime):
            if actual.tzinfo is not None:
                actual = actual.astimezone(UTC).replace(tzinfo=None)
            actual = (actual - _EPOCH) // timedelta(microseconds=1)
        return type(actual) is int and actual == expected
    if isinstance(expected, int):
        return type(actual) is int and actual == expected
    if isinstance(expected, float):
        return isinstance(actual, float) and _same_number(expected, actual)
    if isinstance(expected, (str, bytes)):
        return isinstance(actual, (str, bytes)) and _as_bytes(actual) == _as_bytes(expected)
    if isinstance(expected, list):
        return (
            isinstance(actual, (list, tuple))
            and len(actual) == len(expected)
            and all(same(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        by_key = {_as_bytes(k): v for k, v in actual.items()}
        return by_key.keys() == {_as_bytes(k) for k in expected} and all(
            same(v, by_key[_as_bytes(k)]) for k, v in expected.items()
        )
    raise TypeError(f"no comparison for {expected!r}")


def differences(columns: list[RefColumn], expected: list[list[Any]], actual: list[list[Any]]) -> list[str]:
    """'row i, column c: expected x, got y' for every cell that differs."""
    found = [f"{len(expected)} rows expected, {len(actual)} came back"] if len(expected) != len(actual) else []
    for i, (want, got) in enumerate(zip(expected, actual, strict=False)):
        for column, e, a in zip(columns, want, got, strict=True):
            if not same(e, a):
                found.append(f"row {i}, column {column.name} ({column.type}): expected {e!r}, got {a!r}")
    return found


# ---------------------------------------------------------------------------------------------------------
# ClickHouse: one database per run, every table of the generated schema in it.
# ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clickhouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The server at EVENTGEN_TEST_CLICKHOUSE_URL, else chDB; held for this module only (one chDB path per process)."""
    import clickhouse_connect
    url = CLICKHOUSE_URL
    try:
        client = clickhouse_connect.get_client(dsn=url or f"chdb://{tmp_path_factory.mktemp('chdb')}")
    except Exception as exc:
        # Another module still holds the process's chDB engine at its own path: share it (our database is ours).
        held = None if url else re.search(r"already initialized with path '([^']+)'", str(exc))
        if held is None:
            raise
        client = clickhouse_connect.get_client(dsn=f"chdb://{held.group(1)}")
    yield client
    client.close()


@pytest.fixture(scope="module")
def databases(clickhouse: Any) -> Iterator[dict[str, str]]:
    """The schema's databases -> uniquely named ones of this run, with every generated table created in them."""
    document = SCHEMA.clickhouse
    run = f"rt_{secrets.token_hex(6)}"
    names = [d["name"] for d in document["databases"]]
    mapping = {name: run if len(names) == 1 else f"{run}_{name}" for name in names}
    for database in mapping.values():
        clickhouse.command(f"CREATE DATABASE `{database}`")
    try:
        for table in document["tables"]:
            original = f"`{table['database']}`.`{table['name']}`"
            assert original in table["create"], f"DDL of {table['name']} does not create {original}"
            ours = f"`{mapping[table['database']]}`.`{table['name']}`"
            clickhouse.command(table["create"].replace(original, ours, 1))
        yield mapping
    finally:
        for database in mapping.values():
            clickhouse.command(f"DROP DATABASE IF EXISTS `{database}`")


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """Where the embedded engine reads the protobuf inserts' views from (a server takes them with the query)."""
    return None if CLICKHOUSE_URL else tmp_path_factory.mktemp("format_schemas")


_batches = itertools.count()
_now_us = time.time_ns() // 1000
_DAY_US = 86_400 * 1_000_000
_client_times = st.none() | st.integers(TIMESTAMP_MIN_SECONDS * 1_000_000, TIMESTAMP_MAX_SECONDS * 1_000_000 + 999_999)


@st.composite
def stamped_events(draw: st.DrawFn, spec: EventSpec) -> list[Any]:
    """1-5 events of one type: random payload, header and client times, unique ids sorting in batch order."""
    batch = next(_batches)
    header_field = Envelope.DESCRIPTOR.fields_by_name["header"]
    events = []
    for i in range(draw(st.integers(1, 5))):
        envelope = Envelope(event_id=draw(st.text(max_size=8)))
        for field in ("client_time", "sent_at"):
            if (ts := draw(st.none() | timestamps())) is not None:
                getattr(envelope, field).CopyFrom(ts)
        if (header := draw(st.none() | messages(header_field.message_type))) is not None:
            envelope.header.CopyFrom(header)
        getattr(envelope, spec.arm).CopyFrom(draw(messages(spec.payload)))
        getattr(envelope, spec.arm).SetInParent()
        # Stamped by the server: recent times (tables with a TTL would drop old rows), ids of any text.
        events.append(StampedEvent(
            event_id=f"{batch:06d}/{i}/" + draw(st.text(max_size=6)),
            event_time_us=_now_us - draw(st.integers(0, 20 * _DAY_US)),
            received_at_us=_now_us - draw(st.integers(0, 20 * _DAY_US)),
            client_time_us=draw(_client_times),
            envelope=envelope.SerializeToString(),
        ))
    return events


def test_reference_agrees_with_the_generated_names_and_types() -> None:
    """Same events, arms, tables, column names and ClickHouse types as the generated code and DDL."""
    assert EVENT_TYPES == sorted(TRANSFORMERS.TRANSFORMERS)
    tables = {
        f"{t['database']}.{t['name']}": {c["name"]: c["type"] for c in t["columns"]}
        for t in SCHEMA.clickhouse["tables"]
    }
    problems = []
    for name, spec in SPECS.items():
        if SCHEMA.envelope.ARMS[name] != spec.arm or TRANSFORMERS.TABLES[name] != spec.table:
            problems.append(
                f"{name}: arm/table {SCHEMA.envelope.ARMS[name]}/{TRANSFORMERS.TABLES[name]}, "
                f"expected {spec.arm}/{spec.table}"
            )
        names = [c.name for c in COLUMNS[name]]
        if list(TRANSFORMERS.COLUMNS[name]) != names:
            problems.append(f"{name}: columns {TRANSFORMERS.COLUMNS[name]}, expected {names}")
        for column in COLUMNS[name]:
            actual = tables[spec.table].get(column.name)
            if actual != column.type:
                problems.append(f"{name}: column {column.name} is {actual} in the DDL, expected {column.type}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@settings(
    max_examples=EXAMPLES_PER_EVENT,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), pii_key=st.binary(max_size=16))
def test_roundtrip(
    clickhouse: Any, databases: dict[str, str], schemas: Path | None, event_type: str, data: st.DataObject,
    pii_key: bytes,
) -> None:
    spec = SPECS[event_type]
    events = data.draw(stamped_events(spec), label="events")
    columns = COLUMNS[event_type]
    expected = sorted(([c.get(s, pii_key) for c in columns] for s in events), key=lambda row: row[0].encode())

    batch = make_batch(SCHEMA.transport.StampedBatch, event_type, events)
    transformed = TRANSFORMERS.TRANSFORMERS[event_type](batch, pii_key=pii_key)
    rows = sorted((list(r) for r in zip(*transformed, strict=True)), key=lambda row: _as_bytes(row[0]))
    problems = differences(columns, expected, rows)
    assert not problems, f"transform_{event_type} differs from the documented mapping:\n" + "\n".join(problems)

    database, table = spec.table.split(".", 1)
    names = list(TRANSFORMERS.COLUMNS[event_type])
    clickhouse.insert(table, transformed, database=databases[database], column_names=names, column_oriented=True)
    prefix = events[0].event_id.split("/", 1)[0] + "/"
    problems = differences(columns, expected, stored(clickhouse, f"`{databases[database]}`.`{table}`", names, prefix))
    assert not problems, f"{spec.table} does not give back what was stored for {event_type}:\n" + "\n".join(problems)

    insert = INSERTS.get(event_type)
    if insert is None:
        return  # its columns are made in Python only (clickhouse/inserts.json says why)
    assert insert.columns == tuple(names)
    # The same events under ids of their own, as ingest encodes them and ClickHouse decodes them.
    body = encode_batch(event_type, [
        encode_event(f"n{e.event_id}".encode(), e.received_at_us, e.event_time_us,
                     NO_CLIENT_TIME if e.client_time_us is None else e.client_time_us, e.envelope) for e in events])
    decoded = SCHEMA.transport.StampedBatch.FromString(body)
    insert.run(clickhouse, f"`{databases[database]}`.`{table}`", [events_body(body, decoded)], f"n{prefix}",
               pii_parameters(pii_key), schemas=schemas)
    native = [[f"n{row[0]}", *row[1:]] for row in expected]
    problems = differences(columns, native, stored(clickhouse, f"`{databases[database]}`.`{table}`", names,
                                                   f"n{prefix}"))
    assert not problems, f"the protobuf insert of {event_type} stores otherwise:\n" + "\n".join(problems)


def stored(clickhouse: Any, table: str, names: list[str], prefix: str) -> list[list[Any]]:
    result = clickhouse.query(
        f"SELECT {', '.join(f'`{n}`' for n in names)} FROM {table} WHERE startsWith(event_id, %(prefix)s) "
        "ORDER BY event_id",
        parameters={"prefix": prefix},
        query_formats={"String": "bytes"},
    )
    return [list(r) for r in result.result_rows]
