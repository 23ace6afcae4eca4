import datetime

from eventgen import options_pb2 as _options_pb2
from events.v1 import common_pb2 as _common_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import wrappers_pb2 as _wrappers_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PostDeletionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    POST_DELETION_REASON_UNSPECIFIED: _ClassVar[PostDeletionReason]
    POST_DELETION_REASON_CREATOR: _ClassVar[PostDeletionReason]
    POST_DELETION_REASON_PLATFORM: _ClassVar[PostDeletionReason]
    POST_DELETION_REASON_ACCOUNT_GONE: _ClassVar[PostDeletionReason]

class OAuthScope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OAUTH_SCOPE_UNSPECIFIED: _ClassVar[OAuthScope]
    OAUTH_SCOPE_BASIC_PROFILE: _ClassVar[OAuthScope]
    OAUTH_SCOPE_MEDIA_READ: _ClassVar[OAuthScope]
    OAUTH_SCOPE_INSIGHTS_READ: _ClassVar[OAuthScope]
    OAUTH_SCOPE_AUDIENCE_DEMOGRAPHICS: _ClassVar[OAuthScope]
    OAUTH_SCOPE_COMMENTS_READ: _ClassVar[OAuthScope]

class ReviewStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_STATUS_UNSPECIFIED: _ClassVar[ReviewStatus]
    REVIEW_STATUS_PENDING: _ClassVar[ReviewStatus]
    REVIEW_STATUS_APPROVED: _ClassVar[ReviewStatus]
    REVIEW_STATUS_CHANGES_REQUESTED: _ClassVar[ReviewStatus]
    REVIEW_STATUS_REJECTED: _ClassVar[ReviewStatus]

