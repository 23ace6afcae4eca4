from eventgen import options_pb2 as _options_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ShopifyMoney(_message.Message):
    __slots__ = ("amount", "currency_code")
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    amount: str
    currency_code: str
    def __init__(self, amount: _Optional[str] = ..., currency_code: _Optional[str] = ...) -> None: ...

class ShopifyPriceSet(_message.Message):
    __slots__ = ("shop_money", "presentment_money")
    SHOP_MONEY_FIELD_NUMBER: _ClassVar[int]
    PRESENTMENT_MONEY_FIELD_NUMBER: _ClassVar[int]
    shop_money: ShopifyMoney
    presentment_money: ShopifyMoney
    def __init__(self, shop_money: _Optional[_Union[ShopifyMoney, _Mapping]] = ..., presentment_money: _Optional[_Union[ShopifyMoney, _Mapping]] = ...) -> None: ...

class ShopifyAddress(_message.Message):
    __slots__ = ("id", "customer_id", "first_name", "last_name", "name", "company", "address1", "address2", "city", "province", "province_code", "country", "country_code", "country_name", "zip", "phone", "latitude", "longitude", "default")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    ADDRESS1_FIELD_NUMBER: _ClassVar[int]
    ADDRESS2_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_NAME_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    id: int
    customer_id: int
    first_name: str
    last_name: str
    name: str
    company: str
    address1: str
    address2: str
    city: str
    province: str
    province_code: str
    country: str
    country_code: str
    country_name: str
    zip: str
    phone: str
    latitude: float
    longitude: float
    default: bool
    def __init__(self, id: _Optional[int] = ..., customer_id: _Optional[int] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., name: _Optional[str] = ..., company: _Optional[str] = ..., address1: _Optional[str] = ..., address2: _Optional[str] = ..., city: _Optional[str] = ..., province: _Optional[str] = ..., province_code: _Optional[str] = ..., country: _Optional[str] = ..., country_code: _Optional[str] = ..., country_name: _Optional[str] = ..., zip: _Optional[str] = ..., phone: _Optional[str] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., default: _Optional[bool] = ...) -> None: ...

class ShopifyCustomer(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "email", "phone", "first_name", "last_name", "state", "note", "verified_email", "tax_exempt", "tax_exemptions", "currency", "tags", "created_at", "updated_at", "default_address")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_EMAIL_FIELD_NUMBER: _ClassVar[int]
    TAX_EXEMPT_FIELD_NUMBER: _ClassVar[int]
    TAX_EXEMPTIONS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    email: str
    phone: str
    first_name: str
    last_name: str
    state: str
    note: str
    verified_email: bool
    tax_exempt: bool
    tax_exemptions: _containers.RepeatedScalarFieldContainer[str]
    currency: str
    tags: str
    created_at: str
    updated_at: str
    default_address: ShopifyAddress
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., state: _Optional[str] = ..., note: _Optional[str] = ..., verified_email: _Optional[bool] = ..., tax_exempt: _Optional[bool] = ..., tax_exemptions: _Optional[_Iterable[str]] = ..., currency: _Optional[str] = ..., tags: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., default_address: _Optional[_Union[ShopifyAddress, _Mapping]] = ...) -> None: ...

class ShopifyTaxLine(_message.Message):
    __slots__ = ("title", "price", "rate", "channel_liable")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_LIABLE_FIELD_NUMBER: _ClassVar[int]
    title: str
    price: str
    rate: float
    channel_liable: bool
    def __init__(self, title: _Optional[str] = ..., price: _Optional[str] = ..., rate: _Optional[float] = ..., channel_liable: _Optional[bool] = ...) -> None: ...

class ShopifyDiscountAllocation(_message.Message):
    __slots__ = ("amount", "discount_application_index")
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_APPLICATION_INDEX_FIELD_NUMBER: _ClassVar[int]
    amount: str
    discount_application_index: int
    def __init__(self, amount: _Optional[str] = ..., discount_application_index: _Optional[int] = ...) -> None: ...

