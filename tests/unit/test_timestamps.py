"""Event time correction: skewed clocks, future times, impossible times."""

from runtime.ingest.timestamps import EventTimes, correct_event_time

RECEIVED = 1_767_225_600_000_000  # 2026-01-01T00:00:00Z
SECOND = 1_000_000


def test_no_client_time_uses_the_receive_time():
    assert correct_event_time(None, None, RECEIVED, 365) == EventTimes(RECEIVED, "missing")


def test_client_time_in_the_past_is_kept():
    times = correct_event_time(RECEIVED - 5 * SECOND, None, RECEIVED, 365)
    assert (times.event_time_us, times.adjustment) == (RECEIVED - 5 * SECOND, "")


def test_future_client_time_is_clamped_to_the_receive_time():
    times = correct_event_time(RECEIVED + 3600 * SECOND, None, RECEIVED, 365)
    assert (times.event_time_us, times.adjustment) == (RECEIVED, "clamped")


def test_sent_at_corrects_a_device_clock_that_runs_an_hour_fast():
    skew = 3600 * SECOND
    happened = RECEIVED - 10 * SECOND
    sent = RECEIVED
    # The device's clock reads an hour ahead for both its times.
    times = correct_event_time(happened + skew, sent + skew, RECEIVED, 365)
    assert (times.event_time_us, times.adjustment) == (happened, "corrected")


def test_sent_before_the_event_is_ignored_and_the_time_clamped():
    times = correct_event_time(RECEIVED + SECOND, RECEIVED - SECOND, RECEIVED, 365)
    assert times.event_time_us == RECEIVED


def test_times_before_2000_or_older_than_the_maximum_age_are_impossible():
    assert correct_event_time(0, None, RECEIVED, 365).adjustment == "impossible"
    assert correct_event_time(-5, None, RECEIVED, 365).event_time_us == RECEIVED
    old = RECEIVED - 400 * 86_400 * SECOND
    assert correct_event_time(old, None, RECEIVED, 365) == EventTimes(RECEIVED, "impossible")
    assert correct_event_time(old, None, RECEIVED, 500).event_time_us == old
