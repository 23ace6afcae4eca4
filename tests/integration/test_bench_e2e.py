"""`eventgen bench e2e` at small scale on RabbitMQ and in embedded mode, and the exactly-once check it relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runtime.bench._verify import Ledger, check_stored, stored_count
from runtime.store import migrate
from runtime.store.connect import open_client
from tests.integration.conftest import AMQP_URL
from tests.integration.ingest_harness import SCHEMA

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.clickhouse


def bench_e2e(tmp_path: Path, *flags: str) -> tuple[dict, dict]:
    """Runs the command as a user would; returns its last line's JSON and the results file."""
    results = tmp_path / "e2e.json"
    done = subprocess.run(
        [sys.executable, "-m", "codegen.cli", "bench", "e2e", "--seconds", "2", "--clients", "2", "--batch", "20",
         "--warmup", "0.5", "--baseline-seconds", "1", "--results", str(results), "--plot", str(tmp_path / "e2e.png"),
         *flags],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.strip(), done.stderr
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return line, json.loads(results.read_text())


def assert_stored_exactly_once(line: dict, results: dict, tmp_path: Path) -> None:
    assert line["acked"] > 0 and not line["errors"], line
    assert line["lost"] == 0 and line["duplicates"] == 0 and line["extra_rows"] == 0, line
    assert line["stored"] == line["acked"]
    assert line["drain"]["drained"] is True
    assert all(code == 0 for code in line["drain"]["exit_codes"].values()), line["drain"]
    assert line["rss_mb"] and all(mb > 0 for mb in line["rss_mb"].values()), line["rss_mb"]
    baseline = line["baseline"]
    assert baseline["acked"] > 0 and baseline["inserted"] == baseline["acked"], baseline
    assert line["ratio"] == round(line["events_per_s"] / baseline["events_per_s"], 1)
    assert (tmp_path / "e2e.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert line["plot"] == str(tmp_path / "e2e.png")
    assert {k: v for k, v in results.items() if k != "per_second"} == line
    assert {p["phase"] for p in results["per_second"]} >= {"max rate"}


@pytest.mark.rabbitmq
def test_bench_e2e_on_rabbitmq_and_chdb_finds_every_acknowledged_event_once(tmp_path):
    line, results = bench_e2e(tmp_path, "--broker", AMQP_URL)
    assert (line["mode"], line["broker"], line["store"]) == ("rabbitmq", "rabbitmq", "chdb")
    assert set(line["rss_mb"]) == {"ingest", "sink"}
    assert line["drain"]["left_in_queues"] == 0 and line["drain"]["dead_lettered"] == 0
    assert_stored_exactly_once(line, results, tmp_path)


def test_bench_e2e_embedded_with_a_half_rate_phase(tmp_path):
    line, results = bench_e2e(tmp_path, "--broker", "memory://", "--half-rate")
    assert (line["mode"], line["broker"], line["store"]) == ("embedded", "memory", "chdb")
    assert set(line["rss_mb"]) == {"all"}
    half = line["half_rate"]
    assert half["requests"] > 0 and half["caught_up_s"] is not None, half
    # Half of what the first phase sustained, its sink's catch-up counted: at most half of what was acked.
    assert abs(half["target_events_per_s"] - half["max_rate_sustained_events_per_s"] / 2) <= 1, half
    assert half["max_rate_sustained_events_per_s"] <= line["events_per_s"], half
    assert half["met"] == (half["p99_ms"] <= 50)
    assert "half rate" in {p["phase"] for p in results["per_second"]}
    assert_stored_exactly_once(line, results, tmp_path)


def test_a_target_with_an_embedded_store_is_refused_with_what_to_do(tmp_path):
    done = subprocess.run([sys.executable, "-m", "codegen.cli", "bench", "e2e", "--target", "127.0.0.1:1",
                           "--clickhouse", f"chdb://{tmp_path}"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2
    assert "--target needs --clickhouse http(s)://" in done.stderr


def test_the_check_counts_lost_and_duplicated_events_as_queries_see_them(tmp_path):
    client = open_client(f"chdb://{tmp_path / 'clickhouse'}")
    try:
        migrate.apply(client, migrate.plan(client, SCHEMA.clickhouse))
        rows = ["r1m-0-0", "r1m-0-1", "r1m-0-1", "r1m-0-1",  # event 2 of call 0 lost, event 1 stored 3 times
                "r1m-1-0",  # call 1 failed on the client's side, but its event was stored
                "r1m-2-0", "r1m-2-1",  # the service rejected event 2 of call 2: the others were acknowledged
                "r2m-0-0"]  # another run's event, not counted
        table = SCHEMA.transformers.TABLES["page_viewed"]
        # One insert per row: a part each, so the copies stay apart (no merges while the test looks).
        client.command(f"SYSTEM STOP MERGES {table}")
        for n, event_id in enumerate(rows):
            client.command(f"INSERT INTO {table} (event_id, event_type, event_time, received_at, source) "
                           f"VALUES ('{event_id}', 'page_viewed', now64(6), now64(6) + {n}, 'web')")
        ledger = Ledger("r1", [("r1m-0", 3, ()), ("r1m-2", 3, (2,)), ("r1m-3", 1, ())])
        check = check_stored(client, SCHEMA, ledger)
        assert stored_count(client, SCHEMA, "r1") == 5
    finally:
        client.close()
    assert check.as_dict() == {"acked": 6, "stored": 4, "lost": 2, "duplicates": 1, "extra_rows": 2,
                               "stored_unacknowledged": 1}
