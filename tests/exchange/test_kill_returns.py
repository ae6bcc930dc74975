"""Crash safety of a street importing its district's return package (issue 15): SIGKILL a real
`python -m elderdesk exchange import` of a package of decisions, a frozen roster's lines and
ledger records at ten moments spread over the import (one before its transaction, the others
from its start to its commit). After each kill the street's file passes integrity_check with an
unbroken audit chain, every table is exactly as before the import or exactly as after a clean
one, `audit verify` is ok, and the package then imports (or is recognised as imported) to the
same tables. Run with -s to see where the kills landed."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD
from tests.exchange.conftest import A, killable_import, street_paid_by_district
from tests.safety.conftest import settle
from tests.safety.kill import TODAY, Operation, calibrate, phase_of, read_marks, start
from tests.safety.test_kill import reopen

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]
RUNS = int(os.environ.get("ELDERDESK_KILL_RUNS", "10"))  # the issue asks for 10 kills
# 320 demo people, 80 enrolled: ~75 decisions, ~80 roster lines and ~1,700 ledger records
# (the arrears since each one's 80th birthday, one record a quarter): the import's transaction
# takes ~0.15 s (the ledger written in bulk; ~0.5 s before) after a 0.6-2 s start on the loaded
# 2-core machine. The test is ~8.5 s at load 2, ~13 s at load 2.5 before the bulk ledger, ~23 s
# at load 4: each of the 11 runs starts a Python (~1 s of CPU) and most import again.
PEOPLE = int(os.environ.get("ELDERDESK_KILL_PEOPLE", "320"))
ENROLLED = PEOPLE // 4
DAY, Q1 = "2026-01-10", "2026-03-10"
ALLOWED = {"before": {"none"}, "importing": {"none"}, "committing": {"none", "all"},
           "after": {"all"}}
WALL_TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?")
HASH = re.compile(r"\b[0-9a-f]{64}\b")


@pytest.fixture(scope="module")
def street_and_returns(tmp_path_factory):
    """Street 001, paid by its district, that has not imported the district's package of the
    frozen 2026Q1 yet: the decisions on its applications, the roster's lines and ledger."""
    from elderdesk.services.exchange import returns

    folder = tmp_path_factory.mktemp("kill_returns")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", DAY)
        d, a = street_paid_by_district(folder, PEOPLE, ENROLLED, seed=5)
        try:
            mp.setenv("ELDERDESK_TODAY", Q1)
            d.services.roster.build(d.admin, "2026Q1")
            d.services.roster.freeze(d.approver, "2026Q1")
            package = folder / "returns.edx"
            calls = [0]  # the period of each month, computed while the records are made
            period_of = returns._period_of

            def counted(month: int, kind: str) -> str:
                calls[0] += 1
                return period_of(month, kind)

            mp.setattr(returns, "_period_of", counted)
            exported = d.services.exchange.export(d.admin, package, to=A)
        finally:
            d.services.close()
            a.services.close()
    settle(a.path)
    return a.path, package, exported.records, calls[0]


