"""Loads what `eventgen generate` wrote: the envelope and transformer modules, topology and tables."""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["DEFAULT_GENERATED_DIR", "GeneratedSchema", "load_generated"]

DEFAULT_GENERATED_DIR = Path(__file__).resolve().parent.parent / "generated"
_SCHEMA_PACKAGE = "eventgen_schema"


@dataclass(frozen=True)
class GeneratedSchema:
    """The generated modules and documents of one schema."""

    root: Path
    envelope: ModuleType
    transformers: ModuleType
    transport: ModuleType
    topology: dict[str, Any]
    clickhouse: dict[str, Any]
    # Per event type, the insert that lets ClickHouse decode the stamped events itself (clickhouse/inserts.json).
    inserts: dict[str, Any]

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(sorted(self.transformers.TRANSFORMERS))

    def dispatch_method(self) -> tuple[str, Any, Any]:
        """(path, request class, response class) of the unary method that takes the batch message."""
        batch = self.envelope.Batch
        if batch is None:
            raise RuntimeError("the schema has no batch message, so there is no Dispatch method to serve")
        module = importlib.import_module(batch.__module__)
        for service in batch.DESCRIPTOR.file.services_by_name.values():
            for method in service.methods:
                if method.input_type is batch.DESCRIPTOR and not (method.client_streaming or method.server_streaming):
                    response = getattr(module, method.output_type.name)
                    return f"/{service.full_name}/{method.name}", batch, response
        raise RuntimeError(f"no unary method of {batch.DESCRIPTOR.file.name} takes {batch.DESCRIPTOR.full_name}")


def load_generated(root: Path = DEFAULT_GENERATED_DIR) -> GeneratedSchema:
    """Imports the generated modules under `root`. One process serves one schema: loading a
    second, different folder is an error rather than a silent mix of both."""
    root = root.resolve()
    python = root / "python"
    if not (python / _SCHEMA_PACKAGE / "transformers.py").exists():
        raise FileNotFoundError(f"{root} holds no generated schema; run `eventgen generate --out {root}`")
    loaded = sys.modules.get(_SCHEMA_PACKAGE)
    if loaded is not None and Path(loaded.__file__ or "").resolve().parent.parent != python:
        raise RuntimeError(f"this process already loaded the schema generated in {Path(loaded.__file__ or '').parent}; "
                           f"run {root} in a process of its own")
    for folder in (python, root / "sdk"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return GeneratedSchema(
        root=root,
        envelope=importlib.import_module(f"{_SCHEMA_PACKAGE}.envelope"),
        transformers=importlib.import_module(f"{_SCHEMA_PACKAGE}.transformers"),
        transport=importlib.import_module("eventgen.transport_pb2"),
        topology=json.loads((root / "topology.json").read_text()),
        clickhouse=json.loads((root / "clickhouse" / "schema.json").read_text()),
        inserts=json.loads((root / "clickhouse" / "inserts.json").read_text()),
    )
