"""Several counters on one PostgreSQL database (issue 14): real processes write at once; the
advisory lock taken at BEGIN by Database.write() serialises them (SQLite's BEGIN IMMEDIATE)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
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
    else:
        for i in range(int(arg)):
            with services.db.write() as s:
                audit.record(s, op, "test.append", "test", f"{user}-{i}", None, {"i": i})
    services.close()
""")


def _race(url: str, tmp_path: Path, jobs: list[tuple[str, str, str]]) -> None:
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
    for p in procs:
        _out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err


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
