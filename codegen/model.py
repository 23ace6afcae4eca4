"""The schema as the generator sees it: frozen dataclasses, with the derived facts as properties."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .config import GeneratorSettings
from .errors import Location
from .wire_view import WireMessage

__all__ = ["Batch", "Column", "Envelope", "Event", "Gather", "Queue", "Schema", "SinkPolicy", "Table", "TimeField"]

# Defaults of the buffered sinker: few, large inserts (ClickHouse's advice), at least once a second.
DEFAULT_BATCH_ROWS = 50_000
DEFAULT_BATCH_BYTES = 16 * 1024 * 1024
DEFAULT_FLUSH_INTERVAL_MS = 1_000
DEFAULT_CONSUMERS = 1
DELIVERY_LIMIT = 2


@dataclass(frozen=True)
class Column:
    """One ClickHouse column and the Python expression that computes it from a decoded event."""

    name: str
    type: str
    # "events.v1.PageViewed.referrer#4": the proto field path and numbers the column comes from.
    origin: str
    # Evaluated per event with `s` (the eventgen.StampedEvent), `e` (its envelope) and `p` (the payload) in
    # scope; EVENT_TYPE and SOURCE are constants.
    expression: str
    description: str = ""
    location: Location = Location("")
    codec: str = ""
    # The ClickHouse expression that computes the column from a stamped event in ClickHouse's input (see
    # codegen/wire_view.py); "" when it cannot, and the event is transformed in Python only.
    sql: str = ""

    @property
    def ddl(self) -> str:
        codec = f" {self.codec}" if self.codec else ""
        comment = self.origin.replace("\\", "\\\\").replace("'", "\\'")
        return f"`{self.name}` {self.type}{codec} COMMENT '{comment}'"


@dataclass(frozen=True)
class Gather:
    """A repeated message field read in one loop over its items, per event (or per parent item).

    The loop appends each item's leaf values to one flat list, `width` values per item; every
    column is then one slice with step `width` of that list: `values[leaf::width]`. This costs one
    pass over the items instead of a comprehension per column, and a nested repeated message is
    filled inside its parent's loop, its per-item arrays being leaves of the parent.
    """

    name: str  # the local holding the flat list of leaf values
    items: str  # the items, of the event at the top level ("_m0.line_items[:]"), else of the parent item
    var: str  # the item variable the leaves read
    leaves: tuple[str, ...]  # per item, one expression of `var` per column
    parent: str = ""  # the enclosing gather's name; "" at the top level


@dataclass(frozen=True)
class SinkPolicy:
    mode: str = "buffered"
    batch_rows: int = DEFAULT_BATCH_ROWS
    batch_bytes: int = DEFAULT_BATCH_BYTES
    flush_interval_ms: int = DEFAULT_FLUSH_INTERVAL_MS
    consumers: int = DEFAULT_CONSUMERS


@dataclass(frozen=True)
class Event:
    """One event type: an arm of the envelope's oneof."""

    name: str  # the event type, also its routing key
    arm: str  # the oneof field holding it
    message: str  # fully qualified message name
    file: str
    source: str
    database: str
    table: str
    queue: str
    sink: SinkPolicy
    ttl_days: int
    webhooks: tuple[str, ...]
    columns: tuple[Column, ...]  # the event's own, after the shared ones
    description: str
    location: Location
    # Which sink settings the schema set explicitly (the rest are defaults), for queue agreement.
    explicit_sink: tuple[str, ...] = ()
    # Locals the transformer computes once per event before its columns: (name, expression).
    bindings: tuple[tuple[str, str], ...] = ()
    # Repeated message fields, each read in one loop per event (see Gather), parents before children.
    gathers: tuple[Gather, ...] = ()
    # For a webhook-fed event: the field of its message that holds the provider's payload model.
    webhook_field: str = ""
    # The oneof arm's field number, what ClickHouse reads of the event's message to compute its columns,
    # and why it cannot ("" when it can).
    arm_number: int = 0
    wire: WireMessage = WireMessage()
    native_error: str = ""

    @property
    def qualified_table(self) -> str:
        return f"{self.database}.{self.table}"


@dataclass(frozen=True)
class TimeField:
    """A time the envelope carries: its field, its unit, and its proto kind."""

    field: str
    unit: str  # s, ms, us, ns, rfc3339, or "timestamp" for google.protobuf.Timestamp
    kind: str  # timestamp, int, float, string

    @property
    def accessor(self) -> str:
        return f"e.{self.field}"


