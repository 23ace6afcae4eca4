"""Disturbing the shared RabbitMQ on purpose: rabbitmqctl with a bound on every call, the marker file that
tells others it is disturbed, and the recovery that leaves it running whatever happened."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.integration.conftest import AMQP_URL

__all__ = ["MARKER", "disrupted", "ensure_running", "rabbitmqctl", "restart_app"]

# Whoever measures on this RabbitMQ checks for this file: while it exists, RabbitMQ is being disturbed.
MARKER = Path("/tmp/eventgen-rabbitmq-disrupted")
# How long RabbitMQ may take to come back after a disruption before the suite gives up on it.
RECOVERY_S = 180.0


def rabbitmqctl(*args: str, timeout: float = 60) -> str:
    """One rabbitmqctl command, killed after `timeout` seconds (a stuck node never holds the suite)."""
    try:
        done = subprocess.run(["rabbitmqctl", *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"rabbitmqctl {' '.join(args)} did not finish within {timeout}s") from exc
    if done.returncode != 0:
        raise RuntimeError(f"rabbitmqctl {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}")
    return done.stdout


def ensure_running(timeout: float = RECOVERY_S) -> float:
    """Leaves RabbitMQ running: starts the app (nothing happens when it runs), waits for the boot, and until
    a fresh AMQP connection opens (the listener comes up after the boot). Returns the seconds it took.

    A node that says its app runs but takes no AMQP connection gets its file handle cache restarted after 20 s,
    and the whole node restarted after 40 s; what it said about its file descriptors each time goes into the log,
    and into the error when it still fails. Seen in CI after stop_app and start_app: every handshake timed out
    for 150 s. Most likely its file descriptors were gone (readers wait in rabbit_networking:setup_socket then):
    each quorum queue holds about 3, and a test had left 52 behind on every run. Neither remedy helps that; the
    suite now fails a run that leaves queues behind (tests/conftest.py)."""
    if _gave_up:
        raise RuntimeError(f"RabbitMQ at {AMQP_URL} did not come back after an earlier scenario: {_gave_up[0]}")
    started = time.monotonic()
    deadline = started + timeout
    remedies = [(20.0, _restart_file_handle_cache), (40.0, _restart_node)]
    seen: list[str] = []
    problem: Exception | None = None
    while time.monotonic() < deadline:
        left = max(5.0, deadline - time.monotonic())
        try:
            rabbitmqctl("start_app", timeout=min(left, 90))
            rabbitmqctl("await_startup", "--timeout", str(int(min(left, 90))), timeout=min(left, 90) + 10)
            asyncio.run(_handshake(min(left, 10)))
            if seen:
                print(f"RabbitMQ came back after {'; '.join(seen)}", file=sys.stderr)
            return time.monotonic() - started
        except Exception as exc:  # noqa: BLE001 (whatever it is, RabbitMQ is not usable yet: try again)
            problem = exc
        if remedies and time.monotonic() - started >= remedies[0][0]:
            _, remedy = remedies.pop(0)
            seen.append(f"{remedy.__doc__} ({_descriptors()}; last error {problem!r})")
            try:
                remedy()
            except Exception as exc:  # noqa: BLE001 (the next attempt says whether it helped)
                seen.append(f"which failed: {exc!r}")
        time.sleep(1)
    _gave_up.append(f"{problem!r}; tried: {'; '.join(seen) or 'nothing else'}")
    raise RuntimeError(f"RabbitMQ at {AMQP_URL} did not come back within {timeout}s: {_gave_up[0]}")


# Set when RabbitMQ could not be brought back: the scenarios after it fail at once instead of each waiting.
_gave_up: list[str] = []


def _descriptors() -> str:
    try:
        status = rabbitmqctl("status", "--formatter", "json", timeout=20)
        descriptors = json.loads(status).get("file_descriptors", {})
        return (f"file descriptors used {descriptors.get('total_used')} of {descriptors.get('total_limit')}, sockets "
                f"{descriptors.get('sockets_used')} of {descriptors.get('sockets_limit')}")
    except Exception as exc:  # noqa: BLE001 (a diagnostic only)
        return f"status unavailable: {exc}"


def _restart_file_handle_cache() -> None:
    """restarted RabbitMQ's file handle cache"""
    rabbitmqctl("eval", "exit(whereis(file_handle_cache), kill).", timeout=30)


def _restart_node() -> None:
    """restarted the RabbitMQ node"""
    with contextlib.suppress(RuntimeError):
        rabbitmqctl("stop", timeout=60)
    subprocess.run(["pkill", "-KILL", "-f", "beam.smp.*-s rabbit boot"], check=False)
    subprocess.run(["rabbitmq-server", "-detached"], check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 60  # -detached returns before the node is up: await_startup needs it reachable
    while True:
        try:
            rabbitmqctl("ping", timeout=20)
            break
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
    rabbitmqctl("await_startup", "--timeout", "90", timeout=100)


async def _handshake(timeout: float) -> None:
    import aio_pika

    connection = await asyncio.wait_for(aio_pika.connect(AMQP_URL, timeout=timeout), timeout + 1)
    await asyncio.wait_for(connection.close(), timeout)


@asynccontextmanager
async def disrupted(scenario: str) -> AsyncIterator[None]:
    """Marks RabbitMQ as disturbed for the block (the file names the scenario), and leaves it running and
    answering AMQP after it, whatever happened inside (an exception, a cancellation); then the mark goes."""
    MARKER.write_text(f"{scenario}\n")
    try:
        yield
    finally:
        recovery = _Recovery()
        try:
            while recovery.is_alive():
                await asyncio.sleep(0.1)
        finally:
            recovery.join(RECOVERY_S + 30)  # cancelled while waiting: RabbitMQ is brought back all the same
        if recovery.error is not None:
            raise recovery.error  # the mark stays: RabbitMQ is still disturbed
        MARKER.unlink(missing_ok=True)


class _Recovery(threading.Thread):
    """ensure_running in a thread, so the event loop (and the load on it) goes on meanwhile."""

    def __init__(self) -> None:
        super().__init__(name="rabbitmq-recovery", daemon=True)
        self.error: Exception | None = None
        self.start()

    def run(self) -> None:
        try:
            ensure_running()
        except Exception as exc:  # noqa: BLE001 (handed to the waiter)
            self.error = exc


async def restart_app(down_s: float) -> float:
    """stop_app, `down_s` seconds down, start_app and await_startup; returns when RabbitMQ takes AMQP
    connections again (monotonic time). The caller holds `disrupted`, which brings it back on any failure."""
    await asyncio.to_thread(rabbitmqctl, "stop_app", timeout=90)
    await asyncio.sleep(down_s)
    await asyncio.to_thread(ensure_running)
    return time.monotonic()
