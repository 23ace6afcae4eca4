"""One broker message on the sink side: its events decoded and transformed into columns."""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import Any

from ..broker import Delivery
from ..generated import GeneratedSchema

__all__ = ["BadEvent", "Transformed", "concat_columns", "select_rows", "transform_delivery"]

log = logging.getLogger("eventgen.sink")

# Headers a message carries when eventgen itself publishes it again.
REPLAY_HEADER = "x-eventgen-replay"


@dataclass(frozen=True)
class BadEvent:
    stamped: Any
    error: str


@dataclass
class Transformed:
    delivery: Delivery
    event_type: str
    table: str
    columns: list[Any]
    events: list[Any]  # the StampedEvents behind the rows, in row order
    bad: list[BadEvent]
    size: int

    @property
    def rows(self) -> int:
        return len(self.events)

    @property
    def check_existing(self) -> bool:
        """Whether some of these events may be stored already (a redelivery or a replay)."""
        return bool(self.delivery.redelivered or self.delivery.delivery_count or
                    REPLAY_HEADER in (self.delivery.headers or {}))


def transform_delivery(schema: GeneratedSchema, delivery: Delivery, pii_key: bytes) -> Transformed:
    """Decodes and transforms a message; events that cannot be transformed are set apart as bad.
    Raises ValueError when the message itself is not a batch this schema knows."""
    batch = schema.transport.StampedBatch.FromString(delivery.body)
    transformer = schema.transformers.TRANSFORMERS.get(batch.event_type)
    if transformer is None:
        raise ValueError(f"event type {batch.event_type!r} is not in this schema")
    events = list(batch.events)
    bad: list[BadEvent] = []
    try:
        columns = transformer(events, pii_key)
    except Exception:  # some event is malformed: transform one by one to set exactly those apart
        good = []
        for event in events:
            try:
                transformer([event], pii_key)
                good.append(event)
            except Exception as exc:
                bad.append(BadEvent(event, f"{type(exc).__name__}: {exc}"))
        events = good
        columns = transformer(events, pii_key)
    return Transformed(delivery, batch.event_type, schema.transformers.TABLES[batch.event_type], columns, events, bad,
                       len(delivery.body))


def concat_columns(parts: list[list[Any]]) -> list[list[Any]]:
    if len(parts) == 1:
        return parts[0]
    return [list(itertools.chain.from_iterable(column)) for column in zip(*parts, strict=True)]


def select_rows(columns: list[Any], keep: list[int]) -> list[list[Any]]:
    return [[column[i] for i in keep] for column in columns]
