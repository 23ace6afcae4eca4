"""What a broker does for eventgen: publish with confirms, consume with acknowledgements."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["Broker", "BrokerUnavailable", "Delivery", "OutgoingMessage", "PublishRejected"]


class BrokerUnavailable(Exception):
    """The broker is not connected, or did not confirm in time: nothing is known to be stored, retry."""


class PublishRejected(Exception):
    """The broker refused the message for good (unroutable, nack): retrying will not help."""


@dataclass(frozen=True)
class OutgoingMessage:
    exchange: str
    routing_key: str
    body: bytes
    # Stable across retries: derived from the ids of the events the message carries.
    message_id: str
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/x-protobuf"


class Delivery(Protocol):
    """One message handed to a consumer; it must be acked or rejected exactly once."""

    body: bytes
    # Why the body is not as it was published (a content-encoding that cannot be undone), else None.
    body_error: str | None
    message_id: str
    headers: Mapping[str, object]
    routing_key: str
    content_type: str
    redelivered: bool
    # How many times it was delivered before (0 on the first delivery), where the broker says.
    delivery_count: int

    async def ack(self) -> None: ...

    # requeue=True returns it (counting toward the delivery limit); False dead-letters it at once.
    async def reject(self, requeue: bool) -> None: ...


class Broker(Protocol):
    """Declares the topology, publishes persistently with confirms, consumes with manual acks."""

    # Connections lost (and being remade) since start.
    reconnects: int

    @property
    def connected(self) -> bool: ...

    async def start(self) -> None:
        """Starts connecting (and reconnecting) in the background; returns at once, even when the
        broker is down. The topology is declared on every (re)connection."""

    async def wait_connected(self, timeout: float) -> bool: ...

    async def publish(self, message: OutgoingMessage, timeout: float) -> None:
        """Returns once the broker has confirmed the message (persistent, routed to a queue).
        Raises BrokerUnavailable when it cannot within `timeout` seconds (while disconnected, too),
        PublishRejected when the broker refuses it."""

    async def consume(self, queue: str, prefetch: int,
                      handler: Callable[[Delivery], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        """Delivers the queue's messages to `handler` (with at most `prefetch` unacked), resuming
        after reconnections; returns a coroutine function that cancels the consumer."""

    async def get(self, queue: str, timeout: float) -> Delivery | None:
        """Takes one message from the queue (to ack or reject like a consumed one), or None when none
        arrives within `timeout` seconds: for tools such as the dead-letter CLI."""

    async def queue_depth(self, queue: str) -> int:
        """Messages ready in the queue (not counting those delivered and not yet acked)."""

    async def close(self) -> None: ...
