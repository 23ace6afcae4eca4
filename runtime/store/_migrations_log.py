"""The `eventgen_migrations` table: which versions of the generated schema were applied, when, and how."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

__all__ = ["MIGRATIONS_TABLE", "is_recorded", "record", "schema_version"]

MIGRATIONS_TABLE = "eventgen_migrations"
_REPLICATED = "ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')"


def schema_version(document: dict[str, Any]) -> str:
    """A hash of the document's tables, independent of their order and of the JSON's formatting."""
    tables = sorted(document["tables"], key=lambda t: (t["database"], t["name"]))
    canonical = json.dumps(tables, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _exists(client: Any, database: str) -> bool:
    return bool(client.command(
        "SELECT count() FROM system.tables WHERE database = {database:String} AND name = {table:String}",
        parameters={"database": database, "table": MIGRATIONS_TABLE}))


def is_recorded(client: Any, database: str, version: str) -> bool:
    """Whether `version` was applied before (False when the table does not exist yet)."""
    if not _exists(client, database):
        return False
    return bool(client.command(
        f"SELECT count() FROM `{database}`.`{MIGRATIONS_TABLE}` WHERE version = {{version:String}}",
        parameters={"version": version}))


def record(client: Any, database: str, version: str, statements: list[str], cluster: str = "") -> None:
    """Creates the migrations table when needed and adds one row for `version`."""
    on_cluster = f" ON CLUSTER `{cluster}`" if cluster else ""
    client.command(f"CREATE DATABASE IF NOT EXISTS `{database}`{on_cluster}")
    client.command(
        f"CREATE TABLE IF NOT EXISTS `{database}`.`{MIGRATIONS_TABLE}`{on_cluster}\n"
        "(\n"
        "    `version` String COMMENT 'sha256 of the generated tables (clickhouse/schema.json)',\n"
        "    `applied_at` DateTime64(3, 'UTC'),\n"
        "    `statements` UInt32 COMMENT 'how many DDL statements this migration ran',\n"
        "    `summary` String COMMENT 'one line per statement'\n"
        ")\n"
        f"ENGINE = {_REPLICATED if cluster else 'MergeTree'}\n"
        "ORDER BY (applied_at, version)")
    client.insert(MIGRATIONS_TABLE, [[version, datetime.now(UTC), len(statements), "\n".join(statements)]],
                  database=database, column_names=["version", "applied_at", "statements", "summary"])
