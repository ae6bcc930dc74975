"""Background work (ui/ops.py): the garbage collector never runs in a worker thread (it would
destroy the GUI's Qt objects there), and no job outlives wait_done (a worker running while
Python shuts down crashes the program)."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtCore import QTimer

from elderdesk.ui.ops import resume_collector


class _Cycle:
    pass


def test_no_collection_runs_in_a_worker(qtbot, ops):
    assert gc.isenabled() and resume_collector()
    off_thread: list[str] = []
    during: list[bool] = []

    def on_collect(phase: str, _info: dict) -> None:
        if phase == "start" and threading.current_thread() is not threading.main_thread():
            off_thread.append(threading.current_thread().name)

    garbage = _Cycle()
    garbage.me = garbage
    garbage.timer = QTimer()  # owned by Python: whoever collects the cycle destroys it
    garbage.timer.start(60_000)
    gone = weakref.ref(garbage)
    del garbage

    def allocate() -> int:  # far past every threshold of the automatic collector
        during.append(gc.isenabled())
        return len([[i] for i in range(200_000)])

    gc.callbacks.append(on_collect)
    try:
        done: list[int] = []
        ops.run(allocate, done.append, write=True)
        ops.wait_done()
        assert done == [200_000] and during == [False]
        assert not off_thread
        assert gc.isenabled()  # back on, on the GUI thread
        gc.collect()
        assert gone() is None
    finally:
        gc.callbacks.remove(on_collect)


def test_wait_done_cancels_a_job_that_would_outlive_it(qtbot, ops):
    started = threading.Event()

    def endless(task) -> str:
        started.set()
        while not task.cancel.is_set():
            time.sleep(0.005)
        return "cancelled"

    results: list[str] = []
    ops.run_task(endless, results.append)
    assert started.wait(5)
    began = time.monotonic()
    ops.wait_done(msecs=200)
    assert results == ["cancelled"] and not ops.is_busy()
    assert time.monotonic() - began < 5