class ContentFlag(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTENT_FLAG_UNSPECIFIED: _ClassVar[ContentFlag]
    CONTENT_FLAG_PAID_PARTNERSHIP: _ClassVar[ContentFlag]
    CONTENT_FLAG_AD_HASHTAG: _ClassVar[ContentFlag]
    CONTENT_FLAG_HAS_LINK: _ClassVar[ContentFlag]
    CONTENT_FLAG_TAGGED_PRODUCTS: _ClassVar[ContentFlag]
    CONTENT_FLAG_COMMENTS_DISABLED: _ClassVar[ContentFlag]

class ScrapeTarget(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SCRAPE_TARGET_UNSPECIFIED: _ClassVar[ScrapeTarget]
    SCRAPE_TARGET_POST: _ClassVar[ScrapeTarget]
    SCRAPE_TARGET_PROFILE: _ClassVar[ScrapeTarget]
    SCRAPE_TARGET_STORY: _ClassVar[ScrapeTarget]
    SCRAPE_TARGET_COMMENTS: _ClassVar[ScrapeTarget]
POST_DELETION_REASON_UNSPECIFIED: PostDeletionReason
POST_DELETION_REASON_CREATOR: PostDeletionReason
POST_DELETION_REASON_PLATFORM: PostDeletionReason
POST_DELETION_REASON_ACCOUNT_GONE: PostDeletionReason
OAUTH_SCOPE_UNSPECIFIED: OAuthScope
OAUTH_SCOPE_BASIC_PROFILE: OAuthScope
OAUTH_SCOPE_MEDIA_READ: OAuthScope
OAUTH_SCOPE_INSIGHTS_READ: OAuthScope
OAUTH_SCOPE_AUDIENCE_DEMOGRAPHICS: OAuthScope
OAUTH_SCOPE_COMMENTS_READ: OAuthScope
REVIEW_STATUS_UNSPECIFIED: ReviewStatus
REVIEW_STATUS_PENDING: ReviewStatus
REVIEW_STATUS_APPROVED: ReviewStatus
REVIEW_STATUS_CHANGES_REQUESTED: ReviewStatus
REVIEW_STATUS_REJECTED: ReviewStatus
CONTENT_FLAG_UNSPECIFIED: ContentFlag
CONTENT_FLAG_PAID_PARTNERSHIP: ContentFlag
CONTENT_FLAG_AD_HASHTAG: ContentFlag
CONTENT_FLAG_HAS_LINK: ContentFlag
CONTENT_FLAG_TAGGED_PRODUCTS: ContentFlag
CONTENT_FLAG_COMMENTS_DISABLED: ContentFlag
SCRAPE_TARGET_UNSPECIFIED: ScrapeTarget
SCRAPE_TARGET_POST: ScrapeTarget
SCRAPE_TARGET_PROFILE: ScrapeTarget
SCRAPE_TARGET_STORY: ScrapeTarget
SCRAPE_TARGET_COMMENTS: ScrapeTarget

class CreatorPostPublished(_message.Message):
    __slots__ = ("content", "permalink", "caption", "hashtags", "mentions", "media", "posted_at", "is_sponsored", "deliverable_id")
    class Media(_message.Message):
        __slots__ = ("media_url", "media_type", "width", "height", "duration_ms")
        MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
        MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
        WIDTH_FIELD_NUMBER: _ClassVar[int]
        HEIGHT_FIELD_NUMBER: _ClassVar[int]
        DURATION_MS_FIELD_NUMBER: _ClassVar[int]
        media_url: str
        media_type: _common_pb2.ContentType
        width: int
        height: int
        duration_ms: int
        def __init__(self, media_url: _Optional[str] = ..., media_type: _Optional[_Union[_common_pb2.ContentType, str]] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., duration_ms: _Optional[int] = ...) -> None: ...
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    PERMALINK_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    HASHTAGS_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    POSTED_AT_FIELD_NUMBER: _ClassVar[int]
    IS_SPONSORED_FIELD_NUMBER: _ClassVar[int]
    DELIVERABLE_ID_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    permalink: str
    caption: str
    hashtags: _containers.RepeatedScalarFieldContainer[str]
    mentions: _containers.RepeatedScalarFieldContainer[str]
    media: _containers.RepeatedCompositeFieldContainer[CreatorPostPublished.Media]
    posted_at: _timestamp_pb2.Timestamp
    is_sponsored: bool
    deliverable_id: str
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., permalink: _Optional[str] = ..., caption: _Optional[str] = ..., hashtags: _Optional[_Iterable[str]] = ..., mentions: _Optional[_Iterable[str]] = ..., media: _Optional[_Iterable[_Union[CreatorPostPublished.Media, _Mapping]]] = ..., posted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., is_sponsored: _Optional[bool] = ..., deliverable_id: _Optional[str] = ...) -> None: ...

class CreatorPostDeleted(_message.Message):
    __slots__ = ("content", "reason", "last_seen_at")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_AT_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    reason: PostDeletionReason
    last_seen_at: _timestamp_pb2.Timestamp
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., reason: _Optional[_Union[PostDeletionReason, str]] = ..., last_seen_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatorProfileUpdated(_message.Message):
    __slots__ = ("creator", "changed_fields", "display_name", "bio", "is_verified", "follower_count", "rate_card_usd", "profile_snapshot", "updated_by")
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    BIO_FIELD_NUMBER: _ClassVar[int]
    IS_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    FOLLOWER_COUNT_FIELD_NUMBER: _ClassVar[int]
    RATE_CARD_USD_FIELD_NUMBER: _ClassVar[int]
    PROFILE_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    display_name: _wrappers_pb2.StringValue
    bio: _wrappers_pb2.StringValue
    is_verified: _wrappers_pb2.BoolValue
    follower_count: _wrappers_pb2.Int64Value
    rate_card_usd: _wrappers_pb2.DoubleValue
    profile_snapshot: _struct_pb2.Struct
    updated_by: str
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ..., display_name: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., bio: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., is_verified: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., follower_count: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ..., rate_card_usd: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., profile_snapshot: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., updated_by: _Optional[str] = ...) -> None: ...

