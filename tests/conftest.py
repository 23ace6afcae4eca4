"""Shared fixtures: the compiled product schema, generated once per session."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from codegen.config import GeneratorSettings
from codegen.generate import generate
from codegen.protoc import CompiledProtos, compile_protos

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def compiled() -> CompiledProtos:
    return compile_protos(ROOT / "proto")


@pytest.fixture(scope="session")
def generated_files(compiled: CompiledProtos) -> dict[PurePosixPath, str]:
    return generate(compiled, GeneratorSettings())
