"""What ClickHouse reads of a stamped event when it decodes the protobuf itself.

For every event type the generator also writes the insert that lets ClickHouse parse the stamped events
(ProtobufList) and compute the table's columns in SQL, so the sink hands over message bodies as they came
instead of transforming events in Python. This module records which fields of the wire format the columns
read, and renders them as

- a self-contained .proto, the *view*: only the fields read, each named f<number>, with the well-known
  types written out, so ClickHouse needs no schema files and no imports (`format_schema_source='string'`);
- the input structure of the reader: flat columns (`f5.f4.f1`) along singular messages, Tuple,
  Nullable(Tuple) (where presence matters) and Array(Tuple) types below them.

Field names f<number> keep ClickHouse's name matching exact: no case folding, no keywords, no prefixes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

__all__ = ["ENVELOPE_NUMBER", "ROW_MESSAGE", "SqlRef", "Unsupported", "WireField", "WireMessage", "WireNode",
           "render_view", "sql_string"]

# The row message of the view: eventgen.StampedEvent (eventgen/transport.proto), field by field.
ROW_MESSAGE = "StampedEvent"
ENVELOPE_NUMBER = 5

_PROTO_TYPES = {
    F.TYPE_DOUBLE: "double", F.TYPE_FLOAT: "float", F.TYPE_INT64: "int64", F.TYPE_UINT64: "uint64",
    F.TYPE_INT32: "int32", F.TYPE_FIXED64: "fixed64", F.TYPE_FIXED32: "fixed32", F.TYPE_BOOL: "bool",
    F.TYPE_STRING: "string", F.TYPE_BYTES: "bytes", F.TYPE_UINT32: "uint32", F.TYPE_SFIXED32: "sfixed32",
    F.TYPE_SFIXED64: "sfixed64", F.TYPE_SINT32: "sint32", F.TYPE_SINT64: "sint64",
    # An enum is read as its number; the SQL names it, keeping numbers the schema does not know as digits.
    F.TYPE_ENUM: "int32",
}
_INPUT_TYPES = {
    F.TYPE_DOUBLE: "Float64", F.TYPE_FLOAT: "Float32",
    F.TYPE_INT32: "Int32", F.TYPE_SINT32: "Int32", F.TYPE_SFIXED32: "Int32",
    F.TYPE_INT64: "Int64", F.TYPE_SINT64: "Int64", F.TYPE_SFIXED64: "Int64",
    F.TYPE_UINT32: "UInt32", F.TYPE_FIXED32: "UInt32", F.TYPE_UINT64: "UInt64", F.TYPE_FIXED64: "UInt64",
    F.TYPE_BOOL: "Bool", F.TYPE_STRING: "String", F.TYPE_BYTES: "String", F.TYPE_ENUM: "Int32",
}
_DEFAULTS = {"String": "''", "Bool": "false"}


class Unsupported(Exception):
    """A column ClickHouse cannot compute from the wire format (the event stays on the Python transformer)."""


@dataclass
class WireNode:
    """A message of the view while columns are flattened: the fields read, by number."""

    fields: dict[int, _Field] = field(default_factory=dict)

    def freeze(self) -> WireMessage:
        return WireMessage(tuple(f.freeze() for _, f in sorted(self.fields.items())))


@dataclass
class _Field:
    number: int
    proto_type: str  # the scalar's proto type; "" for a message
    repeated: bool
    input_type: str  # a leaf's ClickHouse input type; "" for a message
    # How a message is read: "path" (flat columns), "tuple", "nullable" (Nullable(Tuple): presence matters),
    # "array" (a repeated message or a map's entries: Array(Tuple)).
    mode: str = ""
    node: WireNode | None = None

    def freeze(self) -> WireField:
        return WireField(self.number, self.proto_type, self.repeated, self.input_type, self.mode,
                         self.node.freeze() if self.node is not None else None)


@dataclass(frozen=True)
class WireMessage:
    fields: tuple[WireField, ...] = ()

    def merged(self, other: WireMessage) -> WireMessage:
        """Both messages' fields (the envelope's own and an event's arm); a field read by both is read once."""
        by_number = {f.number: f for f in self.fields}
        for f in other.fields:
            mine = by_number.get(f.number)
            by_number[f.number] = f if mine is None else mine.merged(f)
        return WireMessage(tuple(f for _, f in sorted(by_number.items())))


@dataclass(frozen=True)
class WireField:
    number: int
    proto_type: str
    repeated: bool
    input_type: str
    mode: str
    message: WireMessage | None

    def merged(self, other: WireField) -> WireField:
        if (self.mode, self.input_type, self.repeated) != (other.mode, other.input_type, other.repeated):
            raise Unsupported(f"field {self.number} is read two ways")
        if self.message is None or other.message is None:
            return self
        return WireField(self.number, self.proto_type, self.repeated, self.input_type, self.mode,
                         self.message.merged(other.message))


def nullable(ch_type: str) -> str:
    return f"Nullable({ch_type})"


