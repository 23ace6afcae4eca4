"""The command both suites' table writers share: print a results file as Markdown, or put it in a document
between two marker comments (RELIABILITY.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["replace_between", "table_command"]


def replace_between(document: str, table: str, start: str, end: str) -> str:
    """`document` with what stands between the `start` and `end` markers replaced by `table`."""
    before, found_start, rest = document.partition(start)
    _, found_end, after = rest.partition(end)
    if not found_start or not found_end:
        raise SystemExit(f"the file has no {start} ... {end} markers to put the table between")
    return f"{before}{start}\n{table}{end}{after}"


def table_command(description: str, results: Path, render: Callable[[Path], str], markers: tuple[str, str],
                  run_first: str, argv: list[str] | None = None) -> None:
    """`--results FILE` (default `results`) rendered by `render`: printed, or with `--write DOC` put in DOC."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--results", type=Path, default=results, help="the suite's results (default: %(default)s)")
    parser.add_argument("--write", type=Path, metavar="FILE", help="replace the table between the markers in FILE")
    args: Any = parser.parse_args(argv)
    if not args.results.exists():
        raise SystemExit(f"{args.results} does not exist: run `{run_first}` first")
    table = render(args.results)
    if args.write is None:
        sys.stdout.write(table)
    else:
        args.write.write_text(replace_between(args.write.read_text(), table, *markers))
