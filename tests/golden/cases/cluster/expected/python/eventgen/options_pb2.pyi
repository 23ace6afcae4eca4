from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SinkMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SINK_MODE_UNSPECIFIED: _ClassVar[SinkMode]
    SINK_MODE_BUFFERED: _ClassVar[SinkMode]
    SINK_MODE_DIRECT: _ClassVar[SinkMode]

class Pii(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PII_KEEP: _ClassVar[Pii]
    PII_HASH: _ClassVar[Pii]
    PII_DROP: _ClassVar[Pii]

class TimeUnit(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TIME_UNIT_UNSPECIFIED: _ClassVar[TimeUnit]
    TIME_UNIT_SECONDS: _ClassVar[TimeUnit]
    TIME_UNIT_MILLISECONDS: _ClassVar[TimeUnit]
    TIME_UNIT_MICROSECONDS: _ClassVar[TimeUnit]
    TIME_UNIT_NANOSECONDS: _ClassVar[TimeUnit]
    TIME_UNIT_RFC3339: _ClassVar[TimeUnit]
SINK_MODE_UNSPECIFIED: SinkMode
SINK_MODE_BUFFERED: SinkMode
SINK_MODE_DIRECT: SinkMode
PII_KEEP: Pii
PII_HASH: Pii
PII_DROP: Pii
TIME_UNIT_UNSPECIFIED: TimeUnit
TIME_UNIT_SECONDS: TimeUnit
TIME_UNIT_MILLISECONDS: TimeUnit
TIME_UNIT_MICROSECONDS: TimeUnit
TIME_UNIT_NANOSECONDS: TimeUnit
TIME_UNIT_RFC3339: TimeUnit
DEFAULTS_FIELD_NUMBER: _ClassVar[int]
defaults: _descriptor.FieldDescriptor
EVENT_FIELD_NUMBER: _ClassVar[int]
event: _descriptor.FieldDescriptor
ENVELOPE_FIELD_NUMBER: _ClassVar[int]
envelope: _descriptor.FieldDescriptor
BATCH_FIELD_NUMBER: _ClassVar[int]
batch: _descriptor.FieldDescriptor
FIELD_FIELD_NUMBER: _ClassVar[int]
field: _descriptor.FieldDescriptor

class EventOptions(_message.Message):
    __slots__ = ("source", "routing_key", "table", "database", "sink", "batch_rows", "batch_bytes", "flush_interval_ms", "queue", "consumers", "ttl_days", "webhooks")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ROUTING_KEY_FIELD_NUMBER: _ClassVar[int]
    TABLE_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    SINK_FIELD_NUMBER: _ClassVar[int]
    BATCH_ROWS_FIELD_NUMBER: _ClassVar[int]
    BATCH_BYTES_FIELD_NUMBER: _ClassVar[int]
    FLUSH_INTERVAL_MS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    CONSUMERS_FIELD_NUMBER: _ClassVar[int]
    TTL_DAYS_FIELD_NUMBER: _ClassVar[int]
    WEBHOOKS_FIELD_NUMBER: _ClassVar[int]
    source: str
    routing_key: str
    table: str
    database: str
    sink: SinkMode
    batch_rows: int
    batch_bytes: int
    flush_interval_ms: int
    queue: str
    consumers: int
    ttl_days: int
    webhooks: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, source: _Optional[str] = ..., routing_key: _Optional[str] = ..., table: _Optional[str] = ..., database: _Optional[str] = ..., sink: _Optional[_Union[SinkMode, str]] = ..., batch_rows: _Optional[int] = ..., batch_bytes: _Optional[int] = ..., flush_interval_ms: _Optional[int] = ..., queue: _Optional[str] = ..., consumers: _Optional[int] = ..., ttl_days: _Optional[int] = ..., webhooks: _Optional[_Iterable[str]] = ...) -> None: ...

class FieldOptions(_message.Message):
    __slots__ = ("column", "clickhouse_type", "pii", "skip", "inline")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    CLICKHOUSE_TYPE_FIELD_NUMBER: _ClassVar[int]
    PII_FIELD_NUMBER: _ClassVar[int]
    SKIP_FIELD_NUMBER: _ClassVar[int]
    INLINE_FIELD_NUMBER: _ClassVar[int]
    column: str
    clickhouse_type: str
    pii: Pii
    skip: bool
    inline: bool
    def __init__(self, column: _Optional[str] = ..., clickhouse_type: _Optional[str] = ..., pii: _Optional[_Union[Pii, str]] = ..., skip: _Optional[bool] = ..., inline: _Optional[bool] = ...) -> None: ...

class EnvelopeOptions(_message.Message):
    __slots__ = ("oneof", "id_field", "timestamp_field", "timestamp_unit", "sent_at_field", "header_field")
    ONEOF_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIT_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_FIELD_NUMBER: _ClassVar[int]
    oneof: str
    id_field: str
    timestamp_field: str
    timestamp_unit: TimeUnit
    sent_at_field: str
    header_field: str
    def __init__(self, oneof: _Optional[str] = ..., id_field: _Optional[str] = ..., timestamp_field: _Optional[str] = ..., timestamp_unit: _Optional[_Union[TimeUnit, str]] = ..., sent_at_field: _Optional[str] = ..., header_field: _Optional[str] = ...) -> None: ...

class BatchOptions(_message.Message):
    __slots__ = ("header_field",)
    HEADER_FIELD_FIELD_NUMBER: _ClassVar[int]
    header_field: str
    def __init__(self, header_field: _Optional[str] = ...) -> None: ...
