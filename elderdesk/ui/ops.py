"""Background work (after Anki's QueryOp/CollectionOp): run a function off the GUI thread,
deliver its result or error to callbacks on the GUI thread, with optional progress and cancel.

Reads run on a small pool; database writes go through a single-thread pool so SQLite never sees
two writers from this program. Device jobs (waiting for an ID card on the reader) have a pool of
their own, so a wait never holds up searches or saves; they are cancelled, not awaited, when the
window waits for its jobs (a person may never put the card down). The function must never touch
widgets.

Python's cyclic garbage collector runs in whichever thread crosses its allocation threshold. In a
worker it frees the GUI's objects caught in reference cycles (a dialog, a timer, an event loop, a
whole window), destroying Qt objects off the GUI thread: "Timers cannot be stopped from another
thread", a corrupted event dispatcher, a crash then or at exit. So automatic collection is off
while any job runs (switched off on the GUI thread before the job starts) and comes back on the
GUI thread once the last result is delivered, after a collection there.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from elderdesk.ui.errors import show_error

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals (a service may report every row)

# Jobs submitted and not yet ended, over every Ops, and whether this module switched the
# collector off for them. The count rises on the GUI thread and falls in the worker, before the
# result is sent: by the time the GUI thread sees the last result, it is zero.
_jobs = {"alive": 0, "paused": False}
_jobs_lock = threading.Lock()


def _job_submitted() -> None:
    """GUI thread, before a job starts: no collection from now on (none in a worker)."""
    with _jobs_lock:
        if _jobs["alive"] == 0 and not _jobs["paused"] and gc.isenabled():
            gc.disable()
            _jobs["paused"] = True
        _jobs["alive"] += 1


def _job_ended() -> None:
    """The worker, before it sends the result (it allocates no more than that afterwards)."""
    with _jobs_lock:
        _jobs["alive"] -= 1


def resume_collector() -> bool:
    """GUI thread: collector back on once no job is alive (True if it is on). The collection
    first leaves the allocation count at zero, so a worker's last few allocations cannot start
    one; it covers what was allocated meanwhile (the results: cheap, the jobs' rows are gone).
    It runs outside the lock: a finalizer may submit a job."""
    with _jobs_lock:
        if _jobs["alive"] or not _jobs["paused"]:
            return gc.isenabled()
    gc.collect(0)
    with _jobs_lock:
        if _jobs["alive"] or not _jobs["paused"]:
            return gc.isenabled()
        _jobs["paused"] = False
        gc.enable()
        return True


class Task:
    """One submitted job: its cancel flag and a thread-safe progress reporter."""

    def __init__(self, ops: Ops, key: int) -> None:
        self._ops = ops
        self.key = key
        self.cancel = threading.Event()  # services take any object with .is_set()
        self._last = 0.0

    def progress(self, done: int, total: int) -> None:
        """Called from the worker thread; throttled so the GUI queue is not flooded."""
        stamp = time.monotonic()
        if done < total and stamp - self._last < PROGRESS_INTERVAL:
            return
        self._last = stamp
        self._ops._emit_progress(self.key, done, total)

    def request_cancel(self) -> None:
        self.cancel.set()


class _Job(QRunnable):
    def __init__(self, ops: Ops, task: Task, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self._ops, self._task, self._fn = ops, task, fn

    def run(self) -> None:
        try:
            result, error = self._fn(self._task), None
        except BaseException as exc:  # delivered to the GUI thread, never lost
            result, error = None, exc
        _job_ended()
        self._ops._emit_finished(self._task.key, result, error)


class Ops(QObject):
    """The one background-work helper of a window (or of the login/setup flow)."""

    _finished = Signal(int, object, object)  # task key, result, error
    _progressed = Signal(int, int, int)  # task key, done, total
    idle = Signal()  # no job pending any more

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._devices = QThreadPool(self)  # card reads: one at a time, never awaited
        self._devices.setMaxThreadCount(1)
        self._keys = itertools.count(1)
        self._pending: dict[int, tuple[Callable, Callable | None, Callable | None]] = {}
        self._tasks: dict[int, Task] = {}  # pending jobs' tasks, to cancel them at shutdown
        self._device_keys: set[int] = set()  # pending device jobs: cancelled by wait_done
        self._finished.connect(self._on_finished)
        self._progressed.connect(self._on_progressed)

    # --- submitting ---------------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None] | None = None, *,
            write: bool = False) -> Task:
        """Run fn() in the background; on_done(result) or on_failed(exc) on the GUI thread."""
        return self.run_task(lambda _task: fn(), on_done, on_failed, write=write)

    def run_task(self, fn: Callable[[Task], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None] | None = None, *,
                 on_progress: Callable[[int, int], None] | None = None,
                 write: bool = False, device: bool = False) -> Task:
        """Like run, but fn receives the Task (its .progress and .cancel for long work).
        device=True: a job that waits on a device (the card reader) and polls task.cancel."""
        task = Task(self, next(self._keys))
        self._pending[task.key] = (on_done, on_failed, on_progress)
        self._tasks[task.key] = task
        _job_submitted()
        if device:
            self._device_keys.add(task.key)
            pool = self._devices
        else:
            pool = self._writes if write else self._reads
        pool.start(_Job(self, task, fn))
        return task

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait_done(self, msecs: int = 30000) -> None:
        """Block until no job is pending, delivering results (shutdown, tests). Past msecs the
        jobs still running are asked to cancel, and waited for: a job never outlives its
        window (a worker running while Python shuts down crashes the program)."""
        deadline = time.monotonic() + msecs / 1000
        while True:
            for key in list(self._device_keys):  # a card wait is stopped, not waited for
                task = self._tasks.get(key)
                if task is not None:
                    task.request_cancel()
            self._devices.waitForDone(msecs)
            self._reads.waitForDone(msecs)
            self._writes.waitForDone(msecs)
            QApplication.processEvents()
            if not self._pending:
                break
            if time.monotonic() > deadline:
                for task in list(self._tasks.values()):
                    task.request_cancel()
                self._devices.waitForDone(-1)
                self._reads.waitForDone(-1)
                self._writes.waitForDone(-1)
                QApplication.processEvents()
                break
        resume_collector()

    # --- worker side ----------------------------------------------------------------------
    def _emit_finished(self, key: int, result: Any, error: BaseException | None) -> None:
        try:
            self._finished.emit(key, result, error)
        except RuntimeError:  # the window closed while the job ran
            log.debug("job %s finished after its Ops was deleted", key)

    def _emit_progress(self, key: int, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the job ran
            self._progressed.emit(key, done, total)

    # --- GUI side -------------------------------------------------------------------------
    @Slot(int, object, object)
    def _on_finished(self, key: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._pending.pop(key, None)
        self._tasks.pop(key, None)
        self._device_keys.discard(key)
        resume_collector()
        if callbacks is None:
            return
        on_done, on_failed, _ = callbacks
        try:
            if error is None:
                on_done(result)
            elif on_failed is not None:
                on_failed(error)
            else:
                show_error(self._parent_widget, error)
        finally:
            if not self._pending:
                self.idle.emit()

    @Slot(int, int, int)
    def _on_progressed(self, key: int, done: int, total: int) -> None:
        callbacks = self._pending.get(key)
        if callbacks is not None and callbacks[2] is not None:
            callbacks[2](done, total)
