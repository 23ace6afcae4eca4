"""Hypothesis strategies that build random protobuf messages of any type from its descriptor.

`messages(descriptor)` covers what the wire format can carry, so that a round trip through the
generated transformers meets every edge: integers at their extremes, NaN, infinities, -0.0 and
subnormal doubles, float32-representable floats, unicode strings, non-UTF-8 bytes, unknown numbers of
open enums, nested messages (depth-limited), repeated fields, maps, oneofs with none or one member set,
proto3 `optional` set or not, and the well-known types within what ClickHouse stores: Timestamps
between 1900 and 2299 with any nanos, Durations over their whole range in both signs, wrappers,
Struct/Value/ListValue trees of finite numbers, Any and FieldMask. Sizes stay small (at most
MAX_ITEMS items per repeated field or map, MAX_CHARS characters per string) to keep tests fast.
"""

from __future__ import annotations

import math
import sys
from typing import Any

from google.protobuf import descriptor_pb2, message_factory, struct_pb2
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from hypothesis import strategies as st

__all__ = [
    "DEFAULT_DEPTH",
    "DURATION_MAX_SECONDS",
    "MAX_ITEMS",
    "TIMESTAMP_MAX_SECONDS",
    "TIMESTAMP_MIN_SECONDS",
    "durations",
    "json_trees",
    "messages",
    "timestamps",
]

# Deep enough for the schema's deepest path (event -> order -> line_items -> price_set -> shop_money).
DEFAULT_DEPTH = 6
MAX_ITEMS = 3
MAX_CHARS = 8
# ClickHouse DateTime64's range: 1900-01-01 00:00:00 to 2299-12-31 23:59:59 (UTC).
TIMESTAMP_MIN_SECONDS = -2_208_988_800
TIMESTAMP_MAX_SECONDS = 10_413_791_999
# google.protobuf.Duration's documented range: +-10,000 years.
DURATION_MAX_SECONDS = 315_576_000_000

_F = FieldDescriptor
_MESSAGES = (_F.TYPE_MESSAGE, _F.TYPE_GROUP)
_INF = math.inf


def _with_edges(values: st.SearchStrategy[Any], edges: list[Any]) -> st.SearchStrategy[Any]:
    """`values`, with its edge cases drawn often rather than by luck (hypothesis gives NaN ~1% of draws)."""
    return st.one_of(st.sampled_from(edges), values)


def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return _with_edges(st.integers(low, high), sorted({v for v in (low, high, 0, -1, 1) if low <= v <= high}))


_INT32 = _ints(-(2**31), 2**31 - 1)
_INT64 = _ints(-(2**63), 2**63 - 1)
_UINT32 = _ints(0, 2**32 - 1)
_UINT64 = _ints(0, 2**64 - 1)
# No surrogates: protobuf strings are UTF-8.
_TEXT = st.text(st.characters(codec="utf-8"), max_size=MAX_CHARS)
_DOUBLES = _with_edges(
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True),
    [math.nan, _INF, -_INF, -0.0, 5e-324, -2.2250738585072009e-308, sys.float_info.max, -sys.float_info.max],
)
# float32 values only (a float field stores 32 bits): its smallest subnormal and its largest finite value.
_FLOATS = _with_edges(
    st.floats(width=32, allow_nan=True, allow_infinity=True),
    [math.nan, _INF, -_INF, -0.0, 1.401298464324817e-45, -3.4028234663852886e38],
)
_SCALARS: dict[int, st.SearchStrategy[Any]] = {
    _F.TYPE_DOUBLE: _DOUBLES,
    _F.TYPE_FLOAT: _FLOATS,
    _F.TYPE_INT32: _INT32,
    _F.TYPE_SINT32: _INT32,
    _F.TYPE_SFIXED32: _INT32,
    _F.TYPE_INT64: _INT64,
    _F.TYPE_SINT64: _INT64,
    _F.TYPE_SFIXED64: _INT64,
    _F.TYPE_UINT32: _UINT32,
    _F.TYPE_FIXED32: _UINT32,
    _F.TYPE_UINT64: _UINT64,
    _F.TYPE_FIXED64: _UINT64,
    _F.TYPE_BOOL: st.booleans(),
    _F.TYPE_STRING: _TEXT,
    _F.TYPE_BYTES: st.binary(max_size=MAX_CHARS),
}


