"""`eventgen migrate` against the real ClickHouse engine: fresh schemas, added fields, refused breaking changes.

ClickHouse is the server at EVENTGEN_TEST_CLICKHOUSE_URL when set, otherwise an embedded chDB under a
temporary folder. chDB runs one engine per process, bound to the first path opened until every client of it
is closed, so this module shares one path and gives each test databases of its own (`isolated` renames a
document's databases); the client is closed at the end of the module so later modules may open theirs, and
when an earlier module still holds the engine at another path, this module shares that path.
"""

from __future__ import annotations

import copy
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from typer.testing import CliRunner

from codegen.cli import app
from codegen.config import GeneratorSettings
from codegen.generate import generate
from codegen.protoc import compile_protos
from runtime.store.connect import open_client
from runtime.store.migrate import MigrationRefused, apply, plan, read_document

pytestmark = pytest.mark.clickhouse

ROOT = Path(__file__).resolve().parents[2]

PROTO = """syntax = "proto3";

package migtest.v1;

import "eventgen/options.proto";
import "google/protobuf/timestamp.proto";

message Envelope {
  option (eventgen.envelope) = {
    id_field: "event_id"
    timestamp_field: "occurred_at"
  };
  string event_id = 1;
  google.protobuf.Timestamp occurred_at = 2;
  oneof payload {
    PageViewed page_viewed = 10;
  }
}

message PageViewed {
FIELDS}
"""
V1 = "  string url = 1;\n  int32 duration_ms = 2;\n  string referrer = 3;\n"


# ---------------------------------------------------------------------------------------------------------
# Helpers and fixtures
# ---------------------------------------------------------------------------------------------------------


