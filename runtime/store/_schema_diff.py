"""Compares the generated tables with the live ones: the DDL steps that bring ClickHouse up to date, and
the changes refused because they would lose data or change what stored rows mean."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._live_schema import LiveColumn, LiveSchema, LiveTable

__all__ = ["Refusal", "SchemaDiff", "Step", "diff_schema", "normalize_key", "normalize_type", "origin_key"]

AGAIN = "or run with --allow-destructive to"


@dataclass(frozen=True)
class Step:
    """One DDL statement of a migration, with a one-line summary for output and the migrations log."""

    sql: str
    summary: str
    destructive: bool = False

    @property
    def line(self) -> str:
        """The statement on one line: a multi-line CREATE TABLE shortened to its first line."""
        return self.sql if "\n" not in self.sql else f"{self.sql.splitlines()[0]} ... -- {self.summary}"


@dataclass(frozen=True)
class Refusal:
    """A breaking change: what, why and what to do. `liftable`: --allow-destructive may carry it out."""

    message: str
    liftable: bool


@dataclass(frozen=True)
class SchemaDiff:
    steps: tuple[Step, ...]
    refusals: tuple[Refusal, ...]
    notes: tuple[str, ...]


def normalize_type(type_: str) -> str:
    """A column type spelled one way: single spaces, ", " between arguments, none inside parentheses."""
    type_ = re.sub(r"\s+", " ", type_.strip())
    type_ = re.sub(r"\s*,\s*", ", ", type_)
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", type_))


def _wraps_whole(expr: str) -> bool:
    depth = 0
    for i, char in enumerate(expr):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(expr) - 1:
            return False
    return True


def _unwrap(expr: str) -> str:
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")") and _wraps_whole(expr):
        expr = expr[1:-1].strip()
    return expr


def normalize_key(expr: str) -> str:
    """A sorting or partition key without whitespace or outer parentheses: the DDL writes
    `(a, f(b))`, system.tables reports `a, f(b)`."""
    return _unwrap(re.sub(r"\s+", "", expr))


def origin_key(origin: str) -> tuple[str, ...]:
    """What identifies the proto field behind a column: its message and field numbers, not its names
    ("pkg.M.items#3.price#2" -> ("pkg.M", "3", "2")), so renaming a field keeps the key. Segments without
    a number (a oneof's case, a map's key/value) keep their names. () when the origin has no field number."""
    segments = origin.split(".")
    first = next((i for i, s in enumerate(segments) if "#" in s), None)
    if first is None:
        return ()
    return (".".join(segments[:first]), *(s.rpartition("#")[2] if "#" in s else s for s in segments[first:]))


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _column_ddl(column: dict[str, Any]) -> str:
    codec = f" {column['codec']}" if column["codec"] else ""
    return f"`{column['name']}` {column['type']}{codec} COMMENT {_quote(column['origin'])}"


def _ttl_days(live_ttl: str) -> int | None:
    found = re.fullmatch(r"toDateTime\(event_time\) \+ toIntervalDay\((\d+)\)", live_ttl)
    return int(found.group(1)) if found else None


class _TableDiff:
    """Collects the steps and refusals of one generated table against its live counterpart."""

    def __init__(self, table: dict[str, Any], live: LiveTable, cluster: str) -> None:
        self.table, self.live = table, live
        self.where = f"{table['database']}.{table['name']}"
        on_cluster = f" ON CLUSTER `{cluster}`" if cluster else ""
        self.alter = f"ALTER TABLE `{table['database']}`.`{table['name']}`{on_cluster}"
        self.steps: list[Step] = []
        self.refusals: list[Refusal] = []

    def step(self, action: str, summary: str, destructive: bool = False) -> None:
        self.steps.append(Step(f"{self.alter} {action}", f"{self.where}: {summary}", destructive))

    def refuse(self, message: str, liftable: bool = True) -> None:
        self.refusals.append(Refusal(f"{self.where}{message}", liftable))

    def run(self) -> _TableDiff:
        self.compare_layout()
        self.compare_ttl()
        generated = {c["name"] for c in self.table["columns"]}
        added = [c for c in self.table["columns"] if self.live.column(c["name"]) is None]
        previous = None
        for column in self.table["columns"]:
            live = self.live.column(column["name"])
            if live is None:
                where = f"AFTER `{previous}`" if previous else "FIRST"
                self.step(f"ADD COLUMN IF NOT EXISTS {_column_ddl(column)} {where}",
                          f"add column {column['name']} {column['type']}")
            else:
                self.compare_column(column, live, added)
            previous = column["name"]
        for live in self.live.columns:
            if live.name not in generated:
                self.removed(live, [c for c in added if origin_key(live.comment)
                                    and origin_key(c["origin"]) == origin_key(live.comment)])
        return self

    def compare_layout(self) -> None:
        how = ("Create a new table, copy the rows into it (INSERT INTO ... SELECT), then swap the two with "
               "EXCHANGE TABLES; --allow-destructive cannot do this in place")
        engine = self.table["engine"].partition("(")[0].strip()
        if engine != self.live.engine:
            self.refuse(f": engine changed from {self.live.engine} to {engine}; a table's engine cannot be "
                        f"changed in place. {how}", liftable=False)
        for what, live, wanted in (("sorting key (ORDER BY)", self.live.sorting_key, self.table["order_by"]),
                                   ("partition key (PARTITION BY)", self.live.partition_key,
                                    self.table["partition_by"])):
            if normalize_key(live) != normalize_key(wanted):
                self.refuse(f": {what} changed from ({_unwrap(live)}) to ({_unwrap(wanted)}); every stored part "
                            f"is laid out by it, so ClickHouse cannot change it in place. {how}", liftable=False)

    def compare_ttl(self) -> None:
        wanted = int(self.table.get("ttl_days") or 0)
        live_days = _ttl_days(self.live.ttl)
        modify = f"MODIFY TTL toDateTime(event_time) + INTERVAL {wanted} DAY"
        if not wanted:
            if self.live.ttl:
                self.step("REMOVE TTL", f"remove TTL {self.live.ttl} (rows are kept)")
        elif live_days == wanted:
            return
        elif live_days is not None and live_days < wanted:
            self.step(modify, f"lengthen TTL from {live_days} to {wanted} days")
        else:
            was = f"{live_days} days" if live_days is not None else (self.live.ttl or "none")
            self.refuse(f": TTL changed from {was} to {wanted} days; ClickHouse would delete the stored rows "
                        f"older than {wanted} days at once. Keep the old ttl_days, {AGAIN} apply the new TTL")
            self.step(modify, f"set TTL to {wanted} days (deletes older rows)", destructive=True)

    def compare_column(self, column: dict[str, Any], live: LiveColumn, added: list[dict[str, Any]]) -> None:
        name, origin = column["name"], column["origin"]
        type_changed = normalize_type(live.type) != normalize_type(column["type"])
        if type_changed and live.in_key:
            self.refuse(f".{name}: type changed from {live.type} to {column['type']}, but the column is part of the "
                        "sorting or partition key, whose type ClickHouse cannot change in place. Add a new field "
                        "instead; --allow-destructive cannot do this", liftable=False)
        elif type_changed:
            self.refuse(f".{name}: type changed from {live.type} to {column['type']}; ClickHouse would rewrite the "
                        f"column and old rows could change meaning. Add a new field instead, {AGAIN} ALTER it")
            self.step(f"MODIFY COLUMN {_column_ddl(column)}",
                      f"change column {name} from {live.type} to {column['type']}", destructive=True)
        was, now = origin_key(live.comment), origin_key(origin)
        if was and was != now:
            takers = [c["name"] for c in added if origin_key(c["origin"]) == was]
            taken = f" (and the old number now feeds {', '.join(takers)})" if takers else ""
            self.refuse(f".{name}: now comes from {origin}, but its stored rows came from {live.comment}{taken}; the "
                        "field number changed, so old rows and producers still sending the old number would mean "
                        f"something else. Restore the old field number, {AGAIN} keep the column for the new field")
            if not type_changed:
                self.step(f"COMMENT COLUMN `{name}` {_quote(origin)}", f"column {name} now holds {origin}",
                          destructive=True)
        elif live.comment != origin and not type_changed:
            # The same field under a new name (or a column eventgen did not write): record where it comes from.
            self.step(f"COMMENT COLUMN `{name}` {_quote(origin)}", f"column {name} comes from {origin}")
        if not type_changed and live.codec != column["codec"]:
            codec = _column_ddl(column) if column["codec"] else f"`{name}` REMOVE CODEC"
            was_codec, now_codec = live.codec or "default", column["codec"] or "default"
            self.step(f"MODIFY COLUMN {codec}", f"column {name} codec {was_codec} -> {now_codec} (new parts only)")

    def removed(self, live: LiveColumn, successors: list[dict[str, Any]]) -> None:
        if successors:
            names = ", ".join(c["name"] for c in successors)
            self.refuse(f".{live.name}: held {live.comment}, and that field number now belongs to another field "
                        f"({', '.join(c['origin'] for c in successors)} -> column {names}); a reused field number "
                        "makes old producers' data decode as the new field. Give the new field a new number and "
                        f"reserve the old one, {AGAIN} add {names} and drop {live.name} with its data")
        else:
            held = f" (it held {live.comment})" if live.comment else ""
            self.refuse(f".{live.name}: column is no longer generated{held}; dropping it deletes its data. Keep the "
                        f"field (deprecated) in the proto, {AGAIN} DROP it")
        self.step(f"DROP COLUMN IF EXISTS `{live.name}`", f"drop column {live.name} {live.type}", destructive=True)


def diff_schema(document: dict[str, Any], live: LiveSchema, *, skip_tables: frozenset[tuple[str, str]] = frozenset()
                ) -> SchemaDiff:
    """Steps (in order) and refusals that take `live` to the generated `document`."""
    steps: list[Step] = []
    refusals: list[Refusal] = []
    notes: list[str] = []
    for database in document["databases"]:
        if database["name"] not in live.databases:
            steps.append(Step(database["create"], f"{database['name']}: create database"))
    generated = set()
    for table in document["tables"]:
        key = (table["database"], table["name"])
        generated.add(key)
        current = live.table(*key)
        if current is None:
            steps.append(Step(table["create"], f"{key[0]}.{key[1]}: create table ({len(table['columns'])} columns)"))
            continue
        found = _TableDiff(table, current, document.get("cluster", "")).run()
        steps += found.steps
        refusals += found.refusals
    for key in sorted(set(live.tables) - generated - skip_tables):
        notes.append(f"{key[0]}.{key[1]}: table is no longer generated; left in place (drop it by hand if unused)")
    return SchemaDiff(tuple(steps), tuple(refusals), tuple(notes))
