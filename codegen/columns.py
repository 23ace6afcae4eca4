"""Flattens a message into ClickHouse columns, each with the Python expression that fills it (the generated
transformer) and the SQL that computes it from the stamped event as ClickHouse decodes it (the generated protobuf
insert, see wire_view.py), where ClickHouse can.

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

import re
from dataclasses import dataclass, field, replace
from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from . import native_sql as sql
from ._maps import MapColumns
from ._position import Draft, Loop, Where
from ._types import SCALARS, TIMESTAMP_TYPE, array, attribute, enum_constant, nullable, snake_case
from ._well_known import WellKnownColumns
from .config import GeneratorSettings
from .descriptors import DescriptorIndex, MessageInfo
from .errors import Location, SchemaError
from .model import Column, Gather
from .wire_view import SqlRef, Unsupported, WireMessage, WireNode

__all__ = ["TIMESTAMP_TYPE", "ColumnBuilder", "Flattened", "attribute", "enum_constant", "nullable", "snake_case"]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Flattened:
    """A message's columns, the locals their Python expressions use, its repeated messages, and what ClickHouse
    reads of the wire format to compute the columns itself (`native_error` says why it cannot, if it cannot)."""

    columns: tuple[Column, ...]
    bindings: tuple[tuple[str, str], ...]
    gathers: tuple[Gather, ...]
    wire: WireMessage
    native_error: str = ""


@dataclass
class ColumnBuilder(WellKnownColumns, MapColumns):
    """Turns messages into columns; collects what cannot be mapped as schema errors."""

    index: DescriptorIndex
    settings: GeneratorSettings
    errors: list[SchemaError] = field(default_factory=list)
    enums: set[str] = field(default_factory=set)
    renames_used: set[str] = field(default_factory=set)
    # Locals the transformer assigns once per event, so a submessage shared by many columns is
    # fetched from the decoded message once: (name, expression), in order.
    _bindings: list[tuple[str, str]] = field(default_factory=list)
    _gathers: list[Draft] = field(default_factory=list)
    _local_prefix: str = "_m"
    _native_error: str = ""

    def flatten(self, info: MessageInfo, base: str, prefix: str = "", exclude: frozenset[str] = frozenset(),
                local_prefix: str = "_m", wire_path: str = "") -> Flattened:
        """The message's columns; `wire_path` is where ClickHouse's input holds the message ("f5" for the
        envelope of a stamped event)."""
        self._bindings, self._gathers, self._local_prefix, self._native_error = [], [], local_prefix, ""
        node = WireNode()
        root = Where(base, prefix, info.full_name, (), (info.full_name,), sql=SqlRef(node, path=wire_path))
        columns = self._message(info, root, exclude)
        if not self._native_error and any(not c.sql for c in columns):
            self._native_error = "a column has no ClickHouse expression"
        # A repeated message without columns (every field skipped or Empty) needs no loop.
        return Flattened(tuple(columns), tuple(self._bindings), tuple(g.frozen() for g in self._gathers if g.leaves),
                         node.freeze(), self._native_error)

    def _sql(self, make: Any) -> str:
        """ClickHouse's expression for a column, or "" (and why, once) when it has none."""
        if self._native_error:
            return ""
        try:
            return make()
        except Unsupported as exc:
            self._native_error = str(exc)
            return ""

    def _bind(self, expression: str, where: Where) -> str:
        """A per-event local for `expression`; per item (a gather, a comprehension) it stays an expression."""
        if where.loops or where.gather:
            return expression
        for name, bound in self._bindings:
            if bound == expression:
                return name
        name = f"{self._local_prefix}{len(self._bindings)}"
        self._bindings.append((name, expression))
        return name

    def _message(self, info: MessageInfo, where: Where, exclude: frozenset[str] = frozenset()) -> list[Column]:
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

    def _gather(self, items: str, where: Where) -> Draft:
        draft = Draft(f"{self._local_prefix}r{len(self._gathers)}", items, f"_i{where.depth + 1}", where.gather)
        self._gathers.append(draft)
        return draft

    def _oneof_case(self, info: MessageInfo, oneof_index: int, where: Where) -> Column:
        name = info.proto.oneof_decl[oneof_index].name
        path = self.index.oneof_path(info, oneof_index)

        def members() -> str:
            # Every member is read for its presence, even one whose own columns are skipped.
            found = []
            for fd in info.proto.field:
                if fd.HasField("oneof_index") and fd.oneof_index == oneof_index:
                    value = (where.ref.message(fd, "nullable").expr if fd.type == F.TYPE_MESSAGE
                             else where.ref.scalar(fd, present=True))
                    found.append((fd.name, value))
            return where.emit_sql(sql.case(found))

        return self._column(
            f"{where.prefix}{snake_case(name)}_case", "LowCardinality(String)",
            f'({where.base}.WhichOneof("{name}") or "")', where, f"{where.origin}.{name}",
            self.index.location(info.file, path),
            self.index.comment(info.file, path) or f"which member of {name} is set", self._sql(members))

    def _field(self, info: MessageInfo, i: int, fd: F, where: Where, in_oneof: bool) -> list[Column]:
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
                 at: Where = where, extra_depth: int = 0, hash_: bool = True, sql_value: Any = None) -> Column:
            """`sql_value` makes the value in ClickHouse's input (None: it cannot be read there)."""
            natural = ch_type
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

            def native() -> str:
                if sql_value is None:
                    raise Unsupported(f"{origin} has no ClickHouse expression")
                if override and _plain_type(ch_type) != _plain_type(array(nullable(natural) if nullable_ else natural,
                                                                          extra_depth)):
                    raise Unsupported(f"{origin} overrides its type with {ch_type}")
                made = sql_value()
                return at.emit_sql(sql.pii(made) if hashed and hash_ else made)

            return Column(column, array(ch_type, at.depth), origin, at.emit(value), description, location, codec,
                          self._sql(native))

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
            wkt = self._well_known(child.full_name, access, name, leaf, repeated, where, has, fd)
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
            if repeated:
                sql_ref, scopes = self._items(fd, where)
                if where.loops:  # inside a map's values: a comprehension per column
                    var = f"_i{where.depth + 1}"
                    loops = (*where.loops, Loop(var, f"{access}[:]"))
                    return self._message(child, Where(var, prefix, origin, loops, stack, where.gather, sql_ref,
                                                       scopes))
                gather = self._gather(f"{access}[:]", where)
                columns = self._message(child, Where(gather.var, prefix, origin, (), stack, gather, sql_ref, scopes))
                return [replace(c, expression=where.emit(gather.slice(c.expression))) for c in columns]
            sql_ref = self._nested(lambda: where.ref.message(fd, "path"))
            return self._message(child, Where(access, prefix, origin, where.loops, stack, where.gather, sql_ref,
                                               where.sql_scopes))
        if fd.type == F.TYPE_ENUM:
            enum = fd.type_name.lstrip(".")
            self.enums.add(enum)
            table = enum_constant(enum)
            names = self._enum_names(enum, syntax)
            if repeated:
                return [leaf("LowCardinality(String)", f"[{table}[_v] for _v in {access}[:]]", extra_depth=1,
                             sql_value=lambda: f"arrayMap(_v -> {sql.enum_name('_v', names())}, "
                                               f"{where.ref.repeated_scalar(fd)})")]
            return [leaf("LowCardinality(String)", f"{table}[{access}]", nullable_=present,
                         sql_value=lambda: sql.enum_name(where.ref.scalar(fd, present), names()))]
        ch_type = SCALARS[fd.type]
        if repeated:
            if hashed:
                return [leaf("String", f"[_pii(_v, pii_key) for _v in {access}[:]]", extra_depth=1, hash_=False,
                             sql_value=lambda: f"arrayMap(_v -> {sql.pii('_v')}, {where.ref.repeated_scalar(fd)})")]
            return [leaf(ch_type, f"{access}[:]", extra_depth=1, sql_value=lambda: where.ref.repeated_scalar(fd))]
        return [leaf(ch_type, access, nullable_=present, sql_value=lambda: where.ref.scalar(fd, present))]

    def _nested(self, make: Any) -> SqlRef | None:
        """A submessage's place in ClickHouse's input, or None (and why) when it has none."""
        if self._native_error:
            return None
        try:
            return make()
        except Unsupported as exc:
            self._native_error = str(exc)
            return None

    def _items(self, fd: F, where: Where) -> tuple[SqlRef | None, tuple[tuple[str, str], ...]]:
        """A repeated message's elements in ClickHouse's input: each is the lambda variable of one arrayMap."""
        found = self._nested(lambda: where.ref.items(fd))
        if found is None:
            return None, where.sql_scopes
        items, node = found  # type: ignore[misc]
        var = f"_x{len(where.sql_scopes) + 1}"
        return where.scoped(var, items, SqlRef(node, expr=var))

    def _enum_names(self, enum: str, syntax: str) -> Any:
        def names() -> dict[int, str]:
            if syntax != "proto3":
                # A closed (proto2) enum's unknown numbers are unknown fields to protobuf, not values.
                raise Unsupported(f"enum {enum} is closed (proto2)")
            return {v.number: v.name for v in self.index.enums[enum].value}
        return names

    def _column(self, name: str, ch_type: str, value: str, where: Where, origin: str,
                location: Location, description: str, sql_value: str = "") -> Column:
        return Column(name, array(ch_type, where.depth), origin, where.emit(value), description, location,
                      sql=sql_value)

    def _error(self, location: Location, message: str, hint: str) -> None:
        self.errors.append(SchemaError(location, message, hint))


def _plain_type(ch_type: str) -> str:
    """A column type without the wrappers that do not change its values (LowCardinality, Nullable)."""
    for wrapper in ("LowCardinality(", "Nullable("):
        ch_type = ch_type.replace(wrapper, "(")
    return ch_type.replace("(", "").replace(")", "")


def _enum_name(options: Any, field_name: str) -> str:
    value = getattr(options, field_name)
    return options.DESCRIPTOR.fields_by_name[field_name].enum_type.values_by_number[value].name