def timestamps() -> st.SearchStrategy[Timestamp]:
    """Timestamps ClickHouse's DateTime64 can hold, with any nanos."""
    return st.builds(
        Timestamp, seconds=_ints(TIMESTAMP_MIN_SECONDS, TIMESTAMP_MAX_SECONDS), nanos=_ints(0, 999_999_999)
    )


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    """Valid Durations: seconds and nanos share a sign, anywhere in the documented range."""
    seconds = draw(_ints(-DURATION_MAX_SECONDS, DURATION_MAX_SECONDS))
    nanos = draw(_ints(0, 999_999_999))
    negative = seconds < 0 or (seconds == 0 and draw(st.booleans()))
    return Duration(seconds=seconds, nanos=-nanos if negative else nanos)


def json_trees() -> st.SearchStrategy[Any]:
    """Small JSON-like trees with finite numbers, as google.protobuf.Value holds them."""
    leaves = st.none() | st.booleans() | st.floats(allow_nan=False, allow_infinity=False) | _TEXT
    return st.recursive(leaves, _json_containers, max_leaves=6)


def _json_containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=MAX_ITEMS) | st.dictionaries(_TEXT, children, max_size=MAX_ITEMS)


def _value(tree: Any) -> struct_pb2.Value:
    value = struct_pb2.Value()
    if tree is None:
        value.null_value = struct_pb2.NULL_VALUE
    elif isinstance(tree, bool):
        value.bool_value = tree
    elif isinstance(tree, float):
        value.number_value = tree
    elif isinstance(tree, str):
        value.string_value = tree
    elif isinstance(tree, list):
        value.list_value.SetInParent()
        for item in tree:
            value.list_value.values.add().CopyFrom(_value(item))
    else:
        value.struct_value.SetInParent()
        for key, item in tree.items():
            value.struct_value.fields[key].CopyFrom(_value(item))
    return value


