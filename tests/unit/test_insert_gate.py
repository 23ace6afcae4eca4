"""The store's insert gate: one insert at a time while the store keeps up; a second beside it only once the first in
line has waited its time and the machine has CPU to spare; nothing lost to a cancelled waiter."""

from __future__ import annotations

import asyncio
import os

import pytest

from runtime.store._gate import InsertGate, SpareCores


class Spare:
    """Idle cores as the test sets them."""

    def __init__(self, cores: float) -> None:
        self.cores = cores

    def __call__(self) -> float:
        return self.cores


async def hold(gate: InsertGate, log: list[str], name: str, release: asyncio.Event) -> None:
    async with gate:
        log.append(name)
        await release.wait()


async def one_running(gate: InsertGate) -> tuple[list[str], asyncio.Event, asyncio.Task[None]]:
    """An insert ("first") holding the gate until the event returned is set; the log of those that started."""
    log: list[str] = []
    release = asyncio.Event()
    first = asyncio.create_task(hold(gate, log, "first", release))
    await until(lambda: log == ["first"])
    return log, release, first


async def until(condition, timeout: float = 2.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.005)


async def test_one_insert_at_a_time_until_the_first_in_line_has_waited_its_time():
    gate = InsertGate(2, spill_s=0.3, spare_cores=Spare(2.0))
    log, release, first = await one_running(gate)
    second = asyncio.create_task(hold(gate, log, "second", release))
    await asyncio.sleep(0.1)
    assert log == ["first"] and gate.waiting == 1  # not yet: it has waited 0.1 s of 0.3
    await until(lambda: log == ["first", "second"])  # then beside the first, without the first ending
    assert gate.running == 2 and gate.side_by_side == 1
    release.set()
    await asyncio.gather(first, second)
    assert gate.running == 0


async def test_no_second_insert_while_the_machine_has_no_core_to_spare():
    spare = Spare(0.1)
    gate = InsertGate(2, spill_s=0.0, spare_cores=spare)
    log, release, first = await one_running(gate)
    tasks = [first, asyncio.create_task(hold(gate, log, "second", release))]
    await asyncio.sleep(0.4)  # past a recheck or two
    assert log == ["first"] and gate.side_by_side == 0
    spare.cores = 1.0  # a core goes idle: the next recheck lets the second start
    await until(lambda: log == ["first", "second"])
    release.set()
    await asyncio.gather(*tasks)


async def test_inserts_start_in_the_order_they_came_and_at_most_threads_at_once():
    gate = InsertGate(2, spill_s=0.0, spare_cores=Spare(2.0))
    log: list[str] = []
    most = 0
    releases = [asyncio.Event() for _ in range(5)]

    async def one(n: int) -> None:
        nonlocal most
        async with gate:
            log.append(str(n))
            most = max(most, gate.running)
            await releases[n].wait()

    tasks = [asyncio.create_task(one(n)) for n in range(5)]
    await until(lambda: len(log) == 2)
    for n in range(5):
        releases[n].set()
        await asyncio.sleep(0.01)
    await asyncio.gather(*tasks)
    assert log == ["0", "1", "2", "3", "4"] and most == 2


async def test_a_cancelled_waiter_gives_its_turn_on():
    gate = InsertGate(1, spill_s=0.0, spare_cores=Spare(2.0))
    log, release, first = await one_running(gate)
    cancelled = asyncio.create_task(hold(gate, log, "cancelled", release))
    third = asyncio.create_task(hold(gate, log, "third", release))
    await until(lambda: gate.waiting == 2)
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    release.set()
    await asyncio.gather(first, third)
    assert log == ["first", "third"] and gate.running == 0 and gate.waiting == 0


async def test_one_thread_never_runs_two():
    gate = InsertGate(1, spill_s=0.0, spare_cores=Spare(8.0))
    running = []

    async def one() -> None:
        async with gate:
            running.append(gate.running)
            await asyncio.sleep(0.01)

    await asyncio.gather(*(one() for _ in range(6)))
    assert running == [1] * 6 and gate.side_by_side == 0


def test_spare_cores_reads_the_idle_time_between_two_readings(tmp_path):
    stat = tmp_path / "stat"
    stat.write_text("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3\n")
    spare = SpareCores(period=0.0, path=str(stat))
    stat.write_text("cpu  150 0 150 1000 100 0 0 0 0 0\ncpu0 1 2 3\n")  # 400 jiffies, 300 of them idle
    assert spare() == pytest.approx((os.cpu_count() or 1) * 0.75)
    assert SpareCores(path=str(tmp_path / "missing"))() == 0.0  # unknown: no core counted spare
