"""Reads the schema ClickHouse holds now (databases, tables, columns) from its system tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LiveColumn", "LiveSchema", "LiveTable", "read_live_schema"]


@dataclass(frozen=True)
class LiveColumn:
    """One column as system.columns reports it; `comment` holds the proto origin eventgen wrote."""

    name: str
    type: str
    codec: str
    comment: str
    in_key: bool  # part of the sorting or partition key: ClickHouse will not change its type


@dataclass(frozen=True)
class LiveTable:
    """One table as system.tables reports it, with its columns in table order."""

    database: str
    name: str
    engine: str  # the engine's name only, e.g. "ReplacingMergeTree"
    sorting_key: str
    partition_key: str
    ttl: str  # the table TTL expression as ClickHouse formats it, "" when there is none
    columns: tuple[LiveColumn, ...]

    def column(self, name: str) -> LiveColumn | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass(frozen=True)
class LiveSchema:
    """What exists now in the databases that were asked about."""

    databases: frozenset[str]
    tables: dict[tuple[str, str], LiveTable] = field(default_factory=dict)

    def table(self, database: str, name: str) -> LiveTable | None:
        return self.tables.get((database, name))


def _table_ttl(engine_full: str) -> str:
    # system.tables has no TTL column; engine_full ends "... TTL <expr> [SETTINGS ...]".
    _, found, rest = engine_full.partition(" TTL ")
    return rest.partition(" SETTINGS ")[0].strip() if found else ""


def read_live_schema(client: Any, databases: list[str]) -> LiveSchema:
    """The tables and columns of `databases` (those that exist), through SQL only."""
    names = sorted(set(databases))
    existing = {row[0] for row in client.query(
        "SELECT name FROM system.databases WHERE name IN {names:Array(String)}",
        parameters={"names": names}).result_rows}
    columns: dict[tuple[str, str], list[LiveColumn]] = {}
    for database, table, name, type_, codec, comment, in_sorting, in_partition in client.query(
            "SELECT database, table, name, type, compression_codec, comment, is_in_sorting_key, is_in_partition_key "
            "FROM system.columns WHERE database IN {names:Array(String)} ORDER BY database, table, position",
            parameters={"names": names}).result_rows:
        columns.setdefault((database, table), []).append(
            LiveColumn(name, type_, codec, comment, bool(in_sorting) or bool(in_partition)))
    tables = {}
    for database, name, engine, sorting_key, partition_key, engine_full in client.query(
            "SELECT database, name, engine, sorting_key, partition_key, engine_full "
            "FROM system.tables WHERE database IN {names:Array(String)} ORDER BY database, name",
            parameters={"names": names}).result_rows:
        tables[(database, name)] = LiveTable(database, name, engine, sorting_key, partition_key,
                                             _table_ttl(engine_full), tuple(columns.get((database, name), ())))
    return LiveSchema(frozenset(existing), tables)
