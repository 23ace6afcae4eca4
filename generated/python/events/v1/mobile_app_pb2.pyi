import datetime

from eventgen import options_pb2 as _options_pb2
from events.v1 import common_pb2 as _common_pb2
from google.protobuf import any_pb2 as _any_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstallStore(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INSTALL_STORE_UNSPECIFIED: _ClassVar[InstallStore]
    INSTALL_STORE_APP_STORE: _ClassVar[InstallStore]
    INSTALL_STORE_PLAY_STORE: _ClassVar[InstallStore]
    INSTALL_STORE_TESTFLIGHT: _ClassVar[InstallStore]
    INSTALL_STORE_OTHER: _ClassVar[InstallStore]

class AppPermission(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    APP_PERMISSION_UNSPECIFIED: _ClassVar[AppPermission]
    APP_PERMISSION_NOTIFICATIONS: _ClassVar[AppPermission]
    APP_PERMISSION_CAMERA: _ClassVar[AppPermission]
    APP_PERMISSION_PHOTOS: _ClassVar[AppPermission]
    APP_PERMISSION_LOCATION: _ClassVar[AppPermission]
    APP_PERMISSION_TRACKING: _ClassVar[AppPermission]
    APP_PERMISSION_CONTACTS: _ClassVar[AppPermission]

class ShareChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SHARE_CHANNEL_UNSPECIFIED: _ClassVar[ShareChannel]
    SHARE_CHANNEL_COPY_LINK: _ClassVar[ShareChannel]
    SHARE_CHANNEL_WHATSAPP: _ClassVar[ShareChannel]
    SHARE_CHANNEL_INSTAGRAM_STORY: _ClassVar[ShareChannel]
    SHARE_CHANNEL_SMS: _ClassVar[ShareChannel]
    SHARE_CHANNEL_OTHER: _ClassVar[ShareChannel]
INSTALL_STORE_UNSPECIFIED: InstallStore
INSTALL_STORE_APP_STORE: InstallStore
INSTALL_STORE_PLAY_STORE: InstallStore
INSTALL_STORE_TESTFLIGHT: InstallStore
INSTALL_STORE_OTHER: InstallStore
APP_PERMISSION_UNSPECIFIED: AppPermission
APP_PERMISSION_NOTIFICATIONS: AppPermission
APP_PERMISSION_CAMERA: AppPermission
APP_PERMISSION_PHOTOS: AppPermission
APP_PERMISSION_LOCATION: AppPermission
APP_PERMISSION_TRACKING: AppPermission
APP_PERMISSION_CONTACTS: AppPermission
SHARE_CHANNEL_UNSPECIFIED: ShareChannel
SHARE_CHANNEL_COPY_LINK: ShareChannel
SHARE_CHANNEL_WHATSAPP: ShareChannel
SHARE_CHANNEL_INSTAGRAM_STORY: ShareChannel
SHARE_CHANNEL_SMS: ShareChannel
SHARE_CHANNEL_OTHER: ShareChannel

class AppInstalled(_message.Message):
    __slots__ = ("store", "install_referrer", "from_creator_link", "granted_permissions")
    STORE_FIELD_NUMBER: _ClassVar[int]
    INSTALL_REFERRER_FIELD_NUMBER: _ClassVar[int]
    FROM_CREATOR_LINK_FIELD_NUMBER: _ClassVar[int]
    GRANTED_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    store: InstallStore
    install_referrer: str
    from_creator_link: bool
    granted_permissions: _containers.RepeatedScalarFieldContainer[AppPermission]
    def __init__(self, store: _Optional[_Union[InstallStore, str]] = ..., install_referrer: _Optional[str] = ..., from_creator_link: _Optional[bool] = ..., granted_permissions: _Optional[_Iterable[_Union[AppPermission, str]]] = ...) -> None: ...

class AppOpened(_message.Message):
    __slots__ = ("cold_start", "launch_duration", "deep_link_url", "push_campaign_id")
    COLD_START_FIELD_NUMBER: _ClassVar[int]
    LAUNCH_DURATION_FIELD_NUMBER: _ClassVar[int]
    DEEP_LINK_URL_FIELD_NUMBER: _ClassVar[int]
    PUSH_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    cold_start: bool
    launch_duration: _duration_pb2.Duration
    deep_link_url: str
    push_campaign_id: str
    def __init__(self, cold_start: _Optional[bool] = ..., launch_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., deep_link_url: _Optional[str] = ..., push_campaign_id: _Optional[str] = ...) -> None: ...

class AppBackgrounded(_message.Message):
    __slots__ = ("foreground_duration", "screens_viewed")
    FOREGROUND_DURATION_FIELD_NUMBER: _ClassVar[int]
    SCREENS_VIEWED_FIELD_NUMBER: _ClassVar[int]
    foreground_duration: _duration_pb2.Duration
    screens_viewed: int
    def __init__(self, foreground_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., screens_viewed: _Optional[int] = ...) -> None: ...

class AppForegrounded(_message.Message):
    __slots__ = ("background_duration",)
    BACKGROUND_DURATION_FIELD_NUMBER: _ClassVar[int]
    background_duration: _duration_pb2.Duration
    def __init__(self, background_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class AppCrashed(_message.Message):
    __slots__ = ("exception_type", "exception_message", "fatal", "frames", "breadcrumbs", "stack_hash", "exit_code", "free_memory_bytes", "free_disk_bytes", "battery_level", "minidump_sha256", "uptime", "native_context")
    class StackFrame(_message.Message):
        __slots__ = ("symbol", "file", "line", "address")
        SYMBOL_FIELD_NUMBER: _ClassVar[int]
        FILE_FIELD_NUMBER: _ClassVar[int]
        LINE_FIELD_NUMBER: _ClassVar[int]
        ADDRESS_FIELD_NUMBER: _ClassVar[int]
        symbol: str
        file: str
        line: int
        address: int
        def __init__(self, symbol: _Optional[str] = ..., file: _Optional[str] = ..., line: _Optional[int] = ..., address: _Optional[int] = ...) -> None: ...
    EXCEPTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXCEPTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FATAL_FIELD_NUMBER: _ClassVar[int]
    FRAMES_FIELD_NUMBER: _ClassVar[int]
    BREADCRUMBS_FIELD_NUMBER: _ClassVar[int]
    STACK_HASH_FIELD_NUMBER: _ClassVar[int]
    EXIT_CODE_FIELD_NUMBER: _ClassVar[int]
    FREE_MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    FREE_DISK_BYTES_FIELD_NUMBER: _ClassVar[int]
    BATTERY_LEVEL_FIELD_NUMBER: _ClassVar[int]
    MINIDUMP_SHA256_FIELD_NUMBER: _ClassVar[int]
    UPTIME_FIELD_NUMBER: _ClassVar[int]
    NATIVE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    exception_type: str
    exception_message: str
    fatal: bool
    frames: _containers.RepeatedCompositeFieldContainer[AppCrashed.StackFrame]
    breadcrumbs: _containers.RepeatedScalarFieldContainer[str]
    stack_hash: int
    exit_code: int
    free_memory_bytes: int
    free_disk_bytes: int
    battery_level: float
    minidump_sha256: bytes
    uptime: _duration_pb2.Duration
    native_context: _any_pb2.Any
    def __init__(self, exception_type: _Optional[str] = ..., exception_message: _Optional[str] = ..., fatal: _Optional[bool] = ..., frames: _Optional[_Iterable[_Union[AppCrashed.StackFrame, _Mapping]]] = ..., breadcrumbs: _Optional[_Iterable[str]] = ..., stack_hash: _Optional[int] = ..., exit_code: _Optional[int] = ..., free_memory_bytes: _Optional[int] = ..., free_disk_bytes: _Optional[int] = ..., battery_level: _Optional[float] = ..., minidump_sha256: _Optional[bytes] = ..., uptime: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., native_context: _Optional[_Union[_any_pb2.Any, _Mapping]] = ...) -> None: ...

class ScreenViewed(_message.Message):
    __slots__ = ("screen_name", "previous_screen_name", "screen_params", "time_on_previous_screen")
    class ScreenParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SCREEN_NAME_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_SCREEN_NAME_FIELD_NUMBER: _ClassVar[int]
    SCREEN_PARAMS_FIELD_NUMBER: _ClassVar[int]
    TIME_ON_PREVIOUS_SCREEN_FIELD_NUMBER: _ClassVar[int]
    screen_name: str
    previous_screen_name: str
    screen_params: _containers.ScalarMap[str, str]
    time_on_previous_screen: _duration_pb2.Duration
    def __init__(self, screen_name: _Optional[str] = ..., previous_screen_name: _Optional[str] = ..., screen_params: _Optional[_Mapping[str, str]] = ..., time_on_previous_screen: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class PushNotificationOpened(_message.Message):
    __slots__ = ("notification_id", "campaign_id", "action_id", "deep_link_url")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEEP_LINK_URL_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    campaign_id: str
    action_id: str
    deep_link_url: str
    def __init__(self, notification_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., action_id: _Optional[str] = ..., deep_link_url: _Optional[str] = ...) -> None: ...

class SearchPerformed(_message.Message):
    __slots__ = ("query", "filters", "result_count", "facet_counts", "page")
    class FacetCountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    QUERY_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    RESULT_COUNT_FIELD_NUMBER: _ClassVar[int]
    FACET_COUNTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    query: str
    filters: _containers.RepeatedScalarFieldContainer[str]
    result_count: int
    facet_counts: _containers.ScalarMap[str, int]
    page: int
    def __init__(self, query: _Optional[str] = ..., filters: _Optional[_Iterable[str]] = ..., result_count: _Optional[int] = ..., facet_counts: _Optional[_Mapping[str, int]] = ..., page: _Optional[int] = ...) -> None: ...

class CreatorProfileViewed(_message.Message):
    __slots__ = ("creator", "from_screen")
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    FROM_SCREEN_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    from_screen: str
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., from_screen: _Optional[str] = ...) -> None: ...

class ContentViewed(_message.Message):
    __slots__ = ("content", "visible_fraction", "dwell_ms", "feed_position")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    VISIBLE_FRACTION_FIELD_NUMBER: _ClassVar[int]
    DWELL_MS_FIELD_NUMBER: _ClassVar[int]
    FEED_POSITION_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    visible_fraction: float
    dwell_ms: int
    feed_position: int
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., visible_fraction: _Optional[float] = ..., dwell_ms: _Optional[int] = ..., feed_position: _Optional[int] = ...) -> None: ...

class VideoProgressed(_message.Message):
    __slots__ = ("content", "progress_pct", "position_ms", "duration_ms", "muted")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_PCT_FIELD_NUMBER: _ClassVar[int]
    POSITION_MS_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    MUTED_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    progress_pct: float
    position_ms: int
    duration_ms: int
    muted: bool
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., progress_pct: _Optional[float] = ..., position_ms: _Optional[int] = ..., duration_ms: _Optional[int] = ..., muted: _Optional[bool] = ...) -> None: ...

class ContentShared(_message.Message):
    __slots__ = ("content", "share_channel")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    SHARE_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    share_channel: ShareChannel
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., share_channel: _Optional[_Union[ShareChannel, str]] = ...) -> None: ...

class ProductViewed(_message.Message):
    __slots__ = ("product", "via_content")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    VIA_CONTENT_FIELD_NUMBER: _ClassVar[int]
    product: _common_pb2.ProductRef
    via_content: _common_pb2.ContentRef
    def __init__(self, product: _Optional[_Union[_common_pb2.ProductRef, _Mapping]] = ..., via_content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ...) -> None: ...

class ProductAddedToCart(_message.Message):
    __slots__ = ("product", "quantity", "cart_id", "cart_total")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    CART_ID_FIELD_NUMBER: _ClassVar[int]
    CART_TOTAL_FIELD_NUMBER: _ClassVar[int]
    product: _common_pb2.ProductRef
    quantity: int
    cart_id: str
    cart_total: _common_pb2.Money
    def __init__(self, product: _Optional[_Union[_common_pb2.ProductRef, _Mapping]] = ..., quantity: _Optional[int] = ..., cart_id: _Optional[str] = ..., cart_total: _Optional[_Union[_common_pb2.Money, _Mapping]] = ...) -> None: ...
