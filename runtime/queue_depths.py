"""Depths of the topology's queues and dead-letter queues, polled: consumer lag and dead letters for
/metrics, and the queue part of /stats."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from .broker import Broker, BrokerUnavailable, Topology
from .metrics import Metrics

__all__ = ["QueueDepth", "QueueDepths"]

log = logging.getLogger("eventgen.queues")
# How long stopping waits for a poll in progress before cancelling it.
_STOP_GRACE = 10.0


@dataclass(frozen=True)
class QueueDepth:
    """One queue of the topology: messages ready for its sink, and messages held in its dead-letter queue
    (None where the broker could not say, with `error` saying why)."""

    queue: str
    ready: int | None
    dead_letter_queue: str
    dead_letters: int | None
    error: str = ""


class QueueDepths:
    """Asks the broker how many messages wait in each queue; `run()` does it every `interval` seconds and
    keeps eventgen_consumer_lag and eventgen_dead_letter_queue_depth up to date."""

    def __init__(self, broker: Broker, topology: Topology, metrics: Metrics, interval: float = 5.0) -> None:
        self._broker = broker
        self._queues = [(q["name"], q.get("dead_letter_queue", "")) for q in topology.queues]
        self._metrics = metrics
        self._interval = interval
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    async def poll(self) -> list[QueueDepth]:
        """Every queue's depths, now. Raises BrokerUnavailable when the broker is not connected."""
        if not self._broker.connected:
            raise BrokerUnavailable("the broker is not connected, so queue depths are unknown")
        depths = []
        for queue, dead_letter_queue in self._queues:
            if self._stopping.is_set():  # the service is stopping: what is known so far
                break
            ready = dead = None
            error = ""
            try:
                ready = await self._broker.queue_depth(queue)
                self._metrics.consumer_lag.labels(queue).set(ready)
                if dead_letter_queue:
                    dead = await self._broker.queue_depth(dead_letter_queue)
                    self._metrics.dead_letter_depth.labels(queue).set(dead)
            except LookupError as exc:  # deleted on RabbitMQ behind the service's back
                error = str(exc).strip("'\"")
            depths.append(QueueDepth(queue, ready, dead_letter_queue, dead, error))
        return depths

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="eventgen-queue-depths")

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.poll()
            except BrokerUnavailable:
                pass  # the broker's own connection logs say why; the gauges keep their last values
            except Exception:
                log.exception("polling the queue depths failed", extra={"component": "queues"})
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval):
                    await self._stopping.wait()

    async def stop(self, grace: float = _STOP_GRACE) -> None:
        """Ends the polling after the call in progress, rather than cancelling it: aiormq closes the channel of a
        cancelled call, and a cancel that lands while that channel closes can leave RabbitMQ seeing a frame on a
        closed channel, which closes the whole connection (CHANNEL_ERROR). Bounded: after `grace` seconds the
        call is cancelled, and waited for no longer than that again."""
        self._stopping.set()
        task, self._task = self._task, None
        if task is None:
            return
        if not (await asyncio.wait({task}, timeout=grace))[0]:
            task.cancel()
            if not (await asyncio.wait({task}, timeout=grace))[0]:
                log.warning("a queue-depth call did not end %.0fs after being cancelled; leaving it", grace,
                            extra={"component": "queues"})
