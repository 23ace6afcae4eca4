"""One worker pool per source: a bounded queue of requests and a few workers; full means back off."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..metrics import Metrics
from .batcher import Completion

__all__ = ["Backpressure", "SourcePool", "WorkItem"]

log = logging.getLogger("eventgen.ingest")


class Backpressure(Exception):
    """A pool is full: the client should retry after `retry_after` seconds."""

    def __init__(self, source: str, retry_after: float) -> None:
        what = "the server has too many events waiting for the broker" if source == "server" else \
            f"the {source} pool is full"
        super().__init__(f"{what}; retry after {retry_after:g}s")
        self.source = source
        self.retry_after = retry_after


@dataclass(slots=True)
class WorkItem:
    """The events of one request from one source, and how to tell the request they are stored."""

    events: Sequence[tuple[str, Any]]  # (event type, envelope)
    received_at_us: int
    header_suffix: bytes  # the batch header, for events without one (envelope.batch_header_suffix)
    completion: Completion
    retried: bool = False  # the client says the request is a retry: the broker may hold its events already


class SourcePool:
    def __init__(self, source: str, workers: int, queue_size: int, handle: Callable[[WorkItem], None],
                 metrics: Metrics) -> None:
        self.source = source
        self._queue: asyncio.Queue[WorkItem] = asyncio.Queue(queue_size)
        self._handle = handle
        self._metrics = metrics
        self._workers = [asyncio.get_running_loop().create_task(self._work(), name=f"pool-{source}-{i}")
                         for i in range(workers)]

    async def submit(self, item: WorkItem, wait: float) -> None:
        try:
            self._queue.put_nowait(item)
        except asyncio.QueueFull:
            try:
                await asyncio.wait_for(self._queue.put(item), wait)
            except TimeoutError:
                raise Backpressure(self.source, retry_after=1.0) from None
        self._metrics.pool_depth.labels(self.source).set(self._queue.qsize())

    async def _work(self) -> None:
        while True:
            item = await self._queue.get()
            try:
                self._handle(item)
            except Exception as exc:
                log.exception("a %s worker failed on a request of %d events", self.source, len(item.events),
                              extra={"component": "pool", "source": self.source})
                self._metrics.worker_errors.labels("pool").inc()
                item.completion.fail(exc)
            finally:
                self._queue.task_done()

    async def join(self, timeout: float) -> None:
        """Waits until every queued request was handed to the batchers."""
        try:
            await asyncio.wait_for(self._queue.join(), timeout)
        except TimeoutError:
            log.warning("the %s pool still held %d requests at shutdown", self.source, self._queue.qsize())

    async def close(self) -> None:
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
