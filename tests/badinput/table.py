"""The bad-input results (results/bad_input.json, written by tests/badinput) as a Markdown table.

    .venv/bin/python -m tests.badinput.table                       # print the table
    .venv/bin/python -m tests.badinput.table --write RELIABILITY.md  # replace the table in that file
"""

from __future__ import annotations

import json

from tests.badinput.harness import RESULTS
from tests.markdown_tables import table_command

START, END = "<!-- bad-input table: start -->", "<!-- bad-input table: end -->"
_COLUMNS = (("case", "Case"), ("transport", "Transport"), ("status", "Status"), ("message", "Message"),
            ("counted", "Counted in /metrics"), ("stored", "Stored"))


def markdown(results: list[dict[str, str]]) -> str:
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")

    lines = ["| " + " | ".join(title for _, title in _COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += ["| " + " | ".join(cell(row[key]) for key, _ in _COLUMNS) + " |" for row in results]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    table_command(__doc__.splitlines()[0], RESULTS, lambda path: markdown(json.loads(path.read_text())), (START, END),
                  ".venv/bin/python -m pytest tests/badinput", argv)


if __name__ == "__main__":
    main()
