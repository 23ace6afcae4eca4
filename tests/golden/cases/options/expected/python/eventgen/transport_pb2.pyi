from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StampedBatch(_message.Message):
    __slots__ = ("event_type", "events")
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    events: _containers.RepeatedCompositeFieldContainer[StampedEvent]
    def __init__(self, event_type: _Optional[str] = ..., events: _Optional[_Iterable[_Union[StampedEvent, _Mapping]]] = ...) -> None: ...

class StampedEvent(_message.Message):
    __slots__ = ("event_id", "received_at_us", "event_time_us", "client_time_us", "envelope")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_US_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_US_FIELD_NUMBER: _ClassVar[int]
    CLIENT_TIME_US_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    received_at_us: int
    event_time_us: int
    client_time_us: int
    envelope: bytes
    def __init__(self, event_id: _Optional[str] = ..., received_at_us: _Optional[int] = ..., event_time_us: _Optional[int] = ..., client_time_us: _Optional[int] = ..., envelope: _Optional[bytes] = ...) -> None: ...

class LegacyStampedBatch(_message.Message):
    __slots__ = ("event_type", "event_ids", "received_at_us", "event_time_us", "client_time_us", "envelopes")
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    EVENT_IDS_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_US_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_US_FIELD_NUMBER: _ClassVar[int]
    CLIENT_TIME_US_FIELD_NUMBER: _ClassVar[int]
    ENVELOPES_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    event_ids: _containers.RepeatedScalarFieldContainer[str]
    received_at_us: _containers.RepeatedScalarFieldContainer[int]
    event_time_us: _containers.RepeatedScalarFieldContainer[int]
    client_time_us: _containers.RepeatedScalarFieldContainer[int]
    envelopes: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, event_type: _Optional[str] = ..., event_ids: _Optional[_Iterable[str]] = ..., received_at_us: _Optional[_Iterable[int]] = ..., event_time_us: _Optional[_Iterable[int]] = ..., client_time_us: _Optional[_Iterable[int]] = ..., envelopes: _Optional[_Iterable[bytes]] = ...) -> None: ...
