"""Retry with exponential backoff and jitter, behind a circuit breaker that waits for the store's probe."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..store.errors import StoreError

__all__ = ["CircuitBreaker", "retry_store"]

log = logging.getLogger("eventgen.sink")
T = TypeVar("T")


class CircuitBreaker:
    """Open while the store fails: writers wait for the health probe instead of hammering it."""

    def __init__(self, healthy: Callable[[], bool], on_change: Callable[[str], None] = lambda state: None) -> None:
        self._healthy = healthy
        self._on_change = on_change
        self.state = "closed"

    def failed(self) -> None:
        if self.state != "open":
            self.state = "open"
            self._on_change("open")

    def succeeded(self) -> None:
        if self.state != "closed":
            self.state = "closed"
            self._on_change("closed")

    async def wait_until_worth_trying(self, poll: float = 0.2) -> None:
        while self.state == "open" and not self._healthy():
            await asyncio.sleep(poll)


async def retry_store(call: Callable[[], Awaitable[T]], breaker: CircuitBreaker, *, what: str,
                      first_delay: float = 0.2, max_delay: float = 5.0,
                      stopping: Callable[[], bool] = lambda: False) -> T:
    """Runs `call` until it succeeds or fails permanently (a StoreError that is not retryable, raised).
    Retryable failures open the breaker; attempts wait for the store's probe and back off with jitter."""
    delay = first_delay
    attempt = 0
    while True:
        await breaker.wait_until_worth_trying()
        try:
            result = await call()
        except StoreError as exc:
            if not exc.retryable:
                breaker.succeeded()  # the store answered: it is the data that is wrong
                raise
            attempt += 1
            breaker.failed()
            if attempt == 1 or attempt % 10 == 0:
                log.warning("%s failed (attempt %d), retrying: %s", what, attempt, exc, extra={"component": "sink"})
            if stopping():
                raise
            await asyncio.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, max_delay)
            continue
        breaker.succeeded()
        return result
