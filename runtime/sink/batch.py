"""One broker message on the sink side: its events decoded and transformed into columns."""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import Any

from ..broker import Delivery
from ..generated import GeneratedSchema
from ..transport import StampedEvent, check_batch, select_events, stamped_events

__all__ = ["BadEvent", "Transformed", "concat_columns", "select_rows", "transform_delivery"]

log = logging.getLogger("eventgen.sink")

# Headers a message carries when eventgen itself publishes it again.
REPLAY_HEADER = "x-eventgen-replay"


@dataclass(frozen=True)
class BadEvent:
    stamped: StampedEvent
    error: str


@dataclass
class Transformed:
    delivery: Delivery
    event_type: str
    table: str
    columns: list[Any]
    batch: Any  # the StampedBatch of the events behind the rows, in row order
    bad: list[BadEvent]
    size: int

    @property
    def rows(self) -> int:
        return len(self.batch.envelopes)

    def event(self, row: int) -> StampedEvent:
        return stamped_events(select_events(self.batch, [row]))[0]

    def keep(self, rows: list[int]) -> None:
        """Keeps only these rows (and their events)."""
        self.batch = select_events(self.batch, rows)
        self.columns = select_rows(self.columns, rows)

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
    check_batch(batch)
    bad: list[BadEvent] = []
    try:
        columns = transformer(batch, pii_key)
    except Exception:  # some event is malformed: transform one by one to set exactly those apart
        good = []
        for i, event in enumerate(stamped_events(batch)):
            try:
                transformer(select_events(batch, [i]), pii_key)
                good.append(i)
            except Exception as exc:
                bad.append(BadEvent(event, f"{type(exc).__name__}: {exc}"))
        batch = select_events(batch, good)
        columns = transformer(batch, pii_key)
    return Transformed(delivery, batch.event_type, schema.transformers.TABLES[batch.event_type], columns, batch, bad,
                       len(delivery.body))


def concat_columns(parts: list[list[Any]]) -> list[list[Any]]:
    if len(parts) == 1:
        return parts[0]
    return [list(itertools.chain.from_iterable(column)) for column in zip(*parts, strict=True)]


def select_rows(columns: list[Any], keep: list[int]) -> list[list[Any]]:
    return [[column[i] for i in keep] for column in columns]
