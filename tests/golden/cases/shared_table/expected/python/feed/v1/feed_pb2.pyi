from eventgen import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Envelope(_message.Message):
    __slots__ = ("id", "user_id", "post_liked", "post_shared", "post_reported")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    POST_LIKED_FIELD_NUMBER: _ClassVar[int]
    POST_SHARED_FIELD_NUMBER: _ClassVar[int]
    POST_REPORTED_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    post_liked: PostLiked
    post_shared: PostShared
    post_reported: PostReported
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., post_liked: _Optional[_Union[PostLiked, _Mapping]] = ..., post_shared: _Optional[_Union[PostShared, _Mapping]] = ..., post_reported: _Optional[_Union[PostReported, _Mapping]] = ...) -> None: ...

class PostLiked(_message.Message):
    __slots__ = ("post_id", "reaction")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    REACTION_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    reaction: str
    def __init__(self, post_id: _Optional[str] = ..., reaction: _Optional[str] = ...) -> None: ...

class PostShared(_message.Message):
    __slots__ = ("post_id", "reaction", "channels", "recipients")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    REACTION_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    reaction: str
    channels: _containers.RepeatedScalarFieldContainer[str]
    recipients: int
    def __init__(self, post_id: _Optional[str] = ..., reaction: _Optional[str] = ..., channels: _Optional[_Iterable[str]] = ..., recipients: _Optional[int] = ...) -> None: ...

class PostReported(_message.Message):
    __slots__ = ("post_id", "reaction", "reason", "channels_note")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    REACTION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_NOTE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    reaction: str
    reason: str
    channels_note: str
    def __init__(self, post_id: _Optional[str] = ..., reaction: _Optional[str] = ..., reason: _Optional[str] = ..., channels_note: _Optional[str] = ...) -> None: ...
