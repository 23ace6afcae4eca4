from eventgen import options_pb2 as _options_pb2
from google.type import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Envelope(_message.Message):
    __slots__ = ("id", "viewed")
    ID_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    RETURN_FIELD_NUMBER: _ClassVar[int]
    VIEWED_FIELD_NUMBER: _ClassVar[int]
    id: str
    viewed: Viewed
    def __init__(self, id: _Optional[str] = ..., viewed: _Optional[_Union[Viewed, _Mapping]] = ..., **kwargs) -> None: ...

class Origin(_message.Message):
    __slots__ = ("app",)
    APP_FIELD_NUMBER: _ClassVar[int]
    app: str
    def __init__(self, app: _Optional[str] = ...) -> None: ...

class Return(_message.Message):
    __slots__ = ("order_id", "refund")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REFUND_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    refund: _money_pb2.Money
    def __init__(self, order_id: _Optional[str] = ..., refund: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., **kwargs) -> None: ...

class Product(_message.Message):
    __slots__ = ("category", "sku")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    category: str
    sku: str
    def __init__(self, category: _Optional[str] = ..., sku: _Optional[str] = ...) -> None: ...

class Viewed(_message.Message):
    __slots__ = ("product", "related")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    RELATED_FIELD_NUMBER: _ClassVar[int]
    product: Product
    related: _containers.RepeatedCompositeFieldContainer[Product]
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ..., related: _Optional[_Iterable[_Union[Product, _Mapping]]] = ...) -> None: ...
