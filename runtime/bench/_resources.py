"""Samples the resident memory and CPU time of benchmark processes while they run (Linux /proc)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

__all__ = ["ProcessSampler", "cpu_seconds", "peak_rss_mb", "rabbitmq_pid"]

_TICKS = os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM, the kernel's high-water mark), in MiB; 0 if gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process used so far; 0 if gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


@dataclass
class _Sample:
    pid: int
    peak_rss_mb: float = 0.0
    cpu_s: float = 0.0


class ProcessSampler:
    """A thread reading each named process's peak memory and CPU time every `interval` seconds, keeping the
    last values seen, so the numbers survive the process's exit (read them after `stop`)."""

    def __init__(self, interval: float = 0.25) -> None:
        self._interval = interval
        self._samples: dict[str, _Sample] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="eventgen-bench-sampler", daemon=True)

    def watch(self, name: str, pid: int) -> None:
        with self._lock:
            self._samples[name] = _Sample(pid)
        self.sample()
        if not self._thread.is_alive() and not self._stop.is_set():
            self._thread.start()

    def sample(self) -> None:
        """Reads every watched process now (call it just before stopping one, to catch its last numbers)."""
        with self._lock:
            for sample in self._samples.values():
                sample.peak_rss_mb = max(sample.peak_rss_mb, peak_rss_mb(sample.pid))
                sample.cpu_s = max(sample.cpu_s, cpu_seconds(sample.pid))

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.sample()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def rss_mb(self) -> dict[str, float]:
        with self._lock:
            return {name: s.peak_rss_mb for name, s in self._samples.items()}

    def cpu_s(self) -> dict[str, float]:
        with self._lock:
            return {name: round(s.cpu_s, 2) for name, s in self._samples.items()}

    def __enter__(self) -> ProcessSampler:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def rabbitmq_pid() -> int | None:
    """The pid of a RabbitMQ node running on this machine (its Erlang VM), for its CPU time; None if none is."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                argv = cmdline.read().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"beam.smp") and any(b"rabbit" in arg for arg in argv):
            return int(entry)
    return None
