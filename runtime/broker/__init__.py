"""Brokers: RabbitMQ (aio-pika) and an in-process one with the same semantics, both driven by the topology."""

from ._base import Broker, BrokerUnavailable, Delivery, OutgoingMessage, PublishRejected
from .memory import MemoryBroker
from .rabbitmq import RabbitMQBroker
from .topology import Topology

__all__ = ["Broker", "BrokerUnavailable", "Delivery", "MemoryBroker", "OutgoingMessage", "PublishRejected",
           "RabbitMQBroker", "Topology"]
