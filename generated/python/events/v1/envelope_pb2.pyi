import datetime

from eventgen import options_pb2 as _options_pb2
from events.v1 import common_pb2 as _common_pb2
from events.v1 import mobile_app_pb2 as _mobile_app_pb2
from events.v1 import web_pb2 as _web_pb2
from events.v1 import shopify_pb2 as _shopify_pb2
from events.v1 import branch_pb2 as _branch_pb2
from events.v1 import webengage_pb2 as _webengage_pb2
from events.v1 import creator_pb2 as _creator_pb2
from events.v1 import commerce_pb2 as _commerce_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Event(_message.Message):
    __slots__ = ("event_id", "client_time", "sent_at", "header", "app_installed", "app_opened", "app_backgrounded", "app_foregrounded", "app_crashed", "screen_viewed", "push_notification_opened", "search_performed", "creator_profile_viewed", "content_viewed", "video_progressed", "content_shared", "product_viewed", "product_added_to_cart", "page_viewed", "link_clicked", "form_submitted", "newsletter_subscribed", "experiment_exposed", "checkout_started", "web_vitals_reported", "shopify_order_created", "shopify_order_updated", "shopify_order_paid", "shopify_order_cancelled", "shopify_order_fulfilled", "shopify_refund_created", "shopify_fulfillment_created", "shopify_product_created", "shopify_product_updated", "shopify_customer_created", "shopify_cart_created", "shopify_cart_updated", "shopify_checkout_created", "shopify_app_uninstalled", "branch_install", "branch_reinstall", "branch_open", "branch_click", "branch_purchase", "branch_add_to_cart", "branch_complete_registration", "webengage_user_signed_up", "webengage_user_logged_in", "webengage_user_updated", "webengage_email_sent", "webengage_email_opened", "webengage_email_clicked", "webengage_push_notification_sent", "webengage_push_notification_clicked", "webengage_sms_sent", "webengage_in_app_shown", "creator_post_published", "creator_post_deleted", "creator_profile_updated", "creator_social_account_linked", "creator_campaign_joined", "creator_deliverable_submitted", "post_scraped", "profile_scraped", "scrape_failed", "order_placed", "order_refunded", "commission_earned", "payout_initiated", "payout_completed", "payout_failed")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_TIME_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    APP_INSTALLED_FIELD_NUMBER: _ClassVar[int]
    APP_OPENED_FIELD_NUMBER: _ClassVar[int]
    APP_BACKGROUNDED_FIELD_NUMBER: _ClassVar[int]
    APP_FOREGROUNDED_FIELD_NUMBER: _ClassVar[int]
    APP_CRASHED_FIELD_NUMBER: _ClassVar[int]
    SCREEN_VIEWED_FIELD_NUMBER: _ClassVar[int]
    PUSH_NOTIFICATION_OPENED_FIELD_NUMBER: _ClassVar[int]
    SEARCH_PERFORMED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_PROFILE_VIEWED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VIEWED_FIELD_NUMBER: _ClassVar[int]
    VIDEO_PROGRESSED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_SHARED_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_VIEWED_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ADDED_TO_CART_FIELD_NUMBER: _ClassVar[int]
    PAGE_VIEWED_FIELD_NUMBER: _ClassVar[int]
    LINK_CLICKED_FIELD_NUMBER: _ClassVar[int]
    FORM_SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_SUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_EXPOSED_FIELD_NUMBER: _ClassVar[int]
    CHECKOUT_STARTED_FIELD_NUMBER: _ClassVar[int]
    WEB_VITALS_REPORTED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_UPDATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_PAID_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_ORDER_FULFILLED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_REFUND_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_FULFILLMENT_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_PRODUCT_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_PRODUCT_UPDATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_CUSTOMER_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_CART_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_CART_UPDATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_CHECKOUT_CREATED_FIELD_NUMBER: _ClassVar[int]
    SHOPIFY_APP_UNINSTALLED_FIELD_NUMBER: _ClassVar[int]
    BRANCH_INSTALL_FIELD_NUMBER: _ClassVar[int]
    BRANCH_REINSTALL_FIELD_NUMBER: _ClassVar[int]
    BRANCH_OPEN_FIELD_NUMBER: _ClassVar[int]
    BRANCH_CLICK_FIELD_NUMBER: _ClassVar[int]
    BRANCH_PURCHASE_FIELD_NUMBER: _ClassVar[int]
    BRANCH_ADD_TO_CART_FIELD_NUMBER: _ClassVar[int]
    BRANCH_COMPLETE_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_USER_SIGNED_UP_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_USER_LOGGED_IN_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_USER_UPDATED_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_EMAIL_SENT_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_EMAIL_OPENED_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_EMAIL_CLICKED_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_PUSH_NOTIFICATION_SENT_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_PUSH_NOTIFICATION_CLICKED_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_SMS_SENT_FIELD_NUMBER: _ClassVar[int]
    WEBENGAGE_IN_APP_SHOWN_FIELD_NUMBER: _ClassVar[int]
    CREATOR_POST_PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_POST_DELETED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_PROFILE_UPDATED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_SOCIAL_ACCOUNT_LINKED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_CAMPAIGN_JOINED_FIELD_NUMBER: _ClassVar[int]
    CREATOR_DELIVERABLE_SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    POST_SCRAPED_FIELD_NUMBER: _ClassVar[int]
    PROFILE_SCRAPED_FIELD_NUMBER: _ClassVar[int]
    SCRAPE_FAILED_FIELD_NUMBER: _ClassVar[int]
    ORDER_PLACED_FIELD_NUMBER: _ClassVar[int]
    ORDER_REFUNDED_FIELD_NUMBER: _ClassVar[int]
    COMMISSION_EARNED_FIELD_NUMBER: _ClassVar[int]
    PAYOUT_INITIATED_FIELD_NUMBER: _ClassVar[int]
    PAYOUT_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    PAYOUT_FAILED_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    client_time: _timestamp_pb2.Timestamp
    sent_at: _timestamp_pb2.Timestamp
    header: _common_pb2.ClientHeader
    app_installed: _mobile_app_pb2.AppInstalled
    app_opened: _mobile_app_pb2.AppOpened
    app_backgrounded: _mobile_app_pb2.AppBackgrounded
    app_foregrounded: _mobile_app_pb2.AppForegrounded
    app_crashed: _mobile_app_pb2.AppCrashed
    screen_viewed: _mobile_app_pb2.ScreenViewed
    push_notification_opened: _mobile_app_pb2.PushNotificationOpened
    search_performed: _mobile_app_pb2.SearchPerformed
    creator_profile_viewed: _mobile_app_pb2.CreatorProfileViewed
    content_viewed: _mobile_app_pb2.ContentViewed
    video_progressed: _mobile_app_pb2.VideoProgressed
    content_shared: _mobile_app_pb2.ContentShared
    product_viewed: _mobile_app_pb2.ProductViewed
    product_added_to_cart: _mobile_app_pb2.ProductAddedToCart
    page_viewed: _web_pb2.PageViewed
    link_clicked: _web_pb2.LinkClicked
    form_submitted: _web_pb2.FormSubmitted
    newsletter_subscribed: _web_pb2.NewsletterSubscribed
    experiment_exposed: _web_pb2.ExperimentExposed
    checkout_started: _web_pb2.CheckoutStarted
    web_vitals_reported: _web_pb2.WebVitalsReported
    shopify_order_created: _shopify_pb2.ShopifyOrderCreated
    shopify_order_updated: _shopify_pb2.ShopifyOrderUpdated
    shopify_order_paid: _shopify_pb2.ShopifyOrderPaid
    shopify_order_cancelled: _shopify_pb2.ShopifyOrderCancelled
    shopify_order_fulfilled: _shopify_pb2.ShopifyOrderFulfilled
    shopify_refund_created: _shopify_pb2.ShopifyRefundCreated
    shopify_fulfillment_created: _shopify_pb2.ShopifyFulfillmentCreated
    shopify_product_created: _shopify_pb2.ShopifyProductCreated
    shopify_product_updated: _shopify_pb2.ShopifyProductUpdated
    shopify_customer_created: _shopify_pb2.ShopifyCustomerCreated
    shopify_cart_created: _shopify_pb2.ShopifyCartCreated
    shopify_cart_updated: _shopify_pb2.ShopifyCartUpdated
    shopify_checkout_created: _shopify_pb2.ShopifyCheckoutCreated
    shopify_app_uninstalled: _shopify_pb2.ShopifyAppUninstalled
    branch_install: _branch_pb2.BranchInstall
    branch_reinstall: _branch_pb2.BranchReinstall
    branch_open: _branch_pb2.BranchOpen
    branch_click: _branch_pb2.BranchClick
    branch_purchase: _branch_pb2.BranchPurchase
    branch_add_to_cart: _branch_pb2.BranchAddToCart
    branch_complete_registration: _branch_pb2.BranchCompleteRegistration
    webengage_user_signed_up: _webengage_pb2.WebengageUserSignedUp
    webengage_user_logged_in: _webengage_pb2.WebengageUserLoggedIn
    webengage_user_updated: _webengage_pb2.WebengageUserUpdated
    webengage_email_sent: _webengage_pb2.WebengageEmailSent
    webengage_email_opened: _webengage_pb2.WebengageEmailOpened
    webengage_email_clicked: _webengage_pb2.WebengageEmailClicked
    webengage_push_notification_sent: _webengage_pb2.WebengagePushNotificationSent
    webengage_push_notification_clicked: _webengage_pb2.WebengagePushNotificationClicked
    webengage_sms_sent: _webengage_pb2.WebengageSmsSent
    webengage_in_app_shown: _webengage_pb2.WebengageInAppShown
    creator_post_published: _creator_pb2.CreatorPostPublished
    creator_post_deleted: _creator_pb2.CreatorPostDeleted
    creator_profile_updated: _creator_pb2.CreatorProfileUpdated
    creator_social_account_linked: _creator_pb2.CreatorSocialAccountLinked
    creator_campaign_joined: _creator_pb2.CreatorCampaignJoined
    creator_deliverable_submitted: _creator_pb2.CreatorDeliverableSubmitted
    post_scraped: _creator_pb2.PostScraped
    profile_scraped: _creator_pb2.ProfileScraped
    scrape_failed: _creator_pb2.ScrapeFailed
    order_placed: _commerce_pb2.OrderPlaced
    order_refunded: _commerce_pb2.OrderRefunded
    commission_earned: _commerce_pb2.CommissionEarned
    payout_initiated: _commerce_pb2.PayoutInitiated
    payout_completed: _commerce_pb2.PayoutCompleted
    payout_failed: _commerce_pb2.PayoutFailed
    def __init__(self, event_id: _Optional[str] = ..., client_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., header: _Optional[_Union[_common_pb2.ClientHeader, _Mapping]] = ..., app_installed: _Optional[_Union[_mobile_app_pb2.AppInstalled, _Mapping]] = ..., app_opened: _Optional[_Union[_mobile_app_pb2.AppOpened, _Mapping]] = ..., app_backgrounded: _Optional[_Union[_mobile_app_pb2.AppBackgrounded, _Mapping]] = ..., app_foregrounded: _Optional[_Union[_mobile_app_pb2.AppForegrounded, _Mapping]] = ..., app_crashed: _Optional[_Union[_mobile_app_pb2.AppCrashed, _Mapping]] = ..., screen_viewed: _Optional[_Union[_mobile_app_pb2.ScreenViewed, _Mapping]] = ..., push_notification_opened: _Optional[_Union[_mobile_app_pb2.PushNotificationOpened, _Mapping]] = ..., search_performed: _Optional[_Union[_mobile_app_pb2.SearchPerformed, _Mapping]] = ..., creator_profile_viewed: _Optional[_Union[_mobile_app_pb2.CreatorProfileViewed, _Mapping]] = ..., content_viewed: _Optional[_Union[_mobile_app_pb2.ContentViewed, _Mapping]] = ..., video_progressed: _Optional[_Union[_mobile_app_pb2.VideoProgressed, _Mapping]] = ..., content_shared: _Optional[_Union[_mobile_app_pb2.ContentShared, _Mapping]] = ..., product_viewed: _Optional[_Union[_mobile_app_pb2.ProductViewed, _Mapping]] = ..., product_added_to_cart: _Optional[_Union[_mobile_app_pb2.ProductAddedToCart, _Mapping]] = ..., page_viewed: _Optional[_Union[_web_pb2.PageViewed, _Mapping]] = ..., link_clicked: _Optional[_Union[_web_pb2.LinkClicked, _Mapping]] = ..., form_submitted: _Optional[_Union[_web_pb2.FormSubmitted, _Mapping]] = ..., newsletter_subscribed: _Optional[_Union[_web_pb2.NewsletterSubscribed, _Mapping]] = ..., experiment_exposed: _Optional[_Union[_web_pb2.ExperimentExposed, _Mapping]] = ..., checkout_started: _Optional[_Union[_web_pb2.CheckoutStarted, _Mapping]] = ..., web_vitals_reported: _Optional[_Union[_web_pb2.WebVitalsReported, _Mapping]] = ..., shopify_order_created: _Optional[_Union[_shopify_pb2.ShopifyOrderCreated, _Mapping]] = ..., shopify_order_updated: _Optional[_Union[_shopify_pb2.ShopifyOrderUpdated, _Mapping]] = ..., shopify_order_paid: _Optional[_Union[_shopify_pb2.ShopifyOrderPaid, _Mapping]] = ..., shopify_order_cancelled: _Optional[_Union[_shopify_pb2.ShopifyOrderCancelled, _Mapping]] = ..., shopify_order_fulfilled: _Optional[_Union[_shopify_pb2.ShopifyOrderFulfilled, _Mapping]] = ..., shopify_refund_created: _Optional[_Union[_shopify_pb2.ShopifyRefundCreated, _Mapping]] = ..., shopify_fulfillment_created: _Optional[_Union[_shopify_pb2.ShopifyFulfillmentCreated, _Mapping]] = ..., shopify_product_created: _Optional[_Union[_shopify_pb2.ShopifyProductCreated, _Mapping]] = ..., shopify_product_updated: _Optional[_Union[_shopify_pb2.ShopifyProductUpdated, _Mapping]] = ..., shopify_customer_created: _Optional[_Union[_shopify_pb2.ShopifyCustomerCreated, _Mapping]] = ..., shopify_cart_created: _Optional[_Union[_shopify_pb2.ShopifyCartCreated, _Mapping]] = ..., shopify_cart_updated: _Optional[_Union[_shopify_pb2.ShopifyCartUpdated, _Mapping]] = ..., shopify_checkout_created: _Optional[_Union[_shopify_pb2.ShopifyCheckoutCreated, _Mapping]] = ..., shopify_app_uninstalled: _Optional[_Union[_shopify_pb2.ShopifyAppUninstalled, _Mapping]] = ..., branch_install: _Optional[_Union[_branch_pb2.BranchInstall, _Mapping]] = ..., branch_reinstall: _Optional[_Union[_branch_pb2.BranchReinstall, _Mapping]] = ..., branch_open: _Optional[_Union[_branch_pb2.BranchOpen, _Mapping]] = ..., branch_click: _Optional[_Union[_branch_pb2.BranchClick, _Mapping]] = ..., branch_purchase: _Optional[_Union[_branch_pb2.BranchPurchase, _Mapping]] = ..., branch_add_to_cart: _Optional[_Union[_branch_pb2.BranchAddToCart, _Mapping]] = ..., branch_complete_registration: _Optional[_Union[_branch_pb2.BranchCompleteRegistration, _Mapping]] = ..., webengage_user_signed_up: _Optional[_Union[_webengage_pb2.WebengageUserSignedUp, _Mapping]] = ..., webengage_user_logged_in: _Optional[_Union[_webengage_pb2.WebengageUserLoggedIn, _Mapping]] = ..., webengage_user_updated: _Optional[_Union[_webengage_pb2.WebengageUserUpdated, _Mapping]] = ..., webengage_email_sent: _Optional[_Union[_webengage_pb2.WebengageEmailSent, _Mapping]] = ..., webengage_email_opened: _Optional[_Union[_webengage_pb2.WebengageEmailOpened, _Mapping]] = ..., webengage_email_clicked: _Optional[_Union[_webengage_pb2.WebengageEmailClicked, _Mapping]] = ..., webengage_push_notification_sent: _Optional[_Union[_webengage_pb2.WebengagePushNotificationSent, _Mapping]] = ..., webengage_push_notification_clicked: _Optional[_Union[_webengage_pb2.WebengagePushNotificationClicked, _Mapping]] = ..., webengage_sms_sent: _Optional[_Union[_webengage_pb2.WebengageSmsSent, _Mapping]] = ..., webengage_in_app_shown: _Optional[_Union[_webengage_pb2.WebengageInAppShown, _Mapping]] = ..., creator_post_published: _Optional[_Union[_creator_pb2.CreatorPostPublished, _Mapping]] = ..., creator_post_deleted: _Optional[_Union[_creator_pb2.CreatorPostDeleted, _Mapping]] = ..., creator_profile_updated: _Optional[_Union[_creator_pb2.CreatorProfileUpdated, _Mapping]] = ..., creator_social_account_linked: _Optional[_Union[_creator_pb2.CreatorSocialAccountLinked, _Mapping]] = ..., creator_campaign_joined: _Optional[_Union[_creator_pb2.CreatorCampaignJoined, _Mapping]] = ..., creator_deliverable_submitted: _Optional[_Union[_creator_pb2.CreatorDeliverableSubmitted, _Mapping]] = ..., post_scraped: _Optional[_Union[_creator_pb2.PostScraped, _Mapping]] = ..., profile_scraped: _Optional[_Union[_creator_pb2.ProfileScraped, _Mapping]] = ..., scrape_failed: _Optional[_Union[_creator_pb2.ScrapeFailed, _Mapping]] = ..., order_placed: _Optional[_Union[_commerce_pb2.OrderPlaced, _Mapping]] = ..., order_refunded: _Optional[_Union[_commerce_pb2.OrderRefunded, _Mapping]] = ..., commission_earned: _Optional[_Union[_commerce_pb2.CommissionEarned, _Mapping]] = ..., payout_initiated: _Optional[_Union[_commerce_pb2.PayoutInitiated, _Mapping]] = ..., payout_completed: _Optional[_Union[_commerce_pb2.PayoutCompleted, _Mapping]] = ..., payout_failed: _Optional[_Union[_commerce_pb2.PayoutFailed, _Mapping]] = ...) -> None: ...

class EventBatch(_message.Message):
    __slots__ = ("header", "events")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    header: _common_pb2.ClientHeader
    events: _containers.RepeatedCompositeFieldContainer[Event]
    def __init__(self, header: _Optional[_Union[_common_pb2.ClientHeader, _Mapping]] = ..., events: _Optional[_Iterable[_Union[Event, _Mapping]]] = ...) -> None: ...

class Rejection(_message.Message):
    __slots__ = ("index", "code", "reason")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    index: int
    code: str
    reason: str
    def __init__(self, index: _Optional[int] = ..., code: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DispatchResponse(_message.Message):
    __slots__ = ("accepted", "rejected")
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    accepted: int
    rejected: _containers.RepeatedCompositeFieldContainer[Rejection]
    def __init__(self, accepted: _Optional[int] = ..., rejected: _Optional[_Iterable[_Union[Rejection, _Mapping]]] = ...) -> None: ...
