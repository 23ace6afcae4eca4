from eventgen import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Money(_message.Message):
    __slots__ = ("micros", "currency")
    MICROS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    micros: int
    currency: str
    def __init__(self, micros: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class ProductViewed(_message.Message):
    __slots__ = ("product_id", "price", "html", "search_query")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    SEARCH_QUERY_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    price: Money
    html: str
    search_query: str
    def __init__(self, product_id: _Optional[str] = ..., price: _Optional[_Union[Money, _Mapping]] = ..., html: _Optional[str] = ..., search_query: _Optional[str] = ...) -> None: ...

class CartUpdated(_message.Message):
    __slots__ = ("lines", "total", "shared_with")
    class Line(_message.Message):
        __slots__ = ("sku", "quantity")
        SKU_FIELD_NUMBER: _ClassVar[int]
        QUANTITY_FIELD_NUMBER: _ClassVar[int]
        sku: str
        quantity: int
        def __init__(self, sku: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...
    LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    SHARED_WITH_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedCompositeFieldContainer[CartUpdated.Line]
    total: Money
    shared_with: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lines: _Optional[_Iterable[_Union[CartUpdated.Line, _Mapping]]] = ..., total: _Optional[_Union[Money, _Mapping]] = ..., shared_with: _Optional[_Iterable[str]] = ...) -> None: ...

class CheckoutCompleted(_message.Message):
    __slots__ = ("order_id", "total", "email", "card_fingerprint", "card_number")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CARD_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    CARD_NUMBER_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    total: Money
    email: str
    card_fingerprint: bytes
    card_number: str
    def __init__(self, order_id: _Optional[str] = ..., total: _Optional[_Union[Money, _Mapping]] = ..., email: _Optional[str] = ..., card_fingerprint: _Optional[bytes] = ..., card_number: _Optional[str] = ...) -> None: ...
