"""`server copy SQLITE_FILE URL` (multi-office.md §1): an office's file onto an empty PostgreSQL
database, both sides compared, the file read-only afterwards."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import psycopg
import pytest

from elderdesk.store import pg_copy
from tests.cli.conftest import Runner
from tests.conftest import wuhan_policy
from tests.helpers import make_id

ID = make_id("1946-05-20", 11)
OTHER = make_id("1950-03-02", 12, sex="F")
THIRD = make_id("1952-07-07", 13)
SECRET = "Sekret-99"  # the trust cluster takes any password: it must never be shown


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office with users of separate duties, three people, cards (with their receipts), an
    approved application, a frozen 2026Q3 roster and its bank file: built once per module."""
    from elderdesk.services.users.service import initialise
    from tests.conftest import ADMIN_PASSWORD

    folder = tmp_path_factory.mktemp("server-copy")
    path = folder / "office.db"
    initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    with pytest.MonkeyPatch.context() as mp:
        run = Runner(path, mp)
        for name, role in (("clerk", "clerk"), ("rev", "reviewer"), ("appr", "approver")):
            assert run("user", "add", name, "--role", role, stdin=f"{name}-pass1\n").status == 0

        def as_(user: str, *argv: str, **kw):  # type: ignore[no-untyped-def]
            r = run(*argv, user=user, password=f"{user}-pass1", **kw)
            assert r.status == 0, (argv, r.err)
            return r

        for id_number, name in ((ID, "张三丰"), (OTHER, "李秀英"), (THIRD, "王五")):
            as_("clerk", "people", "add", "--id", id_number, "--name", name, "--bank",
                "中国工商银行", "--account", "6222021234567890", "--address", r"民意街\N号 C:\t")
        as_("clerk", "card", "issue", ID, "--date", "2026-08-01")
        as_("clerk", "card", "issue", OTHER, "--date", "2026-08-02")
        as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10")
        as_("rev", "allowance", "review", ID, "--approve", "--date", "2026-08-20")
        as_("appr", "allowance", "approve", ID, "--date", "2026-08-20")
        as_("appr", "roster", "build", "--period", "2026Q3", today="2026-10-05")
        as_("appr", "roster", "freeze", "--period", "2026Q3", today="2026-10-05")
        as_("appr", "roster", "export", "--period", "2026Q3", "--xlsx",
            str(folder / "bank-sqlite.xlsx"), today="2026-10-05")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def office(office_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runner:
    """A runner on a fresh copy of the office file (its `--db` is ignored by server copy)."""
    path = tmp_path / "office.db"
    shutil.copyfile(office_file, path)
    return Runner(path, monkeypatch)


def with_password(url: str) -> str:
    return url.replace("postgres@", f"postgres:{SECRET}@")


def tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]


