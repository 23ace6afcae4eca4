"""The typed async client SDK, made by betterproto2's compiler in process from the descriptors."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import PurePosixPath

from betterproto2_compiler.lib.google.protobuf.compiler import CodeGeneratorRequest
from betterproto2_compiler.plugin.parser import generate_code
from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2
from ruff.__main__ import find_ruff_bin

from .descriptors import dependency_order
from .protoc import CompiledProtos

__all__ = ["SDK_PACKAGE", "render_sdk"]

SDK_PACKAGE = "eventgen_sdk"


def render_sdk(compiled: CompiledProtos) -> dict[PurePosixPath, str]:
    """The SDK package's files, under sdk/eventgen_sdk/."""
    request = plugin_pb2.CodeGeneratorRequest(file_to_generate=list(compiled.files),
                                              parameter="client_generation=async")
    for file in dependency_order(compiled.descriptor_set):
        request.proto_file.append(_comments_only(file))
    # The compiler prints a line per file it writes (the files are all we want), and formats them with
    # the `ruff` it finds on PATH: the pinned one beside this interpreter, even from an unactivated venv.
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()), _ruff_on_path():
        response = generate_code(CodeGeneratorRequest.parse(request.SerializeToString()))
    if response.error:
        raise RuntimeError(f"betterproto2 could not generate the SDK: {response.error}")
    root = PurePosixPath("sdk") / SDK_PACKAGE
    return {root / f.name: f.content for f in response.file}


@contextlib.contextmanager
def _ruff_on_path() -> Iterator[None]:
    saved = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([os.path.dirname(find_ruff_bin()), saved])
    try:
        yield
    finally:
        os.environ["PATH"] = saved


def _comments_only(file: descriptor_pb2.FileDescriptorProto) -> descriptor_pb2.FileDescriptorProto:
    """The file with only the source locations that carry comments: the SDK's docstrings need no more,
    and betterproto2 parses the request several times faster without the rest."""
    trimmed = descriptor_pb2.FileDescriptorProto()
    trimmed.CopyFrom(file)
    kept = [loc for loc in file.source_code_info.location
            if loc.leading_comments or loc.trailing_comments or loc.leading_detached_comments]
    del trimmed.source_code_info.location[:]
    trimmed.source_code_info.location.extend(kept)
    return trimmed
