"""Inserts that ClickHouse decodes itself: stamped events as they came from the broker, flattened by the
generated SQL (clickhouse/inserts.json), so no event is transformed or encoded in Python.

The events go to ClickHouse as one ProtobufList message (the StampedEvents of several broker messages,
joined) read with the generated view of the wire format. A server gets the view with the query
(`format_schema_source = 'string'`: no schema files on the server) and the data as the request body (`input()`).
The embedded engine reads both from files (`file()`, as clickhouse-connect's own chDB inserts do): the view
written once into its data folder, named by its content (chDB would cache a string schema in the process's
working directory).
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..transport import varint

__all__ = ["ProtobufInsert", "pii_parameters"]


def _literal(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


@dataclass(frozen=True)
class ProtobufInsert:
    """One event type's generated insert (an entry of clickhouse/inserts.json)."""

    table: str
    columns: tuple[str, ...]
    select: tuple[str, ...]
    structure: str
    schema: str
    row_message: str

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> dict[str, ProtobufInsert]:
        """The event types ClickHouse can decode, by event type."""
        return {event_type: cls(entry["table"], tuple(entry["columns"]), tuple(entry["select"]), entry["structure"],
                                entry["schema"], document["row_message"])
                for event_type, entry in document["events"].items() if "select" in entry}

    def settings(self, token: str) -> dict[str, str]:
        return {
            "format_schema": self.schema,
            "format_schema_source": "string",
            "format_schema_message_name": self.row_message,
            "insert_deduplication_token": token,
            "insert_deduplicate": "1",
        }

    def statement(self, table: str, source: str) -> str:
        """INSERT ... SELECT reading `source`: `input(...)` (a server) or `file(...)` (the embedded engine)."""
        columns = ", ".join(f"`{name}`" for name in self.columns)
        return f"INSERT INTO {table} ({columns}) SELECT {', '.join(self.select)} FROM {source}"

    def server_statement(self, table: str) -> str:
        return f"{self.statement(table, f'input({_literal(self.structure)})')} FORMAT ProtobufList"

    def file_statement(self, table: str, path: str, schema_file: str, token: str) -> str:
        settings = {"format_schema": f"{schema_file}:{self.row_message}", "insert_deduplication_token": token,
                    "insert_deduplicate": "1"}
        source = f"file({_literal(path)}, 'ProtobufList', {_literal(self.structure)})"
        clause = ", ".join(f"{key} = {_literal(value)}" for key, value in settings.items())
        return f"{self.statement(table, source)} SETTINGS {clause}"

    def schema_file(self, folder: Path) -> Path:
        """The view as a file in `folder`, named by its content (written the first time)."""
        path = folder / f"view-{hashlib.sha256(self.schema.encode()).hexdigest()[:32]}.proto"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(self.schema)
            temporary.replace(path)  # whole or not at all, for another process reading it
        return path

    @property
    def uses_pii_key(self) -> bool:
        """Whether the SQL hashes PII (it then takes pii_parameters as query parameters)."""
        return any("{pii_" in expression for expression in self.select)

    @staticmethod
    def data(bodies: list[bytes]) -> bytes:
        """One ProtobufList message of the StampedEvents of several broker messages (each a body without its
        event type: transport.events_body): repeated fields of concatenated messages are one list."""
        size = sum(len(body) for body in bodies)
        return varint(size) + b"".join(bodies)

    def run(self, client: Any, table: str, bodies: list[bytes], token: str, parameters: dict[str, str],
            *, schemas: Path | None = None) -> None:
        """Inserts the events with a clickhouse-connect client: of a server (the data is the request body), or of
        the embedded engine when `schemas` names the folder for its view files (it reads the data from a
        temporary file)."""
        data = self.data(bodies)
        parameters = parameters if self.uses_pii_key else {}
        if schemas is None:
            client.command(self.server_statement(table), parameters=parameters, data=data,
                           settings=self.settings(token))
            return
        schema_file = str(self.schema_file(schemas))
        with tempfile.NamedTemporaryFile(prefix="eventgen-insert-", suffix=".pb") as file:
            file.write(data)
            file.flush()
            client.command(self.file_statement(table, file.name, schema_file, token), parameters=parameters)


def pii_parameters(key: bytes) -> dict[str, str]:
    """The PII key as the generated SQL's HMAC takes it: a hex query parameter, so no key is in the SQL's text."""
    return {"pii_key": key.hex()}
