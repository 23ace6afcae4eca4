"""`eventgen bench sink` at small scale: a backlog drained from RabbitMQ into chDB, then a steady phase."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from runtime.bench.ingest import grpc_event_types
from runtime.bench.sink import volume_mix
from tests.integration.conftest import AMQP_URL
from tests.integration.ingest_harness import SCHEMA

ROOT = Path(__file__).resolve().parents[2]


def test_the_volume_mix_gives_direct_mode_types_their_share_and_keeps_every_type():
    mix = Counter(volume_mix(SCHEMA, 0.05))
    direct = {t for q in SCHEMA.topology["queues"] if q["sink"]["mode"] == "direct" for t in q["event_types"]}
    sent_direct = direct & set(grpc_event_types(SCHEMA))
    assert set(mix) == set(grpc_event_types(SCHEMA)) and sent_direct
    assert {mix[t] for t in sent_direct} == {1}
    assert {mix[t] for t in set(mix) - direct} == {20}
    assert Counter(volume_mix(SCHEMA, 1)) == Counter(grpc_event_types(SCHEMA))


@pytest.mark.rabbitmq
@pytest.mark.clickhouse
def test_bench_sink_drains_the_backlog_and_stores_every_acknowledged_event_once(tmp_path):
    results = tmp_path / "sink.json"
    done = subprocess.run(
        [sys.executable, "-m", "codegen.cli", "bench", "sink", "--events", "3000", "--clients", "2", "--batch", "50",
         "--steady-seconds", "2", "--steady-rate", "1000", "--broker-url", AMQP_URL, "--results", str(results)],
        capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert line == json.loads(results.read_text())
    assert line["drained"] is True and line["backlog_events"] >= 3000
    assert line["acked"] == line["stored"] > line["backlog_events"]
    assert line["lost"] == 0 and line["duplicates"] == 0
    assert line["events_per_s"] > 0 and line["drain_inserts"] > 0
    assert line["saturated_events_per_s"] > 0 and line["drain_inserts_side_by_side"] >= 0
    steady = line["steady"]
    assert steady["tables"] > 0 and steady["inserts_per_s_per_table_max"] > 0
    # Buffered tables flush once a second (the interval), not per message (about 20 a second here); over the
    # 2 s measured, a window may hold 3 interval ends. Direct tables insert per message and are left out.
    assert "events.app_crashed" in steady["direct_tables"]
    assert 0 < steady["inserts_per_s_per_buffered_table_max"] <= 2.0, steady
