from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class App(_message.Message):
    __slots__ = ("name", "version", "build", "namespace")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    BUILD_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    build: str
    namespace: str
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., build: _Optional[str] = ..., namespace: _Optional[str] = ...) -> None: ...

class Device(_message.Message):
    __slots__ = ("id", "advertisingId", "adTrackingEnabled", "manufacturer", "model", "type")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADVERTISINGID_FIELD_NUMBER: _ClassVar[int]
    ADTRACKINGENABLED_FIELD_NUMBER: _ClassVar[int]
    MANUFACTURER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    advertisingId: str
    adTrackingEnabled: bool
    manufacturer: str
    model: str
    type: str
    def __init__(self, id: _Optional[str] = ..., advertisingId: _Optional[str] = ..., adTrackingEnabled: _Optional[bool] = ..., manufacturer: _Optional[str] = ..., model: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class Library(_message.Message):
    __slots__ = ("name", "version")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class Page(_message.Message):
    __slots__ = ("path", "referrer", "search", "title", "url")
    PATH_FIELD_NUMBER: _ClassVar[int]
    REFERRER_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    path: str
    referrer: str
    search: str
    title: str
    url: str
    def __init__(self, path: _Optional[str] = ..., referrer: _Optional[str] = ..., search: _Optional[str] = ..., title: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...

class Campaign(_message.Message):
    __slots__ = ("name", "source", "medium", "term", "content")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MEDIUM_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    name: str
    source: str
    medium: str
    term: str
    content: str
    def __init__(self, name: _Optional[str] = ..., source: _Optional[str] = ..., medium: _Optional[str] = ..., term: _Optional[str] = ..., content: _Optional[str] = ...) -> None: ...

class Context(_message.Message):
    __slots__ = ("active", "app", "campaign", "device", "ip", "library", "locale", "page", "timezone", "userAgent", "traits")
    class TraitsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    APP_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    LIBRARY_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    USERAGENT_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    active: bool
    app: App
    campaign: Campaign
    device: Device
    ip: str
    library: Library
    locale: str
    page: Page
    timezone: str
    userAgent: str
    traits: _containers.ScalarMap[str, str]
    def __init__(self, active: _Optional[bool] = ..., app: _Optional[_Union[App, _Mapping]] = ..., campaign: _Optional[_Union[Campaign, _Mapping]] = ..., device: _Optional[_Union[Device, _Mapping]] = ..., ip: _Optional[str] = ..., library: _Optional[_Union[Library, _Mapping]] = ..., locale: _Optional[str] = ..., page: _Optional[_Union[Page, _Mapping]] = ..., timezone: _Optional[str] = ..., userAgent: _Optional[str] = ..., traits: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Money(_message.Message):
    __slots__ = ("amount", "currency")
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    amount: int
    currency: str
    def __init__(self, amount: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class Product(_message.Message):
    __slots__ = ("id", "sku", "name", "category", "price", "quantity")
    ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    sku: str
    name: str
    category: str
    price: Money
    quantity: int
    def __init__(self, id: _Optional[str] = ..., sku: _Optional[str] = ..., name: _Optional[str] = ..., category: _Optional[str] = ..., price: _Optional[_Union[Money, _Mapping]] = ..., quantity: _Optional[int] = ...) -> None: ...

class Identify(_message.Message):
    __slots__ = ("traits",)
    class TraitsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    traits: _containers.ScalarMap[str, str]
    def __init__(self, traits: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PageCall(_message.Message):
    __slots__ = ("name", "category", "properties")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    name: str
    category: str
    properties: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., category: _Optional[str] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Alias(_message.Message):
    __slots__ = ("previousId", "userId")
    PREVIOUSID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    previousId: str
    userId: str
    def __init__(self, previousId: _Optional[str] = ..., userId: _Optional[str] = ...) -> None: ...

class ProductViewed(_message.Message):
    __slots__ = ("product", "list")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    product: Product
    list: str
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ..., list: _Optional[str] = ...) -> None: ...

class OrderCompleted(_message.Message):
    __slots__ = ("orderId", "checkoutId", "total", "revenue", "coupon", "products", "timestamp")
    ORDERID_FIELD_NUMBER: _ClassVar[int]
    CHECKOUTID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    orderId: str
    checkoutId: str
    total: Money
    revenue: Money
    coupon: str
    products: _containers.RepeatedCompositeFieldContainer[Product]
    timestamp: str
    def __init__(self, orderId: _Optional[str] = ..., checkoutId: _Optional[str] = ..., total: _Optional[_Union[Money, _Mapping]] = ..., revenue: _Optional[_Union[Money, _Mapping]] = ..., coupon: _Optional[str] = ..., products: _Optional[_Iterable[_Union[Product, _Mapping]]] = ..., timestamp: _Optional[str] = ...) -> None: ...

class Refund(_message.Message):
    __slots__ = ("id", "orderId", "money", "refund")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORDERID_FIELD_NUMBER: _ClassVar[int]
    MONEY_FIELD_NUMBER: _ClassVar[int]
    REFUND_FIELD_NUMBER: _ClassVar[int]
    id: str
    orderId: str
    money: Money
    refund: str
    def __init__(self, id: _Optional[str] = ..., orderId: _Optional[str] = ..., money: _Optional[_Union[Money, _Mapping]] = ..., refund: _Optional[str] = ...) -> None: ...

class EmailBounced(_message.Message):
    __slots__ = ("emailId", "to", "reason")
    EMAILID_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    emailId: str
    to: str
    reason: str
    def __init__(self, emailId: _Optional[str] = ..., to: _Optional[str] = ..., reason: _Optional[str] = ..., **kwargs) -> None: ...

class Message(_message.Message):
    __slots__ = ("messageId", "anonymousId", "userId", "type", "timestamp", "sentAt", "receivedAt", "context", "integrations", "event", "identify", "page", "alias", "productViewed", "orderCompleted", "refund", "emailBounced")
    class IntegrationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: bool
        def __init__(self, key: _Optional[str] = ..., value: _Optional[bool] = ...) -> None: ...
    MESSAGEID_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUSID_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    SENTAT_FIELD_NUMBER: _ClassVar[int]
    RECEIVEDAT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    INTEGRATIONS_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    IDENTIFY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTVIEWED_FIELD_NUMBER: _ClassVar[int]
    ORDERCOMPLETED_FIELD_NUMBER: _ClassVar[int]
    REFUND_FIELD_NUMBER: _ClassVar[int]
    EMAILBOUNCED_FIELD_NUMBER: _ClassVar[int]
    messageId: str
    anonymousId: str
    userId: str
    type: str
    timestamp: str
    sentAt: str
    receivedAt: str
    context: Context
    integrations: _containers.ScalarMap[str, bool]
    event: str
    identify: Identify
    page: PageCall
    alias: Alias
    productViewed: ProductViewed
    orderCompleted: OrderCompleted
    refund: Refund
    emailBounced: EmailBounced
    def __init__(self, messageId: _Optional[str] = ..., anonymousId: _Optional[str] = ..., userId: _Optional[str] = ..., type: _Optional[str] = ..., timestamp: _Optional[str] = ..., sentAt: _Optional[str] = ..., receivedAt: _Optional[str] = ..., context: _Optional[_Union[Context, _Mapping]] = ..., integrations: _Optional[_Mapping[str, bool]] = ..., event: _Optional[str] = ..., identify: _Optional[_Union[Identify, _Mapping]] = ..., page: _Optional[_Union[PageCall, _Mapping]] = ..., alias: _Optional[_Union[Alias, _Mapping]] = ..., productViewed: _Optional[_Union[ProductViewed, _Mapping]] = ..., orderCompleted: _Optional[_Union[OrderCompleted, _Mapping]] = ..., refund: _Optional[_Union[Refund, _Mapping]] = ..., emailBounced: _Optional[_Union[EmailBounced, _Mapping]] = ...) -> None: ...

class Batch(_message.Message):
    __slots__ = ("batch", "context", "integrations", "sentAt")
    class IntegrationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: bool
        def __init__(self, key: _Optional[str] = ..., value: _Optional[bool] = ...) -> None: ...
    BATCH_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    INTEGRATIONS_FIELD_NUMBER: _ClassVar[int]
    SENTAT_FIELD_NUMBER: _ClassVar[int]
    batch: _containers.RepeatedCompositeFieldContainer[Message]
    context: Context
    integrations: _containers.ScalarMap[str, bool]
    sentAt: str
    def __init__(self, batch: _Optional[_Iterable[_Union[Message, _Mapping]]] = ..., context: _Optional[_Union[Context, _Mapping]] = ..., integrations: _Optional[_Mapping[str, bool]] = ..., sentAt: _Optional[str] = ...) -> None: ...
