"""Columns of the well-known types: Timestamp, Duration, the wrappers, FieldMask, Any (one or two columns each),
Struct, Value and ListValue (JSON, made in Python only), Empty (none)."""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from . import native_sql as sql
from ._position import Where
from ._types import TIMESTAMP_TYPE
from .model import Column
from .wire_view import SqlRef, Unsupported

__all__ = ["WellKnownColumns"]

_WRAPPERS = {
    "google.protobuf.DoubleValue": "Float64", "google.protobuf.FloatValue": "Float32",
    "google.protobuf.Int64Value": "Int64", "google.protobuf.UInt64Value": "UInt64",
    "google.protobuf.Int32Value": "Int32", "google.protobuf.UInt32Value": "UInt32",
    "google.protobuf.BoolValue": "Bool", "google.protobuf.StringValue": "String",
    "google.protobuf.BytesValue": "String",
}
_JSON_TYPES = {"google.protobuf.Struct": "struct", "google.protobuf.Value": "value",
               "google.protobuf.ListValue": "list"}
# Well-known message types stored as one column: (type, conversion, value when unset or None for NULL).
WELL_KNOWN: dict[str, tuple[str, str, str | None]] = {
    "google.protobuf.Timestamp": (TIMESTAMP_TYPE, "{0}.seconds * 1000000 + {0}.nanos // 1000", None),
    "google.protobuf.Duration": ("Int64", "{0}.seconds * 1000000 + int({0}.nanos / 1000)", None),
    "google.protobuf.FieldMask": ("Array(String)", "{0}.paths[:]", "[]"),
    **{name: (ch_type, "{0}.value", None) for name, ch_type in _WRAPPERS.items()},
    **{name: ("String", f"_json_{kind}({{0}})", '""') for name, kind in _JSON_TYPES.items()},
}

# The fields of the well-known messages the view writes out: (number, type).
_SECONDS, _NANOS = sql.field(1, F.TYPE_INT64), sql.field(2, F.TYPE_INT32)
_WRAPPER_FIELDS = {
    "google.protobuf.DoubleValue": F.TYPE_DOUBLE, "google.protobuf.FloatValue": F.TYPE_FLOAT,
    "google.protobuf.Int64Value": F.TYPE_INT64, "google.protobuf.UInt64Value": F.TYPE_UINT64,
    "google.protobuf.Int32Value": F.TYPE_INT32, "google.protobuf.UInt32Value": F.TYPE_UINT32,
    "google.protobuf.BoolValue": F.TYPE_BOOL, "google.protobuf.StringValue": F.TYPE_STRING,
    "google.protobuf.BytesValue": F.TYPE_BYTES,
}


class WellKnownColumns:
    """The ColumnBuilder's part that maps well-known types (a mixin: `leaf` makes the columns)."""

    def _well_known(self, full_name: str, access: str, name: str, leaf: Any, repeated: bool,
                    where: Where, has: str, fd: F, entry: SqlRef | None = None) -> list[Column] | None:
        """Columns of a well-known type; `entry` is the map entry holding it as the value (field `fd`)."""
        parent = (lambda: entry) if entry is not None else (lambda: where.ref)
        if full_name == "google.protobuf.Any":
            if repeated:
                return [leaf("String", f"[_v.type_url for _v in {access}[:]]", column=f"{name}_type_url",
                             extra_depth=1, sql_value=lambda: _each(parent(), fd, sql.field(1, F.TYPE_STRING))),
                        leaf("String", f"[_v.value for _v in {access}[:]]", column=f"{name}_value", extra_depth=1,
                             sql_value=lambda: _each(parent(), fd, sql.field(2, F.TYPE_BYTES)))]
            return [leaf("String", f"{access}.type_url", column=f"{name}_type_url",
                         sql_value=lambda: parent().message(fd, "tuple").scalar(sql.field(1, F.TYPE_STRING), False)),
                    leaf("String", f"{access}.value", column=f"{name}_value",
                         sql_value=lambda: parent().message(fd, "tuple").scalar(sql.field(2, F.TYPE_BYTES), False))]
        if full_name == "google.protobuf.Empty":
            return []
        if full_name not in WELL_KNOWN:
            return None
        ch_type, template, unset = WELL_KNOWN[full_name]
        if repeated:
            return [leaf(ch_type, f"[{template.format('_v')} for _v in {access}[:]]", extra_depth=1,
                         sql_value=lambda: _each_well_known(parent(), fd, full_name))]
        mode = "nullable" if unset is None and entry is None else "tuple"
        value = lambda: _well_known_sql(parent().message(fd, mode), full_name)  # noqa: E731
        if unset is None:
            return [leaf(ch_type, template.format(access), nullable_=True, sql_value=value)]
        return [leaf(ch_type, f"({template.format(access)} if {has} else {unset})", sql_value=value)]


def _each(parent: SqlRef, fd: F, member: F) -> str:
    """One field of every element of a repeated message."""
    items, node = parent.items(fd)
    return f"arrayMap(_v -> {SqlRef(node, expr='_v').scalar(member, False)}, {items})"


def _each_well_known(parent: SqlRef, fd: F, full_name: str) -> str:
    items, node = parent.items(fd)
    return f"arrayMap(_v -> {_well_known_sql(SqlRef(node, expr='_v'), full_name)}, {items})"


def _well_known_sql(ref: SqlRef, full_name: str) -> str:
    """A one-column well-known type in ClickHouse's input, as its column holds it."""
    if full_name == "google.protobuf.Timestamp":
        return sql.timestamp(ref.scalar(_SECONDS, False, raw=True), ref.scalar(_NANOS, False, raw=True), ref.nullable)
    if full_name == "google.protobuf.Duration":
        return sql.duration(ref.scalar(_SECONDS, False, raw=True), ref.scalar(_NANOS, False, raw=True), ref.nullable)
    if full_name == "google.protobuf.FieldMask":
        return ref.repeated_scalar(sql.field(1, F.TYPE_STRING))
    if full_name in _WRAPPER_FIELDS:
        return ref.scalar(sql.field(1, _WRAPPER_FIELDS[full_name]), False, raw=True)
    raise Unsupported(f"{full_name} (JSON of a recursive message) is made in Python only")
