"""The office server stopped under a counter (issue 14): `pg_ctl stop -m immediate` (every
connection cut, no checkpoint: what a power cut or a crash of the server does) in the middle of
`import people` and of `roster freeze`, at different moments; the server started again at once.
The command ends with a Chinese message from the table (no traceback); afterwards the database
holds all of the change or none of it, `audit verify` is ok, and the same command succeeds.
Also: a write started while the server restarts waits for it (store/pg.start_pause), a
connection cut inside a write rolls it back (PG_UNREACHABLE: nothing saved), one cut at COMMIT
says the outcome is unknown (PG_COMMIT_UNKNOWN).

A cluster of this module's own (tests/pg.py), with synchronous_commit on as on an office server
(the shared one runs without, for speed: a commit could be lost by a crash there)."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from elderdesk.domain.errors import ElderError
from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.safety.kill import ROOT, TODAY, environment, read_marks

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pg_ctl of the test cluster")
RUNS = int(os.environ.get("ELDERDESK_KILL_RUNS", "10"))
IMPORT_ROWS = 3_000
DEMO_PEOPLE, DEMO_ENROLLED = 5_000, 1_200
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def cluster():
    from tests.pg import Cluster

    made = Cluster()
    made.opts = made.opts.replace("synchronous_commit=off", "synchronous_commit=on")
    made.halt()
    made.start()
    yield made
    made.stop()


def _office(cluster, name: str | None = None) -> str:
    from elderdesk.services.users.service import initialise

    name = name or cluster.create()
    initialise(cluster.url(name), "420103", "江汉区民意街道社区服务中心", "admin",
               ADMIN_PASSWORD, policy_source=wuhan_policy()).close()
    return name


@pytest.fixture(scope="module")
def empty_template(cluster) -> str:
    return _office(cluster)


@pytest.fixture(scope="module")
def roster_template(cluster) -> tuple[str, str]:
    """Demo people, some enrolled with two frozen quarters, and the next quarter's draft."""
    from elderdesk.demo.generator import DemoService
    from elderdesk.services.container import Services

    name = _office(cluster)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", TODAY)
        services = Services.open(cluster.url(name))
        try:
            op = services.users.authenticate("admin", ADMIN_PASSWORD)
            DemoService(services.db).fill(op, DEMO_PEOPLE, seed=3, enrolled=DEMO_ENROLLED,
                                          quarters=2)
            with services.db.read() as s:
                last = s.execute(text("SELECT period FROM rosters WHERE status = 'frozen' "
                                      "ORDER BY id DESC LIMIT 1")).scalar_one()
            from elderdesk.domain.months import Period

            period = str(Period.parse(last).next())
            services.roster.build(op, period)
        finally:
            services.close()
    return name, period


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    import xlsxwriter

    from elderdesk.demo.generator import make_people

    path = tmp_path_factory.mktemp("pgkill") / "register.xlsx"
    people = make_people(IMPORT_ROWS, 11, on=date(2026, 5, 20), stamp=datetime(2026, 5, 20))
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, ["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "银行账号"])
    for row, p in enumerate(people, start=1):
        sheet.write_row(row, 0, [row, p["name"], "男" if p["sex"] == "M" else "女",
                                 p["id_number"], p["birth_date"].isoformat(), p["phone"] or "",
                                 p["account"] or ""])
    book.close()
    return path


def _scalar(url: str, sql: str, **params: object) -> object:
    from elderdesk.store.db import Database

    db = Database(url)
    try:
        with db.read() as s:
            return s.execute(text(sql), params).scalar()
    finally:
        db.close()


def _audit_ok(url: str) -> None:
    from elderdesk.services.container import Services

    services = Services.open(url)
    try:
        check = services.safety.verify_audit(services.users.authenticate("admin", ADMIN_PASSWORD))
        assert check.ok, check.to_json()
    finally:
        services.close()


def _cli(argv: list[str]) -> int:
    from elderdesk.cli import main

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_PASSWORD", ADMIN_PASSWORD)
        mp.setenv("ELDERDESK_TODAY", TODAY)
        return main(argv)


@dataclass
class Op:
    """A command on a copy of `template`: its transaction's caller (tracer marks), what the
    database holds after it (outcome: none, all or PARTIAL ...)."""

    name: str
    template: str
    argv: Callable[[str], list[str]]  # URL -> arguments after `python -m elderdesk`
    caller: str
    outcome: Callable[[str], str]
    timing: tuple[float, float] = (0.0, 0.0)  # to its transaction, in it (calibrated)
    rows: list[tuple] = field(default_factory=list)


def _popen(argv: list[str], trace: Path) -> subprocess.Popen:
    trace.unlink(missing_ok=True)
    return subprocess.Popen([sys.executable, "-m", "elderdesk", *argv], cwd=ROOT,
                            env=environment(trace), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _marks(trace: Path, caller: str) -> dict[str, float]:
    return {tag: t for tag, who, t in read_marks(trace) if who == caller}


def _calibrate(cluster, ops: list[Op], tmp_path: Path) -> None:
    """One run of each to the end, together (as in the runs): when its transaction began and
    how long it held; it must leave "all"."""
    names = [cluster.create(op.template) for op in ops]
    try:
        begun = time.monotonic()
        procs = [_popen(op.argv(cluster.url(n)), tmp_path / f"trace{i}")
                 for i, (op, n) in enumerate(zip(ops, names, strict=True))]
        for i, (op, proc, n) in enumerate(zip(ops, procs, names, strict=True)):
            _out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            marks = _marks(tmp_path / f"trace{i}", op.caller)
            op.timing = (marks["B"] - begun, marks["E"] - marks["B"])
            assert op.outcome(cluster.url(n)) == "all"
    finally:
        for n in names:
            cluster.drop(n)


def _where(trace: Path, caller: str) -> str:
    marks = _marks(trace, caller)
    return "after" if "C" in marks else "committing" if "E" in marks else \
        "during" if "B" in marks else "before"


def _stop_during(cluster, ops: list[Op], urls: list[str], tmp_path: Path, lead: int,
                 rng: random.Random) -> list[tuple[str, int, str]]:
    """Run the commands together, stop the server at a moment drawn on ops[lead] (before its
    transaction, inside it, or just after it), start it again at once: per command (where it
    was, exit status, stderr)."""
    traces = [tmp_path / f"trace{i}" for i in range(len(ops))]
    procs: list[subprocess.Popen] = [None] * len(ops)  # type: ignore[list-item]
    latest = max(op.timing[0] for op in ops)
    waited = 0.0
    for i in sorted(range(len(ops)), key=lambda i: -ops[i].timing[0]):  # the slowest first:
        time.sleep(max(0.0, latest - ops[i].timing[0] - waited))  # their transactions together
        waited = latest - ops[i].timing[0]
        procs[i] = _popen(ops[i].argv(urls[i]), traces[i])
    inside = ops[lead].timing[1]
    before = min(op.timing[0] for op in ops)  # from now to the transactions (started aligned)
    draw = rng.random()
    if draw < 0.2:
        time.sleep(rng.uniform(0.1, before))
    else:
        while procs[lead].poll() is None and "B" not in _marks(traces[lead], ops[lead].caller):
            time.sleep(0.002)
        time.sleep(rng.uniform(0, inside) if draw < 0.9 else inside * rng.uniform(1, 1.5))
    where = [_where(t, op.caller) for op, t in zip(ops, traces, strict=True)]
    cluster.halt()
    cluster.start()  # a command waiting to start its write (start_pause) goes on
    out = []
    for w, proc in zip(where, procs, strict=True):
        _out, err = proc.communicate(timeout=120)
        out.append((w, proc.returncode, err))
    return out


def _check(op: Op, url: str, where: str, code: int, err: str) -> None:
    assert "Traceback" not in err, err
    if code != 0:  # stopped under it: a message of the table, in Chinese
        assert code in (2, 4) and CHINESE.search(err), (op.name, code, err)
    outcome = op.outcome(url)
    assert outcome in ("none", "all"), (op.name, where, code, outcome)
    if code == 0:
        assert outcome == "all", (op.name, where, outcome)
    _audit_ok(url)
    if outcome == "none":  # usable: the same command succeeds now
        assert _cli(op.argv(url)) == 0
        assert op.outcome(url) == "all"
    op.rows.append((where, code, outcome))


def test_server_stopped_during_an_import_and_a_freeze(cluster, empty_template, roster_template,
                                                      workbook, tmp_path):
    """RUNS stops, each under an import (one database) and a freeze (another) running at
    once, the moment drawn on one of them in turn."""
    template, period = roster_template
    lines = _scalar(cluster.url(template), "SELECT count(*) FROM roster_lines l JOIN rosters r "
                    "ON r.id = l.roster_id WHERE r.status = 'draft'")
    ledger_before = _scalar(cluster.url(template), "SELECT count(*) FROM ledger")
    assert lines > 500

    def imported(url: str) -> str:
        people = _scalar(url, "SELECT count(*) FROM people")
        records = _scalar(url, "SELECT count(*) FROM audit_log WHERE action = 'import.people'")
        if (people, records) == (0, 0):
            return "none"
        if (people, records) == (IMPORT_ROWS, 1):
            return "all"
        return f"PARTIAL people={people} records={records}"

    def frozen(url: str) -> str:
        status = _scalar(url, "SELECT status FROM rosters WHERE period = :p", p=period)
        ledger = _scalar(url, "SELECT count(*) FROM ledger")
        records = _scalar(url, "SELECT count(*) FROM audit_log WHERE action = 'roster.freeze' "
                          "AND entity_key = :p", p=period)
        if (status, ledger, records) == ("draft", ledger_before, 0):
            return "none"
        if status == "frozen" and ledger > ledger_before and records == 1:
            return "all"
        return f"PARTIAL status={status} ledger={ledger} records={records}"

    ops = [Op("import", empty_template, lambda url: [
               "--db", url, "--user", "admin", "import", "people", str(workbook), "--json"],
              "_write_people", imported),
           Op("freeze", template, lambda url: [
               "--db", url, "--user", "admin", "roster", "freeze", "--period", period, "--json"],
              "freeze", frozen)]
    _calibrate(cluster, ops, tmp_path)
    for i in range(RUNS):
        names = [cluster.create(op.template) for op in ops]
        urls = [cluster.url(n) for n in names]
        try:
            results = _stop_during(cluster, ops, urls, tmp_path, i % 2, random.Random(7000 + i))
            for op, url, (where, code, err) in zip(ops, urls, results, strict=True):
                _check(op, url, where, code, err)
        finally:
            for n in names:
                cluster.drop(n)
    for op in ops:
        print(f"\n{op.name}: {op.timing[0]:.2f} s to its transaction, {op.timing[1]:.2f} s in "
              f"it; (where stopped, exit, outcome): {op.rows}")
    for op in ops:  # the draw lands inside most of the time
        assert sum(1 for r in op.rows if r[0] == "during") >= RUNS // 4, (op.name, op.rows)


# --- a write and the server's restart (store/db.Database.write, store/pg.start_pause) -----------


@pytest.fixture
def office(cluster, empty_template):
    """A fresh database on the cluster: (its name, Services on it, the admin); dropped after."""
    from elderdesk.services.container import Services

    name = cluster.create(empty_template)
    services = Services.open(cluster.url(name))
    try:
        yield name, services, services.users.authenticate("admin", ADMIN_PASSWORD)
    finally:
        services.close()
        cluster.drop(name)


def _append(session, admin, key: str) -> None:
    from elderdesk.services import audit

    audit.record(session, admin, "test.append", "test", key, None, {})


def _records(services) -> int:
    with services.db.read() as s:
        return s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'test.append'")
                         ).scalar_one()


def _terminate_others(cluster, dbname: str) -> None:
    """Cut the sessions of this database (as a server restart does), from another one."""
    cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                f"'{dbname}' AND pid <> pg_backend_pid()")


