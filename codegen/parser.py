"""Builds the schema model from compiled descriptors, the custom options and the settings."""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor_pb2 import FieldDescriptorProto as F

from .columns import TIMESTAMP_TYPE, ColumnBuilder, snake_case
from .config import TIME_UNITS, GeneratorSettings
from .descriptors import DescriptorIndex, MessageInfo
from .errors import Location, SchemaError, SchemaErrors
from .model import (
    DEFAULT_BATCH_BYTES,
    DEFAULT_BATCH_ROWS,
    DEFAULT_CONSUMERS,
    DEFAULT_FLUSH_INTERVAL_MS,
    Batch,
    Column,
    Envelope,
    Event,
    Schema,
    SinkPolicy,
    TimeField,
)
from .protoc import CompiledProtos
from .wire_view import ENVELOPE_NUMBER

__all__ = ["parse"]

_UNIT_BY_ENUM = {v: k for k, v in TIME_UNITS.items()}
_INT_TYPES = {F.TYPE_INT32, F.TYPE_INT64, F.TYPE_UINT32, F.TYPE_UINT64, F.TYPE_SINT32, F.TYPE_SINT64,
              F.TYPE_FIXED32, F.TYPE_FIXED64, F.TYPE_SFIXED32, F.TYPE_SFIXED64}
_SINK_FIELDS = ("batch_rows", "batch_bytes", "flush_interval_ms", "consumers")

# The columns of eventgen.StampedEvent: in ClickHouse's input its fields f1 (id), f2 (received), f3 (event time),
# f4 (client time) and f5 (the envelope).
FIXED_COLUMNS = (
    Column("event_id", "String", "eventgen.event_id", "s.event_id",
           "the client's event id, or one derived from the event's content", sql="f1"),
    Column("event_type", "LowCardinality(String)", "eventgen.event_type", "EVENT_TYPE", "the event type (routing key)",
           sql="EVENT_TYPE"),
    Column("event_time", TIMESTAMP_TYPE, "eventgen.event_time", "s.event_time_us",
           "when the event happened: the client's time corrected for clock skew, never in the future",
           sql="fromUnixTimestamp64Micro(f3, 'UTC')"),
    Column("client_time", f"Nullable({TIMESTAMP_TYPE})", "eventgen.client_time",
           "(None if s.client_time_us == _NO_CLIENT_TIME else s.client_time_us)",
           "the event time as the client sent it",
           # NULL rows keep 0 beneath their NULL: readers that convert every value (clickhouse-connect) fail on -2^63.
           sql="if(f4 = -9223372036854775807 - 1, NULL, fromUnixTimestamp64Micro(if(f4 = -9223372036854775807 - 1, 0, "
               "f4), 'UTC'))"),
    Column("received_at", TIMESTAMP_TYPE, "eventgen.received_at", "s.received_at_us",
           "when the server received the event", sql="fromUnixTimestamp64Micro(f2, 'UTC')"),
    Column("source", "LowCardinality(String)", "eventgen.source", "SOURCE", "where the event comes from", sql="SOURCE"),
)


def parse(compiled: CompiledProtos, settings: GeneratorSettings) -> Schema:
    """The model of the schema; raises SchemaErrors with everything that could not be mapped."""
    return _Parser(compiled, settings).parse()


