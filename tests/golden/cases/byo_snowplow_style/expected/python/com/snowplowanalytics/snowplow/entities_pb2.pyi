from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Resolution(_message.Message):
    __slots__ = ("width", "height")
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    width: int
    height: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class Subject(_message.Message):
    __slots__ = ("userId", "domainUserid", "networkUserid", "ipAddress", "useragent", "language", "timezone", "screenResolution", "viewport", "colorDepth")
    USERID_FIELD_NUMBER: _ClassVar[int]
    DOMAINUSERID_FIELD_NUMBER: _ClassVar[int]
    NETWORKUSERID_FIELD_NUMBER: _ClassVar[int]
    IPADDRESS_FIELD_NUMBER: _ClassVar[int]
    USERAGENT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    SCREENRESOLUTION_FIELD_NUMBER: _ClassVar[int]
    VIEWPORT_FIELD_NUMBER: _ClassVar[int]
    COLORDEPTH_FIELD_NUMBER: _ClassVar[int]
    userId: str
    domainUserid: str
    networkUserid: str
    ipAddress: str
    useragent: str
    language: str
    timezone: str
    screenResolution: Resolution
    viewport: Resolution
    colorDepth: int
    def __init__(self, userId: _Optional[str] = ..., domainUserid: _Optional[str] = ..., networkUserid: _Optional[str] = ..., ipAddress: _Optional[str] = ..., useragent: _Optional[str] = ..., language: _Optional[str] = ..., timezone: _Optional[str] = ..., screenResolution: _Optional[_Union[Resolution, _Mapping]] = ..., viewport: _Optional[_Union[Resolution, _Mapping]] = ..., colorDepth: _Optional[int] = ...) -> None: ...

class SelfDescribingJson(_message.Message):
    __slots__ = ("schema", "data")
    SCHEMA_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    schema: str
    data: _struct_pb2.Struct
    def __init__(self, schema: _Optional[str] = ..., data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
