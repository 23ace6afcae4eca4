"""ClickHouse SQL for the conversions the generated Python transformers make, value for value.

Each function mirrors one expression of the transformer template and columns.py, so the insert that
lets ClickHouse decode the protobuf stores what the Python transformer would have stored.
"""

from __future__ import annotations

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from .wire_view import Unsupported, sql_string

__all__ = ["PII_PARAMETERS", "case", "duration", "enum_name", "field", "map_from", "pii", "timestamp"]

# The query parameter the PII hash reads: the service's PII key, as hex (a parameter, never in the SQL text).
PII_PARAMETERS = ("pii_key",)


def field(number: int, kind: int) -> F:
    """A field descriptor for the fixed messages the view writes out (Timestamp's seconds, a map's key)."""
    return F(number=number, type=kind)


def pii(value: str) -> str:
    """Hex HMAC-SHA256 under the PII key (as transformers' `_pii`); empty stays empty."""
    return f"if({value} = '', {value}, lower(hex(HMAC('sha256', {value}, unhex({{{PII_PARAMETERS[0]}:String}})))))"


def enum_name(value: str, names: dict[int, str]) -> str:
    """The value's name; a number the schema does not know is kept as its digits (as transformers' _Names)."""
    numbers = ", ".join(str(n) for n in names)
    labels = ", ".join(sql_string(name) for name in names.values())
    return f"transform({value}, [{numbers}], [{labels}], toString({value}))"


def _micros(seconds: str, whole_micros: str, nullable: bool) -> str:
    # The arithmetic of the Python transformer on unbounded integers; a result outside Int64 fails the insert
    # (the event is then set apart by the transformer's path, as a Python int that does not fit would be).
    target = "Nullable(Int64)" if nullable else "Int64"
    return f"accurateCast(toInt128({seconds}) * 1000000 + {whole_micros}, '{target}')"


def timestamp(seconds: str, nanos: str, nullable: bool) -> str:
    """google.protobuf.Timestamp -> DateTime64(6): seconds * 10^6 + nanos // 1000 (floor division)."""
    floored = f"intDiv({nanos}, 1000) - (modulo({nanos}, 1000) < 0)"
    return f"fromUnixTimestamp64Micro({_micros(seconds, floored, nullable)}, 'UTC')"


def duration(seconds: str, nanos: str, nullable: bool) -> str:
    """google.protobuf.Duration -> microseconds: seconds * 10^6 + int(nanos / 1000) (truncated toward zero)."""
    return _micros(seconds, f"intDiv({nanos}, 1000)", nullable)


def case(members: list[tuple[str, str]]) -> str:
    """The name of the oneof member that is set, or '' (as `WhichOneof(...) or ""`): (member, its input)."""
    if not members:
        raise Unsupported("a oneof without members")
    arms = ", ".join(f"isNotNull({value}), {sql_string(name)}" for name, value in members)
    return f"multiIf({arms}, '')"


def map_from(entries: str, key: str, value: str) -> str:
    """A Map column from a map's entries (each `_e`): keys and values in wire order."""
    return f"mapFromArrays(arrayMap(_e -> {key}, {entries}), arrayMap(_e -> {value}, {entries}))"
