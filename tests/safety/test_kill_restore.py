"""Crash safety of `backup restore` (issue 11, items 1 and 12): SIGKILL it at random moments
while it keeps the current data, marks the database, seals the checked copy and copies it in.
Then the database passes integrity_check and holds the old data or the restored data (never a
mix), the next start cleans what the killed restore left, and writing works again (a mark
whose process is gone blocks nothing). Run with -s to see where the kills landed."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from elderdesk.services.container import Services
from tests.conftest import ADMIN_PASSWORD
from tests.safety.conftest import copy_db
from tests.safety.kill import Milestone, Operation, campaign, report
from tests.safety.test_kill import reopen, scalar

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]
RUNS = int(os.environ.get("ELDERDESK_KILL_RUNS", "20"))
PHASES = ("before", "keeping", "marked", "copying")
ALLOWED = {"before": {"none"}, "keeping": {"none"}, "marked": {"none"},
           "copying": {"none", "all"}}


def test_kill_during_restore(roster_office, empty_office, tmp_path):
    conn = sqlite3.connect(roster_office)
    people = scalar(conn, "SELECT count(*) FROM people")
    conn.close()
    assert people > 1000

    def prepare(work: Path) -> None:
        copy_db(roster_office, work / "office.db")
        copy_db(empty_office, work / "saved.db")  # the same office, nobody registered

    op = Operation("restore", lambda w: [
        "backup", "restore", str(w / "saved.db"), "--db", str(w / "office.db"),
        "--user", "admin", "--json"],
        (Milestone("S", "backup"), Milestone("R", "backup"), Milestone("C", "_seal")), PHASES)

    def verify(work: Path, phase: str) -> str:
        db_path = work / "office.db"
        conn = reopen(db_path)
        try:
            count = scalar(conn, "SELECT count(*) FROM people")
            last = scalar(conn, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
        finally:
            conn.close()
        if count == people and last != "backup.restore":
            outcome = "none"
        elif count == 0 and last == "backup.restore":
            outcome = "all"
        else:
            return f"MIXED people={count} last={last}"
        Services.offline_safety(db_path).clean_leftovers()  # the next start
        left = sorted(p.name for p in work.rglob("*") if p.name.endswith(
            (".partial", ".restoring", ".restoring-wal", ".restoring-shm", ".restoring-journal")))
        assert not left, left
        services = Services.open(db_path)
        try:  # the login writes: a mark left by the killed restore must not refuse it
            services.users.authenticate("admin", ADMIN_PASSWORD)
        finally:
            services.close()
        return outcome

    result = campaign(op, prepare, verify, tmp_path, runs=RUNS)
    text = report("restore", result)
    print("\n" + text)
    bad = [r for r in result.results if r.outcome not in ALLOWED[r.phase]]
    assert not bad, f"{text}\nwrong outcomes: {bad}"
    assert result.counts()["before"] <= RUNS * 3 // 4, text  # most kills inside the restore
