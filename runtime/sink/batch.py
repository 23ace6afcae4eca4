"""One broker message on the sink side: its events decoded, and transformed into columns when written (unless
ClickHouse decodes them itself: the generated protobuf insert)."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..broker import Delivery
from ..generated import GeneratedSchema
from ..transport import MAYBE_STORED_HEADER, StampedEvent, decode_batch, events_body, select_events, stamped_events

__all__ = ["BadEvent", "Transformed", "concat_columns", "select_rows", "transform_delivery"]

log = logging.getLogger("eventgen.sink")

# Headers a message carries when eventgen itself publishes it again.
REPLAY_HEADER = "x-eventgen-replay"


@dataclass(frozen=True)
class BadEvent:
    stamped: StampedEvent
    error: str


class Transformed:
    """A broker message on the sink side: its batch decoded at once, its rows made by the transformer only
    when they are written (`transform`), so a message waiting in a buffer holds its events' bytes, not
    Python rows (several times larger)."""

    __slots__ = ("delivery", "event_type", "table", "batch", "size", "columns", "bad", "_transformer", "_pii_key",
                 "_body")

    def __init__(self, delivery: Delivery, event_type: str, table: str, batch: Any, size: int,
                 transformer: Callable[[Any, bytes], list[Any]], pii_key: bytes) -> None:
        self.delivery = delivery
        self.event_type = event_type
        self.table = table
        self.batch = batch  # the StampedBatch of the events behind the rows, in row order
        self.size = size
        self.columns: list[Any] | None = None
        self.bad: list[BadEvent] = []
        self._transformer = transformer
        self._pii_key = pii_key
        self._body: bytes | None = delivery.body  # while the batch is the message's, as it came

    @property
    def rows(self) -> int:
        return len(self.batch.events)

    @property
    def events_body(self) -> bytes:
        """The events as ClickHouse's ProtobufList reader takes them (the generated protobuf insert)."""
        return events_body(self._body or b"", self.batch)

    def transform(self) -> list[Any]:
        """The columns of the events (made once); events that cannot be transformed are set apart in `bad`."""
        if self.columns is not None:
            return self.columns
        transformer, pii_key, batch = self._transformer, self._pii_key, self.batch
        try:
            self.columns = transformer(batch, pii_key)
        except Exception:  # some event is malformed: transform one by one to set exactly those apart
            good = []
            for i, event in enumerate(stamped_events(batch)):
                try:
                    transformer(select_events(batch, [i]), pii_key)
                    good.append(i)
                except Exception as exc:
                    self.bad.append(BadEvent(event, f"{type(exc).__name__}: {exc}"))
            self.batch, self._body = select_events(batch, good), None
            self.columns = transformer(self.batch, pii_key)
        return self.columns

    def event(self, row: int) -> StampedEvent:
        return stamped_events(select_events(self.batch, [row]))[0]

    def keep(self, rows: list[int]) -> None:
        """Keeps only these rows (and their events)."""
        self.batch, self._body = select_events(self.batch, rows), None
        if self.columns is not None:
            self.columns = select_rows(self.columns, rows)

    @property
    def check_existing(self) -> bool:
        """Whether some of these events may be stored already (a redelivery, a replay, or a client's retry
        republished after a publish that failed without a confirm)."""
        if self.delivery.redelivered or self.delivery.delivery_count:
            return True
        headers = self.delivery.headers
        return bool(headers) and (REPLAY_HEADER in headers or MAYBE_STORED_HEADER in headers)


def decode_delivery(schema: GeneratedSchema, delivery: Delivery) -> Any:
    """A message's StampedBatch. Raises ValueError when its body could not be decompressed or is no batch."""
    if delivery.body_error is not None:
        raise ValueError(delivery.body_error)
    return decode_batch(schema.transport, delivery.body)


def transform_delivery(schema: GeneratedSchema, delivery: Delivery, pii_key: bytes) -> Transformed:
    """Decodes a message; its rows are made when it is written. Raises ValueError when the message itself is
    not a batch this schema knows."""
    batch = decode_delivery(schema, delivery)
    transformer = schema.transformers.TRANSFORMERS.get(batch.event_type)
    if transformer is None:
        raise ValueError(f"event type {batch.event_type!r} is not in this schema")
    return Transformed(delivery, batch.event_type, schema.transformers.TABLES[batch.event_type], batch,
                       len(delivery.body), transformer, pii_key)


def concat_columns(parts: list[list[Any]]) -> list[list[Any]]:
    if len(parts) == 1:
        return parts[0]
    return [list(itertools.chain.from_iterable(column)) for column in zip(*parts, strict=True)]


def select_rows(columns: list[Any], keep: list[int]) -> list[list[Any]]:
    return [[column[i] for i in keep] for column in columns]
