from eventgen import options_pb2 as _options_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WebengageSystemData(_message.Message):
    __slots__ = ("id", "experiment_id", "variation_id", "sdk", "scope", "campaign_type", "campaign_name", "journey_id", "journey_name", "message_id", "cta_id", "link", "email_subject", "push_notification_content")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIATION_ID_FIELD_NUMBER: _ClassVar[int]
    SDK_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_TYPE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_NAME_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_NAME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CTA_ID_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    EMAIL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    PUSH_NOTIFICATION_CONTENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    experiment_id: str
    variation_id: str
    sdk: str
    scope: str
    campaign_type: str
    campaign_name: str
    journey_id: str
    journey_name: str
    message_id: str
    cta_id: str
    link: str
    email_subject: str
    push_notification_content: str
    def __init__(self, id: _Optional[str] = ..., experiment_id: _Optional[str] = ..., variation_id: _Optional[str] = ..., sdk: _Optional[str] = ..., scope: _Optional[str] = ..., campaign_type: _Optional[str] = ..., campaign_name: _Optional[str] = ..., journey_id: _Optional[str] = ..., journey_name: _Optional[str] = ..., message_id: _Optional[str] = ..., cta_id: _Optional[str] = ..., link: _Optional[str] = ..., email_subject: _Optional[str] = ..., push_notification_content: _Optional[str] = ...) -> None: ...

class WebengageWebhookEvent(_message.Message):
    __slots__ = ("event_name", "event_time", "category", "user_id", "anonymous_id", "license_code", "event_data", "system_data")
    EVENT_NAME_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_ID_FIELD_NUMBER: _ClassVar[int]
    LICENSE_CODE_FIELD_NUMBER: _ClassVar[int]
    EVENT_DATA_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_DATA_FIELD_NUMBER: _ClassVar[int]
    event_name: str
    event_time: str
    category: str
    user_id: str
    anonymous_id: str
    license_code: str
    event_data: _struct_pb2.Struct
    system_data: WebengageSystemData
    def __init__(self, event_name: _Optional[str] = ..., event_time: _Optional[str] = ..., category: _Optional[str] = ..., user_id: _Optional[str] = ..., anonymous_id: _Optional[str] = ..., license_code: _Optional[str] = ..., event_data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., system_data: _Optional[_Union[WebengageSystemData, _Mapping]] = ...) -> None: ...

class WebengageUserSignedUp(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageUserLoggedIn(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageUserUpdated(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageEmailSent(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageEmailOpened(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageEmailClicked(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengagePushNotificationSent(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengagePushNotificationClicked(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageSmsSent(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...

class WebengageInAppShown(_message.Message):
    __slots__ = ("webengage",)
    WEBENGAGE_FIELD_NUMBER: _ClassVar[int]
    webengage: WebengageWebhookEvent
    def __init__(self, webengage: _Optional[_Union[WebengageWebhookEvent, _Mapping]] = ...) -> None: ...
