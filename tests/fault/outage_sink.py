"""`eventgen run` with a switch for a store outage: SIGUSR1 detaches the tables' databases in the process's
embedded ClickHouse engine (every insert and read of them fails, as with a store that cannot be reached),
SIGUSR2 attaches them again. Each switch logs a line the fault suite waits for.

    python -m tests.fault.outage_sink run --role sink ...    # the arguments of `eventgen run`
"""

from __future__ import annotations

import asyncio
import logging
import signal

from codegen.cli import main
from runtime.app import App

log = logging.getLogger("eventgen.fault")
OUTAGE_STARTED, OUTAGE_ENDED = "store outage started", "store outage ended"
_start = App.start


async def _start_with_switch(self: App) -> None:
    await _start(self)
    loop = asyncio.get_running_loop()
    databases = sorted({table["database"] for table in self.schema.clickhouse["tables"]})

    async def switch(verb: str, line: str) -> None:
        assert self.store is not None, "the outage switch needs the sink role (a store)"
        for database in databases:
            await self.store.command(f"{verb} DATABASE {database}")
        log.warning("%s: %s DATABASE %s", line, verb, ", ".join(databases))

    loop.add_signal_handler(signal.SIGUSR1, lambda: loop.create_task(switch("DETACH", OUTAGE_STARTED)))
    loop.add_signal_handler(signal.SIGUSR2, lambda: loop.create_task(switch("ATTACH", OUTAGE_ENDED)))


App.start = _start_with_switch  # type: ignore[method-assign]

if __name__ == "__main__":
    main()
