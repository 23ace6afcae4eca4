import datetime

from eventgen import options_pb2 as _options_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from kinds.v1 import legacy_pb2 as _legacy_pb2
from kinds.v1 import kinds_pb2 as _kinds_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Envelope(_message.Message):
    __slots__ = ("event_id", "client_time", "scalars_seen", "enums_seen", "nested_seen", "repeated_seen", "maps_seen", "presence_seen", "well_known_seen", "legacy_seen", "typed_well_known_seen")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_TIME_FIELD_NUMBER: _ClassVar[int]
    SCALARS_SEEN_FIELD_NUMBER: _ClassVar[int]
    ENUMS_SEEN_FIELD_NUMBER: _ClassVar[int]
    NESTED_SEEN_FIELD_NUMBER: _ClassVar[int]
    REPEATED_SEEN_FIELD_NUMBER: _ClassVar[int]
    MAPS_SEEN_FIELD_NUMBER: _ClassVar[int]
    PRESENCE_SEEN_FIELD_NUMBER: _ClassVar[int]
    WELL_KNOWN_SEEN_FIELD_NUMBER: _ClassVar[int]
    LEGACY_SEEN_FIELD_NUMBER: _ClassVar[int]
    TYPED_WELL_KNOWN_SEEN_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    client_time: _timestamp_pb2.Timestamp
    scalars_seen: _kinds_pb2.ScalarsSeen
    enums_seen: _kinds_pb2.EnumsSeen
    nested_seen: _kinds_pb2.NestedSeen
    repeated_seen: _kinds_pb2.RepeatedSeen
    maps_seen: _kinds_pb2.MapsSeen
    presence_seen: _kinds_pb2.PresenceSeen
    well_known_seen: _kinds_pb2.WellKnownSeen
    legacy_seen: _legacy_pb2.LegacySeen
    typed_well_known_seen: _kinds_pb2.TypedWellKnownSeen
    def __init__(self, event_id: _Optional[str] = ..., client_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scalars_seen: _Optional[_Union[_kinds_pb2.ScalarsSeen, _Mapping]] = ..., enums_seen: _Optional[_Union[_kinds_pb2.EnumsSeen, _Mapping]] = ..., nested_seen: _Optional[_Union[_kinds_pb2.NestedSeen, _Mapping]] = ..., repeated_seen: _Optional[_Union[_kinds_pb2.RepeatedSeen, _Mapping]] = ..., maps_seen: _Optional[_Union[_kinds_pb2.MapsSeen, _Mapping]] = ..., presence_seen: _Optional[_Union[_kinds_pb2.PresenceSeen, _Mapping]] = ..., well_known_seen: _Optional[_Union[_kinds_pb2.WellKnownSeen, _Mapping]] = ..., legacy_seen: _Optional[_Union[_legacy_pb2.LegacySeen, _Mapping]] = ..., typed_well_known_seen: _Optional[_Union[_kinds_pb2.TypedWellKnownSeen, _Mapping]] = ...) -> None: ...
