from eventgen import options_pb2 as _options_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Platform(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLATFORM_UNSPECIFIED: _ClassVar[Platform]
    PLATFORM_IOS: _ClassVar[Platform]
    PLATFORM_ANDROID: _ClassVar[Platform]
    PLATFORM_WEB: _ClassVar[Platform]
    PLATFORM_SERVER: _ClassVar[Platform]

class SocialPlatform(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SOCIAL_PLATFORM_UNSPECIFIED: _ClassVar[SocialPlatform]
    SOCIAL_PLATFORM_INSTAGRAM: _ClassVar[SocialPlatform]
    SOCIAL_PLATFORM_YOUTUBE: _ClassVar[SocialPlatform]
    SOCIAL_PLATFORM_TIKTOK: _ClassVar[SocialPlatform]

class ContentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTENT_TYPE_UNSPECIFIED: _ClassVar[ContentType]
    CONTENT_TYPE_IMAGE: _ClassVar[ContentType]
    CONTENT_TYPE_CAROUSEL: _ClassVar[ContentType]
    CONTENT_TYPE_VIDEO: _ClassVar[ContentType]
    CONTENT_TYPE_REEL: _ClassVar[ContentType]
    CONTENT_TYPE_STORY: _ClassVar[ContentType]
    CONTENT_TYPE_SHORT: _ClassVar[ContentType]
    CONTENT_TYPE_LIVE: _ClassVar[ContentType]
PLATFORM_UNSPECIFIED: Platform
PLATFORM_IOS: Platform
PLATFORM_ANDROID: Platform
PLATFORM_WEB: Platform
PLATFORM_SERVER: Platform
SOCIAL_PLATFORM_UNSPECIFIED: SocialPlatform
SOCIAL_PLATFORM_INSTAGRAM: SocialPlatform
SOCIAL_PLATFORM_YOUTUBE: SocialPlatform
SOCIAL_PLATFORM_TIKTOK: SocialPlatform
CONTENT_TYPE_UNSPECIFIED: ContentType
CONTENT_TYPE_IMAGE: ContentType
CONTENT_TYPE_CAROUSEL: ContentType
CONTENT_TYPE_VIDEO: ContentType
CONTENT_TYPE_REEL: ContentType
CONTENT_TYPE_STORY: ContentType
CONTENT_TYPE_SHORT: ContentType
CONTENT_TYPE_LIVE: ContentType

class ClientHeader(_message.Message):
    __slots__ = ("session_id", "device_id", "user_id", "anonymous_id", "app_version", "app_build", "platform", "os_name", "os_version", "device_model", "locale", "timezone", "ip", "user_agent", "country", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "referrer", "screen_width", "screen_height")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_ID_FIELD_NUMBER: _ClassVar[int]
    APP_VERSION_FIELD_NUMBER: _ClassVar[int]
    APP_BUILD_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    OS_NAME_FIELD_NUMBER: _ClassVar[int]
    OS_VERSION_FIELD_NUMBER: _ClassVar[int]
    DEVICE_MODEL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    UTM_SOURCE_FIELD_NUMBER: _ClassVar[int]
    UTM_MEDIUM_FIELD_NUMBER: _ClassVar[int]
    UTM_CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    UTM_TERM_FIELD_NUMBER: _ClassVar[int]
    UTM_CONTENT_FIELD_NUMBER: _ClassVar[int]
    REFERRER_FIELD_NUMBER: _ClassVar[int]
    SCREEN_WIDTH_FIELD_NUMBER: _ClassVar[int]
    SCREEN_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    device_id: str
    user_id: str
    anonymous_id: str
    app_version: str
    app_build: int
    platform: Platform
    os_name: str
    os_version: str
    device_model: str
    locale: str
    timezone: str
    ip: str
    user_agent: str
    country: str
    utm_source: str
    utm_medium: str
    utm_campaign: str
    utm_term: str
    utm_content: str
    referrer: str
    screen_width: int
    screen_height: int
    def __init__(self, session_id: _Optional[str] = ..., device_id: _Optional[str] = ..., user_id: _Optional[str] = ..., anonymous_id: _Optional[str] = ..., app_version: _Optional[str] = ..., app_build: _Optional[int] = ..., platform: _Optional[_Union[Platform, str]] = ..., os_name: _Optional[str] = ..., os_version: _Optional[str] = ..., device_model: _Optional[str] = ..., locale: _Optional[str] = ..., timezone: _Optional[str] = ..., ip: _Optional[str] = ..., user_agent: _Optional[str] = ..., country: _Optional[str] = ..., utm_source: _Optional[str] = ..., utm_medium: _Optional[str] = ..., utm_campaign: _Optional[str] = ..., utm_term: _Optional[str] = ..., utm_content: _Optional[str] = ..., referrer: _Optional[str] = ..., screen_width: _Optional[int] = ..., screen_height: _Optional[int] = ...) -> None: ...

class Money(_message.Message):
    __slots__ = ("currency_code", "amount_micros")
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_MICROS_FIELD_NUMBER: _ClassVar[int]
    currency_code: str
    amount_micros: int
    def __init__(self, currency_code: _Optional[str] = ..., amount_micros: _Optional[int] = ...) -> None: ...

class GeoPoint(_message.Message):
    __slots__ = ("lat", "lon")
    LAT_FIELD_NUMBER: _ClassVar[int]
    LON_FIELD_NUMBER: _ClassVar[int]
    lat: float
    lon: float
    def __init__(self, lat: _Optional[float] = ..., lon: _Optional[float] = ...) -> None: ...

class CreatorRef(_message.Message):
    __slots__ = ("creator_id", "handle", "social_platform")
    CREATOR_ID_FIELD_NUMBER: _ClassVar[int]
    HANDLE_FIELD_NUMBER: _ClassVar[int]
    SOCIAL_PLATFORM_FIELD_NUMBER: _ClassVar[int]
    creator_id: str
    handle: str
    social_platform: SocialPlatform
    def __init__(self, creator_id: _Optional[str] = ..., handle: _Optional[str] = ..., social_platform: _Optional[_Union[SocialPlatform, str]] = ...) -> None: ...

class ContentRef(_message.Message):
    __slots__ = ("content_id", "external_id", "content_type", "creator", "campaign_id")
    CONTENT_ID_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    content_id: str
    external_id: str
    content_type: ContentType
    creator: CreatorRef
    campaign_id: str
    def __init__(self, content_id: _Optional[str] = ..., external_id: _Optional[str] = ..., content_type: _Optional[_Union[ContentType, str]] = ..., creator: _Optional[_Union[CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ...) -> None: ...

class ProductRef(_message.Message):
    __slots__ = ("product_id", "variant_id", "sku", "title", "brand_id", "price")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BRAND_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    variant_id: str
    sku: str
    title: str
    brand_id: str
    price: Money
    def __init__(self, product_id: _Optional[str] = ..., variant_id: _Optional[str] = ..., sku: _Optional[str] = ..., title: _Optional[str] = ..., brand_id: _Optional[str] = ..., price: _Optional[_Union[Money, _Mapping]] = ...) -> None: ...