def tables(path: Path) -> dict[str, list[str]]:
    """Every table's rows (sorted), wall-clock times and audit hashes masked: two clean imports
    of one package at different moments give the same."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts%'")]
        out = {}
        for t in names:
            rows = [WALL_TIME.sub("T", repr(r)) for r in conn.execute(f'SELECT * FROM "{t}"')]
            out[t] = sorted(HASH.sub("H", r) if t == "audit_log" else r for r in rows)
        return out
    finally:
        conn.close()


def kill_at(op: Operation, work: Path, anchor: int | None, delay: float) -> tuple[str, float]:
    """Run the import, SIGKILL it `delay` seconds after milestone `anchor` appeared (None: after
    the process started); the phase it landed in, and when (seconds after the start)."""
    proc, trace, begun = start(op, work)
    if anchor is not None:
        while proc.poll() is None and op.milestones[anchor].seen(read_marks(trace)) is None:
            time.sleep(0.002)
    time.sleep(delay)
    killed_at = time.monotonic() - begun
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    code = proc.wait(timeout=60)
    assert code in (0, -signal.SIGKILL), (op.name, code)
    return (op.phases[-1] if code == 0 else phase_of(op, read_marks(trace))), killed_at


def test_kill_during_returns_import(street_and_returns, tmp_path, monkeypatch):
    from elderdesk.services.container import Services

    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)  # as the killed runs have it
    street, package, records, _calls = street_and_returns
    reopen(street).close()
    before = tables(street)
    assert before["rosters"] == [] and before["ledger"] == []

    op, prepare = killable_import("exchange import (returns)", street, package)
    timings = calibrate(op, prepare, tmp_path / "calibration")
    reopen(tmp_path / "calibration" / "office.db").close()
    after = tables(tmp_path / "calibration" / "office.db")
    assert after != before and len(after["roster_lines"]) >= ENROLLED // 2
    assert len(after["ledger"]) > len(after["roster_lines"]) > 0
    span = timings[1] - timings[0]  # the transaction: begun to about to commit
    # One kill before the transaction, one at its commit and one after it; the others spread
    # from its start over its span (measured alone: two at a time it takes longer).
    moments = [(None, timings[0] / 2)] + [(0, span * k / (RUNS - 3)) for k in range(RUNS - 3)]
    moments += [(1, 0.0), (2, 0.0)]

    def one(i: int) -> tuple[str, str, float]:
        work = tmp_path / f"run{i:02d}"
        prepare(work)
        try:
            phase, killed_at = kill_at(op, work, *moments[i])
            db = work / "office.db"
            reopen(db).close()  # integrity_check ok, the audit chain unbroken
            state = tables(db)
            outcome = "none" if state == before else "all" if state == after else "MIXED"
            if outcome == "MIXED":
                changed = sorted(t for t in after if state.get(t) not in (before[t], after[t]))
                return phase, f"MIXED {changed}", killed_at
            services = Services.open(db)
            try:
                admin = services.users.authenticate("admin", ADMIN_PASSWORD)
                check = services.safety.verify_audit(admin)
                assert check.ok, check
                again = services.exchange.import_file(admin, package)
                assert again.already_imported == (outcome == "all"), (outcome, again)
            finally:
                services.close()
            assert tables(db) == after, f"run {i}: the import after the kill differs"
            return phase, outcome, killed_at
        finally:
            shutil.rmtree(work, ignore_errors=True)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(one, range(RUNS)))
    text = (f"returns import: {RUNS} kills of {records} records (transaction {span:.2f} s "
            f"after a {timings[0]:.2f} s start): "
            + ", ".join(f"{p}→{o} at {t:.2f}s" for p, o, t in results))
    print("\n" + text)
    bad = [r for r in results if r[1] not in ALLOWED[r[0]]]
    assert not bad, f"{text}\nwrong outcomes: {bad}"
    inside = sum(1 for p, _o, _t in results if p == "importing")
    assert inside >= RUNS // 2, text  # the kills were spread over the transaction


def test_the_return_records_find_each_months_period_once(street_and_returns):
    """A first roster pays arrears over many quarters: the ledger records of a person group
    their months by period in one pass (it was every month once per period: 2.4 million
    Period computations, 20 of the export's 23 s, for 1,500 people paid back to 2021)."""
    _street, package, _records, calls = street_and_returns
    recs = [json.loads(x) for x in package.read_bytes().split(b"\n")[2:] if x]
    ledger = [r for r in recs if r["kind"] == "ledger"]
    months = sum(len(r["data"]["months"]) for r in ledger)
    items = sum(len(ln[-1]) for r in recs if r["kind"] == "roster" for ln in r["data"]["lines"])
    assert len(ledger) > 10 * len({r["data"]["person"] for r in ledger})  # many quarters each
    assert calls <= items + months, (calls, items, months)
