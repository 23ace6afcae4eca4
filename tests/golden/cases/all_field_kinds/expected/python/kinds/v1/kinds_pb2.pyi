import datetime

from google.protobuf import any_pb2 as _any_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import wrappers_pb2 as _wrappers_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Color(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COLOR_UNSPECIFIED: _ClassVar[Color]
    COLOR_RED: _ClassVar[Color]
    COLOR_GREEN: _ClassVar[Color]
COLOR_UNSPECIFIED: Color
COLOR_RED: Color
COLOR_GREEN: Color

class ScalarsSeen(_message.Message):
    __slots__ = ("f_double", "f_float", "f_int32", "f_int64", "f_uint32", "f_uint64", "f_sint32", "f_sint64", "f_fixed32", "f_fixed64", "f_sfixed32", "f_sfixed64", "f_bool", "f_string", "f_bytes")
    F_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    F_FLOAT_FIELD_NUMBER: _ClassVar[int]
    F_INT32_FIELD_NUMBER: _ClassVar[int]
    F_INT64_FIELD_NUMBER: _ClassVar[int]
    F_UINT32_FIELD_NUMBER: _ClassVar[int]
    F_UINT64_FIELD_NUMBER: _ClassVar[int]
    F_SINT32_FIELD_NUMBER: _ClassVar[int]
    F_SINT64_FIELD_NUMBER: _ClassVar[int]
    F_FIXED32_FIELD_NUMBER: _ClassVar[int]
    F_FIXED64_FIELD_NUMBER: _ClassVar[int]
    F_SFIXED32_FIELD_NUMBER: _ClassVar[int]
    F_SFIXED64_FIELD_NUMBER: _ClassVar[int]
    F_BOOL_FIELD_NUMBER: _ClassVar[int]
    F_STRING_FIELD_NUMBER: _ClassVar[int]
    F_BYTES_FIELD_NUMBER: _ClassVar[int]
    f_double: float
    f_float: float
    f_int32: int
    f_int64: int
    f_uint32: int
    f_uint64: int
    f_sint32: int
    f_sint64: int
    f_fixed32: int
    f_fixed64: int
    f_sfixed32: int
    f_sfixed64: int
    f_bool: bool
    f_string: str
    f_bytes: bytes
    def __init__(self, f_double: _Optional[float] = ..., f_float: _Optional[float] = ..., f_int32: _Optional[int] = ..., f_int64: _Optional[int] = ..., f_uint32: _Optional[int] = ..., f_uint64: _Optional[int] = ..., f_sint32: _Optional[int] = ..., f_sint64: _Optional[int] = ..., f_fixed32: _Optional[int] = ..., f_fixed64: _Optional[int] = ..., f_sfixed32: _Optional[int] = ..., f_sfixed64: _Optional[int] = ..., f_bool: _Optional[bool] = ..., f_string: _Optional[str] = ..., f_bytes: _Optional[bytes] = ...) -> None: ...

class EnumsSeen(_message.Message):
    __slots__ = ("color", "shade", "palette")
    class Shade(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SHADE_UNSPECIFIED: _ClassVar[EnumsSeen.Shade]
        SHADE_LIGHT: _ClassVar[EnumsSeen.Shade]
        SHADE_DARK: _ClassVar[EnumsSeen.Shade]
    SHADE_UNSPECIFIED: EnumsSeen.Shade
    SHADE_LIGHT: EnumsSeen.Shade
    SHADE_DARK: EnumsSeen.Shade
    COLOR_FIELD_NUMBER: _ClassVar[int]
    SHADE_FIELD_NUMBER: _ClassVar[int]
    PALETTE_FIELD_NUMBER: _ClassVar[int]
    color: Color
    shade: EnumsSeen.Shade
    palette: _containers.RepeatedScalarFieldContainer[Color]
    def __init__(self, color: _Optional[_Union[Color, str]] = ..., shade: _Optional[_Union[EnumsSeen.Shade, str]] = ..., palette: _Optional[_Iterable[_Union[Color, str]]] = ...) -> None: ...

class NestedSeen(_message.Message):
    __slots__ = ("inner", "note")
    class Inner(_message.Message):
        __slots__ = ("label", "leaf")
        class Leaf(_message.Message):
            __slots__ = ("name", "depth")
            NAME_FIELD_NUMBER: _ClassVar[int]
            DEPTH_FIELD_NUMBER: _ClassVar[int]
            name: str
            depth: int
            def __init__(self, name: _Optional[str] = ..., depth: _Optional[int] = ...) -> None: ...
        LABEL_FIELD_NUMBER: _ClassVar[int]
        LEAF_FIELD_NUMBER: _ClassVar[int]
        label: str
        leaf: NestedSeen.Inner.Leaf
        def __init__(self, label: _Optional[str] = ..., leaf: _Optional[_Union[NestedSeen.Inner.Leaf, _Mapping]] = ...) -> None: ...
    INNER_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    inner: NestedSeen.Inner
    note: str
    def __init__(self, inner: _Optional[_Union[NestedSeen.Inner, _Mapping]] = ..., note: _Optional[str] = ...) -> None: ...

class Tag(_message.Message):
    __slots__ = ("key", "values")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    key: str
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, key: _Optional[str] = ..., values: _Optional[_Iterable[str]] = ...) -> None: ...

class LineItem(_message.Message):
    __slots__ = ("sku", "quantity", "tags")
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    sku: str
    quantity: int
    tags: _containers.RepeatedCompositeFieldContainer[Tag]
    def __init__(self, sku: _Optional[str] = ..., quantity: _Optional[int] = ..., tags: _Optional[_Iterable[_Union[Tag, _Mapping]]] = ...) -> None: ...

class RepeatedSeen(_message.Message):
    __slots__ = ("names", "counts", "weights", "blobs", "flags", "items")
    NAMES_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    BLOBS_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    counts: _containers.RepeatedScalarFieldContainer[int]
    weights: _containers.RepeatedScalarFieldContainer[float]
    blobs: _containers.RepeatedScalarFieldContainer[bytes]
    flags: _containers.RepeatedScalarFieldContainer[bool]
    items: _containers.RepeatedCompositeFieldContainer[LineItem]
    def __init__(self, names: _Optional[_Iterable[str]] = ..., counts: _Optional[_Iterable[int]] = ..., weights: _Optional[_Iterable[float]] = ..., blobs: _Optional[_Iterable[bytes]] = ..., flags: _Optional[_Iterable[bool]] = ..., items: _Optional[_Iterable[_Union[LineItem, _Mapping]]] = ...) -> None: ...

class Price(_message.Message):
    __slots__ = ("cents", "currency")
    CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    cents: int
    currency: str
    def __init__(self, cents: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class MapsSeen(_message.Message):
    __slots__ = ("labels", "scores", "prices", "colors", "deadlines", "switches")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ScoresEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: float
        def __init__(self, key: _Optional[int] = ..., value: _Optional[float] = ...) -> None: ...
    class PricesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Price
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Price, _Mapping]] = ...) -> None: ...
    class ColorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: Color
        def __init__(self, key: _Optional[int] = ..., value: _Optional[_Union[Color, str]] = ...) -> None: ...
    class DeadlinesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _timestamp_pb2.Timestamp
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
    class SwitchesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: bool
        value: int
        def __init__(self, key: _Optional[bool] = ..., value: _Optional[int] = ...) -> None: ...
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    PRICES_FIELD_NUMBER: _ClassVar[int]
    COLORS_FIELD_NUMBER: _ClassVar[int]
    DEADLINES_FIELD_NUMBER: _ClassVar[int]
    SWITCHES_FIELD_NUMBER: _ClassVar[int]
    labels: _containers.ScalarMap[str, str]
    scores: _containers.ScalarMap[int, float]
    prices: _containers.MessageMap[str, Price]
    colors: _containers.ScalarMap[int, Color]
    deadlines: _containers.MessageMap[str, _timestamp_pb2.Timestamp]
    switches: _containers.ScalarMap[bool, int]
    def __init__(self, labels: _Optional[_Mapping[str, str]] = ..., scores: _Optional[_Mapping[int, float]] = ..., prices: _Optional[_Mapping[str, Price]] = ..., colors: _Optional[_Mapping[int, Color]] = ..., deadlines: _Optional[_Mapping[str, _timestamp_pb2.Timestamp]] = ..., switches: _Optional[_Mapping[bool, int]] = ...) -> None: ...