def isolated(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The document with every database `d` renamed `<prefix>_<d>`, in names and CREATE statements alike."""
    renamed = copy.deepcopy(document)
    names = {d["name"]: f"{prefix}_{d['name']}" for d in renamed["databases"]}
    for database in renamed["databases"]:
        old = f"`{database['name']}`"
        assert old in database["create"], database["create"]
        database["create"] = database["create"].replace(old, f"`{names[database['name']]}`", 1)
        database["name"] = names[database["name"]]
    for table in renamed["tables"]:
        old = f"`{table['database']}`.`{table['name']}`"
        assert old in table["create"], f"DDL of {table['name']} does not create {old}"
        table["create"] = table["create"].replace(old, f"`{names[table['database']]}`.`{table['name']}`", 1)
        table["database"] = names[table["database"]]
    return renamed


@pytest.fixture(scope="module")
def clickhouse_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if url := os.environ.get("EVENTGEN_TEST_CLICKHOUSE_URL"):
        return url
    url = f"chdb://{tmp_path_factory.mktemp('chdb')}"
    try:
        open_client(url).close()
    except Exception as exc:
        # An earlier module still holds the process's chDB engine at another path: share it (every test
        # here works in databases of its own).
        held = re.search(r"already initialized with path '([^']+)'", str(exc))
        if held is None:
            raise
        url = f"chdb://{held.group(1)}"
    return url


@pytest.fixture(scope="module")
def client(clickhouse_url: str) -> Iterator[Any]:
    client = open_client(clickhouse_url)
    yield client
    client.close()


@pytest.fixture
def prefix(client: Any) -> Iterator[str]:
    """This test's database prefix; its databases (the migrations log's included) are dropped afterwards."""
    prefix = f"mig_{uuid.uuid4().hex[:10]}"
    yield prefix
    for (name,) in client.query("SELECT name FROM system.databases WHERE startsWith(name, {p:String})",
                                parameters={"p": prefix}).result_rows:
        client.command(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture(scope="module")
def schema_for(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, Any]]:
    """The DDL document eventgen generates for the test proto with the given PageViewed fields (cached)."""
    cache: dict[str, dict[str, Any]] = {}

    def build(fields: str) -> dict[str, Any]:
        if fields not in cache:
            folder = tmp_path_factory.mktemp("proto")
            (folder / "migtest" / "v1").mkdir(parents=True)
            (folder / "migtest" / "v1" / "events.proto").write_text(PROTO.replace("FIELDS", fields))
            files = generate(compile_protos(folder), GeneratorSettings())
            cache[fields] = json.loads(files[PurePosixPath("clickhouse/schema.json")])
        return copy.deepcopy(cache[fields])

    return build


def migrate(client: Any, document: dict[str, Any], prefix: str, **options: Any) -> Any:
    migration = plan(client, document, migrations_database=f"{prefix}_log", **options)
    apply(client, migration)
    return migration


def columns(client: Any, database: str) -> list[tuple[Any, ...]]:
    return client.query("SELECT table, name, type, comment, position FROM system.columns "
                        "WHERE database = {d:String} ORDER BY table, position", parameters={"d": database}).result_rows


def insert_page_view(client: Any, database: str, event_id: str, **payload: Any) -> None:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    row = {"event_id": event_id, "event_type": "page_viewed", "event_time": now, "received_at": now,
           "source": "default", **payload}
    client.insert("page_viewed", [list(row.values())], database=database, column_names=list(row))


def recorded_versions(client: Any, prefix: str) -> list[str]:
    return [r[0] for r in client.query(f"SELECT version FROM `{prefix}_log`.eventgen_migrations").result_rows]


# ---------------------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------------------


def test_fresh_migrate_creates_every_table_and_a_second_run_plans_nothing(client: Any, prefix: str) -> None:
    document = isolated(read_document(ROOT / "generated"), prefix)
    databases = [d["name"] for d in document["databases"]]

    first = migrate(client, document, prefix)

    created = client.command("SELECT count() FROM system.tables WHERE database IN {d:Array(String)}",
                             parameters={"d": databases})
    assert created == len(document["tables"]) == 65
    assert len(first.steps) == len(databases) + len(document["tables"])
    assert recorded_versions(client, prefix) == [first.version]
    # Every generated type, codec, comment, key and TTL reads back equal, so nothing is left to do.
    second = plan(client, document, migrations_database=f"{prefix}_log")
    assert (second.steps, second.refusals, second.up_to_date) == ((), (), True)
    apply(client, second)
    assert recorded_versions(client, prefix) == [first.version]


def test_added_field_becomes_a_column_and_stored_rows_are_kept(client: Any, prefix: str, schema_for: Any) -> None:
    migrate(client, isolated(schema_for(V1), prefix), prefix)
    database = f"{prefix}_events"
    insert_page_view(client, database, "e1", url="/a", duration_ms=7, referrer="r")

    v2 = isolated(schema_for(V1 + "  optional int64 scroll_depth = 4;\n  string title = 5;\n"), prefix)
    migration = migrate(client, v2, prefix)

    assert [s.summary for s in migration.steps] == [
        f"{database}.page_viewed: add column scroll_depth Nullable(Int64)",
        f"{database}.page_viewed: add column title String"]
    assert [c[1:4] for c in columns(client, database)[-2:]] == [
        ("scroll_depth", "Nullable(Int64)", "migtest.v1.PageViewed.scroll_depth#4"),
        ("title", "String", "migtest.v1.PageViewed.title#5")]
    stored = client.query(f"SELECT event_id, url, duration_ms, referrer, scroll_depth, title "
                          f"FROM `{database}`.page_viewed")
    assert stored.result_rows == [("e1", "/a", 7, "r", None, "")]
    assert len(recorded_versions(client, prefix)) == 2
    assert plan(client, v2, migrations_database=f"{prefix}_log").up_to_date


def test_type_change_is_refused_and_applied_with_allow_destructive(client: Any, prefix: str, schema_for: Any) -> None:
    migrate(client, isolated(schema_for(V1), prefix), prefix)
    database = f"{prefix}_events"
    insert_page_view(client, database, "e1", duration_ms=1234)
    v2 = isolated(schema_for(V1.replace("int32 duration_ms", "int64 duration_ms")), prefix)

    refused = plan(client, v2, migrations_database=f"{prefix}_log")
    assert refused.refusals == (
        f"{database}.page_viewed.duration_ms: type changed from Int32 to Int64; ClickHouse would rewrite the column "
        "and old rows could change meaning. Add a new field instead, or run with --allow-destructive to ALTER it",)
    assert refused.steps == ()
    with pytest.raises(MigrationRefused):
        apply(client, refused)
    assert ("page_viewed", "duration_ms", "Int32") in [c[:3] for c in columns(client, database)]

    migrate(client, v2, prefix, allow_destructive=True)
    assert ("page_viewed", "duration_ms", "Int64") in [c[:3] for c in columns(client, database)]
    assert client.command(f"SELECT duration_ms FROM `{database}`.page_viewed") == 1234


def test_removed_column_is_refused(client: Any, prefix: str, schema_for: Any) -> None:
    migrate(client, isolated(schema_for(V1), prefix), prefix)
    database = f"{prefix}_events"
    v2 = isolated(schema_for(V1.replace("  string referrer = 3;\n", "  reserved 3;\n")), prefix)

    refused = plan(client, v2, migrations_database=f"{prefix}_log")
    assert refused.refusals == (
        f"{database}.page_viewed.referrer: column is no longer generated (it held migtest.v1.PageViewed.referrer#3); "
        "dropping it deletes its data. Keep the field (deprecated) in the proto, or run with --allow-destructive to "
        "DROP it",)

    dropped = migrate(client, v2, prefix, allow_destructive=True)
    assert [s.sql for s in dropped.steps] == [
        f"ALTER TABLE `{database}`.`page_viewed` DROP COLUMN IF EXISTS `referrer`"]
    assert "referrer" not in [c[1] for c in columns(client, database)]


def test_reused_field_number_is_refused(client: Any, prefix: str, schema_for: Any) -> None:
    migrate(client, isolated(schema_for(V1), prefix), prefix)
    database = f"{prefix}_events"
    before = columns(client, database)
    # Field 3 was `referrer`; the new schema gives the number to `title`.
    v2 = isolated(schema_for(V1.replace("string referrer = 3", "string title = 3")), prefix)

    refused = plan(client, v2, migrations_database=f"{prefix}_log")
    assert refused.refusals == (
        f"{database}.page_viewed.referrer: held migtest.v1.PageViewed.referrer#3, and that field number now belongs "
        "to another field (migtest.v1.PageViewed.title#3 -> column title); a reused field number makes old "
        "producers' data decode as the new field. Give the new field a new number and reserve the old one, or run "
        "with --allow-destructive to add title and drop referrer with its data",)
    with pytest.raises(MigrationRefused):
        apply(client, refused)
    assert columns(client, database) == before

    # The same column name moved to another field number is refused too.
    moved = isolated(schema_for(V1.replace("string referrer = 3", "string referrer = 4")), prefix)
    assert plan(client, moved, migrations_database=f"{prefix}_log").refusals == (
        f"{database}.page_viewed.referrer: now comes from migtest.v1.PageViewed.referrer#4, but its stored rows came "
        "from migtest.v1.PageViewed.referrer#3; the field number changed, so old rows and producers still sending the "
        "old number would mean something else. Restore the old field number, or run with --allow-destructive to keep "
        "the column for the new field",)


def test_cli_migrates_reports_up_to_date_dry_runs_and_refuses(client: Any, clickhouse_url: str, prefix: str,
                                                             schema_for: Any, tmp_path: Path) -> None:
    generated = tmp_path / "generated"
    (generated / "clickhouse").mkdir(parents=True)
    database = f"{prefix}_events"

    def run(fields: str, *flags: str) -> Any:
        (generated / "clickhouse" / "schema.json").write_text(json.dumps(isolated(schema_for(fields), prefix)))
        return CliRunner().invoke(app, ["migrate", "--clickhouse-url", clickhouse_url, "--generated", str(generated),
                                        "--migrations-database", f"{prefix}_log", *flags])

    first = run(V1)
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert lines[0] == f"CREATE DATABASE IF NOT EXISTS `{database}`"
    assert lines[1].startswith(f"CREATE TABLE IF NOT EXISTS `{database}`.`page_viewed` ... -- ")
    assert lines[2].startswith("migrated ") and "2 statement(s)" in lines[2]

    again = run(V1)
    assert again.exit_code == 0 and again.stdout.endswith("up to date (schema version "
                                                          f"{recorded_versions(client, prefix)[0][:12]})\n")

    # --dry-run prints the plan and changes nothing.
    before, log_before = columns(client, database), recorded_versions(client, prefix)
    dry = run(V1 + "  string title = 4;\n", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stdout.splitlines() == [
        f"ALTER TABLE `{database}`.`page_viewed` ADD COLUMN IF NOT EXISTS `title` String "
        "COMMENT 'migtest.v1.PageViewed.title#4' AFTER `referrer`",
        f"dry run: 1 statement(s) would run on {clickhouse_url}; nothing was changed"]
    assert (columns(client, database), recorded_versions(client, prefix)) == (before, log_before)

    refused = run(V1.replace("int32 duration_ms", "int64 duration_ms"))
    assert refused.exit_code == 1
    assert f"refused: {database}.page_viewed.duration_ms: type changed from Int32 to Int64;" in refused.stderr
    assert columns(client, database) == before

    bad = CliRunner().invoke(app, ["migrate", "--clickhouse-url", "ftp://nowhere", "--generated", str(generated)])
    assert bad.exit_code == 2 and "neither chdb:///path nor http(s)://" in bad.stderr
