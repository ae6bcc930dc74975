"""What the backup folder keeps (issue 11, item 2), the head beside each backup (the audit
anchor), the restore's own record of both heads, `backup list`, and the clean-up of what
interrupted backups and restores left (item 12)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.services.safety import rotation
from elderdesk.services.safety.service import SafetyService
from elderdesk.store import backup, backup_names
from tests.cli.conftest import Runner
from tests.helpers import make_id

NOW = datetime(2026, 5, 20, 9, 0, 0)


def _touch(folder: Path, name: str, age_seconds: float = 0) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    if age_seconds:
        old = time.time() - age_seconds
        os.utime(path, (old, old))
    return path


def _name(at: datetime, kind: str) -> str:
    return backup_names.backup_name(Path("office.db"), at, kind)


def last_record(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return int(row[0]), str(row[1])


# --- item 2: the rotation ---------------------------------------------------------------------
def test_two_manual_backups_within_a_minute_and_the_days_daily_all_survive(services, admin,
                                                                          db_path):
    safety = SafetyService(services.db)
    daily = rotation.take(services.db, "daily", datetime.now())
    first = safety.create_backup(admin)
    second = safety.create_backup(admin)  # within the same second, most likely
    third = safety.create_backup(admin)
    made = [daily, first, second, third]
    assert len({p.name for p in made}) == 4 and all(p.is_file() for p in made)
    assert first.name.endswith("-manual.db") or "-manual-" in first.name
    listed = {b.path for b in safety.backups(admin)}
    assert listed == set(made)


def test_manual_and_upgrade_backups_are_never_rotated_and_the_last_24_hours_all_kept(tmp_path):
    start = NOW - timedelta(days=500)
    for i in range(500):  # a year and a half of dailies, several a day lately
        _touch(tmp_path, _name(start + timedelta(days=i), "daily"))
    recent = [_touch(tmp_path, _name(NOW - timedelta(hours=h), "daily")) for h in (1, 5, 23)]
    recent_heads = [_touch(tmp_path, p.name + ".head") for p in recent]
    manual = [_touch(tmp_path, _name(start + timedelta(days=d, hours=3), "manual"))
              for d in (0, 1, 2, 200, 201)]
    manual.append(_touch(tmp_path, _name(start + timedelta(days=2, hours=3), "manual-1")))
    upgrade = [_touch(tmp_path, _name(start + timedelta(days=d), "before-migration-0004"))
               for d in (3, 300)]
    old_daily = tmp_path / _name(start + timedelta(days=10), "daily")
    old_head = _touch(tmp_path, old_daily.name + ".head")
    removed = rotation.rotate(tmp_path, "office", NOW)
    left = set(tmp_path.iterdir())
    assert set(manual) <= left and set(upgrade) <= left
    assert set(recent) <= left and set(recent_heads) <= left
    assert old_daily in removed and old_head in removed and not old_head.exists()
    dailies = sorted(b.at for b in rotation.list_backups(tmp_path, "office")
                     if b.kind == "daily")
    older = [at for at in dailies if at < NOW - timedelta(hours=24)]
    # older dailies thin: 7 days + 4 weeks + 12 months at most (the buckets overlap)
    assert 12 <= len(older) <= 7 + 4 + 12
    assert len({at.date() for at in older}) == len(older)
    assert rotation.rotate(tmp_path, "office", NOW) == []  # stable


def test_a_second_daily_the_same_day_keeps_the_first_within_24_hours(tmp_path):
    morning = _touch(tmp_path, _name(NOW.replace(hour=8), "daily"))
    evening = _touch(tmp_path, _name(NOW.replace(hour=18), "daily"))
    assert rotation.rotate(tmp_path, "office", NOW.replace(hour=18)) == []
    assert morning.exists() and evening.exists()
    removed = rotation.rotate(tmp_path, "office", NOW + timedelta(days=2))
    assert removed == [morning] and evening.exists()  # one a day once older than 24 hours


def test_the_days_automatic_backup_is_made_even_after_a_manual_one(services, admin, clerk):
    safety = SafetyService(services.db)
    safety.create_backup(admin)
    report = safety.startup_checks(clerk)
    assert report.backup is not None and report.backup.name.endswith("-daily.db")


# --- item 3: the head beside each backup ------------------------------------------------------
def test_every_backup_has_its_head_beside_it(services, admin, clerk, db_path, tmp_path):
    services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 1), name="老人甲"))
    safety = SafetyService(services.db)
    for made in (safety.create_backup(admin), safety.create_backup(admin, tmp_path / "f.db"),
                 rotation.take(services.db, "daily", datetime.now())):
        head = made.with_name(made.name + ".head")
        record, sha = last_record(made)
        assert head.read_text(encoding="utf-8") == f"420103 {record} {sha}\n"
        assert len(sha) == 64 and int(sha, 16) >= 0
        assert not list(made.parent.glob("*.partial"))
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('office.code', '420103001')")
    conn.commit()
    conn.close()
    made = safety.create_backup(admin)
    assert made.with_name(made.name + ".head").read_text().startswith("420103001 ")
    listed = [b.path.name for b in safety.backups(admin)]
    assert listed and not any(n.endswith((".head", ".partial")) for n in listed)


def test_backup_list_json_shape(db_path, monkeypatch, tmp_path):
    run = Runner(db_path, monkeypatch)
    made = Path(run("backup", "create", "--json").json["file"])
    r = run("backup", "list", "--json")
    assert r.status == 0
    assert r.json == {"folder": str(tmp_path / "backups"), "backups": [
        {"file": str(made), "at": r.json["backups"][0]["at"], "kind": "manual",
         "size": made.stat().st_size}]}
    datetime.fromisoformat(r.json["backups"][0]["at"])
    upgrade = made.with_name(made.name.replace("-manual", "-before-migration-0004"))
    upgrade.write_bytes(made.read_bytes())
    kinds = {b["kind"] for b in run("backup", "list", "--json").json["backups"]}
    assert kinds == {"manual", "upgrade"}
    r = run("backup", "list")
    assert r.status == 0 and "手动" in r.out and "升级前" in r.out and str(made) in r.out
    assert run("backup", "create", str(made)).status == 4  # F exists


# --- item 4: the restore's record of both heads -------------------------------------------------
def test_the_restore_record_holds_the_restored_and_the_replaced_head(services, admin, clerk,
                                                                     db_path, tmp_path):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    restored_head = last_record(saved)
    services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 2), name="老人乙"))
    replaced_head = last_record(db_path)
    services.close()
    Services.offline_safety(db_path).restore(admin, saved)
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT id, action, prev_hash, after_json FROM audit_log "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    after = json.loads(row[3])
    assert row[1] == "backup.restore" and row[0] == restored_head[0] + 1
    assert row[2] == restored_head[1]  # chained to the restored head
    assert after["restored_head"] == {"record": restored_head[0], "sha256": restored_head[1]}
    assert after["replaced_head"] == {"record": replaced_head[0], "sha256": replaced_head[1]}
    assert after["previous_kept_as"] and Path(after["previous_kept_as"]).is_file()


# --- item 12: leftovers of interrupted backups and restores -----------------------------------
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_leftovers_of_interrupted_backups_and_restores_are_cleaned_at_the_next_start(
        services, admin, db_path, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    dead, alive = _dead_pid(), os.getpid()
    stamp = "20260520-090000"
    gone = [
        _touch(tmp_path, f"office.db.{dead}.restoring"),
        _touch(tmp_path, f"office.db.{dead}.restoring-wal"),
        _touch(tmp_path, f"office.db.{dead}.restoring-shm"),
        _touch(tmp_path, "office.db.restoring", age_seconds=7200),  # an older version's
        _touch(tmp_path, f"office.before-restore-{stamp}.db.{dead}.partial"),
        _touch(tmp_path, f"office.before-restore-{stamp}.db.head.{dead}.partial"),  # its head
        _touch(folder, f"office-{stamp}-manual.db.{dead}.partial"),
        _touch(folder, f"office-{stamp}-daily.db.head.{dead}.partial"),
        _touch(folder, f"office-{stamp}-daily.db.partial", age_seconds=7200),
    ]
    kept = [
        _touch(tmp_path, f"office.db.{alive}.restoring"),  # a restore running now
        _touch(folder, f"office-{stamp}-manual.db.{alive}.partial"),  # a backup running now
        _touch(folder, "office-20260521-090000-daily.db.partial"),  # untagged, fresh: running?
        _touch(tmp_path, f"other.db.{dead}.restoring"),  # another database's
        _touch(folder, f"other-{stamp}-daily.db.{dead}.partial"),
        _touch(folder, "notes.partial"),
        _touch(tmp_path, f"office-{stamp}-manual.db.{dead}.partial"),  # not the backup folder
    ]
    services.close()
    r = Runner(db_path, monkeypatch)("backup", "list", "--json")  # any command opening the file
    assert r.status == 0, r.err
    assert not [p for p in gone if p.exists()]
    assert all(p.exists() for p in kept)
    assert Services.offline_safety(db_path).clean_leftovers() == []


def test_the_gui_start_cleans_leftovers_too(services, clerk, db_path, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    left = _touch(folder, f"office-20260520-090000-daily.db.{_dead_pid()}.partial")
    staged = _touch(tmp_path, f"office.db.{_dead_pid()}.restoring")
    SafetyService(services.db).startup_checks(clerk)
    assert not left.exists() and not staged.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_dead_restores_mark_is_ignored_and_a_running_ones_refuses_writes(
        services, admin, clerk, db_path, tmp_path, monkeypatch):
    """A mark left by a restore whose process died (killed midway: the copy into the database
    is one transaction, so the data is the one before) does not block writes."""
    from elderdesk.store.db import RESTORING_KEY

    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)",
                 (RESTORING_KEY, f"{_dead_pid()} {datetime.now().isoformat(timespec='seconds')}"))
    conn.commit()
    conn.close()
    services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 3), name="老人丙"))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE settings SET value = ? WHERE key = ?",
                 (f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}", RESTORING_KEY))
    conn.commit()
    conn.close()
    from elderdesk.domain.errors import ElderError

    with pytest.raises(ElderError) as e:  # a restore that runs: writes wait for its end
        services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 4), name="老人丁"))
    assert e.value.code == "DB_RESTORING" and e.value.exit_status == 4


# --- trying to break it -------------------------------------------------------------------------
def test_a_backup_with_another_page_size_is_restored_under_an_open_session(
        services, admin, clerk, db_path, tmp_path):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    conn = sqlite3.connect(saved)
    conn.execute("PRAGMA page_size=8192")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 5), name="老人戊"))
    # the live file is in WAL mode with 4096-byte pages
    Services.offline_safety(db_path).restore(admin, saved)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    from elderdesk.domain.errors import ElderError

    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", 6), name="老人己"))
    assert e.value.code == "DB_RESTORED"


def test_a_backup_never_replaces_a_file_of_the_same_name(services, tmp_path):
    target = tmp_path / "taken.db"
    target.write_bytes(b"someone else's backup")
    with pytest.raises(FileExistsError):
        backup.online_backup(services.db.path, target, exclusive=True)
    assert target.read_bytes() == b"someone else's backup"
    assert not list(tmp_path.glob("taken.db*partial")) and not (tmp_path / "taken.db.head").exists()


def test_a_restore_onto_a_missing_database_creates_it(services, admin, db_path, tmp_path):
    saved = SafetyService(services.db).create_backup(admin, tmp_path / "saved.db")
    services.close()
    target = tmp_path / "elsewhere" / "new.db"
    target.parent.mkdir()
    assert Services.offline_safety(target).restore(admin, saved) is None
    conn = sqlite3.connect(target)
    try:
        after = json.loads(conn.execute(
            "SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0])
        generation = conn.execute(
            "SELECT value FROM settings WHERE key = 'db.generation'").fetchone()[0]
    finally:
        conn.close()
    assert after["replaced_head"] is None and after["restored_head"]["record"] > 0
    assert generation == "1"
    assert sorted(p.name for p in target.parent.iterdir()) == ["new.db"]