def _cut_write(cluster, office, at_commit: bool) -> ElderError:
    """A write of one record whose connection is cut from another session: before its second
    record (inside), or after a flush so that the COMMIT goes to a closed connection; the error
    it raised."""
    name, services, admin = office
    with pytest.raises(ElderError) as caught, services.db.write() as s:
        _append(s, admin, "1")
        if at_commit:
            s.flush()
        _terminate_others(cluster, name)
        if not at_commit:
            _append(s, admin, "2")
    return caught.value


def test_a_write_started_while_the_server_restarts_waits_for_it(cluster, office):
    _, services, admin = office
    cluster.halt()
    restarted = threading.Timer(1.0, cluster.start)
    restarted.start()
    started = time.monotonic()
    with services.db.write() as s:  # refused connections, then the server is back
        _append(s, admin, "1")
    restarted.join()
    assert 1.0 <= time.monotonic() - started < 10
    assert _records(services) == 1


def test_a_connection_cut_inside_a_write_rolls_it_back(cluster, office):
    _, services, admin = office
    error = _cut_write(cluster, office, at_commit=False)
    assert error.code == "PG_UNREACHABLE"  # "刚才的操作没有保存": true
    assert _records(services) == 0
    with services.db.write() as s:  # the next write works on a new connection
        _append(s, admin, "3")
    assert _records(services) == 1


def test_a_connection_cut_at_commit_says_the_outcome_is_unknown(cluster, office):
    _, services, _ = office
    error = _cut_write(cluster, office, at_commit=True)
    assert error.code == "PG_COMMIT_UNKNOWN"
    assert error.exit_status == 4 and "无法确定" in error.message
    assert _records(services) == 0  # here it was not saved; the clerk is told to look
