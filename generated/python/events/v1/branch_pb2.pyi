from eventgen import options_pb2 as _options_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BranchUserData(_message.Message):
    __slots__ = ("os", "os_version", "environment", "platform", "idfa", "idfv", "aaid", "android_id", "limit_ad_tracking", "user_agent", "ip", "developer_identity", "country", "language", "brand", "model", "app_version", "sdk_version", "geo_country_code", "geo_city_en")
    OS_FIELD_NUMBER: _ClassVar[int]
    OS_VERSION_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    IDFA_FIELD_NUMBER: _ClassVar[int]
    IDFV_FIELD_NUMBER: _ClassVar[int]
    AAID_FIELD_NUMBER: _ClassVar[int]
    ANDROID_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_AD_TRACKING_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    DEVELOPER_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    BRAND_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    APP_VERSION_FIELD_NUMBER: _ClassVar[int]
    SDK_VERSION_FIELD_NUMBER: _ClassVar[int]
    GEO_COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    GEO_CITY_EN_FIELD_NUMBER: _ClassVar[int]
    os: str
    os_version: str
    environment: str
    platform: str
    idfa: str
    idfv: str
    aaid: str
    android_id: str
    limit_ad_tracking: bool
    user_agent: str
    ip: str
    developer_identity: str
    country: str
    language: str
    brand: str
    model: str
    app_version: str
    sdk_version: str
    geo_country_code: str
    geo_city_en: str
    def __init__(self, os: _Optional[str] = ..., os_version: _Optional[str] = ..., environment: _Optional[str] = ..., platform: _Optional[str] = ..., idfa: _Optional[str] = ..., idfv: _Optional[str] = ..., aaid: _Optional[str] = ..., android_id: _Optional[str] = ..., limit_ad_tracking: _Optional[bool] = ..., user_agent: _Optional[str] = ..., ip: _Optional[str] = ..., developer_identity: _Optional[str] = ..., country: _Optional[str] = ..., language: _Optional[str] = ..., brand: _Optional[str] = ..., model: _Optional[str] = ..., app_version: _Optional[str] = ..., sdk_version: _Optional[str] = ..., geo_country_code: _Optional[str] = ..., geo_city_en: _Optional[str] = ...) -> None: ...

class BranchEventData(_message.Message):
    __slots__ = ("revenue", "currency", "transaction_id", "shipping", "tax", "coupon", "affiliation", "search_query", "description")
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    AFFILIATION_FIELD_NUMBER: _ClassVar[int]
    SEARCH_QUERY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    revenue: float
    currency: str
    transaction_id: str
    shipping: float
    tax: float
    coupon: str
    affiliation: str
    search_query: str
    description: str
    def __init__(self, revenue: _Optional[float] = ..., currency: _Optional[str] = ..., transaction_id: _Optional[str] = ..., shipping: _Optional[float] = ..., tax: _Optional[float] = ..., coupon: _Optional[str] = ..., affiliation: _Optional[str] = ..., search_query: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class BranchWebhookEvent(_message.Message):
    __slots__ = ("name", "id", "customer_event_alias", "timestamp", "origin", "organization_id", "organization_name", "attributed", "deep_linked", "first_event_for_user", "existing_user", "last_attributed_touch_type", "last_attributed_touch_timestamp", "days_from_last_attributed_touch_to_event", "hours_from_last_attributed_touch_to_event", "minutes_from_last_attributed_touch_to_event", "seconds_from_last_attributed_touch_to_event", "user_data", "event_data", "custom_data", "content_items", "last_attributed_touch_data", "last_cta_view_data")
    class CustomDataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EVENT_ALIAS_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTED_FIELD_NUMBER: _ClassVar[int]
    DEEP_LINKED_FIELD_NUMBER: _ClassVar[int]
    FIRST_EVENT_FOR_USER_FIELD_NUMBER: _ClassVar[int]
    EXISTING_USER_FIELD_NUMBER: _ClassVar[int]
    LAST_ATTRIBUTED_TOUCH_TYPE_FIELD_NUMBER: _ClassVar[int]
    LAST_ATTRIBUTED_TOUCH_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    DAYS_FROM_LAST_ATTRIBUTED_TOUCH_TO_EVENT_FIELD_NUMBER: _ClassVar[int]
    HOURS_FROM_LAST_ATTRIBUTED_TOUCH_TO_EVENT_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FROM_LAST_ATTRIBUTED_TOUCH_TO_EVENT_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FROM_LAST_ATTRIBUTED_TOUCH_TO_EVENT_FIELD_NUMBER: _ClassVar[int]
    USER_DATA_FIELD_NUMBER: _ClassVar[int]
    EVENT_DATA_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_DATA_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ITEMS_FIELD_NUMBER: _ClassVar[int]
    LAST_ATTRIBUTED_TOUCH_DATA_FIELD_NUMBER: _ClassVar[int]
    LAST_CTA_VIEW_DATA_FIELD_NUMBER: _ClassVar[int]
    name: str
    id: int
    customer_event_alias: str
    timestamp: int
    origin: str
    organization_id: int
    organization_name: str
    attributed: bool
    deep_linked: bool
    first_event_for_user: bool
    existing_user: bool
    last_attributed_touch_type: str
    last_attributed_touch_timestamp: int
    days_from_last_attributed_touch_to_event: int
    hours_from_last_attributed_touch_to_event: int
    minutes_from_last_attributed_touch_to_event: int
    seconds_from_last_attributed_touch_to_event: int
    user_data: BranchUserData
    event_data: BranchEventData
    custom_data: _containers.ScalarMap[str, str]
    content_items: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    last_attributed_touch_data: _struct_pb2.Struct
    last_cta_view_data: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., id: _Optional[int] = ..., customer_event_alias: _Optional[str] = ..., timestamp: _Optional[int] = ..., origin: _Optional[str] = ..., organization_id: _Optional[int] = ..., organization_name: _Optional[str] = ..., attributed: _Optional[bool] = ..., deep_linked: _Optional[bool] = ..., first_event_for_user: _Optional[bool] = ..., existing_user: _Optional[bool] = ..., last_attributed_touch_type: _Optional[str] = ..., last_attributed_touch_timestamp: _Optional[int] = ..., days_from_last_attributed_touch_to_event: _Optional[int] = ..., hours_from_last_attributed_touch_to_event: _Optional[int] = ..., minutes_from_last_attributed_touch_to_event: _Optional[int] = ..., seconds_from_last_attributed_touch_to_event: _Optional[int] = ..., user_data: _Optional[_Union[BranchUserData, _Mapping]] = ..., event_data: _Optional[_Union[BranchEventData, _Mapping]] = ..., custom_data: _Optional[_Mapping[str, str]] = ..., content_items: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., last_attributed_touch_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., last_cta_view_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class BranchInstall(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchReinstall(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchOpen(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchClick(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchPurchase(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchAddToCart(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...

class BranchCompleteRegistration(_message.Message):
    __slots__ = ("branch",)
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    branch: BranchWebhookEvent
    def __init__(self, branch: _Optional[_Union[BranchWebhookEvent, _Mapping]] = ...) -> None: ...