class CreatorSocialAccountLinked(_message.Message):
    __slots__ = ("creator", "external_account_id", "granted_scopes", "is_business_account", "token_expires_at")
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTED_SCOPES_FIELD_NUMBER: _ClassVar[int]
    IS_BUSINESS_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    external_account_id: str
    granted_scopes: _containers.RepeatedScalarFieldContainer[OAuthScope]
    is_business_account: bool
    token_expires_at: _timestamp_pb2.Timestamp
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., external_account_id: _Optional[str] = ..., granted_scopes: _Optional[_Iterable[_Union[OAuthScope, str]]] = ..., is_business_account: _Optional[bool] = ..., token_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatorCampaignJoined(_message.Message):
    __slots__ = ("creator", "campaign_id", "brand_id", "agreed_fee", "deliverables")
    class Deliverable(_message.Message):
        __slots__ = ("deliverable_id", "content_type", "quantity", "due_at")
        DELIVERABLE_ID_FIELD_NUMBER: _ClassVar[int]
        CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
        QUANTITY_FIELD_NUMBER: _ClassVar[int]
        DUE_AT_FIELD_NUMBER: _ClassVar[int]
        deliverable_id: str
        content_type: _common_pb2.ContentType
        quantity: int
        due_at: _timestamp_pb2.Timestamp
        def __init__(self, deliverable_id: _Optional[str] = ..., content_type: _Optional[_Union[_common_pb2.ContentType, str]] = ..., quantity: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    BRAND_ID_FIELD_NUMBER: _ClassVar[int]
    AGREED_FEE_FIELD_NUMBER: _ClassVar[int]
    DELIVERABLES_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    campaign_id: str
    brand_id: str
    agreed_fee: _common_pb2.Money
    deliverables: _containers.RepeatedCompositeFieldContainer[CreatorCampaignJoined.Deliverable]
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ..., brand_id: _Optional[str] = ..., agreed_fee: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., deliverables: _Optional[_Iterable[_Union[CreatorCampaignJoined.Deliverable, _Mapping]]] = ...) -> None: ...

class CreatorDeliverableSubmitted(_message.Message):
    __slots__ = ("creator", "campaign_id", "deliverable_id", "content", "review_status", "turnaround")
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DELIVERABLE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATUS_FIELD_NUMBER: _ClassVar[int]
    TURNAROUND_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    campaign_id: str
    deliverable_id: str
    content: _common_pb2.ContentRef
    review_status: ReviewStatus
    turnaround: _duration_pb2.Duration
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., campaign_id: _Optional[str] = ..., deliverable_id: _Optional[str] = ..., content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., review_status: _Optional[_Union[ReviewStatus, str]] = ..., turnaround: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class PostScraped(_message.Message):
    __slots__ = ("content", "metrics", "like_delta", "view_delta", "flags", "reaction_counts", "top_comments", "caption_simhash", "media_sha256", "posted_at", "scrape_latency", "scraper_version")
    class Metrics(_message.Message):
        __slots__ = ("like_count", "comment_count", "view_count", "share_count", "save_count", "engagement_rate")
        LIKE_COUNT_FIELD_NUMBER: _ClassVar[int]
        COMMENT_COUNT_FIELD_NUMBER: _ClassVar[int]
        VIEW_COUNT_FIELD_NUMBER: _ClassVar[int]
        SHARE_COUNT_FIELD_NUMBER: _ClassVar[int]
        SAVE_COUNT_FIELD_NUMBER: _ClassVar[int]
        ENGAGEMENT_RATE_FIELD_NUMBER: _ClassVar[int]
        like_count: int
        comment_count: int
        view_count: int
        share_count: int
        save_count: int
        engagement_rate: float
        def __init__(self, like_count: _Optional[int] = ..., comment_count: _Optional[int] = ..., view_count: _Optional[int] = ..., share_count: _Optional[int] = ..., save_count: _Optional[int] = ..., engagement_rate: _Optional[float] = ...) -> None: ...
    class Comment(_message.Message):
        __slots__ = ("comment_id", "author", "text", "like_count")
        class Author(_message.Message):
            __slots__ = ("handle", "verified", "follower_count")
            HANDLE_FIELD_NUMBER: _ClassVar[int]
            VERIFIED_FIELD_NUMBER: _ClassVar[int]
            FOLLOWER_COUNT_FIELD_NUMBER: _ClassVar[int]
            handle: str
            verified: bool
            follower_count: int
            def __init__(self, handle: _Optional[str] = ..., verified: _Optional[bool] = ..., follower_count: _Optional[int] = ...) -> None: ...
        COMMENT_ID_FIELD_NUMBER: _ClassVar[int]
        AUTHOR_FIELD_NUMBER: _ClassVar[int]
        TEXT_FIELD_NUMBER: _ClassVar[int]
        LIKE_COUNT_FIELD_NUMBER: _ClassVar[int]
        comment_id: str
        author: PostScraped.Comment.Author
        text: str
        like_count: int
        def __init__(self, comment_id: _Optional[str] = ..., author: _Optional[_Union[PostScraped.Comment.Author, _Mapping]] = ..., text: _Optional[str] = ..., like_count: _Optional[int] = ...) -> None: ...
    class ReactionCountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    LIKE_DELTA_FIELD_NUMBER: _ClassVar[int]
    VIEW_DELTA_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    REACTION_COUNTS_FIELD_NUMBER: _ClassVar[int]
    TOP_COMMENTS_FIELD_NUMBER: _ClassVar[int]
    CAPTION_SIMHASH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_SHA256_FIELD_NUMBER: _ClassVar[int]
    POSTED_AT_FIELD_NUMBER: _ClassVar[int]
    SCRAPE_LATENCY_FIELD_NUMBER: _ClassVar[int]
    SCRAPER_VERSION_FIELD_NUMBER: _ClassVar[int]
    content: _common_pb2.ContentRef
    metrics: PostScraped.Metrics
    like_delta: int
    view_delta: int
    flags: _containers.RepeatedScalarFieldContainer[ContentFlag]
    reaction_counts: _containers.ScalarMap[str, int]
    top_comments: _containers.RepeatedCompositeFieldContainer[PostScraped.Comment]
    caption_simhash: int
    media_sha256: bytes
    posted_at: _timestamp_pb2.Timestamp
    scrape_latency: _duration_pb2.Duration
    scraper_version: str
    def __init__(self, content: _Optional[_Union[_common_pb2.ContentRef, _Mapping]] = ..., metrics: _Optional[_Union[PostScraped.Metrics, _Mapping]] = ..., like_delta: _Optional[int] = ..., view_delta: _Optional[int] = ..., flags: _Optional[_Iterable[_Union[ContentFlag, str]]] = ..., reaction_counts: _Optional[_Mapping[str, int]] = ..., top_comments: _Optional[_Iterable[_Union[PostScraped.Comment, _Mapping]]] = ..., caption_simhash: _Optional[int] = ..., media_sha256: _Optional[bytes] = ..., posted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., scrape_latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., scraper_version: _Optional[str] = ...) -> None: ...

