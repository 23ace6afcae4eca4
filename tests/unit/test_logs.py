"""Log lines: text by default, JSON with --log-json; each names its component, and its queue and event type
where the call gave them."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from runtime.logs import configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def emit(capsys: pytest.CaptureFixture[str], json_lines: bool) -> list[str]:
    configure_logging(json_lines)
    logging.getLogger("eventgen.sink").warning("insert failed", extra={"queue": "web.pageviews",
                                                                       "event_type": "page_viewed"})
    logging.getLogger("runtime.broker.memory").warning("dropped a message")
    logging.getLogger("eventgen.ingest").error("publishing failed", extra={"component": "publisher"})
    logging.getLogger("aio_pika.robust_connection").warning("reconnecting")
    return capsys.readouterr().err.splitlines()


def test_text_lines_name_the_component_and_the_context(capsys, restore_logging):
    lines = emit(capsys, json_lines=False)
    assert lines[0].endswith("WARNING sink: insert failed [event_type=page_viewed queue=web.pageviews]")
    assert lines[1].endswith("WARNING broker: dropped a message")
    assert lines[2].endswith("ERROR   publisher: publishing failed")
    assert lines[3].endswith("WARNING aio_pika: reconnecting")


def test_json_lines_carry_the_component_and_the_context(capsys, restore_logging):
    records = [json.loads(line) for line in emit(capsys, json_lines=True)]
    assert [r["component"] for r in records] == ["sink", "broker", "publisher", "aio_pika"]
    assert (records[0]["queue"], records[0]["event_type"], records[0]["message"]) == (
        "web.pageviews", "page_viewed", "insert failed")
    assert "queue" not in records[1] and records[1]["logger"] == "runtime.broker.memory"
    assert records[2]["level"] == "error" and records[2]["time"].endswith("Z")