@dataclass(frozen=True)
class SqlRef:
    """Where flattening stands in ClickHouse's input: a message read by path (flat input columns named
    `path.f<n>`) or inside a tuple expression; `nullable` when that tuple may be NULL (an unset oneof member),
    so its leaves fall back to their defaults as protobuf's do."""

    node: WireNode
    path: str = ""
    expr: str = ""
    nullable: bool = False

    def _name(self, number: int) -> str:
        return f"`{self.path}.f{number}`" if self.path else f"{self.expr}.f{number}"

    def _register(self, number: int, proto_type: str, repeated: bool, input_type: str, mode: str = "") -> _Field:
        wanted = _Field(number, proto_type, repeated, input_type, mode, WireNode() if mode else None)
        known = self.node.fields.setdefault(number, wanted)
        if (known.proto_type, known.repeated, known.input_type) != (proto_type, repeated, input_type):
            raise Unsupported(f"field {number} is read as {known.input_type or known.mode} and {input_type or mode}")
        return known

    def scalar(self, fd: F, present: bool, raw: bool = False) -> str:
        """A singular scalar or enum (its number); Nullable when its presence is tracked. Read from a tuple
        that may be NULL, it falls back to its default, unless `raw` (a well-known type, NULL when unset)."""
        base = _INPUT_TYPES[fd.type]
        input_type = nullable(base) if present else base
        self._register(fd.number, _proto_type(fd), False, input_type)
        name = self._name(fd.number)
        if self.nullable and not present and not raw:
            return f"ifNull({name}, {_DEFAULTS.get(base, '0')})"
        return name

    def repeated_scalar(self, fd: F) -> str:
        self._register(fd.number, _proto_type(fd), True, f"Array({_INPUT_TYPES[fd.type]})")
        return self._name(fd.number)

    def message(self, fd: F, mode: str) -> SqlRef:
        """A singular message: by path where it can be, else a (Nullable) tuple."""
        if mode == "path" and (not self.path or self.nullable):
            mode = "tuple"
        known = self.node.fields.get(fd.number)
        if known is not None and known.mode == "nullable" and mode in ("tuple", "path"):
            mode = "nullable"  # a oneof member: registered for its presence first
        registered = self._register(fd.number, "", False, "", mode)
        if registered.mode != mode:
            raise Unsupported(f"message field {fd.number} is read as {registered.mode} and as {mode}")
        assert registered.node is not None
        if mode == "path":
            return SqlRef(registered.node, path=f"{self.path}.f{fd.number}")
        return SqlRef(registered.node, expr=self._name(fd.number), nullable=self.nullable or mode == "nullable")

    def items(self, fd: F) -> tuple[str, WireNode]:
        """A repeated message (or a map's entries): the Array(Tuple) expression and the element's node."""
        registered = self._register(fd.number, "", True, "", "array")
        assert registered.node is not None
        return self._name(fd.number), registered.node


def _proto_type(fd: F) -> str:
    try:
        return _PROTO_TYPES[fd.type]
    except KeyError:
        raise Unsupported(f"field type {fd.type} has no view") from None


def sql_string(value: str | bytes) -> str:
    """A ClickHouse string literal."""
    text = value.decode() if isinstance(value, bytes) else value
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def render_view(row: WireMessage) -> tuple[str, str]:
    """(the view .proto, the reader's input structure) of a row message."""
    names: dict[int, str] = {}
    messages: list[str] = []

    def message_name(message: WireMessage) -> str:
        key = id(message)
        if key not in names:
            names[key] = ROW_MESSAGE if not names else f"M{len(names)}"
            body = []
            for f in message.fields:
                kind = message_name(f.message) if f.message is not None else f.proto_type
                body.append(f"  {'repeated ' if f.repeated else ''}{kind} f{f.number} = {f.number};")
            messages.append(f"message {names[key]} {{\n" + "\n".join(body) + ("\n" if body else "") + "}")
        return names[key]

    message_name(row)
    view = 'syntax = "proto3";\n\n' + "\n\n".join(sorted(messages, key=_row_first)) + "\n"
    return view, ", ".join(_columns(row, ""))


def _row_first(message: str) -> tuple[int, int]:
    name = message.split(" ", 2)[1]
    return (0, 0) if name == ROW_MESSAGE else (1, int(name[1:]))


def _columns(message: WireMessage, prefix: str) -> list[str]:
    columns = []
    for f in message.fields:
        name = f"{prefix}f{f.number}"
        if f.message is not None and f.mode == "path":
            columns += _columns(f.message, f"{name}.")
        else:
            columns.append(f"`{name}` {_input_type(f)}")
    return columns


def _input_type(f: WireField) -> str:
    if f.message is None:
        return f.input_type
    inner = "Tuple(" + ", ".join(f"f{c.number} {_input_type(c)}" for c in f.message.fields) + ")"
    return {"tuple": inner, "path": inner, "nullable": f"Nullable({inner})", "array": f"Array({inner})"}[f.mode]
