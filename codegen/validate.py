"""Checks the model as a whole: the collisions and conflicts no single message shows."""

from __future__ import annotations

import re
from collections import defaultdict

from .errors import SchemaError
from .model import Column, Event, Schema, SinkPolicy

__all__ = ["validate"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_QUEUE = re.compile(r"^[A-Za-z0-9_.\-]+$")
_WEBHOOK = re.compile(r"^(shopify|branch|webengage):\S+$")


def validate(schema: Schema) -> list[SchemaError]:
    """Every problem found; an empty list means the schema can be generated."""
    errors: list[SchemaError] = []
    errors += _names(schema)
    errors += _duplicates(schema)
    errors += _columns(schema)
    errors += _tables(schema)
    errors += _queues(schema)
    return errors


def _names(schema: Schema) -> list[SchemaError]:
    errors = []
    for event in schema.events:
        for what, value, pattern in (("routing key", event.name, _NAME), ("source", event.source, _NAME),
                                     ("table", event.table, _NAME), ("database", event.database, _NAME),
                                     ("queue", event.queue, _QUEUE)):
            if not pattern.match(value):
                errors.append(SchemaError(event.location, f"{what} {value!r} of {event.message} is not a valid name",
                                          "use lower-case letters, digits and underscores"
                                          + (" (and dots or dashes in queue names)" if what == "queue" else "")))
        for hook in event.webhooks:
            if not _WEBHOOK.match(hook):
                errors.append(SchemaError(event.location, f"webhook {hook!r} of {event.message} is not provider:topic",
                                          'write e.g. "shopify:orders/create", "branch:INSTALL" or '
                                          '"webengage:email_opened"'))
    return errors


def _duplicates(schema: Schema) -> list[SchemaError]:
    errors = []
    for key, what, hint in ((lambda e: e.name, "routing key", "set (eventgen.event).routing_key on one of them"),
                            (lambda e: e.message, "message", "give each event type a message of its own")):
        groups: dict[str, list[Event]] = defaultdict(list)
        for event in schema.events:
            groups[key(event)].append(event)
        errors += _collisions(groups, what, hint)
    hooks: dict[str, list[Event]] = defaultdict(list)
    for event in schema.events:
        for hook in event.webhooks:
            hooks[hook].append(event)
    errors += _collisions(hooks, "webhook", "map each webhook topic to one event")
    return errors


def _collisions(groups: dict[str, list[Event]], what: str, hint: str) -> list[SchemaError]:
    errors = []
    for value, events in groups.items():
        if len(events) > 1:
            names = ", ".join(f"{e.message} ({e.location})" for e in events)
            for event in events:
                errors.append(SchemaError(event.location, f"{what} {value!r} is used by {len(events)} events: {names}",
                                          hint))
    return errors


def _columns(schema: Schema) -> list[SchemaError]:
    errors = []
    for event in schema.events:
        seen: dict[str, Column] = {}
        for column in schema.event_columns(event):
            first = seen.setdefault(column.name, column)
            if first is not column:
                where = column.location if column.location.file else event.location
                errors.append(SchemaError(
                    where, f"column {column.name!r} of event {event.name} comes from both {first.origin} and "
                    f"{column.origin}", "rename one with [(eventgen.field).column = \"...\"] (or [eventgen.columns] in "
                    "--config), or inline/prefix the message differently"))
    return errors


def _tables(schema: Schema) -> list[SchemaError]:
    errors = []
    by_table: dict[str, list[Event]] = defaultdict(list)
    for event in schema.events:
        by_table[event.qualified_table].append(event)
    for table, events in by_table.items():
        types: dict[str, tuple[str, Event, Column]] = {}
        for event in events:
            for column in event.columns:
                known = types.setdefault(column.name, (column.type, event, column))
                if known[0] != column.type:
                    errors.append(SchemaError(
                        column.location or event.location,
                        f"table {table} gets column {column.name!r} as {column.type} from {event.message} but as "
                        f"{known[0]} from {known[1].message}",
                        "give the fields the same type, rename one column, or send the events to different tables"))
        if len({e.ttl_days for e in events}) > 1:
            for event in events:
                errors.append(SchemaError(event.location, f"events sharing table {table} set different ttl_days "
                                          f"({', '.join(f'{e.name}={e.ttl_days}' for e in events)})",
                                          "set the same ttl_days on each"))
    return errors


def _queues(schema: Schema) -> list[SchemaError]:
    errors = []
    by_queue: dict[str, list[Event]] = defaultdict(list)
    for event in schema.events:
        by_queue[event.queue].append(event)
    for queue, events in by_queue.items():
        for setting in SinkPolicy.__dataclass_fields__:
            values = {getattr(e.sink, setting) for e in events if setting in e.explicit_sink}
            if len(values) > 1:
                setters = ", ".join(f"{e.name}={getattr(e.sink, setting)}" for e in events
                                    if setting in e.explicit_sink)
                for event in events:
                    if setting in event.explicit_sink:
                        errors.append(SchemaError(event.location, f"events sharing queue {queue!r} disagree on "
                                                  f"{'sink' if setting == 'mode' else setting} ({setters})",
                                                  "a queue has one sink policy: set it the same on each, or on one"))
    return errors
