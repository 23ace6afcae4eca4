"""`generate`: the pure function from compiled descriptors and settings to the output files."""

from __future__ import annotations

from pathlib import PurePosixPath

from .config import GeneratorSettings
from .errors import SchemaErrors
from .parser import parse
from .protoc import CompiledProtos
from .render import render
from .sdk import render_sdk
from .validate import validate

__all__ = ["generate"]


def generate(compiled: CompiledProtos, settings: GeneratorSettings) -> dict[PurePosixPath, str]:
    """Every generated file by its path under the output folder. Raises SchemaErrors."""
    schema = parse(compiled, settings)
    errors = validate(schema)
    if errors:
        raise SchemaErrors(errors)
    files = dict(compiled.protoc_outputs)
    files.update(render_sdk(compiled))
    files.update(render(schema))
    # Packages for the folders protoc writes modules into, so they import as regular packages;
    # google/ stays a namespace package, shared with the installed protobuf.
    for path in list(files):
        if path.parts[0] == "python" and path.suffix == ".py" and path.parts[1] != "google":
            for parent in list(path.parents)[:-2]:
                files.setdefault(parent / "__init__.py", "")
    return dict(sorted(files.items()))