@dataclass(frozen=True)
class Envelope:
    message: str
    file: str
    oneof: str
    id_field: str
    timestamp: TimeField | None
    sent_at: TimeField | None
    header_field: str
    # Columns every table shares, computed from the envelope (header included).
    columns: tuple[Column, ...]
    location: Location
    python_class: str  # attribute path in its _pb2 module ("Event", or "Outer.Event")
    bindings: tuple[tuple[str, str], ...] = ()
    header_number: int = 0  # the header field's number (0: no header field)
    gathers: tuple[Gather, ...] = ()  # the envelope's own repeated message fields (see Gather)
    wire: WireMessage = WireMessage()  # what ClickHouse reads of the envelope for its columns
    native_error: str = ""

    @property
    def python_module(self) -> str:
        return pb2_module(self.file)

    @property
    def header_key(self) -> bytes:
        """The header field's key on the wire (its number, length-delimited), as a varint."""
        return varint((self.header_number << 3) | 2)


def varint(value: int) -> bytes:
    """A non-negative integer in protobuf's base-128 varint encoding."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


@dataclass(frozen=True)
class Batch:
    message: str
    file: str
    events_field: str
    header_field: str
    python_class: str

    @property
    def python_module(self) -> str:
        return pb2_module(self.file)


@dataclass(frozen=True)
class Table:
    database: str
    name: str
    columns: tuple[Column, ...]
    event_types: tuple[str, ...]
    ttl_days: int
    file: str

    @property
    def qualified(self) -> str:
        return f"{self.database}.{self.name}"


@dataclass(frozen=True)
class Queue:
    name: str
    event_types: tuple[str, ...]
    bindings: tuple[tuple[str, str], ...]  # (exchange, routing key)
    sink: SinkPolicy
    tables: tuple[str, ...]

    @property
    def dead_letter_queue(self) -> str:
        return f"{self.name}.dlq"


@dataclass(frozen=True)
class Schema:
    envelope: Envelope
    batch: Batch | None
    events: tuple[Event, ...]  # sorted by name
    # Enum value names by enum: {"events.v1.Platform": ((0, "PLATFORM_UNSPECIFIED"), ...)}
    enums: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]
    fixed_columns: tuple[Column, ...]
    settings: GeneratorSettings
    files: tuple[str, ...]

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        by_name: dict[str, list[Event]] = {}
        for event in self.events:
            by_name.setdefault(event.qualified_table, []).append(event)
        tables = []
        for events in by_name.values():
            columns: dict[str, Column] = {c.name: c for c in (*self.fixed_columns, *self.envelope.columns)}
            for event in events:
                for column in event.columns:
                    columns.setdefault(column.name, column)
            first = events[0]
            tables.append(Table(first.database, first.table, tuple(columns.values()),
                                tuple(e.name for e in events), first.ttl_days, first.file))
        return tuple(sorted(tables, key=lambda t: t.qualified))

    @cached_property
    def queues(self) -> tuple[Queue, ...]:
        by_name: dict[str, list[Event]] = {}
        for event in self.events:
            by_name.setdefault(event.queue, []).append(event)
        queues = []
        for name, events in sorted(by_name.items()):
            queues.append(Queue(
                name=name,
                event_types=tuple(e.name for e in events),
                bindings=tuple(sorted({(self.exchange(e.source), e.name) for e in events})),
                sink=merged_sink(events),
                tables=tuple(sorted({e.qualified_table for e in events})),
            ))
        return tuple(queues)

    def queue(self, name: str) -> Queue:
        return next(q for q in self.queues if q.name == name)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({e.source for e in self.events}))

    @property
    def databases(self) -> tuple[str, ...]:
        return tuple(sorted({t.database for t in self.tables}))

    def exchange(self, source: str) -> str:
        return f"{self.settings.exchange_prefix}.{source}"

    @property
    def dead_letter_exchange(self) -> str:
        return f"{self.settings.exchange_prefix}.dlx"

    def event_columns(self, event: Event) -> tuple[Column, ...]:
        return (*self.fixed_columns, *self.envelope.columns, *event.columns)


def merged_sink(events: list[Event]) -> SinkPolicy:
    """A queue's sink policy: what its events set explicitly, else the defaults."""
    values = {}
    for event in events:
        for name in event.explicit_sink:
            values.setdefault(name, getattr(event.sink, name))
    return SinkPolicy(**values)


def pb2_module(proto_file: str) -> str:
    """The Python module protoc generates for a proto file."""
    return proto_file.removesuffix(".proto").replace("-", "_").replace("/", ".") + "_pb2"
