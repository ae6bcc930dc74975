"""A restore while other sessions are open (issue 11, item 1): a second process writing, a
long-lived `Services` like the GUI's. The restore waits for writers (then DB_BUSY), keeps the
current database first, and every other session notices the swap on its next write
(DB_RESTORED): no write reports success and is lost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.services.safety.service import SafetyService
from elderdesk.store import safety as store_safety
from tests.cli.conftest import Runner
from tests.helpers import make_id
from tests.safety.kill import ROOT, environment

FIRST = make_id("1946-05-20", 11)
LATER = make_id("1946-05-21", 21)
SWAP_CODES = ("DB_RESTORED", "DB_RESTORING")


def ids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id_number FROM people")}
    finally:
        conn.close()


def held(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'test.held'").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def kept_copies(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(f"{db_path.stem}.before-restore-*.db"))


def test_a_long_lived_session_stops_after_a_restore_made_elsewhere(services, admin, clerk,
                                                                  db_path, tmp_path):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    services.people.add(clerk, PersonInput(id_number=FIRST, name="赵德明"))
    # another window or process; `services` stays open
    Services.offline_safety(db_path).restore(admin, saved)
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=LATER, name="钱秀兰"))
    assert e.value.code == "DB_RESTORED" and e.value.exit_status == 4
    assert "从备份恢复" in e.value.message and "重新登录" in e.value.message
    with pytest.raises(ElderError) as e:  # and every later write too: the session is over
        services.users.add(admin, "late", ["clerk"], "late-pass-1")
    assert e.value.code == "DB_RESTORED"
    assert services.people.search(clerk, "赵德明") == []  # reads see the restored file
    services.close()
    assert ids_in(db_path) == set()
    [kept] = kept_copies(db_path)
    assert ids_in(kept) == {FIRST}  # what was replaced is kept
    fresh = Services.open(db_path)  # a new session (the login again) writes normally
    try:
        admin2 = fresh.users.authenticate("admin", "admin-pass-1")
        fresh.people.add(admin2, PersonInput(id_number=LATER, name="钱秀兰"))
    finally:
        fresh.close()
    assert ids_in(db_path) == {LATER}


def test_restoring_twice_with_a_session_open_in_between(services, admin, clerk, db_path,
                                                        tmp_path):
    """A session opened after the first restore is current; the second restore ends it."""
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    Services.offline_safety(db_path).restore(admin, saved)
    middle = Services.open(db_path)
    try:
        op = middle.users.authenticate("admin", "admin-pass-1")
        middle.people.add(op, PersonInput(id_number=FIRST, name="赵德明"))
        # back to the first state
        Services.offline_safety(db_path).restore(admin, kept_copies(db_path)[0])
        with pytest.raises(ElderError) as e:
            middle.people.add(op, PersonInput(id_number=LATER, name="钱秀兰"))
        assert e.value.code == "DB_RESTORED"
    finally:
        middle.close()
    assert ids_in(db_path) == set()
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=LATER, name="钱秀兰"))
    assert e.value.code == "DB_RESTORED"


# --- a real second process ------------------------------------------------------------------
SESSION_SCRIPT = textwrap.dedent("""
    import sys
    from elderdesk.domain.errors import ElderError
    from elderdesk.domain.person import PersonInput
    from elderdesk.services.container import Services
    from sqlalchemy import text
    from pathlib import Path
    services = Services.open(Path(sys.argv[1]))
    op = services.users.authenticate("admin", "admin-pass-1")
    mode, id_number = sys.argv[2], sys.argv[3]
    def step(word):
        print(word, flush=True)
        sys.stdin.readline()
    try:
        if mode == "hold":  # holds the write lock until told to commit
            with services.db.write() as s:
                s.execute(text("INSERT INTO settings (key, value) VALUES ('test.held', :v)"),
                          {"v": id_number})
                step("locked")
        else:  # a session opened now, writing later (the GUI's)
            step("ready")
            services.people.add(op, PersonInput(id_number=id_number, name="孙建国"))
        print("OK", flush=True)
    except ElderError as exc:
        print(exc.code, flush=True)
    finally:
        services.close()
