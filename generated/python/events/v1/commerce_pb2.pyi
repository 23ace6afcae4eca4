import datetime

from eventgen import options_pb2 as _options_pb2
from events.v1 import common_pb2 as _common_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RefundReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REFUND_REASON_UNSPECIFIED: _ClassVar[RefundReason]
    REFUND_REASON_CUSTOMER_REQUEST: _ClassVar[RefundReason]
    REFUND_REASON_DAMAGED: _ClassVar[RefundReason]
    REFUND_REASON_NOT_DELIVERED: _ClassVar[RefundReason]
    REFUND_REASON_FRAUD: _ClassVar[RefundReason]

class CommissionStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COMMISSION_STATUS_UNSPECIFIED: _ClassVar[CommissionStatus]
    COMMISSION_STATUS_PENDING: _ClassVar[CommissionStatus]
    COMMISSION_STATUS_APPROVED: _ClassVar[CommissionStatus]
    COMMISSION_STATUS_REVERSED: _ClassVar[CommissionStatus]
REFUND_REASON_UNSPECIFIED: RefundReason
REFUND_REASON_CUSTOMER_REQUEST: RefundReason
REFUND_REASON_DAMAGED: RefundReason
REFUND_REASON_NOT_DELIVERED: RefundReason
REFUND_REASON_FRAUD: RefundReason
COMMISSION_STATUS_UNSPECIFIED: CommissionStatus
COMMISSION_STATUS_PENDING: CommissionStatus
COMMISSION_STATUS_APPROVED: CommissionStatus
COMMISSION_STATUS_REVERSED: CommissionStatus

class OrderLine(_message.Message):
    __slots__ = ("line_id", "product", "quantity", "line_total")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    LINE_TOTAL_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    product: _common_pb2.ProductRef
    quantity: int
    line_total: _common_pb2.Money
    def __init__(self, line_id: _Optional[str] = ..., product: _Optional[_Union[_common_pb2.ProductRef, _Mapping]] = ..., quantity: _Optional[int] = ..., line_total: _Optional[_Union[_common_pb2.Money, _Mapping]] = ...) -> None: ...

