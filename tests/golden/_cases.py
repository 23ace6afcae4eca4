"""The golden cases: where they live, and what the generator makes of each, once per session.

A case is a folder cases/<case>/ holding input/ (the .proto files, and input/eventgen.toml when the
case needs a --config) and either expected/ (every generated file) or expected_error.txt (the
SchemaErrors text, plus a final newline).
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from codegen.config import load_settings
from codegen.errors import SchemaErrors
from codegen.generate import generate
from codegen.protoc import compile_protos

__all__ = ["CASES_DIR", "CONFIG_NAME", "Outcome", "case_names", "generate_case"]

CASES_DIR = Path(__file__).resolve().parent / "cases"
CONFIG_NAME = "eventgen.toml"


@dataclass(frozen=True)
class Outcome:
    """The generated files, or the error text when the generator refused the schema."""

    files: dict[PurePosixPath, str] | None
    error: str | None


def case_names() -> list[str]:
    return sorted(p.name for p in CASES_DIR.iterdir() if (p / "input").is_dir())


@functools.cache
def generate_case(case: str) -> Outcome:
    """Runs the generator in process on cases/<case>/input, as `eventgen generate` would from there."""
    input_dir = CASES_DIR / case / "input"
    # Config errors name the file as given: relative, so the text is the same on every machine.
    with contextlib.chdir(input_dir):
        config = Path(CONFIG_NAME) if Path(CONFIG_NAME).exists() else None
        try:
            return Outcome(generate(compile_protos(Path(".")), load_settings(config)), None)
        except SchemaErrors as exc:
            return Outcome(None, str(exc))
