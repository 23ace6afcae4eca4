"""A fake broker for unit tests of the logic around brokers (the real ones have integration tests)."""

from __future__ import annotations

import asyncio

from runtime.broker import BrokerUnavailable, OutgoingMessage


class FakeBroker:
    """Records publishes; can hold confirms back or fail them."""

    def __init__(self) -> None:
        self.published: list[OutgoingMessage] = []
        self.connected = True
        self.release = asyncio.Event()
        self.release.set()
        self.fail_with: Exception | None = None

    async def start(self) -> None:
        pass

    async def wait_connected(self, timeout: float) -> bool:
        return self.connected

    async def publish(self, message: OutgoingMessage, timeout: float) -> None:
        try:
            await asyncio.wait_for(self.release.wait(), timeout)
        except TimeoutError:
            raise BrokerUnavailable("no confirm in time") from None
        if self.fail_with is not None:
            raise self.fail_with
        self.published.append(message)

    async def close(self) -> None:
        pass
