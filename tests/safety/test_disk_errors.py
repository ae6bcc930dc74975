"""The state of the machine is not damage: a full disk, a read-only file or folder and a file
locked by another program each get their own code and Chinese message (exit 4), and only a
file that fails SQLite's own check is DB_CORRUPT and points to a restore.

Made real as root: a small tmpfs filled up, `chattr +i` (root ignores permission bits, not the
immutable flag), a tmpfs remounted read-only, a second process holding BEGIN EXCLUSIVE."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError, message_for
from elderdesk.domain.person import PersonInput
from elderdesk.store import sqlite_file
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import make_id
from tests.safety.damage import damage

ID = make_id("1946-05-20", 11)
RESTORE_HINTS = ("backup restore", "系统 → 备份")


def _sh(*argv: str) -> bool:
    return subprocess.run(argv, capture_output=True).returncode == 0


def _settled_copy(source: Path, target: Path) -> Path:
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(source, target)
    return target


def fill(folder: Path) -> None:
    """Write a filler file until the file system refuses (ENOSPC)."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    fd = os.open(folder / "filler2", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:  # the last partial block
        while True:
            os.write(fd, b"\0")
    except OSError:
        pass
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free == 0


@pytest.fixture
def mounts() -> Iterator[list[Path]]:
    made: list[Path] = []
    yield made
    for path in reversed(made):
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path, mounts: list[Path]) -> Path:
    """A 2 MB tmpfs (skipped where mounting is not permitted: see the max_page_count test)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not _sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs is not permitted here")
    mounts.append(folder)
    return folder


@pytest.fixture
def immutable() -> Iterator[list[Path]]:
    """chattr +i on the paths added; lifted again at teardown."""
    made: list[Path] = []

    def add(path: Path) -> None:
        if not _sh("chattr", "+i", str(path)):
            pytest.skip("chattr +i is not available here")
        made.append(path)

    yield add  # type: ignore[misc]
    for path in made:
        _sh("chattr", "-i", str(path))


def _no_restore_advice(err: str) -> None:
    assert "DB_CORRUPT" not in err and "INTERNAL" not in err
    assert not any(hint in err for hint in RESTORE_HINTS), err
    assert "sqlite" not in err.lower() and "http" not in err


# --- a full disk -------------------------------------------------------------------------

def test_a_full_disk_at_start_is_disk_full_naming_the_folder(db_path, small_disk, monkeypatch):
    db = _settled_copy(db_path, small_disk / "office.db")
    fill(small_disk)
    run = Runner(db, monkeypatch)
    for argv in (("user", "list"), ("people", "search", "张")):
        r = run(*argv)
        assert r.status == 4 and r.err.startswith("DISK_FULL: "), r.err
        assert str(small_disk) in r.err and "磁盘" in r.err
        _no_restore_advice(r.err)


def test_a_full_disk_during_a_write_is_disk_full_and_nothing_is_lost(db_path, small_disk,
                                                                     monkeypatch):
    db = _settled_copy(db_path, small_disk / "office.db")
    run = Runner(db, monkeypatch)
    assert run("people", "add", "--id", make_id("1940-01-01", 3), "--name", "李四").status == 0
    holder = sqlite3.connect(db)  # keeps the -wal and -shm in place: the write itself fails
    holder.execute("SELECT count(*) FROM people").fetchone()
    try:
        fill(small_disk)
        r = run("people", "add", "--id", ID, "--name", "张三丰")
        assert r.status == 4 and r.err.startswith("DISK_FULL: "), r.err
        assert str(small_disk) in r.err
        _no_restore_advice(r.err)
    finally:
        holder.close()
    (small_disk / "filler").unlink()
    assert run("people", "show", ID).status == 4  # not written, and the file is fine
    assert run("people", "add", "--id", ID, "--name", "张三丰").status == 0
    assert run("audit", "verify", "--json").json["ok"]


def test_sqlite_full_from_max_page_count_is_disk_full(services, clerk, db_path):
    """The fallback where no file system can be mounted: SQLITE_FULL from a page limit."""
    from sqlalchemy import event, text

    with services.db.read() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()

    @event.listens_for(services.db.engine, "connect")
    def _limit(conn, _record):  # type: ignore[no-untyped-def]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    services.db.engine.dispose()
    with pytest.raises(ElderError) as e:
        for seq in range(1, 400):
            services.people.add(clerk, PersonInput(id_number=make_id("1940-01-01", seq),
                                                   name="张三丰"))
    assert e.value.code == "DISK_FULL" and e.value.exit_status == 4
    assert str(db_path.parent) in e.value.message


def test_a_gui_write_job_on_a_full_disk_shows_disk_full(qtbot, db_path, small_disk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from elderdesk.services.container import Services
    from elderdesk.ui.ops import Ops

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    db = _settled_copy(db_path, small_disk / "office.db")
    services = Services.open(db)
    try:
        clerk = services.users.authenticate("admin", ADMIN_PASSWORD)
        fill(small_disk)
        parent = QWidget()
        qtbot.addWidget(parent)
        ops = Ops(parent)
        ops.run(lambda: services.people.add(clerk, PersonInput(id_number=ID, name="张三丰")),
                lambda _r: None, write=True)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        ops.wait_done()
        assert shown == [message_for("DISK_FULL", path=str(small_disk))]
        assert services.db.damaged is None
    finally:
        services.close()


def test_the_startup_check_does_not_call_a_full_disk_damage(qtbot, db_path, small_disk,
                                                            monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from elderdesk.services.container import Services
    from elderdesk.ui import startup
    from elderdesk.ui.main_window import MainWindow

    shown: list[tuple[str, str, str]] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, k=kind:
                            shown.append((k, title, text)))
    db = _settled_copy(db_path, small_disk / "office.db")
    services = Services.open(db)
    try:
        op = services.users.authenticate("admin", ADMIN_PASSWORD)
        w = MainWindow(services, op)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.ops.wait_done()
        services.db.engine.dispose()  # the check opens its own connection on a full disk
        fill(small_disk)
        startup.start_safety_checks(w, op)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        w.ops.wait_done()
        assert not any("损坏" in title for _k, title, _t in shown), shown
        assert "损坏" not in w.windowTitle()
        assert any(message_for("DISK_FULL", path=str(small_disk)) in text
                   for _k, _t, text in shown), shown
        assert services.db.damaged is None
    finally:
        services.close()


# --- read-only file and folder -------------------------------------------------------------

def test_a_read_only_database_file_is_db_read_only(db_path, tmp_path, immutable, monkeypatch):
    folder = tmp_path / "ro-file"
    folder.mkdir()
    db = _settled_copy(db_path, folder / "office.db")
    immutable(db)
    run = Runner(db, monkeypatch)
    r = run("people", "add", "--id", ID, "--name", "张三丰")
    assert r.status == 4 and r.err.startswith("DB_READ_ONLY: "), r.err
    assert str(db) in r.err and "只读" in r.err and "写保护" in r.err
    _no_restore_advice(r.err)


def test_a_read_only_folder_is_db_read_only(db_path, tmp_path, immutable, monkeypatch):
    folder = tmp_path / "ro-folder"
    folder.mkdir()
    db = _settled_copy(db_path, folder / "office.db")
    immutable(folder)  # the file may be written, the -wal/-shm beside it not created
    run = Runner(db, monkeypatch)
    r = run("people", "add", "--id", ID, "--name", "张三丰")
    assert r.status == 4 and r.err.startswith("DB_READ_ONLY: "), r.err
    assert "文件夹" in r.err
    _no_restore_advice(r.err)


def test_a_write_protected_stick_is_db_read_only(db_path, small_disk, monkeypatch):
    db = _settled_copy(db_path, small_disk / "office.db")
    assert _sh("mount", "-o", "remount,ro", str(small_disk))
    run = Runner(db, monkeypatch)
    for argv in (("user", "list"), ("people", "add", "--id", ID, "--name", "张三丰")):
        r = run(*argv)
        assert r.status == 4 and r.err.startswith("DB_READ_ONLY: "), r.err
        _no_restore_advice(r.err)


# --- a file locked by another program ------------------------------------------------------

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def held_exclusively(path: Path) -> Iterator[Path]:
    """Another process holds BEGIN EXCLUSIVE on the file until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield path
    finally:
        holder.communicate("", timeout=30)


