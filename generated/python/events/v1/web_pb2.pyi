from eventgen import options_pb2 as _options_pb2
from events.v1 import common_pb2 as _common_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NavigationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NAVIGATION_TYPE_UNSPECIFIED: _ClassVar[NavigationType]
    NAVIGATION_TYPE_NAVIGATE: _ClassVar[NavigationType]
    NAVIGATION_TYPE_RELOAD: _ClassVar[NavigationType]
    NAVIGATION_TYPE_BACK_FORWARD: _ClassVar[NavigationType]
    NAVIGATION_TYPE_PRERENDER: _ClassVar[NavigationType]
NAVIGATION_TYPE_UNSPECIFIED: NavigationType
NAVIGATION_TYPE_NAVIGATE: NavigationType
NAVIGATION_TYPE_RELOAD: NavigationType
NAVIGATION_TYPE_BACK_FORWARD: NavigationType
NAVIGATION_TYPE_PRERENDER: NavigationType

class PageViewed(_message.Message):
    __slots__ = ("url", "path", "title", "previous_url", "geo", "viewport_height")
    URL_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_URL_FIELD_NUMBER: _ClassVar[int]
    GEO_FIELD_NUMBER: _ClassVar[int]
    VIEWPORT_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    url: str
    path: str
    title: str
    previous_url: str
    geo: _common_pb2.GeoPoint
    viewport_height: int
    def __init__(self, url: _Optional[str] = ..., path: _Optional[str] = ..., title: _Optional[str] = ..., previous_url: _Optional[str] = ..., geo: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., viewport_height: _Optional[int] = ...) -> None: ...

class LinkClicked(_message.Message):
    __slots__ = ("link_id", "destination_url", "creator", "campaign_id", "is_affiliate")
    LINK_ID_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_URL_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    IS_AFFILIATE_FIELD_NUMBER: _ClassVar[int]
    link_id: str
    destination_url: str
    creator: _common_pb2.CreatorRef
    campaign_id: str
    is_affiliate: bool
    def __init__(self, link_id: _Optional[str] = ..., destination_url: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ..., is_affiliate: _Optional[bool] = ...) -> None: ...

class FormSubmitted(_message.Message):
    __slots__ = ("form_id", "field_names", "success", "error_code")
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    FIELD_NAMES_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    form_id: str
    field_names: _containers.RepeatedScalarFieldContainer[str]
    success: bool
    error_code: str
    def __init__(self, form_id: _Optional[str] = ..., field_names: _Optional[_Iterable[str]] = ..., success: _Optional[bool] = ..., error_code: _Optional[str] = ...) -> None: ...

class NewsletterSubscribed(_message.Message):
    __slots__ = ("email", "phone", "list_id", "double_opt_in")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    LIST_ID_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_OPT_IN_FIELD_NUMBER: _ClassVar[int]
    email: str
    phone: str
    list_id: str
    double_opt_in: bool
    def __init__(self, email: _Optional[str] = ..., phone: _Optional[str] = ..., list_id: _Optional[str] = ..., double_opt_in: _Optional[bool] = ...) -> None: ...

class ExperimentExposed(_message.Message):
    __slots__ = ("experiment_id", "variant_id", "is_control", "variant_payload")
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_CONTROL_FIELD_NUMBER: _ClassVar[int]
    VARIANT_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    experiment_id: str
    variant_id: str
    is_control: bool
    variant_payload: _struct_pb2.Value
    def __init__(self, experiment_id: _Optional[str] = ..., variant_id: _Optional[str] = ..., is_control: _Optional[bool] = ..., variant_payload: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ...) -> None: ...

class CheckoutStarted(_message.Message):
    __slots__ = ("cart_id", "shop_domain", "items", "item_count", "subtotal", "discount_code")
    CART_ID_FIELD_NUMBER: _ClassVar[int]
    SHOP_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_CODE_FIELD_NUMBER: _ClassVar[int]
    cart_id: str
    shop_domain: str
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.ProductRef]
    item_count: int
    subtotal: _common_pb2.Money
    discount_code: str
    def __init__(self, cart_id: _Optional[str] = ..., shop_domain: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_common_pb2.ProductRef, _Mapping]]] = ..., item_count: _Optional[int] = ..., subtotal: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., discount_code: _Optional[str] = ...) -> None: ...

class WebVitalsReported(_message.Message):
    __slots__ = ("path", "lcp_ms", "inp_ms", "cls", "fcp_ms", "ttfb_ms", "navigation_type")
    PATH_FIELD_NUMBER: _ClassVar[int]
    LCP_MS_FIELD_NUMBER: _ClassVar[int]
    INP_MS_FIELD_NUMBER: _ClassVar[int]
    CLS_FIELD_NUMBER: _ClassVar[int]
    FCP_MS_FIELD_NUMBER: _ClassVar[int]
    TTFB_MS_FIELD_NUMBER: _ClassVar[int]
    NAVIGATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    path: str
    lcp_ms: float
    inp_ms: float
    cls: float
    fcp_ms: float
    ttfb_ms: float
    navigation_type: NavigationType
    def __init__(self, path: _Optional[str] = ..., lcp_ms: _Optional[float] = ..., inp_ms: _Optional[float] = ..., cls: _Optional[float] = ..., fcp_ms: _Optional[float] = ..., ttfb_ms: _Optional[float] = ..., navigation_type: _Optional[_Union[NavigationType, str]] = ...) -> None: ...
