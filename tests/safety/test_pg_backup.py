"""Backups of an office on a PostgreSQL server (multi-office.md §1, docs/postgresql.md): `backup
create/list/restore` through pg_dump/pg_restore on a real office (people, cards, a frozen
roster), the head and checksum beside each dump, damaged, changed and foreign dumps refused with
nothing changed, PG_TOOLS_MISSING, the password kept off command lines and out of messages,
the same retention as SQLite, and the GUI's backups tab on a server."""

from __future__ import annotations

import logging
import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.services.safety import rotation
from elderdesk.store import backup_names
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.helpers import make_id
from tests.services.test_allowance_views import enrol

PERIOD = "2026Q3"


def _conn(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def fingerprint(url: str) -> dict[str, str]:
    """Every table's rows (md5 of their text in order): equal means the data is the same."""
    with _conn(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        return {t: conn.execute(
            f'SELECT count(*) || \':\' || coalesce(md5(string_agg(x::text, \'|\' ORDER BY '
            f'x::text)), \'\') FROM "{t}" x').fetchone()[0] for t in tables}


def audit_rows(url: str) -> list[tuple[int, str, str]]:
    with _conn(url) as conn:
        return [(int(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
            "SELECT id, action, hash FROM audit_log ORDER BY id")]


@pytest.fixture(scope="module")
def office_template(pg_cluster, pg_office_template) -> str:
    """An office on the server with users, enrolled people, a card and a frozen roster (made
    once per module; each test gets a copy)."""
    name = pg_cluster.create(pg_office_template)
    services = Services.open(pg_cluster.url(name))
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        for user, role in (("clerk1", "clerk"), ("reviewer1", "reviewer"),
                           ("approver1", "approver")):
            services.users.add(admin, user, [role], PASSWORD)
        clerk, reviewer, approver = (services.users.authenticate(u, PASSWORD)
                                     for u in ("clerk1", "reviewer1", "approver1"))
        people = [enrol(services, clerk, reviewer, approver, "1946-05-20", seq, "2026-08-10",
                        "2026-08-20") for seq in (1, 3, 5)]
        services.cards.issue(clerk, people[0])
        services.roster.build(approver, PERIOD)
        services.roster.freeze(approver, PERIOD)
    finally:
        services.close()
    return name


@pytest.fixture
def office(pg_cluster, office_template, tmp_path, monkeypatch) -> str:
    """A fresh copy of that office (its URL); this PC's settings and backups in tmp_path."""
    monkeypatch.setenv("ELDERDESK_PC_CONFIG", str(tmp_path / "pc.json"))
    monkeypatch.delenv("ELDERDESK_PG_BIN", raising=False)
    name = pg_cluster.create(office_template)
    yield pg_cluster.url(name)
    pg_cluster.drop(name)


@pytest.fixture
def run(office, monkeypatch) -> Runner:
    return Runner(office, monkeypatch)  # type: ignore[arg-type]


def _made(run: Runner) -> Path:
    r = run("backup", "create", "--json")
    assert r.status == 0, r.err
    return Path(r.json["file"])


def test_create_list_and_restore_a_real_office(run, office, tmp_path):
    before = fingerprint(office)
    last = audit_rows(office)[-1]
    made = _made(run)
    folder = tmp_path / "backups"
    assert made.parent == folder and made.name.endswith("-manual.dump")
    assert made.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    # the head: the last record the dump holds (the backup's own record comes after it)
    assert made.with_name(made.name + ".head").read_text() == f"420103 {last[0]} {last[2]}\n"
    assert len(made.with_name(made.name + ".sha256").read_text().split()[0]) == 64
    listed = run("backup", "list", "--json").json
    assert listed == {"folder": str(folder), "backups": [
        {"file": str(made), "at": listed["backups"][0]["at"], "kind": "manual",
         "size": made.stat().st_size}]}

    other = Services.open(office)  # a counter working meanwhile
    clerk = other.users.authenticate("clerk1", PASSWORD)
    approver = other.users.authenticate("approver1", PASSWORD)
    code = other.roster.show(approver, PERIOD).check_code
    other.people.add(clerk, PersonInput(id_number=make_id("1940-03-03", 7), name="后来登记"))
    other.cards.issue(clerk, make_id("1946-05-20", 3))
    assert fingerprint(office)["people"] != before["people"]

    r = run("backup", "restore", str(made), "--json")
    assert r.status == 0, r.err
    kept = Path(r.json["previous_kept_as"])
    assert kept.parent == folder and kept.name.endswith("-before-restore.dump")
    assert kept.with_name(kept.name + ".head").is_file()
    after = fingerprint(office)
    assert {t: v for t, v in after.items() if t not in ("audit_log", "settings")} == \
        {t: v for t, v in before.items() if t not in ("audit_log", "settings")}
    rows = audit_rows(office)
    assert rows[:-1] == [r for r in rows if r[0] <= last[0]] and rows[-2] == last
    assert rows[-1][1] == "backup.restore"

    with pytest.raises(ElderError) as refused:  # the other counter's next write
        other.people.add(clerk, PersonInput(id_number=make_id("1940-04-04", 9), name="又一位"))
    assert refused.value.code == "DB_RESTORED"
    other.close()
    again = Services.open(office)
    try:
        assert again.roster.show(approver, PERIOD).check_code == code  # the frozen roster
        assert again.people.search(clerk, "后来登记") == []
        check = again.safety.verify_audit(again.users.authenticate("admin", ADMIN_PASSWORD))
        assert check.ok and {(a.name, a.found or a.superseded) for a in check.anchors} == {
            (made.name, True), (kept.name, True)}
    finally:
        again.close()
    names = [Path(b["file"]).name for b in run("backup", "list", "--json").json["backups"]]
    assert sorted(names) == sorted([made.name, kept.name])
    # the kept copy restores the replaced data (the office is still the same)
    assert run("backup", "restore", str(kept)).status == 0
    with _conn(office) as conn:
        assert conn.execute("SELECT count(*) FROM people WHERE name = '后来登记'").fetchone()[0] == 1


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1:]


def test_damaged_changed_or_other_files_are_refused_and_nothing_changes(run, office, tmp_path,
                                                                       db_path):
    made = _made(run)
    data = made.read_bytes()
    ddl = data.index(b"CREATE TABLE public.people")
    cases = {
        "truncated.dump": (data[: len(data) // 2], False),
        "truncated-near-end.dump": (data[:-40], False),
        "data-byte.dump": (_flip(data, len(data) - 200), False),
        "header.dump": (_flip(data, 2), False),
        "ddl-with-checksum.dump": (_flip(data, ddl + 14), True),  # reads back; checksum says
        "truncated-with-checksum.dump": (data[:-40], True),
        # reads back (table definitions are not compressed): refused by the server while
        # loading, after the tables were dropped in the same transaction: all rolled back
        "ddl-no-checksum.dump": (_flip(data, ddl + len("CREATE TABLE public.peopl")), False),
        "sqlite.dump": (Path(db_path).read_bytes(), False),
        "text.dump": ("不是备份".encode() * 100, False),
    }
    before = fingerprint(office)
    for name, (content, with_checksum) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        if with_checksum:
            sidecar = made.with_name(made.name + ".sha256").read_text()
            path.with_name(name + ".sha256").write_text(sidecar)
        r = run("backup", "restore", str(path))
        assert (name, r.status) == (name, 2) and r.err.startswith("BACKUP_INVALID:"), r.err
        assert "当前数据库未做任何改动" in r.err
        assert fingerprint(office) == before, name
    # only the dump that got as far as the load had the current data kept first
    assert len(list((tmp_path / "backups").glob("*before-restore.dump"))) == 1


def test_a_backup_of_another_office_is_refused(run, office, pg_cluster, tmp_path, monkeypatch):
    from elderdesk.services.users.service import initialise

    name = pg_cluster.create()
    other_url = pg_cluster.url(name)
    try:
        initialise(other_url, "420104", "硚口区某街道", "admin", ADMIN_PASSWORD,
                   policy_source=wuhan_policy()).close()
        foreign = tmp_path / "foreign.dump"
        r = Runner(other_url, monkeypatch)("backup", "create", str(foreign))  # type: ignore[arg-type]
        assert r.status == 0 and foreign.is_file()
        before = fingerprint(office)
        r = run("backup", "restore", str(foreign))
        assert r.status == 4 and r.err.startswith("BACKUP_WRONG_OFFICE:")
        assert "硚口区某街道" in r.err and "420104" in r.err
        assert fingerprint(office) == before
    finally:
        pg_cluster.drop(name)


def test_missing_or_older_tools_are_pg_tools_missing(run, office, tmp_path, monkeypatch):
    made = _made(run)
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("ELDERDESK_PG_BIN", str(empty))
    before = fingerprint(office)
    r = run("backup", "create")
    assert r.status == 4 and r.err.startswith("PG_TOOLS_MISSING:") and "pg_dump" in r.err
    assert "没有找到" in r.err and "postgresql-client" in r.err
    r = run("backup", "restore", str(made))
    assert r.status == 4 and r.err.startswith("PG_TOOLS_MISSING:") and "pg_restore" in r.err
    old = tmp_path / "old-tools"
    old.mkdir()
    for tool in ("pg_dump", "pg_restore"):
        script = old / tool
        script.write_text(f"#!/bin/sh\necho '{tool} (PostgreSQL) 9.6.24'\n")
        script.chmod(0o755)
    monkeypatch.setenv("ELDERDESK_PG_BIN", str(old))
    r = run("backup", "create")
    assert r.status == 4 and "找到的是 9 版" in r.err
    assert fingerprint(office) == before
    assert [p.name for p in (tmp_path / "backups").iterdir() if p.suffix == ".dump"] == [made.name]


def test_the_password_reaches_the_tools_in_their_environment_only(office, tmp_path, monkeypatch,
                                                                  caplog):
    secret = "Pw-s3cret-9x"  # the test server trusts the connection; the tools still get it
    url = office.replace("postgres@", f"postgres:{secret}@")
    calls: list[tuple[list[str], dict]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def spy_run(args, *a, **k):  # type: ignore[no-untyped-def]
        calls.append(([str(x) for x in args], k.get("env") or {}))
        return real_run(args, *a, **k)

    class SpyPopen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, args, *a, **k):  # type: ignore[no-untyped-def]
            calls.append(([str(x) for x in args], k.get("env") or {}))
            super().__init__(args, *a, **k)

    monkeypatch.setattr(subprocess, "run", spy_run)
    monkeypatch.setattr(subprocess, "Popen", SpyPopen)
    run = Runner(url, monkeypatch)  # type: ignore[arg-type]
    caplog.set_level(logging.DEBUG)
    made = tmp_path / "by-hand.dump"
    r = run("backup", "create", str(made))
    assert r.status == 0
    r2 = run("backup", "restore", str(made))
    assert r2.status == 0
    monkeypatch.setenv("ELDERDESK_PG_BIN", str(tmp_path))  # no tools here: a message
    r3 = run("backup", "create")
    assert r3.status == 4
    dumps = [env for args, env in calls if Path(args[0]).name == "pg_dump"
             and "--version" not in args]
    assert dumps and all(env.get("PGPASSWORD") == secret for env in dumps)
    assert not [args for args, _env in calls if any(secret in a for a in args)]
    shown = r.out + r.err + r2.out + r2.err + r3.out + r3.err + caplog.text
    assert secret not in shown


def test_retention_on_the_server_is_the_sqlite_one(run, office, tmp_path):
    now = datetime(2026, 5, 20, 9, 0, 0)
    start = now - timedelta(days=400)
    folders = {".db": tmp_path / "sqlite", ".dump": tmp_path / "server"}
    for suffix, folder in folders.items():
        folder.mkdir()
        for i in range(400):
            for kind in ("daily", "manual") if i % 50 == 0 else ("daily",):
                at = start + timedelta(days=i, hours=i % 5)
                (folder / backup_names.backup_name(Path("office"), at, kind, suffix)).write_bytes(b"x")
        for hours in (1, 5, 23):
            name = backup_names.backup_name(Path("office"), now - timedelta(hours=hours), "daily", suffix)
            (folder / name).write_bytes(b"x")
    rotation.rotate(folders[".db"], "office", now)
    rotation.rotate(folders[".dump"], "office", now, ".dump")
    left = {s: sorted(p.name[: -len(s)] for p in f.iterdir()) for s, f in folders.items()}
    assert left[".db"] == left[".dump"] and 20 < len(left[".db"]) < 60

    services = Services.open(office)  # the GUI's daily backup on a server: once a day
    try:
        clerk = services.users.authenticate("clerk1", PASSWORD)
        first = services.safety.startup_checks(clerk)
        assert first.integrity == "ok" and first.backup is not None
        assert first.backup.name.endswith("-daily.dump") and first.backup.parent == \
            tmp_path / "backups"
        assert services.safety.startup_checks(clerk).backup is None
    finally:
        services.close()
    assert os.environ["ELDERDESK_PC_CONFIG"] == str(tmp_path / "pc.json")
    # the folder is this PC's: kept in pc.json, not in the shared database
    stick = tmp_path / "usb"
    assert run("backup", "folder", str(stick)).status == 0
    assert run("backup", "list", "--json").json == {"folder": str(stick), "backups": []}
    assert '"pg_backup_folder"' in (tmp_path / "pc.json").read_text()
    with _conn(office) as conn:
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'backup.folder'"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'backup.folder'"
                            ).fetchone()[0] == 1


def test_the_backups_tab_works_on_the_server(qtbot, office, tmp_path, monkeypatch):
    """系统 → 备份 on a server: back up now, then restore the selected dump (the same service)."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    from elderdesk.ui.ops import Ops
    from elderdesk.ui.pages.backups_tab import B_FILE, B_KIND, BackupsTab

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k: (
        shown.append(("question", text)), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a, **k: shown.append(("information", text)))
    holder = QWidget()
    qtbot.addWidget(holder)
    ops = Ops(holder)
    services = Services.open(office)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        clerk = services.users.authenticate("clerk1", PASSWORD)
        tab = BackupsTab(ops, services, admin)
        qtbot.addWidget(tab)
        tab.show()
        tab.refresh()
        ops.wait_done()
        assert tab.folder_label.text() == str(tmp_path / "backups")
        tab.backup_now()
        ops.wait_done()
        qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
        made = tab.selected().path
        assert made.suffix == ".dump" and made.is_file()
        assert tab.model.data(tab.model.index(0, B_KIND)) == "手动"
        assert tab.model.data(tab.model.index(0, B_FILE)) == made.name
        late = make_id("1941-02-02", 11)
        services.people.add(clerk, PersonInput(id_number=late, name="后来登记"))
        with qtbot.waitSignal(tab.restored, timeout=30000) as restored:
            tab.restore_selected()
        assert shown[0][0] == "question" and str(tmp_path / "backups") in shown[0][1]
        assert Path(restored.args[0]).name.endswith("-before-restore.dump")
        assert shown[-1][0] == "information"
    finally:
        ops.wait_done()
        services.close()
    with _conn(office) as conn:
        assert conn.execute("SELECT count(*) FROM people WHERE id_number = %s",
                            (late,)).fetchone()[0] == 0


def test_a_dump_of_an_older_revision_is_migrated_in_the_restore(run, office, pg_cluster, tmp_path,
                                                               monkeypatch):
    from elderdesk.store import schema
    from elderdesk.store.db import Database

    old_name = pg_cluster.create()
    old_url = pg_cluster.url(old_name)
    try:
        pg_cluster.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm", dbname=old_name)
        db = Database(old_url)
        try:
            schema.upgrade(db, "0010")  # the office as an older program left it
        finally:
            db.close()
        pg_cluster.sql("INSERT INTO settings (key, value) VALUES ('office.region', '420103'), "
                       "('office.name', '江汉区民意街道社区服务中心')", dbname=old_name)
        older = tmp_path / "older.dump"
        subprocess.run(["pg_dump", "-Fc", "-f", str(older), old_url], check=True)
    finally:
        pg_cluster.drop(old_name)
    r = run("backup", "restore", str(older))
    assert r.status == 0, r.err
    with _conn(office) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema.HEAD
        assert [a for (a,) in conn.execute("SELECT action FROM audit_log")] == ["backup.restore"]
    assert list((tmp_path / "backups").glob("*-before-migration-0010.dump"))