""")


def _session(db_path: Path, mode: str, id_number: str, tmp_path: Path) -> subprocess.Popen:
    script = tmp_path / "session.py"
    script.write_text(SESSION_SCRIPT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(db_path), mode, id_number],
                            cwd=ROOT, env=environment(tmp_path / "trace.txt"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() in ("ready", "locked")
    return proc


def _finish(proc: subprocess.Popen) -> str:
    out, _ = proc.communicate("go\n", timeout=60)
    assert proc.returncode == 0
    return out.strip()


def test_another_process_writing_after_the_restore_is_refused(services, admin, db_path,
                                                              tmp_path):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    services.close()
    proc = _session(db_path, "later", LATER, tmp_path)
    try:
        Services.offline_safety(db_path).restore(admin, saved)
    finally:
        outcome = _finish(proc)
    assert outcome == "DB_RESTORED"
    assert LATER not in ids_in(db_path)


def test_a_restore_waits_for_a_writer_then_refuses_with_db_busy(services, admin, db_path,
                                                                tmp_path, monkeypatch):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    services.close()
    monkeypatch.setattr(store_safety, "RESTORE_WAIT", 1.0)  # the contract's 10 s, shortened
    run = Runner(db_path, monkeypatch)
    proc = _session(db_path, "hold", LATER, tmp_path)
    try:
        before = time.monotonic()
        r = run("backup", "restore", str(saved))
        waited = time.monotonic() - before
    finally:
        outcome = _finish(proc)
    assert r.status == 4 and r.err.startswith("DB_BUSY:") and r.out == "", r.err
    assert waited >= 0.9
    assert outcome == "OK" and held(db_path) == LATER  # the writer's work stands
    assert kept_copies(db_path) == []  # nothing was done
    assert sorted(p.name for p in db_path.parent.glob("*restoring*")) == []
    r = run("backup", "restore", str(saved))  # the writer is done: now it goes through
    assert r.status == 0, r.err
    assert held(db_path) is None and held(kept_copies(db_path)[0]) == LATER


def _workbook(path: Path, n: int) -> Path:
    import xlsxwriter

    from elderdesk.demo.generator import make_people

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, ["序号", "姓名", "身份证号"])
    for row, p in enumerate(make_people(n, 5, on=date(2026, 5, 20), stamp=datetime(2026, 5, 20)),
                            start=1):
        sheet.write_row(row, 0, [row, p["name"], p["id_number"]])
    book.close()
    return path


def _has_open(pid: int, path: Path) -> bool:
    folder = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in folder.iterdir())
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches /proc for the open file")
def test_an_import_in_another_process_during_a_restore_is_never_lost(services, admin, db_path,
                                                                     tmp_path, monkeypatch):
    """`python -m elderdesk import people` has the database open and reads its workbook when
    `backup restore` runs: the import must not report success for rows that are gone."""
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    services.close()
    book = _workbook(tmp_path / "register.xlsx", 20_000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "elderdesk", "import", "people", str(book), "--db", str(db_path),
         "--user", "admin", "--json"], cwd=ROOT, env=environment(tmp_path / "trace.txt"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not _has_open(proc.pid, db_path.resolve()) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    r = Runner(db_path, monkeypatch)("backup", "restore", str(saved), "--json")
    out, err = proc.communicate(timeout=300)
    assert r.status == 0, r.err
    kept = Path(r.json["previous_kept_as"])
    imported = ids_in(db_path) | ids_in(kept)
    if proc.returncode == 0:  # reported done: every row is somewhere
        assert json.loads(out)["imported"] == 20_000
        assert len(ids_in(db_path)) == 20_000 or len(ids_in(kept)) == 20_000
    else:
        assert proc.returncode == 4 and err.split(":")[0] in SWAP_CODES, err
        assert imported == set()
    # the restore landed while the import was still logging in or reading (what this test is
    # about): it stopped with a message instead of writing into replaced data
    assert proc.returncode == 4, (proc.returncode, err)
