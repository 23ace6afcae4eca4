"""The bad-input results (results/bad_input.json, written by tests/badinput) as a Markdown table.

    .venv/bin/python -m tests.badinput.table                       # print the table
    .venv/bin/python -m tests.badinput.table --write RELIABILITY.md  # replace the table in that file
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.badinput.harness import RESULTS

START, END = "<!-- bad-input table: start -->", "<!-- bad-input table: end -->"
_COLUMNS = (("case", "Case"), ("transport", "Transport"), ("status", "Status"), ("message", "Message"),
            ("counted", "Counted in /metrics"), ("stored", "Stored"))


def markdown(results: list[dict[str, str]]) -> str:
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")

    lines = ["| " + " | ".join(title for _, title in _COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += ["| " + " | ".join(cell(row[key]) for key, _ in _COLUMNS) + " |" for row in results]
    return "\n".join(lines) + "\n"


def replace_table(document: str, table: str) -> str:
    """`document` with what stands between the START and END markers replaced by `table`."""
    if START not in document or END not in document:
        raise SystemExit(f"the file has no {START} ... {END} markers to put the table between")
    before, rest = document.split(START, 1)
    return f"{before}{START}\n{table}{END}{rest.split(END, 1)[1]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="the suite's results (default: %(default)s)")
    parser.add_argument("--write", type=Path, metavar="FILE", help="replace the table between the markers in FILE")
    args = parser.parse_args(argv)
    if not args.results.exists():
        raise SystemExit(f"{args.results} does not exist: run `.venv/bin/python -m pytest tests/badinput` first")
    table = markdown(json.loads(args.results.read_text()))
    if args.write is None:
        sys.stdout.write(table)
    else:
        args.write.write_text(replace_table(args.write.read_text(), table))


if __name__ == "__main__":
    main()
