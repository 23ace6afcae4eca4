"""Flattens a message into ClickHouse columns, each with the Python expression that fills it.

The type mapping (documented in the README):
  double Float64 · float Float32 · int32 sint32 sfixed32 Int32 · int64 sint64 sfixed64 Int64 ·
  uint32 fixed32 UInt32 · uint64 fixed64 UInt64 · bool Bool · string String · bytes String ·
  enum LowCardinality(String) holding the value's name (an unknown number is kept as its digits);
  a message field flattens into <field>_<subfield> columns; repeated T is Array(T), and a repeated
  message gives one Array column per subfield; map<K, scalar> is Map(K, V); map<K, message> gives
  <field>_key Array(K) plus one Array column per value subfield, sorted by key; proto3 `optional`
  and scalar oneof members are Nullable, and a oneof adds <oneof>_case with the set member's name;
  Timestamp DateTime64(6, 'UTC'); Duration Int64 microseconds; wrappers Nullable(T);
  Struct, Value and ListValue String holding JSON; Any <field>_type_url String and <field>_value
  String; FieldMask Array(String).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field, replace
from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from .config import GeneratorSettings
from .descriptors import DescriptorIndex, MessageInfo
from .errors import Location, SchemaError
from .model import Column, Gather

__all__ = ["ColumnBuilder", "nullable", "snake_case"]

_SCALARS = {
    F.TYPE_DOUBLE: "Float64", F.TYPE_FLOAT: "Float32",
    F.TYPE_INT32: "Int32", F.TYPE_SINT32: "Int32", F.TYPE_SFIXED32: "Int32",
    F.TYPE_INT64: "Int64", F.TYPE_SINT64: "Int64", F.TYPE_SFIXED64: "Int64",
    F.TYPE_UINT32: "UInt32", F.TYPE_FIXED32: "UInt32",
    F.TYPE_UINT64: "UInt64", F.TYPE_FIXED64: "UInt64",
    F.TYPE_BOOL: "Bool", F.TYPE_STRING: "String", F.TYPE_BYTES: "String",
}
_WRAPPERS = {
    "google.protobuf.DoubleValue": "Float64", "google.protobuf.FloatValue": "Float32",
    "google.protobuf.Int64Value": "Int64", "google.protobuf.UInt64Value": "UInt64",
    "google.protobuf.Int32Value": "Int32", "google.protobuf.UInt32Value": "UInt32",
    "google.protobuf.BoolValue": "Bool", "google.protobuf.StringValue": "String",
    "google.protobuf.BytesValue": "String",
}
_JSON_TYPES = {"google.protobuf.Struct": "struct", "google.protobuf.Value": "value",
               "google.protobuf.ListValue": "list"}
TIMESTAMP_TYPE = "DateTime64(6, 'UTC')"
# Well-known message types stored as one column: (type, conversion, value when unset or None for NULL).
_WELL_KNOWN: dict[str, tuple[str, str, str | None]] = {
    "google.protobuf.Timestamp": (TIMESTAMP_TYPE, "{0}.seconds * 1000000 + {0}.nanos // 1000", None),
    "google.protobuf.Duration": ("Int64", "{0}.seconds * 1000000 + int({0}.nanos / 1000)", None),
    "google.protobuf.FieldMask": ("Array(String)", "{0}.paths[:]", "[]"),
    **{name: (ch_type, "{0}.value", None) for name, ch_type in _WRAPPERS.items()},
    **{name: ("String", f"_json_{kind}({{0}})", '""') for name, kind in _JSON_TYPES.items()},
}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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


@dataclass(frozen=True)
class _Loop:
    var: str
    iterable: str


@dataclass
class _Draft:
    """A Gather while its message is flattened. Until the message is done its width is unknown, so
    its columns carry a placeholder naming their leaf, which `slice` then turns into the expression."""

    name: str
    items: str
    var: str
    parent: _Draft | None
    leaves: list[str] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return 1 if self.parent is None else self.parent.depth + 1

    def column(self, value: str) -> str:
        self.leaves.append(value)
        return f"{_LEAF}{len(self.leaves) - 1}"

    def slice(self, placeholder: str) -> str:
        """The expression of a column, from its placeholder: every width-th value from its leaf on."""
        assert placeholder.startswith(_LEAF), f"not a column of gather {self.name}: {placeholder!r}"
        return f"{self.name}[{placeholder.removeprefix(_LEAF)}::{len(self.leaves)}]"

    def frozen(self) -> Gather:
        parent = self.parent
        return Gather(self.name, self.items, self.var, tuple(self.leaves), parent.name if parent else "")


_LEAF = "\0leaf "


@dataclass(frozen=True)
class _Where:
    """Where flattening stands: the Python base expression, the column prefix, the origin path, and the
    repeated message (gather) and comprehension loops the base lives in."""

    base: str
    prefix: str
    origin: str
    loops: tuple[_Loop, ...] = ()
    stack: tuple[str, ...] = ()
    gather: _Draft | None = None

    @property
    def depth(self) -> int:
        """How many arrays deep a column is here."""
        return (self.gather.depth if self.gather else 0) + len(self.loops)

    def emit(self, value: str) -> str:
        """The column expression for a value computed here."""
        value = _wrap(value, self.loops)
        return self.gather.column(value) if self.gather else value


@dataclass
class ColumnBuilder:
    """Turns messages into columns; collects what cannot be mapped as schema errors."""

    index: DescriptorIndex
    settings: GeneratorSettings
    errors: list[SchemaError] = field(default_factory=list)
    enums: set[str] = field(default_factory=set)
    renames_used: set[str] = field(default_factory=set)
    # Locals the transformer assigns once per event, so a submessage shared by many columns is
    # fetched from the decoded message once: (name, expression), in order.
    _bindings: list[tuple[str, str]] = field(default_factory=list)
    _gathers: list[_Draft] = field(default_factory=list)
    _local_prefix: str = "_m"

    def flatten(self, info: MessageInfo, base: str, prefix: str = "", exclude: frozenset[str] = frozenset(),
                local_prefix: str = "_m") -> tuple[list[Column], tuple[tuple[str, str], ...], tuple[Gather, ...]]:
        """The message's columns, the locals their expressions use, and its repeated messages."""
        self._bindings, self._gathers, self._local_prefix = [], [], local_prefix
        columns = self._message(info, _Where(base, prefix, info.full_name, (), (info.full_name,)), exclude)
        # A repeated message without columns (every field skipped or Empty) needs no loop.
        return columns, tuple(self._bindings), tuple(g.frozen() for g in self._gathers if g.leaves)

    def _bind(self, expression: str, where: _Where) -> str:
        """A per-event local for `expression`; per item (a gather, a comprehension) it stays an expression."""
        if where.loops or where.gather:
            return expression
        for name, bound in self._bindings:
            if bound == expression:
                return name
        name = f"{self._local_prefix}{len(self._bindings)}"
        self._bindings.append((name, expression))
        return name

    def _message(self, info: MessageInfo, where: _Where, exclude: frozenset[str] = frozenset()) -> list[Column]:
        columns: list[Column] = []
        real_oneofs = {f.oneof_index for f in info.proto.field if f.HasField("oneof_index") and not f.proto3_optional}
        seen_oneofs: set[int] = set()
        for i, fd in enumerate(info.proto.field):
            if fd.name in exclude:
                continue
            in_oneof = fd.HasField("oneof_index") and fd.oneof_index in real_oneofs
            if in_oneof and fd.oneof_index not in seen_oneofs:
                seen_oneofs.add(fd.oneof_index)
                columns.append(self._oneof_case(info, fd.oneof_index, where))
            columns.extend(self._field(info, i, fd, where, in_oneof))
        return columns

    def _gather(self, items: str, where: _Where) -> _Draft:
        draft = _Draft(f"{self._local_prefix}r{len(self._gathers)}", items, f"_i{where.depth + 1}", where.gather)
        self._gathers.append(draft)
        return draft

    def _oneof_case(self, info: MessageInfo, oneof_index: int, where: _Where) -> Column:
        name = info.proto.oneof_decl[oneof_index].name
        path = self.index.oneof_path(info, oneof_index)
        return self._column(
            f"{where.prefix}{snake_case(name)}_case", "LowCardinality(String)",
            f'({where.base}.WhichOneof("{name}") or "")', where, f"{where.origin}.{name}",
            self.index.location(info.file, path),
            self.index.comment(info.file, path) or f"which member of {name} is set")

    def _field(self, info: MessageInfo, i: int, fd: F, where: _Where, in_oneof: bool) -> list[Column]:
        path = self.index.field_path(info, i)
        location = self.index.location(info.file, path)
        opts = self.index.option(fd.options, "FieldOptions", "eventgen.field")
        pii = _enum_name(opts, "pii") if opts is not None else "PII_KEEP"
        if (opts is not None and opts.skip) or pii == "PII_DROP":
            return []
        configured = self.settings.column_rename(f"{info.full_name}.{fd.name}")
        if configured:
            self.renames_used.add(f"{info.full_name}.{fd.name}")
        rename = configured or (opts.column if opts is not None else "")
        if rename and not _IDENTIFIER.match(rename):
            self._error(location, f"column name {rename!r} for field {info.full_name}.{fd.name} is not an identifier",
                        "use letters, digits and underscores, starting with a letter")
        name = rename or f"{where.prefix}{snake_case(fd.name)}"
        inline = opts is not None and opts.inline
        access = attribute(where.base, fd.name)
        origin = f"{where.origin}.{fd.name}#{fd.number}"
        description = self.index.comment(info.file, path)
        repeated = fd.label == F.LABEL_REPEATED
        syntax = self.index.files[info.file].syntax or "proto2"
        present = in_oneof or fd.proto3_optional or (
            syntax == "proto2" and not repeated and fd.type != F.TYPE_MESSAGE)
        has = f'{where.base}.HasField("{fd.name}")'
        override = opts.clickhouse_type if opts is not None else ""
        hashed = pii == "PII_HASH"
        if hashed and fd.type not in (F.TYPE_STRING, F.TYPE_BYTES):
            self._error(location, f"field {info.full_name}.{fd.name} asks for PII hashing but is not a string or bytes",
                        "hash only string or bytes fields; use pii: PII_DROP to leave others out")
            hashed = False

        def leaf(ch_type: str, value: str, *, nullable_: bool = False, column: str = name,
                 at: _Where = where, extra_depth: int = 0, hash_: bool = True) -> Column:
            if hashed and hash_:
                value = f"_pii({value}, pii_key)"
                ch_type = "String" if not ch_type.startswith("Array") else "Array(String)"
            if nullable_:
                value = f"({value} if {has} else None)"
                ch_type = nullable(ch_type)
            ch_type = array(ch_type, extra_depth)
            codec = ""
            if override:
                # The override is the field's own type; repeated parents still make it an Array.
                ch_type, _, codec = override.partition(" CODEC")
                codec = f"CODEC{codec}" if codec else ""
            return Column(column, array(ch_type, at.depth), origin, at.emit(value), description, location, codec)

        if fd.type == F.TYPE_GROUP:
            self._error(location, f"field {info.full_name}.{fd.name} is a proto2 group, which has no column mapping",
                        "declare it as a nested message field instead, or skip it with [(eventgen.field).skip = true]")
            return []
        if fd.type == F.TYPE_MESSAGE:
            child = self.index.messages[fd.type_name.lstrip(".")]
            if child.full_name == "google.protobuf.Empty":
                return []
            if not repeated:
                access = self._bind(access, where)
            if child.is_map_entry:
                return self._map(child, fd, name, access, origin, where, location, leaf)
            wkt = self._well_known(child.full_name, access, name, leaf, repeated, where, has)
            if wkt is not None:
                return wkt
            if child.full_name in where.stack:
                chain = " -> ".join((*where.stack, child.full_name))
                self._error(location, f"field {info.full_name}.{fd.name} makes {child.full_name} contain itself "
                            f"({chain}); a recursive message cannot be flattened into columns",
                            "skip the field with [(eventgen.field).skip = true], or carry it as google.protobuf.Struct")
                return []
            prefix = where.prefix if inline else f"{name}_"
            if rename and not inline:
                prefix = f"{rename}_"
            stack = (*where.stack, child.full_name)
            if repeated and where.loops:  # inside a map's values: a comprehension per column
                var = f"_i{where.depth + 1}"
                loops = (*where.loops, _Loop(var, f"{access}[:]"))
                return self._message(child, _Where(var, prefix, origin, loops, stack, where.gather))
            if repeated:
                gather = self._gather(f"{access}[:]", where)
                columns = self._message(child, _Where(gather.var, prefix, origin, (), stack, gather))
                return [replace(c, expression=where.emit(gather.slice(c.expression))) for c in columns]
            return self._message(child, _Where(access, prefix, origin, where.loops, stack, where.gather))
        if fd.type == F.TYPE_ENUM:
            enum = fd.type_name.lstrip(".")
            self.enums.add(enum)
            table = enum_constant(enum)
            if repeated:
                return [leaf("LowCardinality(String)", f"[{table}[_v] for _v in {access}[:]]", extra_depth=1)]
            return [leaf("LowCardinality(String)", f"{table}[{access}]", nullable_=present)]
        ch_type = _SCALARS[fd.type]
        if repeated:
            if hashed:
                return [leaf("String", f"[_pii(_v, pii_key) for _v in {access}[:]]", extra_depth=1, hash_=False)]
            return [leaf(ch_type, f"{access}[:]", extra_depth=1)]
        return [leaf(ch_type, access, nullable_=present)]

    def _well_known(self, full_name: str, access: str, name: str, leaf: Any, repeated: bool,
                    where: _Where, has: str) -> list[Column] | None:
        if full_name == "google.protobuf.Any":
            if repeated:
                return [leaf("String", f"[_v.type_url for _v in {access}[:]]", column=f"{name}_type_url",
                             extra_depth=1),
                        leaf("String", f"[_v.value for _v in {access}[:]]", column=f"{name}_value", extra_depth=1)]
            return [leaf("String", f"{access}.type_url", column=f"{name}_type_url"),
                    leaf("String", f"{access}.value", column=f"{name}_value")]
        if full_name == "google.protobuf.Empty":
            return []
        if full_name not in _WELL_KNOWN:
            return None
        ch_type, template, unset = _WELL_KNOWN[full_name]
        if repeated:
            return [leaf(ch_type, f"[{template.format('_v')} for _v in {access}[:]]", extra_depth=1)]
        if unset is None:
            return [leaf(ch_type, template.format(access), nullable_=True)]
        return [leaf(ch_type, f"({template.format(access)} if {has} else {unset})")]

    def _map(self, entry: MessageInfo, fd: F, name: str, access: str, origin: str, where: _Where,
             location: Location, leaf: Any) -> list[Column]:
        key_fd, value_fd = entry.proto.field[0], entry.proto.field[1]
        key_type = _SCALARS[key_fd.type]
        # A dict made by indexing the map with its own keys: with upb maps, faster than dict(map) or items().
        container = self._bind(access, where)
        if value_fd.type == F.TYPE_ENUM:
            enum = value_fd.type_name.lstrip(".")
            self.enums.add(enum)
            table = enum_constant(enum)
            return [leaf(f"Map({key_type}, String)", f"{{_k: {table}[{container}[_k]] for _k in {container}}}")]
        if value_fd.type != F.TYPE_MESSAGE:
            copied = f"{{_k: {container}[_k] for _k in {container}}}"
            return [leaf(f"Map({key_type}, {_SCALARS[value_fd.type]})", copied)]
        # A map of messages: parallel arrays, one for the keys and one per value column, by key order.
        var = f"_k{where.depth + 1}"
        loops = (*where.loops, _Loop(var, self._bind(f"sorted({container})", where)))
        at = _Where(f"{container}[{var}]", f"{name}_", f"{origin}.value", loops, where.stack, where.gather)
        key_column = Column(f"{name}_key", array(key_type, at.depth), f"{origin}.key",
                            at.emit(var), f"keys of {fd.name}", location)
        value = self.index.messages[value_fd.type_name.lstrip(".")]
        value_leaf = _value_leaf(name, at, origin, location)
        wkt = self._well_known(value.full_name, at.base, f"{name}_value", value_leaf, False, at, "True")
        if wkt is not None:
            return [key_column, *wkt]
        if value.full_name in where.stack:
            self._error(location, f"map {fd.name} holds {value.full_name}, which contains itself",
                        "skip the field with [(eventgen.field).skip = true]")
            return [key_column]
        return [key_column, *self._message(value, _Where(at.base, at.prefix, at.origin, loops,
                                                          (*where.stack, value.full_name), where.gather))]

    def _column(self, name: str, ch_type: str, value: str, where: _Where, origin: str,
                location: Location, description: str) -> Column:
        return Column(name, array(ch_type, where.depth), origin, where.emit(value), description, location)

    def _error(self, location: Location, message: str, hint: str) -> None:
        self.errors.append(SchemaError(location, message, hint))


def _wrap(value: str, loops: tuple[_Loop, ...]) -> str:
    for loop in reversed(loops):
        value = f"[{value} for {loop.var} in {loop.iterable}]"
    return value


def _value_leaf(name: str, at: _Where, origin: str, location: Location) -> Any:
    def leaf(ch_type: str, value: str, *, nullable_: bool = False, column: str = f"{name}_value",
             extra_depth: int = 0, **_: Any) -> Column:
        return Column(column, array(ch_type, at.depth + extra_depth), f"{origin}.value", at.emit(value), "", location)
    return leaf


def enum_constant(full_name: str) -> str:
    """The generated module's constant that maps an enum's numbers to names."""
    return "ENUM_" + full_name.replace(".", "_")


def _enum_name(options: Any, field_name: str) -> str:
    value = getattr(options, field_name)
    return options.DESCRIPTOR.fields_by_name[field_name].enum_type.values_by_number[value].name
