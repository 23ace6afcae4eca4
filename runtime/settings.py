"""The service's settings: flags over EVENTGEN_* environment variables over a TOML file over defaults,
validated once at start-up into a frozen object that is passed down. Nothing else reads the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from .generated import DEFAULT_GENERATED_DIR

__all__ = ["Settings", "SettingsError", "load_settings"]


class SettingsError(Exception):
    """A setting is missing or wrong; the message names it and says what it accepts."""


class Settings(BaseSettings):
    """Every knob of `eventgen run`. Environment variables are EVENTGEN_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="EVENTGEN_", frozen=True, extra="forbid")

    role: Literal["ingest", "sink", "all"] = "all"
    data_dir: Path = Path("data")
    generated_dir: Path = DEFAULT_GENERATED_DIR
    # "memory://" is the in-process broker; amqp://user:password@host:5672/vhost is RabbitMQ.
    broker_url: str = "memory://"
    # chdb:///path is the embedded engine (default: <data_dir>/clickhouse); http(s)://... a server.
    clickhouse_url: str = ""
    # Prefixes every exchange and queue name: several deployments (or tests) on one broker.
    namespace: str = ""
    # Message bodies on RabbitMQ as LZ4 frames (content-encoding lz4), half the bytes, or "none": as they are,
    # for consumers that read the queues and cannot decompress. The sink reads either.
    broker_compression: Literal["lz4", "none"] = "lz4"

    grpc_host: str = "127.0.0.1"
    grpc_port: int = Field(50051, ge=0, le=65535)
    http_host: str = "127.0.0.1"
    http_port: int = Field(8080, ge=0, le=65535)
    # Bearer token clients must send in `authorization` metadata; empty: no auth.
    auth_token: str = ""
    # Largest gRPC request, checked from its length prefix before it is read.
    max_message_bytes: int = Field(4 * 1024 * 1024, gt=0)
    # Largest webhook body, after decompression.
    max_body_bytes: int = Field(1024 * 1024, gt=0)
    # Most events in one Dispatch call: a bigger batch is refused (RESOURCE_EXHAUSTED), so one client's
    # batch cannot take the whole max_pending_events budget from the others.
    max_batch_events: int = Field(10_000, gt=0)
    # How long a request's body (a webhook body, a gRPC message) may take to arrive once its headers are
    # in; a slower sender is refused (HTTP 408, gRPC DEADLINE_EXCEEDED) instead of holding a connection.
    body_timeout_s: float = Field(10.0, gt=0)
    shopify_secret: str = ""
    branch_token: str = ""
    webengage_key: str = ""
    # Shopify retries a webhook for 48 hours; a delivery id seen within this window is a duplicate.
    webhook_dedup_seconds: float = Field(48 * 3600, ge=0)
    webhook_dedup_entries: int = Field(100_000, gt=0)

    # Per-source worker pools.
    pool_workers: int = Field(2, gt=0)
    pool_queue_size: int = Field(256, gt=0)
    # How long a request waits for room in a full pool before it is told to back off.
    backpressure_wait_ms: int = Field(50, ge=0)
    # Events accepted and waiting for the broker's confirm, at most; more are told to back off.
    max_pending_events: int = Field(50_000, gt=0)
    # Micro-batches per event type: one AMQP message carries up to this many events...
    batch_max_events: int = Field(500, gt=0)
    # ...and waits at most this long for more.
    batch_linger_ms: int = Field(5, ge=0)
    # Messages of one event type waiting for the broker's confirm at once; while they wait, the next
    # batch of the type keeps growing.
    batch_max_inflight: int = Field(1, gt=0)
    # Publishes in flight at once (bounds memory while the broker is slow).
    max_inflight_publishes: int = Field(256, gt=0)
    # How long a publish waits for the broker (connected, then the confirm) before UNAVAILABLE.
    publish_timeout_s: float = Field(5.0, gt=0)
    # A publish that failed without a confirm may still have been stored by the broker, and the client
    # retries it in messages composed differently. For this long after such a failure (ingest), or when
    # the client says the call is a retry, messages are marked so the sink skips events already stored;
    # the sink looks this far around an event's time for an earlier copy.
    republish_window_s: float = Field(600.0, ge=0)
    # Client event times older than this are impossible: they fall back to the receive time.
    max_event_age_days: int = Field(365, gt=0)
    # Key for PII_HASH fields (HMAC-SHA256); set it in production.
    pii_key: str = ""
    # Unacked messages per buffered consumer: enough to fill a batch, bounded so memory stays flat. A queue's
    # window is split among its tables, so a larger one makes larger inserts, each cheaper per row
    # (`eventgen bench insert`): 500 drained a backlog 1.24-1.51x faster than 200 (`eventgen bench sink`).
    sink_prefetch: int = Field(500, gt=0)
    # The most the sink holds of message bodies not yet stored, over all its queues, in MiB: past it, it reads no
    # more from RabbitMQ until some are stored (prefetch counts messages, and a message may carry up to
    # batch_max_events events). 0: no bound but the prefetch.
    sink_max_held_mb: int = Field(64, ge=0)
    # Overrides every buffered queue's flush_interval_ms from the schema (0: each queue's own), e.g. a short one
    # where rows should show up soon after they come, at the cost of more, smaller inserts.
    sink_flush_interval_ms: int = Field(0, ge=0)
    # ClickHouse decodes the stamped events and computes the columns itself (the generated inserts,
    # clickhouse/inserts.json) for inserts of at least this many events; smaller ones, and event types whose
    # columns only Python makes, go through the generated transformer. Off: always the transformer.
    native_inserts: bool = True
    native_insert_min_rows: int = Field(500, ge=0)
    # Inserts in flight at most: each store thread has a ClickHouse client of its own, and their inserts run side by
    # side (the embedded engine's too). One runs at a time while the sink keeps up; another starts beside it only
    # once the first in line has waited store_spill_ms for its turn and the machine has a third of a core idle (the
    # sink behind, with CPU to spare: `eventgen bench sink` drains a backlog faster). Unset: 2 for `--role sink`,
    # 1 for `--role all`, whose store threads share the interpreter with the requests (`bench e2e` embedded: slower
    # with 2). 1: one at a time.
    store_threads: int | None = Field(None, gt=0)
    store_spill_ms: int = Field(100, ge=0)
    # How much lower the CPU priority (niceness) of the store's threads is than the process's, and with them that of
    # the embedded engine's own (its query and merge threads start from them): inserts can wait, the broker holds
    # what they have not taken, while a client waits on every Dispatch call. 0: the same priority.
    store_nice: int = Field(10, ge=0, le=19)
    drain_timeout_s: float = Field(20.0, gt=0)
    log_json: bool = False
    # uvloop (faster) or asyncio (the standard library's loop).
    event_loop: Literal["uvloop", "asyncio"] = "uvloop"
    # Lets several ingest processes listen on the same gRPC and HTTP ports (SO_REUSEPORT): the kernel
    # spreads the connections over them, so ingest uses more than one core.
    reuse_port: bool = False

    @model_validator(mode="after")
    def _default_clickhouse(self) -> Settings:
        if not self.clickhouse_url:
            object.__setattr__(self, "clickhouse_url", f"chdb://{(self.data_dir / 'clickhouse').resolve()}")
        if not (self.broker_url == "memory://" or self.broker_url.startswith(("amqp://", "amqps://"))):
            raise ValueError(f"broker_url {self.broker_url!r} is neither memory:// nor amqp(s)://")
        if not self.clickhouse_url.startswith(("chdb://", "http://", "https://")):
            raise ValueError(f"clickhouse_url {self.clickhouse_url!r} is neither chdb:///path nor http(s)://host:8123")
        return self

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource) -> tuple[Any, ...]:
        sources: list[Any] = [init_settings, env_settings]
        # The file named by load_settings for this one construction (pydantic-settings reads sources
        # from the class, so the file is passed beside it).
        if _TOML_FILE is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=_TOML_FILE))
        return tuple(sources)


_TOML_FILE: Path | None = None


def load_settings(flags: dict[str, Any] | None = None, toml_file: Path | None = None) -> Settings:
    """Validates flags (those not None) over the environment over the TOML file; raises SettingsError."""
    global _TOML_FILE
    if toml_file is not None and not toml_file.exists():
        raise SettingsError(f"config file {toml_file} does not exist")
    _TOML_FILE = toml_file
    try:
        return Settings(**{k: v for k, v in (flags or {}).items() if v is not None})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = ".".join(str(p) for p in error["loc"]) or "settings"
            where = f"--{name.replace('_', '-')} / EVENTGEN_{name.upper()}" if error["loc"] else "settings"
            problems.append(f"{where}: {error['msg']} (got {error.get('input')!r})")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(problems)) from None
    finally:
        _TOML_FILE = None
