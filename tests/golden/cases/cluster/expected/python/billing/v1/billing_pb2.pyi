import datetime

from eventgen import options_pb2 as _options_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Envelope(_message.Message):
    __slots__ = ("event_id", "at", "account_id", "invoice_issued", "invoice_paid")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_ISSUED_FIELD_NUMBER: _ClassVar[int]
    INVOICE_PAID_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    at: _timestamp_pb2.Timestamp
    account_id: str
    invoice_issued: InvoiceIssued
    invoice_paid: InvoicePaid
    def __init__(self, event_id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., account_id: _Optional[str] = ..., invoice_issued: _Optional[_Union[InvoiceIssued, _Mapping]] = ..., invoice_paid: _Optional[_Union[InvoicePaid, _Mapping]] = ...) -> None: ...

class InvoiceIssued(_message.Message):
    __slots__ = ("invoice_id", "amount_cents", "currency")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    amount_cents: int
    currency: str
    def __init__(self, invoice_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class InvoicePaid(_message.Message):
    __slots__ = ("invoice_id", "amount_cents")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    amount_cents: int
    def __init__(self, invoice_id: _Optional[str] = ..., amount_cents: _Optional[int] = ...) -> None: ...
