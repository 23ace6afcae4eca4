from eventgen import options_pb2 as _options_pb2
from opts.v1 import storefront_pb2 as _storefront_pb2
from opts.v1 import backoffice_pb2 as _backoffice_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Header(_message.Message):
    __slots__ = ("session_id", "user_id", "ip", "country", "push_token")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    PUSH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    user_id: str
    ip: str
    country: str
    push_token: str
    def __init__(self, session_id: _Optional[str] = ..., user_id: _Optional[str] = ..., ip: _Optional[str] = ..., country: _Optional[str] = ..., push_token: _Optional[str] = ...) -> None: ...

class Envelope(_message.Message):
    __slots__ = ("id", "happened_at_us", "sent_at_us", "header", "client_build", "http", "grpc", "product_viewed", "cart_updated", "checkout_completed", "order_created_webhook", "refund_issued")
    ID_FIELD_NUMBER: _ClassVar[int]
    HAPPENED_AT_US_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_US_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    CLIENT_BUILD_FIELD_NUMBER: _ClassVar[int]
    HTTP_FIELD_NUMBER: _ClassVar[int]
    GRPC_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_VIEWED_FIELD_NUMBER: _ClassVar[int]
    CART_UPDATED_FIELD_NUMBER: _ClassVar[int]
    CHECKOUT_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    ORDER_CREATED_WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    REFUND_ISSUED_FIELD_NUMBER: _ClassVar[int]
    id: str
    happened_at_us: int
    sent_at_us: int
    header: Header
    client_build: str
    http: str
    grpc: str
    product_viewed: _storefront_pb2.ProductViewed
    cart_updated: _storefront_pb2.CartUpdated
    checkout_completed: _storefront_pb2.CheckoutCompleted
    order_created_webhook: _backoffice_pb2.OrderCreatedWebhook
    refund_issued: _backoffice_pb2.RefundIssued
    def __init__(self, id: _Optional[str] = ..., happened_at_us: _Optional[int] = ..., sent_at_us: _Optional[int] = ..., header: _Optional[_Union[Header, _Mapping]] = ..., client_build: _Optional[str] = ..., http: _Optional[str] = ..., grpc: _Optional[str] = ..., product_viewed: _Optional[_Union[_storefront_pb2.ProductViewed, _Mapping]] = ..., cart_updated: _Optional[_Union[_storefront_pb2.CartUpdated, _Mapping]] = ..., checkout_completed: _Optional[_Union[_storefront_pb2.CheckoutCompleted, _Mapping]] = ..., order_created_webhook: _Optional[_Union[_backoffice_pb2.OrderCreatedWebhook, _Mapping]] = ..., refund_issued: _Optional[_Union[_backoffice_pb2.RefundIssued, _Mapping]] = ...) -> None: ...

class EnvelopeBatch(_message.Message):
    __slots__ = ("header", "events")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    header: Header
    events: _containers.RepeatedCompositeFieldContainer[Envelope]
    def __init__(self, header: _Optional[_Union[Header, _Mapping]] = ..., events: _Optional[_Iterable[_Union[Envelope, _Mapping]]] = ...) -> None: ...