def _struct(tree: dict[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    for key, item in tree.items():
        struct.fields[key].CopyFrom(_value(item))
    return struct


def _list_value(items: list[Any]) -> struct_pb2.ListValue:
    values = struct_pb2.ListValue()
    for item in items:
        values.values.add().CopyFrom(_value(item))
    return values


# A Value with no kind set is legal on the wire (it has no JSON form of its own).
_VALUES = st.one_of(json_trees().map(_value), st.just(struct_pb2.Value()))
_SPECIAL: dict[str, st.SearchStrategy[Message]] = {
    "google.protobuf.Timestamp": timestamps(),
    "google.protobuf.Duration": durations(),
    "google.protobuf.Value": _VALUES,
    "google.protobuf.Struct": st.dictionaries(_TEXT, json_trees(), max_size=MAX_ITEMS).map(_struct),
    "google.protobuf.ListValue": st.lists(json_trees(), max_size=MAX_ITEMS).map(_list_value),
}
_cache: dict[tuple[str, int], st.SearchStrategy[Message]] = {}


def messages(descriptor: Descriptor, depth: int = DEFAULT_DEPTH) -> st.SearchStrategy[Message]:
    """Random messages of the type `descriptor` describes; message fields nest at most `depth` deep.

    Other well-known types (wrappers, Any, FieldMask, Empty) are plain messages and need no special
    case: their fields' random values are what they may carry.
    """
    if descriptor.full_name in _SPECIAL:
        return _SPECIAL[descriptor.full_name]
    key = (descriptor.full_name, depth)
    if key not in _cache:
        _cache[key] = _message_strategy(descriptor, depth)
    return _cache[key]


def _message_strategy(descriptor: Descriptor, depth: int) -> st.SearchStrategy[Message]:
    cls = message_factory.GetMessageClass(descriptor)
    synthetic = _synthetic_oneofs(descriptor)
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for fd in descriptor.fields:
        oneof = fd.containing_oneof
        if oneof is not None and oneof.name not in synthetic:
            continue
        values = _field_values(fd, depth)
        if values is None:
            continue
        if not fd.is_repeated and fd.has_presence:
            values = st.none() | values
        parts[fd.name] = values
    for oneof in descriptor.oneofs:
        if oneof.name in synthetic:
            continue
        members = [
            st.tuples(st.just(fd.name), values)
            for fd in oneof.fields
            if (values := _field_values(fd, depth)) is not None
        ]
        parts[f"oneof {oneof.name}"] = st.one_of(st.none(), *members).map(lambda m: dict([m]) if m else {})

    def build(values: dict[str, Any]) -> Message:
        message = cls()
        for name, value in values.items():
            if name.startswith("oneof "):
                for member, member_value in value.items():
                    _assign(message, descriptor.fields_by_name[member], member_value)
            elif value is not None:
                _assign(message, descriptor.fields_by_name[name], value)
        return message

    return st.fixed_dictionaries(parts).map(build)


def _field_values(fd: FieldDescriptor, depth: int) -> st.SearchStrategy[Any] | None:
    """Values of one field (a list for repeated ones, a dict for maps); None when too deep to nest."""
    if _is_map(fd):
        key_fd, value_fd = fd.message_type.fields_by_name["key"], fd.message_type.fields_by_name["value"]
        values = _single_values(value_fd, depth)
        if values is None:
            return st.just({})
        return st.dictionaries(_single_values(key_fd, depth), values, max_size=MAX_ITEMS)
    values = _single_values(fd, depth)
    if fd.is_repeated:
        return st.just([]) if values is None else st.lists(values, max_size=MAX_ITEMS)
    return values


def _single_values(fd: FieldDescriptor, depth: int) -> st.SearchStrategy[Any] | None:
    if fd.type == _F.TYPE_ENUM:
        return _enum_values(fd.enum_type)
    if fd.type in _MESSAGES:
        child = fd.message_type
        if child.full_name.startswith("google.protobuf."):
            return messages(child, depth)
        return None if depth <= 0 else messages(child, depth - 1)
    return _SCALARS[fd.type]


def _enum_values(enum: EnumDescriptor) -> st.SearchStrategy[int]:
    known = st.sampled_from([v.number for v in enum.values])
    # Open (proto3) enums keep numbers they do not name; closed (proto2) ones do not.
    return known if enum.is_closed else known | _INT32


def _is_map(fd: FieldDescriptor) -> bool:
    return fd.type == _F.TYPE_MESSAGE and fd.message_type.GetOptions().map_entry


def _synthetic_oneofs(descriptor: Descriptor) -> set[str]:
    """The oneofs protoc makes for proto3 `optional` fields (the Python descriptor does not flag them)."""
    proto = descriptor_pb2.DescriptorProto()
    descriptor.CopyToProto(proto)
    return {proto.oneof_decl[f.oneof_index].name for f in proto.field if f.proto3_optional}


def _assign(message: Message, fd: FieldDescriptor, value: Any) -> None:
    if _is_map(fd):
        container = getattr(message, fd.name)
        for key, item in value.items():
            if isinstance(item, Message):
                container[key].CopyFrom(item)
            else:
                container[key] = item
    elif fd.is_repeated:
        container = getattr(message, fd.name)
        if fd.type in _MESSAGES:
            for item in value:
                container.add().CopyFrom(item)
        else:
            container.extend(value)
    elif fd.type in _MESSAGES:
        field = getattr(message, fd.name)
        field.CopyFrom(value)
        field.SetInParent()  # an empty message is still set
    else:
        setattr(message, fd.name, value)
