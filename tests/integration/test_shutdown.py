"""SIGTERM under load: the service drains, and every event a client was told is stored is stored, once."""

from __future__ import annotations

import asyncio
import signal
import uuid
from collections import Counter

import pytest

from runtime.bench._service import ServiceProcess
from runtime.bench.ingest import drive_load, grpc_event_types, sample_batches
from tests.integration.ingest_harness import SCHEMA
from tests.integration.sink_harness import query_in_subprocess

pytestmark = pytest.mark.clickhouse


def stored_ids(url: str, run: str) -> Counter[str]:
    tables = sorted(set(SCHEMA.transformers.TABLES.values()))
    union = " UNION ALL ".join(f"SELECT event_id FROM {t} WHERE startsWith(event_id, '{run}')" for t in tables)
    rows = query_in_subprocess(url, f"SELECT event_id, count() FROM ({union}) GROUP BY event_id")
    return Counter({event_id: int(n) for event_id, n in rows})


def test_sigterm_under_load_in_embedded_mode_loses_nothing(tmp_path):
    """The in-process broker keeps nothing past the process: the drain must empty it into the tables."""
    data = tmp_path / "data"
    service = ServiceProcess("--role", "all", "--data-dir", str(data), log=tmp_path / "all.log")
    service.wait_ready()
    run = f"term{uuid.uuid4().hex[:6]}"
    batches = sample_batches(SCHEMA, 16, 100, types=grpc_event_types(SCHEMA))

    async def load_then_terminate():
        load = asyncio.create_task(drive_load(SCHEMA, service.grpc_port, batches, clients=8, seconds=6,
                                              unique_ids=run))
        await asyncio.sleep(3)
        service.process.send_signal(signal.SIGTERM)
        return await load

    result = asyncio.run(load_then_terminate())
    assert service.process.wait(60) == 0, service.log.read_text()[-3000:]
    service.stop()
    acked = set(result.acked_ids)
    assert len(acked) > 1000
    stored = stored_ids(f"chdb://{data / 'clickhouse'}", run)
    assert not acked - set(stored), f"{len(acked - set(stored))} of {len(acked)} acknowledged events are missing"
    assert not [event_id for event_id, n in stored.items() if n > 1]
