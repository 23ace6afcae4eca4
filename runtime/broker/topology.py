"""The generated RabbitMQ topology (generated/topology.json), optionally under a name prefix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Topology"]


@dataclass(frozen=True)
class Topology:
    """Exchanges, queues, bindings and dead-letter queues; `namespace` prefixes every name, so
    tests and side-by-side deployments do not share queues."""

    document: dict[str, Any]
    namespace: str = ""

    def name(self, name: str) -> str:
        return f"{self.namespace}.{name}" if self.namespace else name

    @property
    def delivery_limit(self) -> int:
        return int(self.document["delivery_limit"])

    @property
    def exchanges(self) -> list[dict[str, Any]]:
        return [{**x, "name": self.name(x["name"])} for x in self.document["exchanges"]]

    @property
    def dead_letter_exchange(self) -> dict[str, Any]:
        dlx = self.document["dead_letter_exchange"]
        return {**dlx, "name": self.name(dlx["name"])}

    def _queue(self, queue: dict[str, Any]) -> dict[str, Any]:
        arguments = dict(queue["arguments"])
        if "x-dead-letter-exchange" in arguments:
            arguments["x-dead-letter-exchange"] = self.name(arguments["x-dead-letter-exchange"])
            arguments["x-dead-letter-routing-key"] = self.name(arguments["x-dead-letter-routing-key"])
        renamed = {**queue, "name": self.name(queue["name"]), "arguments": arguments,
                   "bindings": [self._binding(b) for b in queue["bindings"]]}
        if "dead_letter_queue" in queue:
            renamed["dead_letter_queue"] = self.name(queue["dead_letter_queue"])
        return renamed

    def _binding(self, binding: dict[str, str]) -> dict[str, str]:
        # Dead letters are routed by the name of the queue they died in, which the namespace renames.
        dead_letter = binding["exchange"] == self.document["dead_letter_exchange"]["name"]
        key = self.name(binding["routing_key"]) if dead_letter else binding["routing_key"]
        return {"exchange": self.name(binding["exchange"]), "routing_key": key}

    @property
    def queues(self) -> list[dict[str, Any]]:
        return [self._queue(q) for q in self.document["queues"]]

    @property
    def dead_letter_queues(self) -> list[dict[str, Any]]:
        return [self._queue(q) for q in self.document["dead_letter_queues"]]

    def route(self, event_type: str) -> tuple[str, str]:
        """(exchange, routing key) an event type is published to."""
        event = self.document["events"][event_type]
        return self.name(event["exchange"]), event["routing_key"]

    def queue_of(self, event_type: str) -> str:
        return self.name(self.document["events"][event_type]["queue"])
