"""Starts `eventgen run` as a process of its own, waits until it is ready, and stops it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

__all__ = ["ServiceProcess", "free_port"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServiceProcess:
    """`eventgen run` with the given flags on free ports (or on `grpc_port`, shared with other processes
    started with --reuse-port); its output goes to `log`. `program` is what runs `run` (default eventgen's CLI)."""

    def __init__(self, *flags: str, log: Path, env: dict[str, str] | None = None, grpc_port: int | None = None,
                 program: tuple[str, ...] = ("-m", "codegen.cli")) -> None:
        self.grpc_port = grpc_port or free_port()
        self.http_port = free_port()
        self.log = log
        args = [sys.executable, *program, "run", "--grpc-port", str(self.grpc_port),
                "--http-port", str(self.http_port), *flags]
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(args, stdout=self._log_file, stderr=subprocess.STDOUT,
                                        env={**os.environ, **(env or {})},
                                        cwd=Path(__file__).resolve().parents[2])

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"eventgen run exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/readyz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"eventgen run was not ready within {timeout}s:\n{self.log.read_text()}")

    def stop(self, timeout: float = 30.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()
        return self.process.returncode
