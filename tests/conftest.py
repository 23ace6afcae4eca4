"""Shared fixtures: the compiled product schema, generated once per session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

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


# Namespaces the suite and the benchmarks it runs declare on RabbitMQ, each a random name of their own.
_OWN_NAMESPACE = re.compile(r"^(t[0-9a-f]{10}\d*|test-[0-9a-f]{12}|e2e-[0-9a-f]{8}|sinkbench-[0-9a-f]{8}|"
                            r"bench-[0-9a-f]{8})\.")
_queues_at_start: set[str] | None = None


def _local_queues() -> set[str] | None:
    """The queues of the RabbitMQ the tests use, when it runs on this machine (rabbitmqctl can ask it)."""
    host = urlsplit(os.environ.get("EVENTGEN_TEST_AMQP_URL", "amqp://127.0.0.1/")).hostname
    if host not in ("127.0.0.1", "localhost", "::1") or not shutil.which("rabbitmqctl"):
        return None
    try:
        done = subprocess.run(["rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name"],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(done.stdout.split()) if done.returncode == 0 else None


def pytest_sessionstart(session: pytest.Session) -> None:
    global _queues_at_start
    _queues_at_start = _local_queues()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that leaves its queues behind fails: every quorum queue holds about 3 of RabbitMQ's file
    descriptors (927 for a node started under `ulimit -n 1024`, sockets included), and once they are gone
    RabbitMQ takes no more connections."""
    after = _local_queues() if _queues_at_start is not None else None
    if after is None or _queues_at_start is None:
        return
    left = sorted(q for q in after - _queues_at_start if _OWN_NAMESPACE.match(q))
    if left:
        namespaces = sorted({q.split(".", 1)[0] for q in left})
        print(f"\nthe tests left {len(left)} queues of {len(namespaces)} namespaces on RabbitMQ "
              f"({', '.join(namespaces)}): the test that declared them must delete them; meanwhile "
              "`rabbitmqctl delete_queue NAME` removes one", file=sys.stderr)
        if session.exitstatus == 0:
            session.exitstatus = 1
