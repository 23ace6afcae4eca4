"""Generated transformers against a reflective baseline (MessageToDict plus a generic flattener)."""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from google.protobuf import json_format

from ..generated import GeneratedSchema
from ..samples import SampleFactory
from ..transport import StampedEvent, make_batch

__all__ = ["reflective_columns", "run_transform_bench"]

_EPOCH_US = 1_767_225_600_000_000


def reflective_columns(envelope_class: Any, batch: Any) -> dict[str, list[Any]]:
    """What a hand-written pipeline without generated code does: decode, dict-ify, flatten."""
    rows = []
    for event_id, event_time, received_at, data in zip(batch.event_ids, batch.event_time_us, batch.received_at_us,
                                                       batch.envelopes, strict=True):
        envelope = envelope_class.FromString(data)
        row: dict[str, Any] = {"event_id": event_id, "event_time": event_time, "received_at": received_at}
        _flatten(json_format.MessageToDict(envelope, preserving_proto_field_name=True), "", row)
        rows.append(row)
    names = sorted({name for row in rows for name in row})
    return {name: [row.get(name) for row in rows] for name in names}


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}{key}_" if isinstance(item, dict) else f"{prefix}{key}", out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        items: list[dict[str, Any]] = []
        for element in value:
            flat: dict[str, Any] = {}
            _flatten(element, "", flat)
            items.append(flat)
        for key in sorted({k for item in items for k in item}):
            out[f"{prefix}_{key}"] = [item.get(key) for item in items]
    else:
        out[prefix.rstrip("_")] = value


def build_batches(schema: GeneratedSchema, events: int, seed: int) -> dict[str, Any]:
    """`events` stamped events spread evenly over every event type, one StampedBatch per type."""
    factory = SampleFactory(seed)
    types = schema.event_types
    distinct = {}
    for event_type in types:
        variants = []
        for _ in range(16):
            envelope = schema.envelope.Envelope()
            factory.fill(getattr(envelope, schema.envelope.ARMS[event_type]))
            factory.fill(envelope.header)
            variants.append(envelope.SerializeToString())
        distinct[event_type] = variants
    stamped: dict[str, list[StampedEvent]] = {t: [] for t in types}
    for i in range(events):
        event_type = types[i % len(types)]
        variants = distinct[event_type]
        stamped[event_type].append(StampedEvent(f"bench-{i}", _EPOCH_US + i, _EPOCH_US + i, None,
                                                variants[i % len(variants)]))
    return {t: make_batch(schema.transport.StampedBatch, t, events) for t, events in stamped.items()}


def _time(work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run_transform_bench(schema: GeneratedSchema, events: int, rounds: int, seed: int, out: Path) -> dict[str, Any]:
    batches = build_batches(schema, events, seed)
    # The inputs live for the whole run: keep the cyclic collector from rescanning them in every
    # collection, for both sides alike (a service does the same with its start-up objects).
    gc.collect()
    gc.freeze()
    transformers = schema.transformers.TRANSFORMERS
    envelope_class = schema.envelope.Envelope

    def generated() -> None:
        for event_type, batch in batches.items():
            transformers[event_type](batch, b"bench-key")

    def reflective() -> None:
        for batch in batches.values():
            reflective_columns(envelope_class, batch)

    generated_s, reflective_s = [], []
    for _ in range(rounds):  # alternate, so drift in the machine's speed hits both alike
        generated_s.append(_time(generated))
        reflective_s.append(_time(reflective))
    result = {
        "benchmark": "transform",
        "events": events,
        "event_types": len(batches),
        "rounds": rounds,
        "generated_events_per_s": round(events / statistics.median(generated_s)),
        "reflective_events_per_s": round(events / statistics.median(reflective_s)),
        "generated_seconds": [round(s, 3) for s in generated_s],
        "reflective_seconds": [round(s, 3) for s in reflective_s],
    }
    result["ratio"] = round(result["generated_events_per_s"] / result["reflective_events_per_s"], 2)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result
