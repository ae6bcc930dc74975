"""backup create/restore and audit verify through the CLI."""

import sqlite3
from pathlib import Path

from tests.helpers import make_id
from tests.safety.damage import damage

ID = make_id("1946-05-20", 11)


def test_backup_round_trip_and_refusals(run, tmp_path):
    run("people", "add", "--id", ID, "--name", "张三丰")
    target = tmp_path / "b1.db"
    assert run("backup", "create", str(target)).status == 0
    assert run("backup", "create", str(target)).status == 4  # exists
    run("people", "death", ID, "--date", "2026-03-01")
    assert run("people", "show", ID, "--json").json["status"] == "deceased"
    r = run("backup", "restore", str(target))
    assert r.status == 0, r.err
    assert run("people", "show", ID, "--json").json["status"] == "active"
    kept = list(tmp_path.glob("office.before-restore-*.db"))
    assert len(kept) == 1  # the database replaced is kept
    damaged = tmp_path / "damaged.db"
    data = bytearray(target.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    damaged.write_bytes(bytes(data))
    before = run("people", "show", ID, "--json").json
    r = run("backup", "restore", str(damaged))
    assert r.status in (2, 4) and r.out == ""
    assert run("people", "show", ID, "--json").json == before
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    assert run("backup", "restore", str(junk)).status == 2


def test_restore_refuses_another_office(run, run_new, tmp_path):
    run_new("init", "--region", "420104", "--office", "别处", "--admin", "admin", user=None,
            password="admin-pass-1")
    other = tmp_path / "other.db"
    assert run_new("backup", "create", str(other), password="admin-pass-1").status == 0
    r = run("backup", "restore", str(other))
    assert r.status == 4 and r.err.startswith("BACKUP_WRONG_OFFICE")


def test_restore_needs_admin(run, tmp_path):
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    target = tmp_path / "b.db"
    run("backup", "create", str(target))
    assert run("backup", "restore", str(target), user="clerk", password="clerk-pass").status == 3
    assert run("backup", "create", str(tmp_path / "c.db"), user="clerk",
               password="clerk-pass").status == 3


def test_audit_verify_finds_an_edited_row(run, db_path):
    run("people", "add", "--id", ID, "--name", "张三丰")
    run("people", "death", ID, "--date", "2026-03-01")
    r = run("audit", "verify", "--json")
    assert r.status == 0 and r.json["ok"] and r.json["first_broken"] is None
    n = r.json["records"]
    conn = sqlite3.connect(db_path)
    target = conn.execute("SELECT id FROM audit_log WHERE action='people.add'").fetchone()[0]
    conn.execute("DROP TRIGGER audit_log_no_update")  # what a tamperer with the shell would do
    conn.execute("UPDATE audit_log SET operator='someone' WHERE id=?", (target,))
    conn.commit()
    conn.close()
    r = run("audit", "verify", "--json")
    assert r.status == 1 and r.json == {"ok": False, "records": r.json["records"],
                                        "first_broken": target}
    assert r.json["records"] <= n


def test_backup_folder_create_into_it_and_list(run, tmp_path):
    r = run("backup", "folder", "--json")
    assert r.status == 0 and r.json["folder"] == str((tmp_path / "backups").resolve())
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    assert run("backup", "folder", str(tmp_path / "x"), user="clerk",
               password="clerk-pass").status == 3
    r = run("backup", "folder", str(tmp_path / "no-stick" / "b"))
    assert r.status == 2 and r.err.startswith("BACKUP_FOLDER_UNUSABLE")
    stick = tmp_path / "stick"
    stick.mkdir()
    r = run("backup", "folder", str(stick / "elderdesk"), "--json")
    assert r.status == 0 and r.json["folder"] == str((stick / "elderdesk").resolve())
    r = run("backup", "create", "--json", today="2026-05-20")
    assert r.status == 0
    made = Path(r.json["file"])
    assert made.parent == (stick / "elderdesk").resolve() and made.name.startswith("office-2026")
    r = run("backup", "list", "--json")
    assert [b["file"] for b in r.json["backups"]] == [str(made)]
    assert r.json["backups"][0]["kind"] == "manual"


def test_a_damaged_database_is_never_backed_up_and_can_be_restored(run, db_path, tmp_path):
    run("people", "add", "--id", ID, "--name", "张三丰")
    good = tmp_path / "good.db"
    assert run("backup", "create", str(good)).status == 0
    damage(db_path)
    damaged = db_path.read_bytes()
    r = run("audit", "verify")
    assert r.status == 2 and r.err.startswith("DB_CORRUPT") and "backup restore" in r.err
    r = run("backup", "create", str(tmp_path / "copy.db"))
    assert r.status == 2 and r.err.startswith("DB_CORRUPT")
    assert not (tmp_path / "copy.db").exists() and db_path.read_bytes() == damaged
    r = run("backup", "restore", str(good), "--json")
    assert r.status == 0, r.err
    assert Path(r.json["previous_kept_as"]).read_bytes()[:16] == b"SQLite format 3\x00"
    assert run("people", "show", ID, "--json").json["name"] == "张三丰"
    assert run("audit", "verify", "--json").json["ok"]
