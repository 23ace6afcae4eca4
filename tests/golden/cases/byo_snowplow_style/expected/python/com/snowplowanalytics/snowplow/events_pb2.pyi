from com.snowplowanalytics.snowplow import entities_pb2 as _entities_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PageView(_message.Message):
    __slots__ = ("url", "title", "referrer")
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    REFERRER_FIELD_NUMBER: _ClassVar[int]
    url: str
    title: str
    referrer: str
    def __init__(self, url: _Optional[str] = ..., title: _Optional[str] = ..., referrer: _Optional[str] = ...) -> None: ...

class PagePing(_message.Message):
    __slots__ = ("url", "minXOffset", "maxXOffset", "minYOffset", "maxYOffset", "documentSize")
    URL_FIELD_NUMBER: _ClassVar[int]
    MINXOFFSET_FIELD_NUMBER: _ClassVar[int]
    MAXXOFFSET_FIELD_NUMBER: _ClassVar[int]
    MINYOFFSET_FIELD_NUMBER: _ClassVar[int]
    MAXYOFFSET_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTSIZE_FIELD_NUMBER: _ClassVar[int]
    url: str
    minXOffset: int
    maxXOffset: int
    minYOffset: int
    maxYOffset: int
    documentSize: _entities_pb2.Resolution
    def __init__(self, url: _Optional[str] = ..., minXOffset: _Optional[int] = ..., maxXOffset: _Optional[int] = ..., minYOffset: _Optional[int] = ..., maxYOffset: _Optional[int] = ..., documentSize: _Optional[_Union[_entities_pb2.Resolution, _Mapping]] = ...) -> None: ...

class StructuredEvent(_message.Message):
    __slots__ = ("category", "action", "label", "property", "value")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    category: str
    action: str
    label: str
    property: str
    value: float
    def __init__(self, category: _Optional[str] = ..., action: _Optional[str] = ..., label: _Optional[str] = ..., property: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...

class ScreenView(_message.Message):
    __slots__ = ("name", "id", "type", "previousName", "previousId", "previousType", "transitionType")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PREVIOUSNAME_FIELD_NUMBER: _ClassVar[int]
    PREVIOUSID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUSTYPE_FIELD_NUMBER: _ClassVar[int]
    TRANSITIONTYPE_FIELD_NUMBER: _ClassVar[int]
    name: str
    id: str
    type: str
    previousName: str
    previousId: str
    previousType: str
    transitionType: str
    def __init__(self, name: _Optional[str] = ..., id: _Optional[str] = ..., type: _Optional[str] = ..., previousName: _Optional[str] = ..., previousId: _Optional[str] = ..., previousType: _Optional[str] = ..., transitionType: _Optional[str] = ...) -> None: ...

class LinkClick(_message.Message):
    __slots__ = ("elementId", "elementTarget", "targetUrl", "elementContent")
    ELEMENTID_FIELD_NUMBER: _ClassVar[int]
    CLASS_FIELD_NUMBER: _ClassVar[int]
    ELEMENTTARGET_FIELD_NUMBER: _ClassVar[int]
    TARGETURL_FIELD_NUMBER: _ClassVar[int]
    ELEMENTCONTENT_FIELD_NUMBER: _ClassVar[int]
    elementId: str
    elementTarget: str
    targetUrl: str
    elementContent: str
    def __init__(self, elementId: _Optional[str] = ..., elementTarget: _Optional[str] = ..., targetUrl: _Optional[str] = ..., elementContent: _Optional[str] = ..., **kwargs) -> None: ...

class Timing(_message.Message):
    __slots__ = ("category", "variable", "timing", "label")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    VARIABLE_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    category: str
    variable: str
    timing: int
    label: str
    def __init__(self, category: _Optional[str] = ..., variable: _Optional[str] = ..., timing: _Optional[int] = ..., label: _Optional[str] = ...) -> None: ...

class ApplicationError(_message.Message):
    __slots__ = ("message", "programmingLanguage", "className", "exceptionName", "isFatal", "lineNumber", "stackTrace")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PROGRAMMINGLANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CLASSNAME_FIELD_NUMBER: _ClassVar[int]
    EXCEPTIONNAME_FIELD_NUMBER: _ClassVar[int]
    ISFATAL_FIELD_NUMBER: _ClassVar[int]
    LINENUMBER_FIELD_NUMBER: _ClassVar[int]
    STACKTRACE_FIELD_NUMBER: _ClassVar[int]
    message: str
    programmingLanguage: str
    className: str
    exceptionName: str
    isFatal: bool
    lineNumber: int
    stackTrace: str
    def __init__(self, message: _Optional[str] = ..., programmingLanguage: _Optional[str] = ..., className: _Optional[str] = ..., exceptionName: _Optional[str] = ..., isFatal: _Optional[bool] = ..., lineNumber: _Optional[int] = ..., stackTrace: _Optional[str] = ...) -> None: ...

class TransactionItem(_message.Message):
    __slots__ = ("sku", "name", "category", "price", "quantity")
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    sku: str
    name: str
    category: str
    price: float
    quantity: int
    def __init__(self, sku: _Optional[str] = ..., name: _Optional[str] = ..., category: _Optional[str] = ..., price: _Optional[float] = ..., quantity: _Optional[int] = ...) -> None: ...

class Transaction(_message.Message):
    __slots__ = ("orderId", "affiliation", "total", "tax", "shipping", "currency", "items")
    ORDERID_FIELD_NUMBER: _ClassVar[int]
    AFFILIATION_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    orderId: str
    affiliation: str
    total: float
    tax: float
    shipping: float
    currency: str
    items: _containers.RepeatedCompositeFieldContainer[TransactionItem]
    def __init__(self, orderId: _Optional[str] = ..., affiliation: _Optional[str] = ..., total: _Optional[float] = ..., tax: _Optional[float] = ..., shipping: _Optional[float] = ..., currency: _Optional[str] = ..., items: _Optional[_Iterable[_Union[TransactionItem, _Mapping]]] = ...) -> None: ...
