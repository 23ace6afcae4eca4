"""Fixtures of the fault suite: the RabbitMQ address, a namespace per test, pipelines stopped after it, and
RabbitMQ left running after every test, however the test ended."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.fault.harness import FaultPipeline
from tests.fault.rabbitmq import MARKER, ensure_running
from tests.integration.conftest import amqp_url, namespace  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def rabbitmq_left_running() -> Iterator[None]:
    """A test stopped inside a disruption (a timeout, an error in its cleanup) leaves the mark behind: RabbitMQ
    is brought back before and after every test when the mark is there."""
    _bring_back()
    yield
    _bring_back()


def _bring_back() -> None:
    if MARKER.exists():
        ensure_running()
        MARKER.unlink()


@pytest.fixture
def make_pipeline(amqp_url, namespace, tmp_path) -> Iterator[Callable[..., FaultPipeline]]:  # noqa: F811
    made: list[FaultPipeline] = []

    def make(**options: Any) -> FaultPipeline:
        pipeline = FaultPipeline(tmp_path / f"p{len(made)}", amqp_url, f"{namespace}{len(made) or ''}", **options)
        made.append(pipeline)
        return pipeline

    yield make
    _bring_back()  # before the namespaces are deleted, which needs RabbitMQ
    for pipeline in made:
        pipeline.close()
