"""The generated code of each golden case runs: envelope -> transformer -> ClickHouse -> select.

Each case is generated into a temporary folder and exercised by _exercise_generated.py in a process
of its own (the generated modules have fixed names: one schema per process), against an embedded
chDB in that folder; the processes of the selected cases run side by side. The test always uses the
embedded engine: the generated DDL names fixed databases, which tests sharing a server would trample.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.files import write_tree

from ._cases import case_names, generate_case

pytestmark = [pytest.mark.golden, pytest.mark.clickhouse]

SCRIPT = Path(__file__).resolve().parent / "_exercise_generated.py"
# 2026-11-27T09:30:00.123456Z, the instant the exerciser puts in every google.protobuf.Timestamp.
T_US = 1_795_771_800_123_456
# What the generic filler cannot guess: envelope times in the unit each case configures, and the
# microseconds envelope.client_time_us() and sent_at_us() must make of them.
SPECS: dict[str, dict] = {
    "minimal": {"client_time_us": T_US},
    "all_field_kinds": {"client_time_us": T_US},
    "cluster": {"client_time_us": T_US},
    "shared_table": {},
    "keywords_and_vendored": {},
    "options": {"envelope": {"happened_at_us": T_US, "sent_at_us": T_US + 250_000},
                "client_time_us": T_US, "sent_at_us": T_US + 250_000},
    "byo_segment_style": {"envelope": {"timestamp": "2026-11-27T09:30:00.123456Z",
                                       "sentAt": "2026-11-27T10:30:00.5+01:00"},
                          "client_time_us": T_US, "sent_at_us": 1_795_771_800_500_000},
    "byo_snowplow_style": {"envelope": {"dtm": "1795771800123", "stm": " 1795771800456 "},
                           "client_time_us": 1_795_771_800_123_000, "sent_at_us": 1_795_771_800_456_000},
}
RUNNABLE = [case for case in case_names() if not case.startswith("error_")]


@dataclass
class _Run:
    process: subprocess.Popen[str]
    generated: Path


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, _Run]]:
    """Starts the exerciser for every selected case at once. The processes are independent and
    spend most of their time starting chDB, so side by side they take a fraction of the time."""
    selected: set[str] = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is request.module and callspec is not None and "case" in callspec.params:
            selected.add(callspec.params["case"])
    started: dict[str, _Run] = {}
    for case in sorted(selected):
        outcome = generate_case(case)
        if outcome.files is None:
            continue  # the test reports the error
        folder = tmp_path_factory.mktemp(case)
        write_tree(outcome.files, folder / "generated")
        process = subprocess.Popen(
            [sys.executable, "-I", str(SCRIPT), str(folder / "generated"), str(folder / "chdb"),
             json.dumps(SPECS.get(case, {}))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started[case] = _Run(process, folder / "generated")
    yield started
    for run in started.values():
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()


def test_every_generating_case_has_a_spec() -> None:
    assert sorted(SPECS) == RUNNABLE


@pytest.mark.parametrize("case", RUNNABLE)
def test_generated_code_runs(case: str, runs: dict[str, _Run]) -> None:
    outcome = generate_case(case)
    assert outcome.files is not None, outcome.error
    run = runs[case]
    stdout, stderr = run.process.communicate(timeout=180)
    assert run.process.returncode == 0, f"{case}: the generated code failed\n{stdout}\n{stderr}"
    summary = json.loads(stdout.strip().splitlines()[-1])
    assert sorted(summary) == sorted(json.loads((run.generated / "topology.json").read_text())["events"])
    assert all(event["checked"] > 0 for event in summary.values()), summary
