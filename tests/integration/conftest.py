"""Fixtures for tests against the real RabbitMQ and ClickHouse engine: addresses from the environment."""

from __future__ import annotations

import os
import uuid

import pytest

AMQP_URL = os.environ.get("EVENTGEN_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


@pytest.fixture
def amqp_url() -> str:
    return AMQP_URL


@pytest.fixture
def namespace() -> str:
    return f"t{uuid.uuid4().hex[:10]}"