def catalog(url: str) -> dict[str, set]:
    """Constraints, indexes, triggers (with their enabled state) and sequences of a database."""
    with psycopg.connect(url) as conn:
        return {"constraints": set(conn.execute(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                    "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace")),
                "indexes": set(conn.execute(
                    "SELECT indexname, indexdef FROM pg_indexes "
                    "WHERE schemaname = current_schema()")),
                "triggers": set(conn.execute(
                    "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger "
                    "WHERE NOT tgisinternal")),
                "sequences": set(conn.execute(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"))}


def bank_rows(path: Path) -> list[tuple]:
    return [tuple(r) for ws in openpyxl.load_workbook(path).worksheets
            for r in ws.iter_rows(values_only=True)]


def test_copy_keeps_everything_and_the_file_then_only_reads(office, office_file, pg_empty_url,
                                                            pg_url, tmp_path, caplog):
    url = with_password(pg_empty_url)
    before = {cmd: office(*cmd, "--json", today="2026-10-05").json for cmd in (
        ("people", "show", ID), ("people", "show", OTHER), ("roster", "show", "--period", "2026Q3"),
        ("card", "show", ID))}
    saved = tmp_path / "before-copy.db"
    assert office("backup", "create", str(saved)).status == 0
    verify_before = office("audit", "verify", "--json").json

    r = office("server", "copy", str(office.db), url, "--json")
    assert r.status == 0, r.err
    doc = r.json
    assert doc["server"] == pg_empty_url and SECRET not in r.out + r.err + caplog.text
    assert doc["tables"]["people"] == 3 and doc["tables"]["cards"] == 2
    assert doc["tables"]["roster_lines"] == 1 and doc["money_fen"]["roster_lines.paid_fen"] > 0
    assert doc["audit"] == {"records": verify_before["records"], "ok": True}

    assert catalog(pg_empty_url) == catalog(pg_url)  # as `init` makes it (keys, triggers on)
    on_pg = Runner(url, office.mp)  # type: ignore[arg-type]
    for cmd, shown in before.items():
        assert on_pg(*cmd, "--json", today="2026-10-05").json == shown, cmd
    verify_after = on_pg("audit", "verify", "--json").json
    assert verify_after["ok"] and verify_after["records"] == verify_before["records"]
    r = on_pg("roster", "export", "--period", "2026Q3", "--xlsx", str(tmp_path / "bank-pg.xlsx"))
    assert r.status == 0, r.err
    assert bank_rows(tmp_path / "bank-pg.xlsx") == bank_rows(
        office_file.parent / "bank-sqlite.xlsx")

    # the sequences continue: a new person, the next card number without a gap
    first = before[("card", "show", ID)]["cards"][0]["card_no"]
    r = on_pg("people", "add", "--id", make_id("1940-01-01", 21), "--name", "赵六")
    assert r.status == 0, r.err
    r = on_pg("card", "issue", THIRD, "--date", "2026-10-06", "--json")
    assert r.status == 0, r.err
    assert int(r.json["card_no"][-6:]) == int(first[-6:]) + 2
    assert on_pg("audit", "verify", "--json").json["ok"]

    # the triggers are active again on the server
    with psycopg.connect(pg_empty_url) as conn:
        for sql in ("UPDATE audit_log SET operator = 'x' WHERE id = 1",
                    "UPDATE roster_lines SET paid_fen = 0",
                    "DELETE FROM rosters"):
            with pytest.raises(psycopg.Error):
                conn.execute(sql)
            conn.rollback()

    # the file reads, refuses every write naming the server without its password
    assert office("people", "show", ID, "--json").json == before[("people", "show", ID)]
    r = office("people", "search", "张三")
    assert r.status == 0 and "张三丰" in r.out
    for argv in (("people", "add", "--id", make_id("1941-02-03", 22), "--name", "孙七"),
                 ("card", "issue", THIRD, "--date", "2026-10-06"),
                 ("server", "copy", str(office.db), url),
                 ("backup", "restore", str(saved))):  # a backup would bring back a live copy
        r = office(*argv)
        assert r.status == 4 and r.err.startswith("DB_MOVED"), (argv, r.err)
        assert pg_empty_url in r.err and SECRET not in r.err
    assert office("people", "show", ID, password="wrong-pass").status == 3

    # a non-empty target: refused, left as it is
    other = tmp_path / "other.db"
    shutil.copyfile(office_file, other)
    r = office("server", "copy", str(other), url)
    assert r.status == 4 and r.err.startswith("COPY_TARGET_NOT_EMPTY"), r.err
    assert SECRET not in r.err
    assert on_pg("people", "show", THIRD).status == 0
    assert Runner(other, office.mp)("people", "add", "--id", make_id("1941-02-03", 22),
                                    "--name", "孙七").status == 0


@pytest.mark.parametrize("tamper", [
    "UPDATE ledger SET paid_fen = paid_fen + 1",
    "DELETE FROM person_keys WHERE ctid = (SELECT min(ctid) FROM person_keys)",
])
def test_a_difference_keeps_nothing(office, pg_empty_url, monkeypatch, tamper):
    monkeypatch.setattr(pg_copy, "after_copy_hook", lambda conn: conn.exec_driver_sql(tamper))
    r = office("server", "copy", str(office.db), pg_empty_url)
    assert r.status == 4 and r.err.startswith("COPY_MISMATCH"), r.err
    assert tables(pg_empty_url) == []
    assert office("people", "add", "--id", make_id("1941-02-03", 22), "--name", "孙七").status == 0
    monkeypatch.setattr(pg_copy, "after_copy_hook", None)
    r = office("server", "copy", str(office.db), pg_empty_url, "--json")
    assert r.status == 0 and r.json["tables"]["people"] == 4, r.err


def test_rows_the_server_refuses_keep_nothing(office, pg_empty_url):
    """A value the server's column cannot hold: COPY_MISMATCH naming the table, nothing kept."""
    with sqlite3.connect(office.db) as conn:
        conn.execute("UPDATE cards SET fee_fen = 5000000000 WHERE id = 1")
    r = office("server", "copy", str(office.db), pg_empty_url)
    assert r.status == 4 and r.err.startswith("COPY_MISMATCH") and "cards" in r.err, r.err
    assert tables(pg_empty_url) == []
    assert office("people", "add", "--id", make_id("1941-02-03", 22), "--name", "孙七").status == 0


def test_server_faults_and_operators(office, pg_cluster, pg_empty_url):
    for url, code in ((f"postgresql://postgres:{SECRET}@127.0.0.1:1/x", "PG_UNREACHABLE"),
                      (f"postgresql://nobody:{SECRET}@127.0.0.1:{pg_cluster.port}/postgres",
                       "PG_LOGIN_REFUSED"),
                      ("not-a-url", "PG_URL_INVALID")):
        r = office("server", "copy", str(office.db), url)
        assert r.status == 2 and r.err.startswith(code), r.err
        assert SECRET not in r.err
    assert office("server", "copy", str(office.db), pg_empty_url,
                  password="wrong-pass").status == 3
    r = office("server", "copy", str(office.db), pg_empty_url, user="clerk", password="clerk-pass1")
    assert r.status == 3 and r.err.startswith("ROLE_DENIED")
    assert office("server", "copy", "missing.db", pg_empty_url).status == 2
    assert tables(pg_empty_url) == []
    assert office("people", "add", "--id", make_id("1941-02-03", 22), "--name", "孙七").status == 0
