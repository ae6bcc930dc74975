"""Several counters on one PostgreSQL database (issue 14): real processes write at once; the
advisory lock taken at BEGIN by Database.write() serialises them (SQLite's BEGIN IMMEDIATE)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import text

from elderdesk.domain.person import PersonInput
from tests.conftest import PASSWORD
from tests.helpers import make_id

ROOT = Path(__file__).resolve().parents[2]

_WORKER = textwrap.dedent("""
    import sys
    from datetime import date
    from elderdesk.services.container import Services
    from elderdesk.services import audit

    url, user, password, task, arg = sys.argv[1:6]
    services = Services.open(url)
    op = services.users.authenticate(user, password)
    print("ready", flush=True)
    sys.stdin.readline()  # all start together
    if task == "cards":
        for number in arg.split(","):
            services.cards.issue(op, number, date(2026, 5, 20))
    elif task == "counter":  # proofs of life and applications, a clerk's pace
        import random, time
        from elderdesk.domain.errors import ElderError
        from pathlib import Path
        certs, applicants, marker = arg.split("|")
        todo = [("lifecert", n) for n in certs.split(",")] + [
            ("apply", n) for n in applicants.split(",")]
        rng = random.Random(user)
        rng.shuffle(todo)
        for i, (action, number) in enumerate(todo):
            if i == len(todo) // 2:  # the second half once a roster is frozen
                while not Path(marker).exists():
                    time.sleep(0.05)
            time.sleep(rng.uniform(0.02, 0.25))
            try:
                getattr(services.allowance, action)(op, number)
                print("ok", action, number, flush=True)
            except ElderError as exc:
                print("refused", exc.code, action, number, flush=True)
    else:
        for i in range(int(arg)):
            with services.db.write() as s:
                audit.record(s, op, "test.append", "test", f"{user}-{i}", None, {"i": i})
    services.close()
