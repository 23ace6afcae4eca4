"""Columns of map fields: map<K, scalar or enum> is one Map(K, V) column; map<K, message> is <field>_key
Array(K) and one Array column per leaf of the value, in key order."""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from . import native_sql as sql
from ._position import Loop, Where
from ._types import SCALARS, array, enum_constant
from .descriptors import MessageInfo
from .errors import Location
from .model import Column
from .wire_view import SqlRef, Unsupported

__all__ = ["MapColumns"]


class MapColumns:
    """The ColumnBuilder's part that maps map fields (a mixin)."""

    def _map(self, entry: MessageInfo, fd: F, name: str, access: str, origin: str, where: Where,
             location: Location, leaf: Any) -> list[Column]:
        key_fd, value_fd = entry.proto.field[0], entry.proto.field[1]
        key_type = SCALARS[key_fd.type]
        # A dict made by indexing the map with its own keys: with upb maps, faster than dict(map) or items().
        container = self._bind(access, where)

        def entries(convert: Any) -> Any:
            def made() -> str:
                items, node = where.ref.items(fd)
                entry = SqlRef(node, expr="_e")
                return sql.map_from(items, entry.scalar(key_fd, False), convert(entry))
            return made

        if value_fd.type == F.TYPE_ENUM:
            enum = value_fd.type_name.lstrip(".")
            self.enums.add(enum)
            table = enum_constant(enum)
            names = self._enum_names(enum, self.index.files[entry.file].syntax or "proto2")
            return [leaf(f"Map({key_type}, String)", f"{{_k: {table}[{container}[_k]] for _k in {container}}}",
                         sql_value=entries(lambda e: sql.enum_name(e.scalar(value_fd, False), names())))]
        if value_fd.type != F.TYPE_MESSAGE:
            copied = f"{{_k: {container}[_k] for _k in {container}}}"
            return [leaf(f"Map({key_type}, {SCALARS[value_fd.type]})", copied,
                         sql_value=entries(lambda e: e.scalar(value_fd, False)))]
        # A map of messages: parallel arrays, one for the keys and one per value column, by key order.
        var = f"_k{where.depth + 1}"
        loops = (*where.loops, Loop(var, self._bind(f"sorted({container})", where)))
        sorted_entries = self._nested(lambda: self._sorted_entries(where, fd, key_fd, var))
        value_ref = self._nested(lambda: sorted_entries[0].message(value_fd, "tuple")) if sorted_entries else None
        scopes = sorted_entries[1] if sorted_entries else where.sql_scopes
        at = Where(f"{container}[{var}]", f"{name}_", f"{origin}.value", loops, where.stack, where.gather,
                    value_ref, scopes)
        key_sql = self._sql(lambda: at.emit_sql(sorted_entries[0].scalar(key_fd, False))) if sorted_entries else ""
        key_column = Column(f"{name}_key", array(key_type, at.depth), f"{origin}.key",
                            at.emit(var), f"keys of {fd.name}", location, sql=key_sql)
        value = self.index.messages[value_fd.type_name.lstrip(".")]
        value_leaf = _value_leaf(name, at, origin, location, self._sql)
        wkt = self._well_known(value.full_name, at.base, f"{name}_value", value_leaf, False, at, "True", value_fd,
                               entry=sorted_entries[0] if sorted_entries else None)
        if wkt is not None:
            return [key_column, *wkt]
        if value.full_name in where.stack:
            self._error(location, f"map {fd.name} holds {value.full_name}, which contains itself",
                        "skip the field with [(eventgen.field).skip = true]")
            return [key_column]
        return [key_column, *self._message(value, Where(at.base, at.prefix, at.origin, loops,
                                                          (*where.stack, value.full_name), where.gather,
                                                          value_ref, scopes))]

    @staticmethod
    def _sorted_entries(where: Where, fd: F, key_fd: F, var: str) -> tuple[SqlRef, tuple[tuple[str, str], ...]]:
        """A map's entries sorted by key, as the scope of `var` (each entry is `var`: key f1, value f2)."""
        items, node = where.ref.items(fd)
        key = SqlRef(node, expr="_s").scalar(key_fd, False)
        return where.scoped(var, f"arraySort(_s -> {key}, {items})", SqlRef(node, expr=var))


def _value_leaf(name: str, at: Where, origin: str, location: Location, native: Any) -> Any:
    def leaf(ch_type: str, value: str, *, nullable_: bool = False, column: str = f"{name}_value",
             extra_depth: int = 0, sql_value: Any = None, **_: Any) -> Column:
        def made() -> str:
            if sql_value is None:
                raise Unsupported(f"{origin}.value has no ClickHouse expression")
            return at.emit_sql(sql_value())
        return Column(column, array(ch_type, at.depth + extra_depth), f"{origin}.value", at.emit(value), "", location,
                      sql=native(made))
    return leaf