class ShopifyNameValue(_message.Message):
    __slots__ = ("name", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class ShopifyLineItem(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "product_id", "variant_id", "title", "name", "variant_title", "sku", "vendor", "quantity", "current_quantity", "fulfillable_quantity", "fulfillment_service", "fulfillment_status", "grams", "price", "price_set", "total_discount", "gift_card", "product_exists", "requires_shipping", "taxable", "properties", "tax_lines", "discount_allocations")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VARIANT_TITLE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    CURRENT_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    FULFILLABLE_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENT_SERVICE_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    GRAMS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    GIFT_CARD_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_EXISTS_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_SHIPPING_FIELD_NUMBER: _ClassVar[int]
    TAXABLE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    TAX_LINES_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    product_id: int
    variant_id: int
    title: str
    name: str
    variant_title: str
    sku: str
    vendor: str
    quantity: int
    current_quantity: int
    fulfillable_quantity: int
    fulfillment_service: str
    fulfillment_status: str
    grams: int
    price: str
    price_set: ShopifyPriceSet
    total_discount: str
    gift_card: bool
    product_exists: bool
    requires_shipping: bool
    taxable: bool
    properties: _containers.RepeatedCompositeFieldContainer[ShopifyNameValue]
    tax_lines: _containers.RepeatedCompositeFieldContainer[ShopifyTaxLine]
    discount_allocations: _containers.RepeatedCompositeFieldContainer[ShopifyDiscountAllocation]
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., product_id: _Optional[int] = ..., variant_id: _Optional[int] = ..., title: _Optional[str] = ..., name: _Optional[str] = ..., variant_title: _Optional[str] = ..., sku: _Optional[str] = ..., vendor: _Optional[str] = ..., quantity: _Optional[int] = ..., current_quantity: _Optional[int] = ..., fulfillable_quantity: _Optional[int] = ..., fulfillment_service: _Optional[str] = ..., fulfillment_status: _Optional[str] = ..., grams: _Optional[int] = ..., price: _Optional[str] = ..., price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., total_discount: _Optional[str] = ..., gift_card: _Optional[bool] = ..., product_exists: _Optional[bool] = ..., requires_shipping: _Optional[bool] = ..., taxable: _Optional[bool] = ..., properties: _Optional[_Iterable[_Union[ShopifyNameValue, _Mapping]]] = ..., tax_lines: _Optional[_Iterable[_Union[ShopifyTaxLine, _Mapping]]] = ..., discount_allocations: _Optional[_Iterable[_Union[ShopifyDiscountAllocation, _Mapping]]] = ...) -> None: ...