class PresenceSeen(_message.Message):
    __slots__ = ("maybe_name", "maybe_count", "maybe_color", "text", "number", "price", "tint", "plain")
    MAYBE_NAME_FIELD_NUMBER: _ClassVar[int]
    MAYBE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAYBE_COLOR_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    TINT_FIELD_NUMBER: _ClassVar[int]
    PLAIN_FIELD_NUMBER: _ClassVar[int]
    maybe_name: str
    maybe_count: int
    maybe_color: Color
    text: str
    number: int
    price: Price
    tint: Color
    plain: str
    def __init__(self, maybe_name: _Optional[str] = ..., maybe_count: _Optional[int] = ..., maybe_color: _Optional[_Union[Color, str]] = ..., text: _Optional[str] = ..., number: _Optional[int] = ..., price: _Optional[_Union[Price, _Mapping]] = ..., tint: _Optional[_Union[Color, str]] = ..., plain: _Optional[str] = ...) -> None: ...

class WellKnownSeen(_message.Message):
    __slots__ = ("at", "took", "w_double", "w_float", "w_int64", "w_uint64", "w_int32", "w_uint32", "w_bool", "w_string", "w_bytes", "attributes", "anything", "list", "detail", "mask", "nothing", "history", "details")
    AT_FIELD_NUMBER: _ClassVar[int]
    TOOK_FIELD_NUMBER: _ClassVar[int]
    W_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    W_FLOAT_FIELD_NUMBER: _ClassVar[int]
    W_INT64_FIELD_NUMBER: _ClassVar[int]
    W_UINT64_FIELD_NUMBER: _ClassVar[int]
    W_INT32_FIELD_NUMBER: _ClassVar[int]
    W_UINT32_FIELD_NUMBER: _ClassVar[int]
    W_BOOL_FIELD_NUMBER: _ClassVar[int]
    W_STRING_FIELD_NUMBER: _ClassVar[int]
    W_BYTES_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    ANYTHING_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    MASK_FIELD_NUMBER: _ClassVar[int]
    NOTHING_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    took: _duration_pb2.Duration
    w_double: _wrappers_pb2.DoubleValue
    w_float: _wrappers_pb2.FloatValue
    w_int64: _wrappers_pb2.Int64Value
    w_uint64: _wrappers_pb2.UInt64Value
    w_int32: _wrappers_pb2.Int32Value
    w_uint32: _wrappers_pb2.UInt32Value
    w_bool: _wrappers_pb2.BoolValue
    w_string: _wrappers_pb2.StringValue
    w_bytes: _wrappers_pb2.BytesValue
    attributes: _struct_pb2.Struct
    anything: _struct_pb2.Value
    list: _struct_pb2.ListValue
    detail: _any_pb2.Any
    mask: _field_mask_pb2.FieldMask
    nothing: _empty_pb2.Empty
    history: _containers.RepeatedCompositeFieldContainer[_timestamp_pb2.Timestamp]
    details: _containers.RepeatedCompositeFieldContainer[_any_pb2.Any]
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., took: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., w_double: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., w_float: _Optional[_Union[_wrappers_pb2.FloatValue, _Mapping]] = ..., w_int64: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ..., w_uint64: _Optional[_Union[_wrappers_pb2.UInt64Value, _Mapping]] = ..., w_int32: _Optional[_Union[_wrappers_pb2.Int32Value, _Mapping]] = ..., w_uint32: _Optional[_Union[_wrappers_pb2.UInt32Value, _Mapping]] = ..., w_bool: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., w_string: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., w_bytes: _Optional[_Union[_wrappers_pb2.BytesValue, _Mapping]] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., anything: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., list: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ..., detail: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., nothing: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., history: _Optional[_Iterable[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]]] = ..., details: _Optional[_Iterable[_Union[_any_pb2.Any, _Mapping]]] = ...) -> None: ...

