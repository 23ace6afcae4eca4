"""Per-second series of a load run, and the PNG of events/s and p99 latency the end-to-end benchmark draws."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .ingest import LoadResult, percentile

__all__ = ["per_second", "write_plot"]


def per_second(phases: Sequence[tuple[str, float, LoadResult]]) -> list[dict[str, Any]]:
    """One point per second of each phase, on a shared clock: (phase name, its start in seconds, its result).
    A point holds the events acknowledged in that second and the p99 latency of the calls answered in it; the
    last, partial second of a phase counts at its own length, and is left out when shorter than half a second."""
    points = []
    for name, start, result in phases:
        buckets: dict[int, tuple[int, list[float]]] = {}
        for at, latency_ms, events in result.timeline:
            acked, latencies = buckets.setdefault(int(at), (0, []))
            latencies.append(latency_ms)
            buckets[int(at)] = (acked + events, latencies)
        for second in sorted(buckets):
            length = min(1.0, result.seconds - second)
            if length < 0.5:
                continue
            acked, latencies = buckets[second]
            points.append({"phase": name, "t": round(start + second, 2), "events_per_s": round(acked / length),
                           "p99_ms": round(percentile(sorted(latencies), 0.99), 2)})
    return points


def write_plot(points: list[dict[str, Any]], path: Path, title: str, baseline_events_per_s: float | None = None,
               latency_target_ms: float | None = None) -> Path:
    """Draws events/s (top) and p99 Dispatch latency (bottom) per second, a colour per phase."""
    try:
        import matplotlib
    except ImportError:
        raise RuntimeError("matplotlib is not installed: pip install 'eventgen[bench]' to get the plot") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (rate_axis, latency_axis) = plt.subplots(2, 1, sharex=True, figsize=(10, 6.5))
    for phase in dict.fromkeys(p["phase"] for p in points):
        mine = [p for p in points if p["phase"] == phase]
        times = [p["t"] for p in mine]
        rate_axis.plot(times, [p["events_per_s"] for p in mine], marker=".", label=phase)
        latency_axis.plot(times, [p["p99_ms"] for p in mine], marker=".", label=phase)
    if baseline_events_per_s:
        rate_axis.axhline(baseline_events_per_s, color="grey", linestyle="--",
                          label=f"naive baseline ({baseline_events_per_s:,.0f}/s)")
    if latency_target_ms:
        latency_axis.axhline(latency_target_ms, color="red", linestyle=":", label=f"target {latency_target_ms:g} ms")
    rate_axis.set_ylabel("events acknowledged / s")
    rate_axis.set_ylim(bottom=0)
    rate_axis.legend(loc="lower right", fontsize="small")
    rate_axis.grid(alpha=0.3)
    latency_axis.set_ylabel("p99 Dispatch latency (ms)")
    latency_axis.set_xlabel("seconds since the load started")
    latency_axis.set_ylim(bottom=0)
    latency_axis.legend(loc="upper right", fontsize="small")
    latency_axis.grid(alpha=0.3)
    figure.suptitle(title, fontsize="medium")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
