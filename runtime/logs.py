"""Logging: human-readable lines by default, JSON with --log-json; each line names its component, and its
event type, queue and source where the call gave them (`extra={"event_type": ..., "queue": ...}`)."""

from __future__ import annotations

import json
import logging
import sys
import time

__all__ = ["component_of", "configure_logging"]

_CONTEXT = ("event_type", "queue", "source")


def component_of(record: logging.LogRecord) -> str:
    """The component a line comes from: the one the call named, else the one its logger's name says
    ("eventgen.sink" -> "sink", "runtime.broker.rabbitmq" -> "broker", "aio_pika.robust_connection" -> "aio_pika")."""
    given = getattr(record, "component", None)
    if given:
        return str(given)
    parts = record.name.split(".")
    if parts[0] in ("eventgen", "runtime") and len(parts) > 1:
        return parts[1]
    return parts[0] or "root"


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
                "level": record.levelname.lower(), "component": component_of(record), "logger": record.name,
                "message": record.getMessage()}
        for key in _CONTEXT:
            if getattr(record, key, None) not in (None, ""):
                line[key] = getattr(record, key)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


class _TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        context = " ".join(f"{k}={getattr(record, k)}" for k in _CONTEXT if getattr(record, k, None) not in (None, ""))
        text = (f"{self.formatTime(record, '%H:%M:%S')} {record.levelname:<7} {component_of(record)}: "
                f"{record.getMessage()}")
        text = f"{text} [{context}]" if context else text
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def configure_logging(json_lines: bool, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if json_lines else _TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiormq").setLevel(logging.WARNING)
    logging.getLogger("aio_pika").setLevel(logging.WARNING)
