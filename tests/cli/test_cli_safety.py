"""backup create/restore and audit verify through the CLI."""

import sqlite3

from tests.helpers import make_id

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