class ShopifyDiscountCode(_message.Message):
    __slots__ = ("code", "amount", "type")
    CODE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    code: str
    amount: str
    type: str
    def __init__(self, code: _Optional[str] = ..., amount: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class ShopifyShippingLine(_message.Message):
    __slots__ = ("id", "title", "code", "source", "price", "price_set", "discounted_price", "carrier_identifier", "tax_lines")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    DISCOUNTED_PRICE_FIELD_NUMBER: _ClassVar[int]
    CARRIER_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    TAX_LINES_FIELD_NUMBER: _ClassVar[int]
    id: int
    title: str
    code: str
    source: str
    price: str
    price_set: ShopifyPriceSet
    discounted_price: str
    carrier_identifier: str
    tax_lines: _containers.RepeatedCompositeFieldContainer[ShopifyTaxLine]
    def __init__(self, id: _Optional[int] = ..., title: _Optional[str] = ..., code: _Optional[str] = ..., source: _Optional[str] = ..., price: _Optional[str] = ..., price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., discounted_price: _Optional[str] = ..., carrier_identifier: _Optional[str] = ..., tax_lines: _Optional[_Iterable[_Union[ShopifyTaxLine, _Mapping]]] = ...) -> None: ...

class ShopifyClientDetails(_message.Message):
    __slots__ = ("browser_ip", "accept_language", "user_agent", "session_hash", "browser_width", "browser_height")
    BROWSER_IP_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SESSION_HASH_FIELD_NUMBER: _ClassVar[int]
    BROWSER_WIDTH_FIELD_NUMBER: _ClassVar[int]
    BROWSER_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    browser_ip: str
    accept_language: str
    user_agent: str
    session_hash: str
    browser_width: int
    browser_height: int
    def __init__(self, browser_ip: _Optional[str] = ..., accept_language: _Optional[str] = ..., user_agent: _Optional[str] = ..., session_hash: _Optional[str] = ..., browser_width: _Optional[int] = ..., browser_height: _Optional[int] = ...) -> None: ...

class ShopifyOrder(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "name", "order_number", "number", "email", "contact_email", "phone", "created_at", "updated_at", "processed_at", "cancelled_at", "cancel_reason", "closed_at", "currency", "presentment_currency", "financial_status", "fulfillment_status", "confirmed", "test", "token", "cart_token", "checkout_token", "checkout_id", "app_id", "browser_ip", "buyer_accepts_marketing", "customer_locale", "source_name", "landing_site", "referring_site", "tags", "note", "total_price", "subtotal_price", "total_tax", "total_discounts", "total_line_items_price", "total_outstanding", "total_tip_received", "current_total_price", "current_subtotal_price", "total_weight", "taxes_included", "total_price_set", "subtotal_price_set", "total_tax_set", "total_discounts_set", "total_shipping_price_set", "current_total_price_set", "customer", "billing_address", "shipping_address", "line_items", "discount_codes", "note_attributes", "shipping_lines", "tax_lines", "payment_gateway_names", "client_details", "user_id", "location_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CONTACT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_AT_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_AT_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PRESENTMENT_CURRENCY_FIELD_NUMBER: _ClassVar[int]
    FINANCIAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    TEST_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    CART_TOKEN_FIELD_NUMBER: _ClassVar[int]
    CHECKOUT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    CHECKOUT_ID_FIELD_NUMBER: _ClassVar[int]
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    BROWSER_IP_FIELD_NUMBER: _ClassVar[int]
    BUYER_ACCEPTS_MARKETING_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_LOCALE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    LANDING_SITE_FIELD_NUMBER: _ClassVar[int]
    REFERRING_SITE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_TAX_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DISCOUNTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_LINE_ITEMS_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_OUTSTANDING_FIELD_NUMBER: _ClassVar[int]
    TOTAL_TIP_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    CURRENT_TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SUBTOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    TAXES_INCLUDED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    TOTAL_TAX_SET_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DISCOUNTS_SET_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SHIPPING_PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    CURRENT_TOTAL_PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_CODES_FIELD_NUMBER: _ClassVar[int]
    NOTE_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_LINES_FIELD_NUMBER: _ClassVar[int]
    TAX_LINES_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_GATEWAY_NAMES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_DETAILS_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    name: str
    order_number: int
    number: int
    email: str
    contact_email: str
    phone: str
    created_at: str
    updated_at: str
    processed_at: str
    cancelled_at: str
    cancel_reason: str
    closed_at: str
    currency: str
    presentment_currency: str
    financial_status: str
    fulfillment_status: str
    confirmed: bool
    test: bool
    token: str
    cart_token: str
    checkout_token: str
    checkout_id: int
    app_id: int
    browser_ip: str
    buyer_accepts_marketing: bool
    customer_locale: str
    source_name: str
    landing_site: str
    referring_site: str
    tags: str
    note: str
    total_price: str
    subtotal_price: str
    total_tax: str
    total_discounts: str
    total_line_items_price: str
    total_outstanding: str
    total_tip_received: str
    current_total_price: str
    current_subtotal_price: str
    total_weight: int
    taxes_included: bool
    total_price_set: ShopifyPriceSet
    subtotal_price_set: ShopifyPriceSet
    total_tax_set: ShopifyPriceSet
    total_discounts_set: ShopifyPriceSet
    total_shipping_price_set: ShopifyPriceSet
    current_total_price_set: ShopifyPriceSet
    customer: ShopifyCustomer
    billing_address: ShopifyAddress
    shipping_address: ShopifyAddress
    line_items: _containers.RepeatedCompositeFieldContainer[ShopifyLineItem]
    discount_codes: _containers.RepeatedCompositeFieldContainer[ShopifyDiscountCode]
    note_attributes: _containers.RepeatedCompositeFieldContainer[ShopifyNameValue]
    shipping_lines: _containers.RepeatedCompositeFieldContainer[ShopifyShippingLine]
    tax_lines: _containers.RepeatedCompositeFieldContainer[ShopifyTaxLine]
    payment_gateway_names: _containers.RepeatedScalarFieldContainer[str]
    client_details: ShopifyClientDetails
    user_id: int
    location_id: int
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., name: _Optional[str] = ..., order_number: _Optional[int] = ..., number: _Optional[int] = ..., email: _Optional[str] = ..., contact_email: _Optional[str] = ..., phone: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., processed_at: _Optional[str] = ..., cancelled_at: _Optional[str] = ..., cancel_reason: _Optional[str] = ..., closed_at: _Optional[str] = ..., currency: _Optional[str] = ..., presentment_currency: _Optional[str] = ..., financial_status: _Optional[str] = ..., fulfillment_status: _Optional[str] = ..., confirmed: _Optional[bool] = ..., test: _Optional[bool] = ..., token: _Optional[str] = ..., cart_token: _Optional[str] = ..., checkout_token: _Optional[str] = ..., checkout_id: _Optional[int] = ..., app_id: _Optional[int] = ..., browser_ip: _Optional[str] = ..., buyer_accepts_marketing: _Optional[bool] = ..., customer_locale: _Optional[str] = ..., source_name: _Optional[str] = ..., landing_site: _Optional[str] = ..., referring_site: _Optional[str] = ..., tags: _Optional[str] = ..., note: _Optional[str] = ..., total_price: _Optional[str] = ..., subtotal_price: _Optional[str] = ..., total_tax: _Optional[str] = ..., total_discounts: _Optional[str] = ..., total_line_items_price: _Optional[str] = ..., total_outstanding: _Optional[str] = ..., total_tip_received: _Optional[str] = ..., current_total_price: _Optional[str] = ..., current_subtotal_price: _Optional[str] = ..., total_weight: _Optional[int] = ..., taxes_included: _Optional[bool] = ..., total_price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., subtotal_price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., total_tax_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., total_discounts_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., total_shipping_price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., current_total_price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., customer: _Optional[_Union[ShopifyCustomer, _Mapping]] = ..., billing_address: _Optional[_Union[ShopifyAddress, _Mapping]] = ..., shipping_address: _Optional[_Union[ShopifyAddress, _Mapping]] = ..., line_items: _Optional[_Iterable[_Union[ShopifyLineItem, _Mapping]]] = ..., discount_codes: _Optional[_Iterable[_Union[ShopifyDiscountCode, _Mapping]]] = ..., note_attributes: _Optional[_Iterable[_Union[ShopifyNameValue, _Mapping]]] = ..., shipping_lines: _Optional[_Iterable[_Union[ShopifyShippingLine, _Mapping]]] = ..., tax_lines: _Optional[_Iterable[_Union[ShopifyTaxLine, _Mapping]]] = ..., payment_gateway_names: _Optional[_Iterable[str]] = ..., client_details: _Optional[_Union[ShopifyClientDetails, _Mapping]] = ..., user_id: _Optional[int] = ..., location_id: _Optional[int] = ...) -> None: ...

class ShopifyVariant(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "product_id", "title", "price", "compare_at_price", "sku", "barcode", "position", "inventory_policy", "inventory_quantity", "old_inventory_quantity", "option1", "option2", "option3", "taxable", "image_id", "inventory_item_id", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    COMPARE_AT_PRICE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    BARCODE_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    INVENTORY_POLICY_FIELD_NUMBER: _ClassVar[int]
    INVENTORY_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    OLD_INVENTORY_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    OPTION1_FIELD_NUMBER: _ClassVar[int]
    OPTION2_FIELD_NUMBER: _ClassVar[int]
    OPTION3_FIELD_NUMBER: _ClassVar[int]
    TAXABLE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_ID_FIELD_NUMBER: _ClassVar[int]
    INVENTORY_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    product_id: int
    title: str
    price: str
    compare_at_price: str
    sku: str
    barcode: str
    position: int
    inventory_policy: str
    inventory_quantity: int
    old_inventory_quantity: int
    option1: str
    option2: str
    option3: str
    taxable: bool
    image_id: int
    inventory_item_id: int
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., product_id: _Optional[int] = ..., title: _Optional[str] = ..., price: _Optional[str] = ..., compare_at_price: _Optional[str] = ..., sku: _Optional[str] = ..., barcode: _Optional[str] = ..., position: _Optional[int] = ..., inventory_policy: _Optional[str] = ..., inventory_quantity: _Optional[int] = ..., old_inventory_quantity: _Optional[int] = ..., option1: _Optional[str] = ..., option2: _Optional[str] = ..., option3: _Optional[str] = ..., taxable: _Optional[bool] = ..., image_id: _Optional[int] = ..., inventory_item_id: _Optional[int] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ShopifyProductOption(_message.Message):
    __slots__ = ("id", "product_id", "name", "position", "values")
    ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    id: int
    product_id: int
    name: str
    position: int
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[int] = ..., product_id: _Optional[int] = ..., name: _Optional[str] = ..., position: _Optional[int] = ..., values: _Optional[_Iterable[str]] = ...) -> None: ...

class ShopifyImage(_message.Message):
    __slots__ = ("id", "product_id", "position", "src", "alt", "width", "height", "variant_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SRC_FIELD_NUMBER: _ClassVar[int]
    ALT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    VARIANT_IDS_FIELD_NUMBER: _ClassVar[int]
    id: int
    product_id: int
    position: int
    src: str
    alt: str
    width: int
    height: int
    variant_ids: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, id: _Optional[int] = ..., product_id: _Optional[int] = ..., position: _Optional[int] = ..., src: _Optional[str] = ..., alt: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., variant_ids: _Optional[_Iterable[int]] = ...) -> None: ...

class ShopifyProduct(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "title", "body_html", "vendor", "product_type", "handle", "status", "published_scope", "tags", "template_suffix", "created_at", "updated_at", "published_at", "variants", "options", "images", "image")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BODY_HTML_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_TYPE_FIELD_NUMBER: _ClassVar[int]
    HANDLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_SCOPE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_SUFFIX_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    title: str
    body_html: str
    vendor: str
    product_type: str
    handle: str
    status: str
    published_scope: str
    tags: str
    template_suffix: str
    created_at: str
    updated_at: str
    published_at: str
    variants: _containers.RepeatedCompositeFieldContainer[ShopifyVariant]
    options: _containers.RepeatedCompositeFieldContainer[ShopifyProductOption]
    images: _containers.RepeatedCompositeFieldContainer[ShopifyImage]
    image: ShopifyImage
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., title: _Optional[str] = ..., body_html: _Optional[str] = ..., vendor: _Optional[str] = ..., product_type: _Optional[str] = ..., handle: _Optional[str] = ..., status: _Optional[str] = ..., published_scope: _Optional[str] = ..., tags: _Optional[str] = ..., template_suffix: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., published_at: _Optional[str] = ..., variants: _Optional[_Iterable[_Union[ShopifyVariant, _Mapping]]] = ..., options: _Optional[_Iterable[_Union[ShopifyProductOption, _Mapping]]] = ..., images: _Optional[_Iterable[_Union[ShopifyImage, _Mapping]]] = ..., image: _Optional[_Union[ShopifyImage, _Mapping]] = ...) -> None: ...