class ProfileScraped(_message.Message):
    __slots__ = ("creator", "follower_count", "following_count", "post_count", "follower_delta", "avg_engagement_rate", "follower_growth_by_day", "audience_by_country", "audience", "is_private", "is_verified", "bio", "external_url")
    class AudienceShare(_message.Message):
        __slots__ = ("share", "estimated_followers")
        SHARE_FIELD_NUMBER: _ClassVar[int]
        ESTIMATED_FOLLOWERS_FIELD_NUMBER: _ClassVar[int]
        share: float
        estimated_followers: int
        def __init__(self, share: _Optional[float] = ..., estimated_followers: _Optional[int] = ...) -> None: ...
    class Audience(_message.Message):
        __slots__ = ("age_buckets", "female_share")
        class AgeBucket(_message.Message):
            __slots__ = ("min_age", "max_age", "share")
            MIN_AGE_FIELD_NUMBER: _ClassVar[int]
            MAX_AGE_FIELD_NUMBER: _ClassVar[int]
            SHARE_FIELD_NUMBER: _ClassVar[int]
            min_age: int
            max_age: int
            share: float
            def __init__(self, min_age: _Optional[int] = ..., max_age: _Optional[int] = ..., share: _Optional[float] = ...) -> None: ...
        AGE_BUCKETS_FIELD_NUMBER: _ClassVar[int]
        FEMALE_SHARE_FIELD_NUMBER: _ClassVar[int]
        age_buckets: _containers.RepeatedCompositeFieldContainer[ProfileScraped.Audience.AgeBucket]
        female_share: float
        def __init__(self, age_buckets: _Optional[_Iterable[_Union[ProfileScraped.Audience.AgeBucket, _Mapping]]] = ..., female_share: _Optional[float] = ...) -> None: ...
    class FollowerGrowthByDayEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: float
        def __init__(self, key: _Optional[int] = ..., value: _Optional[float] = ...) -> None: ...
    class AudienceByCountryEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: ProfileScraped.AudienceShare
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[ProfileScraped.AudienceShare, _Mapping]] = ...) -> None: ...
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    FOLLOWER_COUNT_FIELD_NUMBER: _ClassVar[int]
    FOLLOWING_COUNT_FIELD_NUMBER: _ClassVar[int]
    POST_COUNT_FIELD_NUMBER: _ClassVar[int]
    FOLLOWER_DELTA_FIELD_NUMBER: _ClassVar[int]
    AVG_ENGAGEMENT_RATE_FIELD_NUMBER: _ClassVar[int]
    FOLLOWER_GROWTH_BY_DAY_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_BY_COUNTRY_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    IS_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    IS_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    BIO_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_URL_FIELD_NUMBER: _ClassVar[int]
    creator: _common_pb2.CreatorRef
    follower_count: int
    following_count: int
    post_count: int
    follower_delta: int
    avg_engagement_rate: float
    follower_growth_by_day: _containers.ScalarMap[int, float]
    audience_by_country: _containers.MessageMap[str, ProfileScraped.AudienceShare]
    audience: ProfileScraped.Audience
    is_private: bool
    is_verified: bool
    bio: str
    external_url: str
    def __init__(self, creator: _Optional[_Union[_common_pb2.CreatorRef, _Mapping]] = ..., follower_count: _Optional[int] = ..., following_count: _Optional[int] = ..., post_count: _Optional[int] = ..., follower_delta: _Optional[int] = ..., avg_engagement_rate: _Optional[float] = ..., follower_growth_by_day: _Optional[_Mapping[int, float]] = ..., audience_by_country: _Optional[_Mapping[str, ProfileScraped.AudienceShare]] = ..., audience: _Optional[_Union[ProfileScraped.Audience, _Mapping]] = ..., is_private: _Optional[bool] = ..., is_verified: _Optional[bool] = ..., bio: _Optional[str] = ..., external_url: _Optional[str] = ...) -> None: ...

