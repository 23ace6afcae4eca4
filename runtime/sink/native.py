"""Which event types ClickHouse decodes itself with the generated protobuf insert, and when.

An insert that ClickHouse decodes costs no Python per event, but more per insert (its SELECT is planned each
time), so it is chosen from `min_rows` rows on; smaller inserts, and event types whose columns only Python
makes (JSON of Struct fields), go through the generated transformer. When ClickHouse refuses a protobuf
insert (a server without the features it needs, an event it reads otherwise than protobuf does), the
transformer stores the batch instead and the event type stays on it for a while."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ..store.errors import StoreError
from ..store.protobuf_insert import ProtobufInsert, pii_parameters

__all__ = ["NativeInserts"]

log = logging.getLogger("eventgen.sink")


class NativeInserts:
    def __init__(self, inserts: dict[str, ProtobufInsert], pii_key: bytes, *, min_rows: int,
                 pause_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._inserts = inserts
        self.parameters = pii_parameters(pii_key)
        self._min_rows = min_rows
        self._pause_s = pause_s
        self._clock = clock
        self._paused_until: dict[str, float] = {}

    def choose(self, event_type: str, rows: int) -> ProtobufInsert | None:
        """The insert to use for `rows` events of this type, or None: the Python transformer's."""
        if rows < self._min_rows:
            return None
        insert = self._inserts.get(event_type)
        if insert is None:
            return None
        until = self._paused_until.get(event_type)
        if until is not None:
            if self._clock() < until:
                return None
            del self._paused_until[event_type]
        return insert

    def failed(self, event_type: str, error: StoreError) -> None:
        """ClickHouse refused a protobuf insert of this type: the transformer's inserts take over for a while."""
        if event_type not in self._paused_until:
            log.warning("ClickHouse refused the protobuf insert of %s (%s); its events go through the Python "
                        "transformer for %.0f s", event_type, error, self._pause_s,
                        extra={"component": "sink", "event_type": event_type})
        self._paused_until[event_type] = self._clock() + self._pause_s
