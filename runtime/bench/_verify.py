"""The end-to-end benchmark's checks: when the sinks have drained, and whether every acknowledged event is
stored exactly once."""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from ..generated import GeneratedSchema

__all__ = ["Ledger", "StoredCheck", "check_stored", "queue_depths", "scrape", "scrape_by_label", "stored_count"]

# The service's counters the drain waits on: AMQP messages published (confirmed) and consumed by sinks.
PUBLISHED = "eventgen_publish_batch_events_count"
CONSUMED = "eventgen_messages_consumed_total"
SIDE_BY_SIDE = "eventgen_store_inserts_side_by_side"


def _samples(http_port: int, host: str, names: Iterable[str]) -> Iterator[Any]:
    query = urllib.parse.urlencode({"name[]": list(names)}, doseq=True)
    with urllib.request.urlopen(f"http://{host}:{http_port}/metrics" + (f"?{query}" if query else ""),
                                timeout=5) as answer:
        text = answer.read().decode()
    for family in text_string_to_metric_families(text):
        yield from family.samples


def scrape(http_port: int, host: str = "127.0.0.1", names: Iterable[str] = ()) -> dict[str, float]:
    """The service's metrics on /metrics (only the samples `names`, when given: the service renders a polled
    counter alone rather than its whole page), each sample name summed over its labels."""
    totals: dict[str, float] = {}
    for sample in _samples(http_port, host, names):
        totals[sample.name] = totals.get(sample.name, 0.0) + sample.value
    return totals


def scrape_by_label(http_port: int, sample_name: str, label: str, host: str = "127.0.0.1") -> dict[str, float]:
    """One sample of the service's /metrics summed by the values of one of its labels."""
    values: dict[str, float] = {}
    for sample in _samples(http_port, host, (sample_name,)):
        if sample.name == sample_name:
            key = sample.labels.get(label, "")
            values[key] = values.get(key, 0.0) + sample.value
    return values


async def queue_depths(amqp_url: str, queues: Iterable[str]) -> dict[str, int]:
    """Ready messages in each queue (RabbitMQ), by passive declaration; a queue that is not there is left out."""
    import aio_pika
    from aiormq.exceptions import ChannelNotFoundEntity

    depths: dict[str, int] = {}
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        for name in queues:
            channel = await connection.channel()
            try:
                queue = await channel.declare_queue(name, passive=True)
            except ChannelNotFoundEntity:
                continue
            depths[name] = int(queue.declaration_result.message_count or 0)
            await channel.close()
    return depths


@dataclass
class Ledger:
    """What the clients were told is stored: per call, its id prefix, its events and the indices rejected."""

    run: str
    calls: list[tuple[str, int, tuple[int, ...]]]

    @property
    def acked(self) -> int:
        return sum(n - len(rejected) for _, n, rejected in self.calls)


@dataclass(frozen=True)
class StoredCheck:
    acked: int
    # Acknowledged events found at least once.
    stored: int
    # Acknowledged events not found.
    lost: int
    # Event ids of this run found more than once, and the rows beyond the first of each.
    duplicates: int
    extra_rows: int
    # Events of calls that failed (the client was not told they are stored) found anyway.
    stored_unacknowledged: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _union(schema: GeneratedSchema) -> str:
    tables = sorted(set(schema.transformers.TABLES.values()))
    return " UNION ALL ".join(f"SELECT event_id FROM {t} WHERE startsWith(event_id, %(run)s)" for t in tables)


def stored_count(client: Any, schema: GeneratedSchema, run: str) -> int:
    """Distinct event ids of this run in the tables."""
    sql = f"SELECT uniqExact(event_id) FROM ({_union(schema)})"
    return int(client.query(sql, parameters={"run": run}).result_rows[0][0])


def check_stored(client: Any, schema: GeneratedSchema, ledger: Ledger) -> StoredCheck:
    """Counts, as queries see the tables (no FINAL, no merge awaited), the acknowledged ids present, those
    missing, and the ids present more than once. Ids are "<call prefix>-<index>", so the query groups
    them per call and the comparison with the ledger costs one row per call."""
    sql = (f"SELECT arrayStringConcat(arrayPopBack(splitByChar('-', event_id)), '-') AS call, count(), "
           f"countIf(copies > 1), sum(copies) FROM (SELECT event_id, count() AS copies FROM ({_union(schema)}) "
           f"GROUP BY event_id) GROUP BY call")
    found = {row[0]: (int(row[1]), int(row[2]), int(row[3]))
             for row in client.query(sql, parameters={"run": ledger.run}).result_rows}
    duplicates = sum(dups for _, dups, _ in found.values())
    extra_rows = sum(rows - ids for ids, _, rows in found.values())
    stored = 0
    for key, n, rejected in ledger.calls:
        ids, _, _ = found.pop(key, (0, 0, 0))
        stored += min(ids, n - len(rejected))
    acked = ledger.acked
    return StoredCheck(acked=acked, stored=stored, lost=acked - stored, duplicates=duplicates, extra_rows=extra_rows,
                       stored_unacknowledged=sum(ids for ids, _, _ in found.values()))


def wait_until(predicate: Any, timeout: float, poll: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll)
