"""Protobuf wire format read by hand, only after upb refused a request: which event is bad, where and why."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from google.protobuf.descriptor import FieldDescriptor

__all__ = ["MAX_DEPTH", "WireError", "describe_problem", "split_field"]

# upb's default recursion limit (upb_DecodeOptions_MaxDepth): messages nested deeper are refused.
MAX_DEPTH = 100
_WIRE_VARINT, _WIRE_I64, _WIRE_LEN, _WIRE_START_GROUP, _WIRE_END_GROUP, _WIRE_I32 = range(6)


class WireError(ValueError):
    """Bytes that are not protobuf wire format; the message says what is wrong and at which byte."""


def _varint(data: bytes, pos: int, end: int) -> tuple[int, int]:
    start, result, shift = pos, 0, 0
    while True:
        if pos >= end:
            raise WireError(f"a varint starting at byte {start} runs past the end of its message (truncated?)")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise WireError(f"the varint at byte {start} is longer than 10 bytes")


def _fields(data: bytes, pos: int, end: int, depth: int = 0,
            group: int | None = None) -> Iterator[tuple[int, int, int, int, int]]:
    """(field number, wire type, field start, value start, value end) of each field in data[pos:end].

    Inside a group (`group` is its field number) the walk stops at its end-group tag."""
    while pos < end:
        field_start = pos
        key, pos = _varint(data, pos, end)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise WireError(f"byte {field_start}: field number 0 does not exist in protobuf")
        if wire == _WIRE_END_GROUP:
            if group == number:
                return
            raise WireError(f"byte {field_start}: an end-group tag for field {number} that no group opened")
        value_start = pos
        if wire == _WIRE_VARINT:
            _, value_end = _varint(data, pos, end)
        elif wire == _WIRE_I64:
            value_end = pos + 8
        elif wire == _WIRE_I32:
            value_end = pos + 4
        elif wire == _WIRE_LEN:
            length, value_start = _varint(data, pos, end)
            value_end = value_start + length
        elif wire == _WIRE_START_GROUP:
            if depth + 1 >= MAX_DEPTH:
                raise WireError(f"byte {field_start}: groups nested more than {MAX_DEPTH} levels deep")
            value_end = _group_end(data, pos, end, depth + 1, number)
        else:
            raise WireError(f"byte {field_start}: wire type {wire} (field {number}) does not exist in protobuf")
        if value_end > end:
            raise WireError(f"truncated: field {number} at byte {field_start} needs {value_end - value_start} bytes, "
                            f"{end - value_start} remain")
        yield number, wire, field_start, value_start, value_end
        pos = value_end
    if group is not None:
        raise WireError(f"truncated: the group of field {group} has no end-group tag")


def _group_end(data: bytes, pos: int, end: int, depth: int, number: int) -> int:
    last = pos
    for *_, value_end in _fields(data, pos, end, depth, group=number):
        last = value_end
    # The end-group tag follows the last field (or the group's start when it is empty).
    _, after_tag = _varint(data, last, end)
    return after_tag


def split_field(data: bytes, number: int) -> tuple[bytes, list[tuple[int, int]]]:
    """A message's bytes without its length-delimited field `number`, and where that field's values are
    (start, end), in order. Raises WireError when the message's own framing is broken (so no value can be
    trusted)."""
    rest, spans = bytearray(), []
    for field, wire, field_start, value_start, value_end in _fields(data, 0, len(data)):
        if field == number and wire == _WIRE_LEN:
            spans.append((value_start, value_end))
        else:
            rest += data[field_start:value_end]
    return bytes(rest), spans


def describe_problem(data: bytes, descriptor: Any, start: int = 0, end: int | None = None,
                     skip: int | None = None) -> str | None:
    """Why upb refuses data[start:end] as a `descriptor` message, naming the field path and the byte (counted
    from the start of `data`), leaving out its field number `skip`; None if no reason was found."""
    try:
        return _problem(data, start, len(data) if end is None else end, descriptor, (), 0, skip)
    except WireError as exc:
        return str(exc)


def _problem(data: bytes, pos: int, end: int, descriptor: Any, path: tuple[str, ...], depth: int,
             skip: int | None = None) -> str | None:
    for number, wire, field_start, value_start, value_end in _fields(data, pos, end, depth):
        field = descriptor.fields_by_number.get(number) if number != skip else None
        # Unknown fields and a known field on an unexpected wire type are kept as unknown fields by upb.
        if field is None or wire != _WIRE_LEN:
            continue
        here = (*path, field.name)
        if field.type == FieldDescriptor.TYPE_STRING:
            try:
                data[value_start:value_end].decode("utf-8")
            except UnicodeDecodeError as exc:
                return (f"string field {_dotted(here)} (byte {field_start}) is not valid UTF-8: byte "
                        f"{value_start + exc.start} ({data[value_start + exc.start]:#04x}); send text as UTF-8, or "
                        "binary data in a bytes field")
        elif field.type == FieldDescriptor.TYPE_MESSAGE:
            if depth + 1 >= MAX_DEPTH:
                return (f"{_dotted(here)} nests messages more than {MAX_DEPTH} levels deep (the limit); flatten "
                        "the data or send it as a JSON string")
            problem = _problem(data, value_start, value_end, field.message_type, here, depth + 1)
            if problem is not None:
                return problem
    return None


def _dotted(path: tuple[str, ...]) -> str:
    if len(path) <= 6:
        return ".".join(path)
    return ".".join((*path[:3], f"[{len(path) - 5} more]", *path[-2:]))