class ScrapeFailed(_message.Message):
    __slots__ = ("target_url", "social_platform", "target", "attempt", "http", "rate_limited", "parse", "backoff")
    class HttpFailure(_message.Message):
        __slots__ = ("status_code", "body_excerpt")
        STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
        BODY_EXCERPT_FIELD_NUMBER: _ClassVar[int]
        status_code: int
        body_excerpt: str
        def __init__(self, status_code: _Optional[int] = ..., body_excerpt: _Optional[str] = ...) -> None: ...
    class RateLimited(_message.Message):
        __slots__ = ("retry_after", "remaining_quota")
        RETRY_AFTER_FIELD_NUMBER: _ClassVar[int]
        REMAINING_QUOTA_FIELD_NUMBER: _ClassVar[int]
        retry_after: _duration_pb2.Duration
        remaining_quota: int
        def __init__(self, retry_after: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., remaining_quota: _Optional[int] = ...) -> None: ...
    class ParseFailure(_message.Message):
        __slots__ = ("parser", "error_message")
        PARSER_FIELD_NUMBER: _ClassVar[int]
        ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        parser: str
        error_message: str
        def __init__(self, parser: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...
    TARGET_URL_FIELD_NUMBER: _ClassVar[int]
    SOCIAL_PLATFORM_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    HTTP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMITED_FIELD_NUMBER: _ClassVar[int]
    PARSE_FIELD_NUMBER: _ClassVar[int]
    BACKOFF_FIELD_NUMBER: _ClassVar[int]
    target_url: str
    social_platform: _common_pb2.SocialPlatform
    target: ScrapeTarget
    attempt: int
    http: ScrapeFailed.HttpFailure
    rate_limited: ScrapeFailed.RateLimited
    parse: ScrapeFailed.ParseFailure
    backoff: _duration_pb2.Duration
    def __init__(self, target_url: _Optional[str] = ..., social_platform: _Optional[_Union[_common_pb2.SocialPlatform, str]] = ..., target: _Optional[_Union[ScrapeTarget, str]] = ..., attempt: _Optional[int] = ..., http: _Optional[_Union[ScrapeFailed.HttpFailure, _Mapping]] = ..., rate_limited: _Optional[_Union[ScrapeFailed.RateLimited, _Mapping]] = ..., parse: _Optional[_Union[ScrapeFailed.ParseFailure, _Mapping]] = ..., backoff: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...