class TypedWellKnownSeen(_message.Message):
    __slots__ = ("at", "took", "w_double", "w_float", "w_int64", "w_uint64", "w_int32", "w_uint32", "w_bool", "w_string", "w_bytes", "detail", "mask", "nothing", "history", "details", "laps", "timeouts", "due", "cost")
    class TimeoutsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _duration_pb2.Duration
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...
    AT_FIELD_NUMBER: _ClassVar[int]
    TOOK_FIELD_NUMBER: _ClassVar[int]
    W_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    W_FLOAT_FIELD_NUMBER: _ClassVar[int]
    W_INT64_FIELD_NUMBER: _ClassVar[int]
    W_UINT64_FIELD_NUMBER: _ClassVar[int]
    W_INT32_FIELD_NUMBER: _ClassVar[int]
    W_UINT32_FIELD_NUMBER: _ClassVar[int]
    W_BOOL_FIELD_NUMBER: _ClassVar[int]
    W_STRING_FIELD_NUMBER: _ClassVar[int]
    W_BYTES_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    MASK_FIELD_NUMBER: _ClassVar[int]
    NOTHING_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    LAPS_FIELD_NUMBER: _ClassVar[int]
    TIMEOUTS_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    took: _duration_pb2.Duration
    w_double: _wrappers_pb2.DoubleValue
    w_float: _wrappers_pb2.FloatValue
    w_int64: _wrappers_pb2.Int64Value
    w_uint64: _wrappers_pb2.UInt64Value
    w_int32: _wrappers_pb2.Int32Value
    w_uint32: _wrappers_pb2.UInt32Value
    w_bool: _wrappers_pb2.BoolValue
    w_string: _wrappers_pb2.StringValue
    w_bytes: _wrappers_pb2.BytesValue
    detail: _any_pb2.Any
    mask: _field_mask_pb2.FieldMask
    nothing: _empty_pb2.Empty
    history: _containers.RepeatedCompositeFieldContainer[_timestamp_pb2.Timestamp]
    details: _containers.RepeatedCompositeFieldContainer[_any_pb2.Any]
    laps: _containers.RepeatedCompositeFieldContainer[_duration_pb2.Duration]
    timeouts: _containers.MessageMap[str, _duration_pb2.Duration]
    due: _timestamp_pb2.Timestamp
    cost: Price
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., took: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., w_double: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., w_float: _Optional[_Union[_wrappers_pb2.FloatValue, _Mapping]] = ..., w_int64: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ..., w_uint64: _Optional[_Union[_wrappers_pb2.UInt64Value, _Mapping]] = ..., w_int32: _Optional[_Union[_wrappers_pb2.Int32Value, _Mapping]] = ..., w_uint32: _Optional[_Union[_wrappers_pb2.UInt32Value, _Mapping]] = ..., w_bool: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., w_string: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., w_bytes: _Optional[_Union[_wrappers_pb2.BytesValue, _Mapping]] = ..., detail: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., nothing: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., history: _Optional[_Iterable[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]]] = ..., details: _Optional[_Iterable[_Union[_any_pb2.Any, _Mapping]]] = ..., laps: _Optional[_Iterable[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]]] = ..., timeouts: _Optional[_Mapping[str, _duration_pb2.Duration]] = ..., due: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cost: _Optional[_Union[Price, _Mapping]] = ...) -> None: ...
