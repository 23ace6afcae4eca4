from com.snowplowanalytics.snowplow import entities_pb2 as _entities_pb2
from com.snowplowanalytics.snowplow import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TrackerPayload(_message.Message):
    __slots__ = ("eid", "dtm", "stm", "ttm", "e", "p", "tv", "tna", "aid", "subject", "contexts", "labels", "page_view", "page_ping", "structured", "screen_view", "link_click", "timing", "application_error", "transaction")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EID_FIELD_NUMBER: _ClassVar[int]
    DTM_FIELD_NUMBER: _ClassVar[int]
    STM_FIELD_NUMBER: _ClassVar[int]
    TTM_FIELD_NUMBER: _ClassVar[int]
    E_FIELD_NUMBER: _ClassVar[int]
    P_FIELD_NUMBER: _ClassVar[int]
    TV_FIELD_NUMBER: _ClassVar[int]
    TNA_FIELD_NUMBER: _ClassVar[int]
    AID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CONTEXTS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    PAGE_VIEW_FIELD_NUMBER: _ClassVar[int]
    PAGE_PING_FIELD_NUMBER: _ClassVar[int]
    STRUCTURED_FIELD_NUMBER: _ClassVar[int]
    SCREEN_VIEW_FIELD_NUMBER: _ClassVar[int]
    LINK_CLICK_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    APPLICATION_ERROR_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    eid: str
    dtm: str
    stm: str
    ttm: str
    e: str
    p: str
    tv: str
    tna: str
    aid: str
    subject: _entities_pb2.Subject
    contexts: _containers.RepeatedCompositeFieldContainer[_entities_pb2.SelfDescribingJson]
    labels: _containers.ScalarMap[str, str]
    page_view: _events_pb2.PageView
    page_ping: _events_pb2.PagePing
    structured: _events_pb2.StructuredEvent
    screen_view: _events_pb2.ScreenView
    link_click: _events_pb2.LinkClick
    timing: _events_pb2.Timing
    application_error: _events_pb2.ApplicationError
    transaction: _events_pb2.Transaction
    def __init__(self, eid: _Optional[str] = ..., dtm: _Optional[str] = ..., stm: _Optional[str] = ..., ttm: _Optional[str] = ..., e: _Optional[str] = ..., p: _Optional[str] = ..., tv: _Optional[str] = ..., tna: _Optional[str] = ..., aid: _Optional[str] = ..., subject: _Optional[_Union[_entities_pb2.Subject, _Mapping]] = ..., contexts: _Optional[_Iterable[_Union[_entities_pb2.SelfDescribingJson, _Mapping]]] = ..., labels: _Optional[_Mapping[str, str]] = ..., page_view: _Optional[_Union[_events_pb2.PageView, _Mapping]] = ..., page_ping: _Optional[_Union[_events_pb2.PagePing, _Mapping]] = ..., structured: _Optional[_Union[_events_pb2.StructuredEvent, _Mapping]] = ..., screen_view: _Optional[_Union[_events_pb2.ScreenView, _Mapping]] = ..., link_click: _Optional[_Union[_events_pb2.LinkClick, _Mapping]] = ..., timing: _Optional[_Union[_events_pb2.Timing, _Mapping]] = ..., application_error: _Optional[_Union[_events_pb2.ApplicationError, _Mapping]] = ..., transaction: _Optional[_Union[_events_pb2.Transaction, _Mapping]] = ...) -> None: ...

class PayloadData(_message.Message):
    __slots__ = ("schema", "data", "subject")
    SCHEMA_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    schema: str
    data: _containers.RepeatedCompositeFieldContainer[TrackerPayload]
    subject: _entities_pb2.Subject
    def __init__(self, schema: _Optional[str] = ..., data: _Optional[_Iterable[_Union[TrackerPayload, _Mapping]]] = ..., subject: _Optional[_Union[_entities_pb2.Subject, _Mapping]] = ...) -> None: ...
