"""`eventgen migrate`: plans the DDL that takes ClickHouse to the generated schema (clickhouse/schema.json)
and applies it, refusing changes that would lose data or change what stored rows mean.

The live schema is read from system.databases, system.tables and system.columns through the client, so the
same code serves chDB and a ClickHouse server. Every step is idempotent (IF NOT EXISTS / IF EXISTS), and
the plan is computed from what exists, so a migration that stopped half-way is finished by the next run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._live_schema import read_live_schema
from ._migrations_log import MIGRATIONS_TABLE, is_recorded, record, schema_version
from ._schema_diff import Step, diff_schema

__all__ = ["DEFAULT_MIGRATIONS_DATABASE", "MigrationFailed", "MigrationPlan", "MigrationRefused", "Step", "apply",
           "plan", "read_document"]

DEFAULT_MIGRATIONS_DATABASE = "eventgen"
DOCUMENT_PATH = Path("clickhouse") / "schema.json"
# Wait for a MODIFY COLUMN's rewrite to finish (a server runs it in the background otherwise), so a
# recorded version means the tables really have that shape.
_DDL_SETTINGS = {"mutations_sync": 2}


class MigrationRefused(Exception):
    """The plan holds breaking changes; nothing was applied."""

    def __init__(self, refusals: tuple[str, ...]) -> None:
        super().__init__("\n".join(refusals))
        self.refusals = refusals


class MigrationFailed(Exception):
    """ClickHouse rejected a statement; the ones before it were applied, and a re-run resumes from there."""

    def __init__(self, step: Step, done: int, error: Exception) -> None:
        super().__init__(f"{step.summary}: {error}")
        self.step, self.done, self.error = step, done, error


@dataclass(frozen=True)
class MigrationPlan:
    """What `apply` would do: statements in order, or the refusals that stop it."""

    version: str
    steps: tuple[Step, ...]
    refusals: tuple[str, ...]
    # Things left alone on purpose (e.g. tables no longer generated), worth telling the user.
    notes: tuple[str, ...]
    version_recorded: bool
    migrations_database: str
    cluster: str

    @property
    def refused(self) -> bool:
        return bool(self.refusals)

    @property
    def up_to_date(self) -> bool:
        return not self.steps and not self.refusals and self.version_recorded


def read_document(generated_dir: Path) -> dict[str, Any]:
    """The DDL document `eventgen generate` wrote under `generated_dir`."""
    path = generated_dir / DOCUMENT_PATH
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `eventgen generate` or point --generated at its output")
    return json.loads(path.read_text())


def plan(client: Any, document: dict[str, Any], *, allow_destructive: bool = False,
         migrations_database: str = DEFAULT_MIGRATIONS_DATABASE) -> MigrationPlan:
    """Compares `document` with the live schema. Without `allow_destructive`, breaking changes are refused
    and their steps left out; with it, only changes ClickHouse cannot make in place are refused."""
    live = read_live_schema(client, [d["name"] for d in document["databases"]])
    diff = diff_schema(document, live, skip_tables=frozenset({(migrations_database, MIGRATIONS_TABLE)}))
    version = schema_version(document)
    return MigrationPlan(
        version=version,
        steps=tuple(s for s in diff.steps if allow_destructive or not s.destructive),
        refusals=tuple(r.message for r in diff.refusals if not (allow_destructive and r.liftable)),
        notes=diff.notes,
        version_recorded=is_recorded(client, migrations_database, version),
        migrations_database=migrations_database,
        cluster=document.get("cluster", ""),
    )


def apply(client: Any, plan: MigrationPlan, on_step: Callable[[Step], None] | None = None) -> None:
    """Runs the plan's statements in order and records its version. Raises MigrationRefused (nothing
    applied) or MigrationFailed (applied up to the failing statement)."""
    if plan.refusals:
        raise MigrationRefused(plan.refusals)
    for done, step in enumerate(plan.steps):
        if on_step is not None:
            on_step(step)
        try:
            client.command(step.sql, settings=_DDL_SETTINGS)
        except Exception as exc:  # clickhouse-connect raises its own classes for server, chDB and network errors
            raise MigrationFailed(step, done, exc) from exc
    if plan.steps or not plan.version_recorded:
        record(client, plan.migrations_database, plan.version, [s.summary for s in plan.steps], plan.cluster)
