"""Restore: a backup → change → restore round trip gives back the same data; a wrong or damaged
backup is refused before anything is touched (the database file keeps every byte)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.services.safety.service import SafetyService
from elderdesk.store import backup, schema
from elderdesk.store.db import Database
from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.helpers import make_id
from tests.safety.damage import damage

OLD = make_id("1946-05-20", 11)  # 80 in 2026-05
OLDER = make_id("1936-02-03", 21)
YOUNG = make_id("1962-07-08", 31)


def dump(path: Path) -> dict[str, list]:
    """Every table's rows (FTS shadow tables too), sorted (the audit log in its order): the data,
    independent of page order."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: (list(map(repr, conn.execute(f'SELECT * FROM "{n}" ORDER BY id')))
                    if n == "audit_log" else
                    sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"')))) for n in names}
    finally:
        conn.close()


def sidecar_free(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))}


@pytest.fixture
def office(services, admin, clerk, reviewer, approver, monkeypatch):
    """People, an approved allowance, a frozen roster, a card: most tables hold rows."""
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-08-25")
    for number, name in ((OLD, "赵德明"), (OLDER, "钱秀兰"), (YOUNG, "孙建国")):
        services.people.add(clerk, PersonInput(id_number=number, name=name, community="民意社区",
                                               bank="中国工商银行", account="6222021234567890"))
    services.allowance.apply(clerk, OLD, date(2026, 8, 10))
    services.allowance.review(reviewer, OLD, True, None, date(2026, 8, 20))
    services.allowance.approve(approver, OLD, date(2026, 8, 20))
    services.roster.build(approver, "2026Q2")
    services.roster.freeze(approver, "2026Q2")
    services.cards.issue(clerk, YOUNG, date(2026, 8, 21))
    return services


def test_backup_change_restore_gives_back_the_same_data(office, admin, clerk, db_path, tmp_path):
    saved = dump(db_path)
    target = SafetyService(office.db).create_backup(admin, tmp_path / "saved" / "b.db")
    assert dump(target) == saved  # the backup holds the data as it was
    assert len(saved["ledger"]) > 0 and len(saved["cards"]) == 1
    office.people.record_death(clerk, OLDER, date(2026, 8, 22))
    office.people.add(clerk, PersonInput(id_number=make_id("1950-01-01", 41), name="李四"))
    office.cards.issue(clerk, OLD, date(2026, 8, 23))
    office.users.add(admin, "newclerk", ["clerk"], "another-pass-1")
    changed = dump(db_path)
    assert changed != saved
    office.close()
    kept = Services.offline_safety(db_path).restore(admin, target)
    restored = dump(db_path)
    audit = restored.pop("audit_log")
    assert "('db.generation', '1')" in restored["settings"]  # the restore's generation
    restored["settings"].remove("('db.generation', '1')")
    assert {k: v for k, v in saved.items() if k != "audit_log"} == restored
    assert audit[:len(saved["audit_log"])] == saved["audit_log"]
    assert len(audit) == len(saved["audit_log"]) + 1 and "'backup.restore'" in audit[-1]
    assert "'backup.create'" in changed["audit_log"][len(saved["audit_log"])]
    assert kept is not None and kept.parent == db_path.parent
    assert dump(kept) == changed  # the replaced database was kept first, whole
    assert SafetyService(Database(db_path)).verify_audit(admin).ok


def _bad_sources(good: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Name → (file, the code restore must refuse it with)."""
    folder.mkdir()
    damaged = shutil.copyfile(good, folder / "damaged.db")
    damage(damaged, "users")
    half = folder / "truncated.db"
    half.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    junk = folder / "junk.db"
    junk.write_text("这不是数据库" * 100, encoding="utf-8")
    foreign = folder / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    newer = shutil.copyfile(good, folder / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    from elderdesk.services.users.service import initialise

    other = folder / "other-office.db"
    initialise(other, "420104", "江汉区别处", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    return {"damaged": (damaged, "BACKUP_INVALID"), "truncated": (half, "BACKUP_INVALID"),
            "junk": (junk, "BACKUP_INVALID"), "foreign": (foreign, "BACKUP_INVALID"),
            "newer": (newer, "BACKUP_NEWER_SCHEMA"), "other": (other, "BACKUP_WRONG_OFFICE"),
            "missing": (folder / "none.db", "FILE_NOT_FOUND")}


def test_wrong_or_damaged_backups_are_refused_and_change_nothing(services, admin, clerk, db_path,
                                                                tmp_path):
    good = SafetyService(services.db).create_backup(admin, tmp_path / "good.db")
    services.close()
    sources = _bad_sources(good, tmp_path / "bad")
    sources["itself"] = (db_path, "BACKUP_SAME_FILE")
    before_bytes, before_files = db_path.read_bytes(), sidecar_free(db_path.parent)
    source_bytes = {name: p.read_bytes() for name, (p, _) in sources.items() if p.exists()}
    for name, (path, code) in sources.items():
        with pytest.raises(ElderError) as e:
            Services.offline_safety(db_path).restore(admin, path)
        assert e.value.code == code, name
        assert db_path.read_bytes() == before_bytes, name
        assert sidecar_free(db_path.parent) == before_files, name  # no copy, no staging file
    for name, data in source_bytes.items():
        assert sources[name][0].read_bytes() == data, name  # the backups are only read
    with pytest.raises(ElderError) as e:
        Services.offline_safety(db_path).restore(clerk, good)
    assert e.value.code == "ROLE_DENIED" and db_path.read_bytes() == before_bytes


def test_an_older_backup_is_migrated_after_a_checked_copy(services, admin, db_path, tmp_path):
    old = tmp_path / "old-backup.db"
    db = Database(old)
    schema.upgrade(db, "0002")
    db.close()
    conn = sqlite3.connect(old)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                     [("office.region", "420103"), ("office.name", "江汉区民意街道社区服务中心")])
    conn.commit()
    conn.close()
    services.close()
    Services.offline_safety(db_path).restore(admin, old)
    assert backup.inspect(db_path).schema == schema.HEAD
    copies = list((db_path.parent / "backups").glob("office-*-before-migration-0002.db"))
    assert len(copies) == 1 and backup.inspect(old).schema == "0002"