class LinkAttribution(_message.Message):
    __slots__ = ("id", "creator", "campaign_id", "click_to_order")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CLICK_TO_ORDER_FIELD_NUMBER: _ClassVar[int]
    id: str
    creator: _common_pb2.CreatorRef
    campaign_id: str
    click_to_order: _duration_pb2.Duration
    def __init__(self, id: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ..., click_to_order: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class CouponAttribution(_message.Message):
    __slots__ = ("code", "creator", "campaign_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    creator: _common_pb2.CreatorRef
    campaign_id: str
    def __init__(self, code: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ...) -> None: ...

class OrderPlaced(_message.Message):
    __slots__ = ("order_id", "shop_domain", "shopify_order_id", "lines", "subtotal", "total", "discount", "discount_codes", "link", "coupon", "customer_email", "shipping_country", "first_order")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOP_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_CODES_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_COUNTRY_FIELD_NUMBER: _ClassVar[int]
    FIRST_ORDER_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shop_domain: str
    shopify_order_id: int
    lines: _containers.RepeatedCompositeFieldContainer[OrderLine]
    subtotal: _common_pb2.Money
    total: _common_pb2.Money
    discount: _common_pb2.Money
    discount_codes: _containers.RepeatedScalarFieldContainer[str]
    link: LinkAttribution
    coupon: CouponAttribution
    customer_email: str
    shipping_country: str
    first_order: bool
    def __init__(self, order_id: _Optional[str] = ..., shop_domain: _Optional[str] = ..., shopify_order_id: _Optional[int] = ..., lines: _Optional[_Iterable[_Union[OrderLine, _Mapping]]] = ..., subtotal: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., total: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., discount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., discount_codes: _Optional[_Iterable[str]] = ..., link: _Optional[_Union[LinkAttribution, _Mapping]] = ..., coupon: _Optional[_Union[CouponAttribution, _Mapping]] = ..., customer_email: _Optional[str] = ..., shipping_country: _Optional[str] = ..., first_order: _Optional[bool] = ...) -> None: ...

class OrderRefunded(_message.Message):
    __slots__ = ("order_id", "refund_id", "amount", "reason", "line_ids", "full_refund", "balance_delta_micros")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINE_IDS_FIELD_NUMBER: _ClassVar[int]
    FULL_REFUND_FIELD_NUMBER: _ClassVar[int]
    BALANCE_DELTA_MICROS_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    refund_id: str
    amount: _common_pb2.Money
    reason: RefundReason
    line_ids: _containers.RepeatedScalarFieldContainer[str]
    full_refund: bool
    balance_delta_micros: int
    def __init__(self, order_id: _Optional[str] = ..., refund_id: _Optional[str] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., reason: _Optional[_Union[RefundReason, str]] = ..., line_ids: _Optional[_Iterable[str]] = ..., full_refund: _Optional[bool] = ..., balance_delta_micros: _Optional[int] = ...) -> None: ...

class CommissionEarned(_message.Message):
    __slots__ = ("commission_id", "order_id", "creator", "campaign_id", "order_total", "commission", "commission_rate", "rate_adjustment_bps", "status")
    COMMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_TOTAL_FIELD_NUMBER: _ClassVar[int]
    COMMISSION_FIELD_NUMBER: _ClassVar[int]
    COMMISSION_RATE_FIELD_NUMBER: _ClassVar[int]
    RATE_ADJUSTMENT_BPS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    commission_id: str
    order_id: str
    creator: _common_pb2.CreatorRef
    campaign_id: str
    order_total: _common_pb2.Money
    commission: _common_pb2.Money
    commission_rate: float
    rate_adjustment_bps: int
    status: CommissionStatus
    def __init__(self, commission_id: _Optional[str] = ..., order_id: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ..., order_total: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., commission: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., commission_rate: _Optional[float] = ..., rate_adjustment_bps: _Optional[int] = ..., status: _Optional[_Union[CommissionStatus, str]] = ...) -> None: ...

class BankAccount(_message.Message):
    __slots__ = ("bank_country", "account_last4", "routing_number")
    BANK_COUNTRY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_LAST4_FIELD_NUMBER: _ClassVar[int]
    ROUTING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    bank_country: str
    account_last4: str
    routing_number: str
    def __init__(self, bank_country: _Optional[str] = ..., account_last4: _Optional[str] = ..., routing_number: _Optional[str] = ...) -> None: ...

class PaypalAccount(_message.Message):
    __slots__ = ("email",)
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    email: str
    def __init__(self, email: _Optional[str] = ...) -> None: ...

class PayoutInitiated(_message.Message):
    __slots__ = ("payout_id", "creator", "amount", "commission_ids", "bank", "paypal")
    PAYOUT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    COMMISSION_IDS_FIELD_NUMBER: _ClassVar[int]
    BANK_FIELD_NUMBER: _ClassVar[int]
    PAYPAL_FIELD_NUMBER: _ClassVar[int]
    payout_id: str
    creator: _common_pb2.CreatorRef
    amount: _common_pb2.Money
    commission_ids: _containers.RepeatedScalarFieldContainer[str]
    bank: BankAccount
    paypal: PaypalAccount
    def __init__(self, payout_id: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., commission_ids: _Optional[_Iterable[str]] = ..., bank: _Optional[_Union[BankAccount, _Mapping]] = ..., paypal: _Optional[_Union[PaypalAccount, _Mapping]] = ...) -> None: ...

class PayoutCompleted(_message.Message):
    __slots__ = ("payout_id", "creator", "amount", "fee", "provider_reference", "settled_at")
    PAYOUT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    FEE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SETTLED_AT_FIELD_NUMBER: _ClassVar[int]
    payout_id: str
    creator: _common_pb2.CreatorRef
    amount: _common_pb2.Money
    fee: _common_pb2.Money
    provider_reference: str
    settled_at: _timestamp_pb2.Timestamp
    def __init__(self, payout_id: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., fee: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., provider_reference: _Optional[str] = ..., settled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PayoutFailed(_message.Message):
    __slots__ = ("payout_id", "creator", "amount", "failure_code", "failure_message", "will_retry")
    PAYOUT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    FAILURE_CODE_FIELD_NUMBER: _ClassVar[int]
    FAILURE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    WILL_RETRY_FIELD_NUMBER: _ClassVar[int]
    payout_id: str
    creator: _common_pb2.CreatorRef
    amount: _common_pb2.Money
    failure_code: str
    failure_message: str
    will_retry: bool
    def __init__(self, payout_id: _Optional[str] = ..., creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., failure_code: _Optional[str] = ..., failure_message: _Optional[str] = ..., will_retry: _Optional[bool] = ...) -> None: ...
