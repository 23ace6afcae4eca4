"""Generator settings, from defaults and an optional TOML file (`eventgen generate --config`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import Location, SchemaError, SchemaErrors

__all__ = ["TIME_UNITS", "GeneratorSettings", "load_settings"]

# The spellings `timestamp_unit` accepts, and the TimeUnit enum names of options.proto they stand for.
TIME_UNITS = {
    "": "TIME_UNIT_UNSPECIFIED",
    "s": "TIME_UNIT_SECONDS",
    "ms": "TIME_UNIT_MILLISECONDS",
    "us": "TIME_UNIT_MICROSECONDS",
    "ns": "TIME_UNIT_NANOSECONDS",
    "rfc3339": "TIME_UNIT_RFC3339",
}


@dataclass(frozen=True)
class GeneratorSettings:
    """What drives generation besides the protos. Empty strings defer to the protos' options."""

    # The envelope message (fully qualified), its oneof of events and its special fields.
    envelope: str = ""
    oneof: str = ""
    id_field: str = ""
    timestamp_field: str = ""
    timestamp_unit: str = ""
    sent_at_field: str = ""
    header_field: str = ""
    # The batch message a client sends, and its batch-wide header field.
    batch: str = ""
    batch_header_field: str = ""
    default_database: str = "events"
    default_source: str = "default"
    # A ClickHouse cluster name: DDL gets ON CLUSTER and replicated engines.
    cluster: str = ""
    # Exchanges are named "<prefix>.<source>"; the dead-letter exchange "<prefix>.dlx".
    exchange_prefix: str = "eventgen"
    # Column renames for protos that cannot be annotated: fully qualified field name -> column.
    columns: tuple[tuple[str, str], ...] = field(default=())
    # Where these settings came from, for error messages.
    origin: str = ""

    def column_rename(self, field_full_name: str) -> str:
        return dict(self.columns).get(field_full_name, "")


def load_settings(path: Path | None) -> GeneratorSettings:
    """Reads the `[eventgen]` table of a TOML file; no file gives the defaults."""
    if path is None:
        return GeneratorSettings()
    where = Location(str(path))
    try:
        data = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SchemaErrors([SchemaError(where, f"cannot read the config: {exc}")]) from None
    table = data.get("eventgen")
    if not isinstance(table, dict):
        raise SchemaErrors([SchemaError(where, "the config has no [eventgen] table",
                                        'start it with [eventgen] and envelope = "pkg.Message"')])
    known = {f.name for f in fields(GeneratorSettings)} - {"origin"}
    errors = []
    values: dict[str, object] = {"origin": str(path)}
    for key, value in table.items():
        if key not in known:
            errors.append(SchemaError(where, f"unknown setting [eventgen].{key}",
                                      f"known settings: {', '.join(sorted(known))}"))
        elif key == "columns":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                errors.append(SchemaError(where, "[eventgen.columns] must map field names to column names",
                                          '"pkg.Message.field" = "column_name"'))
            else:
                values[key] = tuple(sorted(value.items()))
        elif not isinstance(value, str):
            errors.append(SchemaError(where, f"[eventgen].{key} must be a string, not {type(value).__name__}"))
        else:
            values[key] = value
    unit = values.get("timestamp_unit", "")
    if unit not in TIME_UNITS:
        errors.append(SchemaError(where, f"[eventgen].timestamp_unit {unit!r} is not a unit",
                                  f"use one of: {', '.join(u for u in TIME_UNITS if u)}"))
    if errors:
        raise SchemaErrors(errors)
    return GeneratorSettings(**values)  # type: ignore[arg-type]