class _Parser:
    def __init__(self, compiled: CompiledProtos, settings: GeneratorSettings) -> None:
        self.compiled = compiled
        self.settings = settings
        self.index = DescriptorIndex(compiled.descriptor_set)
        self.columns = ColumnBuilder(self.index, settings)
        self.errors: list[SchemaError] = []
        self.schema_files = [f for f in compiled.files if not f.startswith("eventgen/")]
        self.config_location = Location(settings.origin or "eventgen.toml")

    def parse(self) -> Schema:
        envelope_info = self._find_envelope()
        envelope, arms = self._envelope(envelope_info)
        batch = self._batch(envelope_info, envelope.header_field)
        events = [event for arm in arms if (event := self._event(envelope_info, arm)) is not None]
        self.errors.extend(self.columns.errors)
        for name, column in self.settings.columns:
            if name not in self.columns.renames_used:
                self._fail(self.config_location, f"[eventgen.columns] renames {name!r} to {column!r}, but the schema "
                           "has no such field (or it is not stored)",
                           "name the field fully qualified: package.Message.field")
        if self.errors:
            raise SchemaErrors(self.errors)
        enums = tuple(
            (name, tuple((v.number, v.name) for v in self.index.enums[name].value))
            for name in sorted(self.columns.enums)
        )
        return Schema(envelope, batch, tuple(sorted(events, key=lambda e: e.name)), enums, FIXED_COLUMNS,
                      self.settings, tuple(self.compiled.files))

    def _fail(self, location: Location, message: str, hint: str = "") -> None:
        self.errors.append(SchemaError(location, message, hint))

    def _messages_with_option(self, extension: str) -> list[MessageInfo]:
        return [info for info in self.index.messages.values()
                if info.file in self.schema_files
                and self.index.option(info.proto.options, "MessageOptions", extension) is not None]

    def _find_envelope(self) -> MessageInfo:
        if self.settings.envelope:
            info = self.index.messages.get(self.settings.envelope.lstrip("."))
            if info is None:
                raise SchemaErrors([SchemaError(self.config_location,
                                                f"envelope {self.settings.envelope!r} is not a message of the schema",
                                                f"name it fully qualified, e.g. {self._example_message()}")])
            return info
        found = self._messages_with_option("eventgen.envelope")
        if len(found) == 1:
            return found[0]
        if not found:
            where = Location(self.schema_files[0] if self.schema_files else "proto")
            raise SchemaErrors([SchemaError(where, "no envelope: no message is marked as the one that carries an event",
                                            "add option (eventgen.envelope) = {oneof: \"payload\"}; to it, or name it "
                                            "with `envelope = \"pkg.Message\"` under [eventgen] in --config")])
        raise SchemaErrors([SchemaError(self.index.message_location(info),
                                        f"{info.full_name} is marked as the envelope, and so are "
                                        f"{len(found) - 1} other messages", "keep (eventgen.envelope) on one message")
                            for info in found])

    def _example_message(self) -> str:
        names = sorted(i.full_name for i in self.index.messages.values() if i.file in self.schema_files)
        return names[0] if names else "pkg.Message"

    def _envelope(self, info: MessageInfo) -> tuple[Envelope, list[tuple[int, Any]]]:
        opts = self.index.option(info.proto.options, "MessageOptions", "eventgen.envelope")
        setting = self.settings

        def pick(name: str) -> str:
            return getattr(setting, name) or (getattr(opts, name) if opts is not None else "")

        location = self.index.message_location(info)
        fields = {fd.name: fd for fd in info.proto.field}
        real_oneofs = sorted({fd.oneof_index for fd in info.proto.field
                              if fd.HasField("oneof_index") and not fd.proto3_optional})
        oneof_names = [info.proto.oneof_decl[i].name for i in real_oneofs]
        oneof = pick("oneof") or (oneof_names[0] if len(oneof_names) == 1 else "")
        if oneof not in oneof_names:
            self._fail(location, f"envelope {info.full_name} has no oneof {oneof!r}" if oneof else
                       f"envelope {info.full_name} has {len(oneof_names)} oneofs; which one holds the events?",
                       f"set oneof to one of: {', '.join(oneof_names) or '(none: add a oneof of event messages)'}")
            raise SchemaErrors(self.errors)
        oneof_index = [d.name for d in info.proto.oneof_decl].index(oneof)
        special: dict[str, str] = {}
        for role in ("id_field", "timestamp_field", "sent_at_field", "header_field"):
            name = pick(role)
            if name and name not in fields:
                self._fail(location, f"envelope {info.full_name} has no field {name!r} for {role}",
                           f"fields: {', '.join(fields)}")
            elif name:
                special[role] = name
        id_field = special.get("id_field", "")
        if id_field and fields[id_field].type != F.TYPE_STRING:
            self._fail(self._field_location(info, id_field),
                       f"the id field {info.full_name}.{id_field} must be a string")
        unit = self.settings.timestamp_unit or (
            _UNIT_BY_ENUM[opts.DESCRIPTOR.fields_by_name["timestamp_unit"].enum_type.values_by_number[
                opts.timestamp_unit].name] if opts is not None else "")
        timestamp = self._time_field(info, special.get("timestamp_field", ""), unit)
        sent_at = self._time_field(info, special.get("sent_at_field", ""), unit)
        arms = [(i, fd) for i, fd in enumerate(info.proto.field)
                if fd.HasField("oneof_index") and fd.oneof_index == oneof_index]
        exclude = frozenset({id_field, special.get("timestamp_field", ""), special.get("sent_at_field", ""),
                             *(fd.name for _, fd in arms)} - {""})
        flat = self.columns.flatten(info, "e", "", exclude, local_prefix="_e", wire_path=f"f{ENVELOPE_NUMBER}")
        header = special.get("header_field", "")
        envelope = Envelope(info.full_name, info.file, oneof, id_field, timestamp, sent_at, header, flat.columns,
                            location, info.class_path, flat.bindings, fields[header].number if header else 0,
                            flat.gathers, flat.wire, flat.native_error)
        return envelope, arms

    def _field_location(self, info: MessageInfo, name: str) -> Location:
        for i, fd in enumerate(info.proto.field):
            if fd.name == name:
                return self.index.location(info.file, self.index.field_path(info, i))
        return self.index.message_location(info)

    def _time_field(self, info: MessageInfo, name: str, unit: str) -> TimeField | None:
        if not name:
            return None
        fd = next(fd for fd in info.proto.field if fd.name == name)
        where = self._field_location(info, name)
        if fd.type == F.TYPE_MESSAGE and fd.type_name == ".google.protobuf.Timestamp":
            return TimeField(name, "timestamp", "timestamp")
        if fd.label == F.LABEL_REPEATED or fd.type not in (*_INT_TYPES, F.TYPE_STRING, F.TYPE_DOUBLE, F.TYPE_FLOAT):
            self._fail(where, f"time field {info.full_name}.{name} must be a google.protobuf.Timestamp, "
                       "a number or a string")
            return None
        kind = "string" if fd.type == F.TYPE_STRING else "int" if fd.type in _INT_TYPES else "float"
        unit = unit or ("rfc3339" if kind == "string" else "ms")
        if unit == "rfc3339" and kind != "string":
            self._fail(where, f"time field {info.full_name}.{name} is a number but its unit is rfc3339",
                       "set timestamp_unit to s, ms, us or ns")
        return TimeField(name, unit, kind)

    def _batch(self, envelope: MessageInfo, envelope_header: str) -> Batch | None:
        if self.settings.batch:
            info = self.index.messages.get(self.settings.batch.lstrip("."))
            if info is None:
                self._fail(self.config_location, f"batch {self.settings.batch!r} is not a message of the schema")
                return None
        else:
            marked = self._messages_with_option("eventgen.batch")
            carriers = [i for i in self.index.messages.values() if i.file in self.schema_files and any(
                fd.label == F.LABEL_REPEATED and fd.type_name == f".{envelope.full_name}" for fd in i.proto.field)]
            candidates = marked or carriers
            if len(candidates) != 1:
                return None
            info = candidates[0]
        events = [fd.name for fd in info.proto.field
                  if fd.label == F.LABEL_REPEATED and fd.type_name == f".{envelope.full_name}"]
        if len(events) != 1:
            self._fail(self.index.message_location(info),
                       f"batch {info.full_name} needs exactly one repeated {envelope.full_name} field")
            return None
        opts = self.index.option(info.proto.options, "MessageOptions", "eventgen.batch")
        header = self.settings.batch_header_field or (opts.header_field if opts is not None else "")
        batch_fields = {fd.name: fd for fd in info.proto.field}
        if header and header not in batch_fields:
            self._fail(self.index.message_location(info), f"batch {info.full_name} has no header field {header!r}")
        elif header and envelope_header:
            # An event without a header gets the batch's: both must be the same message.
            theirs = next(fd.type_name for fd in envelope.proto.field if fd.name == envelope_header)
            if batch_fields[header].type_name != theirs:
                self._fail(self._field_location(info, header),
                           f"the batch header {info.full_name}.{header} is a "
                           f"{batch_fields[header].type_name.lstrip('.')} but the envelope's header "
                           f"{envelope.full_name}.{envelope_header} is a {theirs.lstrip('.')}",
                           "give both the same message type, or drop the batch header")
        return Batch(info.full_name, info.file, events[0], header, info.class_path)

    def _event(self, envelope: MessageInfo, arm: tuple[int, Any]) -> Event | None:
        i, fd = arm
        location = self.index.location(envelope.file, self.index.field_path(envelope, i))
        if fd.type != F.TYPE_MESSAGE:
            self._fail(location, f"oneof arm {envelope.full_name}.{fd.name} is not a message",
                       "each event type must be a message of its own")
            return None
        info = self.index.messages[fd.type_name.lstrip(".")]
        defaults = self.index.option(self.index.files[info.file].options, "FileOptions", "eventgen.defaults")
        own = self.index.option(info.proto.options, "MessageOptions", "eventgen.event")

        def pick(name: str, fallback: Any) -> Any:
            for opts in (own, defaults):
                if opts is not None and getattr(opts, name):
                    return getattr(opts, name)
            return fallback

        name = pick("routing_key", snake_case(info.proto.name))
        explicit = tuple(n for n in ("mode", *_SINK_FIELDS) if pick("sink" if n == "mode" else n, None) is not None)
        mode_number = pick("sink", 0)
        sink = SinkPolicy(
            mode="direct" if mode_number == 2 else "buffered",
            batch_rows=pick("batch_rows", DEFAULT_BATCH_ROWS),
            batch_bytes=pick("batch_bytes", DEFAULT_BATCH_BYTES),
            flush_interval_ms=pick("flush_interval_ms", DEFAULT_FLUSH_INTERVAL_MS),
            consumers=pick("consumers", DEFAULT_CONSUMERS),
        )
        flat = self.columns.flatten(info, "p", wire_path=f"f{ENVELOPE_NUMBER}.f{fd.number}")
        webhooks = tuple(pick("webhooks", ()))
        webhook_field = ""
        if webhooks:
            models = [f.name for f in info.proto.field if f.type == F.TYPE_MESSAGE]
            if len(info.proto.field) != 1 or len(models) != 1:
                self._fail(self.index.message_location(info),
                           f"{info.full_name} is fed by webhooks ({', '.join(webhooks)}) but does not wrap exactly "
                           "one payload message", "give it one field: the message the provider's JSON body parses into")
            else:
                webhook_field = models[0]
        return Event(
            name=name,
            arm=fd.name,
            message=info.full_name,
            file=info.file,
            source=pick("source", self.settings.default_source),
            database=pick("database", self.settings.default_database),
            table=pick("table", name),
            queue=pick("queue", name),
            sink=sink,
            ttl_days=pick("ttl_days", 0),
            webhooks=webhooks,
            webhook_field=webhook_field,
            columns=flat.columns,
            description=self.index.comment(info.file, info.path),
            location=self.index.message_location(info),
            explicit_sink=explicit,
            bindings=flat.bindings,
            gathers=flat.gathers,
            arm_number=fd.number,
            wire=flat.wire,
            native_error=flat.native_error,
        )
