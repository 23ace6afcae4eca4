"""What both brokers share about deliveries: settled exactly once, handlers run as tasks that cannot kill a consumer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

from ._base import Delivery
from ._body import UndecodableBody, decode_body

__all__ = ["HandlerTasks", "TrackedDelivery"]


class TrackedDelivery:
    """A delivery that refuses a second ack or reject and tells its consumer once it is settled."""

    __slots__ = ("body", "body_error", "message_id", "headers", "routing_key", "content_type", "redelivered",
                 "delivery_count", "_settled", "_on_settled")

    def __init__(self, *, body: bytes, message_id: str, headers: Mapping[str, object], routing_key: str,
                 content_type: str, redelivered: bool, delivery_count: int, content_encoding: str = "",
                 on_settled: Callable[[], None] | None = None) -> None:
        # The body as it was published (_body.py); one that cannot be decompressed stays as it came, with the reason.
        self.body_error: str | None = None
        try:
            body = decode_body(body, content_encoding)
        except UndecodableBody as exc:
            self.body_error = str(exc)
        self.body = body
        self.message_id = message_id
        self.headers = headers
        self.routing_key = routing_key
        self.content_type = content_type
        self.redelivered = redelivered
        self.delivery_count = delivery_count
        self._settled = False
        self._on_settled = on_settled

    @property
    def settled(self) -> bool:
        return self._settled

    async def ack(self) -> None:
        self._settle("ack")
        try:
            await self._ack()
        finally:
            self._notify()

    async def reject(self, requeue: bool) -> None:
        self._settle("reject")
        try:
            await self._reject(requeue)
        finally:
            self._notify()

    def _settle(self, action: str) -> None:
        if self._settled:
            raise RuntimeError(f"cannot {action} message {self.message_id!r}: it was already acked or rejected")
        self._settled = True

    def _notify(self) -> None:
        # Even when the ack could not be sent the delivery is over: the broker hands the message out again.
        if self._on_settled is not None:
            on_settled, self._on_settled = self._on_settled, None
            on_settled()

    async def _ack(self) -> None:
        raise NotImplementedError

    async def _reject(self, requeue: bool) -> None:
        raise NotImplementedError


class HandlerTasks:
    """Runs a consumer's handler once per delivery, each in a task of its own; a handler that raises is logged
    and its delivery rejected with requeue (counting toward the delivery limit), and the consumer goes on."""

    def __init__(self, handler: Callable[[Delivery], Awaitable[None]], queue: str, logger: logging.Logger) -> None:
        self._handler = handler
        self._queue = queue
        self._log = logger
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, delivery: TrackedDelivery) -> None:
        task = asyncio.create_task(self._run(delivery), name=f"eventgen-handler-{self._queue}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, delivery: TrackedDelivery) -> None:
        try:
            await self._handler(delivery)
        except Exception:
            self._log.exception("handler for queue %s failed on message %s (delivery %d); requeueing it",
                                self._queue, delivery.message_id, delivery.delivery_count + 1)
            if not delivery.settled:
                try:
                    await delivery.reject(requeue=True)
                except Exception as exc:  # the channel is gone: the broker requeues the message by itself
                    self._log.warning("could not requeue message %s on %s: %s", delivery.message_id, self._queue, exc)

    async def drain(self, timeout: float) -> None:
        """Waits up to `timeout` seconds for running handlers, then cancels the rest."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            self._log.warning("cancelled %d handlers of queue %s still running after %.0fs",
                              len(pending), self._queue, timeout)
            await asyncio.gather(*pending, return_exceptions=True)
