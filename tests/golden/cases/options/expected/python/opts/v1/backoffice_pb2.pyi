from eventgen import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ShopifyOrder(_message.Message):
    __slots__ = ("id", "email", "total_price")
    ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    id: int
    email: str
    total_price: str
    def __init__(self, id: _Optional[int] = ..., email: _Optional[str] = ..., total_price: _Optional[str] = ...) -> None: ...

class OrderCreatedWebhook(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class RefundIssued(_message.Message):
    __slots__ = ("order_id", "amount_micros", "reason")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MICROS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    amount_micros: int
    reason: str
    def __init__(self, order_id: _Optional[str] = ..., amount_micros: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...
