"""The GUI stays responsive during a long operation: a 100,000-row import through the import
dialog while a timer on the GUI thread keeps firing (the contract's performance figures, issue 6).

What it guards against, each seen in this program: a full cyclic collection in the worker
(0.4 s with 100,000 rows of objects alive), a JSON parse of a whole table holding the GIL
(0.1-0.3 s), and the collector running in a worker thread at all, which destroys the GUI's
objects off the GUI thread (ui/ops.GuiCollector)."""

from __future__ import annotations

import gc
import os
import statistics
import threading
import time
from datetime import date, datetime

import pytest
from PySide6.QtCore import QTimer

from elderdesk.ui.dialogs.import_dialog import ImportDialog

ROWS = 100_000
TICK_MS = 10
# Limits on the pauses between two ticks while the import runs (8 s with the workbook: the
# figure issue 6 asks for). Measured on a two-core machine: quiet, 95th percentile 0.014 s and
# longest 0.066 s (python-calamine's to_python of the whole sheet, one GIL-holding call);
# under a second test run and a benchmark build, 0.022 s and 0.124 s. A collection in the
# worker (0.4 s), a JSON parse of a table (0.15-0.3 s) fail MAX_GAP; a job that keeps the GIL
# for stretches of tens of milliseconds fails P95_GAP. Since the import checks every text
# cell and guards the workbook before reading it (issue 11), quiet runs measure a 95th
# percentile of 0.015-0.035 s and a longest pause of 0.08-0.10 s; P95_GAP allows for that
# (still well under a frame a clerk would notice), MAX_GAP is unchanged. A CI run failed on
# 0.164 s: the per-ID look-ups starved the GUI thread of the GIL (sqlite3 hands it back and
# forth around every step; store/bulk.GilShare); with the hand-over, quiet runs measure
# 0.013-0.015 s and 0.075-0.078 s (the sheet's load the longest).
P95_GAP = 0.050
MAX_GAP = 0.150


@pytest.fixture(scope="session")
def big_register(tmp_path_factory):
    """A 100,000-row register workbook of invented people, written once per test session."""
    import xlsxwriter

    from elderdesk.demo.generator import generate_people

    path = tmp_path_factory.mktemp("big") / "名册10万.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, ("姓名", "性别", "身份证号", "社区", "开户银行", "银行账号"))
    row = 0
    for batch in generate_people(ROWS, seed=5, on=date(2026, 6, 15),
                                 stamp=datetime(2026, 6, 15)):
        for r in batch:
            row += 1
            sheet.write_row(row, 0, (r["name"], "男" if r["sex"] == "M" else "女",
                                     r["id_number"], r["community"], r["bank"] or "",
                                     r["account"] or ""))
    book.close()
    return path


@pytest.mark.timing  # `make test` runs it in a process of its own (see the Makefile)
def test_timer_keeps_firing_during_a_100000_row_import(qtbot, ops, services, clerk,
                                                       big_register):
    dialog = ImportDialog(ops, services, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.report_check.setChecked(False)
    ticks: list[float] = []
    finished: list[float] = []
    off_thread: list[tuple[str, int]] = []  # collections outside the GUI thread

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start" and threading.current_thread() is not threading.main_thread():
            off_thread.append((threading.current_thread().name, info["generation"]))

    delivered = dialog._on_finished  # the moment the result reaches the GUI thread

    def on_finished(outcome):
        finished.append(time.monotonic())
        delivered(outcome)

    dialog._on_finished = on_finished
    timer = QTimer(dialog)  # parented: nothing of the test outlives its dialog
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    gc.callbacks.append(on_collect)
    try:
        timer.start()
        dialog.file_edit.setText(str(big_register))
        dialog.start_button.click()
        assert dialog.is_running()
        qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120_000)
    finally:
        timer.stop()
        gc.callbacks.remove(on_collect)
        if dialog.is_running():  # a failed wait: never leave the import running behind the test
            dialog.reject()
            ops.wait_done()
    assert dialog.outcome is not None, dialog.status_label.text()
    assert dialog.outcome.imported == ROWS
    assert dialog.progress.value() == dialog.progress.maximum()
    assert not off_thread, f"cyclic collections off the GUI thread: {off_thread[:5]}"
    during = [t for t in ticks if t <= finished[0]]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(gaps) > 50, f"the timer hardly fired: {len(gaps)} gaps"
    p95 = statistics.quantiles(gaps, n=20)[-1]
    worst = sorted(gaps, reverse=True)[:5]
    if os.environ.get("ELDERDESK_GAPS"):  # a record of the pauses, to set the limits above
        with open(os.environ["ELDERDESK_GAPS"], "a", encoding="utf-8") as f:
            f.write(f"{len(gaps)} p95={p95:.4f} worst={[round(g, 4) for g in worst]}\n")
    assert p95 < P95_GAP and worst[0] < MAX_GAP, (
        f"{len(gaps)} pauses, 95th percentile {p95:.3f} s, longest (s): {worst}")
