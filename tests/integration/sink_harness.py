"""Helpers for sink tests: reading the embedded ClickHouse of another process, waiting for rows."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_QUERY = """
import json, sys
from runtime.store.connect import open_client
client = open_client(sys.argv[1])
print(json.dumps([list(r) for r in client.query(sys.argv[2]).result_rows], default=str))
"""


def query_in_subprocess(url: str, sql: str) -> list[list[Any]]:
    """Runs a query in a process of its own: an embedded engine's data folder belongs to one process at a time."""
    done = subprocess.run([sys.executable, "-c", _QUERY, url, sql], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


async def wait_for(predicate: Any, timeout: float, poll: float = 0.2) -> bool:
    import asyncio

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(poll)
    return False
