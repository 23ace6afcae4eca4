"""The fault suite's results file (results/faults.json): each scenario and the load test write their numbers as
they finish, so the file holds the latest run of each; and those results as the tables of RELIABILITY.md.

    .venv/bin/python -m tests.fault.results                         # print the tables
    .venv/bin/python -m tests.fault.results --write RELIABILITY.md  # replace the tables in that file
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from runtime.bench._verify import StoredCheck
from runtime.bench.ingest import LoadResult
from tests.markdown_tables import table_command

__all__ = ["RESULTS", "load_results", "markdown", "record_load", "record_scenario"]

RESULTS = Path(__file__).resolve().parents[2] / "results" / "faults.json"


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    if not path.exists():
        return {"scenarios": {}, "load": None}
    return json.loads(path.read_text())


def _write(document: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")


def record_scenario(
    key: str,
    name: str,
    loads: list[LoadResult],
    check: StoredCheck,
    *,
    recover_s: float | None,
    recovery: str,
    dead_lettered: int = 0,
    **facts: Any,
) -> dict[str, Any]:
    """Writes one scenario's row: events sent (each call once, however often retried), acknowledged, stored,
    lost, duplicated, dead-lettered, and the seconds it took to recover (`recovery` says from what to what)."""
    entry = {
        "scenario": name,
        "sent": sum(load.sent for load in loads),
        "acked": check.acked,
        "stored": check.stored,
        "lost": check.lost,
        "duplicates": check.duplicates,
        "extra_rows": check.extra_rows,
        "stored_unacknowledged": check.stored_unacknowledged,
        "dead_lettered": dead_lettered,
        "recover_s": recover_s,
        "recovery": recovery,
        "client_errors": _merged(load.errors for load in loads),
        "retries": sum(load.retries for load in loads),
        "unacknowledged": sum(load.unacknowledged for load in loads),
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **facts,
    }
    document = load_results()
    document["scenarios"][key] = entry
    _write(document)
    return entry


def record_load(entry: dict[str, Any]) -> None:
    document = load_results()
    document["load"] = {**entry, "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    _write(document)


def _merged(parts: Any) -> dict[str, int]:
    merged: dict[str, int] = {}
    for errors in parts:
        for name, n in errors.items():
            merged[name] = merged.get(name, 0) + n
    return merged


START, END = "<!-- fault table: start -->", "<!-- fault table: end -->"
SCENARIOS = 8


def markdown(document: dict[str, Any]) -> str:
    """The scenarios' table, then the load test's lines; a scenario not run yet shows as such."""
    lines = [
        "| Scenario | Sent | Acknowledged | Stored | Lost | Duplicates | Dead-lettered | Client errors "
        "(retried) | Recovered in |",
        "|" + "---|" * 9,
    ]
    for key in map(str, range(1, SCENARIOS + 1)):
        row = document["scenarios"].get(key)
        if row is None:
            lines.append(f"| {key}. (not run) |" + " |" * 8)
            continue
        errors = ", ".join(f"{name} {n}" for name, n in sorted(row["client_errors"].items())) or "none"
        recovered = "n/a" if row["recover_s"] is None else f"{row['recover_s']:.2f} s"
        lines.append(
            f"| {row['scenario']} | {row['sent']:,} | {row['acked']:,} | {row['stored']:,} | {row['lost']} | "
            f"{row['duplicates']} | {row['dead_lettered']} | {errors} | {recovered} |"
        )
    load = document.get("load")
    lines.append("")
    if load is None:
        lines.append("Load: not run yet.")
    else:
        bound = load["rss_bound_mb"]
        rss = ", ".join(f"{role} {mb:.0f} MB (bound {bound[role]})" for role, mb in sorted(load["peak_rss_mb"].items()))
        lines.append(
            f"Load: {load['normal_events_per_s']:,} events/s sustained by 2 clients, then {load['overload_s']} s "
            f"offered at {load['offered_events_per_s']:,} events/s (10x, open-loop): {load['overload_acked_per_s']:,} "
            f"events/s acknowledged, {load['backpressure_answers']:,} calls answered RESOURCE_EXHAUSTED, other errors: "
            f"{_others(load['errors'])}; p99 {load['overload_p99_ms']:,.0f} ms; peak resident memory {rss}; "
            f"afterwards {load['after_events_per_s']:,} events/s, errors: "
            f"{_others(load['after_errors'], '')}."
        )
    return "\n".join(lines) + "\n"


def _others(errors: dict[str, int], skip: str = "RESOURCE_EXHAUSTED") -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(errors.items()) if name != skip) or "none"


def main(argv: list[str] | None = None) -> None:
    table_command(__doc__.splitlines()[0], RESULTS, lambda path: markdown(load_results(path)), (START, END),
                  ".venv/bin/python -m pytest -m fault tests/fault", argv)


if __name__ == "__main__":
    main()