@pytest.fixture
def short_wait(monkeypatch) -> None:
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT", 0.5)  # 30 s in production


def test_a_file_locked_by_another_program_is_db_locked(db_path, short_wait, monkeypatch):
    run = Runner(db_path, monkeypatch)
    with held_exclusively(db_path):
        r = run("people", "add", "--id", ID, "--name", "张三丰")
    assert r.status == 4 and r.err.startswith("DB_LOCKED: "), r.err
    assert str(db_path) in r.err and "关闭" in r.err
    _no_restore_advice(r.err)
    assert run("people", "add", "--id", ID, "--name", "张三丰").status == 0  # released


def test_a_locked_file_in_a_service_write_is_db_locked(db_path, short_wait):
    from elderdesk.services.container import Services

    services = Services.open(db_path)
    try:
        op = services.users.authenticate("admin", ADMIN_PASSWORD)
        with held_exclusively(db_path), pytest.raises(ElderError) as e:
            services.people.add(op, PersonInput(id_number=ID, name="张三丰"))
        assert e.value.code == "DB_LOCKED" and e.value.exit_status == 4
        services.people.add(op, PersonInput(id_number=ID, name="张三丰"))
    finally:
        services.close()


# --- real damage ---------------------------------------------------------------------------

def test_real_damage_is_db_corrupt_without_the_drivers_text(db_path, monkeypatch, caplog):
    run = Runner(db_path, monkeypatch)
    assert run("people", "add", "--id", ID, "--name", "张三丰").status == 0
    damage(db_path)
    r = run("people", "search", "张三")
    assert r.err.startswith("DB_CORRUPT: ") and "backup restore" in r.err, r.err
    assert r.status == 2
    message = r.err.split(": ", 1)[1]
    assert not re.search(r"[A-Za-z]{4,}", message.replace("elderdesk backup restore", "")
                         .replace("elderdesk backup list", "")), message
    assert "sqlalche.me" not in r.err and "SELECT" not in r.err


