"""Compiles .proto files in process with grpcio-tools: descriptors plus protoc's own outputs."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from .errors import Location, SchemaError, SchemaErrors

__all__ = ["BUNDLED_PROTO_DIR", "CompiledProtos", "compile_protos", "find_protos"]

# eventgen's own protos (options, transport) live beside the product's, in the repository's proto/.
BUNDLED_PROTO_DIR = Path(__file__).resolve().parent.parent / "proto"
_BUNDLED = ("eventgen/options.proto", "eventgen/transport.proto")
_WELL_KNOWN_DIR = Path(protoc.__file__).resolve().parent / "_proto"


@dataclass(frozen=True)
class CompiledProtos:
    """What the generator works from: the descriptors and what protoc's own generators wrote."""

    descriptor_set: descriptor_pb2.FileDescriptorSet
    # The schema's proto files (relative paths), eventgen's own included, sorted.
    files: tuple[str, ...]
    # _pb2 modules, their type stubs, grpclib services and grpcio stubs, by output path.
    protoc_outputs: dict[PurePosixPath, str]


def find_protos(proto_dir: Path) -> list[str]:
    """The .proto files under a folder, as paths relative to it, sorted."""
    return sorted(p.relative_to(proto_dir).as_posix() for p in proto_dir.rglob("*.proto"))


def _plugin(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise FileNotFoundError(f"{name} is not installed beside {sys.executable}; run `pip install -e .`")
    return str(path)


def compile_protos(proto_dir: Path) -> CompiledProtos:
    """Compiles every proto under `proto_dir` (and eventgen's own options) with protoc."""
    proto_dir = proto_dir.resolve()
    files = find_protos(proto_dir)
    includes = [proto_dir]
    if proto_dir != BUNDLED_PROTO_DIR:
        files = sorted(set(files) | set(_BUNDLED))
        includes.append(BUNDLED_PROTO_DIR)
    if not files:
        raise SchemaErrors([SchemaError(Location(str(proto_dir)), "no .proto files found",
                                        "point --proto at the folder that holds the schema")])
    with tempfile.TemporaryDirectory(prefix="eventgen-protoc-") as tmp:
        out = Path(tmp)
        (out / "py").mkdir()
        args = [
            "protoc",
            *(f"-I{d}" for d in includes),
            f"-I{_WELL_KNOWN_DIR}",
            f"--python_out={out / 'py'}",
            f"--pyi_out={out / 'py'}",
            f"--plugin=protoc-gen-grpclib_python={_plugin('protoc-gen-grpclib_python')}",
            f"--grpclib_python_out={out / 'py'}",
            # grpcio's own stubs, for clients on the official runtime.
            f"--grpc_python_out={out / 'py'}",
            f"--descriptor_set_out={out / 'descriptors.pb'}",
            "--include_imports",
            "--include_source_info",
            *files,
        ]
        stderr = io.StringIO()
        # protoc and its plugins write errors to the process's stderr file descriptor.
        with _capture_fd2() as captured, contextlib.redirect_stderr(stderr):
            code = protoc.main(args)
        if code != 0:
            raise SchemaErrors(_protoc_errors(captured.read() + stderr.getvalue(), proto_dir))
        descriptor_set = descriptor_pb2.FileDescriptorSet.FromString((out / "descriptors.pb").read_bytes())
        outputs: dict[PurePosixPath, str] = {}
        # Service stubs only for the files that declare services: the plugins write one for every file.
        serviceless = {f.name.removesuffix(".proto") for f in descriptor_set.file if not f.service}
        root = out / "py"
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).as_posix()
            stem = rel.removesuffix("_pb2_grpc.py").removesuffix("_grpc.py")
            if path.is_file() and not (rel.endswith("_grpc.py") and stem in serviceless):
                outputs[PurePosixPath("python") / rel] = path.read_text()
    return CompiledProtos(descriptor_set=descriptor_set, files=tuple(files), protoc_outputs=outputs)


class _Captured:
    def __init__(self, file: io.BufferedRandom) -> None:
        self._file = file

    def read(self) -> str:
        self._file.seek(0)
        return self._file.read().decode(errors="replace")


@contextlib.contextmanager
def _capture_fd2():
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(sink.fileno(), 2)
            yield _Captured(sink)
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _protoc_errors(text: str, proto_dir: Path) -> list[SchemaError]:
    errors = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("Writing "):
            continue
        # protoc writes "file.proto:12:5: message"
        parts = line.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit():
            errors.append(SchemaError(Location(_relative(parts[0], proto_dir), int(parts[1])), parts[3].strip()))
        else:
            errors.append(SchemaError(Location(str(proto_dir)), line))
    return errors or [SchemaError(Location(str(proto_dir)), "protoc failed without a message")]


def _relative(path: str, proto_dir: Path) -> str:
    with contextlib.suppress(ValueError):
        return Path(path).resolve().relative_to(proto_dir).as_posix()
    return path
