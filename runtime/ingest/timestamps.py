"""Event times: the server's receive time, the client's time, and the correction of skewed clocks."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["EventTimes", "correct_event_time"]

_YEAR_2000_US = 946_684_800_000_000
_DAY_US = 86_400_000_000


class EventTimes(NamedTuple):
    event_time_us: int
    # Why event_time is not simply the client's time: "", "clamped", "corrected", "missing", "impossible".
    adjustment: str


def correct_event_time(client_us: int | None, sent_us: int | None, received_us: int,
                       max_age_days: int) -> EventTimes:
    """The event time to store.

    With the client's send time, the device clock's skew is removed:
    event_time = received_at - (sent_at - client_time). A time in the future is clamped to the
    receive time; a time before 2000 or older than `max_age_days` is impossible and falls back to
    the receive time (a few bogus times must not spread a batch over many partitions).
    """
    if client_us is None:
        return EventTimes(received_us, "missing")
    adjustment = ""
    event_us = client_us
    if sent_us is not None and sent_us >= client_us:
        event_us = received_us - (sent_us - client_us)
        adjustment = "corrected" if event_us != client_us else ""
    if event_us > received_us:
        return EventTimes(received_us, "clamped")
    if event_us < _YEAR_2000_US or event_us < received_us - max_age_days * _DAY_US:
        return EventTimes(received_us, "impossible")
    return EventTimes(event_us, adjustment)
