"""Kill-test harness: run `python -m elderdesk ...` on a copy of a prepared database, SIGKILL it
at a random moment of the operation, and report where the kill landed (from the tracer marks).

The operation is first measured (calibration runs to the end). The kill moment is then drawn
within it: before the first milestone (anchored at process start), between the first and the
last milestone (anchored at the first), or shortly after the last one. Anchoring at the marks
as they appear keeps the draw inside the operation even when the machine is busy.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TRACER = Path(__file__).resolve().parent / "tracer"
TODAY = "2026-05-20"
POLL = 0.002


@dataclass(frozen=True)
class Milestone:
    tag: str  # B/E/C (transaction) or S/R (online backup)
    caller: str  # the function that opened the transaction, or "backup"

    def seen(self, marks: list[tuple[str, str, float]]) -> float | None:
        for tag, caller, t in marks:
            if tag == self.tag and caller == self.caller:
                return t
        return None


@dataclass(frozen=True)
class Operation:
    """A command, the milestones that split it into phases (len(phases) = milestones + 1)."""

    name: str
    argv: Callable[[Path], list[str]]  # work folder → arguments after `python -m elderdesk`
    milestones: tuple[Milestone, ...]
    phases: tuple[str, ...]


@dataclass
class RunResult:
    phase: str
    outcome: str
    killed_at: float  # seconds after start
    returncode: int | None


@dataclass
class Campaign:
    seed: int
    timings: list[float]  # calibration: milestone times after start, then the end
    results: list[RunResult] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(r.phase for r in self.results)

    def table(self) -> Counter:
        return Counter((r.phase, r.outcome) for r in self.results)


def environment(trace: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ELDERDESK_FAST_HASH="1", ELDERDESK_PASSWORD=ADMIN_PASSWORD, ELDERDESK_TODAY=TODAY,
               ELDERDESK_TRACE=str(trace), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(TRACER), str(ROOT)]))
    return env


def read_marks(trace: Path) -> list[tuple[str, str, float]]:
    if not trace.exists():
        return []
    marks = []
    for line in trace.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4:
            marks.append((parts[0], parts[2], float(parts[3])))
    return marks


def phase_of(op: Operation, marks: list[tuple[str, str, float]]) -> str:
    reached = 0
    for m in op.milestones:
        if m.seen(marks) is None:
            break
        reached += 1
    return op.phases[reached]


def start(op: Operation, work: Path) -> tuple[subprocess.Popen, Path, float]:
    trace = work / "trace.txt"
    trace.unlink(missing_ok=True)
    begun = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "elderdesk", *op.argv(work)], cwd=ROOT,
                            env=environment(trace), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return proc, trace, begun


def calibrate(op: Operation, prepare: Callable[[Path], None], work: Path) -> list[float]:
    """One full run: when each milestone was reached and when the process ended (seconds)."""
    prepare(work)
    proc, trace, begun = start(op, work)
    assert proc.wait(timeout=120) == 0, f"{op.name}: the calibration run failed"
    ended = time.monotonic() - begun
    marks = read_marks(trace)
    times = [m.seen(marks) for m in op.milestones]
    assert all(t is not None for t in times), (op.name, marks)
    return [t - begun for t in times] + [ended]  # type: ignore[operator]


def _wait_for(proc: subprocess.Popen, trace: Path, milestone: Milestone) -> float | None:
    while proc.poll() is None:
        t = milestone.seen(read_marks(trace))
        if t is not None:
            return t
        time.sleep(POLL)
    return None


def kill_once(op: Operation, work: Path, timings: list[float], rng: random.Random,
              verify: Callable[[Path, str], str]) -> RunResult:
    """One run killed at a drawn moment; verify(work, phase) checks the files, names the outcome."""
    first, last, end = timings[0], timings[-2], timings[-1]
    draw = rng.random()
    proc, trace, begun = start(op, work)
    if draw < 0.15:  # before the operation's first milestone
        time.sleep(rng.uniform(0.05, first))
    elif draw < 0.85:  # inside it
        if _wait_for(proc, trace, op.milestones[0]) is not None:
            time.sleep(rng.uniform(0, max(last - first, 0.005)))
    elif _wait_for(proc, trace, op.milestones[-1]) is not None:  # after its last milestone
        time.sleep(rng.uniform(0, min(0.3, max(end - last, 0.005))))
    killed_at = time.monotonic() - begun
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    returncode = proc.wait(timeout=60)
    # A run that ended by itself before the kill counts as after the last milestone.
    phase = op.phases[-1] if returncode == 0 else phase_of(op, read_marks(trace))
    if returncode not in (0, -signal.SIGKILL):
        return RunResult(phase, f"EXIT {returncode}", round(killed_at, 3), returncode)
    try:
        outcome = verify(work, phase)
    except AssertionError as exc:  # reported with the others (and the seed), not alone
        outcome = f"CHECK FAILED: {exc}"
    return RunResult(phase, outcome, round(killed_at, 3), returncode)


def campaign(op: Operation, prepare: Callable[[Path], None], verify: Callable[[Path, str], str],
             folder: Path, runs: int = 20, workers: int = 2) -> Campaign:
    """Calibrate, then `runs` kills (two at a time), each on a fresh copy (prepare(work))."""
    seed = int(os.environ.get("ELDERDESK_KILL_SEED", time.time_ns() % 1_000_000))
    timings = calibrate(op, prepare, folder / "calibration")
    done = verify(folder / "calibration", op.phases[-1])
    assert done == "all", f"{op.name}: a run to the end left {done}"
    result = Campaign(seed, timings)

    def one(i: int) -> RunResult:
        work = folder / f"run{i:02d}"
        if work.exists():
            shutil.rmtree(work)
        prepare(work)
        try:
            return kill_once(op, work, timings, random.Random(seed * 1000 + i), verify)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # the seed replays a run; disk stays small

    with ThreadPoolExecutor(workers) as pool:
        result.results = list(pool.map(one, range(runs)))
    return result


def report(name: str, c: Campaign) -> str:
    rows = ", ".join(f"{p}→{o}: {n}" for (p, o), n in sorted(c.table().items()))
    times = " / ".join(f"{t:.2f}" for t in c.timings)
    return (f"{name}: {len(c.results)} kills (seed {c.seed}; milestones/end at {times} s): "
            f"{rows}")
