"""The names and ClickHouse types that flattening shares: proto scalars as column types, Nullable and Array
wrappers, snake_case column names, and the Python names the generated transformers use."""

from __future__ import annotations

import keyword
import re

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

__all__ = ["SCALARS", "TIMESTAMP_TYPE", "array", "attribute", "enum_constant", "nullable", "snake_case"]

SCALARS = {
    F.TYPE_DOUBLE: "Float64", F.TYPE_FLOAT: "Float32",
    F.TYPE_INT32: "Int32", F.TYPE_SINT32: "Int32", F.TYPE_SFIXED32: "Int32",
    F.TYPE_INT64: "Int64", F.TYPE_SINT64: "Int64", F.TYPE_SFIXED64: "Int64",
    F.TYPE_UINT32: "UInt32", F.TYPE_FIXED32: "UInt32",
    F.TYPE_UINT64: "UInt64", F.TYPE_FIXED64: "UInt64",
    F.TYPE_BOOL: "Bool", F.TYPE_STRING: "String", F.TYPE_BYTES: "String",
}
TIMESTAMP_TYPE = "DateTime64(6, 'UTC')"


def snake_case(name: str) -> str:
    """pageView -> page_view, HTTPStatus -> http_status, ShopifyOrder -> shopify_order."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


def nullable(ch_type: str) -> str:
    if ch_type.startswith("LowCardinality("):
        return f"LowCardinality(Nullable({ch_type[len('LowCardinality('):-1]}))"
    return f"Nullable({ch_type})"


def array(ch_type: str, depth: int) -> str:
    for _ in range(depth):
        ch_type = f"Array({ch_type})"
    return ch_type


def attribute(base: str, name: str) -> str:
    return f'getattr({base}, "{name}")' if keyword.iskeyword(name) else f"{base}.{name}"


def enum_constant(full_name: str) -> str:
    """The generated module's constant that maps an enum's numbers to names."""
    return "ENUM_" + full_name.replace(".", "_")
