"""Optional py-spy flame graphs of the benchmark's eventgen processes while the measured phase runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["Profiles"]


class Profiles:
    """One `py-spy record` per process (sampling without pausing it), each writing `<out>/<name>.svg`."""

    @staticmethod
    def py_spy() -> str:
        """The py-spy command; ValueError when it is not installed."""
        found = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
        if found is None:
            raise ValueError("--profile needs py-spy: pip install 'eventgen[bench]' (it samples the processes by "
                             "their pid, which also needs the right to ptrace them)")
        return found

    def __init__(self, pids: dict[str, int], seconds: float, out: Path) -> None:
        py_spy = self.py_spy()
        out.mkdir(parents=True, exist_ok=True)
        self.files = {name: out / f"{name}.svg" for name in pids}
        self._recorders = {
            name: subprocess.Popen([py_spy, "record", "--pid", str(pid), "--duration", str(max(1, round(seconds))),
                                    "--nonblocking", "--format", "flamegraph", "--output", str(self.files[name])],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for name, pid in pids.items()}

    def finish(self, timeout: float = 60.0) -> dict[str, str]:
        """Waits for the recorders; returns each process's flame graph, or why there is none."""
        written = {}
        for name, recorder in self._recorders.items():
            try:
                _, errors = recorder.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                recorder.kill()
                _, errors = recorder.communicate()
            file = self.files[name]
            written[name] = str(file) if file.exists() else f"no profile: {errors.decode().strip()[-300:]}"
        return written