def test_a_header_that_is_not_sqlite_stays_db_corrupt(db_path, monkeypatch):
    data = bytearray(db_path.read_bytes())
    data[:16] = b"Not SQLite here!"
    db_path.write_bytes(bytes(data))
    r = Runner(db_path, monkeypatch)("user", "list")
    assert r.status == 2 and r.err.startswith("DB_CORRUPT: ")


# --- output files the user chose -------------------------------------------------------------

@pytest.fixture
def run(db_path: Path, monkeypatch) -> Runner:
    return Runner(db_path, monkeypatch)


def test_a_report_on_a_full_stick_is_disk_full_and_leaves_nothing(run, small_disk):
    fill(small_disk)
    for argv in (("stats", "--pdf", str(small_disk / "s.pdf")),
                 ("stats", "--xlsx", str(small_disk / "s.xlsx")),
                 ("form", "pickup", "--month", "2026-05", "--pdf", str(small_disk / "p.pdf"))):
        r = run(*argv, today="2026-05-20")
        assert r.status == 4 and r.err.startswith("DISK_FULL: "), r.err
        assert str(small_disk) in r.err and r.out == ""
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "filler2"]


def test_a_report_into_a_read_only_folder_is_a_clear_refusal(run, tmp_path, immutable):
    folder = tmp_path / "ro-out"
    folder.mkdir()
    immutable(folder)
    r = run("stats", "--pdf", str(folder / "s.pdf"), today="2026-05-20")
    assert r.status == 2 and r.err.startswith("FILE_UNWRITABLE: "), r.err
    assert "没有权限" in r.err and "Permission" not in r.err and "Operation" not in r.err


def test_a_report_into_a_missing_folder_or_over_a_file_is_refused(run, tmp_path):
    r = run("stats", "--pdf", str(tmp_path / "nowhere" / "s.pdf"), today="2026-05-20")
    assert r.status == 2 and r.err.startswith("FILE_UNWRITABLE: ") and "文件夹" in r.err
    existing = tmp_path / "s.pdf"
    existing.write_bytes(b"earlier")
    r = run("stats", "--pdf", str(existing), today="2026-05-20")
    assert r.status == 4 and r.err.startswith("FILE_EXISTS: ")
    assert existing.read_bytes() == b"earlier"


def test_the_blank_template_on_a_full_stick_says_disk_full(qtbot, services, clerk, small_disk,
                                                           monkeypatch):
    from elderdesk.ui.dialogs.import_dialog import ImportDialog
    from elderdesk.ui.ops import Ops

    dialog = ImportDialog(Ops(), services, clerk)
    qtbot.addWidget(dialog)
    target = small_disk / "模板.xlsx"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(target))
    fill(small_disk)
    dialog._on_template_clicked()
    assert message_for("DISK_FULL", path=str(small_disk)) in dialog.status_label.text()
    assert not target.exists() and not (small_disk / "模板.xlsx.part").exists()


def test_init_on_a_full_disk_leaves_no_half_made_file(small_disk, monkeypatch):
    run = Runner(small_disk / "new.db", monkeypatch)
    fill(small_disk)
    argv = ("init", "--region", "420103", "--office", "民意街道", "--admin", "admin")
    r = run(*argv, user=None, password=ADMIN_PASSWORD)
    assert r.status == 4 and r.err.startswith("DISK_FULL: "), r.err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "filler2"]
    (small_disk / "filler").unlink()
    assert run(*argv, user=None, password=ADMIN_PASSWORD).status == 0  # space freed: it works
