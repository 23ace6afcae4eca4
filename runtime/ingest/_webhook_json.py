"""Webhook bodies as JSON: read strictly, and a parse error traced to the JSON path and field it is about."""

from __future__ import annotations

import json
import re
from typing import Any

from google.protobuf import json_format, message_factory
from google.protobuf.descriptor import FieldDescriptor

__all__ = ["BadJson", "locate_parse_error", "parse_json"]

_FAILED_FIELD = re.compile(r"Failed to parse (.+?) field: ")
_PROTOBUF_SUFFIX = re.compile(r"(\s+at\s+[\w.\[\]]*)?\.*$")
_STRING_OR_CONSTANT = re.compile(rb'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')
_KINDS = {getattr(FieldDescriptor, f"CPPTYPE_{name}"): kind for kind, names in (
    ("an integer", "INT32 INT64 UINT32 UINT64"), ("a number", "DOUBLE FLOAT"), ("a boolean", "BOOL"),
    ("an enum name or number", "ENUM"), ("a string", "STRING")) for name in names.split()}
_JSON_WKT = {"google.protobuf.Struct": "a JSON object", "google.protobuf.Value": "any JSON value",
             "google.protobuf.ListValue": "a JSON list", "google.protobuf.Timestamp": "an RFC 3339 time string"}


class BadJson(ValueError):
    """A body that is not JSON: what is wrong (`error`) and where (`where`)."""

    def __init__(self, error: str, where: str) -> None:
        super().__init__(error)
        self.error, self.where = error, where


def parse_json(body: bytes) -> Any:
    """The body's JSON; BadJson when it is not UTF-8 JSON as RFC 8259 defines it."""
    try:
        return json.loads(body, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise BadJson(f"the body is not valid JSON: {exc.msg}",
                      f"line {exc.lineno} column {exc.colno} (char {exc.pos})") from None
    except _NotJson as exc:
        raise BadJson(f"the body is not valid JSON: {exc} is not a JSON value (a float field takes the string "
                      f"\"{exc}\")", _where_constant(body)) from None
    except UnicodeDecodeError as exc:
        raise BadJson(f"the body is not UTF-8 JSON: {exc.reason}", f"byte {exc.start}") from None
    except RecursionError:
        raise BadJson("the body nests JSON too deeply", "$") from None


class _NotJson(ValueError):
    """NaN, Infinity or -Infinity, which Python's json reads but JSON (RFC 8259) does not have."""


def _expected(field: FieldDescriptor, element: bool) -> str:
    """What JSON a field (or, with `element`, one element of a list field) takes."""
    if field.message_type is not None and field.message_type.GetOptions().map_entry:
        return "an object"
    if field.message_type is not None:
        kind = _JSON_WKT.get(field.message_type.full_name, f"an object ({field.message_type.full_name})")
    else:
        kind = "a base64 string" if field.type == FieldDescriptor.TYPE_BYTES else _KINDS.get(field.cpp_type, "a value")
    return f"a list, each {kind}" if field.is_repeated and not element else kind


def locate_parse_error(exc: Exception, data: Any, model_class: Any) -> tuple[str, str, str]:
    """The JSON path of the value a parse error is about, its reason without protobuf's wrapping, and what
    the field there takes.

    protobuf names the fields on the way down but not the list indexes, so the failing element of each
    list on the path is found by parsing its elements one at a time (only on this error path)."""
    text, names = str(exc), []
    while match := _FAILED_FIELD.match(text):
        names.append(match[1])
        text = text[match.end():]
    reason = "nested too deeply" if isinstance(exc, RecursionError) else _PROTOBUF_SUFFIX.sub("", text)
    path, value, cls, field, element = "$", data, model_class, None, False
    for name in names:
        path += f".{name}" if name.isidentifier() else f"[{json.dumps(name)}]"
        element = False
        if cls is None or not isinstance(value, dict) or name not in value:
            cls = field = None
            continue
        value, fields = value[name], cls.DESCRIPTOR.fields
        field = cls.DESCRIPTOR.fields_by_name.get(name) or next((f for f in fields if f.json_name == name), None)
        if field is None:
            cls = None
            continue
        is_map = field.message_type is not None and field.message_type.GetOptions().map_entry
        if field.is_repeated and not is_map and isinstance(value, list):
            for index, item in enumerate(value):
                try:
                    json_format.ParseDict({name: [item]}, cls(), ignore_unknown_fields=True)
                except Exception:  # any failure marks the element; the reason is already known
                    path, value, element = f"{path}[{index}]", item, True
                    break
        cls = None if field.message_type is None or is_map else message_factory.GetMessageClass(field.message_type)
    wanted = f" ({field.full_name} takes {_expected(field, element)})" if field is not None else ""
    return path, reason or "wrong type", wanted


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def _where_constant(body: bytes) -> str:
    """Where the first NaN or Infinity outside a JSON string is, as json's own errors say it."""
    for match in _STRING_OR_CONSTANT.finditer(body):
        if match[1]:
            pos = match.start(1)
            line = body.count(b"\n", 0, pos) + 1
            column = pos - (body.rfind(b"\n", 0, pos) + 1) + 1
            return f"line {line} column {column} (char {pos})"
    return "$"
