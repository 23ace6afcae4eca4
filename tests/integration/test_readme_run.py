"""The README's first command: `eventgen run` with no broker or ClickHouse configuration, in a fresh folder,
fed by `eventgen send` and an official grpcio client, and the rows found in its embedded ClickHouse.

The webhook secrets are set (EVENTGEN_SHOPIFY_SECRET, ...: the README's way to take webhooks); the default
ports are used unless something else on this machine holds them, then EVENTGEN_GRPC_PORT and
EVENTGEN_HTTP_PORT move both the service and the clients."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import grpc
import pytest

from runtime.bench._service import free_port
from runtime.generated import load_generated
from runtime.samples import SampleFactory
from tests.integration.sink_harness import query_in_subprocess

pytestmark = pytest.mark.clickhouse

SCHEMA = load_generated()
EVENTGEN = str(Path(sys.executable).with_name("eventgen"))
SECRETS = {"EVENTGEN_SHOPIFY_SECRET": "shpss_readme", "EVENTGEN_BRANCH_TOKEN": "branch-readme",
           "EVENTGEN_WEBENGAGE_KEY": "webengage-readme"}
SENT = 600


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def thread_niceness(pid: int) -> dict[str, set[int]]:
    """The nice values of a process's threads, by thread name (its main thread: MAIN)."""
    found: dict[str, set[int]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        name = "MAIN" if task.name == str(pid) else (task / "comm").read_text().strip()
        found.setdefault(name, set()).add(int(fields[16]))
    return found


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def wait_until(predicate: Any, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{what} within {timeout:g}s; the service said:\n{log.read_text()}")


def grpcio_batch() -> Any:
    """One event of every type, with ids of its own, built with the generated _pb2 classes."""
    factory = SampleFactory(seed=3, max_repeated=2)
    batch = SCHEMA.envelope.Batch()
    factory.fill(batch.header)
    for i, event_type in enumerate(SCHEMA.event_types):
        envelope = batch.events.add(event_id=f"grpcio-{i}")
        factory.fill(getattr(envelope, SCHEMA.envelope.ARMS[event_type]))
    return batch


def test_the_readme_command_takes_traffic_from_send_and_grpcio_into_clickhouse(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTGEN_")} | SECRETS
    grpc_port, http_port = 50051, 8080
    if port_taken(grpc_port) or port_taken(http_port):
        grpc_port, http_port = free_port(), free_port()
        env |= {"EVENTGEN_GRPC_PORT": str(grpc_port), "EVENTGEN_HTTP_PORT": str(http_port)}
    base = f"http://127.0.0.1:{http_port}"
    log = tmp_path / "run.log"
    with log.open("wb") as output:
        service = subprocess.Popen([EVENTGEN, "run"], cwd=tmp_path, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: get_json(f"{base}/readyz")["status"] == "ready", 90, "the service was not ready", log)
        started = log.read_text()
        assert f"gRPC 127.0.0.1:{grpc_port}, HTTP 127.0.0.1:{http_port}, broker memory://" in started
        assert f"ClickHouse chdb://{tmp_path.resolve()}/data/clickhouse" in started
        # The embedded engine works at a lower CPU priority than the event loop that answers the clients.
        niceness = thread_niceness(service.pid)
        own = niceness.pop("MAIN")
        assert niceness["MergeMutate"] == niceness["BgSchPool"] == {min(19, min(own) + 10)}, niceness

        sent = subprocess.run([EVENTGEN, "send", "--events", str(SENT), "--batch", "50", "--json"], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=180)
        assert sent.returncode == 0, sent.stdout + sent.stderr
        summary = json.loads(sent.stdout.strip().splitlines()[-1])
        assert (summary["accepted"], summary["rejected"]) == (SENT, 0)
        assert set(summary["channels"]) == {"grpc", "shopify", "branch", "webengage"}
        assert "sending events" in sent.stderr  # the progress bar

        with grpc.insecure_channel(f"127.0.0.1:{grpc_port}") as channel:
            from events.v1 import envelope_pb2_grpc

            response = envelope_pb2_grpc.EventServiceStub(channel).Dispatch(grpcio_batch(), timeout=30)
        assert (response.accepted, list(response.rejected)) == (len(SCHEMA.event_types), [])

        expected: Counter[str] = Counter()
        for event_type, n in summary["accepted_by_event_type"].items():
            expected[SCHEMA.transformers.TABLES[event_type]] += n
        for event_type in SCHEMA.event_types:
            expected[SCHEMA.transformers.TABLES[event_type]] += 1
        total = SENT + len(SCHEMA.event_types)
        wait_until(lambda: get_json(f"{base}/stats")["totals"]["rows"] == total, 90,
                   f"the {total} accepted events were not all stored", log)
        stats = subprocess.run([EVENTGEN, "stats", "--json"], cwd=tmp_path, env=env, capture_output=True, text=True,
                               timeout=60)
        assert stats.returncode == 0, stats.stderr
        document = json.loads(stats.stdout)
        assert {t: n for t, n in document["tables"].items() if n} == dict(expected)
        assert document["totals"] == {"rows": total, "ready": 0, "dead_letters": 0}

        metrics = urllib.request.urlopen(f"{base}/metrics", timeout=30).read().decode()
        assert 'eventgen_consumer_lag{queue="web.pageviews"} 0.0' in metrics
        assert "eventgen_broker_reconnects 0.0" in metrics
        assert 'eventgen_sink_flushes_total{queue="web.pageviews",reason="interval"}' in metrics
        rows_inserted = sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
                            if line.startswith("eventgen_rows_inserted_total{"))
        assert rows_inserted == total
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            returncode = service.wait(60)
        except subprocess.TimeoutExpired:
            service.kill()
            raise
    assert returncode == 0, log.read_text()

    # Stopped: the data folder is free for another process to open.
    url = f"chdb://{tmp_path / 'data' / 'clickhouse'}"
    union = " UNION ALL ".join(f"SELECT event_type, event_id FROM {table} WHERE event_id LIKE 'grpcio-%'"
                               for table in sorted(set(SCHEMA.transformers.TABLES.values())))
    found = query_in_subprocess(url, union)
    assert sorted(found) == sorted([t, f"grpcio-{i}"] for i, t in enumerate(SCHEMA.event_types))
    counts = query_in_subprocess(url, " UNION ALL ".join(f"SELECT '{t}', count() FROM {t}" for t in sorted(expected)))
    assert {table: n for table, n in counts} == dict(expected)
