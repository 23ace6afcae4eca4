"""An index over a FileDescriptorSet: messages, enums, source lines, comments and custom options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

from .errors import Location

__all__ = ["DescriptorIndex", "MessageInfo", "dependency_order"]

_MESSAGE_TYPE, _NESTED_TYPE, _FIELD, _ENUM_TYPE, _ONEOF = 4, 3, 2, 5, 8


@dataclass(frozen=True)
class MessageInfo:
    full_name: str
    proto: descriptor_pb2.DescriptorProto
    file: str
    package: str
    path: tuple[int, ...]  # source-info path of the message

    @property
    def class_path(self) -> str:
        return self.full_name.removeprefix(self.package + ".") if self.package else self.full_name

    @property
    def is_map_entry(self) -> bool:
        return self.proto.options.map_entry


class DescriptorIndex:
    """Looks up what the generator needs about messages and their fields, by full name."""

    def __init__(self, descriptor_set: descriptor_pb2.FileDescriptorSet) -> None:
        self.messages: dict[str, MessageInfo] = {}
        self.enums: dict[str, descriptor_pb2.EnumDescriptorProto] = {}
        self._lines: dict[tuple[str, tuple[int, ...]], tuple[int, str]] = {}
        self.files = {f.name: f for f in descriptor_set.file}
        for file in descriptor_set.file:
            prefix = f"{file.package}." if file.package else ""
            for i, message in enumerate(file.message_type):
                self._add_message(file, prefix + message.name, message, (_MESSAGE_TYPE, i))
            for enum in file.enum_type:
                self.enums[prefix + enum.name] = enum
            for location in file.source_code_info.location:
                comment = (location.leading_comments or location.trailing_comments).strip()
                self._lines[(file.name, tuple(location.path))] = (location.span[0] + 1, comment)
        self._pool = descriptor_pool.DescriptorPool()
        for file in dependency_order(descriptor_set):
            self._pool.Add(file)
        self._classes = message_factory.GetMessageClassesForFiles([f.name for f in descriptor_set.file], self._pool)

    def _add_message(self, file: descriptor_pb2.FileDescriptorProto, full_name: str,
                     message: descriptor_pb2.DescriptorProto, path: tuple[int, ...]) -> None:
        self.messages[full_name] = MessageInfo(full_name, message, file.name, file.package, path)
        for i, nested in enumerate(message.nested_type):
            self._add_message(file, f"{full_name}.{nested.name}", nested, (*path, _NESTED_TYPE, i))
        for enum in message.enum_type:
            self.enums[f"{full_name}.{enum.name}"] = enum

    def location(self, file: str, path: tuple[int, ...]) -> Location:
        return Location(file, self._lines.get((file, path), (0, ""))[0])

    def comment(self, file: str, path: tuple[int, ...]) -> str:
        return " ".join(self._lines.get((file, path), (0, ""))[1].split())

    def message_location(self, info: MessageInfo) -> Location:
        return self.location(info.file, info.path)

    def field_path(self, info: MessageInfo, index: int) -> tuple[int, ...]:
        return (*info.path, _FIELD, index)

    def oneof_path(self, info: MessageInfo, index: int) -> tuple[int, ...]:
        return (*info.path, _ONEOF, index)

    def option(self, options: Any, kind: str, extension: str) -> Any | None:
        """A custom option's value (a message of the private pool), or None when not set.

        `kind` is the options message ("MessageOptions", ...); the value is re-read through this
        schema's own pool, so it works whichever options_pb2 is, or is not, imported.
        """
        try:
            ext = self._pool.FindExtensionByName(extension)
        except KeyError:
            return None
        if not options.ByteSize():
            return None
        cls = self._classes.get(f"google.protobuf.{kind}") or message_factory.GetMessageClass(
            self._pool.FindMessageTypeByName(f"google.protobuf.{kind}"))
        parsed = cls.FromString(options.SerializeToString())
        return parsed.Extensions[ext] if parsed.HasExtension(ext) else None

    def enum_value_name(self, enum_full_name: str, number: int) -> str:
        return self._pool.FindEnumTypeByName(enum_full_name).values_by_number[number].name


def dependency_order(descriptor_set: descriptor_pb2.FileDescriptorSet) -> list[descriptor_pb2.FileDescriptorProto]:
    by_name = {f.name: f for f in descriptor_set.file}
    ordered: list[descriptor_pb2.FileDescriptorProto] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in by_name:
            return
        seen.add(name)
        for dependency in by_name[name].dependency:
            visit(dependency)
        ordered.append(by_name[name])

    for name in by_name:
        visit(name)
    return ordered