class ShopifyCartLineItem(_message.Message):
    __slots__ = ("id", "key", "product_id", "variant_id", "title", "sku", "vendor", "quantity", "grams", "price", "original_price", "discounted_price", "line_price", "original_line_price", "total_discount", "gift_card", "taxable", "price_set", "line_price_set", "properties")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    GRAMS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    DISCOUNTED_PRICE_FIELD_NUMBER: _ClassVar[int]
    LINE_PRICE_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_LINE_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    GIFT_CARD_FIELD_NUMBER: _ClassVar[int]
    TAXABLE_FIELD_NUMBER: _ClassVar[int]
    PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    LINE_PRICE_SET_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    id: int
    key: str
    product_id: int
    variant_id: int
    title: str
    sku: str
    vendor: str
    quantity: int
    grams: int
    price: str
    original_price: str
    discounted_price: str
    line_price: str
    original_line_price: str
    total_discount: str
    gift_card: bool
    taxable: bool
    price_set: ShopifyPriceSet
    line_price_set: ShopifyPriceSet
    properties: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[int] = ..., key: _Optional[str] = ..., product_id: _Optional[int] = ..., variant_id: _Optional[int] = ..., title: _Optional[str] = ..., sku: _Optional[str] = ..., vendor: _Optional[str] = ..., quantity: _Optional[int] = ..., grams: _Optional[int] = ..., price: _Optional[str] = ..., original_price: _Optional[str] = ..., discounted_price: _Optional[str] = ..., line_price: _Optional[str] = ..., original_line_price: _Optional[str] = ..., total_discount: _Optional[str] = ..., gift_card: _Optional[bool] = ..., taxable: _Optional[bool] = ..., price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., line_price_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ..., properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ShopifyCart(_message.Message):
    __slots__ = ("id", "token", "line_items", "note", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    token: str
    line_items: _containers.RepeatedCompositeFieldContainer[ShopifyCartLineItem]
    note: str
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., token: _Optional[str] = ..., line_items: _Optional[_Iterable[_Union[ShopifyCartLineItem, _Mapping]]] = ..., note: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ShopifyCheckoutLineItem(_message.Message):
    __slots__ = ("key", "product_id", "variant_id", "title", "variant_title", "presentment_title", "sku", "vendor", "quantity", "grams", "price", "line_price", "compare_at_price", "requires_shipping", "taxable", "gift_card", "fulfillment_service", "tax_lines")
    KEY_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    VARIANT_TITLE_FIELD_NUMBER: _ClassVar[int]
    PRESENTMENT_TITLE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    GRAMS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    LINE_PRICE_FIELD_NUMBER: _ClassVar[int]
    COMPARE_AT_PRICE_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_SHIPPING_FIELD_NUMBER: _ClassVar[int]
    TAXABLE_FIELD_NUMBER: _ClassVar[int]
    GIFT_CARD_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENT_SERVICE_FIELD_NUMBER: _ClassVar[int]
    TAX_LINES_FIELD_NUMBER: _ClassVar[int]
    key: str
    product_id: int
    variant_id: int
    title: str
    variant_title: str
    presentment_title: str
    sku: str
    vendor: str
    quantity: int
    grams: int
    price: str
    line_price: str
    compare_at_price: str
    requires_shipping: bool
    taxable: bool
    gift_card: bool
    fulfillment_service: str
    tax_lines: _containers.RepeatedCompositeFieldContainer[ShopifyTaxLine]
    def __init__(self, key: _Optional[str] = ..., product_id: _Optional[int] = ..., variant_id: _Optional[int] = ..., title: _Optional[str] = ..., variant_title: _Optional[str] = ..., presentment_title: _Optional[str] = ..., sku: _Optional[str] = ..., vendor: _Optional[str] = ..., quantity: _Optional[int] = ..., grams: _Optional[int] = ..., price: _Optional[str] = ..., line_price: _Optional[str] = ..., compare_at_price: _Optional[str] = ..., requires_shipping: _Optional[bool] = ..., taxable: _Optional[bool] = ..., gift_card: _Optional[bool] = ..., fulfillment_service: _Optional[str] = ..., tax_lines: _Optional[_Iterable[_Union[ShopifyTaxLine, _Mapping]]] = ...) -> None: ...

class ShopifyCheckout(_message.Message):
    __slots__ = ("id", "token", "cart_token", "name", "email", "phone", "gateway", "buyer_accepts_marketing", "created_at", "updated_at", "completed_at", "closed_at", "landing_site", "referring_site", "note", "note_attributes", "shipping_lines", "taxes_included", "total_weight", "currency", "presentment_currency", "customer_locale", "source_name", "abandoned_checkout_url", "line_items", "discount_codes", "tax_lines", "total_discounts", "total_line_items_price", "total_price", "total_tax", "subtotal_price", "billing_address", "shipping_address", "customer")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    CART_TOKEN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    BUYER_ACCEPTS_MARKETING_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    LANDING_SITE_FIELD_NUMBER: _ClassVar[int]
    REFERRING_SITE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    NOTE_ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_LINES_FIELD_NUMBER: _ClassVar[int]
    TAXES_INCLUDED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PRESENTMENT_CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_LOCALE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    ABANDONED_CHECKOUT_URL_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_CODES_FIELD_NUMBER: _ClassVar[int]
    TAX_LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DISCOUNTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_LINE_ITEMS_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_TAX_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_PRICE_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    id: int
    token: str
    cart_token: str
    name: str
    email: str
    phone: str
    gateway: str
    buyer_accepts_marketing: bool
    created_at: str
    updated_at: str
    completed_at: str
    closed_at: str
    landing_site: str
    referring_site: str
    note: str
    note_attributes: _containers.RepeatedCompositeFieldContainer[ShopifyNameValue]
    shipping_lines: _containers.RepeatedCompositeFieldContainer[ShopifyShippingLine]
    taxes_included: bool
    total_weight: int
    currency: str
    presentment_currency: str
    customer_locale: str
    source_name: str
    abandoned_checkout_url: str
    line_items: _containers.RepeatedCompositeFieldContainer[ShopifyCheckoutLineItem]
    discount_codes: _containers.RepeatedCompositeFieldContainer[ShopifyDiscountCode]
    tax_lines: _containers.RepeatedCompositeFieldContainer[ShopifyTaxLine]
    total_discounts: str
    total_line_items_price: str
    total_price: str
    total_tax: str
    subtotal_price: str
    billing_address: ShopifyAddress
    shipping_address: ShopifyAddress
    customer: ShopifyCustomer
    def __init__(self, id: _Optional[int] = ..., token: _Optional[str] = ..., cart_token: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., gateway: _Optional[str] = ..., buyer_accepts_marketing: _Optional[bool] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., completed_at: _Optional[str] = ..., closed_at: _Optional[str] = ..., landing_site: _Optional[str] = ..., referring_site: _Optional[str] = ..., note: _Optional[str] = ..., note_attributes: _Optional[_Iterable[_Union[ShopifyNameValue, _Mapping]]] = ..., shipping_lines: _Optional[_Iterable[_Union[ShopifyShippingLine, _Mapping]]] = ..., taxes_included: _Optional[bool] = ..., total_weight: _Optional[int] = ..., currency: _Optional[str] = ..., presentment_currency: _Optional[str] = ..., customer_locale: _Optional[str] = ..., source_name: _Optional[str] = ..., abandoned_checkout_url: _Optional[str] = ..., line_items: _Optional[_Iterable[_Union[ShopifyCheckoutLineItem, _Mapping]]] = ..., discount_codes: _Optional[_Iterable[_Union[ShopifyDiscountCode, _Mapping]]] = ..., tax_lines: _Optional[_Iterable[_Union[ShopifyTaxLine, _Mapping]]] = ..., total_discounts: _Optional[str] = ..., total_line_items_price: _Optional[str] = ..., total_price: _Optional[str] = ..., total_tax: _Optional[str] = ..., subtotal_price: _Optional[str] = ..., billing_address: _Optional[_Union[ShopifyAddress, _Mapping]] = ..., shipping_address: _Optional[_Union[ShopifyAddress, _Mapping]] = ..., customer: _Optional[_Union[ShopifyCustomer, _Mapping]] = ...) -> None: ...

class ShopifyRefundLineItem(_message.Message):
    __slots__ = ("id", "line_item_id", "quantity", "location_id", "restock_type", "subtotal", "total_tax", "line_item")
    ID_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    RESTOCK_TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_TAX_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEM_FIELD_NUMBER: _ClassVar[int]
    id: int
    line_item_id: int
    quantity: int
    location_id: int
    restock_type: str
    subtotal: float
    total_tax: float
    line_item: ShopifyRefundedLine
    def __init__(self, id: _Optional[int] = ..., line_item_id: _Optional[int] = ..., quantity: _Optional[int] = ..., location_id: _Optional[int] = ..., restock_type: _Optional[str] = ..., subtotal: _Optional[float] = ..., total_tax: _Optional[float] = ..., line_item: _Optional[_Union[ShopifyRefundedLine, _Mapping]] = ...) -> None: ...

class ShopifyRefundedLine(_message.Message):
    __slots__ = ("product_id", "variant_id", "title", "name", "variant_title", "sku", "vendor", "price", "quantity")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    VARIANT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VARIANT_TITLE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    product_id: int
    variant_id: int
    title: str
    name: str
    variant_title: str
    sku: str
    vendor: str
    price: str
    quantity: int
    def __init__(self, product_id: _Optional[int] = ..., variant_id: _Optional[int] = ..., title: _Optional[str] = ..., name: _Optional[str] = ..., variant_title: _Optional[str] = ..., sku: _Optional[str] = ..., vendor: _Optional[str] = ..., price: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

class ShopifyTransaction(_message.Message):
    __slots__ = ("id", "order_id", "kind", "gateway", "status", "message", "amount", "currency", "created_at", "test", "source_name", "parent_id", "error_code")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    TEST_FIELD_NUMBER: _ClassVar[int]
    SOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    id: int
    order_id: int
    kind: str
    gateway: str
    status: str
    message: str
    amount: str
    currency: str
    created_at: str
    test: bool
    source_name: str
    parent_id: int
    error_code: str
    def __init__(self, id: _Optional[int] = ..., order_id: _Optional[int] = ..., kind: _Optional[str] = ..., gateway: _Optional[str] = ..., status: _Optional[str] = ..., message: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., created_at: _Optional[str] = ..., test: _Optional[bool] = ..., source_name: _Optional[str] = ..., parent_id: _Optional[int] = ..., error_code: _Optional[str] = ...) -> None: ...

class ShopifyRefund(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "order_id", "note", "user_id", "restock", "created_at", "processed_at", "refund_line_items", "transactions", "total_duties_set")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    RESTOCK_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_AT_FIELD_NUMBER: _ClassVar[int]
    REFUND_LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DUTIES_SET_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    order_id: int
    note: str
    user_id: int
    restock: bool
    created_at: str
    processed_at: str
    refund_line_items: _containers.RepeatedCompositeFieldContainer[ShopifyRefundLineItem]
    transactions: _containers.RepeatedCompositeFieldContainer[ShopifyTransaction]
    total_duties_set: ShopifyPriceSet
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., order_id: _Optional[int] = ..., note: _Optional[str] = ..., user_id: _Optional[int] = ..., restock: _Optional[bool] = ..., created_at: _Optional[str] = ..., processed_at: _Optional[str] = ..., refund_line_items: _Optional[_Iterable[_Union[ShopifyRefundLineItem, _Mapping]]] = ..., transactions: _Optional[_Iterable[_Union[ShopifyTransaction, _Mapping]]] = ..., total_duties_set: _Optional[_Union[ShopifyPriceSet, _Mapping]] = ...) -> None: ...

class ShopifyFulfillment(_message.Message):
    __slots__ = ("id", "admin_graphql_api_id", "order_id", "name", "status", "shipment_status", "service", "location_id", "email", "destination", "line_items", "tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "tracking_urls", "receipt", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GRAPHQL_API_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    TRACKING_COMPANY_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    TRACKING_URL_FIELD_NUMBER: _ClassVar[int]
    TRACKING_URLS_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: int
    admin_graphql_api_id: str
    order_id: int
    name: str
    status: str
    shipment_status: str
    service: str
    location_id: int
    email: str
    destination: ShopifyAddress
    line_items: _containers.RepeatedCompositeFieldContainer[ShopifyLineItem]
    tracking_company: str
    tracking_number: str
    tracking_numbers: _containers.RepeatedScalarFieldContainer[str]
    tracking_url: str
    tracking_urls: _containers.RepeatedScalarFieldContainer[str]
    receipt: _struct_pb2.Struct
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[int] = ..., admin_graphql_api_id: _Optional[str] = ..., order_id: _Optional[int] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., shipment_status: _Optional[str] = ..., service: _Optional[str] = ..., location_id: _Optional[int] = ..., email: _Optional[str] = ..., destination: _Optional[_Union[ShopifyAddress, _Mapping]] = ..., line_items: _Optional[_Iterable[_Union[ShopifyLineItem, _Mapping]]] = ..., tracking_company: _Optional[str] = ..., tracking_number: _Optional[str] = ..., tracking_numbers: _Optional[_Iterable[str]] = ..., tracking_url: _Optional[str] = ..., tracking_urls: _Optional[_Iterable[str]] = ..., receipt: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ShopifyShop(_message.Message):
    __slots__ = ("id", "name", "email", "customer_email", "phone", "domain", "myshopify_domain", "shop_owner", "city", "province", "province_code", "country", "country_code", "country_name", "zip", "currency", "enabled_presentment_currencies", "primary_locale", "timezone", "iana_timezone", "plan_name", "plan_display_name", "has_storefront", "has_discounts", "primary_location_id", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    MYSHOPIFY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SHOP_OWNER_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_NAME_FIELD_NUMBER: _ClassVar[int]
    ZIP_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ENABLED_PRESENTMENT_CURRENCIES_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_LOCALE_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    IANA_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    PLAN_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    HAS_STOREFRONT_FIELD_NUMBER: _ClassVar[int]
    HAS_DISCOUNTS_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_LOCATION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: int
    name: str
    email: str
    customer_email: str
    phone: str
    domain: str
    myshopify_domain: str
    shop_owner: str
    city: str
    province: str
    province_code: str
    country: str
    country_code: str
    country_name: str
    zip: str
    currency: str
    enabled_presentment_currencies: _containers.RepeatedScalarFieldContainer[str]
    primary_locale: str
    timezone: str
    iana_timezone: str
    plan_name: str
    plan_display_name: str
    has_storefront: bool
    has_discounts: bool
    primary_location_id: int
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[int] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., customer_email: _Optional[str] = ..., phone: _Optional[str] = ..., domain: _Optional[str] = ..., myshopify_domain: _Optional[str] = ..., shop_owner: _Optional[str] = ..., city: _Optional[str] = ..., province: _Optional[str] = ..., province_code: _Optional[str] = ..., country: _Optional[str] = ..., country_code: _Optional[str] = ..., country_name: _Optional[str] = ..., zip: _Optional[str] = ..., currency: _Optional[str] = ..., enabled_presentment_currencies: _Optional[_Iterable[str]] = ..., primary_locale: _Optional[str] = ..., timezone: _Optional[str] = ..., iana_timezone: _Optional[str] = ..., plan_name: _Optional[str] = ..., plan_display_name: _Optional[str] = ..., has_storefront: _Optional[bool] = ..., has_discounts: _Optional[bool] = ..., primary_location_id: _Optional[int] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ShopifyOrderCreated(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class ShopifyOrderUpdated(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class ShopifyOrderPaid(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class ShopifyOrderCancelled(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class ShopifyOrderFulfilled(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: ShopifyOrder
    def __init__(self, order: _Optional[_Union[ShopifyOrder, _Mapping]] = ...) -> None: ...

class ShopifyRefundCreated(_message.Message):
    __slots__ = ("refund",)
    REFUND_FIELD_NUMBER: _ClassVar[int]
    refund: ShopifyRefund
    def __init__(self, refund: _Optional[_Union[ShopifyRefund, _Mapping]] = ...) -> None: ...

class ShopifyFulfillmentCreated(_message.Message):
    __slots__ = ("fulfillment",)
    FULFILLMENT_FIELD_NUMBER: _ClassVar[int]
    fulfillment: ShopifyFulfillment
    def __init__(self, fulfillment: _Optional[_Union[ShopifyFulfillment, _Mapping]] = ...) -> None: ...

class ShopifyProductCreated(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: ShopifyProduct
    def __init__(self, product: _Optional[_Union[ShopifyProduct, _Mapping]] = ...) -> None: ...

class ShopifyProductUpdated(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: ShopifyProduct
    def __init__(self, product: _Optional[_Union[ShopifyProduct, _Mapping]] = ...) -> None: ...

class ShopifyCustomerCreated(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: ShopifyCustomer
    def __init__(self, customer: _Optional[_Union[ShopifyCustomer, _Mapping]] = ...) -> None: ...

class ShopifyCartCreated(_message.Message):
    __slots__ = ("cart",)
    CART_FIELD_NUMBER: _ClassVar[int]
    cart: ShopifyCart
    def __init__(self, cart: _Optional[_Union[ShopifyCart, _Mapping]] = ...) -> None: ...

class ShopifyCartUpdated(_message.Message):
    __slots__ = ("cart",)
    CART_FIELD_NUMBER: _ClassVar[int]
    cart: ShopifyCart
    def __init__(self, cart: _Optional[_Union[ShopifyCart, _Mapping]] = ...) -> None: ...

class ShopifyCheckoutCreated(_message.Message):
    __slots__ = ("checkout",)
    CHECKOUT_FIELD_NUMBER: _ClassVar[int]
    checkout: ShopifyCheckout
    def __init__(self, checkout: _Optional[_Union[ShopifyCheckout, _Mapping]] = ...) -> None: ...

class ShopifyAppUninstalled(_message.Message):
    __slots__ = ("shop",)
    SHOP_FIELD_NUMBER: _ClassVar[int]
    shop: ShopifyShop
    def __init__(self, shop: _Optional[_Union[ShopifyShop, _Mapping]] = ...) -> None: ...