""")


def _race(url: str, tmp_path: Path, jobs: list[tuple[str, str, str]]) -> list[str]:
    """Run the jobs in processes started together; their output lines."""
    procs = _start(url, tmp_path, jobs)
    return _finish(procs)


def _start(url: str, tmp_path: Path, jobs: list[tuple[str, str, str]]) -> list:
    script = tmp_path / "worker.py"
    script.write_text(_WORKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ELDERDESK_TODAY": "2026-05-20"}
    procs = [subprocess.Popen([sys.executable, str(script), url, user, PASSWORD, task, arg],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
             for user, task, arg in jobs]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    return procs


def _finish(procs: list) -> list[str]:
    lines = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        lines += out.splitlines()
    return lines


def _clerks(services, admin, n: int) -> list[str]:
    names = [f"clerk{i}" for i in range(1, n + 1)]
    for name in names:
        services.users.add(admin, name, ["clerk"], PASSWORD)
    return names


def test_four_counters_issue_100_cards_numbered_1_to_100(pg_url, tmp_path):
    from elderdesk.services.container import Services
    from tests.conftest import ADMIN_PASSWORD

    services = Services.open(pg_url)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        clerks = _clerks(services, admin, 4)
        ids = [services.people.add(admin, PersonInput(id_number=make_id("1950-01-01", i),
                                                      name="欧阳秀英")).id_number
               for i in range(1, 101)]
        _race(pg_url, tmp_path, [(c, "cards", ",".join(ids[i::4])) for i, c in enumerate(clerks)])
        with services.db.read() as s:
            seqs = s.execute(text("SELECT seq FROM cards ORDER BY seq")).scalars().all()
            issuers = set(s.execute(text("SELECT DISTINCT issued_by FROM cards")).scalars())
        assert seqs == list(range(1, 101))
        assert issuers == set(clerks)
        assert services.safety.verify_audit(admin).ok
    finally:
        services.close()


def test_two_processes_append_500_audit_records_each(pg_url, tmp_path):
    from elderdesk.services.container import Services
    from tests.conftest import ADMIN_PASSWORD

    services = Services.open(pg_url)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        clerks = _clerks(services, admin, 2)
        _race(pg_url, tmp_path, [(c, "audit", "500") for c in clerks])
        with services.db.read() as s:
            n = s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'test.append'"))
            assert n.scalar_one() == 1000
        check = services.safety.verify_audit(admin)
        assert check.ok, check.to_json()
    finally:
        services.close()


def test_counters_record_while_a_roster_is_built_and_frozen(pg_url, tmp_path, monkeypatch):
    """4 counters record proofs of life and applications (real processes) while this process
    builds the 2026Q1 roster and freezes it, building again after each ROSTER_STALE. Every
    change is either in the frozen roster (recorded before its build) or came after the
    freeze (none between: the freeze refuses) and is then in the next build; none is lost."""
    from elderdesk.domain.errors import ElderError
    from elderdesk.services.container import Services
    from tests.conftest import ADMIN_PASSWORD
    from tests.services.test_allowance_views import enrol

    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    services = Services.open(pg_url)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        clerks = _clerks(services, admin, 4)
        services.users.add(admin, "reviewer1", ["reviewer"], PASSWORD)
        services.users.add(admin, "approver1", ["approver"], PASSWORD)
        clerk = services.users.authenticate(clerks[0], PASSWORD)
        reviewer = services.users.authenticate("reviewer1", PASSWORD)
        approver = services.users.authenticate("approver1", PASSWORD)
        # applied 2025-10 at the counter: proof of life until 2025-12, so 2026Q1 is withheld
        # for each of them unless a proof of life is recorded before the build
        enrolled = [enrol(services, clerk, reviewer, approver, "1940-03-01", i, "2025-10-01",
                          "2025-10-10") for i in range(1, 25)]
        applicants = [services.people.add(admin, PersonInput(
            id_number=make_id("1941-02-02", i), name="欧阳秀英")).id_number
            for i in range(1, 17)]

        def changes() -> int:
            with services.db.read() as s:
                return s.execute(text("SELECT count(*) FROM audit_log WHERE action IN "
                                      "('lifecert.add', 'allowance.apply')")).scalar_one()

        marker = tmp_path / "frozen"  # the counters do half their work, then wait for it
        base = changes()  # the enrolments' applications
        procs = _start(pg_url, tmp_path, [
            (c, "counter", f"{','.join(enrolled[i::4])}|{','.join(applicants[i::4])}|{marker}")
            for i, c in enumerate(clerks)])

        def wait_for(n: int) -> None:  # a loaded machine starts the processes slowly
            for _ in range(1200):
                if changes() - base >= n:
                    return
                time.sleep(0.05)
            raise AssertionError(f"the counters made fewer than {n} changes")

        first_half = (len(enrolled) + len(applicants)) // 2
        wait_for(first_half // 3)  # some changes before the first build
        stale = 0
        for attempt in range(200):
            services.roster.build(approver, "2026Q1")
            if attempt == 0:  # one more change after this build: its freeze must be refused
                wait_for(min(changes() - base + 1, first_half))
            try:
                frozen = services.roster.freeze(approver, "2026Q1")
                marker.touch()
                break
            except ElderError as exc:
                assert exc.code == "ROSTER_STALE", exc
                stale += 1
        else:
            raise AssertionError("never frozen")
        lines = _finish(procs)
        done = [ln.split()[1:] for ln in lines if ln.startswith("ok ")]
        assert not [ln for ln in lines if ln.startswith("refused")], lines
        assert len(done) == len(enrolled) + len(applicants)
        with services.db.read() as s:
            built, froze = s.execute(text(
                "SELECT r.built_audit_id, (SELECT max(id) FROM audit_log WHERE action = "
                "'roster.freeze') FROM rosters r WHERE r.period = '2026Q1'")).one()
            at = dict(s.execute(text(
                "SELECT entity_key, id FROM audit_log WHERE action = 'lifecert.add'")).all())
            between = s.execute(text(
                "SELECT count(*) FROM audit_log WHERE id > :b AND id < :f AND action IN "
                "('lifecert.add', 'allowance.apply')"), {"b": built, "f": froze}).scalar_one()
            certs = s.execute(text("SELECT count(*) FROM lifecerts")).scalar_one()
            applied = set(s.execute(text(
                "SELECT p.id_number FROM enrollments e JOIN people p ON p.id = e.person_id "
                "WHERE e.status = 'applied'")).scalars())
        # none lost: every proof of life and application the counters were told was saved
        assert certs == len(enrolled) and set(at) == set(enrolled)
        assert applied == set(applicants)
        assert between == 0  # the freeze refused whenever something came after its build
        held = {w.id_number for w in frozen.withheld if w.reason != "no_account"}
        before = {n for n, record in at.items() if record < built}
        assert held == set(enrolled) - before  # in the frozen roster exactly when before it
        later = set(enrolled) - before
        assert before and later and stale  # both kinds happened, and refusals
        nxt = services.roster.build(approver, "2026Q2")
        arrears = {ln.id_number for ln in nxt.lines if ln.arrears_fen > 0}
        assert later <= arrears and not nxt.withheld  # the next build pays their 2026Q1
        print(f"\nfrozen after {stale} stale freezes; {len(before)} proofs of life before "
              f"the build, {len(later)} after the freeze")
        assert services.safety.verify_audit(admin).ok
    finally:
        services.close()
