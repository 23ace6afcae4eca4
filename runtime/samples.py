"""Plausible sample events of every type, built from the descriptors with a seeded generator."""

from __future__ import annotations

import random
import uuid
from typing import Any

from google.protobuf import wrappers_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor

__all__ = ["SampleFactory"]

_WORDS = ("summer", "drop", "glow", "serum", "sneaker", "travel", "vlog", "review", "unboxing", "haul", "daily",
          "routine", "creator", "studio", "launch", "promo", "story", "reel", "live", "collab")
_COUNTRIES = ("US", "IN", "GB", "DE", "BR", "ID", "FR", "CA")
_CURRENCIES = ("USD", "INR", "EUR", "GBP", "BRL")
_EPOCH_2026_S = 1_767_225_600
_TEXT_HINTS = (
    ("email", lambda r: f"{r.choice(_WORDS)}.{r.randrange(10_000)}@example.com"),
    ("url", lambda r: f"https://shop.example.com/{r.choice(_WORDS)}/{r.randrange(1000)}"),
    ("link", lambda r: f"https://l.example.com/{r.randrange(36**6):x}"),
    ("currency", lambda r: r.choice(_CURRENCIES)),
    ("country", lambda r: r.choice(_COUNTRIES)),
    ("locale", lambda r: r.choice(("en-US", "en-IN", "pt-BR", "de-DE"))),
    ("timezone", lambda r: r.choice(("UTC", "Asia/Kolkata", "America/New_York"))),
    ("ip", lambda r: f"203.0.113.{r.randrange(1, 255)}"),
    ("phone", lambda r: f"+1555{r.randrange(10**6, 10**7)}"),
    ("version", lambda r: f"{r.randrange(1, 9)}.{r.randrange(30)}.{r.randrange(10)}"),
    ("_at", lambda r: f"2026-{r.randrange(1, 12):02d}-{r.randrange(1, 28):02d}T10:{r.randrange(60):02d}:00Z"),
    ("time", lambda r: f"2026-{r.randrange(1, 12):02d}-{r.randrange(1, 28):02d}T10:{r.randrange(60):02d}:00Z"),
    ("price", lambda r: f"{r.randrange(1, 500)}.{r.randrange(100):02d}"),
    ("amount", lambda r: f"{r.randrange(1, 500)}.{r.randrange(100):02d}"),
    ("id", lambda r: uuid.UUID(int=r.getrandbits(128)).hex[:16]),
    ("token", lambda r: uuid.UUID(int=r.getrandbits(128)).hex),
)


class SampleFactory:
    """Fills messages field by field with values that look like the field's name says."""

    def __init__(self, seed: int = 0, max_repeated: int = 3) -> None:
        self.random = random.Random(seed)
        self.max_repeated = max_repeated

    def fill(self, message: Any, depth: int = 0) -> Any:
        descriptor: Descriptor = message.DESCRIPTOR
        full = descriptor.full_name
        if full.startswith("google.protobuf."):
            self._well_known(message, full)
            return message
        chosen = {o.name: self.random.choice(o.fields) for o in descriptor.oneofs if not _synthetic(o)}
        for field in descriptor.fields:
            oneof = field.containing_oneof
            if oneof is not None and not _synthetic(oneof) and chosen[oneof.name] is not field:
                continue
            if oneof is not None and _synthetic(oneof) and self.random.random() < 0.3:
                continue
            self._field(message, field, depth)
        return message

    def _field(self, message: Any, field: FieldDescriptor, depth: int) -> None:
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            target = getattr(message, field.name)
            value_field = field.message_type.fields_by_name["value"]
            for _ in range(self.random.randrange(self.max_repeated + 1)):
                key = self._scalar(field.message_type.fields_by_name["key"])
                if value_field.message_type is not None:
                    if depth < 4:
                        self.fill(target[key], depth + 1)
                else:
                    target[key] = self._scalar(value_field)
            return
        if _is_repeated(field):
            target = getattr(message, field.name)
            for _ in range(self.random.randrange(self.max_repeated + 1)):
                if field.message_type is not None:
                    if depth < 4:
                        self.fill(target.add(), depth + 1)
                else:
                    target.append(self._scalar(field))
            return
        if field.message_type is not None:
            if depth < 4:
                self.fill(getattr(message, field.name), depth + 1)
            return
        setattr(message, field.name, self._scalar(field))

    def _scalar(self, field: FieldDescriptor) -> Any:
        r = self.random
        kind = field.type
        if kind == FieldDescriptor.TYPE_ENUM:
            values = [v.number for v in field.enum_type.values if v.number != 0] or [0]
            return r.choice(values)
        if kind == FieldDescriptor.TYPE_BOOL:
            return r.random() < 0.5
        if kind == FieldDescriptor.TYPE_STRING:
            name = field.name.lower()
            for hint, make in _TEXT_HINTS:
                if hint in name:
                    return make(r)
            return " ".join(r.choice(_WORDS) for _ in range(r.randrange(1, 4)))
        if kind == FieldDescriptor.TYPE_BYTES:
            return r.randbytes(r.randrange(4, 17))
        if kind in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            return round(r.uniform(0, 1000), 2)
        if "micros" in field.name:
            return r.randrange(1, 500) * 1_000_000
        wide = field.cpp_type in (FieldDescriptor.CPPTYPE_INT64, FieldDescriptor.CPPTYPE_UINT64)
        if field.name.endswith(("_ms", "timestamp")) and wide:
            return (_EPOCH_2026_S + r.randrange(30_000_000)) * 1000
        signed = kind in (FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_SINT32,
                          FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED32, FieldDescriptor.TYPE_SFIXED64)
        value = r.randrange(0, 100_000)
        return -value if signed and r.random() < 0.05 else value

    def _well_known(self, message: Any, full: str) -> None:
        r = self.random
        if full == "google.protobuf.Timestamp":
            message.seconds = _EPOCH_2026_S + r.randrange(30_000_000)
            message.nanos = r.randrange(1000) * 1_000_000
        elif full == "google.protobuf.Duration":
            message.seconds = r.randrange(0, 3600)
            message.nanos = r.randrange(1000) * 1_000_000
        elif full == "google.protobuf.Struct":
            message.update({"campaign": r.choice(_WORDS), "score": r.randrange(100), "tags": [r.choice(_WORDS)]})
        elif full == "google.protobuf.Value":
            message.string_value = r.choice(_WORDS)
        elif full == "google.protobuf.ListValue":
            message.extend([r.choice(_WORDS), r.randrange(100)])
        elif full == "google.protobuf.Any":
            message.Pack(wrappers_pb2.StringValue(value=r.choice(_WORDS)))
        elif full == "google.protobuf.FieldMask":
            message.paths.extend(["title", "price"])
        elif "value" in message.DESCRIPTOR.fields_by_name:
            self._field(message, message.DESCRIPTOR.fields_by_name["value"], 0)


def _synthetic(oneof: Any) -> bool:
    return len(oneof.fields) == 1 and oneof.fields[0].has_presence and oneof.name.startswith("_")


def _is_repeated(field: FieldDescriptor) -> bool:
    return field.is_repeated
