"""Backups in the backup folder: names, the 7/4/12 rotation, the folder setting, the day's first
automatic backup, and the copy kept before a migration."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.services.safety import rotation
from elderdesk.services.safety.service import SafetyService
from elderdesk.store import backup, backup_names, schema
from elderdesk.store.db import Database
from tests.safety.damage import damage


def _b(at: datetime, kind: str = "daily") -> rotation.Backup:
    return rotation.Backup(Path(f"office-{at:%Y%m%d-%H%M%S}-{kind}.db"), at, kind)


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    days = [datetime(2025, 1, 1, 8) + timedelta(days=i) for i in range(505)]  # to 2026-05-20
    assert days[-1].date() == date(2026, 5, 20)  # a Wednesday
    backups = [_b(d) for d in days] + [_b(datetime(2026, 5, 20, 9))]
    kept = {p.name for p in rotation.keep(backups)}
    expected = ["20260520-090000", "20260519-080000", "20260518-080000", "20260517-080000",
                "20260516-080000", "20260515-080000", "20260514-080000",  # 7 days
                "20260510-080000", "20260503-080000",  # Sundays ending ISO weeks 19 and 18
                "20260430-080000", "20260331-080000", "20260228-080000", "20260131-080000",
                "20251231-080000", "20251130-080000", "20251031-080000", "20250930-080000",
                "20250831-080000", "20250731-080000", "20250630-080000"]  # 12 months
    assert kept == {f"office-{s}-daily.db" for s in expected}


def test_rotation_with_few_backups_keeps_them_all_and_always_the_newest():
    few = [_b(datetime(2026, 5, d, 8)) for d in (1, 9, 20)]
    assert rotation.keep(few) == {b.path for b in few}
    same_day = [_b(datetime(2026, 5, 20, h)) for h in (8, 9, 10)]
    assert rotation.keep(same_day, daily=0, weekly=0, monthly=0) == {same_day[-1].path}
    assert rotation.keep([]) == set()


def _touch(folder: Path, name: str, age_seconds: float = 0) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    if age_seconds:
        old = time.time() - age_seconds
        os.utime(path, (old, old))
    return path


def test_rotate_deletes_only_thinned_backups_of_this_database(tmp_path):
    start = datetime(2025, 1, 1, 8)
    for i in range(505):
        _touch(tmp_path, backup_names.backup_name(Path("office.db"), start + timedelta(days=i), "daily"))
    keep = {
        _touch(tmp_path, "office-20250102-080000-before-migration-0002.db"),  # never thinned
        _touch(tmp_path, "office-20250102-080000-before-restore.db"),
        _touch(tmp_path, "other-20250101-080000-daily.db"),  # another database's
        _touch(tmp_path, "office-notes.txt"),
        _touch(tmp_path, "office-20260520-090000-manual.db.partial"),  # may still be written
    }
    stale = _touch(tmp_path, "office-20250101-080000-daily.db.partial", age_seconds=7200)
    removed = rotation.rotate(tmp_path, "office")
    left = set(tmp_path.iterdir())
    assert stale in removed and not stale.exists()
    assert keep <= left
    daily = [p for p in left if p.name.endswith("-daily.db") and p.name.startswith("office-")]
    assert len(daily) == 20 and len(removed) == 505 - 20 + 1
    assert rotation.rotate(tmp_path, "office") == []  # stable


def test_take_copies_a_checked_database_into_the_folder(db_path, tmp_path):
    db = Database(db_path)
    (tmp_path / "usb").mkdir()  # the stick; its elderdesk folder is made on first use
    folder = tmp_path / "usb" / "elderdesk"
    path = rotation.take(db, "manual", datetime(2026, 5, 20, 8, 30), folder)
    assert path == folder.resolve() / "office-20260520-083000-manual.db"
    info = backup.inspect(path)
    assert (info.integrity, info.schema, info.region) == ("ok", schema.HEAD, "420103")
    again = rotation.take(db, "manual", datetime(2026, 5, 20, 8, 30), folder)
    assert again.name == "office-20260520-083000-manual-1.db"  # never overwrites
    assert rotation.list_backups(folder, "office")[0].kind == "manual"
    db.close()


def test_take_refuses_a_damaged_database_and_copies_nothing(db_path, tmp_path):
    damage(db_path)
    db = Database(db_path)
    with pytest.raises(ElderError) as e:
        rotation.take(db, "daily", datetime(2026, 5, 20), tmp_path / "b")
    assert e.value.code == "DB_CORRUPT" and db.damaged
    assert not (tmp_path / "b").exists()
    db.close()


def test_unusable_folders_are_refused(tmp_path):
    with pytest.raises(ElderError) as e:
        rotation.check_folder(tmp_path / "no-stick" / "backups")
    assert e.value.code == "BACKUP_FOLDER_UNUSABLE" and "U盘" in e.value.message
    a_file = _touch(tmp_path, "file")
    with pytest.raises(ElderError) as e:
        rotation.check_folder(a_file)
    assert e.value.code == "BACKUP_FOLDER_UNUSABLE"
    for hostile in ("a\x00b", "备份\n文件夹", "x" * 5000):
        with pytest.raises(ElderError) as e:
            rotation.check_folder(tmp_path / hostile)
        assert e.value.code == "BACKUP_FOLDER_UNUSABLE"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    assert rotation.check_folder(tmp_path / "new") == (tmp_path / "new").resolve()


def test_folder_setting_is_audited_and_used(services, admin, clerk, tmp_path, db_path):
    safety = SafetyService(services.db)
    assert safety.backup_folder(admin) == db_path.parent.resolve() / "backups"
    with pytest.raises(ElderError) as e:
        safety.set_backup_folder(clerk, tmp_path / "x")
    assert e.value.code == "ROLE_DENIED"
    chosen = safety.set_backup_folder(admin, tmp_path / "stick")
    assert safety.backup_folder(admin) == chosen
    made = safety.create_backup(admin)  # no file given: into the folder
    assert made.parent == chosen and made.name.endswith("-manual.db")
    conn = sqlite3.connect(db_path)
    actions = [r[0] for r in conn.execute(
        "SELECT action || ':' || coalesce(entity_key, '') FROM audit_log ORDER BY id")]
    conn.close()
    assert actions[-2:] == ["settings.change:backup.folder", f"backup.create:{made.name}"]


def test_first_start_of_the_day_makes_one_backup(services, admin, clerk, monkeypatch, db_path):
    from elderdesk.services.safety import service as safety_module

    safety = SafetyService(services.db)
    clock = [datetime(2026, 5, 20, 9, 0)]  # the system clock (ELDERDESK_TODAY plays no part)
    monkeypatch.setattr(safety_module, "now", lambda: clock[0])
    monkeypatch.setenv("ELDERDESK_TODAY", "2027-01-01")
    first = safety.startup_checks(clerk)  # whoever starts the program first that day
    assert first.integrity == "ok" and first.backup is not None and first.backup_error is None
    assert first.backup.parent == db_path.parent.resolve() / "backups"
    assert "-20260520-" in first.backup.name and first.backup.name.endswith("-daily.db")
    clock[0] = datetime(2026, 5, 20, 17, 30)
    assert safety.startup_checks(admin).backup is None  # not again the same day
    monkeypatch.setenv("ELDERDESK_TODAY", "2027-01-02")
    assert safety.startup_checks(admin).backup is None  # another ELDERDESK_TODAY: still not
    clock[0] = datetime(2026, 5, 21, 8, 0)
    assert safety.startup_checks(admin).backup is not None
    assert len(safety.backups(admin)) == 2


def test_startup_backup_into_a_missing_stick_reports_it(services, admin, tmp_path):
    safety = SafetyService(services.db)
    safety.set_backup_folder(admin, tmp_path / "stick")
    (tmp_path / "stick").rmdir()
    (tmp_path / "stick").write_text("the stick is gone; a file is in the way")
    report = safety.startup_checks(admin)
    assert report.integrity == "ok" and report.backup is None
    assert "无法使用" in (report.backup_error or "")


def _old_database(path: Path, settings: list[tuple[str, str]]) -> None:
    """A database at revision 0002 (before the cards), with some settings."""
    db = Database(path)
    schema.upgrade(db, "0002")
    db.close()
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", settings)
    conn.commit()
    conn.close()


def test_migration_keeps_a_checked_copy_in_the_backup_folder(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path, [(backup.FOLDER_KEY, str(tmp_path / "stick"))])
    migrated = schema.open_existing(path)
    migrated.close()
    copies = list((tmp_path / "stick").glob("old-*-before-migration-0002.db"))
    assert len(copies) == 1 and backup.inspect(copies[0]).schema == "0002"
    assert backup.inspect(path).schema == schema.HEAD


def test_a_damaged_file_is_never_migrated(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path, [("k", "v")])
    damage(path, table="settings")
    before = path.read_bytes()
    with pytest.raises(ElderError) as e:
        schema.open_existing(path)
    assert e.value.code == "DB_CORRUPT"
    assert path.read_bytes() == before and not (tmp_path / "backups").exists()
