"""`eventgen bench insert` at small scale: every insert of every size and path lands, and the numbers come out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from runtime.bench.ingest import grpc_event_types
from tests.integration.ingest_harness import SCHEMA

ROOT = Path(__file__).resolve().parents[2]


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "codegen.cli", "bench", "insert", *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "200"})  # the error box wraps no message


@pytest.mark.clickhouse
def test_bench_insert_times_each_size_and_stores_every_row(tmp_path):
    results = tmp_path / "insert.json"
    done = _bench("--rows", "20,60", "--rounds", "2", "--results", str(results))
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert line == json.loads(results.read_text())
    tables = len([t for t in grpc_event_types(SCHEMA) if "select" in SCHEMA.inserts["events"][t]])
    assert line["event_types"] == tables and line["store"] == "chdb"
    # Each round's ids are its own, and each path's: 2 rounds x 2 paths.
    assert line["stored_rows"] == [rows * tables * 2 * 2 for rows in (20, 60)]
    assert set(line["paths"]) == {"transformer", "protobuf"}
    for path in line["paths"].values():
        assert [size["rows_per_insert"] for size in path["sizes"]] == [20, 60]
        for size in path["sizes"]:
            assert size["rows_per_s"] > 0 and size["cpu_ms_per_insert"] > 0
        assert set(path["fit"]) == {"cpu_ms_per_insert_alone", "cpu_us_per_row"}


def test_bench_insert_refuses_sizes_that_are_not_row_counts():
    done = _bench("--rows", "100,many")
    assert done.returncode == 2
    assert "'100,many' is not a comma-separated list of row counts" in done.stderr
    done = _bench("--rows", "0")
    assert done.returncode == 2 and "sizes need at least 1 row, not '0'" in done.stderr
